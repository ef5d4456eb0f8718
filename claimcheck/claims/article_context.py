"""What claim typing looks up once per article: mentions by position, main entity, focus period, context."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Hashable
from typing import TypeVar

import regex

from ..models import Article
from .. import vocab as L
from . import periods as PR
from .name_filters import glued_to_a_name, on_masthead, ticker_as_line, not_the_company
from .company_names import (DATA_SOURCE, FIRST_FIGURE, HELD, JOINED_NAME, LONGER_NAME, RELATED_FIRM, code_named, fold,
                            group_named, short_forms, subsidiaries)
from .layout import Layout, Sentence
from .title_named import title_named
from .subject_named import subject_named
from .evidence import NONE, Where
from .metric_cue import Cue

T = TypeVar("T")
_MISSING = object()


TICKER_OPEN = regex.compile(r"\s?[(（](?:(?:NYSE|NASDAQ|Nasdaq|KRX|KOSPI|KOSDAQ|ETR|XETRA|EPA|EBR|AMS|BIT|BME|SWX|SIX|STO|CPH|HEL|OSL|LON|FRA|TYO|TSE|HKG|HKEX|SGX|BSE|NSE)\s?:\s?)?")
CASED_CUES = frozenset({"bps", "pat"})  # acronyms a lower-case word spells the same


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
        others = not_the_company(scan, found) | glued_to_a_name(scan, found, lambda n: lex.entities[n].listed_only) \
            | ticker_as_line(scan, found) | on_masthead(lay, found)
        # ("Robert Ford, CEO of Abbott", "Morgan Stanley (MS)", "analyst Dana Whitfield")
        found = sorted(group_named(scan, lex, [e for e in found if e not in others]) + code_named(scan, lex, found))
        found = sorted(found + title_named(lay, lex, [(a, b) for a, b, _ in found]))
        head = lay.title_line() + 3
        found = sorted(found + subject_named(scan, lex, found, lay.line_starts[head] if head < len(lay.line_starts) else len(scan)))
        found = sorted(found + subsidiaries(scan, found))
        # "HD현대마린엔진": a known name that runs on into a longer one is another company, not the one it begins
        longer = {e for e in found if LONGER_NAME.match(scan, e[1])}
        self.unknown = sorted([e[0] for e in found if e in longer] + self._related_unknown(scan, found))
        self.ents: list[tuple[int, int, str]] = short_forms(scan, [e for e in found if e not in longer])
        # ("+50 bps YoY to 20.5%": basis points in lower case, never BPS, book value per share, in capitals)
        # (and "NH투자증권은 15.2% 성장한": a metric word inside a company's name is no cue)
        spans = sorted((a, b) for a, b, _ in self.ents if b - a > 2)
        self.cues = [Cue(m.start(), m.end(), lex.metric_of.get(L.key(m.group()), "")) for m in lex.metric_rx.finditer(scan)
                     if not (m.group() != m.group().upper() and m.group().lower() in CASED_CUES)
                     and not _inside(spans, m.start(), m.end())
                     # ("RCO rose 3.2% like-for-like in North America": a basis word after a figure qualifies it, names no sales)
                     and not (BASIS_CUE.fullmatch(m.group()) and AFTER_FIGURE.search(scan, max(0, m.start() - 8), m.start()))
                     # ("as low-margin menthol volumes were pruned": an adjective of the goods, no margin of anyone's)
                     and not GRADED.search(scan, max(0, m.start() - 8), m.start())
                     # ("EBITDA before restructuring expenses increased …": what the measure leaves out, no measure)
                     and not (BEFORE_WORD.search(scan, max(0, m.start() - 8), m.start())
                              and lex.metric_of.get(L.key(m.group())) in BEFORE_COSTS)]
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
        # "The S&P 500 (+1.1%) … Micron delivered": a market index opening the story is the backdrop, unless the
        # story names nothing else
        subjects = [e for e in subjects if not ((info := lex.entities.get(e[2])) and info.index)] or subjects
        for i, e in enumerate(subjects):
            if i and subjects[i - 1][2] == e[2] and TICKER_OPEN.fullmatch(scan, subjects[i - 1][1], e[0]):
                continue  # "NVIDIA (NVDA 173.24, +1.35%)": the ticker after the name is one mention, not two
            counts[e[2]] += 5 if self._near_title(e[0], title_at) or e[0] < head_end else 1
        if subjects:
            counts[subjects[0][2]] += 2  # the lead names its subject first: "이마트가 ... 이마트24는 ..."
        if lead := self._lead_subject(subjects, head_end):
            # "한화에어로스페이스가 올해 3분기 영업이익 8564억원을 기록": the company the first figure of the body is
            # reported for, whatever drivers the headline names ("지상방산·한화오션이 전체 실적 견인")
            counts[lead] += 6
        self.main = counts.most_common(1)[0][0] if counts else None
        if self.main and (parent := L.parent(lex, self.main)) and (
                counts[parent] * 2 >= counts[self.main]
                # "신한은행 NIM은 … 신한투자증권 파생상품 거래 손실": a story naming two of a group's units is the group's
                or len({n for n in counts if L.parent(lex, n) == parent}) >= 2):
            self.main = parent  # a story that names Microsoft and Azure is about Microsoft, its unit a part of it
        self.main_where = self._main_where(head_end, title_at)
        years = [int(y) for y in regex.findall(r"(?<!\d)((?:19|20)\d\d)E(?![\p{L}])", scan)]
        self.context_year = art.published.year if art.published else (min(years) if years else None)
        self.context_month = art.published.month if art.published else None
        self.focus: str | None = None
        self.focus_grain = ""  # "ytd" when the span in view is the year so far, not a quarter or a half
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


BEFORE_WORD = regex.compile(r"\bbefore\s$", regex.IGNORECASE)
BEFORE_COSTS = frozenset({"charge", "provisions"})
GRADED = regex.compile(r"\b(?:low|high|lower|higher|thin)-$", regex.IGNORECASE)
BASIS_CUE = regex.compile(r"(?i:like[\s-]for[\s-]like|LFL)")
AFTER_FIGURE = regex.compile(r"\d\s?%\s$")


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) lies within one of the sorted spans."""
    i = bisect_right(spans, (a, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= a and b <= spans[i][1]

