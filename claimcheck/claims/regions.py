"""Regions a sentence makes the scope of its figures: "미국 시장에서는 매출 10조원", "In Europe, sales grew 5%",
"Revenues from the United States were $13.1 billion". The words are the region vocabulary of rules/segments.yaml;
what is here is only the grammar that makes one of them a scope."""
from __future__ import annotations

from functools import lru_cache

import regex

from .. import vocab as L
from .line_ids import plain_id

# generic words of the region vocabulary that name no region on their own ("지역", "region")
NOT_SCOPE = {"region", "지역"}


@lru_cache(maxsize=8)
def _patterns(regions: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]] | None:
    words = sorted((w for w in regions if w.lower() not in NOT_SCOPE), key=len, reverse=True)
    if not words:
        return None
    ko = "|".join(regex.escape(w) for w in words if regex.search(r"\p{Hangul}", w))
    en = "|".join(regex.escape(w).replace(r"\ ", r"[\s-]") for w in words if not regex.search(r"\p{Hangul}", w))
    korean = regex.compile(
        # "미국 시장에서는", "유럽에서", "북미 지역 매출은", "중국 판매는": a region made the place the figures come from
        rf"(?<![\p{{L}}\p{{N}}])(?P<seg>{ko})(?:\s?(?:시장|지역|법인))?"
        rf"(?:(?:에서는|에서도|에서|에선)\s|\s?(?:유기적\s?)?(?:매출액?|판매량?|수출액?)(?:은|는|이|가|도)\s)"
        # "인도 법인의 매출은", "러시아 법인은": a company's subsidiary in a country, the topic of what follows
        # and "국내 법인 영업이익은 343억원": the subsidiary's metric right after it
        # (and "멕시코 신공장은 2분기 적자가 195억원": a plant there, as its subsidiary is)
        rf"|(?<![\p{{L}}\p{{N}}])(?P<seg>{ko})\s?(?:법인|(?:신\s?)?공장|사업장)\s?(?:(?:매출액?|영업이익|영업손실|순이익|당기순이익)\s?)?(?:은|는|이|가|의|도|\s역시)\s"
        # "이 가운데 북미가 58%, 중동이 23%를 차지했다": a region made the subject of its share
        rf"|(?<![\p{{L}}\p{{N}}])(?P<seg>{ko})(?:이|가|은|는)\s(?=(?:약\s?)?\d[\d,.]*\s?%)")
    english = regex.compile(
        # "In Europe, sales grew 5%", "Revenues from the United States were", "sales in Asia"
        # and "[I]n our Eastern Hemisphere operations, we increased revenue 20%"
        rf"(?:(?:^|(?<=\n)|(?<=[.;:]\s)|(?<=,\s))(?i:in|\[I\]n)\s(?:the\s|our\s|its\s)?(?P<seg>(?i:{en}))\b"
        rf"(?:\s(?i:operations|business(?:es)?|markets?|segment|division))?,?\s"
        # (and "Revenue from projects in France": what the sales were earned on, between)
        rf"|\b(?i:revenues?|sales|growth)\s(?:from\s(?i:projects|operations|customers|contracts|activities)\s)?(?:in|from)\s(?:the\s)?(?P<seg>(?i:{en}))\b"
        # "North America, which brings in over a third of revenue, managed only 0.4% organic growth": the region a
        # sentence opens on, glossed before its verb
        rf"|(?:^|(?<=\n)|(?<=[.;]\s))(?P<seg>(?i:{en})),\s(?=which|where|its|the\s)"
        # "$1 billion in U.S. sales", "China revenue fell": the region right before the sales word
        # (and "Diageo's North America organic net sales": the basis between)
        # (and "Kingfisher's France like-for-like sales rose 3.2%": a comparable basis between)
        rf"|(?<![\w.])(?P<seg>(?i:{en}))\s(?i:(?:organic|reported|underlying|like[\s-]for[\s-]like|comparable|LFL|same[\s-]store|same[\s-]day)\s)?(?i:net\s|total\s)?(?i:revenues?|sales)\b"
        # "North America's reported and organic net sales each fell 3%": a region's own figures, said with its name
        rf"|(?:^|(?<=[.;:]\s)|(?<=,\s))(?P<seg>(?i:{en}))['’]s\s"
        # "Carrier's Europe segment grew organic sales 6%": a region named as the company's segment
        rf"|(?<![\w.])(?P<seg>(?i:{en}))\s(?i:segment|division|region|operations|business|unit|arm)\b)")
    return korean, english


