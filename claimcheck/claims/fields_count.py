"""Counts and per-unit prices: whether a figure counts something (users, units sold) or is a commodity's price per
barrel or Mcf, neither of them an amount of money the company made. Asked by fields_metric and build."""
from __future__ import annotations

import regex

from ..numbers import patterns as P
from .business_lines import segment_id
from .compare import ARRIVED_VERB
from .figure import Figure
from .metric_cue import Cue, Typed
from .metric_patterns import BARE_MOVED, T

LEVEL_OR_RATE = T.amounts | T.ratios  # made once, not per cue
ARRIVED_MONEY = regex.compile(r"\s?" + ARRIVED_VERB + r"\s?[\d,.]+\s?(?:[조억만천]\s?[\d,.]*\s?){1,3}(?:원|달러)"
                              r"|\s(?:to|at)\s[$€£¥₩]\d", regex.IGNORECASE)
# a figure with a counter ("78만5137대", "785,137 vehicles", "785,137 Kia vehicles"): a quantity the sentence is about
COUNTED = regex.compile(rf"{P.DIGITS}(?:[만천][ \t\u00a0]?(?:{P.DIGITS})?)?(?:[ \t\u00a0]\p{{Lu}}[\p{{L}}-]*)?[ \t\u00a0]?{P.COUNTER}")


def unit_priced(fig: Figure) -> bool:
    """"유가는 1배럴당 78.3달러로 7달러 감소": a commodity's price per unit in the sentence, no share's price; and
    "가솔린은 1배럴당 6.8달러 …. 디젤의 경우 13.6달러로": the sentence after it in its paragraph goes on with it."""
    sents = fig.ctx.lay.sentences
    around = [s for s in (sents[fig.si - 1] if fig.si else None, fig.whole) if s is not None and s.para == fig.whole.para]
    return any(fig.ctx.in_sentence(UNIT_PRICE_WORDS, s) and UNIT_PRICE.search(fig.scan, s.start, s.end) for s in around)


# a price per barrel, ton or ounce ('1배럴당', '톤당', 'per barrel'); per share ('주당') is a share's
UNIT_PRICE_WORDS = ("배럴당", "톤당", "온스당", "barrel", "tonne", "ton", "ounce", "mmbtu", "bbl", "mcf", "boe", "pound")
UNIT_PRICE = regex.compile(r"(?:배럴|톤|온스|MMBtu)\s?당|\b(?:per|a)\s(?:barrel|bbl|tonne|ton|ounce|oz|pound|lb|MMBtu|Mcf|boe)\b"
                           r"|/\s?(?:bbl|boe|Mcf|MMBtu)\b", regex.IGNORECASE)


def unit_priced_near(fig: Figure) -> bool:
    """"Natural gas per Mcf : $5.04", "$54.50/boe": a price per unit of a commodity right beside the figure, which
    no per-share or company figure is, whatever the heading above names."""
    m, scan = fig.m, fig.scan
    return fig.ctx.in_sentence(UNIT_PRICE_WORDS, fig.sent) and (
        # "… per Mcf : $5.04 versus the five-analyst average estimate of $4.46": a short line about that price
        UNIT_PRICE.search(scan, max(fig.sent.start, m.start - 40 if fig.sent.end - fig.sent.start > 200 else 0), m.start)
        is not None
        or UNIT_PRICE.match(scan, m.end, min(fig.sent.end, m.end + 12)) is not None)


def per_unit(fig: Figure) -> bool:
    """"a loss of about $328,000 per vehicle delivered", "대당 평균 판매가격 5000만원": an amount for each car, store or
    user is no amount the company made or lost in the period, whatever metric word the sentence has."""
    m, scan = fig.m, fig.scan
    return m.kind == "money" and bool(PER_UNIT_AFTER.match(scan, m.end, min(fig.sent.end, m.end + 40))
                                      or PER_UNIT_BEFORE.search(scan, max(fig.sent.start, m.start - 16), m.start))


