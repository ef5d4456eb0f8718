"""Named regex pieces for numbers, units and dates, composed once at import."""
from __future__ import annotations

from collections.abc import Iterator

import regex

# Fullwidth and typographic variants map one-to-one onto ASCII, so offsets survive.
FOLD = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)},
     "％": "%", "＋": "+", "－": "-", "−": "-", "．": ".", "，": ",", "＄": "$",
     "～": "~", "∼": "~", "〜": "~", "–": "-", "—": "-", "￦": "₩", "￥": "¥"}
)

# A number may not start inside a word or straight after a word and a hyphen
# (EC2, 트레이니움2, GPT-4만) or a Latin word and a slash ("A/1"), nor inside another number ("8,486억원/1,299억원" is two).
# ... except a change glued to its basis ("YoY+5%", "QoQ-20%"), as broker notes write it
START = r"(?:(?<=(?i:yoy|qoq|mom))(?=[+\-])|(?<![\p{L}\p{N}_.,])(?<![\p{L}\p{N}]-)(?<![\p{Latin}\p{N}]/))"
DIGITS = r"(?:\d{1,3}(?:,\d{3})++(?!\d)|\d++)(?:\.\d++)?"
KSCALE = r"(?:[십백천]?[만억조]|천|백)"
KOREAN_SCALE = regex.compile(r"[만억조]")
# a scale word after a blank must end there ("3 조선사" is three shipbuilders, not 3조)
KNUM = rf"{DIGITS}(?:{KSCALE}|[ \t\u00a0]{KSCALE}(?!(?!원|달러|위안|엔|유로)[가-힣]))"
# 79조1,400억 / 2,426억5천만 / 1,108억 1,200만: later groups must carry a scale word too. The count is
# capped: parse() restarts after a compound cut short ("1조 1조 ..."), so an unbounded run is matched
# again from each group and a long row of such figures took quadratic time; no amount needs 12 groups.
KCOMPOUND = rf"{KNUM}(?:[ \t\u00a0]?{KNUM}){{0,11}}+(?:(?<=만)[ \t\u00a0]?(?:\d,\d{{3}}|\d{{1,4}})(?![\d,]|\.\d))?"
# English scale words, any case ("$200 Billion+"); a hyphen may join them as an adjective does
# ("a $1.75-billion deal", "1.5-trillion won"), which is neither a range nor a sign. Bank decks write "$25MM" for
# millions and "$1.91T" for trillions (T after a currency only: "3T" alone is no amount).
# and "$210.5 m", "€1.2 bn": after a currency sign a blank may stand before the letter too (a bare "5 m" is metres)
ESCALE = (r"(?:[ \t\u00a0-]?(?i:trillion|billion|million|thousand|tn|bn|bln|mn|mln|lakh[ \u00a0]crores?|crores?|lakhs?|cr(?=\.|\b))|MM|[mbkBMK]|(?<=[$€£¥₩][\d.,]{1,12})T"
          # (and "SEK 35.4 b.", "EUR 705 m": after a currency's code too)
          r"|(?<=(?:[$€£¥₩]|\b(?:USD|EUR|GBP|CHF|SEK|DKK|NOK|JPY|CNY|HKD|CAD|AUD)[ \u00a0])[\d.,]{1,12})[ \u00a0][mbMB])(?![\p{L}])")

# (and the rupee: "₹22,697 crore", "Rs 4,235 crore", "Rs. 12", "INR 500 crore")
# (and a Nordic report's "MEUR 1,868", "MSEK 4,210", "TEUR 500": the scale glued before the code)
SCALED_CODE = r"(?:[MTK]|MN|BN)(?:EUR|SEK|USD|DKK|NOK|CHF|GBP)"
CUR_PREFIX = (r"(?:" + SCALED_CODE + r"[ \t\u00a0]?|US[ \t\u00a0]?\$[ \u00a0]?|HK\$|C\$|A\$|S\$|NT\$|\$|€|£|¥|₩|₹[ \u00a0]?|Rs\.?[ \u00a0]?"
              r"|(?:USD|EUR|KRW|JPY|CNY|RMB|HKD|GBP|TWD|CHF|DKK|SEK|NOK|INR)[ \t\u00a0]?)")
