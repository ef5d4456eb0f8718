"""A business line a sentence points back to: "실적 상승을 견인한 핵심은 화장품 및 뷰티 부문이다. 2분기 해당 부문 매출은
2,270억 원" — 'that division' is the one the sentence before named, and its figure is that line's, not the company's."""
from __future__ import annotations

import regex

from .business_lines import NOT_LINE, segment_id
from . import assign as A
from .article_context import Ctx
from .figure import Figure
from .headings import heading_text

# "해당 부문", "이 사업부", "같은 부문", "동 부문": a division named before
ANAPHOR = regex.compile(r"(?<![\p{L}])(?:해당|이|같은|동|그)\s?(?:부문|사업부|사업본부)")
# "Revenues in this segment totaled", "Segmental operating income": the line the section is headed with
ANAPHOR_EN = regex.compile(r"\b(?:this|that|the)\s(?:segment|division|unit)\b|\bsegmental\b", regex.IGNORECASE)
# "Segment Performance Analysis", "Q3 Highlights": a section's title, no line's name
SECTION_WORD = regex.compile(r"\b(?:analysis|performance|results?|overview|review|highlights|summary|segments?|segmental|outlook"
                          r"|guidance|financials?|earnings|quarter|details?|breakdown|key|takeaways?)\b", regex.IGNORECASE)
NAMED_EN_LINE = regex.compile(r"\b(?P<n>[A-Z][\w&'’-]*(?:\s(?:&\s)?[A-Z][\w&'’-]*){0,5})\s(?:segment|division|unit)\b")
NAMED_REACH = 400  # characters before 'the segment' looked at for a line its own line names: bounded for run-on lines
LEAD_ARTICLE = regex.compile(r"^(?:The|Its|This|That)\s")
HEADED_LINE = regex.compile(r"[A-Z][\w.&'’-]*(?:\s(?:&\s|and\s)?[A-Z][\w.&'’-]*){0,4}")


def headed_line(ctx: Ctx, line: int) -> str | None:
    """"U.S. Healthcare Solutions" over "Revenues in this segment totaled $72.9 billion": the heading names the line,
    when it is a short capitalised name and no metric or company."""
    head = heading_text(ctx, line).strip(" *#:")
    lex = ctx.lex
    if not HEADED_LINE.fullmatch(head) or SECTION_WORD.search(head) or A.label_cues(lex, head) \
            or any(True for _ in lex.entity_rx.finditer(head)):
        return None
    return segment_id(head)


# "화장품 및 뷰티 부문", "뷰티 디바이스 부문": a line's name before a division word
NAMED_LINE = regex.compile(r"(?<![\p{L}])(?P<n>[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z&]{0,12}"
                           r"(?:\s?(?:및|와|과|·|,)\s?[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z&]{0,12}|\s[\p{Hangul}A-Za-z]{1,8}){0,2})"
                           r"\s?(?:부문|사업부|사업본부)")


def pointed_line(fig: Figure) -> str | None:
    """The line a 'that division' before the figure stands for: the last one named before it, in its sentence or
    the one before (a Korean sentence end before a digit, "부문이다. 2분기 해당 부문", is kept inside one sentence)."""
    scan, sent, sentences = fig.scan, fig.sent, fig.ctx.lay.sentences
    if (x := ANAPHOR_EN.search(scan, sent.start, fig.m.start)) is not None:
        # (not when its line names a line of its own before pointing: "The Industrial Intermediates segment
        # showed … . While still at a loss, the segment's operating EBIT" is that line, whatever was read for it)
        since = max(min(sent.start, fig.ctx.lay.line_starts[fig.line]), x.start() - NAMED_REACH)
        named = [y["n"] for y in NAMED_EN_LINE.finditer(scan, since, x.start())]
        own = segment_id(LEAD_ARTICLE.sub("", named[-1])) if named else None
        return headed_line(fig.ctx, fig.line) or own or _last_stated_line(fig)
    if (x := ANAPHOR.search(scan, sent.start, fig.m.start)) is None:
        return None
    start = sentences[sent.index - 1].start if sent.index else sentences[sent.index].start
    names = [n for y in NAMED_LINE.finditer(scan, start, x.start())
             if (n := _trim(y["n"])) and n.split()[0] not in NOT_LINE and n not in NOT_LINE]
    return segment_id(names[-1]) if names else None


# "Tools & Outdoor sales were $3.255 billion … . Segment margin was 11.8% and adjusted segment margin was 12.0%": a
# sentence opening on a segment measure, after a line's amount, measures that line
SEGMENT_OPENING = regex.compile(r"\s*(?:adjusted\s|adj\.\s)?segment\s(?:operating\s)?(?:margins?|profits?|income|EBITDA)\b",
                                regex.IGNORECASE)
SEGMENT_MEASURE = regex.compile(r"\b(?P<adj>adjusted\s|adj\.\s)?segment\s(?:operating\s)?(?:margins?|profits?|income|EBITDA)\b",
                                regex.IGNORECASE)


def measured_line(fig: Figure, seg: str | None) -> str | None:
    """The line a sentence opening on 'Segment margin' measures: the one whose amount the text stated last, on the
    same or the line before, with 'adjusted' kept beside it ("tools_outdoor_adjusted")."""
    if seg not in (None, "adjusted") or fig.cell or SEGMENT_OPENING.match(fig.scan, fig.sent.start, fig.m.start) is None:
        return seg
    got = [x for x in SEGMENT_MEASURE.finditer(fig.scan, fig.sent.start, fig.m.start)]
    held = fig.carry.get("line_held")
    if not got or not held or not 0 <= fig.line + 1 - held[2] <= 1:
        return seg
    line = held[1]
    return f"{segment_id(line)}_adjusted" if got[-1]["adj"] else line


def _last_stated_line(fig: Figure) -> str | None:
    """"Cardiovascular … brought in revenue of $3.43 billion. ¶ The division grew 10.8%": with no heading naming the
    line, 'the division' is the one whose amount the text stated last, a few lines up."""
    held = fig.carry.get("line_held")
    if not held or not 0 <= fig.line + 1 - held[2] <= STATED_REACH:  # (claims count lines from 1, figures from 0)
        return None
    # (not across a section heading: "Segment Performance Analysis" opens on no line at all)
    return held[1] if heading_text(fig.ctx, fig.line) == heading_text(fig.ctx, held[2] - 1) else None


STATED_REACH = 3  # lines: the paragraph before, across a blank line


# a word closed by a particle is the sentence's, not the line's: "핵심은 화장품 및 뷰티" names "화장품 및 뷰티"
PARTICLE_END = regex.compile(r"(?:은|는|을|를|이|가|의|에서|로|으로|도)$")


def _trim(name: str) -> str:
    words = name.split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if PARTICLE_END.search(w)), default=0)
    return " ".join(words[cut:])
