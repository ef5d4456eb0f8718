"""The period a figure takes from the period phrases of its sentence: its own, the one before it, or one measured back
from the period in view; a period that is a comparison's base or another figure's is passed over."""
from __future__ import annotations

from bisect import bisect_left

import regex

from ..numbers.parse import Mention
from .. import calendar as CAL
from . import periods as PR
from .arrival_period import dates_arrival
from .bracket_legend import in_legend
from .compare import ARRIVED_VERB, BASE_AFTER, COMPARED_WORDS, THEN, is_base

BASE_FROM = regex.compile(r"\b(?:from|than|versus|vs\.?|over)\s$", regex.IGNORECASE)
# "전년 동기(4,380억원)": a bracket holding just a figure is the period's own; "(15% growth on a constant currency
# basis)" is an aside about another figure
OWN_BRACKET = regex.compile(r"\s?\(\s?[-+△▲▼$₩€¥]?\d[\d.,]*\s?[\p{L}%$]{0,4}\s?(?:[\p{Hangul}]{0,3}\s?[\d.,]*\s?[\p{L}%]{0,3})?"
                            r"(?:\s[원엔]|\s달러)?\)")  # "(2조5478억 원)": the unit after a blank
KO_BASE_AFTER = regex.compile(rf"\s?\([^()]{{1,30}}\)\s?{THEN}(?:보다|대비|에\s?비해)")
TURNED_TO = regex.compile(r"(?:흑자|적자)\s?(?:로\s?)?전환(?:한|된|해|하며)\s?$")
COMPARED_TO = regex.compile(r"\s?(?:보다|대비|에\s?비해|比)")
ARRIVED_AT = regex.compile(ARRIVED_VERB + r"\s?$")
# "42% in fiscal 2023", "to $40.572 billion, for nine months": a period right after the figure is its own, and
# so is one after the level its change arrives at ("decreased 11 percent, to $40.572 billion, for nine months")
# and "$942.4 million, or $3.10 per diluted share, for the first quarter": an aside restating it per share comes between
# a bracket opening right after a figure ("1.5%(", "175억원 ("), and closing right after the period it holds
PERIOD_LABEL = regex.compile(r"\s?[:：]\s?[+\-]?(?:[A-Z]{3}\s)?[$€£¥₩]?\d")
LABEL_TO = regex.compile(r"\s?[:：]\s?")
PERIOD_GLOSS = regex.compile(r"(?:\d|%|원|[a-z])\s?\(\s?$")
GLOSS_OPEN = regex.compile(r"\s?\(\s?")
GLOSS_CLOSE = regex.compile(r"\s?(?:기준\s?)?\)")
OWN_PERIOD = regex.compile(r"(?:\s(?:per|a)\s(?:diluted\s|basic\s)?share)?"
                           # ("$35.4 million, or 49 cents, in the same period of 2024": the per-share aside's words may go)
                           r"(?:,?\sor\s[$€£¥₩]?\d[\d,.]*(?:\scents?\b|(?=,))(?:\s(?:per|a)\s(?:diluted\s|basic\s)?share)?"
                           r"|,?\sor\s[$€£¥₩]?\d[\d,.]*\s(?:per|a)\s(?:diluted\s|basic\s)?share)?"
                           r"(?:,?\sor\s\d[\d,.]*%)?"  # "$257.5 million, or 76.7%, in the third quarter of 2023": its share aside
                           # ("$1.52 on revenues of $620 million for the coming quarter": the revenue it is earned on)
                           r"(?:\son\s(?:(?:revenues?|sales)\sof\s)?[$€£¥₩]?\d[\d,.]*(?:\s?(?:billion|million|bn|mn|[BM]))?(?:\sin\s(?:revenues?|sales))?)?"
                           # (and "increased 34% to a record $502.1 million, or $3.57 per diluted share, in the first nine months")
                           r"(?:,?\sto\s(?:a\s)?(?:record\s)?[$€£¥₩]?\d[\d,.]*(?:\s(?:billion|million|trillion))?"
                           r"(?:\s(?:euros?|dollars?|yen|pounds?|(?:Swiss\s)?francs?|yuan|won|kroner|kronor))?"  # "to 28.21 billion euros"
                           r"(?:,?\sor\s[$€£¥₩]?\d[\d,.]*(?:\scents?)?\s(?:per|a)\s(?:diluted\s|basic\s)?share)?)?"
                           r"(?:\s(?:figure|level|total|mark)?\s?(?:reported|posted|recorded|logged)(?=\sfor\s))?"  # "the $61m figure reported for Q1 2024"
                           r",?\s(?:in|for|during|at\sthe\s(?:end|close)\sof)\s(?:the\s)?"
                           # "from a $751 million operating profit last year to a $98 million operating loss this quarter":
                           # a period right after the figure's own metric noun
                           # (and "$1.76 billion in revenues for the current fiscal year")
                           r"|\s(?:in\s)?(?:(?:operating|net|gross|pre-?tax|adjusted)\s)?(?:profit|loss|income|revenues?|sales|earnings)\s(?:for\s|in\s)?(?:the\s)?",
                           regex.IGNORECASE)