# the things a per-unit amount is of; a share, an ADS and a user have metrics of their own (EPS, DPS, ARPU)
PER_UNIT_AFTER = regex.compile(r"\s(?:per|a|each|for\severy)\s(?:\w+\s)?(?:vehicles?|cars?|trucks?|units?|devices?|stores?|restaurants?"
                               r"|locations?|employees?|orders?|transactions?|deliver(?:y|ies)|seats?|passengers?|rooms?|ships?"
                               r"|households?|homes?|patients?)\b", regex.IGNORECASE)
PER_UNIT_BEFORE = regex.compile(r"(?:(?:1|한)\s?)?(?:대|가구|점포|매장)\s?당\s?(?:평균\s?)?(?:판매\s?)?(?:가격|단가|매출|손실|이익)?(?:은|는|이|가)?\s?$")


def of_count(fig: Figure, got: Typed | None) -> Typed | None:
    """'전년보다 2.8% 늘어난 78만5137대', 'about 200,000 were hybrids, up 32.3 percent': a growth in a sentence
    that names no metric before it but states a count is that count's growth, not a metric carried over."""
    if got is None or got.metric == "count_growth" or not T.is_growth(got.metric) or fig.m.kind != "percent":
        return got
    sent, m = fig.sent, fig.m
    if any(sent.start <= c.start < m.end and c.metric in LEVEL_OR_RATE for c in fig.cues):
        return got
    if ARRIVED_MONEY.match(fig.scan, m.end, min(sent.end, m.end + 40)):
        return got  # "5.6% 증가한 1조 7114억 원을 기록했으며, 전체 가입 회선은 …": the growth of the amount it arrives at
    count = next((x for x in COUNTED.finditer(fig.scan, sent.start, sent.end) if not x.start() <= m.start < x.end()), None)
    if count is None:
        return got
    fig.cues = fig.cues + [Cue(count.start(), count.end(), "_count")]  # the evidence points at the count
    return Typed("count_growth", negative=got.negative)


NAME_BEFORE = regex.compile(r"(?<=[\p{L}\d]\s|^)(?!(?:The|A|An|In|On|At|By|Of|For|To|And|But|Its|Their|About|Some|Over|Nearly)\s)"
                         r"(?-i:[A-Z][A-Za-z-]+|[a-z][A-Z][A-Za-z]*)\s$")
RELATIVE_GAP = regex.compile(r",\s(?:which|that)\s(?:[a-z]+\s){1,3}")
OWN_COUNTER = regex.compile(r"(?<=\s)[A-Za-z]{3,}$")  # an English counter word printed with the figure
NUMBER_OF = regex.compile(r"(?<=\p{Hangul})\s?수$")
STREAK = regex.compile(r"\d+\s?개?\s?(?:분기|년|개월|달|주)\s?(?:연속|째|누계|누적|만에?)")


def counted(fig: Figure) -> tuple[bool, bool]:
    """(a count the article's company owns, whether the figure is a count at all)."""
    m, clause = fig.m, fig.clause
    if STREAK.match(fig.scan, m.start, min(fig.sent.end, m.end + 12)):
        return False, False  # "9개 분기 연속 흑자", "3년째": how long a run has lasted, no quantity of the business
    if m.kind == "count" and not m.scaled and 0 < m.value < 100 and m.value == int(m.value) \
            and NAME_BEFORE.search(fig.scan, max(fig.sent.start, m.start - 24), m.start):
        return False, False  # "1.63 million Street Fighter 6 units", "iPhone 17 units": the number ends a product's name
    said = any(c.metric == "_count" and clause[0] <= c.start < clause[1] for c in fig.cues)
    # a counted business quantity ("도매 판매 103만대", "MAU 14억명") in a story about one company is its count
    main_count = said and m.kind == "count" and fig.ctx.main is not None
    if not (fig.own or ((fig.carry["entity"] or main_count) and said)) \
            or (m.kind == "plain" and not any(c.metric == "_count" for c in fig.cues)):
        return main_count, False
    return main_count, True