def region_id(word: str, lex: L.Lexicon) -> str:
    """A region's segment id: the one the vocabulary gives its word in either language ("유럽", "Europe" → "europe"),
    else its words in lower case joined by '_' ("North America" → "north_america")."""
    return lex.region_ids.get(regex.sub(r"\s+", " ", word.lower())) or plain_id(word)


def one_region_id(seg: str | None, lex: L.Lexicon) -> str | None:
    """A segment id with each region word in it written the one way ("유럽" → "europe", "중국_모바일" → "china_모바일"),
    whichever rule named it."""
    if not seg or not lex.region_ids:
        return seg
    if (whole := lex.region_ids.get(seg.replace("_", " "))) is not None:
        return whole
    return "_".join(lex.region_ids.get(w, w) for w in seg.split("_"))


def is_region(seg: str | None, lex: L.Lexicon) -> bool:
    """Whether a segment id is a region's."""
    return seg is not None and seg in _region_set(lex.regions, tuple(lex.region_ids.values()))


@lru_cache(maxsize=8)
def _region_set(regions: tuple[str, ...], ids: tuple[str, ...]) -> frozenset[str]:
    return frozenset(plain_id(w) for w in regions if w.lower() not in NOT_SCOPE) | frozenset(ids)


def _korean(regions: tuple[str, ...]) -> str:
    """The Korean region words as one alternation, longest first (so "북미" is not read as a shorter word inside it)."""
    return "|".join(regex.escape(w) for w in sorted(regions, key=len, reverse=True)
                    if w.lower() not in NOT_SCOPE and regex.search(r"\p{Hangul}", w))


