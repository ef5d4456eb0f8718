"""Business lines a sentence lists with their figures: "서치플랫폼 매출 1조2천억원, 커머스 매출 1조1천억원",
"automotive revenue was $77.1 billion", and after a breakdown's lead "사업 부문별로 보면 시멘트 5931억원(-3.3%), …"."""
from __future__ import annotations

import regex

from .. import vocab as L
from ..models import Claim
from .business_lines import MONTH_WORD, NOT_SEGMENT, segment_id
from .hangul import particle_fits

# "서치플랫폼 매출 1조2천억원, 커머스 매출 1조1천억원" / "automotive revenue was $77.1 billion":
# a word naming the line of business right before the metric word
LISTED = regex.compile(r"(?<![\p{L}\p{N}])(?P<seg>[\p{L}][\p{L}\p{N}·&-]{1,20})(?:\s?\([^()]{1,40}\))?\s(?:매출액?|영업이익|이익|revenue|sales|operating\sincome)"
                       r"\s?(?:은|는|이|가|was|were|of|:)?\s?(?:약\s?|about\s)?$", regex.IGNORECASE)
# "사업 부문별로 보면 시멘트 5931억원(-3.3%), 레미콘 1553억원": after a breakdown's lead, a bare name before each amount
# and "사업부문별로 선박엔진이 2394억원, 비선박엔진이 471억원의 매출액": the lead with no verb, each name its subject
# and "3분기 사업별 매출은 다음과 같다." over "프로브카드 318억원 / 소켓 96억원": the lead naming its metric, a line above
BREAKDOWN_IN = regex.compile(r"(?:부문|사업|제품|품목)\s?별(?:로\s?(?:는|보면|살펴보면)?|\s?(?:는|보면|살펴보면)"
                             r"|\s?(?:매출액?|영업이익)\s?(?:은|는)\s(?:다음|아래)과\s같(?:다|습니다)\.?(?=[ \t]*\n))\s")
BARE_NAME = regex.compile(r"(?<![\p{L}\p{N}])(?P<seg>\p{Hangul}{2,8})\s$")
# and "Segment revenue: Semiconductor Test $606 million; Robotics $88 million": an English breakdown after its colon
BREAKDOWN_EN = regex.compile(r"\b(?:segment|division|business|regional)\s(?:revenues?|sales|results)\s?:\s|\b(?:revenues?|sales)\sby\s"
                             r"(?:segment|division|region|business|brand)\s?:\s", regex.IGNORECASE)
BARE_EN_NAME = regex.compile(r"(?:^|(?<=[:;,]\s))(?P<seg>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,3})\s$")
# "수요에 힘입어 매출 7303억원": a verb's connective form before the metric names no line
VERB_FORM = regex.compile(r"(?:힘입어|입어|통해|의해|비해|이어|맞아|업고)$")


def _without_particle(name: str) -> str:
    """"선박엔진이" → "선박엔진": a subject or topic particle ending the name, told from a name's own last syllable
    ("디스플레이") by the syllable before it."""
    if len(name) >= 3 and name[-1] in "이가은는도" and particle_fits(name[:-1], name[-1]):
        return name[:-1]
    return name
# the metric words LISTED ends on, looked for first in the few characters before a figure
MAYBE_LISTED = regex.compile(r"매출|이익|revenue|sales|income", regex.IGNORECASE)


def listed_segments(made: list[Claim], lay, lex: L.Lexicon) -> list[Claim]:
    """Give figures of one sentence their business-line words when the sentence lists two or more."""
    if len(made) < 2:
        return made
    named: dict[int, str] = {}
    for i, c in enumerate(made):
        if c.segment or c.unit in ("pp", "count") or (c.unit == "%" and not L.taxonomy().is_growth(c.metric)):
            continue
        start = lay.line_starts[c.line - 1] + c.column - 1
        if i - 1 in named and _bracketed_after(made[i - 1], c, lay):
            named[i] = named[i - 1]  # "시멘트 5931억원(-3.3%)": the bracketed change is of the line's amount before it
            continue
        got = MAYBE_LISTED.search(lay.scan, max(0, start - 40), start) \
            and LISTED.search(lay.scan, max(0, start - 40), start)
        if not got and (lead := BREAKDOWN_IN.search(lay.scan, max(0, start - 200), start)):
            got = BARE_NAME.search(lay.scan, max(lead.end(), start - 12), start)  # "부문별로 보면 시멘트 5931억원(-3.3%), 레미콘 …"
        if not got and (lead := BREAKDOWN_EN.search(lay.scan, max(0, start - 200), start)):
            got = BARE_EN_NAME.search(lay.scan, max(lead.end() - 2, start - 40), start)
        seg = got["seg"] if got else None
        if seg and got and got.re is BARE_NAME and not L.topic(lex, seg):
            seg = _without_particle(seg)  # "선박엔진이 2394억원": the subject's particle is no part of its name
        if seg and (word := seg.lower()) not in NOT_SEGMENT and word not in lex.not_line_words and word not in lex.not_segments \
                and word not in lex.alias_to and seg not in lex.alias_to \
                and L.key(seg) not in lex.metric_of and not VERB_FORM.search(seg) \
                and not MONTH_WORD.fullmatch(word) \
                and not L.NOT_A_NOUN.search(seg):  # "물류 분야에선 매출액": a particle-ended word is no line's name
            named[i] = segment_id(seg) if got and got.re is BARE_EN_NAME else word
    # a surprise's segment names the metric that beat, no business line
    if len(set(named.values()) | {c.segment for c in made if c.segment and c.metric != "surprise"}) < 2:
        return made
    return [c.model_copy(update={"segment": named[i], "evidence": tuple(
        ("segment", "clause", c.line, named[i]) if e[0] == "segment" else e for e in c.evidence)}) if i in named else c
        for i, c in enumerate(made)]


def _bracketed_after(a: Claim, b: Claim, lay) -> bool:
    """Whether b is printed in a bracket right after a ("5931억원(-3.3%)") on the same line."""
    if a.line != b.line:
        return False
    end = lay.line_starts[a.line - 1] + a.column - 1 + len(a.text)
    return lay.scan[end:lay.line_starts[b.line - 1] + b.column - 1].strip() == "("
