"""A Paged sequence of findings (check --store) reports as the list of the same findings does, in every
format, though each block builds its cited claims afresh and a claim cited in two blocks is two objects."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from claimcheck import engine
from claimcheck import vocab as L
from claimcheck.models import Finding
from claimcheck.summary import Summary
from claimcheck.outputs import CheckFormat, Output, stream
from claimcheck.paged import Paged, blocks, heads
from claimcheck.pipeline import run, sources
from claimcheck.report import Look
from claimcheck.ruleset import load

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


class Copied(Paged):
    """The findings in blocks of `size`, each block's claims copies made for it, as the store reads them back."""

    def __init__(self, findings: Sequence[Finding], size: int):
        self.findings, self.size = list(findings), size
        self.built = 0  # blocks built so far

    def heads(self) -> Sequence[Finding]:
        return [f.model_copy(update={"claims": ()}) for f in self.findings]

    def blocks(self) -> Iterator[list[Finding]]:
        for i in range(0, len(self.findings), self.size):
            self.built += 1
            fresh: dict[int, object] = {}
            yield [f.model_copy(update={"claims": tuple(fresh.setdefault(id(c), c.model_copy()) for c in f.claims)})
                   for f in self.findings[i:i + self.size]]


@pytest.fixture(scope="module")
def checked():
    corpus = run(sources([str(ARTICLES)]), L.default(), jobs=1)
    rules = load()
    found = engine.run(corpus.claims, rules, L.default(), corpus.articles).findings
    # a suppressed one too, so every reporter's "live" filter is seen
    found = [found[0].model_copy(update={"suppressed": True}), *found[1:]]
    summary = Summary(articles=len(corpus.articles), claims=len(corpus.claims), findings=len(found) - 1, suppressed=1)
    return found, summary, rules


@pytest.mark.parametrize("fmt", [f for f in CheckFormat if f != CheckFormat.html])
@pytest.mark.parametrize("statistics", [False, True])
def test_every_format_reports_paged_findings_as_the_list(checked, fmt, statistics):
    found, summary, rules = checked
    if statistics and fmt.value not in ("text", "concise", "json"):
        pytest.skip("--statistics is for text, concise and json")
    look = Look(statistics=statistics)
    whole = "".join(stream(Output(fmt, None), found, summary, rules, look))
    for size in (1, 3, len(found)):
        paged = Copied(found, size)
        assert "".join(stream(Output(fmt, None), paged, summary, rules, look)) == whole


def test_heads_say_what_the_findings_say_without_reading_a_claim(checked):
    found, _, _ = checked
    paged = Copied(found, 2)
    assert len(paged) == len(found) and bool(paged)
    assert [(h.rule, h.fingerprint, h.suppressed) for h in heads(paged)] == [(f.rule, f.fingerprint, f.suppressed) for f in found]
    assert all(h.claims == () for h in heads(paged)) and paged.built == 0
    assert heads(found) is found and list(blocks(found)) == [found] and list(blocks([])) == []
    assert paged[-1] == found[-1] and paged[1:3] == found[1:3]
    with pytest.raises(IndexError):
        paged[len(found)]
