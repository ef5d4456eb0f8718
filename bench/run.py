"""Time claimcheck against a read-and-scan floor on generated archives; prints a Markdown table."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLI = [sys.executable, "-m", "claimcheck"]

# Each measured command runs under its own small wrapper process, because RUSAGE_CHILDREN's
# ru_maxrss is a running maximum over every child ever waited for: a fresh wrapper per run keeps
# one run's peak from leaking into the next. Timing is taken inside the wrapper, so the
# wrapper's own start-up is not counted.
WRAP = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
print(json.dumps({"wall": wall, "rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "rc": p.returncode, "err": p.stderr.decode("utf-8", "replace")[-600:]}))
"""

# The floor: start Python, read every article, decode it and run one number regex over it.
FLOOR = r"""
import os, sys, regex
rx, n = regex.compile(r"\d[\d,.]*"), 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for f in sorted(files):
        if f.endswith((".md", ".txt")):
            with open(os.path.join(root, f), "rb") as fh:
                n += sum(1 for _ in rx.finditer(fh.read().decode("utf-8", "replace")))
print(n)
"""


def measure(argv: list[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)) -> dict:
    out = subprocess.run([sys.executable, "-c", WRAP, *argv], capture_output=True, text=True,
                         env={**os.environ, **(env or {})}, check=True)
    got = json.loads(out.stdout)
    if got["rc"] not in ok:
        raise SystemExit(f"bench: {' '.join(argv[:4])} ... exited {got['rc']}:\n{got['err']}")
    return got


def command() -> tuple[list[str], set[str], tuple[int, ...]]:
    """`check` if this build has it (exit 1 only means findings), else `extract`; plus its flags."""
    for sub, extra, ok in (("check", ["--format", "json"], (0, 1)), ("extract", ["--format", "jsonl"], (0,))):
        h = subprocess.run([*CLI, sub, "--help"], capture_output=True, text=True)
        if h.returncode == 0:
            flags = {f for f in ("--no-cache", "--jobs") if f in h.stdout}
            return [*CLI, sub, *extra, "-o", os.devnull], flags, ok
    raise SystemExit("bench: neither `claimcheck check` nor `claimcheck extract` runs; is the venv active?")


def corpus(workdir: Path, size: int, seed: int) -> tuple[Path, int]:
    out = workdir / f"corpus-{size}"
    subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(out), "--articles", str(size),
                    "--seed", str(seed)], check=True)
    nbytes = sum(f.stat().st_size for f in out.glob("part*/a*"))
    return out, nbytes


def entries(cache: Path) -> int:
    return sum(1 for _ in cache.glob("v1/*/*.json"))


def bench_size(workdir: Path, size: int, a: argparse.Namespace, cmd: list[str], flags: set[str],
               ok: tuple[int, ...]) -> dict[str, list[dict]]:
    path, nbytes = corpus(workdir, size, a.seed)
    base = [*cmd, str(path)]
    if a.jobs and "--jobs" in flags:
        base += ["--jobs", str(a.jobs)]
    runs: dict[str, list[dict]] = {"floor": [], "cold": [], "warm": []}
    for _ in range(a.repeat):
        runs["floor"].append(measure([sys.executable, "-c", FLOOR, str(path)]))
    for _ in range(a.repeat):
        with tempfile.TemporaryDirectory(dir=workdir) as fresh:  # cold even where --no-cache is missing
            cold = base + (["--no-cache"] if "--no-cache" in flags else [])
            runs["cold"].append(measure(cold, {"CLAIMCHECK_CACHE_DIR": fresh}, ok))
    cache = workdir / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    env = {"CLAIMCHECK_CACHE_DIR": str(cache)}
    measure(base, env, ok)  # fills the cache; not timed
    if entries(cache) == 0:
        print(f"bench: the CLI wrote no cache entries under {cache}; warm runs skipped", file=sys.stderr)
        runs.pop("warm")
    else:
        for _ in range(a.repeat):
            runs["warm"].append(measure(base, env, ok))
    for rs in runs.values():
        for r in rs:
            r.update(articles=size, mb=nbytes / 1e6)
    return runs


def med(rs: list[dict], k: str) -> float:
    return statistics.median(r[k] for r in rs)


def table(results: dict[int, dict[str, list[dict]]], label: str) -> str:
    lines = [f"Command: `{label}`", "",
             "| articles | MB | run | wall s | articles/s | MB/s | peak MB | × floor |",
             "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for size, runs in results.items():
        floor = med(runs["floor"], "wall")
        for kind, rs in runs.items():
            wall, mb = med(rs, "wall"), rs[0]["mb"]
            lines.append(f"| {size} | {mb:.1f} | {kind} | {wall:.2f} | {size / wall:,.0f} | {mb / wall:.2f} "
                         f"| {med(rs, 'rss_kb') / 1024:.0f} | {wall / floor:.1f} |")
    sizes = sorted(results)
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        lines += ["", f"Scaling, time({hi}) / time({lo}) (linear would be {hi / lo:.1f}):", ""]
        for kind in results[hi]:
            if kind in results[lo]:
                lines.append(f"- {kind}: {med(results[hi][kind], 'wall') / med(results[lo][kind], 'wall'):.2f}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000], help="articles per corpus")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per measurement; the median is shown")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "ccbench")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=None, help="pass --jobs N to claimcheck (default: its own)")
    a = ap.parse_args(argv)
    a.workdir.mkdir(parents=True, exist_ok=True)
    cmd, flags, ok = command()
    results = {}
    for size in a.sizes:
        print(f"bench: {size} articles ...", file=sys.stderr)
        results[size] = bench_size(a.workdir, size, a, cmd, flags, ok)
    sub, *opts = cmd[len(CLI):]
    label = " ".join(["claimcheck", sub, "DIR", *opts] + (["--jobs", str(a.jobs)] if a.jobs else []))
    sys.stdout.write(table(results, label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
