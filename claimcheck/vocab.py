"""The vocabulary kept as data under rules/: entities with their aliases and segments, metric and
segment cues, fiscal calendars and FX bands, built into one Lexicon; and the questions every stage
asks of it. The metric taxonomy is `metric_taxonomy.py`, the word matcher `word_matcher.py`."""
from __future__ import annotations

from bisect import bisect_left

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from functools import lru_cache

import regex

from .rules_data import LexiconError, load
from .word_matcher import Matcher
# claims/ asks vocab.taxonomy(): the taxonomy is read from here as well as from its own module
from .metric_taxonomy import taxonomy as taxonomy


# Tickers that are also ordinary words; they name a company only in ticker context.
WORDLIKE_TICKERS = {"NOW", "APP", "COST", "SNOW", "HOOD", "COIN", "ARM", "META", "ALL", "ON", "IT", "BIG", "CAT"}


@dataclass(frozen=True, slots=True)
class EntityInfo:
    name: str
    parent: str | None
    cues: tuple[str, ...] = ()
    aggregate: bool = False  # a cross-segment total, not a part of its parent
    division: str | None = None  # reported as the parent with this segment id
    index: bool = False  # a market index: named beside a company, never the subject a later sentence is about
    cik: str | None = None  # the SEC's company number, without leading zeros
    dart_corp_code: str | None = None  # OpenDART's eight-digit company code
    standalone_headline: bool = False  # its results are announced on the parent-only (별도) books
    listed_only: bool = False  # known from a listing (listed_kr.yaml, listed_us.yaml), not the hand-kept table
    dollar: str | None = None  # what a bare "$" means in a story about it, when not the US dollar ("CAD", "AUD")


@dataclass
class Lexicon:
    entities: dict[str, EntityInfo]
    entity_rx: Matcher
    alias_to: dict[str, str]
    alias_key: dict[str, str]  # alias with spaces removed and lower-cased -> name
    segment_cues: dict[str, list[str]]  # parent -> cues naming its segment entities, longest first
    segment_of_cue: dict[tuple[str, str], str]
    metric_cues: list[tuple[str, str]]  # (cue, metric)
    metric_rx: Matcher
    metric_of: dict[str, str]
    topic_rx: Matcher  # generic segments such as AI, advertising
    topic_of: dict[str, str]
    fiscal: dict[str, int]
    fx_bands: list[dict] = field(default_factory=list)
    divisions: dict[tuple[str, str], EntityInfo] = field(default_factory=dict)  # (parent, segment id) -> division
    not_segments: frozenset[str] = frozenset()  # words a phrase reader may take for a business line but never are
    not_line_words: frozenset[str] = frozenset()  # English words no line's name holds (segments.yaml)
    regions: tuple[str, ...] = ()  # words that make a segment a region: regions and products are two cuts of a total
    region_ids: dict[str, str] = field(default_factory=dict)  # a region's word (lower case) -> its one id (segments.yaml)
    bases: frozenset[str] = frozenset()  # segment ids that name another basis of the whole (standalone), not a part
    counted: dict[str, str] = field(default_factory=dict)  # a count word -> what it counts (segments.yaml)
    not_firms: frozenset[str] = frozenset()  # words that open a sentence as a name does and are no company (entities.yaml)
    weighed_goods: tuple[str, ...] = ()  # goods sold by the pound (metrics.yaml): "912 million pounds" of them is no money
    by_cik: dict[str, str] = field(default_factory=dict)  # filer codes -> entity, for reading filings
    by_dart: dict[str, str] = field(default_factory=dict)
    # answers worked out from this vocabulary for a piece of text (a label's topic, a row's line), kept per lexicon
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.divisions = {(i.parent, i.division): i for i in self.entities.values() if i.parent and i.division}
        self.by_cik = {i.cik: i.name for i in self.entities.values() if i.cik}
        self.by_dart = {i.dart_corp_code: i.name for i in self.entities.values() if i.dart_corp_code}


def _word_rx(words: list[str], names: bool = False) -> Matcher:
    return Matcher(words, names)


