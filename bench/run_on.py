"""Time `claimcheck extract` on single hostile articles: run-on lines of thousands of figures, and 5 MB.

Scraped text often has no line breaks, so one "sentence" can hold thousands of figures; these inputs
show whether extraction stays linear in the figures of a sentence and in the size of an article.
Prints a Markdown table of wall and CPU seconds (median over --repeat), and the growth from 4,000 to
16,000 figures.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "articles"
FIVE_MB = 5 * 1024 * 1024
KO_PARAGRAPH = (  # the paragraph tests/test_robustness.py repeats to 5 MB
    "삼성전자는 31일 공시를 통해 2025년 3분기 연결 기준 매출 86조1,000억원, 영업이익 12조1,700억원을 "
    "기록했다고 밝혔다. 영업이익률은 14.1%로 전 분기 대비 +7.8%p 개선됐다. 메모리 부문 매출은 "
    "$1,200억 규모로 추정되며 HBM 출하량은 140만 개로 전년 대비 35~38% 늘었다.\n\n"
)

# Timing and CPU are taken in a wrapper process around the command, so start-up and imports count.
WRAP = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": r.ru_utime + r.ru_stime, "rc": p.returncode,
                  "err": p.stderr.decode("utf-8", "replace")[-600:]}))
"""


def _repeat_to(text: str, size: int) -> str:
    return text * (size // len(text.encode("utf-8")) + 1)


def _fixtures() -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*")) if p.suffix in (".md", ".txt")]
    return "\n\n".join(parts)


def _one_line(text: str) -> str:
    """Scraped text at its worst: no line breaks, and no full stop that ends a sentence."""
    return text.replace("\n", " ").replace(". ", ", ").replace("다.", "다,")


CASES: dict[str, Callable[[], str]] = {
    "`1%p ` x 4,000 (one line)": lambda: "1%p " * 4000,
    "`1%p ` x 16,000 (one line)": lambda: "1%p " * 16000,
    "`매출 1조원, ` x 4,000 (no full stop)": lambda: "매출 1조원, " * 4000,
    "`revenue rose 5% to $1 billion, ` x 3,000": lambda: "revenue rose 5% to $1 billion, " * 3000,
    "1M chars of the fixtures on one line, full stops made commas": lambda: _one_line(_repeat_to(_fixtures(), FIVE_MB)[:1_000_000]),
    "5 MB: fixtures/articles repeated": lambda: _repeat_to(_fixtures(), FIVE_MB),
    "5 MB: tests' Korean paragraph repeated": lambda: _repeat_to(KO_PARAGRAPH, FIVE_MB),
}


def measure(path: Path) -> dict:
    argv = [sys.executable, "-m", "claimcheck", "extract", str(path), "--format", "jsonl", "--no-cache"]
    out = subprocess.run([sys.executable, "-c", WRAP, *argv], capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    if got["rc"] != 0:
        raise SystemExit(f"run_on: {path.name} exited {got['rc']}:\n{got['err']}")
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="runs per case; the median is printed")
    ap.add_argument("--only", default="", help="run only the cases whose name contains this text")
    args = ap.parse_args()
    rows: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="ccrunon") as tmp:
        for i, (name, make) in enumerate(CASES.items()):
            if args.only not in name:
                continue
            path = Path(tmp) / f"case{i}.md"
            path.write_text(make(), encoding="utf-8")
            runs = [measure(path) for _ in range(args.repeat)]
            rows[name] = (statistics.median(r["wall"] for r in runs), statistics.median(r["cpu"] for r in runs))
            print(f"{name}: wall {rows[name][0]:.1f} s, CPU {rows[name][1]:.1f} s", file=sys.stderr, flush=True)
    print("| input | wall s | CPU s |\n| --- | ---: | ---: |")
    for name, (wall, cpu) in rows.items():
        print(f"| {name} | {wall:.1f} | {cpu:.1f} |")
    small, big = rows.get("`1%p ` x 4,000 (one line)"), rows.get("`1%p ` x 16,000 (one line)")
    if small and big:
        print(f"\n16,000 / 4,000 figures: {big[0] / small[0]:.1f}x wall, {big[1] / small[1]:.1f}x CPU (linear 4.0)")


if __name__ == "__main__":
    main()