LAST_FY = regex.compile(r"last\s(?:financial|fiscal)\syear\b")  # "$1.7 billion last financial year": right after its figure
# (and "5월 볼파라 인수로": a deal's month, its object named between)
EVENT_AFTER = regex.compile(r"\s?(?:에\s?)?(?:[\p{L}\p{N}·]{1,12}(?:을|를)?\s)?"
                         r"(?:출시|선보|공개|오픈|론칭|개시|시작|발매|서비스를?\s?시작|인수|합병|상장|출범|계약|체결|취임|공시)")
# and "$682 million, or $1.21 per share in the same period in 2024": the base's own, after its per-share aside
# what stands between a quarter and the year that places it: "the December quarter, the first of fiscal 2026",
# "Q4 of 2025", "the fourth quarter in fiscal"
YEAR_PLACES = regex.compile(r",?\s?(?:(?:the\s[\w-]+\s(?:quarter\s)?)?of\s(?:its\s|the\s)?|in\s|for\s|ended\s|ending\s)?"
                            r"(?:fiscal\s(?:year\s)?|FY\s?)?", regex.IGNORECASE)
LEVEL_OF = regex.compile(r"\s?수준(?:인|의|으로|에\s?머문)\s")
POSSESSED = regex.compile(r"['’]s\s(?:about\s)?[$€£¥₩]?\d")
def owns_another(r: PR.PeriodRef, m: Mention, scan: str) -> bool:
    """Whether period r, before m, owns another figure right after it in the possessive ("last year's $9.64 billion")."""
    return r.end < m.start - 8 and POSSESSED.match(scan, r.end) is not None


KO_RELATIVE_YEAR = regex.compile(r"지난해|작년|전년|올해|금년")
KO_AFTER_FIGURE = regex.compile(r"\s?(?:원|달러|엔|위안)?\s?(?:으로|로|을\s기록해|를\s기록해|이며|이고|,)?\s?")
CONTRAST = regex.compile(r"\b(?:but|while|whereas|although|though)\b", regex.IGNORECASE)
TAKEN = regex.compile(r"(?:[\d%]|\d\s(?:per|a)\s(?:diluted\s)?share),?\s(?:in|for|during)\s(?:the\s)?$", regex.IGNORECASE)
# ("down from $2.76 billion in Q2 2024 but ahead of the $1.89 billion estimate": a base's own period, past a contrast,
# dates nothing after it)
BASE_TAKEN = regex.compile(r"\bfrom\s(?:about\s)?[$€£¥₩]?\d[\d.,]*\s?(?:billion|million|trillion|bn|mn|cents?|[BMK%])?,?\s"
                           r"(?:in|for|during)\s(?:the\s)?$", regex.IGNORECASE)