def build(extra_aliases: dict[str, list[str]] | None = None, extra_fiscal: dict[str, int] | None = None,
          extra_fx_bands: list[dict] | None = None) -> Lexicon:
    """The lexicon of the shipped data, with a config's aliases, fiscal calendars and FX bands added."""
    ent_data = load("entities.yaml")
    ent = ent_data.get("entities") or []
    entities: dict[str, EntityInfo] = {}
    alias_to: dict[str, str] = {}
    seg_cues: dict[str, list[str]] = {}
    seg_of_cue: dict[tuple[str, str], str] = {}

    def add(name: str, aliases: list, parent: str | None, cues: list, aggregate: bool = False,
            division: str | None = None, codes: dict | None = None, index: bool = False) -> None:
        cik, dart = _code((codes or {}).get("cik")), _code((codes or {}).get("dart_corp_code"))
        entities[name] = EntityInfo(name, parent, tuple(cues), aggregate, division, index, cik and cik.lstrip("0"), dart,
                                    (codes or {}).get("headline") == "standalone",
                                    dollar=str(d) if (d := (codes or {}).get("dollar")) else None)
        # match_name: false keeps a name that is also a common word ("Dow", the Jones average) out of prose matching
        for a in [*([name] if (codes or {}).get("match_name", True) else []), *aliases]:
            if isinstance(a, (str, int)) and len(str(a)) >= 2:
                alias_to.setdefault(str(a), name)

    for e in ent:
        if not isinstance(e, dict) or "name" not in e:
            raise LexiconError(f"rules/entities.yaml: every entity needs a name, got {e!r}")
        tickers = [str(t) for t in e.get("tickers") or [] if len(str(t)) >= 3 and str(t) not in WORDLIKE_TICKERS]
        add(e["name"], [*(e.get("aliases") or []), *tickers], None, [], codes=e, index=bool(e.get("index")))
        for s in e.get("segments") or []:
            div = s.get("division")
            add(s["name"], s.get("aliases") or [], e["name"], s.get("cues") or [], bool(s.get("aggregate")),
                str(div) if div else None)
            for c in s.get("cues") or []:
                seg_cues.setdefault(e["name"], []).append(c)
                seg_of_cue[(e["name"], c)] = s["name"]
    _listed_kr(add, alias_to, entities)
    _listed_us(add, alias_to, entities)
    for name, aliases in (extra_aliases or {}).items():
        if name not in entities:
            add(name, list(aliases), None, [])
        else:
            for a in aliases:
                alias_to[str(a)] = name
    for a, n in list(alias_to.items()):
        if "'" in a:
            alias_to.setdefault(a.replace("'", "’"), n)  # "Campbell’s", "Lowe’s": typeset pages curl the apostrophe
        if a.endswith("홀딩스") and len(a) > 4:
            alias_to.setdefault(a[:-3] + "H", n)  # "아모레퍼시픽H, 상반기 매출": a headline's short form of a holding company
        if a.endswith("그룹") and len(a) > 3 and not a.endswith(" 그룹"):
            alias_to.setdefault(a[:-2] + " 그룹", n)  # "아모레퍼시픽 그룹의 주력 계열사": the group's name with a space
    for k in seg_cues:
        seg_cues[k].sort(key=len, reverse=True)
    met = load("metrics.yaml")
    metric_cues = [(c, m) for m, spec in (met.get("metrics") or {}).items() for c in (spec.get("cues") or [])]
    seg_data = load("segments.yaml")
    topics = seg_data.get("segments") or {}
    topic_of = {c: t for t, cues in topics.items() for c in cues}
    # a company that names its fiscal years by the calendar year they start in gets a negative month, so that
    # the numbers it prints ("2025회계연도", "2025E") can be moved to this project's end-year names
    fiscal = {k: int(v["year_end_month"]) * (-1 if v.get("label") == "start" else 1)
              for k, v in (load("fiscal_calendars.yaml").get("fiscal_calendars") or {}).items()}
    fiscal.update(extra_fiscal or {})
    fx = [*(load("fx_bands.yaml").get("fx_bands") or []), *(extra_fx_bands or [])]
    return Lexicon(entities, _word_rx(list(alias_to), names=True), alias_to,
                   {key(a): n for a, n in alias_to.items()}, seg_cues, seg_of_cue, metric_cues,
                   _word_rx([c for c, _ in metric_cues]), {key(c): m for c, m in metric_cues},
                   _word_rx(list(topic_of)), {key(c): t for c, t in topic_of.items()}, fiscal, fx,
                   not_segments=frozenset(str(w).lower() for w in seg_data.get("not_segments") or []),
                   not_line_words=frozenset(str(w).lower() for w in seg_data.get("not_line_words") or []),
                   regions=tuple(str(w) for w in seg_data.get("regions") or []),
                   region_ids={str(k).lower(): str(v) for k, v in (seg_data.get("region_ids") or {}).items()},
                   bases=frozenset(str(w) for w in seg_data.get("bases") or []),
                   counted={str(k).lower(): str(v) for k, v in (seg_data.get("counted") or {}).items()},
                   weighed_goods=tuple(str(w).lower() for w in met.get("weighed_goods") or []),
                   not_firms=frozenset(str(w).lower() for w in ent_data.get("not_firms") or []))


