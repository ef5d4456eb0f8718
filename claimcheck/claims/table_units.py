"""The unit a table declares for its figures ("(단위: 억원)", "USD bn"), and the rows that hold percentages."""
from __future__ import annotations

import regex

# (and "| EUR m | H1 FY25 | …", "£m", "(…; CHF m; …)": a currency and its scale in a caption or a table's corner)
MONEY_SCALE = (r"(?<![\w$€£])(?:EUR|USD|GBP|CHF|DKK|SEK|NOK|CAD|AUD|US\$|C\$|A\$|[£€$])\s?(?:m|mn|b|bn|million|billion)(?![\w])"
               r"|(?<![\w])M(?:EUR|USD|GBP|CHF|DKK|SEK|NOK)(?![\w])")  # and a Nordic caption's "MSEK", "MEUR"
UNIT_DECL = regex.compile(r"단위\s*[:：]\s*[^)\n]+|\((?:[^()\n]*?)(?:bn|billion|mn|million|crores?|조원|억원|백만원|달러|위안|엔|%)[^()\n]*\)|"
                          + MONEY_SCALE, regex.IGNORECASE)
# the currencies a caption or a corner writes with a scale after them ("EUR m", "£m", "CHF bn")
CURRENCY_SIGNS = [("EUR", r"EUR|€"), ("GBP", r"GBP|£"), ("CHF", r"CHF"), ("DKK", r"DKK"), ("SEK", r"SEK"), ("NOK", r"NOK"),
                  ("CAD", r"CAD|C\$"), ("AUD", r"AUD|A\$"), ("JPY", r"JPY|¥"), ("INR", r"INR|₹|Rs\.?")]
# longer scales first: "십억 달러" also contains "억 달러"
UNITS = [
    (r"조\s?원", ("money", "KRW", 1e12)), (r"십억\s?원", ("money", "KRW", 1e9)), (r"억\s?원", ("money", "KRW", 1e8)),
    (r"백만\s?원", ("money", "KRW", 1e6)), (r"천\s?원", ("money", "KRW", 1e3)), (r"십억\s?달러", ("money", "USD", 1e9)),
    (r"억\s?달러", ("money", "USD", 1e8)), (r"백만\s?달러", ("money", "USD", 1e6)), (r"천\s?달러", ("money", "USD", 1e3)),
    (r"백만\s?위안", ("money", "CNY", 1e6)), (r"억\s?유로", ("money", "EUR", 1e8)), (r"백만\s?유로", ("money", "EUR", 1e6)),
    (r"백만\s?엔", ("money", "JPY", 1e6)), (r"억\s?홍콩\s?달러", ("money", "HKD", 1e8)),
    (r"십억\s?엔", ("money", "JPY", 1e9)), (r"십억\s?위안", ("money", "CNY", 1e9)), (r"십억\s?유로", ("money", "EUR", 1e9)),
    (r"억\s?위안", ("money", "CNY", 1e8)), (r"억\s?엔", ("money", "JPY", 1e8)),
    # ("(₹ crore unless stated)", "Rs lakh crore": India's scales, ten million and a million million)
    (r"(?:₹|Rs\.?|INR)\s?(?:in\s)?lakh\s?crores?", ("money", "INR", 1e12)),
    (r"(?:₹|Rs\.?|INR)\s?(?:in\s)?crores?|\bcrores?\s(?:of\s)?(?:rupees|₹|INR)", ("money", "INR", 1e7)),
    # (and a corner's "US$m", "$bn")
    (r"(?:US\$|USD|\$)\s?(?:in\s)?(?:bn|billions?|b(?![\w]))|(?:bn|billion)\s?(?:USD|dollars)", ("money", "USD", 1e9)),
    (r"(?:US\$|USD|\$)\s?(?:in\s)?(?:mn|millions?|m(?![\w]))|(?:mn|million)\s?(?:USD|dollars)", ("money", "USD", 1e6)),
    *[(rf"(?<![\w$€£])(?:{signs})\s?(?:b|bn|billions?)(?![\w])", ("money", code, 1e9)) for code, signs in CURRENCY_SIGNS],
    *[(rf"(?<![\w$€£])(?:{signs})\s?(?:m|mn|millions?)(?![\w])", ("money", code, 1e6)) for code, signs in CURRENCY_SIGNS],
    *[(rf"(?<![\w])M{code}(?![\w])", ("money", code, 1e6)) for code, _ in CURRENCY_SIGNS],  # "MSEK unless stated"
    # "(in millions, except per share data)": an English release's corner, in dollars unless its cells say otherwise
    (r"\bin\s(?:bn|billions)\b", ("money", "USD", 1e9)), (r"\bin\s(?:mn|millions)\b", ("money", "USD", 1e6)),
    (r"(?:EUR|€)\s?(?:bn|billion)", ("money", "EUR", 1e9)), (r"(?:CNY|RMB)\s?(?:bn|billion)", ("money", "CNY", 1e9)),
    # a currency with no scale: a per-share row such as "주가(11/19, 홍콩달러)"
    (r"홍콩\s?달러|HKD|HK\$", ("money", "HKD", 1.0)), (r"위안|CNY|RMB", ("money", "CNY", 1.0)),
    (r"달러|USD|US\$", ("money", "USD", 1.0)), (r"(?<![가-힣])원(?![가-힣])|KRW", ("money", "KRW", 1.0)),
    (r"(?<![가-힣])엔(?![가-힣])|JPY", ("money", "JPY", 1.0)),
]
UNIT_RX = [(regex.compile(a, regex.IGNORECASE), b) for a, b in UNITS]
PCT_ROW = regex.compile(r"%|률|율|margin|growth|\bOPM\b|\bNPM\b|\bGPM\b|\bRO[AE]\b|\bROIC\b|비중|점유율|share|yoy|qoq|y\/y|q\/q|y-o-y|q-o-q|\bchg\b|\borganic\b|\blfl\b|like[\s-]for[\s-]like|증감|change|대비|전년비|전기비",
                     regex.IGNORECASE)  # (and an "| Organic |" column beside the amounts: the organic growth)