def weighed(fig: Figure) -> bool:
    """"copper production fell to 912 million pounds", "sales guidance of 3.5 billion pounds and 1.05 million ounces":
    pounds spelled out in a sentence about goods sold by weight are a weight, no amount of sterling."""
    goods = fig.ctx.lex.weighed_goods
    return fig.m.unit == "GBP" and fig.m.text.lower().endswith(("pound", "pounds")) \
        and fig.ctx.in_sentence(goods, fig.sent) and not fig.ctx.in_sentence(("sterling",), fig.sent)


# a count word that says only how things were made or moved: the goods named right before it are what it counts
QUALIFIED = {"production", "output", "생산량", "shipments", "출하량", "판매량", "volumes", "물량"}
QUALIFIER = regex.compile(r"(?<![\p{L}\d-])(?P<w>\p{L}[\p{L}-]*(?:\s\p{L}[\p{L}-]*)?)\s$")
NOT_QUALIFIERS = {"the", "its", "total", "group", "and", "of", "in", "record", "annual", "quarterly", "full-year", "higher",
                  "lower", "global", "while", "with", "that", "which", "as", "our", "their", "전체", "총", "said", "says",
                  "reported", "posted", "saw", "had", "has", "was", "were", "is", "are", "by", "for", "to", "on", "at"}


def _goods(words: str) -> str:
    """The words right before a count word that name goods: the last one or two, less any verb or article."""
    kept: list[str] = []
    for w in reversed(words.split()):
        if w.lower() in NOT_QUALIFIERS:
            break
        kept.insert(0, w)
    return " ".join(kept)


def counted_thing(fig: Figure) -> str | None:
    """What a count counts, by the count word nearest before it in its clause, else after it ('da Vinci procedures
    grew 26%', 'volumes grew 4.9%'): counts of different things never share a key."""
    lo, hi, m = fig.clause[0], fig.clause[1], fig.m
    words = [c for c in fig.cues if c.metric == "_count" and lo <= c.start < hi and c.end - c.start > 1]
    before = [c for c in words if c.end <= m.start]
    pick = before[-1] if before else next((c for c in words if c.start >= m.end), None)
    if pick is None:
        # "fourth-quarter deliveries, which slipped 1.6%": the count a relative clause goes on about
        said = [c for c in fig.cues if c.metric == "_count" and fig.sent.start <= c.start and c.end <= lo]
        if said and RELATIVE_GAP.fullmatch(fig.scan, said[-1].end, m.start):
            pick = said[-1]
    if pick is None:
        # "Street Fighter 6 sold 1.36 million units": the figure's own counter word, as in "1.63 million … units"
        own = OWN_COUNTER.search(m.text)
        return (fig.ctx.lex.counted.get(own[0].lower()) or segment_id(own[0])) if own else None
    # ("송출객 수" and "송출객", "점포 수" and "점포": the number of a thing counts that thing)
    word = NUMBER_OF.sub("", fig.scan[pick.start:pick.end])
    thing = fig.ctx.lex.counted.get(word.lower()) or segment_id(word)  # "delivered" and "deliveries" count one thing
    if word.lower() in QUALIFIED and (q := QUALIFIER.search(fig.scan, max(lo, pick.start - 24), pick.start)) \
            and (goods := _goods(q["w"])):
        return f"{segment_id(goods)}_{thing}"  # "Copper production", "iron ore production": two things made
    return thing


def moved_count(fig: Figure) -> Typed:
    """A count, or by how much a count moved when a verb of change follows it at once ('1년 전보다 412개 늘었다',
    '34만명 감소'): not where it stands ('1만8,650개로 늘었다' arrives at its level)."""
    m = fig.m
    moved = BARE_MOVED.match(fig.scan, m.end, min(fig.sent.end, m.end + 8))
    return Typed("count", negative=bool(moved and moved["down"]), change=moved is not None)