def _listed_kr(add: Callable[..., None], alias_to: dict[str, str], entities: dict[str, EntityInfo]) -> None:
    """The listed Korean companies the hand-kept table does not hold (listed_kr.yaml), each known by its Korean
    name and code, and by its English name in prose only when that has two words or more."""
    for row in load("listed_kr.yaml").get("companies") or []:
        if not (isinstance(row, list) and len(row) == 3 and all(isinstance(x, str) and x for x in row)):
            raise LexiconError(f"rules/listed_kr.yaml: each company is [code, Korean name, English name], got {row!r}")
        code, ko, en = row
        if ko not in alias_to and en not in entities:
            add(en, [ko, code], None, [], codes={"match_name": " " in en})
            entities[en] = replace(entities[en], listed_only=True)


def _listed_us(add: Callable[..., None], alias_to: dict[str, str], entities: dict[str, EntityInfo]) -> None:
    """The US companies the hand-kept table does not hold (listed_us.yaml): name, other names, and whether the
    name itself is matched in prose."""
    # (and the large companies listed elsewhere, listed_world.yaml, in the same layout)
    for file, row in ((f, r) for f in ("listed_us.yaml", "listed_world.yaml") for r in load(f).get("companies") or []):
        if not (isinstance(row, list) and len(row) in (3, 4) and isinstance(row[0], str) and isinstance(row[1], list)
                and all(isinstance(a, str) for a in row[1]) and isinstance(row[2], bool)
                and (len(row) == 3 or row[3] in ("CAD", "AUD"))):
            raise LexiconError(f"rules/{file}: each company is [name, [other names], prose] or with its home dollar "
                               f"(CAD, AUD) after, got {row!r}")
        name, aliases, prose = row[:3]
        if name not in entities and not any(a in alias_to for a in aliases):
            add(name, aliases, None, [], codes={"match_name": prose, "dollar": row[3] if len(row) == 4 else None})
            entities[name] = replace(entities[name], listed_only=True)


def _code(v: object) -> str | None:
    """A filer code as text: quoted in entities.yaml, since an unquoted 00126380 would load as a number."""
    if v is None:
        return None
    if not isinstance(v, str) or not v.isdigit():
        raise LexiconError(f"rules/entities.yaml: a cik or dart_corp_code is quoted digits, got {v!r}")
    return v


@lru_cache(maxsize=1)
def default() -> Lexicon:
    """The shipped lexicon, built once and shared: never change it, build() another."""
    return build()


def remembered(lex: Lexicon, kind: str, text: str, make: Callable[[], Any]) -> Any:
    """make() for `text`, worked out once per lexicon: figures under one label or in one table row ask alike. The store
    is bounded, so a long archive's labels do not pile up."""
    store = lex.memo.setdefault(kind, {})
    if text not in store:
        if len(store) > 4096:
            store.clear()
        store[text] = make()
    return store[text]


def starts_a_name(lex: Lexicon, k: str) -> bool:
    """Whether some alias key begins with key `k` ("abbott" for Abbott Laboratories), by bisection over the keys
    sorted once per lexicon, not a scan of them all."""
    keys = remembered(lex, "alias keys", "", lambda: tuple(sorted(lex.alias_key)))
    i = bisect_left(keys, k)
    return i < len(keys) and keys[i].startswith(k)


def begun_name(lex: Lexicon, name: str) -> str | None:
    """The one known company whose name or alias begins with `name` as a whole word, in any case ("Unity" of Unity
    Software, "SFA" of SFA Engineering, "대상" of 대상㈜); None when none or several do. A short form like these is
    left out of the aliases (an ordinary word, an acronym of other things) and stands for the company only where
    an article shows it does: opening the headline or the lead, or with its ticker."""
    def begun() -> str | None:
        low = name.lower()
        found = {n for a, n in lex.alias_to.items()
                 if len(a) > len(name) and a.lower().startswith(low) and BEGUN_REST.match(a, len(name))}
        # the hand-kept table speaks first: "SFA" is SFA Engineering, whatever else the listing holds
        kept = {n for n in found if not lex.entities[n].listed_only}
        found = kept or found
        return found.pop() if len(found) == 1 else None
    return remembered(lex, "begun name", name, begun)


def begins_names(lex: Lexicon, word: str) -> bool:
    """Whether a Latin word opens some known company's name as a word of its own ("CJ" of CJ제일제당, "LG" of LG
    Chem); "SI" opens none (the prefix of "Silicon2" is no word of it)."""
    def begins() -> bool:
        return any(a.startswith(word) and (len(a) == len(word) or not a[len(word)].isascii() or a[len(word)] in " ,")
                   and not lex.entities[n].listed_only for a, n in lex.alias_to.items())
    return bool(remembered(lex, "begins names", word, begins))


