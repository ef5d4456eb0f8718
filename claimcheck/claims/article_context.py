"""What claim typing looks up once per article: mentions by position, main entity, focus period, context."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TypeVar

import regex

from ..models import Article, Claim
from ..numbers.parse import Mention
from .. import vocab as L
from .. import calendar as CAL
from . import compare as C
from . import periods as PR
from .name_filters import not_the_company
from .layout import Layout, Sentence
from .evidence import NONE, Where
from .metrics import Cue

T = TypeVar("T")
_MISSING = object()


class Ctx:
    """Everything found once per article that claim typing looks up by position."""

    def __init__(self, art: Article, lay: Layout, lex: L.Lexicon):
        self.art, self.lay, self.lex = art, lay, lex
        scan = lay.scan
        named = ((m.start(), m.end(), lex.alias_to.get(m.group()) or fold(lex, m.group()))
                 for m in lex.entity_rx.finditer(scan))
        # "3M" is a company, "$3M" three million: a name spelt like a figure counts only with no currency before it
        found = [(a, b, name) for a, b, name in named if name
                 and not (scan[a:a + 1].isdigit() and a and scan[a - 1] in "$€£¥₩.,")]
        found = [e for e in found if e not in not_the_company(scan, found)]  # "Robert Ford, CEO of Abbott", "Morgan Stanley (MS)"
        # "HD현대마린엔진": a known name that runs on into a longer one is another company, not the one it begins
        longer = {e for e in found if LONGER_NAME.match(scan, e[1])}
        self.unknown = sorted([e[0] for e in found if e in longer] + self._related_unknown(scan, found))
        self.ents: list[tuple[int, int, str]] = short_forms(scan, [e for e in found if e not in longer])
        self.cues = [Cue(m.start(), m.end(), lex.metric_of.get(L.key(m.group()), "")) for m in lex.metric_rx.finditer(scan)]
        # "Client and Gaming segment": a generic line word that ends a joined name is part of that name
        self.topics = [(m.start(), m.end(), lex.topic_of.get(L.key(m.group()))) for m in lex.topic_rx.finditer(scan)
                       if not JOINED_NAME.search(scan, max(0, m.start() - 24), m.start())]
        # names in the headline weigh five times a mention in the body
        head_end = lay.line_starts[min(3, len(lay.line_starts) - 1)]
        title_at = [m.start() for m in regex.finditer(r"^title:|^TITLE:|^# ", lay.text, regex.MULTILINE)]
        counts: Counter[str] = Counter()
        # "자회사 삼성바이오로직스 '역대급 실적' 덕분": a subsidiary named as such is not whom the story is about
        subjects = [e for e in self.ents if not HELD.search(scan, max(0, e[0] - 8), e[0])
                    and not DATA_SOURCE.match(scan, e[1], e[1] + 16)]  # nor is a data house named for its consensus
        for e in subjects:
            counts[e[2]] += 5 if self._near_title(e[0], title_at) or e[0] < head_end else 1
        if subjects:
            counts[subjects[0][2]] += 2  # the lead names its subject first: "이마트가 ... 이마트24는 ..."
        if lead := self._lead_subject(subjects, head_end):
            # "한화에어로스페이스가 올해 3분기 영업이익 8564억원을 기록": the company the first figure of the body is
            # reported for, whatever drivers the headline names ("지상방산·한화오션이 전체 실적 견인")
            counts[lead] += 6
        self.main = counts.most_common(1)[0][0] if counts else None
        if self.main and (parent := L.parent(lex, self.main)) and counts[parent] * 2 >= counts[self.main]:
            self.main = parent  # a story that names Microsoft and Azure is about Microsoft, its unit a part of it
        self.main_where = self._main_where(head_end, title_at)
        years = [int(y) for y in regex.findall(r"(?<!\d)((?:19|20)\d\d)E(?![\p{L}])", scan)]
        self.context_year = art.published.year if art.published else (min(years) if years else None)
        self.focus: str | None = None
        self.focus_where: Where = NONE
        # fiscal year-end -> each period phrase as read for it (None: no period), and which have been read
        self._periods: dict[int | None, tuple[list[PR.PeriodRef | None], bytearray]] = {}
        self.memo: dict = {}  # per-sentence look-ups shared by the figures of one sentence
        self.bases: set[tuple[int, int]] = set()  # (line, column) of figures that are a comparison's base or an aside
        self._found: list | None = None  # period phrases of the whole article, before any calendar reads them
        self._found_at: list[int] = []  # their starts
        self._gate_at = -1  # the sentence in hand, its text lower-cased, and in_sentence's answers for it
        self._gate_low: str | None = None
        self._gates: dict[int, bool] = {}

        # sorted start offsets, so each sentence takes its slice by bisection, not by a scan
        self._ent_at = [e[0] for e in self.ents]
        self._cue_at = [c.start for c in self.cues]
        self._topic_at = [t[0] for t in self.topics]
        # the cues a sentence carries to the next (a metric's name, not a bare "grew" or "expected"), kept
        # apart so that the part of a run-on sentence out of a figure's reach can carry them too
        self._level_cues = [c for c in self.cues if L.taxonomy().says(c.metric) is None]
        self._level_cue_at = [c.start for c in self._level_cues]

    def _related_unknown(self, scan: str, found: list[tuple[int, int, str]]) -> list[int]:
        """'한화에어로스페이스가 지분을 투자한 쎄트렉아이도 매출 437억원': a firm a relative clause ties to a known one
        ('투자한', '인수한') is another company, named or not in the vocabulary."""
        known = {e[0] for e in found}
        return [m.start("x") for m in RELATED_FIRM.finditer(scan) if m.start("x") not in known]

    def _lead_subject(self, subjects: list[tuple[int, int, str]], head_end: int) -> str | None:
        """The company named first in the body sentence that holds the body's first figure."""
        first_fig = FIRST_FIGURE.search(self.lay.scan, head_end)
        if first_fig is None:
            return None
        sent = self.lay.sentences[self.lay.sentence_at(first_fig.start())]
        return next((e[2] for e in subjects if sent.start <= e[0] < first_fig.start()), None)

    def _main_where(self, head_end: int, title_at: list[int]) -> Where:
        """Why the main subject stands for an unnamed figure's company: a headline that names it and no other
        company in the article is a heading that governs every figure; anything else is only a default."""
        if self.main is None:
            return NONE
        lex, main = self.lex, self.main
        family = {main, L.parent(self.lex, main)}
        others = {e[2] for e in self.ents if e[2] not in family and L.parent(lex, e[2]) not in family}
        head = next((e for e in self.ents if e[2] in family and (e[0] < head_end or self._near_title(e[0], title_at))),
                    None)
        if head is not None and not others:
            return Where("heading", head[0], head[1])
        return Where("default", text=main)

    def _near_title(self, pos: int, title_at: list[int]) -> bool:
        """Whether pos is on a title line or the line after it, within 200 characters of its start.

        Only the titles in those 200 characters are tried: an article made of many sections has a title
        per section, and testing every one for every name was quadratic in the article's length."""
        i = bisect_right(title_at, pos)
        while i > 0 and pos - title_at[i - 1] < 200:
            i -= 1
            if self.lay.text.count("\n", title_at[i], pos) <= 1:
                return True
        return False

    def per_sentence(self, key: Hashable, sent: Sentence, work: Callable[[Sentence], T]) -> T:
        """work(the whole sentence of `sent`, which may be a figure's reach of it), done for the first figure
        of a sentence that asks and kept for the others: what depends only on the sentence must not be
        redone per figure, or a run-on line costs its square."""
        got = self.memo.get((key, sent.index), _MISSING)
        if got is _MISSING:
            got = self.memo[(key, sent.index)] = work(self.lay.sentences[sent.index])
        return got

    def in_sentence(self, words: tuple[str, ...], sent: Sentence) -> bool:
        """Whether the whole sentence of `sent` holds any of `words` (lower-case), looked at once for its figures.

        Most sentences give a per-figure test nothing to find. `words` are words the test's pattern cannot
        match without, so a sentence without any settles the test for every stretch of it. They are looked
        for in the lower-cased sentence: a case-insensitive match of an ASCII word is that word lower-cased,
        but for 'ſ', 'ı' and 'İ' (s and i to the regex package and re), and a sentence holding one of those
        is never ruled out. Only the current sentence's answers are kept: its figures ask one after another."""
        if sent.index != self._gate_at:
            whole = self.lay.sentences[sent.index]
            text = self.lay.scan[whole.start:whole.end]
            self._gate_at, self._gates = sent.index, {}
            self._gate_low = None if "ſ" in text or "ı" in text or "İ" in text else text.lower()
        low = self._gate_low
        if low is None:
            return True
        got = self._gates.get(id(words))  # the word lists are module constants
        if got is None:
            got = self._gates[id(words)] = any(w in low for w in words)
        return got

    def last_entity_in(self, a: int, b: int) -> tuple[int, int, str] | None:
        """The last company named starting in [a, b), found by bisection."""
        i = bisect_left(self._ent_at, b) - 1
        return self.ents[i] if i >= 0 and self.ents[i][0] >= a else None

    def last_level_cue_in(self, a: int, b: int) -> Cue | None:
        """The last metric name (not a bare "grew" or "expected") starting in [a, b), found by bisection."""
        i = bisect_left(self._level_cue_at, b) - 1
        return self._level_cues[i] if i >= 0 and self._level_cues[i].start >= a else None

    def unknown_in(self, a: int, b: int) -> bool:
        """Whether a company the vocabulary does not know is named starting in [a, b). By bisection: a scan of
        every such name per figure made a long article cost the square of its length."""
        i = bisect_left(self.unknown, a)
        return i < len(self.unknown) and self.unknown[i] < b

    def last_unknown_in(self, a: int, b: int) -> int | None:
        """The start of the last unknown company named in [a, b), if any."""
        i = bisect_left(self.unknown, b) - 1
        return self.unknown[i] if i >= 0 and self.unknown[i] >= a else None

    def entities_in(self, a: int, b: int) -> list[tuple[int, int, str]]:
        return self.ents[bisect_left(self._ent_at, a):bisect_left(self._ent_at, b)]

    def cues_in(self, a: int, b: int) -> list[Cue]:
        return self.cues[bisect_left(self._cue_at, a):bisect_left(self._cue_at, b)]

    def periods_in(self, a: int, b: int, fy: int | None) -> list[PR.PeriodRef]:
        """Period expressions within [a, b): the article's phrases are found once, and each is read for a
        fiscal calendar when a figure under that calendar first asks, not the whole article per calendar."""
        fy = fy if fy not in (12, -12) else None
        if self._found is None:
            self._found = PR.matches(self.lay.scan, 0, len(self.lay.scan))
            self._found_at = [m.start() for m in self._found]
        got = self._periods.get(fy)
        if got is None:
            got = self._periods[fy] = ([None] * len(self._found), bytearray(len(self._found)))
        refs, done = got
        i, j = bisect_left(self._found_at, a), bisect_left(self._found_at, b)
        if done.find(0, i, j) >= 0:  # some phrase here not read yet for this calendar
            for k in range(i, j):
                if not done[k]:
                    read = PR.read([self._found[k]], self.art.published, fy)  # a phrase reads alone
                    refs[k], done[k] = (read[0] if read else None), 1
        return [r for r in refs[i:j] if r is not None and r.end <= b]

    def topics_in(self, a: int, b: int) -> list:
        return self.topics[bisect_left(self._topic_at, a):bisect_left(self._topic_at, b)]


