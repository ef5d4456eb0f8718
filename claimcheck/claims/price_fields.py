"""A small money amount as a share's price or a target, and a percent as a share's move: the words around a figure
that settle what fields_metric's cues leave open ("PT: $104 | Price: $93.10", "plunged 19% to $167.77", "18%대 급락",
"at SEK 38.16, the 22 Oct close")."""
from __future__ import annotations

import regex

from .figure import Figure
from .headings import heading_text
from .metric_patterns import T

UNPRICED = "_unpriced"  # a small amount that is neither a share's price nor any metric: no claim
CLOSED_AT = regex.compile(r"\b(?:closed|closing|traded|trading|shares\s(?:rose|fell)\s[^.;]{0,20})\s(?:\w+\s)?at\s[$€£¥₩]?$", regex.IGNORECASE)
CLOSE_GLOSS = regex.compile(r",\s(?:the|its|Friday's|Thursday's|Wednesday's|Tuesday's|Monday's|[\w\s]{0,12}?)\s?close\b", regex.IGNORECASE)
STOCKISH = regex.compile(r"close|closing|closed|종가|현재가|\b(?:last|current|share)\sprice\b|현\s?주가|주가는|traded|trading\sat", regex.IGNORECASE)
# words of a sentence about a share's price: a small amount no cue names is a price only beside one of these
# ("a $7 menu item", "$2.43 a gallon", "1386.16원" of an exchange rate are no share's price)
SHAREISH = regex.compile(r"주가|주당|종가|시가|현재가|시가총액|장중|거래|마감|개장|문을\s?연|futures|opening\sbell|share|stock|close|closing|closed|traded|trading|premarket|pre-market"
                         r"|after-hours|52-week|ticker|NYSE|NASDAQ|Nasdaq|KOSPI|코스피|코스닥", regex.IGNORECASE)
PRICE_FIELD = regex.compile(r"\bprice\b|\blast\s?:", regex.IGNORECASE)  # "| Price: $93.10": a header field's share price
# "PT: $104", "we raise our PT to $104": the analysts' short form, in capitals only ("5%pt" is a point)
TARGETISH = regex.compile(r"목표|target|전망|단기|중기|장기|오를|상승\s?여력|(?-i:\b(?:PTs?|TP)\b)", regex.IGNORECASE)
REVISION = regex.compile(r"\s?(?:에서|으?로|→|->)")
# "주식은 1.8% 하락한 2만2,450원으로 마감했다": a change that arrives at a share's price is the price's move
# and "shares lost 10.58% to trade at $114.94", "fell 3% to close at $41.20"
PRICE_ARRIVED = regex.compile(r"\s?(?:하락|상승|오른|내린|떨어진|뛴|급등|급락|밀린)[한해]?\s?\d[\d,]*(?:만\s?[\d,]*)?원"
                              r"|\sto\s(?:trade|close|end|settle|finish)\s(?:at|around|near)\s[$€£¥₩]?\d", regex.IGNORECASE)
# "United Parcel Service (UPS -10.49%)": a ticker's bracket holds the share's move
TICKER_TAG = regex.compile(r"\((?:(?:NYSE|NASDAQ|Nasdaq|NYSEARCA|ETR|XETRA|EPA|EBR|AMS|BIT|BME|SWX|SIX|STO|CPH|HEL|OSL|LON|FRA|TYO|TSE|HKG|HKEX|SGX|BSE|NSE)\s?:\s?)?[A-Z]{1,5}(?:\.[A-Z])?\s?$")
# "18%대 급락", "5% 급등", "3% 하락 마감": words for a share's move
STOCK_MOVE = regex.compile(r"\s(?:(?:single|one|two|three)[\s-]day\s|intraday\s|session\s|weekly\s)?(?:gain|jump|rally|drop|decline|slide|surge"
                          r"|pop|plunge|slump|advance|sell-?off)\b", regex.IGNORECASE)
# "plunged 19% to $167.77": a move that ends at a quoted price, cents and all, with no scale or per-share after it
TO_PRICE = regex.compile(r"\sto\s[$€£¥]\d[\d,]*\.\d\d(?![\d,]|\s?(?:billion|million|bn|mn|[BMK]\b|per\b|a\sshare))", regex.IGNORECASE)
MOVED_BY = regex.compile(r"(?:,?\s(?:Inc|Corp|Co|Ltd|plc)\.?)?(?:['’]s\s(?:stock|shares))?\s\p{Ll}+\s(?:about\s|nearly\s|roughly\s|as\smuch\sas\s)?")  # the company, its verb, the move
SHARE_WORD = regex.compile(r"\b(?:stock|shares?)\b", regex.IGNORECASE)
# (and "30% 가량 급등했다": a hedge between; "장중 15% 넘게 올랐다": a move in the session is the share's)
MARKET_MOVE = regex.compile(r"대?\s?(?:(?:가량|정도|가까이|남짓|넘게|이상|안팎)\s?)?(?:급락|급등|폭락|폭등|하락\s?마감|상승\s?마감|약세|강세)")
INTRADAY = regex.compile(r"(?:장중|장\s초반|장\s후반|개장\s직후)\s?(?:한때\s?)?(?:[가-힣]{1,4}\s)?$")


