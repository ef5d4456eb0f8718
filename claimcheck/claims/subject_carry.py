"""What a sentence inherits from the one before it, or from the rest of its own sentence: the business line
it is about, the books it is kept on (standalone, excluding a unit), and which periods may carry on.

'상선 부문은 매출 2조원. 지난해보다 매출은 13.5% 늘었다', 'The home appliance business grew revenue 1.4%, but
its operating profit slid', '별도 기준 영업손실이 522억원 … 같은 기간 매출은', '… CJ대한통운을 포함한 연결기준 매출은':
each step below reads one such tie and records where the field came from.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from ..models import Claim
from .. import vocab as L
from . import fields_entity as FE
from .article_context import Ctx
from .branded_lines import branded_lines
from .business_lines import subject_lines
from .adjusted_eps import ADJUSTABLE
from .exclusions import excluded_id

WHOLE = FE.WHOLE
DIVISION_TOPIC = regex.compile(r"(?:부문|사업부|사업본부|본부|사업|법인|법인의)\s?(?:(?:매출|영업이익|순이익|손익|실적)\s?)?(?:은|는|도|이|가|에서의|\s역시)\s|의\s?경우"
                               r"|\b(?:segment|division|unit)\b"
                               # "Aerospace’s total sales were …": a line opening a paragraph in the possessive is its topic
                               r"|\G\s*(?-i:[A-Z])[\w&-]*(?:\s(?:&\s)?(?-i:[A-Z])[\w&-]*){0,2}['’]s?\s(?:total\s|net\s)?(?:\w+[\s-]quarter\s)?(?:revenues?|sales)\b"
                               # "In North America, revenue came to $4.3bn. Cash profits dropped 2.7%": a place a paragraph
                               # opens on is the scope of what it goes on to say
                               r"|\G\s*In\s(?:the\s)?(?-i:[A-Z])[\w&.-]*(?:,?\s(?:&\s|and\s)?(?-i:[A-Z])[\w&.-]*){0,4},\s",
                               regex.IGNORECASE)



# and "같은 부문 영업이익은 387억원": the line the sentence before named, pointed back to
BARE_OPEN = regex.compile(r"\s*(?:다만\s|또\s|또한\s)?(?:같은\s?기간\s|이\s?기간\s)?(?:(?:같은|해당|동|이)\s?(?:부문|사업부|사업)\s?(?:의\s?)?)?(?:영업이익|영업손실|영업손익|순이익|당기순이익|순손실|매출액?)(?:\s?규모)?(?:은|는|이|가|도|\s또한|\s역시)\s")


SPAN_OPENER = regex.compile(r"\s*(?:In|During|For|Over|Across)\s(?:the\s)?(?:quarter|period|year|half|first|second|third|fourth|nine|three|six"
                            r"|full|fiscal|latest|same)\b", regex.IGNORECASE)
SHARE_OPEN = regex.compile(r"\s*(?:매출\s?)?비중은\s(?:약\s?)?\d[\d.]*\s?%")
BOOKS_LEAD = regex.compile(r"\s*(?:한편\s|다만\s)?별도\s?(?:재무제표\s?)?기준(?:으로)?\s")
KNOWN_OPEN = regex.compile(r"\s*\p{Hangul}{2,10}(?:은|는|도)\s")


def with_segment(c: Claim, segment: str | None, source: str, line: int | None) -> Claim:
    """c with the line another figure or sentence gives it, and the evidence saying where it came from."""
    ev = tuple(("segment", source, line, segment) if e[0] == "segment" else e for e in c.evidence)
    return c.model_copy(update={"segment": segment, "evidence": ev})


def carry_segment(ctx: Ctx, sent, made: list[Claim], carry: dict, named: bool) -> list[Claim]:
    """'상선 부문은 매출 2조원. 지난해보다 매출은 13.5% 늘었다': a business line named as one sentence's subject
    stays the subject of the next ones in its paragraph, until a sentence names a company, the whole
    company or another line; a table row neither takes nor gives one."""
    if sent.line in ctx.lay.cells:
        carry["segment"] = None
        return made
    # (and "In the quarter, free cash flow was …": a sentence that opens on a span, not a place, speaks of the whole)
    whole = WHOLE.search(ctx.lay.scan, sent.start, sent.end) is not None or SPAN_OPENER.match(ctx.lay.scan, sent.start, sent.end) is not None
    held, subject = carry.get("segment"), carry.pop("subject", None)
    short = _short_form(ctx, sent, subject or carry.get("owned") or carry.get("short_line"))
    if short:
        held = carry["segment"] = short  # the line called by its short form stays in view for the paragraph
    out = []
    for c in made:
        if subject and c.segment is None and not named and not whole and c.entity == subject[0] \
                and _metric_carried(c) and c.metric in (subject[3], L.taxonomy().growth(subject[3])):
            held = subject  # '가전 구독 매출은 6,150억원. 지난해(5,490억원)보다 12.0% 늘었다': the whole subject is elided
        if held and c.segment is None and not named and not whole and c.entity == held[0] and c.unit != "count":
            c = with_segment(c, held[1], "carried", held[2])
        out.append(c)
    stated = [c for c in made if c.segment and c.entity and any(e[0] == "segment" and e[1] == "clause" for e in c.evidence)]
    if stated and not named:
        carry["subject"] = carry["short_line"] = (stated[-1].entity, stated[-1].segment, stated[-1].line, stated[-1].metric)
    if not made and (not named or _opens_on_brand(ctx, sent)) and (topic := _figureless_topic(ctx, sent, carry)):
        carry["segment"] = topic  # "항공우주 부문은 정비 수요가 ... 늘었다. 이에 따라 매출은 26% 증가한 6040억원"
        return out
    share_aside = SHARE_OPEN.match(ctx.lay.scan, sent.start, sent.end) is not None
    # ("비중은 72%.": the line's share of the whole, said between its sales and its profit, keeps the line in view)
    owned = carry.pop("owned", None) if made and not share_aside else carry.get("owned")
    if owned and (BARE_OPEN.match(ctx.lay.scan, sent.start, sent.end) or share_aside):
        out = [with_segment(c, owned[1], "carried", owned[2]) if c.segment is None and c.entity == owned[0] else c for c in out]
    # (a basis is no line a paragraph goes on with: "조정 EPS는 0.50달러 …, ¶ 순이익은 13억7천만 달러" is the reported profit)
    if stated and not named and len({c.segment for c in stated}) == 1 and not (stated[-1].segment or "").startswith(("ex_", "standalone")) \
            and stated[-1].segment not in ctx.lex.bases:
        carry["owned"] = (stated[-1].entity, stated[-1].segment, stated[-1].line)
    if stated and DIVISION_TOPIC.search(ctx.lay.scan, sent.start, sent.end):
        # only a line made the topic ('상선 부문은', 'The cloud division') governs what follows; one that
        # is merely a metric's subject ('서치플랫폼 매출은') speaks for its own sentence
        line = _line_only(stated[-1].segment, ctx.lex)  # ("north_america_organic": the region goes on, not the basis)
        carry["segment"] = (stated[-1].entity, line, stated[-1].line) if line else None
    elif named or whole or any(c.segment not in ctx.lex.bases for c in stated):
        carry["segment"] = None  # a basis ("organic sales by 8%") is no other line: the line in view goes on
    return out


# "The sharpest decline came in Sea Logistics … ¶ According to Jefferies, sea EBIT margins shrank to 4.1%": a line
# named in full, then by its first word in lower case before a metric
SHORT_AFTER = r"\s(?:[A-Za-z&-]+\s){0,2}?(?:EBIT|EBITDA|EBITA|operating|gross|revenues?|sales|margins?|volumes?|conversion|profits?|earnings|yields?)\b"
NOT_SHORT = {"net", "gross", "total", "group", "core", "other", "new", "the", "our", "its", "all", "global", "north", "south",
             "east", "west", "central", "international", "domestic", "overseas", "organic", "adjusted", "underlying"}


def _short_form(ctx: Ctx, sent, line: tuple | None) -> tuple | None:
    if not line or not line[1] or "_" not in line[1]:
        return None
    first = line[1].split("_")[0]
    if len(first) < 3 or first in NOT_SHORT or first in ctx.lex.bases or not first.isalpha():
        return None
    said = regex.search(rf"(?<![\w-]){first}{SHORT_AFTER}", ctx.lay.scan[sent.start:sent.end])
    return (line[0], line[1], line[2]) if said else None


def _line_only(seg: str | None, lex: L.Lexicon) -> str | None:
    """A segment id without the basis words in it ('north_america_organic' -> 'north_america')."""
    parts = [p for p in (seg or "").split("_") if p and p not in lex.bases]
    return "_".join(parts) or None


def _opens_on_brand(ctx: Ctx, sent) -> bool:
    """"FedEx Ground, the company's ground unit, was the top performer.": the company named is the line's name."""
    return any(a == sent.start for a, _, _ in branded_lines(ctx.lay.scan, sent.start, sent.end, ctx.lex))


