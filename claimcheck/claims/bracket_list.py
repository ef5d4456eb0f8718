"""'현대자동차(2조5,373억원), 기아(1조4,623억원), 한화(1조3,442억원)' and '▷PC 3,539억원 ▷모바일 4,885억원': in a
list of named items each figure is its own name's, not the company named last before the list, nor the
article's subject, nor the first item's.

A name the lexicon knows as a company makes the figure that company's. In a list that names known
companies, an unknown name is a company too (a ranking of groups): its figure is nobody's we track.
In a list of no companies the names are the parts of one whole (cost items, products, regions) and
become the figures' segments. Names that are metric words, periods or filler are not list items.
"""
from __future__ import annotations

import regex

from .hangul import particle_fits
from ..models import Claim
from .article_context import Ctx
from .evidence import Where, record_field
from .business_lines import KO_LEAD, NOT_SEGMENT, segment_id
from .metric_patterns import T
from .regional_basis import kept_basis
from .regions import region_id

# a name glued to a bracket that opens on a figure; items follow each other with a comma or a middle dot
ITEM = regex.compile(r"(?<![\p{L}\p{N}])(?P<name>\p{L}[\p{L}\p{N}·&-]{0,15}?)\s?\(\s?(?=[-+△▲▼$₩€¥]?\d)")
JOIN = regex.compile(r"[^()]{1,30}\)\s?(?:,|·|、)\s?")
MAYBE = regex.compile(r"\p{L}\s?\(\s?[-+△▲▼$₩€¥]?\d")


# "▷PC 3,539억원", "▲서치플랫폼 8,962억원": a marker, a short name, then the figure (and "▲2차전지 1163억원")
MARKED = regex.compile(r"[▷▶►▲△▽•■□◆◇]\s?(?P<name>(?:\p{N}{1,2}(?=\p{L}))?\p{L}[\p{L}\p{N}·&/]{0,15}(?:\s[\p{L}\p{N}·&/]{1,10}){0,2}?)\s?(?:[\d.]+\s?%\s?\(\s?)?$")  # and "▲기타 0.3%(110억원)": the share, then its amount
MARKERS = regex.compile(r"[▷▶►▲△▽•■□◆◇]")


# "국내에서 3370억 원, 북미 및 유럽 276억 원, 일본 277억 원", "'리니지' 291억 원, '리니지2' 250억 원", "Europe $12.9B,
# Asia-Pacific $5.1B and the rest of the world $7.6B": a plain list, each figure right after its short name
_WORD = r"\p{L}[\p{L}\p{N}·&/-]{0,15}?"
_NAME = r"['‘\"“]?(?P<name>" + _WORD + r"(?:\s(?:(?:및|and|&|of|the)\s)?" + _WORD + r"){0,3}?)['’\"”]?"
_TAIL = r"\s?(?:에서는|에서|은|는|이|가|:)?\s?(?:약\s?|about\s)?"
# (and "orders of MSEK 15,012 split into Equipment & Service MSEK 11,710 and …": the whole, then its parts)
PLAIN_NEXT = regex.compile(r"\s?(?:,\s?(?:and\s)?|·|、|\s(?:and|및)\s|\s(?:split|divided|broken\sdown)\s(?:into|between)\s)\s?(?:the\s)?"
                           + _NAME + _TAIL)
PLAIN_FIRST = regex.compile(r"(?<![\p{L}\p{N}'’\"”])" + _NAME + _TAIL + r"$")
# words a plain list's name never is: verbs and prepositions that stand before a figure in prose
NOT_ITEM = regex.compile(r"(?i)(?:was|were|is|are|of|at|to|from|by|for|in|into|split|divided|comprising|including|on|with|reached|totaled|hit|about|around|nearly"
                         r"|roughly|approximately|than|up|down|rose|fell|grew)")


def pair(ctx: Ctx, sent, made: list[Claim], starts: dict[int, int]) -> list[Claim]:
    """The sentence's claims with each item's figure given its name, when two or more items form a list."""
    scan = ctx.lay.scan
    if len(made) < 2:
        return made
    listed = _marked(ctx, sent, made, starts) if MARKERS.search(scan, sent.start, sent.end) else {}
    if len(listed) < 2 and MAYBE.search(scan, sent.start, sent.end):
        items = [x for x in ITEM.finditer(scan, sent.start, sent.end) if _a_name(ctx, x)]
        listed = {x.end(): x for x in _runs(scan, items)}
    if len(listed) < 2:
        listed = _plain(ctx, sent, made, starts)
    if len(listed) < 2:
        return made
    return _named(ctx, made, starts, listed)


def _plain(ctx: Ctx, sent, made: list[Claim], starts: dict[int, int]) -> dict:
    """Three or more figures in a row joined by commas (or a last 'and'), two or more after their own names:
    the names are the items. The first figure may stand after a verb ('was $22.04 billion, Europe ...')."""
    scan = ctx.lay.scan
    out: dict[int, regex.Match] = {}
    at = sorted((starts[id(c)], starts[id(c)] + len(c.text)) for c in made)
    run: list = []
    size, opens = 0, -1
    for i, (a, _) in enumerate(at):
        x = PLAIN_NEXT.fullmatch(scan, at[i - 1][1], a) if i else None
        if x is None or not _an_item(ctx, x):
            if size >= 3:
                out.update(_first(ctx, sent, opens) + run)
            run, size, opens = [], 1, a
            continue
        run.append((a, x))
        size += 1
    if size >= 3:
        out.update(_first(ctx, sent, opens) + run)
    if any(x["name"] in ctx.lex.alias_to for x in out.values()):
        return {}  # "AWS 32%, Azure 25%, GCP 11%": companies in a row are read by the entity rules
    return out


