"""What a figure leaves out or how it is measured, read from the words around it: an exclusion ("AMPC 제외",
"excluding the charge", "adjusted"), constant currency, and the line English names right after a figure ("against
36.2% for hardware")."""
from __future__ import annotations

import re

import regex

from .. import vocab as L
from .business_lines import segment_id


# "AMPC 제외 영업이익", "이를 뺀 영업이익", "excluding currency effects", "adjusted EPS": a figure other than the headline one
# (not "Asia excluding Japan", "Asia ex-Japan": a region's name)
# "CJ대한통운 실적을 제외하고": what is left out is named before a generic word for its results
EXCLUDING = regex.compile(r"(?P<x>[\p{L}\p{N}]+)(?:\([^()]{0,20}\))?\s?(?:(?:실적|매출|이익|손실|부문|사업|효과|비용)(?:\([^()]{0,20}\))?)?"
                          # ("희망퇴직 비용 1500억 원을 제외할 경우": what is left out, not its amount)
                          r"(?:\s?(?:약\s?)?\d[\d,.]*\s?(?:[조억만천]\s?[\d,.]*\s?){0,3}(?:원|달러))?"
                          r"\s?(?:을|를)?\s?(?:제외(?:한|하면|하고|할|\s기준)?|뺀|빼면|빼고|차감한)"
                          r"|(?<!\b(?i:Asia|Europe)\s)(?:\b(?:excluding|stripping\sout|leaving\sout|leaving\saside|setting\saside)\s(?:the\s)?(?P<x2>[\w-]+)|\bex-(?P<x3>\w+))|\bnet\sof\s(?P<x4>[\w-]+(?:\sexpenses?)?)|(?P<adj>(?<![\p{Hangul}])조정\s?(?=영업|순이익|EBITDA|EPS|주당|당기|기준)|adjusted|adjusting|non-GAAP|비GAAP|\badj\.\s?(?=(?:diluted\s|basic\s)?(?:EPS|earnings|operating|EBITDA|EBITA|EBIT|net|gross))|\bcore\s(?=(?:net\s|diluted\s)?(?:EPS|earnings|income|constant))|\bongoing\s(?=(?:diluted\s)?(?:EPS|earnings))|\bbusiness\s(?=EPS\b)|\bon\san?\s(?:underlying|adjusted)\sbasis\b|\bunderlying\s(?=(?:diluted\s)?(?:EPS|earnings\sper|net\s(?:income|profit)|operating\s(?:profit|income|margin)|EBITA?\b|EBITDA|(?:pre-?tax\s)?profits?\b|pre-?tax\b))|\bnormali[sz]ed\s(?=(?:diluted\s)?(?:EPS|earnings|operating|gross|net|EBITDA|income|SG&A))|코어\s?(?=EPS|주당))",
                          regex.IGNORECASE)
OWN_MARK = regex.compile(r"[\d%]\s?\(\s?$")
GAAP_AFTER = regex.compile(r"(?<!non-|non\s|비)\bGAAP\b|(?<![\p{L}])(?:reported|as\sreported)\b", regex.IGNORECASE)
PRONOUN = {"이를", "이", "이것", "그", "this", "that", "it", "these", "those", "one-time", "items", "one-off", "special",
           "significant", "certain", "notable", "unusual", "impact", "impacts", "effect", "effects"}


LEAD_EXCLUDING = regex.compile(r"\s*(?:(?:excluding|stripping\sout|leaving\sout|leaving\saside|setting\saside)\s[^,]{1,60}|adjusted\sfor\s[^,]{1,40}|(?:after\s)?adjusting\sfor\s[^,]{1,40}|[^,]{1,30}(?:을|를)\s?제외하면"
                               r"|on\san?\s(?:non-GAAP|adjusted)(?:\([^()]{0,4}\))?\sbasis|(?:조정|비GAAP|non-GAAP)\s?기준(?:으로)?),",
                               regex.IGNORECASE)
MAYBE_EXCLUDING = re.compile(r"제외|뺀|빼면|빼고|차감|excluding|stripping\sout|leaving\sout|leaving\saside|setting\saside|ex-|조정|adjusted|adjusting|adj\.|GAAP|core\s|ongoing\s|business\sEPS|underlying|normali[sz]ed\s|코어|net\sof", re.IGNORECASE)
# "…충당금을 빼고 …이익을 제외하면 3분기 영업이익은 5,851억원, 이익률은 13.2%": a condition covers the sentence after it
EXCLUDING_IF = regex.compile(r"(?:을|를)\s?(?:제외하면|빼면|제외할\s?경우|빼고\s?보면)")


