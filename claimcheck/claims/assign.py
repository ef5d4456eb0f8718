"""Per-number look-ups around a mention: bound, segment, period, cadence, basis and quote."""
from __future__ import annotations

from bisect import bisect_left

import regex

from ..numbers.parse import Mention
from .. import vocab as L
from .. import calendar as CAL
from . import periods as PR
from . import spans as SP
from .compare import BASE_AFTER, is_base
from .metric_cue import Cue

PRE_BOUND = regex.compile(
    r"(?:(?P<approx>약|대략|about|around|approximately|roughly|nearly|almost|close\sto|some)"
    r"|(?P<ge>최소|적어도|at\sleast|over|more\sthan|above|upwards\sof|tops?|topped|topping|exceeds?|exceeded|exceeding|surpass(?:es|ed|ing)?|went\spast|passed|crossed)|(?P<le>최대|up\sto|at\smost)"
    r"|(?P<lt>less\sthan|under|below|fewer\sthan))\s?[$€£¥₩]?$", regex.IGNORECASE)
POST_BOUND = regex.compile(
    r"\s?(?:[을를이가은는에]\s?)?(?:(?P<ge>이상|돌파|넘어|넘었|넘는|넘긴|넘게|남짓|or\smore|plus\b|클럽|club\b)"
    r"|(?P<gt>초과)|(?P<le>이하|이내)|(?P<lt>미만)"
    r"|(?P<approx>가량|정도|내외|안팎|육박|가까이|or\sso))", regex.IGNORECASE)
# "기대에 하회", "예상을 웃돌았다": a figure measured against expectations is itself reported
BEAT = r"(?:에|을|를|과|와|치를|치에)?\s?(?:하회|상회|부합|웃돌|밑돌|못\s?미|미달|넘어|뛰어넘|크게\s?(?:하회|상회|웃돌|밑돌))"
ESTIMATE = regex.compile(
    rf"전망(?!{BEAT})|예상(?!치|{BEAT})|예측|가이던스|목표|계획|기대(?!{BEAT})|추정|할\s?것|될\s?것|질\s?것|것으로\s?(?:본다|보인다|보고)|달성\s?시|예정|가시권|청신호|눈앞|(?<=\d)E(?![\p{{L}}])"
    r"|forecast|expects?\b|expected\sto|guidance|projected|outlook|target|plans?\sto|will\b", regex.IGNORECASE)
MONTHLY = regex.compile(r"(?<![\p{L}\d])(?:월\s?(?=[$\d]|매출|평균|간)|월간|매월|월평균|한\s?달(?:\s?평균)?|달마다|monthly|a\smonth"
                     r"|per\smonth|each\smonth)", regex.IGNORECASE)
QUARTERLY = regex.compile(r"(?<![\p{L}\d])(?:분기(?!\s?대비)|quarterly|a\squarter|per\squarter)", regex.IGNORECASE)
ANNUAL = regex.compile(r"(?<![\p{L}\d])(?:연간|연\s(?=[$\d])|연환산|매년|연\s?매출|annual|annualized"
                       r"|(?<!from\s|than\s|over\s)a\syear(?!\s(?:earl|ago|befo))|per\syear|full[\s-]year"
                       r"|yearly|run[\s-]rate|(?:record|full|entire|whole)\s(?:fiscal\s)?year(?!\s?(?:19|20)?\d\d)"
                       r"|fiscal\syear(?!\s?(?:19|20)?\d\d)"
                       # a spending plan is a year's: "capital expenditure target", "설비투자 계획"
                       r"|(?:capex|capital\sexpenditures?|capital\sspending)\s(?:\(capex\)\s)?(?:target|plan|budget|guidance|outlook)"
                       # "would cut CAPEX to the KRW 3 trillion range": a plan revised, a year's
                       r"|(?:cut|reduce|lower|raise|increase|trim|scale\sback)\s(?:its\s)?(?:capex|capital\sexpenditures?|capital\sspending)"
                       r"\s(?:\(capex\)\s)?(?:plan\s|target\s)?to\s"
                       r"|(?:투자|설비투자|시설투자|CAPEX)\s?(?:계획|목표|가이던스))", regex.IGNORECASE)