CUR_SUFFIX = (
    r"(?:홍콩달러|대만달러|달러|위안화|위안|엔화|엔|유로|파운드|원(?!가(?!량)|자재|인|칙|료|전|소|유|래|격|주|천|장)"
    # (and the Swiss, Danish and Swedish currencies: "65.9 billion Swiss francs", "DKK 3.1 billion")
    r"|스위스\s?프랑|" + SCALED_CODE + r"|USD|EUR|KRW|JPY|CNY|RMB|CHF|DKK|SEK|dollars?|cents?|¢|won|yuan|renminbi|yen|euros?|pounds?"
    # (and the Nordic crowns in English: "21.9 billion Danish crowns", "812.40 crowns")
    r"|Swiss[ ]francs?|francs?|Danish[ ]kroner|kroner|Swedish[ ]kronor|kronor|Danish[ ]crowns?|Swedish[ ]crowns?"
    r"|Norwegian[ ]crowns?|crowns?|NOK|Norwegian[ ]kroner|rupees?"
    r"|(?:Australian|Canadian|Hong[ ]Kong|Singapore|US|U\.S\.)[ ](?:dollars?|cents?)"
    # (and a London price in pence: "480p", "1,250 pence"; a bare "p" only right after the digits)
    r"|pence|(?<=\d)p)(?![\p{Latin}])"
)
PCT_SUFFIX = (
    # ("2.3%p(포인트) 떨어졌다": the unit spelt out in brackets after it is still the unit)
    r"(?:%[ \t\u00a0]?[pP](?:\((?:퍼센트[ \t\u00a0]?)?포인트\))?(?![\p{Latin}])|%[ \t\u00a0]?포인트|퍼센트[ \t\u00a0]?포인트|%p|pp(?![\p{Latin}])|ppt(?![\p{Latin}])"
    # (and a Japanese wire's "9.6 pct")
    r"|percentage[ ]points?|bps?(?![\p{Latin}])|basis[ ]points?|베이시스[ \t\u00a0]?포인트|%|퍼센트|percent|per[ ]cent|pct(?![\p{Latin}]))"
)
COUNTER = (
    # a counter that opens a longer word is not one: 회계연도, 회사, 대비, 장기, 개발, 건설, 병원
    r"(?:개(?!발|선|편|최)|회(?!계|사|의|장|복|견|담|귀)|명(?!목|예)|대(?!비|응|상|규모|형|표|출|체|한|해|폭)"
    r"|건(?!설|전|강)|곳|척|가구|병(?!원|행)|장(?!기|중|세|비|부|악|외)|만[ \t\u00a0]?명|units?|users?|subscribers?|customers?|employees?"
    # goods by weight or volume ("1888만 톤", "4359만t"), not a price per ton ("톤당")
    r"|톤(?!당)|(?<=[만억천])t(?![A-Za-z])|배럴(?!당)|TEU|tons?|tonnes?|barrels?"
    r"|chips?|downloads?|vehicles?|cars?|people|stores?|players?|gamers?|members?|accounts?|viewers?|households?"
    # a homebuilder's homes closed and orders taken ("closed 7,520 homes", "2,480 net orders")
    r"|homes|(?:net\s)?orders"
    # (not "a $179 billion order backlog": the money is the backlog's, no count of orders)
    r"|shipments?|deliveries|orders?(?![ \t\u00a0](?:backlog|book|intake))|devices?|phones?|smartphones?)(?![\p{Latin}])"
)
# ("$428.1 million year-over-year": the year of a comparison after an amount is no span of it)
TIME_UNIT = (r"(?:년|개월|달|주일|주|일|시간|분기|반기|월|years?(?![ \t\u00a0-](?:over|on)\b)|months?|weeks?|days?"
             r"|quarters?|hours?)(?![\p{Latin}])")

