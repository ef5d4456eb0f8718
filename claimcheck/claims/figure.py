"""The typed context one figure is read in: its sentence (and the reach of it the figure reads), clause,
table cell, label, the cues in view and what the sentences before it carried. Each field decision
(fields_metric, fields_entity, fields_segment, dating) takes a Figure instead of a dozen loose arguments.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

from ..numbers.parse import Mention
from . import assign as A
from . import sources as W
from .article_context import Ctx
from .figure_entity import resolve_segment
from .headings import table_context
from .inline_bullets import bullet_label
from .layout import REACH, Sentence, reach
from .exclusions import EXCLUDING_IF, excluding, excluding_lead
from .metric_cue import Cue


@dataclass
class Figure:
    ctx: Ctx
    si: int  # the sentence's index in the article
    whole: Sentence  # the sentence
    sent: Sentence  # the part of it the figure reads: all of it in prose, a window in a run-on line
    m: Mention
    clause: tuple[int, int]
    own: list[tuple[int, int, str]]  # the companies named within reach
    others: list[int]  # starts of the other figures within reach
    carry: dict  # what earlier sentences of the paragraph leave for this one (build.extract keeps it)
    cues: list[Cue] = field(default_factory=list)
    cell: tuple | None = None  # (column index, Cell) of a table figure
    row_text: str = ""
    header: str = ""
    excl: tuple[str, int, int] | None = None  # an exclusion ("AMPC 제외") and its span
    label: tuple[int, int] | None = None
    label_text: str = ""
    said: tuple[int, int] | None = None  # the words that decided the metric when a pass outside the cues did (stakes.py)

    @property
    def line(self) -> int:
        return self.sent.line

    @property
    def scan(self) -> str:
        return self.ctx.lay.scan


def clause_of(ctx: Ctx, sent: Sentence, pos: int) -> tuple[int, int]:
    """The clause of `sent` holding pos, by bisection: a comma-joined run may hold thousands of clauses."""
    starts = ctx.per_sentence("clause starts", sent, lambda s: [c[0] for c in s.clauses])
    k = bisect_right(starts, pos) - 1
    if k >= 0 and pos < sent.clauses[k][1]:
        return sent.clauses[k]
    return sent.start, sent.end


def clause_before(ctx: Ctx, sent: Sentence, start: int) -> int:
    """Where the clause of `sent` before the one starting at `start` starts (`start` itself when there is none)."""
    starts = ctx.per_sentence("clause starts", sent, lambda s: [c[0] for c in s.clauses])
    k = bisect_left(starts, start) - 1
    return starts[k] if k >= 0 else start


# "Yen in millions, except for per share amounts and percentages": the unit line's exception names no row's measure
EXCEPT_FOR = regex.compile(r"\bexcept\s(?:for\s)?$", regex.IGNORECASE)


def figure(ctx: Ctx, si: int, whole: Sentence, m: Mention, carry: dict, others: list[int]) -> Figure | None:
    """The figure's context, or None for a table's row-label cell (a label is no figure)."""
    # the figure reads its words within REACH of itself: in ordinary prose the whole sentence, while in a
    # run-on line of thousands of figures the work per figure stays fixed instead of growing with the line
    sent = reach(whole, m.start, m.end)
    if sent.start > whole.start:
        carry = _carried_into_reach(ctx, carry, whole.start, sent.start)
    c0, c1 = clause_of(ctx, whole, m.start)
    fig = Figure(ctx, si, whole, sent, m, (max(c0, sent.start), min(c1, sent.end)),
                 ctx.entities_in(sent.start, sent.end),
                 others[bisect_left(others, sent.start):bisect_left(others, sent.end)], carry,
                 cues=ctx.cues_in(sent.start, sent.end))
    fig.cell = table_context(ctx, fig.line, m)
    if fig.cell and not _read_cell(fig):
        return None
    _read_label(fig)
    if not fig.cell:
        _read_exclusion(fig)
    return fig


def _carried_into_reach(ctx: Ctx, carry: dict, a: int, b: int) -> dict:
    """carry, with what the part of a run-on sentence before a figure's reach, [a, b), named last: its company
    and its metric name reach the figure as a sentence before it would carry them, not as its own words."""
    ent, cue = ctx.last_entity_in(a, b), ctx.last_level_cue_in(a, b)
    if ent is None and cue is None:
        return carry
    out = dict(carry)
    if ent is not None:
        out["entity"], out["entity_at"] = resolve_segment(ctx, ent[2], ent[0], min(b, ent[1] + REACH)), ent[:2]
    if cue is not None:
        out["metric"], out["metric_at"] = cue.metric, (cue.start, cue.end)
    return out


# "Net interest income, excluding Markets, reached $23.9 billion": an aside between the metric and its figure
EXCLUDING_ASIDE = regex.compile(r",\s(?:excluding|ex-)\s?[^,]{1,40},", regex.IGNORECASE)


# "Q4 EPS was $5.23 excluding significant items": English may name what is left out after the figure
# and "Earnings per share: $2.80 adjusted vs. $2.31 expected": an adjusted mark right after the figure is its own
# and "EPS: $2.78 (adjusted) vs. $2.75 est"
# and the wire template "earnings per share of $1.70, adjusted for one-time gains and costs"
EXCLUDING_AFTER = regex.compile(r"\s(?:excluding|ex-)\s?[^,.;]{1,40}|\s(?:adjusted|non-GAAP)\b(?!\s(?:for|to|by|from)\b)|\s?\((?:adjusted|adj\.|non-GAAP)\)"
                                r"|,?\sadjusted\sfor\s(?:one-time|non-recurring|special|certain|unusual)\b",
                                regex.IGNORECASE)


# an English clause that only goes on with the figure of the clause before it
# (and "Non-GAAP operating margin was 22.1%, up 230bp from 19.8%": the move in points of the rate named before)
GOES_ON = regex.compile(r"[,\s]*(?:(?:reaching|hitting|totall?ing|landing\sat|coming\sin\sat|to)\s[$€£¥₩]?\d"
                        r"|(?:up|down)\s\d[\d.]*\s?(?:bps?|basis\spoints?|percentage\spoints?|pp|points?)\b)", regex.IGNORECASE)


# business_lines.MAYBE_EXCLUDING's words: every exclusion pattern holds one
EXCLUDING_WORDS = ("제외", "뺀", "빼면", "빼고", "차감", "excluding", "stripping out", "leaving out", "leaving aside", "setting aside", "ex-", "조정", "adjusted", "adjusting", "adj.", "gaap", "core", "ongoing", "business eps", "normalized", "normalised", "underlying", "코어", "net of")


def _read_exclusion(fig: Figure) -> None:
    """'AMPC 제외 영업이익': what is taken out is not what the figure measures. An exclusion opening the
    sentence ('Excluding the charge, ...') covers the figures within reach of it."""
    scan, sent, m = fig.scan, fig.sent, fig.m
    if not fig.ctx.in_sentence(EXCLUDING_WORDS, sent):
        return  # every test below needs one of these words
    excl = fig.excl = excluding(scan, fig.clause[0], m.start) \
        or (excluding_lead(scan, sent.start, m.start) if sent.start == fig.whole.start else None)
    if excl is None and fig.clause[0] > sent.start and GOES_ON.match(scan, fig.clause[0], m.end):
        # "Core net earnings per share increased by 16 per cent, reaching $1.84": the clause goes on with the
        # figure named before its comma, exclusion and all
        excl = fig.excl = excluding(scan, clause_of(fig.ctx, fig.whole, fig.clause[0] - 2)[0], m.start)
    if excl is None and (cond := EXCLUDING_IF.search(scan, sent.start, m.start)):
        excl = fig.excl = excluding(scan, sent.start, cond.end())
    if excl is None and (aside := EXCLUDING_ASIDE.search(scan, sent.start, m.start)):
        excl = fig.excl = excluding(scan, aside.start(), aside.end())
    if excl is None and (tail := EXCLUDING_AFTER.match(scan, m.end, min(fig.sent.end, m.end + 60))):
        excl = fig.excl = excluding(scan, tail.start(), tail.end())
    if excl:
        fig.cues = [c for c in fig.cues if not excl[1] <= c.start < excl[2]]


def _read_cell(fig: Figure) -> bool:
    """A table figure's cues come from its row label, the caption and its column header, in that order (a caption's
    "consensus" is of the table's forecast column, which its header marks, never of every row: "results, consensus and
    our estimates")."""
    k, cl = fig.cell  # type: ignore[misc]
    if k == 0:
        return False
    lex, lay = fig.ctx.lex, fig.ctx.lay
    fig.row_text, fig.header = cl.row_label, cl.header
    caption = lay.captions.get(fig.line, "")
    excl = fig.excl = excluding(fig.row_text, 0, len(fig.row_text))
    fig.cues = [Cue(W.ROW_CUE, W.ROW_CUE + 10, c.metric) for c in A.label_cues(lex, fig.row_text)
                if not (excl and excl[1] <= c.start < excl[2])] \
        + [Cue(W.CAPTION_CUE, W.CAPTION_CUE + 10, c.metric) for c in A.label_cues(lex, caption)
           if not c.metric.startswith("_consensus") and not EXCEPT_FOR.search(caption, max(0, c.start - 16), c.start)] \
        + [Cue(W.HEADER_CUE, W.HEADER_CUE + 10, c.metric) for c in A.label_cues(lex, fig.header)] \
        + [c for c in fig.cues if cl.start <= c.start < cl.end]
    return True