TTM = PR.TTM
TTM_WORDS = ("개월", "ttm", "trailing", "months")  # TTM or TTM_AFTER cannot match without one (Ctx.in_sentence)
# "$34bn over the last 12 months, including over $9bn over the last three months": the span said right after its figure
TTM_AFTER = regex.compile(r"\s(?:over|in|for|during)\s(?:the\s)?(?:last|past|trailing|previous)\s(?:12|twelve)\smonths", regex.IGNORECASE)
# "1~3월" is the first quarter, not a running total (spans.YTD_SPAN leaves it out)
YTD = regex.compile(rf"누적|누계|{SP.YTD_SPAN}|year[\s-]to[\s-]date|so\sfar\sthis\syear|in\sthe\sfirst\s(?:nine|six)"
                    r"\smonths|cumulative", regex.IGNORECASE)
# English puts the span after the figure: "$2.0bn of revenue in the quarter"
AFTER_QUARTER = regex.compile(r"^[^.;]{0,20}?\b(?:in|for|during|per|a)\s(?:the\s)?quarter\b", regex.IGNORECASE)
AFTER_MONTH = regex.compile(r"^[^.;]{0,20}?\b(?:a|per|each|every)\smonth\b", regex.IGNORECASE)
PARENT_CUE = regex.compile(r"(?:전체|회사|그룹|총|company-wide|group|total|overall)\s?$", regex.IGNORECASE)
GROUP_CUE = regex.compile(r"(?:그룹|group)\s?$", regex.IGNORECASE)
CONVERSION = regex.compile(r"\s?[(\[]\s?(?P<approx>약|대략|about|approximately|approx\.|roughly|~)?\s?(?:미화|원화|US)?\s?$",
                           regex.IGNORECASE)
YEAR = regex.compile(r"(?:FY)?\d{4}")
MONTH = regex.compile(r"\d{4}-\d\d")
T = L.taxonomy()
RATIO_LIKE = T.without_cadence  # rates, prices and counts: no monthly, quarterly or annual cadence


def bound(scan: str, m: Mention, sent) -> str:
    if m.plus:
        return "ge"
    after = POST_BOUND.match(scan, m.end, min(sent.end, m.end + 12))
    if after:
        return _bound_name(after)
    before = PRE_BOUND.search(scan, max(sent.start, m.start - 22), m.start)
    if before:
        return _bound_name(before)
    return "eq"


def _bound_name(m: regex.Match[str]) -> str:
    """The group a PRE_BOUND or POST_BOUND match took: every alternative of both is a named group."""
    assert m.lastgroup is not None
    return m.lastgroup


def segment(topics, cues: list[Cue], sent, m: Mention, clause, label_text: str, lex: L.Lexicon) -> str | None:
    """Generic business line: the nearest topic phrase whose scope reaches the number."""
    events = sorted([(t[0], t[1], "t", t[2]) for t in topics if sent.start <= t[0] < m.start]
                    + [(c.start, c.end, "m", c.metric) for c in cues
                       if sent.start <= c.start < m.start and T.says(c.metric) != "change"])
    seg, seg_end, bound_cue, bound = None, 0, False, (None, 0)
    for s, e, kind, val in events:
        if kind == "t":
            if not (seg and s < seg_end):
                seg, seg_end, bound_cue, bound = val, e, False, (None, 0)
        elif seg and not bound_cue and s - seg_end <= 24:
            bound_cue, bound = True, (val, e)
        elif seg and s >= seg_end and not T.share_of(val) and not (val == bound[0] and s - bound[1] <= 2):
            # a new subject; "which is 89.8% of total sales" is an aside, and "신계약 CSM(보험계약마진)은" glosses
            # the metric already bound to the line
            seg = None
    return seg or _label_topic(lex, label_text)