# what may follow a short form inside the full name: another word, or a corporate mark ("대상㈜", "대상(주)")
BEGUN_REST = regex.compile(r"\s|㈜|\(주\)|,")


def parent(lex: Lexicon, name: str | None) -> str | None:
    info = lex.entities.get(name) if name else None
    return info.parent if info else None


def family(lex: Lexicon, name: str | None) -> str | None:
    """The topmost parent of `name`, or `name` itself: the company family a run partitions its keys by."""
    seen: set[str] = set()
    while name is not None and name not in seen:
        seen.add(name)
        up = parent(lex, name)
        if up is None:
            return name
        name = up
    return name


# a Korean word ending like a verb, an adverb or a case particle is no business line ('증가했으나', '등으로')
NOT_A_NOUN = regex.compile(r"(?:했|하며|하고|했으나|했지만|으나|지만|됐|되며|으로|로서|에서|에선|에서는|에게|에|까지|처럼|보다|대비|대비로는|특히|따라"
                           r"|덕에|인해|때문|다만|결과|하면|해|로는|으로는|증권은?|투자증권|증권사|기자|특파원"
                           # and a condition or a time the clause is set in ('견줬을 경우엔 매출은', '그때는')
                           r"|경우엔?|경우에는|에는|때는|땐)$|^억원[과와을를이은의]?$"
                           # a basis word read as a line ('3분기 연결기준 매출'): the books, not a business
                           r"|^연결_?(?:재무제표_?)?기준"
                           # English fillers glued into an id: 'ex_a' (excluding a ...), 'extended', 'lost'
                           r"|^(?:ex_(?:a|an|the|its)|extended|lost|expected|meta_expected\w*)$", regex.IGNORECASE)


def as_reported(lex: Lexicon, name: str | None, segment: str | None) -> tuple[str | None, str | None]:
    """A division ("Samsung Electronics DS") is reported as its parent with the division's segment id;
    a segment that is a particle, verb or filler word ('대비', '누계', '이번') is dropped."""
    if segment and (segment.lower() in lex.not_segments or (NOT_A_NOUN.search(segment) and segment.lower() not in lex.regions)
                    or _not_a_line(lex, name, segment)):
        # (a region is a noun whatever it ends on: "벨기에")
        segment = None
    info = lex.entities.get(name) if name else None
    if info and info.division:
        return info.parent, segment or info.division
    return name, segment


def _not_a_line(lex: Lexicon, name: str | None, segment: str) -> bool:
    """An id made of English words one of which names no line, or the figure's own company by one of its names."""
    words = segment.lower().split("_")
    # (a region's name may hold such a word, and so may a region on a basis: "rest_of_the_world_organic")
    region = " ".join(words[:-1] if len(words) > 1 and words[-1] in lex.bases else words)
    if segment.isascii() and not lex.not_line_words.isdisjoint(words) and region not in lex.regions \
            and lex.topic_of.get(key(segment)) is None:
        return True
    return names_itself(lex, name, segment)


def names_itself(lex: Lexicon, name: str | None, segment: str) -> bool:
    """Whether a segment id is the company's own name, in full or short ("SM" of SM Entertainment): no line of it."""
    spelt = segment.replace("_", " ")
    # (and an unknown company's name as written, its legal suffix on: "Corbel Group Ltd" of "Corbel Group")
    bare = LEGAL_SUFFIX.sub("", spelt).strip().lower()
    return name is not None and (lex.alias_key.get(key(spelt)) == name or begun_name(lex, spelt) == name
                                 or bare == LEGAL_SUFFIX.sub("", name).strip().lower())


LEGAL_SUFFIX = regex.compile(r"[\s,]+(?:ltd|limited|inc|corp|corporation|plc|llc|co|sa|ag|se|nv)\.?$", regex.IGNORECASE)


def is_aggregate(lex: Lexicon, name: str | None, segment: str | None) -> bool:
    """A cross-segment total (Microsoft Cloud), named as an entity or as its parent's division."""
    info = lex.divisions.get((name, segment)) if name and segment else lex.entities.get(name) if name else None
    return bool(info and info.aggregate)


def topic(lex: Lexicon, text: str) -> str | None:
    """The generic business line (segments.yaml) first named in text, if any."""
    return next((lex.topic_of.get(key(t.group())) for t in lex.topic_rx.finditer(text)), None)


def key(s: str) -> str:
    return "".join(s.split()).lower()