def _figureless_topic(ctx: Ctx, sent, carry: dict) -> tuple[str, str, int] | None:
    """A business line a sentence with no figure makes its topic, for the figures of the sentences after it."""
    scan = ctx.lay.scan
    lines = subject_lines(scan, sent.start, sent.end, ctx.lex)
    # "일반보험도 산불 등 영향으로 손해율이 급등했다.": a known line opening the sentence is a topic too
    if not DIVISION_TOPIC.search(scan, sent.start, sent.end) and not (lines and KNOWN_OPEN.match(scan, sent.start, lines[0][1])):
        return None
    owner = carry.get("entity") or ctx.main
    return (owner, lines[0][2], sent.line + 1) if lines and owner else None


ITS = regex.compile(r"\b(?:but|and|while|as|with|though|although)\s(?:[a-z]+\s)?(?:its|their)\s", regex.IGNORECASE)


def its_segment(ctx: Ctx, made: list[Claim], starts: list[int]) -> list[Claim]:
    """'The home appliance business grew revenue 1.4%, but its operating profit slid 22.9%': 'its' in a later
    clause of the sentence points back at the line the sentence is about."""
    out: list[Claim] = []
    last: dict[str | None, int] = {}  # the last figure with a stated line, per entity: one pass, however long the line
    for i, c in enumerate(made):
        prev = last.get(c.entity)
        if prev is not None and (c.segment is None or c.segment in ctx.lex.bases) and c.entity and \
                ITS.search(ctx.lay.scan, max(starts[prev], starts[i] - 300), starts[i]) is not None:
            # ("… grew comparable sales 4.2% and lifted its adjusted EBITA margin to 11.0%": the line's, on its basis)
            own = _line_only(out[prev].segment, ctx.lex)
            line = out[prev].segment if c.segment is None else f"{own}_{c.segment}" if own else c.segment
            c = with_segment(c, line, "clause", out[prev].line)
        if made[i].segment:
            last[c.entity] = i
        out.append(c)
    return out