def _first(ctx: Ctx, sent, a: int) -> list:
    """The name before a list's first figure, if it has one: looked for only once the list is known to be one,
    since trying every start in the 24 characters before each figure of every sentence was a tenth of a dense
    article's time. The longest name that is one wins: "매출로는 국내에서" is no name, "국내에서" is."""
    first = next((f for f in PLAIN_FIRST.finditer(ctx.lay.scan, max(sent.start, a - 24), a, overlapped=True)
                  if _an_item(ctx, f)), None)
    return [(a, first)] if first is not None else []


def _an_item(ctx: Ctx, x) -> bool:
    name = x["name"]
    words = name.split()
    return _a_name(ctx, x) and not NOT_ITEM.fullmatch(words[0]) and not NOT_ITEM.fullmatch(words[-1]) \
        and not (len(words) > 1 and KO_LEAD.match(name)) \
        and not ctx.cues_in(x.start("name"), x.end("name"))


def _marked(ctx: Ctx, sent, made: list[Claim], starts: dict[int, int]) -> dict:
    out = {}
    for c in made:
        at = starts[id(c)]
        x = MARKED.search(ctx.lay.scan, max(sent.start, at - 30), at)
        # "△물류 분야가 매출 2조5019억 원": a marked phrase naming a metric is a line and its metric, which the
        # subject rules read; only a bare name ("▷PC 3,539억원") is an item
        if x and _a_name(ctx, x) and not ctx.cues_in(x.start("name"), x.end("name")):
            out[at] = x
    return out


def _named(ctx: Ctx, made: list[Claim], starts: dict[int, int], by_start: dict) -> list[Claim]:
    names = {x["name"]: ctx.lex.alias_to.get(x["name"]) for x in by_start.values()}
    companies = any(names.values())
    out, first = [], None
    for c in made:
        x = by_start.get(starts[id(c)])
        if x is None:
            out.append(c)
            continue
        c = _owned(c, x, names[x["name"]], companies, ctx)
        if not companies and (T.growth_of(c.metric) or c.metric) in T.has("cost_item"):
            # "인건비(8%), 마케팅비(12%)": an item of costs is a part of the costs, keyed under their whole
            whole = "total_expenses_growth" if T.is_growth(c.metric) else "total_expenses"
            c = c.model_copy(update={"metric": whole})
        first = first or c
        if not companies and c.unit == first.unit and c.metric != first.metric:
            # parts of one whole measure one thing: '인건비(8%), 매출연동비(23%)' are both cost growth, though
            # the second name holds the word 매출
            ev = tuple(next(f for f in first.evidence if f[0] == "metric") if e[0] == "metric" else e for e in c.evidence)
            c = c.model_copy(update={"metric": first.metric, "evidence": ev})
        out.append(c)
    return out


def _a_name(ctx: Ctx, x) -> bool:
    name = x["name"]
    if name.lower() in NOT_SEGMENT or name.endswith(("대비", "동기", "분기", "년", "월")):
        return False
    # a metric word ("매출(1조원)") is read by the metric rules, not as an item of a list; one inside a longer
    # name ("매출연동비") is not, nor is a cost item in a list of costs ("인건비(8%), 마케팅비(12%)")
    costs = T.has("cost_item")
    return not any(c.start <= x.start("name") and c.end >= x.end("name") and c.metric not in costs
                   for c in ctx.cues_in(x.start("name") - 20, x.end("name")))


def _runs(scan: str, items: list) -> list:
    """Items that stand in a run of two or more, each joined to the next by a comma or a dot."""
    keep: set[int] = set()
    for i in range(len(items) - 1):
        j = JOIN.match(scan, items[i].end(), items[i + 1].start())
        if j and j.end() == items[i + 1].start():
            keep.update((i, i + 1))
    return [items[i] for i in sorted(keep)]


# the words before a list's first name that end in a particle or a verb ("…은 부문별로 보면 "): none is part of it
NAME_LEAD = regex.compile(r"(?:\S*(?:은|는|을|를|로|면|에서|에는)\s)+(?=\S)")


def _owned(c: Claim, x, company: str | None, companies: bool, ctx: Ctx) -> Claim:
    a, b = x.start("name"), x.end("name")
    if company:
        return c.model_copy(update={"entity": company, "segment": None,
                                    "evidence": record_field(ctx.lay, c.evidence, "entity", Where("clause", a, b))})
    if companies:
        return c.model_copy(update={"entity": None, "segment": None,
                                    "evidence": record_field(ctx.lay, c.evidence, "entity", Where("none"))})
    # a name the segment vocabulary knows ('모바일') takes its id ('mobile'), so outlets' spellings meet
    name, nxt = x["name"], ctx.lay.scan[b:b + 1]
    if (lead := NAME_LEAD.match(name)) is not None:
        # "LG이노텍은 부문별로 보면 디스플레이 3100억원": the words up to one a particle or verb ends lead into the list
        name, a = name[lead.end():], a + lead.end()
    if nxt and nxt in "이가은는" and not particle_fits(name, nxt):
        name, b = name + nxt, b + 1  # "디스플레이 2394억원": the 이 closes the name, it marks no subject
    known = [t[2] for t in ctx.topics_in(a, b + 1) if t[0] <= a and t[1] >= b and t[2]]
    seg = known[0] if known else region_id(name, ctx.lex) if name.lower() in ctx.lex.regions else segment_id(name)
    return c.model_copy(update={"segment": kept_basis(c.segment, seg),
                                "evidence": record_field(ctx.lay, c.evidence, "segment", Where("clause", a, b))})