def _label_topic(lex: L.Lexicon, label: str) -> str | None:
    """The first topic a label names, read once per label: every figure under a label, or with none (" "), asks."""
    def first() -> str | None:
        mt = next(iter(lex.topic_rx.finditer(label)), None)
        return lex.topic_of.get(L.key(mt.group())) if mt else None
    return L.remembered(lex, "label topic", label, first)


AND_NEXT = regex.compile(r"\s(?:and|or|while|whereas|but|as)\s|,\s|\s[와과및]\s", regex.IGNORECASE)


def segment_after(topics, m: Mention, clause, scan: str) -> str | None:
    """"12% AI revenue growth": a topic right after the figure, unless a list moves on to it ("$20B and services")."""
    for t in topics:
        if m.end <= t[0] < min(clause[1], m.end + 20) and not AND_NEXT.search(scan, m.end, t[0]):
            return t[2]
    return None


BASE_FROM = regex.compile(r"\b(?:from|than|versus|vs\.?|over)\s$", regex.IGNORECASE)
# "전년 동기(4,380억원)": a bracket holding just a figure is the period's own; "(15% growth on a constant currency
# basis)" is an aside about another figure
OWN_BRACKET = regex.compile(r"\s?\(\s?[-+△▲▼$₩€¥]?\d[\d.,]*\s?[\p{L}%$]{0,4}\s?(?:[\p{Hangul}]{0,3}\s?[\d.,]*\s?[\p{L}%]{0,3})?\)")
KO_BASE_AFTER = regex.compile(r"\s?\([^()]{1,30}\)\s?(?:보다|대비|에\s?비해)")
ARRIVED_AT = regex.compile(r"(?:증가한|감소한|늘어난|줄어든|성장한|개선된|확대된|축소된|급증한|급감한|상승한|하락한)\s?$")
OWN_PERIOD = regex.compile(r"\s(?:in|for|during)\s(?:the\s)?", regex.IGNORECASE)
TAKEN = regex.compile(r"[\d%]\s(?:in|for|during)\s(?:the\s)?$", regex.IGNORECASE)
def period(refs: list[PR.PeriodRef], m: Mention, clause, carry_period: str | None, focus: str | None,
           header: tuple[str | None, bool] | None, others: list[int], daily: bool = False,
           last: str | None = None, scan: str = "", change: bool = False) -> tuple[str | None, bool, str]:
    """(period, estimate, grain) for a number from the period expressions of its sentence; a price may take a day."""
    if header and header[0]:
        return header[0], header[1], "year" if len(header[0]) == 4 else "quarter"
    stated = refs
    # English dates a figure after it ("42% in fiscal 2023 to 45% in fiscal 2024"); otherwise a period
    # written straight before a later figure belongs to that figure
    refs = [r for r in refs if (daily or r.grain != "day")
            and (r.start < m.end or OWN_PERIOD.fullmatch(scan, m.end, r.start)
                 or not (figure_in(others, max(r.end, m.start + 1), r.end + 8)
                         or figure_in(others, m.end, r.start - 1)))]  # "to 40% from 43% last year": 43%'s year
    if change:
        refs = [r for r in refs if not is_base(r, scan, others, m)]
    else:
        # "rose 5% from the previous quarter to $10 billion": the quarter is what the change is measured from
        # and "전년 동기(1조1921억원)보다 3.9% 증가한 1조2386억원": the bracket is the year-ago quarter's, the figure
        # the change arrives at is the current one
        refs = [r for r in refs if not (r.relative in ("previous", "year_ago") and m.start - r.end > 3
                                        and (BASE_FROM.search(scan, max(0, r.start - 12), r.start)
                                             or (KO_BASE_AFTER.match(scan, r.end, min(len(scan), r.end + 40))
                                                 and ARRIVED_AT.search(scan, max(r.end, m.start - 8), m.start))))
                and not _bracketed_base(r, m, scan) and not _arrived_from(r, m, scan)]
    # "8,564억원[전년 동기 4,467억원]으로 ... 8% 넘게": a period inside another figure's bracket is that figure's
    refs = [r for r in refs if not _in_other_bracket(r, m, scan)]
    # English dates a figure after it: "42% in fiscal 2023"
    own = [r for r in refs if r.start >= m.end and OWN_PERIOD.fullmatch(scan, m.end, r.start)]
    if own:
        refs = [own[0]]
    earlier = [r for r in refs if r.end <= m.start]
    before = [r for r in earlier if not TAKEN.search(scan, max(0, r.start - 16), r.start)]
    in_clause = [r for r in before if r.start >= clause[0]]
    # "5.1%로 1년 전(3.4%)보다": a period phrase with a bracketed figure of its own dates that figure only
    after = [r for r in refs if r.start >= m.end and r.start < clause[1] and r.relative != "next"
             and not OWN_BRACKET.match(scan, r.end)]
    # "20% in the September quarter, against 29% for AWS": a list shares the period its first figure took
    chosen = in_clause or before or after or earlier[-1:]
    pick = chosen[-1 if (in_clause or before) else 0] if chosen else None
    if pick is None:
        return carry_period, False, ""
    if pick.grain == "year" and pick.period:
        # "the December quarter, the first of fiscal 2026": the year only places the quarter named just before it
        inner = [r for r in refs if r.grain == "quarter" and r.period and r.end <= pick.start
                 and pick.start - r.end <= 32 and r.period.startswith(pick.period)]
        pick = inner[-1] if inner else pick
    p = pick.period
    if pick.relative == "same":
        # "전년 동기(2조7,411억원)보다 ..., 같은 기간 4,030억원에서": the same period as the one just named
        prev = next((r for r in reversed(stated) if r.end <= pick.start and r.relative != "same"), None)
        if prev is not None and prev.relative in ("previous", "year_ago"):
            anchor = focus or last
            return (CAL.shift_quarter(anchor, -1 if prev.relative == "previous" else -4) if anchor else None), False, ""
        return last, False, ""
    if pick.relative == "same_of":
        anchor = next((r.period for r in reversed(stated) if r.end <= pick.start and r.period and r.grain == "quarter"),
                      None) or focus
        # "the same quarter of 2024" for a fiscal company names its fiscal quarter of that year
        fy = "FY" if anchor and anchor.startswith("FY") else ""
        return (f"{fy}{pick.period}Q{anchor.split('Q')[1]}" if anchor and "Q" in anchor else pick.period), False, "quarter"
    if pick.relative == "current":
        p = focus
    elif pick.relative in ("previous", "year_ago"):
        # measured back from the period in view: one named earlier in the sentence, else the article's
        anchor = next((r.period for r in reversed(refs) if r.end <= pick.start and r.period and r.grain == "quarter"),
                      None) or focus
        p = CAL.shift_quarter(anchor, -1 if pick.relative == "previous" else -4) if anchor else None
    elif pick.relative == "next":
        # "2026 회계연도 1분기 ... 다음 분기 가이던스": the quarter after the one the paragraph spoke of
        anchor = last if last and "Q" in last else focus
        p = CAL.shift_quarter(anchor, 1) if anchor else None
    return p, pick.estimate, pick.grain


