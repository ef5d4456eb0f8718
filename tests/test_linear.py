"""Extraction stays linear in the figures of one sentence (issue 13).

Scraped text often has no line breaks, so one "sentence" can hold thousands of figures. Each figure
used to scan and filter its whole sentence, and such a line cost the square of its length (4,000
figures 9 s, 30,000 figures 8 minutes). These tests measure growth, not seconds: four times the
figures may cost about four times the work, where a per-figure rescan of the sentence costs sixteen.

The first test counts work instead of timing it, so a loaded machine cannot fail it: the characters
every compiled pattern of the package walks over, and the items the per-article look-ups (cues, names,
topics, periods) hand out. The second, slow, times the runs, for work that neither count sees.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
import time
from collections.abc import Callable, Iterator

import pytest
import regex

from claimcheck import vocab as L
from claimcheck.claims.article_context import Ctx
from claimcheck.claims.build import extract
from claimcheck.models import Article

# one piece per figure; each run is a single sentence of n pieces (no full stop, no line break)
RUNS: dict[str, Callable[[int], str]] = {
    "percent points": lambda n: "1%p " * n,
    "comma-joined Korean clauses": lambda n: "매출 1조원, " * n,
    "comma-joined English clauses": lambda n: "revenue rose 5% to $1 billion, " * (n // 2),
    "dated Korean bases": lambda n: "삼성전자 3분기 영업이익 1조원으로 전년 동기 대비 5% 증가, " * (n // 2),
    "named English figures": lambda n: "Nvidia's data center revenue for the quarter, a year earlier $2 billion and " * n,
    "a line of table cells": lambda n: "| 매출 | " + "1조원 | " * n,
}
PATTERN_TYPES = (re.Pattern, type(regex.compile("")))
LOOKUPS = ("cues_in", "entities_in", "topics_in", "periods_in")


class Tally:
    """Characters the pattern calls walked over and items the look-ups handed out, summed over a run."""

    def __init__(self) -> None:
        self.work = 0


def _bounds(string: str, args: tuple, kw: dict) -> tuple[int, int]:
    pos = args[0] if args else kw.get("pos")
    endpos = args[1] if len(args) > 1 else kw.get("endpos")
    return (0 if pos is None else pos), (len(string) if endpos is None else min(endpos, len(string)))


class Counted:
    """A compiled pattern that tallies the text each call at least walks over: a search up to the end of its
    match (or of its range, when it finds none), an anchored match up to the end of what it matched, and
    an iteration up to the last match taken from it (or the end of its range, when it ran out)."""

    def __init__(self, rx, tally: Tally) -> None:
        self._rx, self._tally = rx, tally

    def __getattr__(self, name: str):
        return getattr(self._rx, name)

    def search(self, string, *args, **kw):
        a, b = _bounds(string, args, kw)
        got = self._rx.search(string, *args, **kw)
        self._tally.work += (got.end() if got else b) - a
        return got

    def match(self, string, *args, **kw):
        return self._anchored("match", string, args, kw)

    def fullmatch(self, string, *args, **kw):
        return self._anchored("fullmatch", string, args, kw)

    def _anchored(self, how: str, string, args, kw):
        a, _ = _bounds(string, args, kw)
        got = getattr(self._rx, how)(string, *args, **kw)
        self._tally.work += (got.end() - a) if got else 1
        return got

    def finditer(self, string, *args, **kw):
        a, b = _bounds(string, args, kw)
        at = a
        for got in self._rx.finditer(string, *args, **kw):
            self._tally.work += got.end() - at
            at = got.end()
            yield got
        self._tally.work += b - at

    def findall(self, string, *args, **kw):
        a, b = _bounds(string, args, kw)
        self._tally.work += b - a
        return self._rx.findall(string, *args, **kw)


def _patterns_of(obj) -> Iterator[tuple[object, str, object]]:
    """(holder, attribute, pattern) for each compiled pattern held by a module or object, or in a list it holds."""
    for name, value in list(vars(obj).items()):
        if isinstance(value, PATTERN_TYPES):
            yield obj, name, value


@pytest.fixture
def tally(monkeypatch) -> Tally:
    return count_work(monkeypatch)


def count_work(monkeypatch) -> Tally:
    """Every compiled pattern in claimcheck's modules and the lexicon's matchers counted, and the look-ups too."""
    t = Tally()
    modules = [m for name, m in sys.modules.items() if name.startswith("claimcheck.") and m is not None]
    for module in modules:
        for holder, name, rx in _patterns_of(module):
            monkeypatch.setattr(holder, name, Counted(rx, t))
        for name, value in list(vars(module).items()):
            if isinstance(value, list) and value and all(isinstance(v, PATTERN_TYPES) for v in value):
                monkeypatch.setattr(module, name, [Counted(v, t) for v in value])
    lex = L.default()
    for matcher in vars(lex).values():
        if hasattr(matcher, "rx") and hasattr(matcher, "particles"):
            for holder, name, rx in _patterns_of(matcher):
                monkeypatch.setattr(holder, name, Counted(rx, t))
    for name in LOOKUPS:
        original = getattr(Ctx, name)

        def counted(self, *args, _original=original):
            got = _original(self, *args)
            t.work += len(got)
            return got
        monkeypatch.setattr(Ctx, name, counted)
    return t


def _article(text: str) -> Article:
    return Article(path="run_on.md", text=text, published=dt.date(2025, 10, 30))


def _work(tally: Tally, text: str) -> int:
    tally.work = 0
    claims = extract(_article(text), L.default())
    assert claims, "the run must yield claims, or it measures nothing"
    return tally.work


@pytest.mark.parametrize("run", list(RUNS))
def test_work_grows_linearly_with_the_figures_of_one_sentence(tally, run):
    small, big = (_work(tally, RUNS[run](n)) for n in (500, 2000))
    ratio = big / small
    # linear is 4 (a little over, while the smaller run's figures still see both ends of their sentence)
    assert ratio < 6, f"{run}: 4x the figures took {ratio:.1f}x the work"


def _cpu(text: str) -> float:
    """The least CPU time of three runs: the one least disturbed by whatever else the machine is doing."""
    art, lex = _article(text), L.default()
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        extract(art, lex)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("run", ["percent points", "dated Korean bases"])
def test_time_grows_linearly_with_the_figures_of_one_sentence(run):
    small, big = (_cpu(RUNS[run](n)) for n in (2000, 8000))
    ratio = big / small
    assert ratio < 6, f"{run}: 4x the figures took {ratio:.1f}x the time ({small:.2f}s, {big:.2f}s)"


def test_finding_the_date_grows_linearly_with_the_dates_of_one_line():
    # a dated run-on line: every date is read with the words around it, which used to mean the whole line
    from claimcheck.datelines import publication_date

    piece = "매출은 1조원으로 늘었다고 2025년 10월 30일 밝혔다 "

    def cost(n: int) -> float:
        text = piece * n
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            assert publication_date(text, {}) is None  # no date here is the article's own
            best = min(best, time.process_time() - t0)
        return best

    small, big = cost(1000), cost(4000)
    assert big / max(small, 1e-3) < 6, f"4x the dates took {big / max(small, 1e-3):.1f}x the time"
