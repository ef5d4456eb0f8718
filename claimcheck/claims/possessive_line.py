"""A business line English names between the company's possessive and the metric: "BMW's automotive EBIT margin",
"BMW's third-quarter financial services profit before tax". The words between are the line, unless they only say how
the metric is measured or which span it covers."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from .. import vocab as L
from .business_lines import segment_id
from .figure import Figure

# the possessive, an optional span word, then one to three lower-case words right before a metric word
# (and a capitalised line: "Prosus's Classifieds revenue", "BASF's Materials segment"; after a fiscal span too: "Prosus's
# H1 FY26 ecommerce adjusted EBIT")
POSSESSIVE = regex.compile(r"['’]s\s(?:(?:first|second|third|fourth)[\s-]quarter\s|Q[1-4]\s(?:FY)?(?:(?:20)?\d\d\s)?|H[12]\s(?:FY)?(?:20)?\d\d\s"
                           r"|FY\d\d\s|full[\s-]year\s|quarterly\s)?"
                           r"(?P<w>(?:[a-z][a-z&-]+|[A-Z][\w&-]+)(?:\s(?:&\s)?(?:[a-z][a-z&-]+\.?|[A-Z][\w&-]+)){0,2})\s$")
# a line's own possessive before its metric: "Food Delivery's adjusted EBIT rose 31%", "Classifieds' adjusted EBIT"
# (and "Energy's Q1/2025 order intake": the line, then a span before the metric)
LINE_OWNS = regex.compile(r"(?<![\w'’&-])(?P<w>\p{Lu}[\w&-]*(?:\s(?:&\s)?\p{Lu}[\w&-]*){0,2})(?:['’]s|(?<=s)['’])\s"
                          r"(?:(?:Q[1-4]|H[12])(?:[/\s]?(?:FY)?\d\d(?:\d\d)?)?\s|(?:first|second|third|fourth)[\s-]quarter\s)?"
                          r"(?:(?:adjusted|underlying|organic|comparable|core|operating|segment)\s)?$")
# "Kingspan's Insulation division had held up better than feared, its first-half revenue having risen 2.3%": a line
# the sentence named with its noun, then 'its' metric in a later clause
LINE_NOUN = regex.compile(r"(?:['’]s|(?<=s)['’])\s(?P<w>\p{Lu}[\w&-]*(?:\s(?:&\s)?\p{Lu}[\w&-]*){0,2})\s(?:division|segment|unit|business|arm)\b")
ITS_BEFORE = regex.compile(r"(?:,\s|\band\s)its\s(?:[\w-]+\s){0,2}$")
# "would hit Rexel North America, whose H1 2025 sales of €4,730m are …": a company's line, then its metric in a relative clause
WHOSE = regex.compile(r"(?<![\w&-])(?P<w>\p{Lu}[\w&-]*(?:\s(?:&\s)?\p{Lu}[\w&-]*){0,4}),\swhose\s(?:[\w-]+\s){0,3}$")
ELIDED = regex.compile(r"\b(?:while|whereas|but|and)\s(?P<w>\p{Lu}[\w&-]*(?:\s(?:&\s)?\p{Lu}[\w&-]*){0,2})(?:['’]s|(?<=s)['’])\s"
                    r"(?:rose|fell|slipped|grew|declined|increased|decreased|dropped|climbed|gained|edged\s(?:up|down)|was\s(?:up|down))"
                    r"\s(?:by\s)?(?:about\s|some\s)?$")
BASIS_TAIL = regex.compile(r"(?:\s(?:same-day|same-store|like-for-like|organic|comparable|underlying|reported))+$", regex.IGNORECASE)
# words that qualify how a metric is measured, or name the whole, never a line
MEASURE_WORDS = frozenset({
    "adjusted", "organic", "underlying", "reported", "core", "comparable", "like-for-like", "net", "gross", "operating",
    "total", "group", "overall", "consolidated", "quarterly", "annual", "recurring", "diluted", "basic", "statutory",
    "pre-tax", "pretax", "average", "record", "own", "latest", "first-half", "second-half", "nine-month", "full-year",
    "third-quarter", "second-quarter", "first-quarter", "fourth-quarter", "interim", "final", "cash", "free", "shares",
    "share", "stock", "market", "earnings", "revenue", "sales", "profit", "income", "margin", "ebit", "ebitda", "ebita",
    # (and a line named with its noun, or a clause's verb: "Qualcomm's handsets business saw revenue grow" is read by the
    # subject rules)
    "business", "segment", "division", "unit", "arm", "saw", "had", "has", "posted", "booked", "recorded",
    "grew", "said", "also", "again", "expected", "estimated", "forecast"})


def possessive_line(fig: Figure, basis_said: bool = False) -> str | None:
    """The line named between the company's possessive and the figure's metric word, if any (with basis_said, the
    basis word the figure was read on may close the words: "Prosus's H1 FY26 ecommerce adjusted EBIT")."""
    scan, m, lo = fig.scan, fig.m, fig.clause[0]
    lex = fig.ctx.lex
    # "Pingo Doce's sales rose 4.4 per cent, while Recheio's slipped 1.9%": the second line's possessive, its metric left out
    if (elided := ELIDED.search(scan, max(fig.sent.start, m.start - 60), m.start)) is not None and _a_line(lex, elided["w"]) \
            and not _the_company(fig, elided["w"] + "'s"):
        return L.topic(lex, elided["w"]) or segment_id(elided["w"])
    # (the cue nearest the figure first: "Food Delivery's adjusted EBIT rose 31% … and Classifieds' adjusted EBIT rose 27%")
    # (a growth word names no measure but ends the line's name as one does: "AstraZeneca's third-quarter Oncology growth of 8%")
    for cue in sorted((c for c in fig.cues if lo <= c.start < m.start and c.metric
                       and (not c.metric.startswith("_") or scan[c.start:c.end].lower().startswith("growth"))),
                      key=lambda c: -c.start):
        got = POSSESSIVE.search(scan, max(lo, cue.start - 48), cue.start)
        # ("Rexel's North American same-day sales": the line, then the basis its sales are counted on)
        words = BASIS_TAIL.sub("", got["w"]) if got is not None else ""
        if basis_said and words.endswith((" adjusted", " adj.")):
            words = words.rsplit(" ", 1)[0]
        if words and _a_line(lex, words):
            return L.topic(lex, words) or segment_id(words)
        if ITS_BEFORE.search(scan, max(fig.sent.start, cue.start - 40), cue.start) and (
                named := _last(LINE_NOUN.finditer(scan, fig.sent.start, cue.start))) and _a_line(lex, named["w"]):
            return L.topic(lex, named["w"]) or segment_id(named["w"])
        if (whose := WHOSE.search(scan, max(fig.sent.start, cue.start - 80), cue.start)) is not None:
            main = fig.ctx.main or ""
            line = whose["w"][len(main) + 1:] if main and whose["w"].startswith(main + " ") else _after_company(lex, whose["w"])
            # ("Optronics, whose first-half revenue rose 3.4%": a line named alone, when no company goes by the name)
            alone = " " not in whose["w"] and not fig.ctx.entities_in(whose.start("w"), whose.end("w"))
            if (line != whose["w"] or alone) and _a_line(lex, line):
                return L.topic(lex, line) or segment_id(line)
        owns = LINE_OWNS.search(scan, max(lo, cue.start - 60), cue.start)
        if owns is not None and _a_line(lex, _after_company(lex, owns["w"])) and not _the_company(fig, owns.group()):
            return L.topic(lex, owns["w"]) or segment_id(owns["w"])  # ("Swisscom Switzerland's …": named in full)
    return None


def _after_company(lex: L.Lexicon, words: str) -> str:
    """The words after a company's name that opens them ("Switzerland" of "Swisscom Switzerland"), else all of them."""
    first = next(iter(lex.entity_rx.finditer(words)), None)
    return words[first.end():].strip() if first is not None and first.start() == 0 and first.end() < len(words) else words