def period(refs: list[PR.PeriodRef], m: Mention, clause: tuple[int, int], carry_period: str | None, focus: str | None,
           header: tuple[str | None, bool] | None, others: list[int], daily: bool = False,
           last: str | None = None, scan: str = "", change: bool = False) -> tuple[str | None, bool, str]:
    """(period, estimate, grain) for a number from the period expressions of its sentence; a price may take a day."""
    if header and header[0]:
        return header[0], header[1], "year" if len(header[0]) == 4 else "quarter"
    # "지난 7월 출시한 신작", "launched in July": the date of an event the sentence tells, not a span figures cover
    refs = [r for r in refs if not (r.grain in ("month", "day") and EVENT_AFTER.match(scan, r.end, r.end + 24))]
    stated = refs
    # "영업이익률은 1.5%(2023년 상반기)에서 4.8%(2024년 상반기)로": a period bracketed alone right after a figure is
    # that figure's, and no other's
    glossed = [r for r in refs if PERIOD_GLOSS.search(scan, max(0, r.start - 4), r.start) and GLOSS_CLOSE.match(scan, r.end)]
    if mine := [r for r in glossed if GLOSS_OPEN.fullmatch(scan, m.end, r.start)]:
        return mine[0].period, mine[0].estimate, mine[0].grain
    refs = in_legend([r for r in refs if r not in glossed], m, scan)
    # "(Q3 24: 61.8; consensus: 55.6)": a period written as a label before its figure is that figure's, and no other's
    refs = [r for r in refs if not (PERIOD_LABEL.match(scan, r.end) and not (r.end <= m.start and LABEL_TO.fullmatch(scan, r.end, m.start)))]
    # English dates a figure after it ("42% in fiscal 2023 to 45% in fiscal 2024"); otherwise a period
    # written straight before a later figure belongs to that figure
    refs = [r for r in refs if (daily or r.grain != "day")
            and (r.start < m.end or OWN_PERIOD.fullmatch(scan, m.end, r.start)
                 or not (figure_in(others, max(r.end, m.start + 1), r.end + 8)
                         or figure_in(others, m.end, r.start - 1))  # "to 40% from 43% last year": 43%'s year
                 or dates_arrival(r, m, scan, others, OWN_PERIOD.fullmatch))]
    if change:
        # and "'검은사막' 매출은 작년 3분기 대비 21% 감소했지만 '이브'는 같은 기간 28% 늘며": a change's "same period" is
        # the span it is measured over, as its neighbour's base was; the change is the period in view's
        refs = [r for r in refs if not is_base(r, scan, others, m) and r.relative != "same"]
    else:
        # "rose 5% from the previous quarter to $10 billion": the quarter is what the change is measured from
        # and "전년 동기(1조1921억원)보다 3.9% 증가한 1조2386억원": the bracket is the year-ago quarter's, the figure
        # the change arrives at is the current one
        refs = [r for r in refs if not (r.relative in ("previous", "year_ago") and m.start - r.end > 3
                                        and (BASE_FROM.search(scan, max(0, r.start - 12), r.start)
                                             or (KO_BASE_AFTER.match(scan, r.end, min(len(scan), r.end + 40))
                                                 and ARRIVED_AT.search(scan, max(r.end, m.start - 8), m.start))
                                             # "영업이익은 전기 대비 흑자로 전환한 14억원": the level the turn arrived at
                                             or (COMPARED_TO.match(scan, r.end) and TURNED_TO.search(scan, r.end, m.start))))
                and not _bracketed_base(r, m, scan) and not _arrived_from(r, m, scan)
                and not (r.end <= m.start and FROM_FIGURE_BEFORE.fullmatch(scan, r.end, m.start))
                and not (r.relative and LEVEL_OF.match(scan, r.end))  # "전년 동기 수준인 438억원": now, at that level
                # "부채비율은 3분기 대비 18%포인트 내려간 228%": a named quarter the change is measured from is not the
                # period of the level the change arrives at
                and not (not r.relative and r.end < m.start and COMPARED_TO.match(scan, r.end)
                         and ARRIVED_AT.search(scan, max(r.end, m.start - 8), m.start))]
    # "8,564억원[전년 동기 4,467억원]으로 ... 8% 넘게": a period inside another figure's bracket is that figure's
    # and "영업이익은 786억원으로 전년 동기(655억원)보다 20.0% 증가했고, 영업이익률은 10.9%로": a base with its own
    # bracketed figure dates that figure, not the later ones of its sentence
    refs = [r for r in refs if not _in_other_bracket(r, m, scan) and not _bracketed_own(r, m, scan)
            and not _closed_base(r, m, scan)]
    # English dates a figure after it: "42% in fiscal 2023"
    own = [r for r in refs if r.start >= m.end and (OWN_PERIOD.fullmatch(scan, m.end, r.start)
                                                    or (r.start - m.end <= 1 and LAST_FY.match(scan, r.start)))]
    if own:
        refs = [own[0]]
    # "growth of 6 to 8 percent from last year's $9.64 billion, implying sales between …": a period that owns the
    # figure right after it in the possessive dates that figure only
    earlier = [r for r in refs if r.end <= m.start and not owns_another(r, m, scan) and not _trails(r, m, scan)]
    earlier = [r for r in earlier if not (BASE_TAKEN.search(scan, max(0, r.start - 40), r.start)
                                          and CONTRAST.search(scan, r.end, m.start))]
    before = [r for r in earlier if not TAKEN.search(scan, max(0, r.start - 40), r.start)]
    in_clause = [r for r in before if r.start >= clause[0]]
    # "5.1%로 1년 전(3.4%)보다": a period phrase with a bracketed figure of its own dates that figure only
    # and "매출도 5,201억 원으로 2024년 같은 기간보다": a year named after the figure as its base dates the base
    # and "rose 49% to $1.29 billion in comparison to Q3 2017": a period after a comparison word is the base's
    # (and not "매출은 2315억 원으로 지난해 …": Korean names a figure's own span before it; a relative year after it
    # opens the comparison)
    after = [r for r in refs if r.start >= m.end and r.start < clause[1] and r.relative != "next"
             and not (KO_RELATIVE_YEAR.match(scan, r.start) and KO_AFTER_FIGURE.fullmatch(scan, m.end, r.start))
             and not OWN_BRACKET.match(scan, r.end) and not (r.grain == "year" and BASE_AFTER.match(scan, r.end, r.end + 32))
             # (not "over the nine months": a running span the growth is measured over, no base)
             and not (COMPARED_BEFORE.search(scan, max(m.end, r.start - 24), r.start) and r.grain != "ytd")
             # (nor "fell 9.9% to $14.21bn from a year earlier": the change's base, after the level it arrived at)
             and not (r.relative in ("previous", "year_ago") and ARRIVED_AT_LEVEL.search(scan, max(0, m.start - 40), m.start))]
    # "20% in the September quarter, against 29% for AWS": a list shares the period its first figure took
    chosen = in_clause or before or after or earlier[-1:] or own
    pick = chosen[-1 if (in_clause or before) else 0] if chosen else None
    if pick is None:
        return carry_period, False, ""
    if pick.grain == "year" and pick.period:
        # "the December quarter, the first of fiscal 2026": the year only places the quarter named just before it
        # (not "Q3 retail units and FY25 Adjusted EBITDA": a quarter of another clause's noun)
        inner = [r for r in refs if r.grain == "quarter" and r.period and r.end <= pick.start
                 and pick.start - r.end <= 32 and r.period.startswith(pick.period)
                 and YEAR_PLACES.fullmatch(scan, r.end, pick.start)]
        pick = inner[-1] if inner else pick
        if pick in own and (lead := _yearless_lead(stated, m, scan)) is not None and lead.period and pick.period:
            # "Third quarter GAAP diluted earnings per share were $0.88 in 2025 compared with $1.21 in 2024": the
            # sentence opens on the span, and the year after each figure says which year's span it is
            span = "" if lead.grain == "ytd" else lead.period[-2:]  # "Q3", "H1"; the year so far is the year's
            return pick.period + span, False, lead.grain
    p = pick.period
    if pick.relative == "same":
        # "전년 동기(2조7,411억원)보다 ..., 같은 기간 4,030억원에서": the same period as the one just named
        prev = next((r for r in reversed(stated) if r.end <= pick.start and r.relative != "same"), None)
        if prev is not None and prev.relative in ("previous", "year_ago"):
            anchor = focus or last
            return (CAL.shift_quarter(anchor, -1 if prev.relative == "previous" else -4) if anchor else None), False, ""
        if prev is not None and prev.period and COMPARED_TO.match(scan, prev.end):
            # "3분기 매출액이 2분기보다 14% 늘어난 408억원, 영업이익은 같은 기간 98% 증가한 28억원": over the same
            # comparison, so the span in view is the one the sentence named before its base
            now = next((r for r in reversed(stated) if r.end <= prev.start and r.period and not r.relative
                        and not COMPARED_TO.match(scan, r.end)), None)
            if now is not None:
                return now.period, False, now.grain
        return last, False, ""
    if pick.relative == "same_of":
        # (another "same period in 2024" before it names no quarter of its own: the quarter is still the focus's)
        anchor = next((r.period for r in reversed(stated) if r.end <= pick.start and r.period and "Q" in r.period
                       and r.grain == "quarter"), None) or focus
        # "the same quarter of 2024" for a fiscal company names its fiscal quarter of that year
        fy = "FY" if anchor and anchor.startswith("FY") else ""
        return (f"{fy}{pick.period}Q{anchor.split('Q')[1]}" if anchor and "Q" in anchor else pick.period), False, "quarter"
    if pick.relative == "current":
        # "Revenue for the quarter was …": the article's quarter, else the one the sentences before carried
        p = focus or (carry_period if carry_period and "Q" in carry_period else None)
    elif pick.relative in ("previous", "year_ago"):
        # measured back from the period in view: one named earlier in the sentence, else the article's
        # ("올 반기 영업이익이 1006억원으로 전년동기(574억원)": a half's year-ago span is that half a year before)
        # (or the half a paragraph goes on with: "상반기 매출 4,477억 원 … ¶ 매출은 전년 동기(4,787억 원) 대비")
        anchor = next((r.period for r in reversed(refs) if r.end <= pick.start and r.period and r.grain in ("quarter", "half")),
                      None) or (carry_period if carry_period and "H" in carry_period else None) or focus \
            or (carry_period if carry_period and "Q" in carry_period else None)  # (a quarter an opening named)
        p = CAL.base_of(anchor, pick.relative == "year_ago") if anchor else None
    elif pick.relative == "next":
        # "2026 회계연도 1분기 ... 다음 분기 가이던스": the quarter after the one the paragraph spoke of
        anchor = last if last and "Q" in last else focus
        p = CAL.shift_quarter(anchor, 1) if anchor else None
    return p, pick.estimate, pick.grain