# Korean approximate magnitudes (numbers/bands.py reads them): 대 after a unit is "in the N's"
# ("10%대", "1조 원대", "10억 달러대"); 초반/중반/후반 is the low, middle or high part of that span
# ("5조원 후반대", "20%대 후반", "1조 원 초반"). 대 before 비/응/상/... opens another word ("대비").
BAND = r"(?<=[%원러안엔로드화배])대(?!비|응|출|체|상|한|해|규모|형|표|폭|신)"
PART = r"[ \t\u00a0]?(?:초중|중후|초|중|후)반(?!기|전|부)대?"
# "1조 수천억원", "5억 수천만 달러": a known head plus "several" of the next smaller unit (수 is 2 to 9).
# Only a smaller myriad may follow ("1억 수조" says nothing), so the pairs are spelled out.
FEW = r"(?:(?<=조)[ \t\u00a0]?수[십백천]?억|(?<=억)[ \t\u00a0]?수[십백천]?만)"

_ATOM = rf"""
    (?P<sign>[+\-△▲▼↑↓](?=[\d$€£¥₩₹UHCASNRIEGKJTDMB]))?
    (?P<cur>{CUR_PREFIX})?
    (?P<sign2>[+\-](?=\d))?
    (?P<num>{KCOMPOUND}|{DIGITS})
    (?P<few>{FEW})?
    (?P<escale>{ESCALE})?
    (?P<suffix>(?:[ \t\u00a0]|(?<=[a-zA-Z])-)?(?:{PCT_SUFFIX}|{CUR_SUFFIX}|{TIME_UNIT}|{COUNTER}|위|등|배|x(?![\p{{Latin}}])))?
    (?P<span>(?P<band>{BAND})?(?P<part>{PART})?)
    (?P<plus>\+(?![\d])|-plus(?![\p{{L}}]))?
    """
ATOM = regex.compile(START + _ATOM, regex.VERBOSE)
# The second end of a range ("$320-380") sits right after a digit and a hyphen,
# which START would refuse, so it is matched anchored without it.
ATOM_TAIL = regex.compile(_ATOM, regex.VERBOSE)

# "to" joins only a bare first end ("5 to 10%"): "from 30% to 35%" is a change, not a range
# "rose 5% to 7%", "from $10 to $12": a change and its end, not a range
CHANGE_BEFORE = regex.compile(r"(?:\b(?:rose|grew|increased|fell|dropped|declined|climbed|jumped|gained|slipped|slid|expanded"
                              r"|narrowed|widened|up|down|from|by)\s(?:about\s|nearly\s|roughly\s|some\s)?)$", regex.IGNORECASE)
RANGE_JOIN = regex.compile(r"[ \t\u00a0]?(?:~|-|(?P<to>to(?=[ \t\u00a0])))[ \t\u00a0]?")
# "between $1.36 and $1.60", "between 5% and 7%": 'and' joins two ends only after 'between'
BETWEEN = regex.compile(r"\bbetween[ \t\u00a0](?:about[ \t\u00a0]|roughly[ \t\u00a0])?$", regex.IGNORECASE)
AND_JOIN = regex.compile(r"[ \t\u00a0](?P<to>and)[ \t\u00a0]")
# "to range from $390,000 to $400,000", "ranging from 5% to 7%": after a form of 'range', 'from ... to' spans
# two ends of one range, not a change
RANGE_FROM = regex.compile(r"\brang(?:e|es|ed|ing)[ \t\u00a0](?:from|between)[ \t\u00a0](?:about[ \t\u00a0])?$", regex.IGNORECASE)
# "5.25% to 5.5%, up from 4.75% to 5.0%", "$5.62 to $5.66, up from $5.60 to $5.66": after a range, 'from ... to' is
# the range it replaced, not a change
RANGE_BEFORE_FROM = regex.compile(r"\d[ \t\u00a0]?(?:%|percent|billion|million|trillion)?(?:[ \t\u00a0](?:to|and)[ \t\u00a0]|[ \t\u00a0]?[-~–][ \t\u00a0]?)[$€£¥₩]?\d[\d.,]*"
                                  r"[ \t\u00a0]?(?:%|percent|billion|million|trillion)?,?[ \t\u00a0](?:(?:up|down|raised|lowered|revised"
                                  r"|narrowed|widened|cut|increased|reduced|compared)[ \t\u00a0])?(?:from|with|vs\.?)[ \t\u00a0][$€£¥₩]?$",
                                  regex.IGNORECASE)
