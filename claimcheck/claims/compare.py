"""Comparisons: what a change is measured against (its base period) and on what basis (yoy, qoq...)."""
from __future__ import annotations

from bisect import bisect_left

import regex

from ..numbers.parse import Mention
from .. import calendar as CAL
from . import periods as PR
from .layout import Sentence
from .period_marks import SAME_SPAN
from ..vocab import taxonomy

# "전기 546억원 대비", "전년동기 280억원 대비": the base's own amount between the base word and the comparison
BASE_AMOUNT = r"(?:\d[\d,.]*\s?(?:조\s?(?:\d[\d,.]*\s?)?)?(?:억|만)?\s?원?\s?)?"
YOY = regex.compile(r"전년도?\s?(?:동기\s?)?" + BASE_AMOUNT + r"(?:대비|보다|에\s?비해|[와과]\s?비교|\()|1년\s?전보다|1년\s?전(?:과|에)\s?(?:견주면|견줘|비교하면|비교해|비해)|1년\s?전\s?대비|전년비|(?:작년|지난해|전년)\s?(?:같은|동기)|\byoy\b|y/y|year[\s-](?:over|on)[\s-]year"
                    r"|from\sa\syear\s(?:earlier|ago)|(?<![\p{L}])연\s(?=\d)", regex.IGNORECASE)
QOQ = regex.compile(r"(?:(?:직?전\s?분기|지난\s?(?:[1-4]\s?)?분기|(?<![\p{L}])전기)(?:\s?말)?)\s?" + BASE_AMOUNT + r"(?:대비|보다|에\s?비해|[와과]\s?(?:비교|견주|견줘)|\()|\bqoq\b|q/q|q-o-q|quarter[\s-](?:over|on)[\s-]quarter|sequential"
                    r"|(?<![\p{L}])분기\s(?=\d)", regex.IGNORECASE)
QOQ_AFTER = regex.compile(r"[^.;,]{0,12}?\b(?:from|over|vs\.?|versus|than)\s(?:the\s)?(?:previous|prior|preceding|last)\squarter"
                          r"|\s?(?:quarter[\s-](?:over|on)[\s-]quarter|sequential(?:ly)?|q/q|qoq)\b", regex.IGNORECASE)
YOY_AFTER = regex.compile(r"[^.;,]{0,12}?\b(?:from|over|vs\.?|versus|than)\s(?:a|the)\s(?:year|previous[\s-]year|prior[\s-]year)"
                          r"(?:\s(?:earlier|ago|before))?|\s?(?:year[\s-](?:over|on)[\s-]year|y/y|yoy)\b", regex.IGNORECASE)
MOM = regex.compile(r"전월\s?대비|\bmom\b|m/m|month[\s-]over[\s-]month", regex.IGNORECASE)
CAGR = regex.compile(r"연평균|CAGR|compound\sannual", regex.IGNORECASE)
SAID_RIGHT_AFTER = regex.compile(r"\s(?:(?:year[\s-](?:over|on)[\s-]year|y/y|y-o-y|yoy)|(?P<q>sequentially|quarter[\s-](?:over|on)[\s-]quarter|q/q|q-o-q|qoq))\b",
                                 regex.IGNORECASE)
MULTI_YEAR = regex.compile(r"[^.;]{0,50}?\b(?:over|in)\sthe\s(?:past|last|previous)\s(?:two|three|four|five|six|seven|ten|\d{1,2})\syears\b",
                           regex.IGNORECASE)
# "중기대출 잔액은 전년 말 대비 4.2% 증가": a balance's change since the last year-end, no year-on-year change
YEAR_END = regex.compile(r"(?:전년|작년|지난해|전년도)\s?말\s?(?:대비|보다|에\s?비해)|연말\s?대비|(?:전년|작년)\s?말\s?\("
                         r"|\b(?:from|since|versus|vs\.?)\s(?:the\s)?(?:end\sof\s(?:last\s)?(?:year|\d{4})|(?:prior\s)?year[\s-]end)", regex.IGNORECASE)

