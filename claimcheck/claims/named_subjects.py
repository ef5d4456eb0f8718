"""A unit the vocabulary need not know, named as the subject of the figures after it: a title in quotes or a capitalised
name with its particle ("‘Rufus’가", "OCIM은"), a Korean name whose results the clause gives ("이니스프리의 3분기
영업이익은"), or a name with its figure bracketed after it ("에스쁘아(14억원)는"). fields_segment asks this for a figure
whose company was only inferred."""
from __future__ import annotations

import regex

from .. import vocab as L
from .business_lines import NOT_LINE, segment_id


# "‘Rufus’가 120억 달러 매출 기여": an unlisted product or unit named as the subject
NAMED_SUBJECT = regex.compile(r"[‘'\"“](?P<q>[^’'\"”]{2,30})[’'\"”]\s?(?:이|가|은|는|의)\s|(?<![\p{L}\p{N}-])(?P<c>\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*[\p{L}\d])(?:\([^()]{1,12}\))?\s?\)?\s?(?:이|가|은|는)\s")


# "이니스프리의 3분기 영업이익은 37억원", "에스쁘아(14억원)는 22.9%": a name whose results the clause gives, a unit
# the vocabulary need not know (a known company is the figure's entity before this is asked)
KO_NAMED_SUBJECT = regex.compile(r"(?<![\p{L}\p{N}])(?P<k>\p{Hangul}{2,12})(?:의\s(?:(?:올해|지난|이번)\s)?(?:\d분기\s|[상하]반기\s)?"
                                 r"(?:매출액?|영업이익|영업손실|영업손익|순이익|당기순이익)(?:은|는|이|가)"
                                 r"|\(\s?[\d,.]+\s?(?:[조억만]\s?[\d,.]*\s?[조억만]?\s?원?|원)\)(?:은|는|이|가))\s")
NAME_BEFORE_BRACKET = regex.compile(r"(?<![\p{L}\p{N}])(?P<k>\p{Hangul}{2,12})\($")
BRACKET_TOPIC_AFTER = regex.compile(r"[\d,.]+\s?(?:[조억만]\s?[\d,.]*\s?[조억만]?\s?원?|원)\)(?:은|는|이|가)\s")
# a topic of its own between a name and the figure: "중국·미국의 매출이 감소한 탓에 해외 매출이 2471억원"
OTHER_TOPIC = regex.compile(r"\p{Hangul}(?:은|는|이|가)\s")
NOT_NAMED = {"올해", "지난해", "작년", "금년", "당사", "동사", "국내", "해외", "전체", "이번", "해당", "회사", "그룹", "분기", "연간",
             "전년", "전분기", "직전", "같은", "동기", "기간", "자회사", "계열사", "본사", "회사측", "업계", "시장", "업체"}


def _unit_name(k: str, lex: L.Lexicon) -> bool:
    """A Hangul word that may name a unit: no filler, line word, metric or company the vocabulary knows."""
    return k not in NOT_NAMED and k not in NOT_LINE and k not in lex.alias_to and L.key(k) not in lex.alias_key \
        and L.key(k) not in lex.metric_of and k.lower() not in lex.regions


def named_subject(scan: str, start: int, pos: int, lex: L.Lexicon) -> str | None:
    found = None
    for m in NAMED_SUBJECT.finditer(scan, start, pos):
        found = (m["q"] or m["c"]).strip()
    if found is None and scan[pos - 1:pos] == "(" and (own := NAME_BEFORE_BRACKET.search(scan, max(start, pos - 14), pos)) \
            and BRACKET_TOPIC_AFTER.match(scan, pos):
        found = own["k"] if _unit_name(own["k"], lex) else None  # "에스쁘아(14억원)는"
    named = list(KO_NAMED_SUBJECT.finditer(scan, start, pos)) if found is None else []
    last = named[-1] if named else None
    # close before the figure: a later topic in the clause ("…줄었지만 에뛰드는 45억원") is that figure's
    if last is not None and pos - last.end() <= 30 and not OTHER_TOPIC.search(scan, last.end(), pos) \
            and _unit_name(last["k"], lex):
        found = last["k"]
    if found and L.key(found) in lex.metric_of:
        return None  # "K-ICS(지급여력비율)는 264.8%": a metric's own name, no business line
    return segment_id(found) or None if found else None