# "Adjusted Net income was $1.4 billion, an increase of 3%": a change set after a level, as its aside, is the level's
APPOSED_CHANGE = regex.compile(r",\s(?:(?:an?\s)?(?:year[\s-](?:over|on)[\s-]year\s)?(?:increase|decrease|rise|decline|drop|gain|jump)\s(?:of\s)?"
                            r"|(?:up|down)\s)$")


def apposed_segment(ctx: Ctx, made: list[Claim], starts: list[int]) -> list[Claim]:
    """A growth right after its level, as an aside, takes the level's line (adjusted, a segment), and the level's
    adjusted measure ("adjusted earnings of $6.94 per share, a year-over-year increase of 7%")."""
    out = list(made)
    tax = L.taxonomy()
    for i in range(1, len(made)):
        level, g = made[i - 1], made[i]
        if not APPOSED_CHANGE.search(ctx.lay.scan, max(starts[i - 1], starts[i] - 40), starts[i]):
            continue
        if ADJUSTABLE.get(g.metric) is not None and ADJUSTABLE[g.metric] == tax.growth(level.metric):
            out[i] = g = g.model_copy(update={"metric": ADJUSTABLE[g.metric]})  # EPS growth after adjusted EPS
        if g.segment is None and level.segment and tax.growth(level.metric) == g.metric:
            out[i] = with_segment(g, level.segment, "clause", level.line)
    return out


SAME_FRAME = regex.compile(r"\s*(?:[-•·▶]\s*)?(?:같은\s?기간|이\s?기간|동\s?기간|(?:in|during|over)\sthe\ssame\s(?:period|quarter))", regex.IGNORECASE)
CONSOLIDATED = regex.compile(r"연결|consolidated", regex.IGNORECASE)