# "Credit Karma was the standout: it brought in $561 million. Global Business Solutions ...": a label that is a
# clause of its own introduces its sentence, not the rest of its line
# "- Adjusted EPS: $1.70, up 8% from $1.58. GAAP diluted EPS: $1.63": a later sentence of the line with a label of
# its own is under that one
LABEL_AGAIN = regex.compile(r"\s*[\p{L}][\p{L}\p{N} &/-]{1,40}:\s")
CLAUSE_LABEL = regex.compile(r"\b(?:was|were|is|are|has|had|have|remained|became)\b")


AGAINST_LABEL = regex.compile(r"\W*(?:versus|vs\.?|against|compared\s(?:with|to)|relative\sto)\s", regex.IGNORECASE)


def _read_label(fig: Figure) -> None:
    """A 'label:' opening the line ("- 영업이익: 1조원") names what the figures after it measure."""
    lay = fig.ctx.lay
    label = lay.labels.get(fig.line)
    if label is None and fig.whole.line < fig.line:
        label = lay.labels.get(fig.whole.line)  # a bullet hard-wrapped onto the next line keeps its label
    if fig.line in lay.bullets:  # a bullet run on along the line: its own label, or none
        label = bullet_label(lay.bullets[fig.line], fig.m.start)
    if label and label[1] <= fig.m.start and not fig.cell \
            and (fig.whole.start <= label[1] or not CLAUSE_LABEL.search(fig.scan, label[0], label[1])) \
            and not (fig.whole.start > label[1] and LABEL_AGAIN.match(fig.scan, fig.whole.start, fig.m.start)) \
            and " | " not in fig.scan[label[1]:fig.m.start]:  # "Rating: Buy | PT: $104": a field of its own
        fig.label, fig.label_text = label, fig.scan[label[0]:label[1]]
        # ("Versus consensus: sales of €10.87bn beat …": a label naming what the figures are set against is not their measure)
        against = AGAINST_LABEL.match(fig.label_text) is not None
        fig.cues = [c for c in fig.cues if not (against and c.metric == "_consensus" and label[0] <= c.start < label[1])] \
            + [Cue(label[0], label[1], c.metric) for c in A.label_cues(fig.ctx.lex, fig.label_text)
               if not (against and c.metric == "_consensus")]