def unit_of(text: str) -> tuple[str, str, float] | None:
    """The money unit a table declares ("(단위: 억원)", "USD bn"), if any."""
    for rx, unit in UNIT_RX:
        if rx.search(text):
            return unit
    return None


# "| EPS(원) | PER(배) |" under "(단위: 십억원, 원, 배)": a column that names its own unit keeps it; a multiple ('배', 'x')
# is no amount at all
# and "| Basic EPS (SEK) |", "| Business EPS (€) |": a per-share row in a table of millions keeps its currency alone
# (and "| Share price (SEK, 22 Oct close) |": the currency first, then the day the column holds)
COLUMN_UNIT = regex.compile(r"\((?P<u>원|배|x|X|달러|USD|%|€|EUR|£|GBP|SEK|CHF|DKK|NOK|¥|JPY|\$)(?:,\s[^()]{1,24})?\)\s*$")
CURRENCY_ALONE = {"원": "KRW", "달러": "USD", "USD": "USD", "$": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
                  "SEK": "SEK", "CHF": "CHF", "DKK": "DKK", "NOK": "NOK", "¥": "JPY", "JPY": "JPY"}
# "| Revenues (SEK m) |" over a table whose caption declares none: the column's own currency and scale
SCALED_COLUMN = regex.compile(r"\((?P<u>[^()]{1,12})\)\s*$")
NO_AMOUNT = ("none", "", 0.0)


def column_unit(header: str) -> tuple[str, str, float] | None:
    """The unit a column header (or a row's label) declares for its own cells, NO_AMOUNT for a multiple, else None."""
    m = COLUMN_UNIT.search(header)
    if m is None:
        scaled = SCALED_COLUMN.search(header)
        got = unit_of(scaled["u"]) if scaled else None
        return got if got and got[2] != 1.0 else None
    if m["u"] == "%":
        return ("percent", "%", 1.0)
    return ("money", CURRENCY_ALONE[m["u"]], 1.0) if m["u"] in CURRENCY_ALONE else NO_AMOUNT
