"""The rules split into a map over articles and a reduce over keys give the findings of one in-memory run."""
from __future__ import annotations

import itertools
import json

import pytest

from claimcheck import engine, partition, pipeline, session
from claimcheck import vocab as L
from claimcheck.checks import KINDS, SCOPES
from claimcheck.claim_contract import claim_dict
from claimcheck.report import json_report

from conftest import ROOT, SHARED

LEDGER = ROOT / "fixtures" / "ledger"
DIRS = sorted(p for p in (ROOT / "fixtures").iterdir() if p.is_dir() and p.name.startswith(("articles", "heldout")))


def as_json(findings) -> list[str]:
    return [json.dumps(json_report.finding_dict(f, claim_dict), ensure_ascii=False) for f in findings]


def both(folder, ledger=()):
    s = session.setup(None, [str(folder)], ledger=[str(p) for p in ledger])
    filed = session.load_ledger(s)
    corpus = pipeline.run(pipeline.sources([str(folder)]), s.lex, 1, None)
    whole = engine.run(corpus.claims, s.rules, s.lex, corpus.articles, filed)
    per_file = [list(g) for _, g in itertools.groupby(corpus.claims, key=lambda c: c.file)]
    parts = partition.run(per_file, s.rules, s.lex, engine.suppressions(corpus.articles), filed)
    assert parts.tally == whole.tally and parts.suppressed == whole.suppressed
    return as_json(whole.findings), as_json(parts.findings)


@pytest.mark.parametrize("folder", DIRS, ids=lambda p: p.name)
def test_partitioned_findings_are_the_in_memory_ones(folder):
    whole, parts = both(folder)
    assert whole and parts == whole


def test_partitioned_ledger_findings_and_tally_are_the_in_memory_ones():
    # every piece reads the whole ledger; the ledger check's tallies of the pieces add up to the run's
    whole, parts = both(LEDGER / "articles", [LEDGER])
    assert any('"rule": "ledger-mismatch"' in f for f in whole) and parts == whole


def test_with_a_ledger_and_no_keyed_claim_the_tally_is_still_zero(tmp_path):
    (tmp_path / "a.md").write_text("---\ndate: 2025-10-31\n---\n날씨가 맑았다. 기온은 20도였다.\n", encoding="utf-8")
    s = session.setup(None, [str(tmp_path)], ledger=[str(LEDGER)])
    filed = session.load_ledger(s)
    corpus = pipeline.run(pipeline.sources([str(tmp_path)]), s.lex, 1, None)
    assert not any(c.entity for c in corpus.claims)
    whole = engine.run(corpus.claims, s.rules, s.lex, corpus.articles, filed)
    parts = partition.run([corpus.claims], s.rules, s.lex, {}, filed)
    assert whole.tally is not None and parts.tally == whole.tally


@pytest.mark.shared("seeds")
def test_partitioned_findings_on_the_seeds():
    whole, parts = both(SHARED / "seeds")
    assert whole and parts == whole


def test_every_kind_declares_where_it_compares():
    for kind in KINDS.values():
        assert kind.parts and all(scope in SCOPES for scope, _ in kind.parts), kind.name


def test_a_segment_entity_shares_its_parents_key():
    lex = L.default()
    child, parent = next((n, i.parent) for n, i in lex.entities.items() if i.parent)
    assert partition.key(child, lex) == partition.key(parent, lex) == parent
    assert partition.key(None, lex) is None


def test_a_key_check_sees_only_its_key(tmp_path):
    # two companies' conflicting figures never meet in one key: each key alone finds its own conflict
    for name, text in {"a.md": "삼성전자의 2025년 3분기 영업이익은 12조1,700억원이다.\n",
                       "b.md": "삼성전자의 2025년 3분기 영업이익은 10조1,700억원이다.\n"}.items():
        (tmp_path / name).write_text("---\ndate: 2025-10-31\n---\n" + text, encoding="utf-8")
    s = session.setup(None, [str(tmp_path)])
    corpus = pipeline.run(pipeline.sources([str(tmp_path)]), s.lex, 1, None)
    keyed = partition.map_article(corpus.claims, s.rules, s.lex).keyed
    assert list(keyed) == ["Samsung Electronics"]
    found = partition.reduce_key(keyed["Samsung Electronics"], s.rules, s.lex).found
    assert [f.rule for _, f in found] == ["same-figure-mismatch"]
    assert partition.reduce_key(keyed["Samsung Electronics"][:1], s.rules, s.lex).found == []