def carry_scope(ctx: Ctx, sent, made: list[Claim], carry: dict) -> list[Claim]:
    """'3분기 별도 기준 영업손실이 522억원 … 같은 기간 매출은 2조6647억원': a sentence that opens on 'the same period'
    goes on in the frame of the last one, its books (standalone) or what it left out ('CJ대한통운을 제외한')."""
    scope = carry.get("scope")  # kept through the paragraph until a sentence names other books
    if CONSOLIDATED.search(ctx.lay.scan, sent.start, sent.end):
        scope = carry["scope"] = None
    # and "별도 기준 3분기 매출은 4조5939억원 ... . 매출과 영업이익은 각각 1.7%, 7.6% 감소했다": changes right after, naming no
    # company, are of the figures just given
    follow_on = bool(scope and len(scope) > 3 and scope[3] == sent.index - 1 and made
                     and (all(c.change or L.taxonomy().is_growth(c.metric) for c in made) or scope[4:] == ("lead",))
                     and not ctx.entities_in(sent.start, sent.end))
    if not made and BOOKS_LEAD.match(ctx.lay.scan, sent.start, sent.end) and (owner := carry.get("entity") or ctx.main):
        # "별도 기준 이마트 3분기 매출과 영업이익은 모두 소폭 줄었다. 매출 4조5939억원, …": a sentence that names the
        # books and no figure frames the next one
        carry["scope"] = ("standalone", sent.line + 1, owner, sent.index, "lead")
        return made
    # and "… 별도 기준 영업이익이 228억원 … . 매출액은 … 2089억원": a later sentence of the paragraph opening on a bare
    # metric goes on
    bare = bool(scope and BARE_OPEN.match(ctx.lay.scan, sent.start, min(sent.end, sent.start + 40))
                and not ctx.entities_in(sent.start, sent.end))
    if scope and (follow_on or bare or SAME_FRAME.match(ctx.lay.scan, sent.start)):
        made = [with_segment(c, scope[0], "carried", scope[1]) if c.segment is None and c.entity == scope[2] else c
                for c in made]
    scoped = {(c.segment, c.entity) for c in made if c.segment}
    if len(scoped) == 1 and (only := next(iter(scoped)))[0] and (only[0] == "standalone" or only[0].startswith("ex_")):
        carry["scope"] = (only[0], made[0].line, only[1], sent.index)
    return made


INCLUDING = regex.compile(r"(?P<x>[\p{L}\p{N}]+)(?:을|를)\s?포함한|\bincluding\s(?P<x2>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})")
_RUN_BEFORE = regex.compile(r"(?r)[\p{L}\p{N}]+")  # read backwards: the word a '을 포함한' closes


def _including(scan: str) -> Iterator[regex.Match[str]]:
    """INCLUDING.finditer(scan), match for match, the pattern tried only where a match can start: at 'including',
    or where the word before a '을/를 포함한' starts (or the last match ended, inside it): a later start in that
    word matches only if that one does. Tried at every letter, it re-read each word to its end, half a second
    of a 5 MB article."""
    tries = []  # (earliest start, latest start) of a match each anchor may end
    for a in _ANCHOR.finditer(scan):
        at = a.start()
        if a.group() == "including":
            tries.append((at, at))
            continue
        j = at - 1 if scan[at - 1:at] in ("을", "를") else at - 2  # '을 포함한' with a blank, or without
        if j > 0 and scan[j] in ("을", "를") and (word := _RUN_BEFORE.match(scan, 0, j + 1)) is not None:
            tries.append((word.start(), j - 1))
    last = 0
    for first, latest in sorted(tries):
        at = max(first, last)
        if at <= latest and (m := INCLUDING.match(scan, at)) is not None:
            yield m
            last = m.end()


_ANCHOR = regex.compile(r"포함한|including")


def included_scope(ctx: Ctx, claims: list[Claim]) -> list[Claim]:
    """'매출 4조5326억원 … 자회사인 CJ대한통운을 포함한 연결기준 매출은 7조4395억원': where an article gives a figure
    'including' a unit and another for the same key without it, the other one leaves the unit out."""
    scan = ctx.lay.scan
    if "포함" not in scan and "including" not in scan:
        return claims
    whole: dict[tuple, set] = {}
    unit: dict[tuple, str] = {}
    by_line: dict[int, list[Claim]] = {}  # each phrase reads its own line's claims, not every claim of the article
    for c in claims:
        by_line.setdefault(c.line, []).append(c)
    for m in _including(scan):
        line = ctx.lay.line_of(m.start()) + 1
        for c in by_line.get(line, ()):
            if c.segment is None and c.column - 1 >= m.start() - ctx.lay.line_starts[line - 1]:
                k = (c.entity, c.metric, c.period, c.unit, c.change)
                whole.setdefault(k, set()).add(c.value)
                unit[k] = excluded_id(ctx.lex, "ex_" + regex.sub(r"\W+", "_", m["x"] or m["x2"]).lower())
    if not whole:
        return claims
    out = []
    for c in claims:
        k = (c.entity, c.metric, c.period, c.unit, c.change)
        if k in whole and c.segment is None and c.value not in whole[k]:
            c = c.model_copy(update={"segment": unit[k]})
        out.append(c)
    return out


def _metric_carried(c: Claim) -> bool:
    return any(e[0] == "metric" and e[1] == "carried" for e in c.evidence)


