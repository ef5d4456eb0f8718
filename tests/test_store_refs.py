"""check --store's findings by reference (store_cites.py) end as engine.finish ends whole findings: merged by
value, suppressed, sorted, the unknown suppressions flagged; and every format reports them as in memory."""
from __future__ import annotations

import itertools
import json
import os
import subprocess
from pathlib import Path

import pytest

from claimcheck import builtin, partition, pipeline, session, store
from claimcheck.claim_contract import claim_dict
from claimcheck.report import json_report
from claimcheck.store_cites import Citing, finish, flagged

from conftest import CLI, ROOT

ARTICLES = ROOT / "fixtures" / "articles"


def as_json(findings) -> list[str]:
    return [json.dumps(json_report.finding_dict(f, claim_dict), ensure_ascii=False) for f in findings]


def pieces(s, per_file):
    """The partitioned run's pieces as the store runs them, each with its claims' references."""
    runs = [([store.ref(a, i) for i in range(len(cs))], cs) for a, cs in enumerate(per_file)]
    keyed: dict[str, list] = {}
    everything = []
    for refs, cs in runs:
        where = {id(c): r for r, c in zip(refs, cs)}
        for k, kcs in partition.keyed(cs, s.lex).items():
            keyed.setdefault(k, []).extend((where[id(c)], c) for c in kcs)
        everything += [(where[id(c)], c) for c in partition.corpus_claims(cs, s.rules)]
    out = [(refs, cs, partition.article_part(cs, s.rules, s.lex)) for refs, cs in runs]
    for pairs in [*keyed.values(), everything]:
        refs, cs = [r for r, _ in pairs], [c for _, c in pairs]
        out.append((refs, cs, (partition.reduce_key if pairs is not everything else partition.reduce_corpus)(cs, s.rules, s.lex)))
    return runs, out


def test_findings_by_reference_finish_as_whole_ones(tmp_path):
    s = session.setup(None, [str(ARTICLES)])
    corpus = pipeline.run(pipeline.sources([str(ARTICLES)]), s.lex, 1, None)
    per_file = [list(g) for _, g in itertools.groupby(corpus.claims, key=lambda c: c.file)]
    # a claim twice in its article, the copy equal by value: merging compares claims by value
    per_file[0].append(per_file[0][0].model_copy())
    runs, done = pieces(s, per_file)
    whole = partition.finish([partition.Part(p.found, p.tally) for _, _, p in done], {})
    first = whole.findings[0].claims[0]
    sup = {(first.file, first.line): [whole.findings[0].rule], (first.file, 1): ["pct-vs-pp"], (first.file, 2): ["no-such-rule"]}
    whole = partition.finish([partition.Part(p.found, p.tally) for _, _, p in done], sup)
    expected = [f for f in builtin.flag_unknown(whole.findings, sup, s.rules) if f.rule != "pct-vs-pp"]

    citing = Citing([cs[0].file for cs in per_file], {file for file, _ in sup})
    for refs, cs in runs:
        citing.note(refs, cs)
    assert citing.same  # the copy is known as its original
    found = [(i, citing.lean(f, {id(c): r for r, c in zip(refs, cs)})) for refs, cs, p in done for i, f in p.found]
    got = finish(found, sup, {}, citing)
    kept = flagged(got.findings, sup, s.rules, lambda rule: rule != "pct-vs-pp")
    claims = {r: c for refs, cs in runs for r, c in zip(refs, cs)}
    rebuilt = [f.head.model_copy(update={"claims": tuple(claims[r] for r in f.refs)}) for f in kept]
    assert got.suppressed == whole.suppressed >= 1
    assert as_json(rebuilt) == as_json(expected)
    assert any(f.rule == builtin.UNKNOWN for f in rebuilt) and any(f.suppressed for f in rebuilt)


def cc(*args, env):
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, env={**os.environ, **env})


@pytest.mark.parametrize("fmt", ["text", "concise", "jsonl", "sarif", "github"])
def test_every_format_of_check_store_is_the_in_memory_one(fmt, tmp_path):
    env = {"CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    args = ["check", ARTICLES, "--format", fmt, "--no-fail-on-unreadable"]
    local = cc(*args, env=env)
    stored = cc(*args, "--store", tmp_path / "store", env=env)
    assert local.returncode == stored.returncode == 1 and local.stdout
    assert stored.stdout == local.stdout and stored.stderr == local.stderr


def test_check_store_with_suppressions_and_a_baseline_is_the_in_memory_check(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    for src in sorted(ARTICLES.iterdir())[:6]:
        (folder / src.name).write_bytes(src.read_bytes())
    env = {"CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    first = json.loads(cc("check", folder, "--format", "json", env=env).stdout)["findings"][0]
    where = Path(first["claims"][0]["file"])
    lines = where.read_text(encoding="utf-8").splitlines(keepends=True)
    at = first["claims"][0]["line"] - 1
    lines[at:at] = ["<!-- claimcheck: ignore nonesuch -->\n", f"<!-- claimcheck: ignore {first['rule']} -->\n"]
    where.write_text("".join(lines), encoding="utf-8")
    for extra in ([], ["--write-baseline", tmp_path / "b.json"], ["--baseline", tmp_path / "b.json"], ["--statistics"]):
        local = cc("check", folder, "--format", "json", *extra, env=env)
        base = tmp_path / "b.json"
        written = base.read_text(encoding="utf-8") if extra[:1] == ["--write-baseline"] else None
        stored = cc("check", folder, "--format", "json", "--store", tmp_path / "store", *extra, env=env)
        assert stored.stdout == local.stdout and stored.returncode == local.returncode, extra
        if written is not None:
            assert base.read_text(encoding="utf-8") == written
    doc = json.loads(cc("check", folder, "--format", "json", "--store", tmp_path / "store", env=env).stdout)
    assert any(f["suppressed"] for f in doc["findings"]) and any(f["rule"] == "unknown-suppression" for f in doc["findings"])