# "전년 동기(9조1,800억원)", "1년 전 79조원", "a year earlier": the figure is for the span before the one in view
PRIOR = regex.compile(r"(?:(?P<year>전년\s?동기|전년도?|그\s?전해|1년\s?전|(?:작년|지난해)\s?같은\s?(?:기간|시기)|a\syear\s(?:earlier|ago)|year-ago"
                      r"|the\syear-earlier\s\w+|the\s(?:prior|previous)[\s-]year(?:['’]s(?:\s(?:figure|level|total|result|mark))?)?)"
                      r"|(?P<quarter>전\s?분기|직전\s?분기|(?<![\p{L}])전기|the\sprior\squarter|the\sprevious\squarter))"
                      r"(?:['’]s)?\s?(?:\((?:[\p{L}]{1,6}\s)?|의|에는?|엔|보다|에서|의\s|of|at|from)?\s?[$₩€¥]?$", regex.IGNORECASE)
# anywhere in a sentence: it measures something against an earlier period
PRIOR_IN = regex.compile(r"1년\s?전|전년\s?(?:동기\s?)?(?:대비|보다|比)|(?:지난해|작년)\s?(?:같은\s?기간|동기)\s?(?:대비|보다|에\s?비해)"
                         r"|\ba\syear\s(?:earlier|ago)|year[\s-](?:over|on)[\s-]year", regex.IGNORECASE)
# "A year ago the company reported revenue of $88.27 billion", "1년 전에는 5조원": the clause is about the span before
PRIOR_LEAD = regex.compile(r"\s*(?:(?P<year>a\syear\s(?:ago|earlier)|in\sthe\syear-(?:ago|earlier)\s(?:quarter|period)|1년\s?전(?:에는|엔)"
                           # "Previous year: $265M" under a figure in a results card: the year-ago quarter's level
                           r"|(?:previous|prior|last)\syear(?=\s?:)|year[\s-]ago(?=\s?:)"
                           r"|지난해\s?같은\s?기간(?:에는|엔))|(?P<quarter>a\squarter\s(?:ago|earlier)|전\s?분기(?:에는|엔)))\b",
                           regex.IGNORECASE)
# "increased 6% to $2.48 billion compared to the third quarter of 2022": a period a comparison leads is the base's
# and "$637 million (but again down from Q2 2024)": the period a move is measured from
COMPARED_WORDS = r"compared\s(?:with|to)|(?:in\s)?comparison\s(?:with|to)|versus|vs\.?|(?:up|down|higher|lower)\sfrom"
COMPARED_LEAD = regex.compile(rf"\b(?:{COMPARED_WORDS})\s(?:the\s)?$", regex.IGNORECASE)
# "climbed 33% to $34.98 billion from $26.30 billion": an English from-level beside a change is the base
# "up from US$278 million and 31.2 per cent": the amount's base, then the rate's, after the levels 'from' set them against
PAIRED_BASE = regex.compile(r"\bfrom\s(?:US)?[$€£¥₩]?\d[\d.,]*\s?(?:million|billion|bn|mn|[MB])?\sand\s$", regex.IGNORECASE)
FROM_BASE = regex.compile(r"\b(?:from|compared\s(?:to|with))\s(?:about\s|nearly\s|roughly\s)?[$€£¥₩]?$", regex.IGNORECASE)
CHANGE_WORD = regex.compile(r"\b(?:rose|grew|climbed|jumped|gained|increased|surged|soared|fell|dropped|declined|slid|slipped|dipped"
                            r"|eased|edged\s(?:up|down|higher|lower)|advanced|retreated|tumbled|plunged|sank|slumped|rebounded|recovered"
                            r"|decreased|shrank|doubled|tripled|halved|up|down|improved|improving|rising|falling|climbing|growing"
                            # ("Gross margin widened 80 basis points to 34.0% of net sales from 33.2%")
                            r"|widened|expanded|contracted"
                            r"|increase|decrease|rise|decline|drop|jump|gain|growth)\b"
                            # "its adjusted EBITDA loss narrowed to $602 million from $757 million" (a forecast narrowed
                            # from an old range is no change over a year)
                            r"|\b(?:loss|losses|deficit)\b[^.;]{0,40}\b(?:narrowed|widened|deepened)\b", regex.IGNORECASE)