def share_move(fig: Figure, metric: str) -> bool:
    """Whether a percent the cues read as some growth is the share's move that day."""
    m, scan, sent = fig.m, fig.scan, fig.sent
    if m.kind != "percent":
        return False
    if T.is_growth(metric) and (any(c.metric == "price_change" and sent.start <= c.start and 0 <= m.start - c.end <= 24 for c in fig.cues)
                                or (TICKER_TAG.search(scan, max(0, m.start - 16), m.start) and scan[m.end:m.end + 1] == ")")):
        return True  # "전 거래일 대비 3300원(5.82%) 내린 5만 3400원": the share's move that day
    if STOCK_MOVE.match(scan, m.end, min(sent.end, m.end + 30)) and SHARE_WORD.search(scan, max(sent.start, m.start - 60), m.start):
        return True  # "The stock response—a 5.7% single-day gain": the share's move, whatever margin follows
    if T.is_growth(metric) and TO_PRICE.match(scan, m.end, min(sent.end, m.end + 24)) \
            and any(MOVED_BY.fullmatch(scan, e, m.start) for _, e, _ in fig.own) and not fig.ctx.last_level_cue_in(sent.start, m.start):
        return True  # "Lululemon Athletica Inc. plunged 19% to $167.77": a company moved to a price is its share
    # "파마리서치, 실적 부진에 18%대 급락": a move that names no metric is the share's
    return T.is_growth(metric) and bool(MARKET_MOVE.match(scan, m.end, min(sent.end, m.end + 12))
                                        or INTRADAY.search(scan, max(sent.start, m.start - 12), m.start)) \
        and not fig.ctx.last_level_cue_in(sent.start, m.start)


def priced(fig: Figure, metric: str) -> str:
    """A price-like metric settled by the words around it: a header field's own name, a close, a target's words."""
    m, scan, sent = fig.m, fig.scan, fig.sent
    if metric in ("_price", "price_target", "stock_price") and FIELD_BAR.search(scan, sent.start, sent.end):
        # "Rating: Buy | PT: $104 | Price: $93.10": each field of a header line says what its own figure is, and the
        # field runs from bar to bar ("목표주가 72,000원(상향, 기존 60,000원) | 현재주가": the old target is a target)
        field = scan[_field_start(scan, sent.start, m.start):_field_end(scan, m.end, sent.end)]
        metric = "price_target" if TARGETISH.search(field) \
            else "stock_price" if SHAREISH.search(field) or PRICE_FIELD.search(field) else metric
    if metric == "_price":
        metric = _price_kind(fig)
    if metric == "eps" and not m.scaled and CLOSED_AT.search(scan, max(sent.start, m.start - 24), m.start):
        metric = "stock_price"  # "The stock, which closed Monday at $58 per share": a share's price, not its earnings
    if metric == "price_target":
        # (and "at SEK 38.16, the 22 Oct close": the day's close glossed after the figure)
        near = scan[max(sent.start, m.start - 20):min(sent.end, m.end + 12)] + " " + \
            (g.group() if (g := CLOSE_GLOSS.match(scan, m.end, min(sent.end, m.end + 30))) else "")
        if STOCKISH.search(near) and not TARGETISH.search(near):
            metric = "stock_price"  # "implies 46% upside from the ₩274,500 close": the price, beside a target
    return metric


# "Rating: Buy | PT: $104", "목표주가 32,000원 · 현재주가 25,650원": a header line's fields, set apart by bars or dots
# (and "【목표주가】 38,000원(상향, 기존 33,000원)  【현재주가(11/7)】": a field opened by its name in lenticular brackets)
FIELD_BAR = regex.compile(r"\s[|·▶]\s|【")


def _field_start(scan: str, start: int, pos: int) -> int:
    """Where a header line's field that holds the figure at pos starts: after the last bar, or the sentence's start."""
    bars = list(FIELD_BAR.finditer(scan, start, pos))
    return bars[-1].end() if bars else start


def _field_end(scan: str, pos: int, end: int) -> int:
    """Where a header line's field that holds the figure ending at pos ends: the next bar, or the sentence's end."""
    bar = FIELD_BAR.search(scan, pos, end)
    return end if bar is None else bar.start()


DIVIDEND_SAID = regex.compile(r"\bdividends?\b|배당금?", regex.IGNORECASE)
SHARE_PRICE_SAID = regex.compile(r"\b(?:shares?|stock|closed|closing|price|traded)\b|주가|종가", regex.IGNORECASE)


def _price_kind(fig: Figure) -> str:
    """A small amount no cue settles: a target, a share's price, or neither. The figure's own sentence speaks first
    ("Last price: SEK 84.10" under a title saying "PT raised"), then its heading; and "목표주가를 일제히 높였다.
    신한투자증권은 140만원에서 160만원으로": a revision after a sentence on targets."""
    scan, m, sent = fig.scan, fig.m, fig.sent
    own = fig.ctx.per_sentence(("price_words", fig.label_text), fig.whole, lambda s: _price_words(scan[s.start:s.end] + " " + fig.label_text))
    if own == "target":
        return "price_target"
    if own == "share" or fig.cell:
        return "stock_price"
    if (d := DIVIDEND_SAID.search(scan, max(sent.start, m.start - 100), m.start)) is not None \
            and not SHARE_PRICE_SAID.search(scan, d.end(), m.start):
        return "dividend_per_share"  # "lifted the annual dividend for the previous term from 100 yen to 105 yen"
    head = _price_words(heading_text(fig.ctx, fig.line))
    if head == "target" or (fig.carry.get("metric") == "price_target" and REVISION.match(scan, m.end, min(sent.end, m.end + 12))):
        return "price_target"
    return "stock_price" if head == "share" else UNPRICED


def _price_words(text: str) -> str | None:
    """'target' or 'share' for words about a target or a share's price, else None."""
    return "target" if TARGETISH.search(text) else "share" if SHAREISH.search(text) or PRICE_FIELD.search(text) else None
