"""An article's text cut into lines, paragraphs, sentences, clauses and table cells, with non-prose blanked."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import regex

from ..numbers import patterns as P
from . import fixed_tables
from ..read import FRONT_MATTER

# a sentence ends at . ! ? before a capital, Hangul or an opening quote, never after an
# abbreviation ("Oct. 26", "Inc.", "vs.") or before a digit or a lower-case word; the mark is
# looked for first, so that the abbreviations are only tried after one (twice as fast)
ABBREV = r"(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|Mr|Ms|Dr|St|No|approx|est|U\.S|e\.g|i\.e))"
SENT_END = regex.compile(rf"(?<=[.!?。…]){ABBREV}\s+(?=[\p{{Lu}}\p{{Hangul}}\"“‘'(\[*#-]|[ie]\p{{Lu}})|(?<=다\.)(?=\S)"
                         r"|(?<=[\p{Hangul}][.!?])(?=[\p{Hangul}])"
                         # scraped summaries run their bullets into one line: "... [1] - Revenues rose ...",
                         # "Financial Performance - First-quarter earnings were ..."
                         r"|(?<=\[\d{1,2}\])\s+(?=\p{Lu}|-\s)|\s(?=-\s\p{Lu})")
# Every SENT_END match starts right after a closing mark (. ! ? 。 …, or the ']' of "[1]") or at the blank
# before a "- " bullet, so the pattern is tried only there: led by lookbehinds, it was otherwise tried at every
# character of the article, which was most of the layout's time
MAY_END = regex.compile(r"[.!?。…\]-]")
# a quotation closes where "…"며 / "…"고 ends it: the words after are the speaker's next clause
# and "기록했다. 2분기부터": a Korean sentence end before a digit is kept inside the sentence (see sentence_ends) but
# still ends a clause, so a period named after it dates nothing before it
CLAUSE_CUT = regex.compile(r',\s|，|;\s|\s/\s|\s\|\s|(?<=[”"])(?:라?며|라고|고|면서)\s|(?<=다)\.\s(?=\d)')
TABLE_SEP = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
HEADING = regex.compile(r"^\s*(?:#{1,6}\s|\*\*[^*]+\*\*\s*$|[■▶●◆◇□▷►]\s)")
FIGURE_LIKE = regex.compile(r"[$₩€¥£%]|\d[\d,.]*\s?(?:조|억|만|billion|million|bn|mn)", regex.IGNORECASE)
CAPS = regex.compile(r"\p{Lu}{3,}\s\p{Lu}{3,}")
WORDY = regex.compile(r"[\p{L}\p{N}]")
MARKER_ITEM = regex.compile(r"^\s*[●◆◇□▶▷►]\s")
SENTENCE_END = regex.compile(r"[.!?다요]\s*$")
LIST_ITEM = regex.compile(r"^\s*(?:[-*+•·]\s|\d{1,2}[.)]\s|[①-⑳])")
TITLE_VALUE = regex.compile(r"^title:[ \t]*(.+)$", regex.MULTILINE)
UNIT_DECL = regex.compile(r"단위\s*[:：]\s*[^)\n]+|\((?:[^()\n]*?)(?:bn|billion|mn|million|조원|억원|백만원|달러|위안|엔|%)[^()\n]*\)",
                           regex.IGNORECASE)
# longer scales first: "십억 달러" also contains "억 달러"
UNITS = [
    (r"조\s?원", ("money", "KRW", 1e12)), (r"십억\s?원", ("money", "KRW", 1e9)), (r"억\s?원", ("money", "KRW", 1e8)),
    (r"백만\s?원", ("money", "KRW", 1e6)), (r"천\s?원", ("money", "KRW", 1e3)), (r"십억\s?달러", ("money", "USD", 1e9)),
    (r"억\s?달러", ("money", "USD", 1e8)), (r"백만\s?달러", ("money", "USD", 1e6)), (r"천\s?달러", ("money", "USD", 1e3)),
    (r"백만\s?위안", ("money", "CNY", 1e6)), (r"억\s?유로", ("money", "EUR", 1e8)), (r"백만\s?유로", ("money", "EUR", 1e6)),
    (r"백만\s?엔", ("money", "JPY", 1e6)), (r"억\s?홍콩\s?달러", ("money", "HKD", 1e8)),
    (r"십억\s?엔", ("money", "JPY", 1e9)), (r"십억\s?위안", ("money", "CNY", 1e9)), (r"십억\s?유로", ("money", "EUR", 1e9)),
    (r"억\s?위안", ("money", "CNY", 1e8)), (r"억\s?엔", ("money", "JPY", 1e8)),
    (r"(?:US\$|USD|\$)\s?(?:bn|billion)|(?:bn|billion)\s?(?:USD|dollars)", ("money", "USD", 1e9)),
    (r"(?:US\$|USD|\$)\s?(?:mn|million)|(?:mn|million)\s?(?:USD|dollars)", ("money", "USD", 1e6)),
    (r"(?:EUR|€)\s?(?:bn|billion)", ("money", "EUR", 1e9)), (r"(?:CNY|RMB)\s?(?:bn|billion)", ("money", "CNY", 1e9)),
    # a currency with no scale: a per-share row such as "주가(11/19, 홍콩달러)"
    (r"홍콩\s?달러|HKD|HK\$", ("money", "HKD", 1.0)), (r"위안|CNY|RMB", ("money", "CNY", 1.0)),
    (r"달러|USD|US\$", ("money", "USD", 1.0)), (r"(?<![가-힣])원(?![가-힣])|KRW", ("money", "KRW", 1.0)),
    (r"(?<![가-힣])엔(?![가-힣])|JPY", ("money", "JPY", 1.0)),
]
UNIT_RX = [(regex.compile(a, regex.IGNORECASE), b) for a, b in UNITS]
PCT_ROW = regex.compile(r"%|률|율|margin|growth|비중|점유율|share|yoy|qoq|증감|change|대비|전년비|전기비", regex.IGNORECASE)


def unit_of(text: str) -> tuple[str, str, float] | None:
    """The money unit a table declares ("(단위: 억원)", "USD bn"), if any."""
    for rx, unit in UNIT_RX:
        if rx.search(text):
            return unit
    return None


PROSE_END = regex.compile(r"[.!?다]\s*$|\d")
LABEL = regex.compile(r"^\s*(?:[-*+•·]\s*)?(?:\*\*)?(?P<label>[^:：\n]{1,40}?)(?:\*\*)?\s*[:：](?!//)")


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
    units: dict[int, tuple[str, str, float]] = field(default_factory=dict)  # table line -> declared money unit
    captions: dict[int, str] = field(default_factory=dict)  # table line -> the short line above its table
    _cell_starts: dict[int, list[int]] = field(default_factory=dict, repr=False)  # table line -> its cells' starts

    def line_of(self, pos: int) -> int:
        return bisect_right(self.line_starts, pos) - 1

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


def _blanked(base: str, spans: list[tuple[int, int]]) -> str:
    """base with every span blanked but its line breaks, made from slices: a list of a 5 MB article's
    characters cost a third of a second to make and join."""
    out: list[str] = []
    last = 0
    for a, b in sorted(spans):
        a = max(a, last)
        if a < b:
            out += (base[last:a], "\n".join(" " * len(piece) for piece in base[a:b].split("\n")))
            last = b
    out.append(base[last:])
    return "".join(out)


# one character each way, so offsets into the scan still index the article
DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\u00ad": "-"})
HAS_DASH = regex.compile(r"[\u2010-\u2013\u2212\u00ad]")


def mask(text: str) -> str:
    """Same-length text with front matter, URLs, link targets, code and comments blanked, and the
    typographic hyphens and dashes ('fourth‑quarter' with U+2011) read as the ASCII hyphen."""
    base = text.translate(DASHES) if HAS_DASH.search(text) else text
    fm = FRONT_MATTER.match(text)  # only its extent is needed here; read.py parses it
    fm_end = fm.end() if fm else 0
    spans = [(0, fm_end)]
    if fm_end and (t := TITLE_VALUE.search(text, 0, fm_end)):
        spans = [(0, t.start(1)), (t.end(1), fm_end)]  # a headline states figures too
    for rx in (P.FENCE, P.HTML_COMMENT, P.INLINE_CODE, P.MD_LINK_TARGET, P.URL, IMAGE_ALT):
        spans += (m.span() for m in rx.finditer(text))
    spans += (m.span() for m in P.emails(text))
    return _blanked(base, spans)


# image alt text is a caption of a picture, not a figure
IMAGE_ALT = regex.compile(r"!\[[^\]\n]*\]")


def _cells(line: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = line.find("|")
    if i < 0:
        return spans
    while True:
        j = line.find("|", i + 1)
        if j < 0:
            if line[i + 1:].strip():
                spans.append((base + i + 1, base + len(line)))
            break
        spans.append((base + i + 1, base + j))
        i = j
    return spans


MARKUP = regex.compile(r"[*_`]")  # compiled once: regex.sub(str, ...) looks its pattern up anew for every table cell


def _clean(s: str) -> str:
    return MARKUP.sub("", s).strip()


def layout(text: str) -> Layout:
    scan = mask(text)
    starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
    lay = Layout(text=text, scan=scan, line_starts=starts)
    para, prev_blank, heading, header, table_unit, caption = 0, True, -1, None, None, ""
    open_at: tuple[int, int] | None = None  # (start, line) of a sentence a wrapped line left open
    nlines = len(starts)

    fixed = fixed_tables.read(text, starts) if "  " in text else {}

    def nxt_blank(i: int) -> bool:
        return i + 1 >= nlines or not text[starts[i + 1]:starts[i + 2] - 1 if i + 2 < nlines else len(text)].strip()

    for i in range(nlines):
        s = starts[i]
        e = starts[i + 1] - 1 if i + 1 < nlines else len(text)
        raw = scan[s:e].rstrip("\r")
        if not raw.strip():
            prev_blank, header = True, None
            continue
        if i in fixed:
            _fixed_row(lay, i, fixed[i], para)
            para += 1
            prev_blank, header = True, None
            continue
        if raw.lstrip().startswith("|"):
            if TABLE_SEP.match(raw):
                continue
            spans = _cells(raw, s)
            names = [_clean(text[a:b]) for a, b in spans]
            nxt = scan[starts[i + 1]:starts[i + 2] - 1] if i + 2 < nlines else ""
            if header is None and TABLE_SEP.match(nxt or ""):
                header = names
                lay.headers[i] = names
                above = " ".join(text[starts[j]:starts[j + 1]] for j in range(max(0, i - 3), i))
                decl = UNIT_DECL.findall(above + " " + (names[0] if names else ""))
                table_unit = unit_of(" ".join(decl))
                lines_above = [text[starts[j]:starts[j + 1]].strip() for j in range(max(0, i - 2), i)]
                caption = next((x for x in reversed(lines_above) if x), "")
                caption = caption if len(caption) < 100 and not caption.startswith("|") else ""
                continue
            if header is None:
                header = []
            lay.headers[i] = header
            if caption:
                lay.captions[i] = caption
            row = names[0] if names else ""
            lay.cells[i] = [Cell(a, b, row, header[k] if k < len(header) else "") for k, (a, b) in enumerate(spans)]
            row_unit = unit_of(" ".join(UNIT_DECL.findall(row))) if "(" in row else None
            if PCT_ROW.search(row) and not row_unit:
                lay.units[i] = ("percent", "%", 1.0)
            elif unit := row_unit or table_unit:
                lay.units[i] = unit
            lay.sentences.append(Sentence(s, e, i, para, ((s, e),), len(lay.sentences)))
            para += 1
            prev_blank = True
            continue
        header = None
        # "▶ 3분기 매출은 96억 달러로 36% 늘었어요.": a marker opening a line of figures is a list item, not a title
        item = bool(MARKER_ITEM.match(raw)) and bool(SENTENCE_END.search(raw))
        is_head = (bool(HEADING.match(raw)) and not item) or (len(raw.strip()) < 40 and not LIST_ITEM.match(raw)
                                                               and not PROSE_END.search(raw.strip())) \
            or _numbered_title(raw, nxt_blank(i)) or _label_title(raw) or _caps_title(raw)
        is_head = is_head and WORDY.search(raw) is not None  # a bullet left alone on its line ("-") heads nothing
        if is_head or item or LIST_ITEM.match(raw) or prev_blank:
            para += 1
        if is_head:
            heading = i
        lay.headings[i] = heading
        if (":" in raw or "：" in raw) and (m := LABEL.match(raw)):  # the colon first: most lines have none
            lay.labels[i] = (s + m.start("label"), s + m.end("label"))
        cut, line = (s, i) if open_at is None else open_at
        open_at = None
        for m in sentence_ends(raw):
            _add_sentence(lay, cut, s + m.start(), line, para)
            cut, line = s + m.end(), i
        if not is_head and _wraps(scan, starts, i):
            open_at = (cut, line)  # a hard-wrapped line: its last sentence runs on into the next line
        else:
            _add_sentence(lay, cut, e, line, para)
        prev_blank = is_head
    if open_at is not None:
        _add_sentence(lay, open_at[0], len(text), open_at[1], para)
    return lay


def sentence_ends(raw: str) -> Iterator[regex.Match[str]]:
    """SENT_END.finditer(raw), match for match: the pattern tried only where a match can start (see MAY_END)."""
    at = sorted({i - 1 if raw[i] == "-" else i + 1 for i in (x.start() for x in MAY_END.finditer(raw))})
    last = 0
    for p in at:
        if p < last:
            continue  # inside the match before, or where an empty one was just found
        m = SENT_END.match(raw, p)
        if m is not None:
            yield m
            last = max(m.end(), p + 1)


WRAPPED_END = regex.compile(r"[\p{L}\p{N},%$)-]$")
WRAPPED_START = regex.compile(r"[a-z0-9$(]")


def _wraps(scan: str, starts: list[int], i: int) -> bool:
    """Whether line i is hard-wrapped prose that the next line continues, as wire copy is: a long line that
    stops mid-sentence, and a next line that opens in lower case or on a figure."""
    if i + 2 > len(starts) - 1 + 1 or i + 1 >= len(starts):
        return False
    line = scan[starts[i]:starts[i + 1] - 1].rstrip()
    nxt = scan[starts[i + 1]:starts[i + 2] - 1 if i + 2 < len(starts) else len(scan)]
    # its last character only (the line is stripped): searched, the pattern was tried at every character
    return len(line) >= 50 and bool(WRAPPED_END.match(line, len(line) - 1)) and bool(WRAPPED_START.match(nxt)) \
        and not LIST_ITEM.match(nxt) and not HEADING.match(nxt)


def _fixed_row(lay: Layout, i: int, got: tuple[int, list[str], fixed_tables.Row], para: int) -> None:
    """A row of a space-aligned table, set out like a Markdown table's: cells, header, unit, caption."""
    head_line, labels, row = got
    text, starts = lay.text, lay.line_starts
    above = [text[starts[j]:starts[j + 1]].strip() for j in range(max(0, head_line - 3), head_line)]
    unit = unit_of(" ".join(UNIT_DECL.findall(" ".join(above))))
    caption = next((x for x in reversed(above) if x and not UNIT_DECL.fullmatch(x)), "")
    lay.headers[i] = ["", *labels]
    if caption and len(caption) < 100:
        lay.captions[i] = caption
    a, b = row.label_span
    lay.cells[i] = [Cell(a, b, row.label, ""), *(Cell(s, e, row.label, col) for s, e, col in row.cells)]
    row_unit = unit_of(" ".join(UNIT_DECL.findall(row.label))) if "(" in row.label else None
    if PCT_ROW.search(row.label) and not row_unit:
        lay.units[i] = ("percent", "%", 1.0)
    elif row_unit or unit:
        lay.units[i] = row_unit or unit  # type: ignore[assignment]
    s = starts[i]
    e = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
    lay.sentences.append(Sentence(s, e, i, para, ((s, e),), len(lay.sentences)))