def fold(lex: L.Lexicon, s: str) -> str | None:
    """A name matched with other spacing than its alias ("아마존웹서비스" for "아마존 웹 서비스")."""
    return lex.alias_key.get(L.key(s))


# "Google Cloud revenue jumped 34% ... Cloud's $15.16 million in sales": a named unit, later called by its last word
SHORT_FORM = regex.compile(r"(?<!\p{L}\s)(?<!\p{L})(?P<w>\p{Lu}[\p{Ll}]{3,})(?=['’]s\s|\s(?:revenue|sales|unit|business)\b)")


def short_forms(scan: str, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names found, with a two-word English unit's last word ('Cloud' for 'Google Cloud') counted as that
    unit where it opens a sentence or clause after the unit was named in full."""
    full = {scan[a:b].split()[-1]: (b, name) for a, b, name in ents if " " in scan[a:b] and scan[a:b].isascii()}
    if not full:
        return ents
    extra = [(m.start("w"), m.end("w"), full[m["w"]][1]) for m in SHORT_FORM.finditer(scan)
             if m["w"] in full and full[m["w"]][0] < m.start("w")]
    return sorted(ents + extra) if extra else ents


RELATED_FIRM = regex.compile(r"(?:지분을\s?)?(?:투자한|인수한|출자한|설립한|합작한)\s(?P<x>\p{Hangul}[\p{Hangul}A-Za-z]{1,11})(?:은|는|이|가|도)\s")
DATA_SOURCE = regex.compile(r"\s?(?:consensus|estimates?|data|polled|survey)\b", regex.IGNORECASE)
FIRST_FIGURE = regex.compile(r"\d[\d,.]*\s?(?:조|억|만|%|billion|million|달러|원)")
HELD = regex.compile(r"(?:자회사|계열사|손자회사|종속회사|subsidiary|affiliate)\s?(?:인\s?)?$", regex.IGNORECASE)


def fy_end(lex: L.Lexicon, ent: str | None) -> int | None:
    while ent:
        if ent in lex.fiscal:
            return lex.fiscal[ent]
        ent = L.parent(lex, ent)
    return None


def focus_for(ctx: Ctx, fy: int | None) -> str | None:
    """The article's quarter in the calendar of the company a figure is about: a blog on Apple's FY2025Q4
    (July to September 2025) speaks of Samsung's 2025Q3. Where the two calendars' quarters end in different
    months (Walmart's end in October, Apple's in September) neither is the other's: the focus stays as it is,
    and the sentence's own words must date the figure."""
    f, main = ctx.focus, fy_end(ctx.lex, ctx.main)
    own, theirs = abs(fy or 12), abs(main or 12)
    if not f or "Q" not in f or own == theirs or (end := CAL.quarter_end(f, main)) is None:
        return f
    if (own - theirs) % 3:
        return f
    y, month = end
    got = f"{y}Q{(month - 1) // 3 + 1}" if own == 12 else f"FY{y if month <= own else y + 1}Q{(month - own - 1) % 12 // 3 + 1}"
    ctx.memo.setdefault("focus_alts", set()).add(got)  # its evidence is the focus's own
    return got


def adopt_periods(claims: list[Claim]) -> list[Claim]:
    """An undated figure equal to one dated figure of the same key in the article takes that date."""
    dated: dict[tuple, dict[str, Claim]] = {}
    key = (lambda c: (c.entity, c.segment, c.metric, c.unit, c.basis, c.change, c.value, c.low, c.high))
    for c in claims:
        if c.period:
            dated.setdefault(key(c), {}).setdefault(c.period, c)
    out = []
    for c in claims:
        got = dated.get(key(c)) if c.period is None else None
        if got and len(got) == 1:
            (period, src), = got.items()
            ev = tuple(("period", "carried", src.line, period) if e[0] == "period" else e for e in c.evidence)
            c = c.model_copy(update={"period": period, "context_year": None, "evidence": ev})
        out.append(c)
    return out


def in_unit(m: Mention, unit: tuple[str, str, float], text: str) -> Mention:
    """A bare table cell read in its table's declared unit; "(1,000)" in a table is negative."""
    kind, cur, scale = unit
    neg = text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")"
    v = -abs(m.value) if neg else m.value
    if kind == "percent":
        return replace(m, kind="percent", unit="%", value=v)
    return replace(m, kind="money", unit=cur, value=v * scale, half_width=m.half_width * scale, scaled=True,
                   low=m.low * scale if m.low is not None else None, high=m.high * scale if m.high is not None else None)


def find_focus(ctx: Ctx) -> None:
    lay = ctx.lay
    head_end = lay.line_starts[min(6, len(lay.line_starts) - 1)]
    fy = fy_end(ctx.lex, ctx.main)
    counts: Counter = Counter()
    pub = ctx.art.published
    for r in ctx.periods_in(0, len(lay.scan), fy):
        if r.grain == "quarter" and r.period and not r.estimate and not r.relative \
                and not C.BASE_AFTER.match(lay.scan, r.end, r.end + 32) \
                and not C.FROM_FIGURE_IN.search(lay.scan, max(0, r.start - 40), r.start):
            # "the same quarter of 2024", "지난해 3분기 대비", "from $16.1 billion in Q3 2024" name bases
            # a quarter not yet over (a forecast's) is not the one whose figures the article reports
            if pub and (end := CAL.quarter_end(r.period, fy)) and end > (pub.year, pub.month):
                continue
            counts[r.period] += 3 if r.start < head_end else 1
    if counts:
        (p, n), *rest = counts.most_common(2)
        if rest and rest[0][1] == n and (tie := _later_of(p, rest[0][0])):
            p, rest = tie, []  # "3분기 ... 지난해 3분기에는": of two quarters named as often, the later one is reported
        # the quarter named most, or the only one named; another tie leaves the article without one
        if (n >= 2 or not rest) and not (rest and rest[0][1] == n):
            ctx.focus = p
            first = next(r for r in ctx.periods_in(0, len(lay.scan), fy) if r.period == p)
            # the quarter a headline names governs the article; one only named in the body is carried from there
            ctx.focus_where = Where("heading" if first.start < head_end else "carried", first.start, first.end)


def _later_of(a: str, b: str) -> str | None:
    """The later of two quarters a year apart (a quarter and its year-ago base), else None."""
    if CAL.shift_quarter(a, -4) == b:
        return a
    return b if CAL.shift_quarter(b, -4) == a else None


def resolve_segment(ctx: Ctx, ent: str, a: int, b: int) -> str:
    """A parent company named beside one of its segment cues ("알리바바 ... 클라우드 부문") is that segment."""
    cues = ctx.lex.segment_cues.get(ent)
    if not cues:
        return ent
    window = ctx.lay.scan[a:b]
    for cue in cues:
        if cue in window:
            return ctx.lex.segment_of_cue[(ent, cue)]
    return ent


# "Family of Apps, the segment that houses Facebook, Instagram and WhatsApp, generated": an appositive may
# hold a list of its own, so it runs to the comma before the clause's verb
ASIDE = regex.compile(r",\s(?:which|who|whose|that)\b[^,]{0,120},"
                      r"|,\s(?:the|a|its)\s(?:[\w-]+\s){0,3}?(?:segment|unit|division|business|arm|subsidiary)\s(?:that|which)\s[^.;]{0,160}?,\s"
                      r"(?=(?:generated|posted|reported|had|saw|made|earned|lost|booked|was|were|rose|grew|fell)\b)",
                      regex.IGNORECASE)
FOR_AFTER = regex.compile(r"\s(?:for|at)\s(?:the\s)?$")


INCLUDED = regex.compile(r"\s?(?:을|를)?\s?(?:포함|제외)")
# "$523 billion, highlighted by new commitments from Meta, NVIDIA": a name after the figure that a preposition
# makes an object (a customer, a partner, a rival) is not whose figure it is
OBJECT_BEFORE = regex.compile(r"\b(?:from|with|by|to|including|like|among|than|versus|vs\.?|against|over)\b", regex.IGNORECASE)
# and the same object names nobody a later sentence is about: "commitments from Meta, NVIDIA, and others"
OBJECT_NAME = regex.compile(r"\b(?:from|with|by|including|like|among|than|versus|vs\.?|against|such\sas)\s"
                            r"(?:[\w&'.-]+,?\s(?:and\s)?){0,4}$", regex.IGNORECASE)
# "신한베트남은행은 2076억원": a firm the vocabulary does not know, made the subject, is not the one carried over
# (a securities firm is left out: "동해증권은 목표주가를" is a broker speaking of the company in view)
JOINED_NAME = regex.compile(r"\b[A-Z][\w-]*\s(?:and|&)\s$")
# Hangul that goes on after a name without a particle or a group word: the name is the start of a longer one
LONGER_NAME = regex.compile(r"(?<=\p{Hangul})(?!(?:은|는|이|가|을|를|의|와|과|도|에|로|으로|만|까지|보다|부터|처럼|측|그룹|계열|등|및"
                            r"|이며|이고|였|이었|이다|에서|에게|로서|로써|뿐|대비|사|마저|조차|과의|와의|에는|에도|으로는|로는|만의|까지의"
                            r"|주가|주식|지분|실적|매출|영업|순이익|전체|연결|별도|본사|측은|측이)(?!\p{Hangul}{3}))\p{Hangul}")
# ASIDE cannot match without one of these words, nor UNKNOWN_FIRM without one of the second set
ASIDE_WORDS = ("which", "who", "that")
FIRM_WORDS = ("은행", "카드", "캐피탈", "생명", "손해보험", "손보", "법인")
UNKNOWN_FIRM = regex.compile(r"(?<![\p{L}\p{N}])[\p{L}\p{N}]{1,10}(?:은행|카드|캐피탈|생명|손해보험|손보|현지법인|법인)(?:은|는|이|가)\s")


def entity(ctx: Ctx, sent, m: Mention, carry, own, clause) -> tuple[str | None, bool, Where]:
    """(entity, named in this sentence, where it was decided) for figure m."""
    # "against 29% for AWS": English names whose figure it is right after it
    tail = [e for e in own if m.end < e[0] <= m.end + 9 and FOR_AFTER.match(ctx.lay.scan, m.end, e[0])]
    if tail:
        return resolve_segment(ctx, tail[0][2], m.start, tail[0][1]), True, Where("clause", tail[0][0], tail[0][1])
    # "매출은 약 6조5천억원(한화오션 포함)": a unit named as included or left out is not the subject
    before = [e for e in own if e[1] <= m.start and not INCLUDED.match(ctx.lay.scan, e[1], min(m.start + 40, e[1] + 12))]
    # "Reality Labs, which makes ... Ray-Ban Meta glasses, lost $4.43 billion": a name in an aside is not the subject
    asides = [x.span() for x in ASIDE.finditer(ctx.lay.scan, sent.start, m.start)] if ctx.in_sentence(ASIDE_WORDS, sent) else []
    # and a name only in an aside ("Overall revenue, which includes Azure, jumped 28%") names nobody
    before = [e for e in before if not any(a <= e[0] < b for a, b in asides)
              and not DATA_SOURCE.match(ctx.lay.scan, e[1], e[1] + 16)]  # "Against S&P Global consensus, Verizon ..."
    # a company the vocabulary does not know, named after the last one it knows, owns the figure: nobody we track
    last = before[-1][1] if before else sent.start
    if ctx.unknown_in(last, m.start):
        return None, False, NONE
    if before:
        e = before[-1]
        return resolve_segment(ctx, e[2], max(e[0], clause[0]), m.end), True, Where("clause", e[0], e[1])
    if carry["entity"] and not (ctx.in_sentence(FIRM_WORDS, sent) and UNKNOWN_FIRM.search(ctx.lay.scan, clause[0], m.start)):
        at = carry.get("entity_at") or (None, None)
        return carry["entity"], False, Where("carried", at[0], at[1])
    # ("지상방산 부문 영업이익이 5,042억원으로 제일 컸고, 자회사 한화오션도": a subsidiary named later has figures of its own)
    after = [e for e in own if e[0] >= m.end and not INCLUDED.match(ctx.lay.scan, e[1], e[1] + 12)
             and not OBJECT_BEFORE.search(ctx.lay.scan, m.end, e[0]) and not HELD.search(ctx.lay.scan, max(0, e[0] - 8), e[0])]
    # past the clause only over a plain gap: "순이익 1172억…토뱅 수신, 케뱅 넘어서" puts another story after the '…'
    after = [e for e in after if e[0] < clause[1]] or [e for e in after if "…" not in ctx.lay.scan[m.end:e[0]]]
    if after:
        return resolve_segment(ctx, after[0][2], clause[0], clause[1]), True, Where("clause", after[0][0], after[0][1])
    return None, False, NONE


def table_context(ctx: Ctx, line: int, m: Mention):
    return ctx.lay.cell_at(line, m.start)


def converted(ctx: Ctx, base: Claim, m: Mention, approx: bool, si: int) -> Claim:
    lay = ctx.lay
    li = lay.line_of(m.start)
    return base.model_copy(update=dict(
        line=li + 1, column=m.start - lay.line_starts[li] + 1, text=ctx.art.text[m.start:m.end], value=m.value,
        low=m.low, high=m.high, unit=m.unit, bound="approx" if approx else "eq", half_width=m.half_width,
        sentence=si))


def is_past(ctx: Ctx, period: str | None, fy: int | None = None) -> bool:
    pub = ctx.art.published
    end = CAL.period_end(period, fy) if period else None
    return bool(pub and end and end < (pub.year, pub.month))


def names_in(ctx: Ctx, label: str) -> list[str]:
    """The companies a heading, table row or column header names, in order: read once per label, since every
    figure under a heading or along a row asks. The list is shared; callers only read it."""
    key = ("names", label)
    got = ctx.memo.get(key)
    if got is None:
        got = ctx.memo[key] = [n for x in ctx.lex.entity_rx.finditer(label) if (n := ctx.lex.alias_to.get(x.group()))]
    return got


def heading_text(ctx: Ctx, line: int) -> str:
    h = ctx.lay.headings.get(line, -1)
    return ctx.lay.line_text(h) if h is not None and h >= 0 else ""
