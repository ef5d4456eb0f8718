"""Shared helpers for the claimcheck tests."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).with_name("claimcheck")
# The project's shared folder (seed articles, gold annotations, scorer, SARIF schema) sits beside
# the checkout, as in CI; a worktree elsewhere can point at it with CLAIMCHECK_SHARED.
SHARED = Path(os.environ.get("CLAIMCHECK_SHARED") or ROOT.parent / "shared")

# A realistic Korean news paragraph with figures of every common form.
KO_PARAGRAPH = (
    "삼성전자는 31일 공시를 통해 2025년 3분기 연결 기준 매출 86조1,000억원, 영업이익 12조1,700억원을 "
    "기록했다고 밝혔다. 영업이익률은 14.1%로 전 분기 대비 +7.8%p 개선됐다. 메모리 부문 매출은 "
    "$1,200억 규모로 추정되며 HBM 출하량은 140만 개로 전년 대비 35~38% 늘었다.\n\n"
)


def shared_missing(path: Path) -> str:
    """The skip reason for a test whose shared file is absent, in words a reader of `pytest -rs` follows."""
    return (f"needs {path.relative_to(SHARED).as_posix()} from the project's shared folder, which is not at "
            f"{SHARED} (this checkout has no ../shared beside it; set CLAIMCHECK_SHARED to its path to run it)")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def skip_unless_ci(why: str) -> None:
    """Skip with the reason, or fail in CI, which has what the test needs: there a gap is a broken set-up."""
    if in_ci():
        pytest.fail(why + "; CI must have it", pytrace=False)
    pytest.skip(why)


def clean_copy(dest: Path) -> Path:
    """The checkout as a clean clone has it once today's work is committed: its tracked and new
    (not ignored) files, with no .venv, cache or build output."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


def pytest_runtest_setup(item):
    # CI has ../shared: there a missing file is a broken set-up, not a reason to pass quietly
    for mark in item.iter_markers("shared"):
        need = SHARED / mark.args[0]
        if not need.exists():
            skip_unless_ci(shared_missing(need))


def run_cli(*args: str, timeout: float = 60, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The claimcheck command line as a user runs it, UTF-8 in and out, with a time guard."""
    exe = [str(CLI)] if CLI.exists() else [sys.executable, "-m", "claimcheck"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run([*exe, *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout, cwd=cwd or ROOT, env=env)


@pytest.fixture
def cli():
    return run_cli


def check_articles(rules, articles: dict[str, str], ledger=()):
    """(findings, claims) of the given rules over articles given as name -> text, each dated by its
    front matter as `check` dates it, and checked against the filed figures `ledger` (ledger@1 records)
    when given: how rule cases and rule examples are run."""
    from claimcheck import engine
    from claimcheck import ledger as LG
    from claimcheck import vocab as L
    from claimcheck.claims.build import extract
    from claimcheck.models import Article
    from claimcheck.read import find_date, front_matter

    lex = L.default()
    arts, claims = [], []
    for name, text in articles.items():
        front, _ = front_matter(text)
        art = Article(path=name, text=text, published=find_date(text, front))
        arts.append(art)
        claims.extend(extract(art, lex))
    filed = LG.from_rows(ledger, lex) if ledger else None
    return engine.run(claims, rules, lex, arts, filed).findings, claims