# "a 280 billion won profit a year earlier", "493 billion won during the same period in 2024"
# and "from $875 million or $3.33 per share in the same quarter a year ago", "$1.03 a share, in the year-earlier
# period", "compared to $1.86, previous year"
PRIOR_AFTER = regex.compile(r"(?:\s(?:per|a)\s(?:diluted\s)?share\)?)?(?:,?\sor\s(?:[^,.;]|\.(?=\d)){1,24}?,?)?,?"  # "$2.71 billion, or 68 cents, a year earlier"
                            r"(?:\s(?:it|the\scompany|they|we)?\s?(?:reported|posted|booked|made|had|generated|earned|recorded|logged))?(?:\s(?:profit|loss|revenue|sales|income))?"
                            # "$3.24 billion from a year ago", "in the comparable quarter last year"
                            r"(?:\s(?:from|in|during|for|of))?"
                            r"\s?(?:(?P<year>(?:a\s)?year\s(?:earlier|ago|before)|LY(?![\w-])|last\syear(?![\w'’-])|in\sthe\sprior\syear|the\syear\sbefore|(?:the\s)?(?:previous|prior)\syear(?![\w-])|the\syear-(?:earlier|ago)\s(?:quarter|period)"
                            r"|the\scomparable\s(?:quarter|period)\s(?:last\syear|a\syear\s(?:earlier|ago))|the\s(?:prior|previous)-year\s(?:quarter|period)"
                            r"|(?:during|in|for)\sthe\ssame\s(?:period|quarter)\s(?:last\syear|a\syear\s(?:earlier|ago)))"
                            r"|(?P<quarter>(?:a\s)?quarter\s(?:earlier|before)|three\smonths\s(?:earlier|before|ago)|in\sthe\sprior\squarter))", regex.IGNORECASE)

# "지난해 3분기(92.3%) 때보다": a word for "then" between a base and its comparison word
# a Korean change verb in the form that describes the level it arrived at ("12% 감소한 3조9066억원", "1,075% 오른
# 1,398억원의 영업이익"): one piece for the period rules (the level is the period in view's) and the metric rules
ARRIVED_VERB = r"(?:증가한|감소한|늘어난|줄어든|성장한|개선된|확대된|축소된|급증한|급감한|상승한|하락한|오른|뛴|내린|떨어진|급등한|급락한|불어난|내려간|올라간|낮아진|높아진)"
THEN = r"(?:때\s?|당시\s?)?"
# what a change is measured from: "전분기 대비", "2분기 6.3%에서", "전년 동기(9조원)보다", "from 6.3% in Q2"
# and "2분기 영업이익 3,990억원과 견줘도": the period, its metric and its figure, then the comparison word
# and "2024년 같은 기간보다": a year named as the same span a year back
BASE_AFTER = regex.compile(r"(?:\s?[말초](?=\s|보다|대비|에|\())?\s?(?:\([^()]{0,24}\)\s?|(?:같은|동일한?)\s?(?:기간|분기|시기)\s?|동기\s?|[1-4]\s?[~∼〜-]\s?[1-4]\s?분기\s?(?:누적\s?|누계\s?)?|(?:\s?\p{Hangul}{1,8}){0,2}\s?\d[\d,.]*(?:\s?[조억만천]\s?[\d,.]*){0,3}"
                           rf"\s?(?:원|달러|엔|위안|%)?\s?)?{THEN}(?:대비|보다|에\s?비해|에\s?비하면|[와과에]\s?견(?:주|줘|줬)|[와과]\s?비교|比|에서|으?로부터)")
