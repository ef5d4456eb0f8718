"""Typing cases (entity, metric, period, basis...) kept as YAML in tests/cases/typing*.yaml, one parametrized test.

Cases are split by theme over several files (typing.yaml, typing_dates.yaml, ...) so that work on one
class of phrasing adds a file of its own instead of editing one long list.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck import vocab as L
from claimcheck.claims.build import extract
from claimcheck.models import Article
from claimcheck.read import find_date, front_matter

CASES = sorted((Path(__file__).resolve().parent / "cases").glob("typing*.yaml"))


def _cases():
    for path in CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            yield pytest.param(case, id=f"{path.stem}: {case['name']}", marks=marks)


@pytest.mark.parametrize("case", list(_cases()))
def test_typing_case(case):
    text = f"---\ndate: {case['date']}\n---\n{case['text']}" if case.get("date") else case["text"]
    front, _ = front_matter(text)
    claims = extract(Article(path="a.md", text=text, published=find_date(text, front)), L.default())
    shift = 3 if case.get("date") else 0  # the front matter's lines come before the case's own
    for want in case["expect"]:
        # "line" (of the case text, from 1) picks one of several figures written alike
        got = [c for c in claims if c.text == want["text"] and want.get("line", c.line - shift) == c.line - shift]
        if want.get("absent"):
            assert not got, f"{want['text']!r} should not be a claim"
            continue
        assert got, f"{want['text']!r} not extracted; got {[c.text for c in claims]}"
        c = got[0]
        # "evidence" names, per field, where the words that decided it stood ({metric: clause})
        seen = {k: getattr(c, k) if k != "evidence" else {e[0]: e[1] for e in c.evidence if e[0] in want[k]}
                for k in want if k not in ("text", "line")}
        assert seen == {k: v for k, v in want.items() if k not in ("text", "line")}, (want["text"], seen)