def _the_company(fig: Figure, said: str) -> bool:
    """Whether the possessive is the company's own short name ("Ollie's third-quarter gross margin", "Academy's
    third-quarter adjusted EPS"), not a line's."""
    lex, name = fig.ctx.lex, said.split("'")[0].split("’")[0].strip()
    main = fig.ctx.main or ""
    # (the company's name covering the whole possessive; "Swisscom Switzerland's revenue" is a line of Swisscom's)
    return any(x.start() == 0 and x.end() >= len(name) for x in lex.entity_rx.finditer(name)) \
        or (bool(main) and main.startswith(name)) or L.begun_name(lex, name) == main


def _a_line(lex: L.Lexicon, words: str) -> bool:
    """Words that may name a line: none of them a measure's, and not a company's name nor a span's."""
    return not any(w.lower() in MEASURE_WORDS for w in words.split()) and words not in lex.alias_to \
        and L.key(words) not in lex.alias_key and words.lower() not in lex.not_segments \
        and not SPAN_WORD.match(words) and not any(True for _ in lex.entity_rx.finditer(words)) \
        and not LEGAL_END.search(words)  # "Ribera Energia Ltd's adjusted net income": a company we do not know


LEGAL_END = regex.compile(r"\b(?:Ltd|Limited|Inc|Corp|plc|PLC|AG|SA|SE|NV|Co|Oyj|Oy|ASA|SpA|AB)\.?$")
# (and "Repsol's July-September EBITDA": months name a span, no line)
SPAN_WORD = regex.compile(r"(?i:[qh][1-4]\s?fy\s?\d{2,4}|q[1-4]|h[12]|fy|ytd|the|its|their|our|this|that|january|february|march|april|may|june|july"
                          r"|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b")


def _last(found: Iterator[regex.Match[str]]) -> regex.Match[str] | None:
    """The last of found, or None."""
    last = None
    for m in found:
        last = m
    return last
