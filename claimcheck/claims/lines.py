"""Business lines inside a company named in prose: listed figures, quoted products, subject phrases."""
from __future__ import annotations

import regex

from ..models import Claim
from . import lexicon as L

# "서치플랫폼 매출 1조2천억원, 커머스 매출 1조1천억원" / "automotive revenue was $77.1 billion":
# a word naming the line of business right before the metric word
LISTED = regex.compile(r"(?P<seg>[\p{L}][\p{L}\p{N}·&-]{1,20})\s(?:매출액?|영업이익|revenue|sales|operating\sincome)"
                       r"\s?(?:은|는|이|가|was|were|of|:)?\s?(?:약\s?|about\s)?$", regex.IGNORECASE)
NOT_SEGMENT = {"분기", "연간", "전체", "총", "연결", "별도", "전년", "지난해", "올해", "월", "순", "연", "회사", "그룹", "기준",
               "quarterly", "annual", "total", "net", "group", "company", "its", "the", "and", "quarter", "year", "full-year"}


def listed_segments(made: list[Claim], lay, lex: L.Lexicon) -> list[Claim]:
    """Give figures of one sentence their business-line words when the sentence lists two or more."""
    if len(made) < 2:
        return made
    named = {}
    for i, c in enumerate(made):
        if c.segment or c.unit in ("%", "pp", "count"):
            continue
        start = lay.line_starts[c.line - 1] + c.column - 1
        got = LISTED.search(lay.scan, max(0, start - 40), start)
        word = got["seg"].lower() if got else None
        if word and word not in NOT_SEGMENT and word not in lex.alias_to and got["seg"] not in lex.alias_to:
            named[i] = word
    if len(set(named.values())) < 2:
        return made
    return [c.model_copy(update={"segment": named[i]}) if i in named else c for i, c in enumerate(made)]


# "‘Rufus’가 120억 달러 매출 기여": an unlisted product or unit named as the subject
NAMED_SUBJECT = regex.compile(r"[‘'\"“](?P<q>[^’'\"”]{2,30})[’'\"”]\s?(?:이|가|은|는|의)\s|(?P<c>\p{Lu}[\p{L}\d]+)\s?\)?\s?(?:이|가|은|는)\s")


def named_subject(scan: str, start: int, pos: int) -> str | None:
    found = None
    for m in NAMED_SUBJECT.finditer(scan, start, pos):
        found = (m["q"] or m["c"]).strip()
    return regex.sub(r"\W+", "_", found).strip("_").lower() or None if found else None


# "MX·네트워크사업부는 ... 매출 34조원", "VD·DA 부문은", "Data center revenue, which ... jumped 66%":
# the unit a clause is about, named as its subject
SUBJECT_KO = regex.compile(r"(?<![\p{L}\p{N}])(?P<seg>[\p{L}\p{N}][\p{L}\p{N}·&/]{0,15}?)\s?(?:사업부|사업본부|부문)"
                           r"(?:은|는|이|가|의)?(?=\s)")
SUBJECT_EN = regex.compile(r"(?:^|(?<=[.;:]\s))(?P<seg>[A-Z][a-z]+(?:\s[a-z]+)?)\s(?:revenue|sales|segment|division|unit)\b")
NOT_LINE = NOT_SEGMENT | {"사업", "전사", "각", "주력", "해당", "이", "그", "두", "세", "모든", "전", "일부", "기타", "해외", "국내",
                          "operating", "gross", "fourth-quarter", "third-quarter", "second-quarter", "first-quarter",
                          "revenue", "sales", "this", "that", "our", "their", "record", "overall", "product", "other"}


def subject_segment(scan: str, start: int, pos: int, lex: L.Lexicon) -> str | None:
    """The business line a sentence names as its subject before the figure, if it is not a company."""
    found = None
    for rx in (SUBJECT_KO, SUBJECT_EN):
        for m in rx.finditer(scan, start, pos):
            word = m["seg"]
            if word.lower() in NOT_LINE or word in lex.alias_to or L.key(word) in lex.alias_key \
                    or any(True for _ in lex.entity_rx.finditer(word)):
                continue
            if found is None or m.start() > found[0]:
                found = (m.start(), word)
    if not found:
        return None
    word = found[1]
    topic = next((lex.topic_of.get(L.key(t.group())) for t in lex.topic_rx.finditer(word)), None)
    return topic or regex.sub(r"[\W_]+", "_", word).strip("_").lower() or None