def _arrived_from(r: PR.PeriodRef, m: Mention, scan: str) -> bool:
    """"지난해 3분기 대비 12% 감소한 3조9066억원": the period a change is measured from is not the period of the level
    the change arrives at."""
    return m.start - r.end > 4 and ARRIVED_AT.search(scan, max(r.end, m.start - 8), m.start) is not None \
        and BASE_AFTER.match(scan, r.end, min(len(scan), r.end + 32)) is not None


BRACKET_OPEN = regex.compile(r"[\[(（][^\[\]()（）]{0,12}$")
BRACKET_FIGURE = regex.compile(r"\d[\d,.]*\s?(?:[조억만]|원|%|달러|billion|million)|[$₩€¥]\d")
BRACKET_CLOSE = regex.compile(r"[^\[\]()（）]{0,40}?[\])）]")


def _in_other_bracket(r: PR.PeriodRef, m: Mention, scan: str) -> bool:
    """Whether the period stands inside a bracket that does not hold the figure m."""
    opened = BRACKET_OPEN.search(scan, max(0, r.start - 12), r.start)
    if opened is None:
        return False
    closed = BRACKET_CLOSE.match(scan, r.end, min(len(scan), r.end + 40))
    if closed is None:
        return False
    # a bracket glossing a period ("다음 분기(10~12월)") holds no figure of its own: only one that does is another's
    return not (opened.start() < m.start < closed.end()) \
        and BRACKET_FIGURE.search(scan, opened.start(), closed.end()) is not None