# "up 10% from $16.1 billion in Q3 2024": a period named after a from-figure is that base's own
# and "compared to $9.7 billion in Q3 2024", "down from $4.5 billion ($2.48 per share diluted) in Q3 2024"
# (and "up from ₹63,437 crore in Q1 FY26", "versus EUR 1.2 billion in Q2": any currency's sign or code, any scale; and
# "compared to ₹12,819 crore in Q1 FY26 and ₹11,955 crore in Q2 FY25": a second base after the first)
_FIG = (r"(?:US|C|A|HK|S|NZ)?[$€£¥₩₹]?(?:(?:Rs|INR|EUR|USD|GBP|CHF|SEK|JPY|CNY|RMB)\.?\s?)?\d[\d,.]*"
        r"(?:\s?(?:billion|million|trillion|bn|mn|m|b|crores?|lakhs?|percent|cents?|euros?|dollars?|yen|won|yuan))?%?"
        r"(?:\s\([^()]{1,40}\))?")
FROM_FIGURE_IN = regex.compile(rf"\b(?:from|compared\s(?:to|with)|versus|vs\.?|against)\s(?:{_FIG}\s(?:in|for)\s[^,;()]{{1,24}}"
                               rf"\s(?:and|,)\s)?{_FIG}\s(?:in|for|during)\s(?:the\s)?$", regex.IGNORECASE)
BASE_BEFORE = regex.compile(r"\b(?:from|than|versus|vs\.?|compared\s(?:with|to)|comparison\s(?:with|to))\b[^.;,]{0,24}$", regex.IGNORECASE)


GLOSS_OPEN = regex.compile(r"\s?[(（]\s?")


BASE_SPAN_BETWEEN = regex.compile(r"동기|같은\s?(?:기간|분기)|전년|작년|지난해|전\s?분기|year[\s-](?:ago|earlier)|prior|previous|last\syear",
                                regex.IGNORECASE)


def is_base(r: PR.PeriodRef, scan: str, others: list[int], m: Mention) -> bool:
    """Whether a period names the base of a comparison rather than the span a change figure covers."""
    if GLOSS_OPEN.fullmatch(scan, r.end, m.start):
        return False  # "전 분기(39%)": the bracketed figure is that period's own
    based = BASE_AFTER.match(scan, r.end, r.end + 32)
    if based is not None and BASIS_NAMED.search(scan, r.end, based.end()):
        based = None  # "지난해 영업익 179억원...전년대비 30% 감소": the comparison names its own base year
    if based is not None and r.end <= m.start < based.end():
        return False  # "직전 2분기 말 262.5% 대비 8.1%p 하락": the figure between is the base itself, of that period
    if r.relative in ("previous", "year_ago") or based is not None:
        return True
    if BASE_BEFORE.search(scan, max(0, r.start - 40), r.start) or FROM_FIGURE_IN.search(scan, max(0, r.start - 80), r.start):
        return True  # and "compared to $9.7 billion in Q3 2024, a 3% decrease": the base figure's own period
    # "2분기 6.3%에서 7.8%p 상승", "2분기 영업이익 3.6조원과 견주면": the period dates the figure the change starts from
    # (not "상반기 매출은 전년 동기(4787억원) 대비 6.5%": the bracketed base is the year-ago span's, named between them)
    o = _next_figure(others, r.end, m.start)
    return o is not None and o - r.end <= 14 and BASE_AFTER.match(scan, _end_of(scan, o), _end_of(scan, o) + 8) is not None \
        and not BASIS_NAMED.search(scan, o, _end_of(scan, o) + 8) and not BASE_SPAN_BETWEEN.search(scan, r.end, o)


# "지난해 영업익 179억원...전년대비 30% 감소": a comparison that names its own base period makes the figure before it
# the current level, not a base the period dates
BASIS_NAMED = regex.compile(r"(?:전년|작년|지난해|전\s?분기|직전\s?분기)\s?(?:동기\s?)?(?:대비|比|보다)")


