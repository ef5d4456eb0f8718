"""Per-number look-ups around a mention: bound, segment, period, cadence, basis and quote."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from . import lexicon as L
from . import periods as PR
from .metrics import Cue

PRE_BOUND = regex.compile(
    r"(?:(?P<approx>약|대략|about|around|approximately|roughly|nearly|almost|close\sto|some)"
    r"|(?P<ge>최소|적어도|at\sleast|over|more\sthan|above|upwards\sof)|(?P<le>최대|up\sto|at\smost)"
    r"|(?P<lt>less\sthan|under|below|fewer\sthan))\s?[$€£¥₩]?$", regex.IGNORECASE)
POST_BOUND = regex.compile(
    r"\s?(?:[을를이가은는에]\s?)?(?:(?P<ge>이상|돌파|넘어|넘었|넘는|넘긴|넘게|남짓|or\smore|plus\b)"
    r"|(?P<gt>초과)|(?P<le>이하|이내)|(?P<lt>미만)"
    r"|(?P<approx>가량|정도|내외|안팎|육박|가까이|or\sso))", regex.IGNORECASE)
ESTIMATE = regex.compile(
    r"전망|예상(?!치)|예측|가이던스|목표|계획|기대|추정(?!치)|할\s?것|될\s?것|달성\s?시|예정|(?<=\d)E(?![\p{L}])"
    r"|forecast|expects?\b|expected\sto|guidance|projected|outlook|target|plans?\sto|will\b", regex.IGNORECASE)
MONTHLY = regex.compile(r"(?<![\p{L}\d])(?:월\s?(?=[$\d]|매출|평균|간)|월간|매월|monthly|a\smonth|per\smonth)", regex.IGNORECASE)
QUARTERLY = regex.compile(r"(?<![\p{L}\d])(?:분기(?!\s?대비)|quarterly|a\squarter|per\squarter)", regex.IGNORECASE)
ANNUAL = regex.compile(r"(?<![\p{L}\d])(?:연간|연\s(?=[$\d])|연환산|매년|연\s?매출|annual|annualized|a\syear|per\syear"
                       r"|yearly|run[\s-]rate)", regex.IGNORECASE)
TTM = PR.TTM
# English puts the span after the figure: "$2.0bn of revenue in the quarter"
AFTER_QUARTER = regex.compile(r"^[^.;]{0,20}?\b(?:in|for|during|per|a)\s(?:the\s)?quarter\b", regex.IGNORECASE)
AFTER_MONTH = regex.compile(r"^[^.;]{0,20}?\b(?:a|per|each|every)\smonth\b", regex.IGNORECASE)
YOY = regex.compile(r"전년\s?(?:동기\s?)?(?:대비|보다|에\s?비해|[와과]\s?비교|\()|1년\s?전보다|전년비|작년\s?(?:같은|동기)|\byoy\b|y/y|year[\s-](?:over|on)[\s-]year"
                    r"|from\sa\syear\s(?:earlier|ago)|(?<![\p{L}])연\s(?=\d)", regex.IGNORECASE)
QOQ = regex.compile(r"(?:직?전\s?분기|지난\s?분기)\s?(?:대비|보다|에\s?비해|[와과]\s?비교|\()|\bqoq\b|q/q|quarter[\s-](?:over|on)[\s-]quarter|sequential"
                    r"|(?<![\p{L}])분기\s(?=\d)", regex.IGNORECASE)
QOQ_AFTER = regex.compile(r"[^.;,]{0,12}?\b(?:from|over|vs\.?|versus|than)\s(?:the\s)?(?:previous|prior|preceding|last)\squarter"
                          r"|\s?(?:quarter[\s-](?:over|on)[\s-]quarter|sequentially|q/q|qoq)\b", regex.IGNORECASE)
YOY_AFTER = regex.compile(r"[^.;,]{0,12}?\b(?:from|over|vs\.?|versus|than)\s(?:a|the)\s(?:year|previous\syear|prior\syear)"
                          r"(?:\s(?:earlier|ago|before))?|\s?(?:year[\s-](?:over|on)[\s-]year|y/y|yoy)\b", regex.IGNORECASE)
MOM = regex.compile(r"전월\s?대비|\bmom\b|m/m|month[\s-]over[\s-]month", regex.IGNORECASE)
CAGR = regex.compile(r"연평균|CAGR|compound\sannual", regex.IGNORECASE)
PARENT_CUE = regex.compile(r"(?:전체|회사|그룹|총|company-wide|group|total|overall)\s?$", regex.IGNORECASE)
CONVERSION = regex.compile(r"\s?[(\[]\s?(?P<approx>약|대략|about|approximately|approx\.|roughly|~)?\s?(?:미화|원화|US)?\s?$",
                           regex.IGNORECASE)
# "전년 동기(9조1,800억원)", "1년 전 79조원", "a year earlier": the figure is for the span before the one in view
PRIOR = regex.compile(r"(?:(?P<year>전년\s?동기|전년도?|그\s?전해|1년\s?전|작년\s?같은\s?기간|a\syear\s(?:earlier|ago)|year-ago"
                      r"|the\syear-earlier\s\w+|the\s(?:prior|previous)\syear)"
                      r"|(?P<quarter>전\s?분기|직전\s?분기|the\sprior\squarter|the\sprevious\squarter))"
                      r"\s?(?:\(|의|에는?|보다|에서|의\s|of|at|from)?\s?[$₩€¥]?$", regex.IGNORECASE)
PRIOR_AFTER = regex.compile(r"\s?(?:(?P<year>(?:a\s)?year\s(?:earlier|ago|before)|in\sthe\sprior\syear|the\syear\sbefore)"
                            r"|(?P<quarter>(?:a\s)?quarter\s(?:earlier|before)|in\sthe\sprior\squarter))", regex.IGNORECASE)
YEAR = regex.compile(r"(?:FY)?\d{4}")
MONTH = regex.compile(r"\d{4}-\d\d")
RATIO_LIKE = {"operating_margin", "net_margin", "gross_margin", "market_share", "revenue_share",
              "operating_income_share", "stock_price", "price_target", "upside", "price_change", "count"}


def bound(scan: str, m: Mention, sent) -> str:
    if m.plus:
        return "ge"
    after = POST_BOUND.match(scan, m.end, min(sent.end, m.end + 12))
    if after:
        return after.lastgroup
    before = PRE_BOUND.search(scan, max(sent.start, m.start - 22), m.start)
    if before:
        return before.lastgroup
    return "eq"


def segment(topics, cues: list[Cue], sent, m: Mention, clause, label_text: str, lex: L.Lexicon) -> str | None:
    """Generic business line: the nearest topic phrase whose scope reaches the number."""
    events = sorted([(t[0], t[1], "t", t[2]) for t in topics if sent.start <= t[0] < m.start]
                    + [(c.start, c.end, "m", c.metric) for c in cues
                       if sent.start <= c.start < m.start and not c.metric.startswith(("_growth", "_decline"))])
    seg, seg_end, bound_cue = None, 0, False
    for s, e, kind, val in events:
        if kind == "t":
            if not (seg and s < seg_end):
                seg, seg_end, bound_cue = val, e, False
        elif seg and not bound_cue and s - seg_end <= 24:
            bound_cue = True
        elif seg and s >= seg_end:
            seg = None
    if seg:
        return seg
    for mt in lex.topic_rx.finditer(label_text):
        return lex.topic_of.get(L.key(mt.group()))
    for t in topics:
        if m.end <= t[0] < min(clause[1], m.end + 20):
            return t[2]
    return None


# what a change is measured from: "전분기 대비", "2분기 6.3%에서", "전년 동기(9조원)보다", "from 6.3% in Q2"
BASE_AFTER = regex.compile(r"\s?(?:\([^()]{0,24}\)\s?)?(?:대비|보다|에\s?비해|에\s?비하면|[와과에]\s?견주|[와과]\s?비교|比|에서|으?로부터)")
BASE_BEFORE = regex.compile(r"\b(?:from|than|versus|vs\.?|compared\s(?:with|to))\b[^.;,]{0,24}$", regex.IGNORECASE)


GLOSS_OPEN = regex.compile(r"\s?[(（]\s?")


def is_base(r: PR.PeriodRef, scan: str, others: list[int], m: Mention) -> bool:
    """Whether a period names the base of a comparison rather than the span a change figure covers."""
    if GLOSS_OPEN.fullmatch(scan, r.end, m.start):
        return False  # "전 분기(39%)": the bracketed figure is that period's own
    if r.relative in ("previous", "year_ago") or BASE_AFTER.match(scan, r.end, r.end + 32):
        return True
    if BASE_BEFORE.search(scan, max(0, r.start - 40), r.start):
        return True
    # "2분기 6.3%에서 7.8%p 상승", "2분기 영업이익 3.6조원과 견주면": the period dates the figure the change starts from
    nxt = [o for o in others if r.end <= o < m.start or (o > r.end and o != m.start and o - r.end <= 14)]
    o = min(nxt, default=None)
    return o is not None and o - r.end <= 14 and BASE_AFTER.match(scan, _end_of(scan, o), _end_of(scan, o) + 8) is not None


def _end_of(scan: str, start: int) -> int:
    n = start
    while n < len(scan) and n - start < 24 and not scan[n].isspace() and scan[n] not in "에보대와과(":
        n += 1
    return n


OWN_PERIOD = regex.compile(r"\s(?:in|for|during)\s(?:the\s)?", regex.IGNORECASE)
TAKEN = regex.compile(r"[\d%]\s(?:in|for|during)\s(?:the\s)?$", regex.IGNORECASE)
def period(refs: list[PR.PeriodRef], m: Mention, clause, carry_period: str | None, focus: str | None,
           header: tuple[str | None, bool] | None, others: list[int], daily: bool = False,
           last: str | None = None, scan: str = "", change: bool = False) -> tuple[str | None, bool, str]:
    """(period, estimate, grain) for a number from the period expressions of its sentence; a price may take a day."""
    if header and header[0]:
        return header[0], header[1], "year" if len(header[0]) == 4 else "quarter"
    # a period written straight before a later figure belongs to that figure
    refs = [r for r in refs if (daily or r.grain != "day")
            and not (r.start >= m.end and any(0 <= o - r.end <= 8 and o > m.start for o in others))]
    if change:
        refs = [r for r in refs if not is_base(r, scan, others, m)]
    # English dates a figure after it: "42% in fiscal 2023"
    own = [r for r in refs if r.start >= m.end and OWN_PERIOD.fullmatch(scan, m.end, r.start)]
    if own:
        refs = [own[0]]
    earlier = [r for r in refs if r.end <= m.start]
    before = [r for r in earlier if not TAKEN.search(scan, max(0, r.start - 16), r.start)]
    in_clause = [r for r in before if r.start >= clause[0]]
    after = [r for r in refs if r.start >= m.end and r.start < clause[1] and r.relative != "next"]
    # "20% in the September quarter, against 29% for AWS": a list shares the period its first figure took
    pick = (in_clause or before or after or earlier[-1:] or [None])[-1 if (in_clause or before) else 0]
    if pick is None:
        return carry_period, False, ""
    p = pick.period
    if pick.relative == "same":
        return last, False, ""
    if pick.relative == "current":
        p = focus
    elif pick.relative in ("previous", "year_ago"):
        # measured back from the period in view: one named earlier in the sentence, else the article's
        anchor = next((r.period for r in reversed(refs) if r.end <= pick.start and r.period and r.grain == "quarter"),
                      None) or focus
        p = PR.shift_quarter(anchor, -1 if pick.relative == "previous" else -4) if anchor else None
    elif pick.relative == "next":
        p = PR.shift_quarter(focus, 1) if focus else None
    return p, pick.estimate, pick.grain


def cadence(scan: str, sent, m: Mention, clause, period: str | None, metric: str, grain: str) -> str | None:
    if metric in RATIO_LIKE:
        return None
    # two characters past the number so lookaheads such as "월 (?=$)" can see it
    window = scan[max(clause[0], m.start - 25):m.start + 2]
    if TTM.search(scan, sent.start, m.start):
        return "ttm"
    if MONTHLY.search(window):
        return "monthly"
    if QUARTERLY.search(window):
        return "quarterly"
    if ANNUAL.search(window) or ANNUAL.search(scan, m.end, min(clause[1], m.end + 12)):
        return "annual"
    tail = scan[m.end:min(clause[1], m.end + 30)]
    if AFTER_QUARTER.search(tail):
        return "quarterly"
    if AFTER_MONTH.search(tail):
        return "monthly"
    if period:
        if YEAR.fullmatch(period):
            return "annual"
        if "Q" in period:
            return "quarterly"
        if MONTH.fullmatch(period):
            return "monthly"
        if "H" in period:
            return "semiannual"
    return None


def basis(scan: str, sent, clause, metric: str, m: Mention, change: bool, fallback: str | None = None) -> str | None:
    """yoy / qoq / mom / cagr from the comparison words nearest the figure, else what its base period says."""
    if not (metric.endswith("_growth") or metric in ("price_change",) or change):
        return None
    window = scan[max(sent.start, m.start - 40):m.start + 2]
    tail = scan[m.end:min(sent.end, m.end + 40)]
    # the comparison nearest before the figure is its own: "전년 동기보다 32.6%, 전분기와 비교하면 158.9%"
    found = [(x.end(), name) for rx, name in ((CAGR, "cagr"), (QOQ, "qoq"), (MOM, "mom"), (YOY, "yoy"))
             for x in rx.finditer(window)]
    if found:
        return max(found)[1]
    # English states the comparison after the figure: "up 22% from the previous quarter"
    for rx, name in ((QOQ_AFTER, "qoq"), (YOY_AFTER, "yoy")):
        if rx.match(tail):
            return name
    return fallback or ("yoy" if metric.endswith("_growth") else None)


def basis_of_base(refs: list[PR.PeriodRef], m: Mention, period: str | None, scan: str, others: list[int],
                  sent_start: int) -> str | None:
    """"2분기 3.6조원과 견주면 29.6% 줄어": a base one quarter back makes the change qoq, four back yoy."""
    for r in reversed([r for r in refs if sent_start <= r.start and r.end <= m.start]):
        if not is_base(r, scan, others, m):
            continue
        if r.relative in ("previous", "year_ago"):
            return "qoq" if r.relative == "previous" else "yoy"
        if period and r.period:
            return {PR.shift_quarter(period, -1): "qoq", PR.shift_quarter(period, -4): "yoy"}.get(r.period)
    return None


def parent_cue(scan: str, start: int, pos: int, cues: list[Cue]) -> bool:
    for c in cues:
        if start <= c.start < pos and c.metric in ("revenue", "operating_income", "net_income") \
                and PARENT_CUE.search(scan, max(start, c.start - 8), c.start):
            return True
    return False


def conversion_approx(scan: str, prev_end: int, m: Mention) -> bool | None:
    """None when m is not a conversion of the figure ending at prev_end; else whether it is hedged."""
    got = CONVERSION.match(scan, prev_end, m.start)
    if not got or got.end() != m.start:
        return None
    return bool(got["approx"])


_LABELS: dict[tuple[int, str], list[Cue]] = {}


def label_cues(lex: L.Lexicon, s: str) -> list[Cue]:
    """Cue words in a label, row or heading; the same few labels recur for every figure under them."""
    key = (id(lex), s)
    got = _LABELS.get(key)
    if got is None:
        if len(_LABELS) > 4096:
            _LABELS.clear()
        got = _LABELS[key] = [Cue(x.start(), x.end(), lex.metric_of.get(L.key(x.group()), ""))
                              for x in lex.metric_rx.finditer(s)]
    return got


# "‘Rufus’가 120억 달러 매출 기여": an unlisted product or unit named as the subject
NAMED_SUBJECT = regex.compile(r"[‘'\"“](?P<q>[^’'\"”]{2,30})[’'\"”]\s?(?:이|가|은|는|의)\s|(?P<c>\p{Lu}[\p{L}\d]+)\s?\)?\s?(?:이|가|은|는)\s")
INCREMENT = regex.compile(r"추가|additional|incremental|extra", regex.IGNORECASE)


def named_subject(scan: str, start: int, pos: int) -> str | None:
    found = None
    for m in NAMED_SUBJECT.finditer(scan, start, pos):
        found = (m["q"] or m["c"]).strip()
    return regex.sub(r"\W+", "_", found).strip("_").lower() or None if found else None