@lru_cache(maxsize=8)
def _before(regions: tuple[str, ...]) -> regex.Pattern[str] | None:
    ko = _korean(regions)
    # "매출 비중은 중국 42%(약 571억 엔, 한화 약 5226억 원)": a region right before its figure, and the amounts
    # bracketed after that figure
    # and "일본(매출 87억원, YoY+10%)": a region with its metric and figure in its bracket
    # and "북미 241억원(YoY +10.6%)": the change bracketed after a region's amount is that region's
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<seg>{ko})\s?(?:[\d.,]+\s?%\s?\([^()]{{0,40}}|\(\s?(?:매출액?|영업이익)\s?"
                         rf"|{AMOUNT}\s?\(\s?(?:YoY|QoQ|y/y|전년\s?대비|전년比)?\s?[+\-△▲▼]?)?$") if ko else None


AMOUNT = r"\d[\d,.]*(?:\s?[조억만천]\s?[\d,.]*){0,3}\s?(?:원|달러|엔|위안|유로)"


def region_before(scan: str, lo: int, pos: int, lex: L.Lexicon) -> str | None:
    """The region named right before the figure at pos (or, in Korean, before the figure whose bracket holds it)."""
    m = None
    for rx in (_before(lex.regions), _en_before(lex.regions)):
        m = m or (rx.search(scan, max(lo, pos - 50), pos) if rx is not None else None)
    if m is None:
        return None
    # ("Revenue outside France grew 1.1%": everything but the region named)
    out = OUTSIDE_BEFORE.search(scan, max(lo, m.start() - 16), m.start()) is not None
    return ("ex_" if out else "") + region_id(m["seg"], lex)


OUTSIDE_BEFORE = regex.compile(r"\b(?:outside|excluding|excl\.|beyond|ex)(?:\sof)?[\s-]?(?:the\s)?$", regex.IGNORECASE)


@lru_cache(maxsize=8)
def _en_before(regions: tuple[str, ...]) -> regex.Pattern[str] | None:
    en = english_words(regions)
    # "Organic sales grew 4.5%, with Europe up 2.1% and Asia up 6.2%", "Europe: +2.1%", "the Americas 5%": a region
    # right before its figure, or before the change word that leads to it
    return regex.compile(rf"(?<![\w.&-])(?P<seg>(?i:{en}))(?::|\s(?:was|were))?\s"
                         rf"(?:(?:up|down|rose|fell|grew|declined|gained|increased|decreased|advanced|dropped|slipped|climbed"
                         rf"|added)\s(?:by\s)?)?(?:(?:about|around|nearly|roughly)\s)?$") if en else None


def english_words(regions: tuple[str, ...]) -> str:
    """The English region words as one alternation, longest first, a space inside one matching a space or a hyphen."""
    return "|".join(regex.escape(w).replace(r"\ ", r"[\s-]") for w in sorted(regions, key=len, reverse=True)
                    if w.lower() not in NOT_SCOPE and not regex.search(r"\p{Hangul}", w))


@lru_cache(maxsize=8)
def _after(regions: tuple[str, ...]) -> regex.Pattern[str] | None:
    en = english_words(regions)
    # "increased 7% to $1.55 billion in the U.S. and 6% to $929 million outside the U.S.": English scopes a figure
    # to a region right after it (not "in the U.S. market share", where the region qualifies what follows, nor "10% in
    # U.S. dollars", the currency a change is measured in)
    # and "a 42% increase in Europe, 4% growth in North America": the change's noun between
    return regex.compile(rf"(?:,?\sto\s[$€£¥₩]?\d[\d,.]*(?:\s(?:billion|million|trillion))?)?"  # "7% to $1.55 billion in the U.S."
                         rf"(?:\s(?P<noun>increase|decrease|rise|growth|gain|decline|drop|jump|fall))?"
                         # ("rose 3.2% like-for-like in North America": the basis said between)
                         rf"(?:\s(?:like[\s-]for[\s-]like|organically|at\sconstant\scurrency|at\sCER))?"
                         rf"\s(?:(?P<out>outside)(?:\sof)?|in)\s(?:the\s)?(?P<seg>(?i:{en}))(?![\w-])"
                         # ("a 6.9% rise in U.S. sales": after a change's noun, the region's sales are what rose)
                         rf"(?(noun)(?!\s(?i:market|business|dollars?|currency))|(?!\s(?i:revenue|sales|market|business|dollars?|currency)))",
                         regex.IGNORECASE) if en else None


BRACKET_ASIDE = regex.compile(r"\s?\([^()\n]{1,20}\)")


def region_after(scan: str, pos: int, end: int, lex: L.Lexicon) -> str | None:
    """The region English names right after the figure ending at pos: "in the U.S." its id, "outside the U.S." ex_ it."""
    rx = _after(lex.regions)
    # ("US$842m (16.8%) in North America": a bracketed aside between the figure and its region)
    if (aside := BRACKET_ASIDE.match(scan, pos, min(end, pos + 24))) is not None:
        pos = aside.end()
    m = rx.match(scan, pos, min(end, pos + 40)) if rx is not None else None
    if m is None:
        return None
    seg = region_id(m["seg"], lex)
    return f"ex_{seg}" if m["out"] else seg


def region_ending(scan: str, lo: int, pos: int, lex: L.Lexicon) -> str | None:
    """The region an "in (the) …" phrase names when it ends right before pos ("+5.3% in the Rest of the World (")."""
    rx = _after(lex.regions)
    if rx is None:
        return None
    for a in range(pos - 1, lo - 1, -1):
        if scan[a].isspace() and (m := rx.match(scan, a, pos)) and not m["out"] and not scan[m.end():pos].strip():
            return region_id(m["seg"], lex)
    return None


def region_lines(scan: str, start: int, end: int, lex: L.Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, segment id) of each region the sentence scopes its figures to."""
    pats = _patterns(lex.regions)
    if pats is None:
        return []
    found = []
    for rx in pats:
        for m in rx.finditer(scan, start, end):
            found.append((m.start(), m.end(), region_id(m["seg"], lex)))
    return found


# "한국에서 거둔 2분기 모바일게임 매출", "국내 서비스 모바일게임 매출", "한국 지역 모바일 게임 매출": a product line's
# figures in one market are a cut of their own, not the line's worldwide figure
HOME = {"한국": "국내", "내수": "국내"}


@lru_cache(maxsize=8)
def _market(regions: tuple[str, ...]) -> regex.Pattern[str] | None:
    ko = _korean(regions)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<r>{ko})(?:\s?(?:지역|시장)|에서\s?거둔|에서의|\s서비스)\s") if ko else None


def in_market(scan: str, lo: int, pos: int, seg: str, lex: L.Lexicon) -> str:
    """A product line's segment qualified by the Korean market named before it in the clause, if any."""
    rx = _market(lex.regions)
    m = rx.search(scan, lo, pos) if rx is not None else None
    if m is None:
        return seg
    region = HOME.get(m["r"], m["r"])
    return seg if region.lower() in seg or seg.lower() in lex.regions else f"{region}_{seg}"