def _next_figure(others: list[int], at: int, own: int) -> int | None:
    """The first figure from `at` on that a period ending at `at` may introduce: one before the figure at
    `own`, or one within 14 characters of `at` that is not that figure.

    `others` holds the sentence's figure starts in order, so this walks on from a bisection where it used to
    filter all of them for each period of each figure; the walk steps over at most two (the figure at `own`,
    one starting right at `at`)."""
    for i in range(bisect_left(others, at), len(others)):
        o = others[i]
        if at <= o < own or (o > at and o != own and o - at <= 14):
            return o
        if o > own and o - at > 14:
            return None
    return None


def _end_of(scan: str, start: int) -> int:
    n = start
    while n < len(scan) and n - start < 24 and not scan[n].isspace() and scan[n] not in "에보대와과(":
        n += 1
    return n


NAMED_BASE = regex.compile(r"(?:[1-4]\s?분기|[상하]반기|\d{4}\s?년)\s?(?:말\s?)?(?:대비|보다|에\s?비해)")
GLUED_AFTER = regex.compile(r"\s?(?:(?P<q>QoQ|q/q|q-o-q|전분기\s?대비)|YoY|y/y|y-o-y|전년\s?대비)(?![\p{L}])", regex.IGNORECASE)


def is_change(metric: str, change: bool) -> bool:
    """Whether a claim is a change of something, the only kind of claim that has a basis."""
    return taxonomy().is_growth(metric) or metric == "price_change" or change


def basis(scan: str, sent, clause, metric: str, m: Mention, change: bool, fallback: str | None = None) -> str | None:
    """yoy / qoq / mom / cagr from the comparison words nearest the figure, else what its base period says."""
    if not is_change(metric, change):
        return None
    window = scan[max(sent.start, m.start - 40):m.start + 2]
    tail = scan[m.end:min(sent.end, m.end + 40)]
    if MULTI_YEAR.match(scan, m.end, min(sent.end, m.end + 80)):
        return "cagr"  # "26.3% year-over-year revenue growth over the past three years": a rate over years, no quarter's
    if said := SAID_RIGHT_AFTER.match(tail):
        # "down 3.3% sequentially and up 2.3% year-over-year": the word right after a figure is its own basis
        return "qoq" if said["q"] else "yoy"
    if glued := GLUED_AFTER.match(tail):
        return "qoq" if glued["q"] else "yoy"  # "(+8.2%YoY, -2.3%QoQ)": a mark on the figure itself outranks one before it
    # the comparison nearest before the figure is its own: "전년 동기보다 32.6%, 전분기와 비교하면 158.9%"
    found: list[tuple[int, str | None]] = [(x.end(), name) for rx, name in ((CAGR, "cagr"), (QOQ, "qoq"), (MOM, "mom"), (YOY, "yoy"),
                                                                          (YEAR_END, None))
                                           for x in rx.finditer(window)]
    if found:
        return max(found, key=lambda f: (f[0], f[1] or ""))[1]  # a change since the year-end has no basis of those four
    # English states the comparison after the figure: "up 22% from the previous quarter"
    for rx, name in ((QOQ_AFTER, "qoq"), (YOY_AFTER, "yoy")):
        if rx.match(tail):
            return name
    # (a rate's move in points said with no comparison is against the year before, as a growth rate's is; not one
    # measured from a quarter the sentence names: "3분기 대비 18%포인트 내려간")
    pp = change and m.kind == "pp" and not NAMED_BASE.search(window)
    return fallback or ("yoy" if taxonomy().is_growth(metric) or pp else None)


def bases_said(scan: str, a: int, b: int) -> list[tuple[int, str | None]]:
    """(end, 'qoq' or 'yoy') of every comparison worded in scan[a:b]."""
    return [(x.end(), name) for rx, name in ((QOQ, "qoq"), (YOY, "yoy")) for x in rx.finditer(scan, a, b)]