def excluding_lead(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """"Excluding the charge, Meta would have earned $7.25": an exclusion opening the sentence covers all of it."""
    got = LEAD_EXCLUDING.match(text, start, end)
    return excluding(text, got.start(), got.end()) if got else None


# a figure, then a clause that names a metric of its own with no basis word before it
FIRST_FIGURE = regex.compile(r"\d[\d,.]*\s?(?:%|per\scent|percent|[mb]n\b|billion|million|억|조)", regex.IGNORECASE)
FRESH_METRIC = regex.compile(r"\b(?:and|while|but|whereas)\s(?:its\s|the\s)?(?:reported\s|statutory\s)?(?:net\sincome|net\sprofit|operating\s(?:income|profit)"
                             r"|EBITDA|EBITA|EBIT|revenues?|sales|EPS|earnings)\b", regex.IGNORECASE)


def excluding(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The adjusted-figure label ("ex_ampc", "ex_currency", "adjusted") of a phrase in text[start:end], and its span."""
    if not MAYBE_EXCLUDING.search(text, start, end):
        return None  # nearly every clause; the full pattern is the slow part
    last = None
    for m in EXCLUDING.finditer(text, start, end):
        last = m
    if last is None:
        return None
    if last["adj"] and OWN_MARK.search(text, max(start, last.start() - 4), last.start()):
        return None  # "EPS: $2.78 (adjusted) vs. $2.75 est": the bracket marks the figure before it, not the next
    x = regex.sub(r"(?:을|를)$", "", last["x"] or last["x2"] or last["x3"] or last["x4"] or "")
    if last["adj"] and GAAP_AFTER.search(text, last.end(), end):
        return None  # "adjusted EPS of $16.25 (GAAP EPS of at least $14.90)": the reported basis named again
    if last["adj"] and (fig := FIRST_FIGURE.search(text, last.end(), end)) and FRESH_METRIC.search(text, fig.end(), end):
        return None  # "adjusted net income fell 5.2% to €3,182mn and net income dropped 20.7%": a metric named anew
    # ("excluding 19 cents from non-recurring items": an amount left out names no item; the figure is adjusted)
    if last["adj"] or not x or x.lower() in PRONOUN or x in PRONOUN or x[:1].isdigit():
        return "adjusted", last.start(), last.end()
    if x in ("환율", "환율효과", "효과", "currency", "foreign"):
        return "constant_currency", last.start(), last.end()
    return "ex_" + regex.sub(r"\W+", "_", x).lower(), last.start(), last.end()


def excluded_id(lex: L.Lexicon, seg: str) -> str:
    """'CJ대한통운을 제외한' and '대한통운을 제외한' leave out one company: one id, from its name in the vocabulary."""
    if seg.startswith("ex_") and (name := lex.alias_key.get(L.key(seg[3:]))):
        return "ex_" + regex.sub(r"\W+", "_", name).strip("_").lower()
    return seg


# "40% (39% in constant currency)", "20%, 고정환율 기준": growth with exchange-rate moves taken out
# and "a 10% increase in constant-currency revenue": the change's noun between
# (and "a 12% increase excluding the impact of currency fluctuations": the growth with exchange-rate moves taken out)
# (and "3% lower at constant exchange rates": the direction word between)
# (and "up 2% when expressed in local currencies": the measure said between)
CONSTANT_FX = regex.compile(r"\s?[(,]?\s?(?:(?:increase|decrease|rise|growth|gain|decline|drop|lower|higher|up|down|ahead|behind)\s)?"
                            r"(?:(?:when\s)?(?:expressed|measured|calculated|stated)\s)?(?:in\s|at\s|on\sa\s)?(?:(?:constant|local)[\s-]currenc(?:y|ies)|currency[\s-]neutral|constant\sexchange[\s-]rates?(?:\sbasis)?|고정\s?환율"
                            r"|(?:excluding|ignoring)\s(?:the\s)?(?:impacts?\sof\s|effects?\sof\s)?(?:foreign\s)?(?:currency|exchange[\s-]rates?)(?:\s(?:fluctuations|movements|changes|effects?))?"
                            r"|(?<=(?:in|at)\s)cc\b|(?<=at\s)CER\b)",  # "(49% at CER)": at constant exchange rates
                            regex.IGNORECASE)


# "against 36.2% for hardware": English names the line a figure belongs to right after it
# (and a capitalised line: "EBITDA before special items of €584 million in Materials"; never a month, a day or a span)
FOR_LINE = regex.compile(r"\s(?:for|in)\s(?P<seg>[a-z][a-z-]{2,20}|(?!(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"Q[1-4]|H[12]|FY|The|This|That|Its)\b)[A-Z][a-z&-]{2,20}(?:\s[A-Z][a-z&-]{2,20})?)\b"
                         r"(?!\s(?:quarter|year|period|month))(?![\w'’-])"
                         # (nor a currency: "by 29% in Danish kroner")
                         r"(?!\s(?:kroner|krona|kronor|dollars?|euros?|yen|yuan|won|pounds?|francs?|rupees?|reais|pesos?|terms|currency))")
# "driven by a 27% jump in Wealth Solutions": a change's noun, then the capitalised line it happened in
CHANGE_IN_LINE = regex.compile(r"\s(?:jump|rise|increase|gain|growth|fall|drop|decline|climb|surge)\sin\s"
                               r"(?P<seg>(?!(?:The|This|That|Its|Q[1-4]|H[12]|FY)\b)[A-Z][a-z&-]{2,20}(?:\s(?:&\s)?[A-Z][a-z&-]{2,20}){0,2})"
                               r"(?![\w'’-])")
# "margin of 22.4% at Rock Processing Solutions": the capitalised division a rate was earned at
AT_LINE = regex.compile(r"\sat\s(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                        r"Q[1-4]|H[12]|FY|The|This|That|Its|Christmas|Easter)\b)(?P<seg>[A-Z][a-z&-]{2,20}(?:\s(?:and\s|&\s)?[A-Z][a-z&-]{2,20}){0,3})"
                        r"(?![\w'’-])(?!\s(?:quarter|year|period|month|rates?|prices?))")
NOT_FOR = {"the", "its", "all", "each", "every", "both", "fiscal", "calendar", "analysts", "shareholders", "investors",
           "example", "instance", "comparison", "now", "total", "about", "more", "less", "share", "shares", "stock",
           "revenue", "sales", "growth", "constant", "this", "that", "next", "last", "years", "months", "quarters",
           "weeks", "days", "cash", "dividends", "buybacks", "after-hours", "premarket", "trading", "margin", "margins",
           "quarterly", "annual", "yearly", "monthly", "full-year", "profit", "income", "earnings", "operating", "net",
           "value", "capital", "spending", "costs", "contracts", "local", "reported", "organic", "like-for-like", "comparable"}


# "전체 매출의 83%인 1030억 원을 해외에서 거두면서": Korean names where an amount was earned after it
KO_EARNED_IN = regex.compile(r"(?:인\s?[\d,.]+\s?[조억만][\d,.조억만\s]{0,10}원?)?\s?[을를이가]?\s?"  # and "매출의 83%인 1030억 원을"
                             r"(?P<seg>해외|국내|내수|수출|미국|중국|일본|유럽|북미|동남아)(?:\s?시장)?에서\s?"
                             r"(?:거두|거둬|거뒀|벌어|벌|올리|올렸|올린|기록|냈|낸|발생)")


# "$914 million of sales from our Horizon Therapeutics acquisition": the line an amount of sales came from
# (and "Of the €5.4 billion in bookings, a large slice, €3.6 billion, came from EUV systems": a part, by its source)
SALES_FROM = regex.compile(r"\sof\s(?:sales|revenues?)\sfrom\s(?:our\s|its\s|the\s)?(?P<seg>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})"
                           r"|,?\s(?:came|comes|come|was|were)\s(?:from|in)\s(?:its\s|the\s)?(?P<seg>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})\b"
                           # (and "split into €3,981.3m from High Value and €1,811.1m from Standard": each part by its source)
                           r"|\sfrom\s(?!(?:Q[1-4]|H[12]|FY|January|February|March|April|May|June|July|August|September|October"
                           r"|November|December|The|A|An)\b)(?P<seg>[A-Z][a-z][A-Za-z&-]*(?:\s[A-Z][A-Za-z&-]*){0,2})\b(?=\s(?:and|,)|[,.;)]|$)")


# "연간 685억 원 규모였던 디스플레이 장비 매출액은": the line whose metric the figure's adnominal clause modifies
KO_ADNOMINAL_LINE = regex.compile(r"\s?(?:원|달러)?\s?(?:규모(?:였던|이던|인|의)|였던|이던|에\s?그쳤던|에\s?그친|에\s?달했던)\s"
                                  r"(?P<seg>\p{Hangul}{2,8}(?:\s\p{Hangul}{2,6})?)\s(?:매출액?|영업이익|순이익)(?:은|는|이|가|도)\s")


def line_after(scan: str, pos: int, end: int, lex: L.Lexicon) -> str | None:
    if (ko := KO_EARNED_IN.match(scan, pos, min(end, pos + 44))) is not None:
        return L.topic(lex, ko["seg"]) or ko["seg"]
    if (adn := KO_ADNOMINAL_LINE.match(scan, pos, min(end, pos + 40))) is not None \
            and adn["seg"] not in lex.alias_to and adn["seg"] not in NOT_FOR:
        return L.topic(lex, adn["seg"]) or segment_id(adn["seg"])
    # (its own words anchor it at the figure, so it may run past the clause's comma: "€3.6 billion, came from EUV")
    if (src := SALES_FROM.match(scan, pos, pos + 60)) is not None:
        return L.topic(lex, src["seg"]) or segment_id(src["seg"])
    m = FOR_LINE.match(scan, pos, min(end, pos + 30)) or AT_LINE.match(scan, pos, min(end, pos + 50)) \
        or CHANGE_IN_LINE.match(scan, pos, min(end, pos + 50))
    if not m or m["seg"] in NOT_FOR or any(True for _ in lex.entity_rx.finditer(m["seg"])) or L.key(m["seg"]) in lex.metric_of:
        return None  # (and "€5.4 billion in bookings": the metric named after the figure, no line)
    topic = L.topic(lex, m["seg"])
    return topic or (segment_id(m["seg"]) if m["seg"][:1].isupper() else m["seg"].replace("-", "_"))
