"""Which company a figure is about: a name right after it ('for AWS'), the last one before it in its clause,
the one carried from earlier sentences, or one after it; a parent named beside a segment's cue is that segment."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from .article_context import Ctx
from .company_names import DATA_SOURCE, HELD
from .evidence import NONE, Where


def resolve_segment(ctx: Ctx, ent: str, a: int, b: int) -> str:
    """A parent company named beside one of its segment cues ("알리바바 ... 클라우드 부문") is that segment."""
    cues = ctx.lex.segment_cues.get(ent)
    if not cues:
        return ent
    window = ctx.lay.scan[a:b]
    for cue in cues:
        if cue in window:
            return ctx.lex.segment_of_cue[(ent, cue)]
    return ent


# "Family of Apps, the segment that houses Facebook, Instagram and WhatsApp, generated": an appositive may
# hold a list of its own, so it runs to the comma before the clause's verb
# and "the Reality Labs division, Meta's bet on the metaverse, saw its revenue jump": a short noun phrase
# glossing the name, the clause's verb right after it
ASIDE_VERB = r"(?=(?:generated|posted|reported|had|saw|made|earned|lost|booked|was|were|rose|grew|fell|delivered|contributed|accounted)\b)"
ASIDE = regex.compile(r",\s(?:which|who|whose|that)\b[^,]{0,120},"
                      r"|,\s(?:the|a|its)\s(?:[\w-]+\s){0,3}?(?:segment|unit|division|business|arm|subsidiary)\s(?:that|which)\s[^.;]{0,160}?,\s"
                      + ASIDE_VERB +
                      r"|,\s(?:the|an?|its|\p{Lu}[\w&.-]*['’]s)\s[^,.;()]{1,60},\s" + ASIDE_VERB,
                      regex.IGNORECASE)
FOR_AFTER = regex.compile(r"\s(?:for|at)\s(?:the\s)?$")


INCLUDED = regex.compile(r"\s?(?:을|를)?\s?(?:포함|제외)")
# "$523 billion, highlighted by new commitments from Meta, NVIDIA": a name after the figure that a preposition
# makes an object (a customer, a partner, a rival) is not whose figure it is
OBJECT_BEFORE = regex.compile(r"\b(?:from|with|by|to|including|like|among|than|versus|vs\.?|against|over)\b", regex.IGNORECASE)
# and the same object names nobody a later sentence is about: "commitments from Meta, NVIDIA, and others"
# ("including Sandisk (SNDK 221.39, +7.04%), Seagate Tech (STX 288.27, +3.82%), and Western Digital": a ticker's quote
# in brackets after each name of the list)
OBJECT_NAME = regex.compile(r"\b(?:from|with|by|including|like|among|than|versus|vs\.?|against|such\sas|alongside|joining|ahead\sof|unlike|rivals?|peers?)\s"
                            r"(?:[\w&'.-]+(?:\s\([^()]{0,40}\))?,?\s(?:and\s)?){0,6}(?:[\w&'.-]+\s?\()?$", regex.IGNORECASE)
# ASIDE cannot match without one of these words, nor UNKNOWN_FIRM without one of the second set
ASIDE_WORDS = ("which", "who", "that", ", the ", ", a ", ", an ", ", its ", "'s ", "’s ")  # not ", a": every ", and"
FIRM_WORDS = ("은행", "카드", "캐피탈", "생명", "손해보험", "손보", "법인", "㈜", "(주)")
# "신한베트남은행은 2076억원": a firm the vocabulary does not know, made the subject, is not the one carried over
# (a securities firm is left out: "동해증권은 목표주가를" is a broker speaking of the company in view)
# and "휠라코리아㈜의 실적은", "(주)한국콜마는": a name marked as an incorporated company
UNKNOWN_FIRM = regex.compile(r"(?<![\p{L}\p{N}])[\p{L}\p{N}]{1,10}(?:은행|카드|캐피탈|생명|손해보험|손보|현지법인|법인)(?:은|는|이|가)\s"
                             r"|(?<![\p{L}\p{N}])[\p{L}\p{N}]{1,12}(?:㈜|\(주\))(?:의|은|는|이|가)\s|(?:㈜|\(주\))\s?[\p{L}\p{N}]{1,12}(?:의|은|는|이|가)\s")


def entity(ctx: Ctx, sent, m: Mention, carry, own, clause) -> tuple[str | None, bool, Where]:
    """(entity, named in this sentence, where it was decided) for figure m."""
    # "against 29% for AWS": English names whose figure it is right after it
    tail = [e for e in own if m.end < e[0] <= m.end + 9 and FOR_AFTER.match(ctx.lay.scan, m.end, e[0])]
    if tail:
        return resolve_segment(ctx, tail[0][2], m.start, tail[0][1]), True, Where("clause", tail[0][0], tail[0][1])
    # "매출은 약 6조5천억원(한화오션 포함)": a unit named as included or left out is not the subject
    before = [e for e in own if e[1] <= m.start and not INCLUDED.match(ctx.lay.scan, e[1], min(m.start + 40, e[1] + 12))]
    # "Reality Labs, which makes ... Ray-Ban Meta glasses, lost $4.43 billion": a name in an aside is not the subject
    asides = [x.span() for x in ASIDE.finditer(ctx.lay.scan, sent.start, m.start)] if ctx.in_sentence(ASIDE_WORDS, sent) else []
    # and a name only in an aside ("Overall revenue, which includes Azure, jumped 28%") names nobody
    before = [e for e in before if not any(a <= e[0] < b for a, b in asides)
              and not DATA_SOURCE.match(ctx.lay.scan, e[1], e[1] + 16)]  # "Against S&P Global consensus, Verizon ..."
    # a company the vocabulary does not know, named after the last one it knows, owns the figure: nobody we track
    last = before[-1][1] if before else sent.start
    if ctx.unknown_in(last, m.start):
        return None, False, NONE
    if before:
        e = before[-1]
        return resolve_segment(ctx, e[2], max(e[0], clause[0]), m.end), True, Where("clause", e[0], e[1])
    if carry["entity"] and not (ctx.in_sentence(FIRM_WORDS, sent) and UNKNOWN_FIRM.search(ctx.lay.scan, clause[0], m.start)):
        at = carry.get("entity_at") or (None, None)
        return carry["entity"], False, Where("carried", at[0], at[1])
    # ("지상방산 부문 영업이익이 5,042억원으로 제일 컸고, 자회사 한화오션도": a subsidiary named later has figures of its own)
    after = [e for e in own if e[0] >= m.end and not INCLUDED.match(ctx.lay.scan, e[1], e[1] + 12)
             and not DATA_SOURCE.match(ctx.lay.scan, e[1], e[1] + 16)  # "…, J.P. Morgan analysts said"
             and not OBJECT_BEFORE.search(ctx.lay.scan, m.end, e[0]) and not HELD.search(ctx.lay.scan, max(0, e[0] - 8), e[0])]
    # past the clause only over a plain gap: "순이익 1172억…토뱅 수신, 케뱅 넘어서" puts another story after the '…'
    after = [e for e in after if e[0] < clause[1]] or [e for e in after if "…" not in ctx.lay.scan[m.end:e[0]]]
    if after:
        return resolve_segment(ctx, after[0][2], clause[0], clause[1]), True, Where("clause", after[0][0], after[0][1])
    return None, False, NONE
