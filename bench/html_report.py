"""Time the HTML report on a generated archive against a warm `check`; prints a Markdown table.

    .venv/bin/python bench/make_corpus.py /tmp/ccbench/corpus-10000 --articles 10000 --seed 1
    .venv/bin/python bench/html_report.py /tmp/ccbench/corpus-10000 --repeat 3 --workdir /tmp/ccbench-html

Measured, each a median of --repeat runs:
- warm check: `claimcheck check DIR --format json -o /dev/null` with a filled cache (as bench/run.py
  times it), and the same with `--format html -o report.html`, each in its own wrapper process
  (wall and CPU seconds, user + system, of the command and its workers; peak resident set);
- the report alone: the findings of one warm run in this process, then `report.html.stream`
  written to a file by `outputs.write`, as the CLI writes it (wall and CPU seconds, file size).
- with --browser, headless Chromium drawing the page (a screenshot of its first 2,000 pixels): how
  long a reader waits for it.
The issue's bar: writing the report takes under 20% of a warm check.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

CLI = [sys.executable, "-m", "claimcheck"]
WRAP = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": u.ru_utime + u.ru_stime, "rss_mb": u.ru_maxrss / 1024, "rc": p.returncode,
                  "err": p.stderr.decode("utf-8", "replace")[-600:]}))
"""


def measure(argv: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, "-c", WRAP, *argv], capture_output=True, text=True, env=env, check=True)
    got = json.loads(out.stdout)
    if got["rc"] not in (0, 1):
        raise SystemExit(f"bench: {' '.join(argv[:6])} ... exited {got['rc']}:\n{got['err']}")
    return got


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def in_process(corpus: Path, out: Path, repeat: int) -> dict:
    """The report alone, on the findings of one warm run, written as the CLI writes it."""
    from claimcheck import outputs, session
    from claimcheck.builtin import BUILTIN
    from claimcheck.report import html

    s = session.setup(None, [str(corpus)])
    got = session.gather([str(corpus)], s.cfg, False, False, None)
    result = session.check(s, got.inputs, None, False, None, None, None, got.scope)
    rules = [*s.rules, *BUILTIN]
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        outputs.write(html.stream(result.scoped.findings, result.summary, rules, result.corpus.claims, out.parent), out)
        runs.append({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu})
    return {"wall": median(runs, "wall"), "cpu": median(runs, "cpu"), "mb": out.stat().st_size / 1e6,
            "findings": len(result.scoped.findings), "claims": len(result.corpus.claims),
            "cited": sum(len(f.claims) for f in result.scoped.findings)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path, help="a folder of articles, e.g. from bench/make_corpus.py")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path("bench/out/html"), help="cache and reports go here")
    ap.add_argument("--jobs", type=int, default=None, help="passed to claimcheck as --jobs")
    ap.add_argument("--browser", action="store_true", help="also time headless chromium drawing the page")
    a = ap.parse_args()
    a.workdir.mkdir(parents=True, exist_ok=True)
    cache = a.workdir / "cache"
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(cache)}
    os.environ["CLAIMCHECK_CACHE_DIR"] = str(cache)
    jobs = ["--jobs", str(a.jobs)] if a.jobs else []
    check = [*CLI, "check", str(a.corpus), *jobs]
    # untimed: fills the cache when it is empty or keyed otherwise (entries are keyed by the path as
    # shown, so `DIR` and `/abs/DIR` do not share them), and warms the file system either way
    print(f"bench: one untimed run to fill the cache at {cache}", file=sys.stderr)
    measure([*check, "--format", "json", "-o", os.devnull], env)
    report = a.workdir / "report.html"
    json_runs = [measure([*check, "--format", "json", "-o", os.devnull], env) for _ in range(a.repeat)]
    html_runs = [measure([*check, "--format", "html", "-o", str(report)], env) for _ in range(a.repeat)]
    alone = in_process(a.corpus, report, a.repeat)
    warm = median(json_runs, "wall"), median(json_runs, "cpu")
    print(f"{alone['findings']:,} findings citing {alone['cited']:,} claims; {alone['claims']:,} claims in all; "
          f"medians of {a.repeat}\n")
    print("| run | wall s | CPU s | peak MB | report MB |\n| --- | ---: | ---: | ---: | ---: |")
    print(f"| warm check, json to /dev/null | {warm[0]:.2f} | {warm[1]:.2f} | {median(json_runs, 'rss_mb'):.0f} | – |")
    print(f"| warm check, html to a file | {median(html_runs, 'wall'):.2f} | {median(html_runs, 'cpu'):.2f} | "
          f"{median(html_runs, 'rss_mb'):.0f} | {alone['mb']:.1f} |")
    print(f"| the html report alone (in process) | {alone['wall']:.2f} | {alone['cpu']:.2f} | – | {alone['mb']:.1f} |")
    if a.browser:
        drawn = [draw(report) for _ in range(a.repeat)]
        print(f"| headless chromium drawing it | {median(drawn, 'wall'):.2f} | – | {median(drawn, 'rss_mb'):.0f} | – |")
    print(f"\nreport alone / warm check: {alone['wall'] / warm[0]:.0%} wall, {alone['cpu'] / warm[1]:.0%} CPU (bar: under 20%)")


def draw(report: Path) -> dict:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("bench: --browser needs chromium on the PATH")
    shot = report.with_suffix(".png")
    return measure([browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000",
                    f"--screenshot={shot}", report.resolve().as_uri()], dict(os.environ))


if __name__ == "__main__":
    main()