def same_span_basis(scan: str, prev: Sentence | None, sent: Sentence, m: Mention, period: str | None) -> str | None:
    """"지난해 4분기와 비교했을 때 매출은 28.2% 줄었다. 같은 기간 순이익은 61.5% 감소": 'the same period' compares on
    the basis the sentence before compared on, in words or by the quarter it named."""
    if prev is None or not SAME_SPAN.search(scan, sent.start, m.start):
        return None
    found = bases_said(scan, prev.start, prev.end)
    if period and "Q" in period:
        found += [(x.end(), _basis_between(period, base)) for x in QUARTER_COMPARED.finditer(scan, prev.start, prev.end)
                  if (base := _named_quarter_base(scan, prev.start, x.end(), period))]
    named = [(at, name) for at, name in found if name]
    return max(named)[1] if named else None


def basis_of_base(refs: list[PR.PeriodRef], m: Mention, period: str | None, scan: str, others: list[int],
                  sent_start: int) -> str | None:
    """"2분기 3.6조원과 견주면 29.6% 줄어": a base one quarter back makes the change qoq, four back yoy."""
    # "increased 20 percent compared with the first quarter of 2021 and 49 percent compared with the second quarter
    # of 2020", "increased by 32% compared to $2.24 billion for the first quarter of 2024": English names the base after
    # the change, and that outranks a period the sentence named before it (the last change's base)
    for r in refs:
        if m.end < r.start <= m.end + 120 and period and r.period and BASE_FOR_AFTER.fullmatch(scan, m.end, r.start):
            return _basis_between(period, r.period)
    if period and "Q" in period and (named := _named_quarter_base(scan, sent_start, m.start, period)):
        return _basis_between(period, named)  # "2분기와 비교하면 매출은 4% … 늘었다": a named quarter compared with
    for r in reversed([r for r in refs if sent_start <= r.start and r.end <= m.start]):
        if not is_base(r, scan, others, m):
            continue
        if r.relative in ("previous", "year_ago"):
            return "qoq" if r.relative == "previous" else "yoy"
        if period and r.period:
            return _basis_between(period, r.period)
    return None


# the comparison a period phrase swallows whole ("2분기와 비교하면" is read as a comparison, not as a period)
QUARTER_COMPARED = regex.compile(r"(?<!\d)(?:(?P<y>(?:19|20)\d\d)\s?년\s?)?(?P<q>[1-4])\s?분기(?:와|과)\s?(?:비교|견)")


def _named_quarter_base(scan: str, lo: int, pos: int, period: str) -> str | None:
    """The quarter named as the base right before a change ('2분기와 비교하면'), in the year it falls in."""
    found = list(QUARTER_COMPARED.finditer(scan, max(lo, pos - 80), pos))
    if not found:
        return None
    x = found[-1]
    if x["y"]:
        return f"{'FY' if period.startswith('FY') else ''}{x['y']}Q{x['q']}"
    # "3분기 … 4분기와 비교하면": the quarter of that name before the one in view
    return next((p for k in range(1, 5) if (p := CAL.shift_quarter(period, -k)) and p.endswith(f"Q{x['q']}")), None)


def _basis_between(period: str, base: str) -> str | None:
    """qoq for a base one quarter back, yoy for four, else None."""
    return {CAL.shift_quarter(period, -1): "qoq", CAL.shift_quarter(period, -4): "yoy"}.get(base)


# and "up 22% from the previous record in Q1 2024": the base named by the record it set
# (and "rose 2.54% to Rs 22,697.3 crore in Q2 FY26 over Q1 FY26": 'over' a period named as such)
BASE_FOR_AFTER = regex.compile(r"(?:[^.;%]|\.(?=\d)){0,60}?\b(?:(?:as\s)?compared\s(?:to|with)|(?:in\s)?comparison\s(?:to|with)|from|versus|vs\.?|against"
                               r"|(?<=(?:Q[1-4]|FY)\s?\d{2,4}\s)over)\s"
                               r"(?:[^.;\d]{0,12}\d(?:[^.;]|\.(?=\d)){0,24}?\b(?:for|in)\s"
                               r"|the\s(?:previous|prior|last)\s(?:record|high|peak|level)\s(?:set\s)?(?:for|in)\s)?(?:the\s)?", regex.IGNORECASE)


