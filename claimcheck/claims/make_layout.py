"""An article's text cut into lines, paragraphs, sentences, clauses and table cells, with non-prose blanked."""
from __future__ import annotations

import regex

from . import fixed_tables
from .layout import Cell, Layout, Sentence
from .inline_bullets import inline_bullets
from .line_kinds import FIGURE_LIKE, HEADING, LABEL, LIST_ITEM, MARKER_ITEM, PHOTO_CAPTION, PROSE_END, SENTENCE_END, WORDY, bullet_title, caps_title, intro_title, label_title, numbered_title, period_title, guidance_lead
from .masking import mask
from .sentence_ends import CLAUSE_CUT, runs_on, sentence_ends, wraps
from .table_units import PCT_ROW, UNIT_DECL, unit_of
from . import list_units

# (and "--------+-------+------": a plain-text table's rule, its joints written with a plus)
TABLE_SEP = regex.compile(r"^\s*[|+]?\s*:?-{2,}:?\s*(?:[|+]\s*:?-{2,}:?\s*)*[|+]?\s*$")


def _cells(line: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    # a row with no outer pipes ("Net revenues | $15,019 | $13,457") starts its first cell at the line's start
    i = line.find("|") if line.lstrip().startswith("|") else -1
    if i < 0 and "|" not in line:
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


# a table row written without outer pipes: two or more " | " between cells, as press releases are pasted
BARE_ROW = regex.compile(r"^[^|\n]{1,80}(?:\s?\|\s[^|\n]{1,40}){2,}(?:\s\|)?\s*$")  # a closing pipe or not
# and "Q3 EBIT Margin | 21% |", "Q3 Gross Margin | 67.6% | ||": a label holding no figure and one value, empty cells
# closing it, among rows like it (not a note's header of fields, "시가총액 9,734억원 | 외국인 지분율 6.8%")
LABEL_VALUE_ROW = regex.compile(r"^(?P<label>[^|\n]{1,80})\s\|\s[^|\n]{0,40}\d[^|\n]{0,40}(?:\s?\|)+\s*$")


# "Rating: Neutral (unchanged) | PT: CHF 150 | Last: CHF 141.35": a note's header of named fields, no table row
FIELD_CELLS = regex.compile(r"(?:^|\|)\s?[^|:\n\d]{1,24}:\s[^|\n]*\|\s?[^|:\n\d]{1,24}:\s")


def _bare_row(line: str) -> bool:
    if "|" not in line or FIELD_CELLS.search(line):
        return False
    row = line.strip()
    return BARE_ROW.match(row) is not None or (
        (m := LABEL_VALUE_ROW.match(row)) is not None and not FIGURE_LIKE.search(m["label"]))


MARKUP = regex.compile(r"[*_`]")  # compiled once: regex.sub(str, ...) looks its pattern up anew for every table cell


def _clean(s: str) -> str:
    return MARKUP.sub("", s).strip()


NUMERIC_CELL = regex.compile(r"[-+(]?[$€£¥₩]?\d[\d,.]*\s?(?:%|[A-Za-z]{0,8}|[조억만원]{0,3})\)?")


def _label_row(raw: str, nxt: str) -> bool:
    """"| Financial Metrics | Q3 2025 (Reported) | YoY Growth |" over "| Managed Revenue | $47.1 billion | +9% |", no
    "---" between: a first row of words over a row of figures is the header all the same."""
    cells = [c.strip() for c in raw.strip().strip("|").split("|")]
    return nxt.lstrip().startswith("|") and FIGURE_LIKE.search(nxt) is not None and not FIGURE_LIKE.search(raw) \
        and not any(NUMERIC_CELL.fullmatch(c) for c in cells[1:])


# a table row whose label opens on a dash or a dot is a part of the row above it
SUB_ROW = regex.compile(r"[-–·•]\s+(?P<name>\S.*)")
SUB_JOIN = " › "  # tables.row_segment reads the part's own name first


def layout(text: str) -> Layout:
    scan = mask(text)
    starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
    lay = Layout(text=text, scan=scan, line_starts=starts)
    para, prev_blank, heading, header, table_unit, caption, parent_row = 0, True, -1, None, None, "", ""
    open_at: tuple[int, int] | None = None  # (start, line) of a sentence a wrapped line left open
    nlines = len(starts)

    fixed = fixed_tables.read(text, starts) if "  " in text else {}

    def line_at(i: int) -> str:
        return text[starts[i]:starts[i + 1] - 1 if i + 1 < nlines else len(text)] if 0 <= i < nlines else ""

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
        # "Metric | Q2 2024 | Q2 2023" over "---|---|---": a table pasted without its outer pipes
        bare = not raw.lstrip().startswith("|") and _bare_row(raw) and (
            _bare_row(line_at(i + 1)) or TABLE_SEP.match(line_at(i + 1)) is not None or (i > 0 and _bare_row(line_at(i - 1))))
        if raw.lstrip().startswith("|") or bare or (header is not None and TABLE_SEP.match(raw)):
            if TABLE_SEP.match(raw):
                continue
            spans = _cells(raw, s)
            names = [_clean(text[a:b]) for a, b in spans]
            nxt = scan[starts[i + 1]:starts[i + 2] - 1] if i + 2 < nlines else ""
            if header is None and (TABLE_SEP.match(nxt or "") or bare or _label_row(raw, nxt)):
                if bare and TABLE_SEP.match(nxt or "") and len(names) == len(_cells(nxt, 0)) + 1:
                    names = names[1:]  # "Q3 FY2025| Metric | Q3 FY2025 | …" over five columns: a caption glued to the header
                elif raw[:2].isspace() and raw.lstrip().startswith("|") and _bare_row(line_at(i + 2)):
                    names = ["", *names]  # "            | Q3 24 | Q3 25" over "Revenue | 9,104 | 9,842": a blank corner
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
            if (merged := _sub_header(header, names)) is not None:
                header = merged  # "| | Net revenues | | Operating profit | |" over "| Segment | Q3 2025 | Q3 2024 | …"
                lay.headers[i] = header
                continue
            lay.headers[i] = header
            if caption:
                lay.captions[i] = caption
            row = _with_unit(names[0] if names else "", header, names)
            if (sub := SUB_ROW.match(row)) and parent_row:
                row = f"{parent_row}{SUB_JOIN}{sub['name']}"  # "| - B&Q |" under "| UK & Ireland LFL (%) |": a part of the row above
            else:
                parent_row = row
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
            or numbered_title(raw, nxt_blank(i)) or label_title(raw) or caps_title(raw) or intro_title(raw) or period_title(raw) \
            or guidance_lead(raw) or bullet_title(raw, line_at(i + 1))
        is_head = is_head and WORDY.search(raw) is not None and not runs_on(raw, scan, starts, i) and not PHOTO_CAPTION.search(raw)
        # (a bullet left alone on its line ("-") heads nothing; a line broken before its figure is no title)
        if is_head or item or LIST_ITEM.match(raw) or prev_blank:
            para += 1
        if is_head:
            heading = i
        lay.headings[i] = heading
        if (":" in raw or "：" in raw) and (m := LABEL.match(raw)):  # the colon first: most lines have none
            lay.labels[i] = (s + m.start("label"), s + m.end("label"))
        if " - " in raw and (run := inline_bullets(raw, s)):
            lay.bullets[i] = run
        cut, line = (s, i) if open_at is None else open_at
        open_at = None
        for m in sentence_ends(raw):
            _add_sentence(lay, cut, s + m.start(), line, para)
            cut, line = s + m.end(), i
        if not is_head and wraps(scan, starts, i):
            open_at = (cut, line)  # a hard-wrapped line: its last sentence runs on into the next line
        else:
            _add_sentence(lay, cut, e, line, para)
        prev_blank = is_head
    if open_at is not None:
        _add_sentence(lay, open_at[0], len(text), open_at[1], para)
    list_units.declare(lay, [line_at(i) for i in range(nlines)])
    return lay


# a second header row names only periods under the first row's groups ("Q3 2025", "3Q25", "2025E", "2024년")
PERIOD_CELL = regex.compile(r"(?:FY\s?)?(?:Q[1-4]\s?'?\d{2,4}|[1-4]Q\s?'?\d{2,4}|(?:19|20)\d\d[EFP]?|[12]H\s?'?\d{2,4}|H[12]\s?'?\d{2,4})"
                         r"|(?:(?:19|20)\d\d\s?년\s?)?[1-4]\s?분기|(?:19|20)\d\d\s?년", regex.IGNORECASE)


# "| Line | Unit | Q3 25 |" over "| Sales | €m | 6,324 |": a column that gives each row its unit
UNIT_HEAD = regex.compile(r"\s*(?:units?|단위)\s*", regex.IGNORECASE)


def _with_unit(row: str, header: list[str], names: list[str]) -> str:
    """The row's label with the unit its table's unit column gives it, written as a label's own unit: "Sales (€m)",
    "Volumes – Automotive YoY (%)"."""
    col = next((k for k, h in enumerate(header) if k and UNIT_HEAD.fullmatch(h)), None)
    unit = names[col].strip() if col is not None and col < len(names) else ""
    if not unit:
        return row
    return f"{row} {unit.replace('%', '').strip()} (%)".replace("  ", " ") if "%" in unit else f"{row} ({unit})"


def _sub_header(header: list[str], names: list[str]) -> list[str] | None:
    """The header a second header row makes with the first: each group name over the empty cells after it, with
    the period under it ("Operating profit Q3 2025"). None when the row is no such header."""
    subs = names[1:]
    if len(header) != len(names) or len(subs) < 2 or not any(not h for h in header[1:]) \
            or not all(PERIOD_CELL.fullmatch(x.strip()) for x in subs):
        return None
    out, group = [names[0] or header[0]], ""
    for h, sub in zip(header[1:], subs):
        group = h or group
        out.append(f"{group} {sub}".strip())
    return out


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


def _add_sentence(lay: Layout, start: int, end: int, line: int, para: int) -> None:
    if end <= start:
        return
    clauses, cut = [], start
    for m in CLAUSE_CUT.finditer(lay.scan, start, end):
        clauses.append((cut, m.start()))
        cut = m.end()
    clauses.append((cut, end))
    lay.sentences.append(Sentence(start, end, line, para, tuple(clauses), len(lay.sentences)))