YEAR_DIGITS = regex.compile(r"\d\d")


def _yearless_lead(stated: list[PR.PeriodRef], m: Mention, scan: str) -> PR.PeriodRef | None:
    """The sentence's first period phrase when it is a quarter, half or year-to-date with no year of its own, before m
    and with no other period phrase between it and m."""
    before = [r for r in stated if r.end <= m.start]
    # the years between are earlier figures' own ("… $0.88 in 2025 compared with $1.21 in 2024")
    if not before or before[0] is not stated[0] or any(r.grain != "year" for r in before[1:]):
        return None
    lead = before[0]
    if lead.grain not in ("quarter", "half", "ytd") or not lead.period or lead.relative \
            or YEAR_DIGITS.search(scan, lead.start, lead.end):
        return None
    return lead


def _bracketed_own(r: PR.PeriodRef, m: Mention, scan: str) -> bool:
    """A relative period before m whose bracket holds a figure of its own that m is not."""
    if r.relative not in ("previous", "year_ago") or r.end > m.start:
        return False
    own = OWN_BRACKET.match(scan, r.end)
    return own is not None and not own.start() <= m.start < own.end()


BASE_WORDS = rf"{COMPARED_WORDS}|against|over"
# "rose 4% to $1.2 billion", "fell 9.9 percent to": a level a change of so much arrived at
ARRIVED_AT_LEVEL = regex.compile(r"\d\s?(?:%|percent|per\scent)\s(?:to|at)\s(?:a\s)?(?:record\s)?(?:about\s)?[$€£¥₩]?$", regex.IGNORECASE)
COMPARED_BEFORE = regex.compile(rf"\b(?:{BASE_WORDS})\s(?:the\s)?$", regex.IGNORECASE)
# (after a figure, "from the same period of the year prior" may date that figure itself: "net income of $343.40 million
# from the same period"; a base period a clause closes dates nothing after it)
BASE_WORD_BEFORE = regex.compile(rf"\b(?:{BASE_WORDS}|from|than)\s(?:the\s)?$", regex.IGNORECASE)
# "down 25.5% compared to Q3 2024, with an operating margin of 11.0%", "up 3.4% from Q3 2024, while reported EPS was
# $6.12": a comparison's base period dates nothing past the clause it closes
CLAUSE_BREAK = regex.compile(r"[,;]|\b(?:while|whereas)\b")


