"""Time and peak memory of `check` in memory, `check --store` and `check --engine dask` on a generated archive.

    .venv/bin/python bench/store.py --articles 10000 --workdir /tmp/ccbench --repeat 3

The archive comes from make_corpus.py (reused when present). Each variant runs once untimed to
fill the extraction cache and the store, then --repeat timed runs with a warm cache; a Markdown
table gives the median wall and CPU time, the peak RSS of the process tree (getrusage of the
children, taken in a wrapper process, so start-up and imports count) and the 1-minute load
average before and after the timed runs (the machine may be shared: CPU seconds depend less on it).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# CPU is user + system of every reaped descendant (Dask's workers included); peak RSS is the largest
# single one of them, not their sum
WRAP = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024,
                  "rc": p.returncode, "err": p.stderr.decode("utf-8", "replace")[-400:]}))
"""
VARIANTS = ("memory", "store", "dask")


def timed(cmd: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, "-c", WRAP, *cmd], capture_output=True, text=True, env=env, check=True)
    got = json.loads(out.stdout)
    if got["rc"] not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {got['err']}")
    return got


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/ccbench"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", nargs="+", choices=VARIANTS, default=list(VARIANTS), help="run these variants only")
    a = ap.parse_args()
    corpus = a.workdir / f"corpus-{a.articles}"
    subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(corpus), "--articles", str(a.articles), "--seed", "1"], check=True)
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(a.workdir / "cache")}
    cli = str(Path(sys.executable).with_name("claimcheck"))
    base = [cli, "check", str(corpus), "--format", "json", "-o", os.devnull, "-j", str(a.jobs), "--no-fail-on-unreadable"]
    variants = {"memory": ("in memory", base),
                "store": ("--store", [*base, "--store", str(a.workdir / f"store-{a.articles}")]),
                "dask": (f"--engine dask ({a.jobs} local workers)", [*base, "--engine", "dask"])}
    print(f"| {a.articles:,} articles, warm cache | median wall s | median CPU s | peak RSS MB | load (1 min) |\n"
          "| --- | ---: | ---: | ---: | --- |", flush=True)
    for v in a.only:
        name, cmd = variants[v]
        timed(cmd, env)  # fills the cache and the store
        load = os.getloadavg()[0]
        runs = [timed(cmd, env) for _ in range(a.repeat)]
        print(f"| {name} | {statistics.median(r['wall'] for r in runs):.1f} | {statistics.median(r['cpu'] for r in runs):.1f} | "
              f"{max(r['rss_mb'] for r in runs):.0f} | {load:.1f}–{os.getloadavg()[0]:.1f} |", flush=True)


if __name__ == "__main__":
    main()
