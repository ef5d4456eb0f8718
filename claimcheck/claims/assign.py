"""Per-number look-ups around a mention: bound, segment, estimate words, parent company cue, conversion and label cues.

The period a figure takes is in figure_period.py, its cadence in cadence.py."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from .. import vocab as L
from .layout import Sentence
from .metric_cue import Cue
from .business_lines import in_cause

PRE_BOUND = regex.compile(
    # ("The final dividend went up to A$0.77": a verb's 'up to' is where a figure arrived, no ceiling)
    # ("~$0.69", "~200 bps": an English tilde before a figure, not a Korean range's "1~3분기", "5%~7%")
    r"(?:(?P<approx>약|대략|거의|about|around|approximately|roughly|nearly|almost|close\sto|some|(?<![\d\p{L}%.])~)"
    r"|(?P<ge>최소|적어도|at\sleast|over|more\sthan|above|upwards\sof|tops?|topped|topping|exceeds?|exceeded|exceeding|surpass(?:es|ed|ing)?|went\spast|passed|crossed)|(?P<le>최대|(?<!\b(?:went|go|goes|gone|moved|rose|climbed|jumped|edged|inched|ticked|shot|stepped|bumped)\s)up\sto|at\smost)"
    r"|(?P<lt>less\sthan|under|below|fewer\sthan))\s?[$€£¥₩]?$", regex.IGNORECASE)
# "1조 원 아래로 내려왔고", "1조 원대로 올라서지 못했다", "10조원을 넘지 못했다": a threshold not reached is an upper bound
POST_BOUND = regex.compile(
    # (and "108억 유로 좀 넘는데", "500억 넘겼고": a casual post's bound, a little word before its verb)
    r"\s?(?:(?:[을를이가은는에]|으?로)\s?)?(?:(?:좀|조금|살짝|약간|훌쩍|다소)\s)?(?:(?P<lt>미만|아래|밑으로|(?:넘|돌파하|올라서|진입하|회복하)지\s?못)"
    r"|(?P<ge>이상|돌파|넘어|넘었|넘는|넘긴|넘겼|넘김|넘겨|넘음|넘게|남짓|or\smore|plus\b|클럽|club\b"
    # "영업이익이 500억원 선을 웃돈 것은": a line ('선') the figure crossed is a threshold, "500억원 선에 그쳤다" a level near it
    r"|선\s?(?:을|도|이)?\s?(?:웃돌|웃돈|웃도|넘|돌파|상회))|(?P<gt>초과)|(?P<le>이하|이내)"
    r"|(?P<approx>가량|정도|내외|안팎|육박|가까이|or\sso|선(?=\s?(?:에|으로|이었|이다))))", regex.IGNORECASE)
# "기대에 하회", "예상을 웃돌았다": a figure measured against expectations is itself reported
BEAT = r"(?:에|을|를|과|와|치를|치에)?\s?(?:하회|상회|부합|웃돌|밑돌|못\s?미|미달|넘어|뛰어넘|크게\s?(?:하회|상회|웃돌|밑돌))"
ESTIMATE = regex.compile(
    rf"전망(?!{BEAT})|예상(?!치|{BEAT})|예측|가이던스|목표|계획|(?<!vs\.?\s?)기대(?!{BEAT})|추정|할\s?것|될\s?것|수\s?있을\s?것|질\s?것|것으로\s?(?:본다|보인다|보고)|달성\s?시|예정|가시권|청신호|눈앞|(?<=\d)E(?![\p{{L}}])"
    # "판매 예상치를 1,900만 대로 끌어올렸다": a forecast raised or cut (not "예상치를 웃돌았다", a result beside one)
    r"|예상치(?:를|을)(?=[^.]{0,30}?(?:끌어올|올려|올렸|상향|높였|높여|낮췄|낮춰|하향|내렸|내려|수정))"
    # "한국투자증권은 매출 6810억원에 영업손실 180억원을 제시했다": figures a house puts forward are its forecast
    r"|(?:을|를)\s?제시(?:했|한|하며|하고|해)"
    # ("Revenue matched forecasts at $1.63 billion": a figure measured against forecasts is itself reported)
    r"|(?<!\b(?:matched|met|meeting|beat|beating|topped|topping|missed|missing|above|below|with|exceeded)\s(?:the\s)?)forecast"
    r"|expects?\b|expected\sto|guidance|projected|outlook|target|goal|ambition|plans?\sto|will\b|foresees?\b"
    # "Revenue was seen growing 61%", "EPS for the year is seen between $10.20 and $10.50": the passive of a forecast
    r"|\b(?:was|were|is|are)\sseen\b|\bseen\s(?:at|between|growing|rising|falling|declining|coming\sin|reaching)\b", regex.IGNORECASE)
PARENT_CUE = regex.compile(r"(?:전체|회사|그룹|총|company-wide|group|total|overall)\s?$", regex.IGNORECASE)
GROUP_CUE = regex.compile(r"(?:그룹|group)\s?$", regex.IGNORECASE)
CONVERSION = regex.compile(r"\s?[(\[]\s?(?P<approx>약|대략|about|approximately|approx\.|roughly|~)?\s?(?:미화|원화|US)?\s?$",
                           regex.IGNORECASE)
T = L.taxonomy()


def bound(scan: str, m: Mention, sent: Sentence) -> str:
    if m.plus:
        return "ge"
    after = POST_BOUND.match(scan, m.end, min(sent.end, m.end + 12))
    if after:
        return _bound_name(after)
    before = PRE_BOUND.search(scan, max(sent.start, m.start - 22), m.start)
    if before:
        return _bound_name(before)
    if m.kind == "percent" and "." not in m.text and HEADLINE_ARROW.match(scan, m.end, m.end + 2):
        return "approx"  # "영업이익 25%↓" for 25.6%: a headline's whole percent marked by an arrow is rounded loosely
    return "eq"


HEADLINE_ARROW = regex.compile(r"\s?[↓↑]")


def _bound_name(m: regex.Match[str]) -> str:
    """The group a PRE_BOUND or POST_BOUND match took: every alternative of both is a named group."""
    assert m.lastgroup is not None
    return m.lastgroup


def segment(topics, cues: list[Cue], sent, m: Mention, clause, label_text: str, lex: L.Lexicon, scan: str = "") -> str | None:
    """Generic business line: the nearest topic phrase whose scope reaches the number, unless a cause closes it
    ("수주액이 디스플레이와 이차전지 부문 수주 증가에 따라 95% 성장한": the lines drove the whole's figure)."""
    # ("+2.3% in Americas and +4.6% in Europe": a region written right after a figure scopes that figure, not the next)
    events = sorted([(t[0], t[1], "t", t[2]) for t in topics if sent.start <= t[0] < m.start
                     and not (scan and TRAILING_SCOPE.search(scan, max(sent.start, t[0] - 16), t[0]))]
                    + [(c.start, c.end, "m", c.metric) for c in cues
                       if sent.start <= c.start < m.start and T.says(c.metric) != "change"])
    seg, seg_end, bound_cue, bound = None, 0, False, (None, 0)
    for s, e, kind, val in events:
        if kind == "t":
            if not (seg and s < seg_end):
                seg, seg_end, bound_cue, bound = val, e, False, (None, 0)
        elif seg and not bound_cue and s - seg_end - _aside(scan, seg_end, s) <= 24:
            bound_cue, bound = True, (val, e)
        elif seg and s >= seg_end and not T.share_of(val) and not (val == bound[0] and s - bound[1] <= 2):
            # a new subject; "which is 89.8% of total sales" is an aside, and "신계약 CSM(보험계약마진)은" glosses
            # the metric already bound to the line
            seg = None
    if seg and scan and in_cause(scan, seg_end, m.start):
        seg = None
    return seg or _label_topic(lex, label_text)




# "the Reality Labs division, Meta's bet on the metaverse, saw its revenue jump": an aside set off by commas or
# brackets between a line and its metric does not move the subject on
APPOSITIVE = regex.compile(r",\s[^,.;:()]{2,60},\s|\s?[(（][^()（）]{1,40}[)）]")


TRAILING_SCOPE = regex.compile(r"[\d%]\s(?:in|outside(?:\sof)?)\s(?:the\s)?$")


def _aside(scan: str, start: int, end: int) -> int:
    """How many characters between a line and a cue are an aside."""
    if not scan or end - start <= 24:
        return 0
    return sum(len(x.group()) for x in APPOSITIVE.finditer(scan, start, end))


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
        if m.end <= t[0] < min(clause[1], m.end + 20) and not AND_NEXT.search(scan, m.end, t[0]) \
                and not KO_CLAUSE_CLOSE.search(scan, m.end, t[0]):
            return t[2]
        if m.end <= t[0] < clause[1] and CHANGE_IN.fullmatch(scan, m.end, t[0]):
            return t[2]  # "a 3% increase in consolidated comp store sales"
    return None


# "매출이 8.96억 달러였고 유기적 성장률은": a Korean clause closed on -고 or -며 hands the topic after it to its own figures
# (and "매출 6,842억원은 전력 판매 단가 하락을 감안하면": a figure made the topic is done; what follows is said of it)
KO_CLAUSE_CLOSE = regex.compile(r"\p{Hangul}(?:고|며)\s|\G\s?(?:원|달러|엔|%)?(?:은|는)\s")
CHANGE_IN = regex.compile(r"\s(?:increase|decrease|rise|decline|gain|drop|growth|jump|fall)\sin\s(?:the\s|its\s)?(?:[\w-]+\s){0,2}", regex.IGNORECASE)



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



INCREMENT = regex.compile(r"추가|additional|incremental|extra", regex.IGNORECASE)