def _closed_base(r: PR.PeriodRef, m: Mention, scan: str) -> bool:
    # ("Over the first nine months of the year, CN has grown profits by 9%": "over" a span that runs to now is the
    # span the figures cover, no base)
    return r.end <= m.start and BASE_WORD_BEFORE.search(scan, max(0, r.start - 24), r.start) is not None \
        and CLAUSE_BREAK.search(scan, r.end, m.start) is not None \
        and not (r.grain == "ytd" and OVER_BEFORE.search(scan, max(0, r.start - 10), r.start))


OVER_BEFORE = regex.compile(r"\b[Oo]ver\s(?:the\s)?$")


# "전년 동기 157억원에서 456억원으로", "2분기 752억→688억원": the period dates the figure the move starts from
FROM_FIGURE_BEFORE = regex.compile(r"\s?\d[\d,.]*(?:\s?[조억만천]\s?[\d,.]*){0,3}\s?(?:원|달러|%p?|％)?\s?(?:에서|→|->)\s?")


def _arrived_from(r: PR.PeriodRef, m: Mention, scan: str) -> bool:
    """"지난해 3분기 대비 12% 감소한 3조9066억원": the period a change is measured from is not the period of the level
    the change arrives at."""
    return m.start - r.end > 4 and ARRIVED_AT.search(scan, max(r.end, m.start - 8), m.start) is not None \
        and BASE_AFTER.match(scan, r.end, min(len(scan), r.end + 32)) is not None


