"""Parallel and cached extraction give exactly the serial result; a broken cache never fails a run."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.cache import Cache, default_dir, salt
from claimcheck import vocab as L

KO = ("---\ntitle: 삼성전자 실적\ndate: 2025-10-{day:02d}\n---\n\n"
      "삼성전자는 3분기 매출 {rev}조원, 영업이익 {op}조{op2:,}억원을 기록했다고 밝혔다. "
      "영업이익은 전년 동기 대비 {g}% 늘었다.\n\n"
      "반도체(DS)부문 영업이익은 {ds}조원이었다. 주가는 {px:,}원에 마감했다.\n")
EN = ("---\ntitle: Nvidia results\ndate: 2025-11-{day:02d}\n---\n\n"
      "Nvidia said revenue for the third quarter rose {g}% to ${rev}.{op} billion. "
      "Net income was ${ds}.{day} billion.\n\n"
      "Shares closed at ${px:,}.25 in the regular session.\n\n"
      "Acme Widgets reported revenue of ${op}.{ds} billion.\n")
N_FILES = 72  # above pipeline.POOL_MIN_FILES so jobs=2 really uses the pool


def _corpus(root: Path) -> list:
    for i in range(N_FILES):
        tpl = KO if i % 2 else EN
        text = tpl.format(day=i % 28 + 1, rev=80 + i, op=i % 9 + 1, op2=100 * (i % 9), g=10 + i % 40,
                          ds=5 + i % 7, px=100_000 + 100 * i)
        sub = root / f"part{i // 30}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{i:03d}.md").write_text(text, encoding="utf-8")
    (root / "bad.md").write_bytes(b"\x00\x01binary\x00" * 10)  # unreadable: a problem, not a stop
    return pipeline.sources([str(root)])


def _good(corpus: list) -> list:
    return [s for s in corpus if not s.shown.endswith("bad.md")]


def _dump(c: pipeline.Corpus) -> tuple:
    return ([a.model_dump(mode="json") for a in c.articles], [x.model_dump(mode="json") for x in c.claims],
            [p for p in c.problems if p.kind != "cache"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list:
    return _corpus(tmp_path_factory.mktemp("arts"))


@pytest.fixture(scope="module")
def serial(corpus) -> pipeline.Corpus:
    return pipeline.run(corpus, jobs=1)


def _entries(root: Path) -> list[Path]:
    return list((root / "v1").glob("*/*.json"))


def test_serial_finds_claims_and_reports_the_unreadable(serial):
    assert len(serial.articles) == N_FILES
    assert len(serial.claims) > N_FILES
    assert any(p.kind == "unreadable" and p.file.endswith("bad.md") for p in serial.problems)


def test_jobs_do_not_change_the_output(corpus, serial):
    assert _dump(pipeline.run(corpus, jobs=2)) == _dump(serial)


def test_custom_lexicon_reaches_the_workers(corpus):
    lex = L.build(extra_aliases={"Acme Widgets": ["Acme Widgets"]})
    one, two = pipeline.run(corpus, lex, jobs=1), pipeline.run(corpus, lex, jobs=2)
    assert _dump(one) == _dump(two)
    assert any(c.entity == "Acme Widgets" for c in two.claims)


def test_cache_serves_identical_results(corpus, serial, tmp_path):
    s = salt({"aliases": {}})
    first = Cache(tmp_path / "c", s)
    assert _dump(pipeline.run(corpus, jobs=2, cache=first)) == _dump(serial)
    assert len(_entries(tmp_path / "c")) == N_FILES
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (tmp_path / "c" / ".gitignore").read_text() == "*\n"
    second = Cache(tmp_path / "c", s)
    hits = [second.get(src.shown, src.path.read_bytes()) for src in _good(corpus)]
    assert all(h is not None for h in hits)
    assert _dump(pipeline.run(corpus, jobs=1, cache=second)) == _dump(serial)
    assert _dump(pipeline.run(corpus, jobs=2, cache=second)) == _dump(serial)  # hits served before any pool
    assert second.warnings == [] and first.warnings == []
    # a different salt (other rules or settings) must not see these entries
    assert Cache(tmp_path / "c", s + "x").get(_good(corpus)[0].shown, _good(corpus)[0].path.read_bytes()) is None


def test_corrupt_entry_is_ignored_with_one_warning(corpus, serial, tmp_path):
    cache = Cache(tmp_path / "c", "salt")
    pipeline.run(corpus, jobs=1, cache=cache)
    for e in _entries(tmp_path / "c")[:3]:
        e.write_bytes(b"\x8f garbage {")
    again = Cache(tmp_path / "c", "salt")
    out = pipeline.run(corpus, jobs=1, cache=again)
    assert _dump(out) == _dump(serial)
    assert len(again.warnings) == 1 and "corrupt" in again.warnings[0]
    assert again.warnings[0] in [p.message for p in out.problems if p.kind == "cache"]
    # the rewritten entries are whole again
    assert Cache(tmp_path / "c", "salt").get(_good(corpus)[0].shown, _good(corpus)[0].path.read_bytes()) is not None


def test_read_only_cache_dir_does_not_fail(corpus, serial, tmp_path, monkeypatch):
    root = tmp_path / "ro"
    root.mkdir()
    root.chmod(0o500)
    jobs = 2
    try:
        if os.access(root, os.W_OK):
            # running as root, chmod stops nothing: make the write itself fail the way it would,
            # in this process only (jobs=1), since a patch need not reach pool workers
            def denied(*a, **k):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

            monkeypatch.setattr("claimcheck.cache.tempfile.mkstemp", denied)
            jobs = 1
        cache = Cache(root, "salt")
        assert _dump(pipeline.run(corpus, jobs=jobs, cache=cache)) == _dump(serial)
        assert len(cache.warnings) == 1 and "cannot write" in cache.warnings[0]
    finally:
        root.chmod(0o700)


def test_unwritable_root_warns_once_across_workers(corpus, serial, tmp_path):
    (tmp_path / "f").write_text("not a folder")
    cache = Cache(tmp_path / "f" / "cache", "salt")
    out = pipeline.run(corpus, jobs=2, cache=cache)
    assert _dump(out) == _dump(serial)
    assert len(cache.warnings) == 1 and "cannot write" in cache.warnings[0]
    assert [p.message for p in out.problems if p.kind == "cache"] == cache.warnings


def test_full_disk_turns_writing_off(corpus, serial, tmp_path, monkeypatch):
    def full(*a, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("claimcheck.cache.os.replace", full)
    cache = Cache(tmp_path / "c", "salt")
    assert _dump(pipeline.run(corpus, jobs=1, cache=cache)) == _dump(serial)
    assert len(cache.warnings) == 1 and "No space left" in cache.warnings[0]
    assert _entries(tmp_path / "c") == [] and not list((tmp_path / "c").rglob(".tmp-*"))


def test_default_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("CLAIMCHECK_CACHE_DIR", raising=False)
    assert default_dir(tmp_path) == tmp_path / ".claimcheck_cache"
    assert default_dir(None) == Path.cwd() / ".claimcheck_cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "x"))
    assert default_dir(tmp_path) == tmp_path / "x"