NUMBERED = regex.compile(r"^\s*\d{1,2}[.)]\s+\S")


def _caps_title(raw: str) -> bool:
    """"JUNE QUARTER 2022 ADJUSTED FINANCIAL RESULTS": a line in capitals that holds no figure is a section title."""
    line = raw.strip()
    return 10 <= len(line) <= 80 and line.isascii() and line.upper() == line and CAPS.search(line) is not None \
        and not FIGURE_LIKE.search(line)


def _label_title(raw: str) -> bool:
    """"Full-year FY2026:", "Fourth quarter FY2026:": a short line that ends on a colon and holds no figure heads
    the list under it, though it names a period."""
    line = raw.strip()
    # and "• Construction Industries:" alone on its line heads the bullets under it
    return len(line) < 40 and line.endswith((":", "：")) and not FIGURE_LIKE.search(line) \
        and (not LIST_ITEM.match(raw) or len(LIST_ITEM.sub("", raw).strip()) > 2)


def _numbered_title(raw: str, blank_after: bool) -> bool:
    """'2. 현대로템 — K2가 끌고 간다' standing alone: a numbered section title, not a list item."""
    s = raw.strip()
    return blank_after and len(s) < 50 and bool(NUMBERED.match(raw)) and not regex.search(r"[.!?]\s*$", s)


def _add_sentence(lay: Layout, start: int, end: int, line: int, para: int) -> None:
    if end <= start:
        return
    clauses, cut = [], start
    for m in CLAUSE_CUT.finditer(lay.scan, start, end):
        clauses.append((cut, m.start()))
        cut = m.end()
    clauses.append((cut, end))
    lay.sentences.append(Sentence(start, end, line, para, tuple(clauses), len(lay.sentences)))