def _bracketed_base(r: PR.PeriodRef, m: Mention, scan: str) -> bool:
    """"2분기(12.0%)보다 0.1%포인트 오른 12.1%였고, BIS비율은 15.6%": a named period holding its own figure in a
    bracket before a comparison word is that figure's base, no period for the figures after it."""
    return r.relative == "" and r.period is not None and m.start - r.end > 4 \
        and OWN_BRACKET.match(scan, r.end) is not None \
        and KO_BASE_AFTER.match(scan, r.end, min(len(scan), r.end + 40)) is not None


def cadence(scan: str, sent, m: Mention, clause, period: str | None, metric: str, grain: str,
            maybe_ttm: bool = True) -> str | None:
    """maybe_ttm False: the caller knows TTM matches nowhere in the sentence."""
    if metric in RATIO_LIKE:
        return None
    # a span word before the figure counts only from the last full stop ("누적 매출은 2조원을 넘었다. 3분기 매출은")
    since = max(clause[0], m.start - 30)
    stop = scan.rfind("다. ", since, m.start)
    if grain != "ytd" and ANNUAL.search(scan, max(clause[0], m.start - 8), m.start):
        return "annual"  # "누적 순이익 5조원으로 연간 6조원도": the span word next to the figure is its own
    if grain == "ytd" or YTD.search(scan, since if stop < 0 else stop + 3, m.start):
        return "ytd"  # a running total so far this year: neither a quarter nor the full year
    # two characters past the number so lookaheads such as "월 (?=$)" can see it
    window = scan[max(clause[0], m.start - 25):m.start + 2]
    if maybe_ttm and (TTM.search(scan, sent.start, m.start) or TTM_AFTER.match(scan, m.end, min(clause[1] + 40, m.end + 40))):
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


def parent_cue(scan: str, start: int, pos: int, cues: list[Cue]) -> bool:
    """Whether a word before the figure's metric ("회사 전체 매출", "그룹 NIM") makes it the parent company's."""
    for c in cues:
        if not start <= c.start < pos or c.metric.startswith("_"):
            continue
        if c.metric in ("revenue", "operating_income", "net_income") and PARENT_CUE.search(scan, max(start, c.start - 8), c.start):
            return True
    last = max((c for c in cues if start <= c.start < pos and not c.metric.startswith("_")), key=lambda c: c.start, default=None)
    # "그룹 NIM은 1.92%, 신한은행 NIM은 1.55%": a financial group's own ratio, not its bank's; only the figure's own metric
    if last is None:
        return False
    # its words may come in two cues, "보통주자본비율(CET1)": any of them just before the last
    return any(GROUP_CUE.search(scan, max(start, c.start - 6), c.start) is not None
               for c in cues if start <= c.start <= last.start and last.start - c.end <= 3)


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


def figure_in(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a figure starts in [lo, hi]; `starts` is sorted, so this is a bisection and not a pass over the
    sentence's figures (one such pass per period per figure made a run-on line cost its cube)."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] <= hi


INCREMENT = regex.compile(r"추가|additional|incremental|extra", regex.IGNORECASE)