# ("(down 5% compared to Q3 2024), and net sales of … were $3.70 billion": an aside's comparison dates only its own
# figure, however far into the bracket it comes)
BRACKET_REACH = 40
BRACKET_OPEN = regex.compile(rf"[\[(（][^\[\]()（）]{{0,{BRACKET_REACH}}}$")
BRACKET_FIGURE = regex.compile(r"\d[\d,.]*\s?(?:[조억만]|원|%|달러|billion|million|bn\b|mn\b)|[$₩€¥£]\d|\b(?:USD|EUR|GBP|JPY|CNY|CHF)\s?\d")
BRACKET_CLOSE = regex.compile(r"[^\[\]()（）]{0,40}?[\])）]")


def _in_other_bracket(r: PR.PeriodRef, m: Mention, scan: str) -> bool:
    """Whether the period stands inside a bracket that does not hold the figure m."""
    opened = BRACKET_OPEN.search(scan, max(0, r.start - BRACKET_REACH), r.start)
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


# "fell to $1.51 from $1.85 last year, while adjusted EPS reached $1.78": a relative period written straight after a
# figure is that figure's, and dates no later one
TRAILING = regex.compile(r"\d(?:\s(?:million|billion|trillion|per\scent|percent))?\s$", regex.IGNORECASE)
TRAILING_WORDS = regex.compile(r"(?:last|a|the\s(?:prior|previous))\s(?:year|quarter)\b", regex.IGNORECASE)


# "compared with 35.4% in the year-ago quarter, while adjusted operating margin fell to 8.9%": a year back written
# after a figure and 'in', its clause closed after it, is that figure's
TRAILING_IN = regex.compile(r"\d(?:\s?%|\s(?:million|billion|trillion|percent))?,?\s(?:in|for|during)\s(?:the\s)?$", regex.IGNORECASE)


def _trails(r: PR.PeriodRef, m: Mention, scan: str) -> bool:
    if r.relative in ("previous", "year_ago") and TRAILING_IN.search(scan, max(0, r.start - 24), r.start) is not None \
            and CLAUSE_BREAK.search(scan, r.end, m.start) is not None:
        return True  # (and a clause ended after it: "… in the prior quarter and $1.9 billion in" still shares its span)
    return TRAILING_WORDS.match(scan, r.start, r.end) is not None and TRAILING.search(scan, max(0, r.start - 12), r.start) is not None


def figure_in(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a figure starts in [lo, hi]; `starts` is sorted, so this is a bisection and not a pass over the
    sentence's figures (one such pass per period per figure made a run-on line cost its cube)."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] <= hi