KGROUP = regex.compile(rf"(?P<n>{DIGITS})[ \t\u00a0]?(?P<s>{KSCALE})?")

# A tolerance ("±2%", "(+/- 2%)", "plus or minus 2 percentage points", "오차범위 ±3.1%p") is a margin around
# another figure, never a figure itself; matched as the text that ends where the number begins.
TOLERANCE = regex.compile(r"(?:±|\+[ ]?/[ ]?-|plus[ ](?:or|and)[ ]minus|plus/minus|플러스[ ]?마이너스)[ \t\u00a0]?$",
                          regex.IGNORECASE)

# Dates and other number-bearing tokens that are never figures; found before atoms.
DATE_LIKE = regex.compile(
    r"""(?=[\dJFMASONDjfmasond])(?<![\p{N}])(?:
        (?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])(?!\d)   # 2025-11-13
      | (?:19|20)\d\d\s?년\s?(?:[1-9]|1[0-2])\s?월(?:\s?(?:[1-9]|[12]\d|3[01])\s?일)?  # 2025년 11월 13일
      | (?:[1-9]|1[0-2])\s?월\s?(?:[1-9]|[12]\d|3[01])\s?일                          # 9월 30일
      | \d{2,4}-\d{3,4}-\d{4}(?!\d)                                                 # phone numbers
      | (?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d)                               # 14:30
      | (?:19|20)\d\d\s?[-~]\s?(?:19|20)?\d\d\s?년                                   # 2024~2025년
      | (?<![\w.,])[369]M\s?(?:19|20)?\d\d(?![\d%]|[,.]\d)                                # 9M 25: nine months
      | \b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?\s\d{1,2}(?:,\s?(?:19|20)\d\d)?
      | \d{1,2}\s(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?(?:\s(?:19|20)\d\d)?
    )""",
    regex.VERBOSE | regex.IGNORECASE,
)

URL = regex.compile(r"(?:https?://|www\.)[^\s)\]>\"']+", regex.IGNORECASE)
MD_LINK_TARGET = regex.compile(r"\]\([^)\n]*\)")
INLINE_CODE = regex.compile(r"`[^`\n]+`")
FENCE = regex.compile(r"^(```|~~~).*?^\1[^\n]*$", regex.MULTILINE | regex.DOTALL)
HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)
EMAIL = regex.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_NAME_BEFORE = regex.compile(r"(?r)[\w.+-]+")  # read backwards from an '@': the run of name characters before it


def emails(text: str) -> Iterator[regex.Match[str]]:
    """EMAIL.finditer(text), match for match. Every match holds an '@' and starts where the run of name characters
    before it starts (or where the last match ended), so the pattern is tried there only: tried at every word
    character, it re-read each word to its end, about 0.4 s of a 5 MB article."""
    last, k = 0, text.find("@")
    while k >= 0:
        run = _NAME_BEFORE.match(text, last, k) if k > last else None
        m = EMAIL.match(text, run.start()) if run is not None else None
        if m is not None:
            yield m
            last = m.end()
        k = text.find("@", max(k + 1, last))
