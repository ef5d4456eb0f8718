"""The records of an article's layout: its lines, sentences with their clauses, and table cells, by position."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    line: int  # 0-based line index
    para: int
    clauses: tuple[tuple[int, int], ...]
    index: int  # position in Layout.sentences, so what is worked out once per sentence can be kept by it


# How far from a figure, in characters either way, its cue words, names, periods and bases are looked for.
# Every sentence in the seed, fixture and held-out articles is under 350 characters, so ordinary prose
# is read whole; a run-on line of scraped text with thousands of figures in one "sentence" is read in
# windows, which keeps the work per figure fixed instead of growing with the line. The words that type a
# figure stand close to it: on those sets a reach of 300 changes no claim, and 200 one of 1,183.
REACH = 600


def reach(sent: Sentence, start: int, end: int) -> Sentence:
    """The part of `sent` the figure at [start, end) reads its words from: all of it within REACH.

    It keeps its sentence's index, and drops the clauses: the figure's clause is found in the whole
    sentence and then cut the same way."""
    a, b = max(sent.start, start - REACH), min(sent.end, end + REACH)
    if a == sent.start and b == sent.end:
        return sent
    return replace(sent, start=a, end=b, clauses=())


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int
    row_label: str
    header: str


@dataclass
class Layout:
    """Positions of every unit in one article; offsets index the original text."""

    text: str
    scan: str
    line_starts: list[int]
    sentences: list[Sentence] = field(default_factory=list)
    cells: dict[int, list[Cell]] = field(default_factory=dict)  # line index -> cells
    headers: dict[int, list[str]] = field(default_factory=dict)  # line index -> its table's header
    headings: dict[int, int] = field(default_factory=dict)  # line index -> line of the heading above
    labels: dict[int, tuple[int, int]] = field(default_factory=dict)  # line -> span of "label:" prefix
    bullets: dict[int, list[tuple[int, tuple[int, int] | None]]] = field(default_factory=dict)  # line -> run-in bullets
    units: dict[int, tuple[str, str, float]] = field(default_factory=dict)  # table line -> declared money unit
    captions: dict[int, str] = field(default_factory=dict)  # table line -> the short line above its table
    _cell_starts: dict[int, list[int]] = field(default_factory=dict, repr=False)  # table line -> its cells' starts

    def line_of(self, pos: int) -> int:
        return bisect_right(self.line_starts, pos) - 1

    def title_line(self) -> int:
        """The article's first line of text after its front matter ("---" … "---"), whatever heading mark it bears."""
        lines = (i for i in range(len(self.line_starts)) if self.line_text(i).strip())
        first = next(lines, 0)
        if self.line_text(first).strip() != "---":
            return first
        for i in lines:
            if self.line_text(i).strip() == "---":
                return next(lines, first)
        return first

    def line_text(self, i: int) -> str:
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
        return self.text[self.line_starts[i]:end].rstrip("\r")

    def cell_at(self, line: int, pos: int) -> tuple[int, Cell] | None:
        """(column, cell) of the table cell on `line` that holds pos, found by bisection: a scraped line of
        pipes may hold thousands of cells, and each of its figures asks."""
        cells = self.cells.get(line)
        if not cells:
            return None
        starts = self._cell_starts.get(line)
        if starts is None:
            starts = self._cell_starts[line] = [c.start for c in cells]
        k = bisect_right(starts, pos) - 1
        return (k, cells[k]) if k >= 0 and pos < cells[k].end else None

    def sentence_at(self, pos: int) -> int:
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= pos:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(self.sentences) - 1)
