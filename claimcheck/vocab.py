"""Word lists kept as data under rules/: entities, metric and segment cues, fiscal calendars."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex
import yaml

# Korean particles that may follow a short name ("메타가", "기아의") but that
# no ordinary word continues with ("메타버스" is not Meta).
PARTICLES = (r"(?:은|는|이|가|을|를|의|와|과|도|에|서|로|으로|까지|보다|만|처럼|측|나|랑|며|고|엔|께|부터|뿐"
             r"|대비|에게|한테|라는|이라|란|이다|다|였|였다|에서|로서|로써|와의|과의|(?=\W)|$)*+(?![\p{Hangul}])")


# Tickers that are also ordinary words; they name a company only in ticker context.
WORDLIKE_TICKERS = {"NOW", "APP", "COST", "SNOW", "HOOD", "COIN", "ARM", "META", "ALL", "ON", "IT", "BIG", "CAT"}


# the C loader when PyYAML was built with libyaml (both are the safe loader): the pure-Python one
# took 0.18 s of every run's start-up on these files, a pre-commit run's budget being 1 s
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_FILES = ("entities.yaml", "metrics.yaml", "segments.yaml", "fiscal_calendars.yaml", "fx_bands.yaml", "ledger_concepts.yaml")


class LexiconError(ValueError):
    """A data file under rules/ is malformed."""


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
    regions: tuple[str, ...] = ()  # words that make a segment a region: regions and products are two cuts of a total
    bases: frozenset[str] = frozenset()  # segment ids that name another basis of the whole (standalone), not a part
    by_cik: dict[str, str] = field(default_factory=dict)  # filer codes -> entity, for reading filings
    by_dart: dict[str, str] = field(default_factory=dict)
    # answers worked out from this vocabulary for a piece of text (a label's topic, a row's line), kept per lexicon
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.divisions = {(i.parent, i.division): i for i in self.entities.values() if i.parent and i.division}
        self.by_cik = {i.cik: i.name for i in self.entities.values() if i.cik}
        self.by_dart = {i.dart_corp_code: i.name for i in self.entities.values() if i.dart_corp_code}


def rules_dir():
    """The shipped rules/ folder: beside the package in a checkout, package data when installed."""
    here = Path(__file__).resolve().parents[1] / "rules"
    if (here / "entities.yaml").is_file():
        return here
    return resources.files("claimcheck.rules")


def _load(name: str) -> dict:
    text = rules_dir().joinpath(name).read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as e:
        raise LexiconError(f"rules/{name}: not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"rules/{name}: expected a mapping at the top")
    return data


FAMILIES = ("flow", "stock", "ratio", "growth", "price", "count", "helper")
_FLAGS = ("dated", "heading_dated", "cadence_check", "pct_vs_pp", "listed", "ownerless", "forecast", "cost_item")
_LINKS = ("growth_of", "share_of", "loss_of")


@dataclass(frozen=True, slots=True)
class MetricInfo:
    id: str
    family: str
    cues: tuple[str, ...] = ()
    growth_of: str | None = None
    share_of: str | None = None
    loss_of: str | None = None
    ratio_of: tuple[str, str] | None = None  # numerator and denominator (operating_margin: operating income over revenue)
    says: str | None = None  # a helper's meaning: "change" or "estimate"
    dated: bool = False
    heading_dated: bool = False
    has_cadence: bool = True
    cadence_check: bool = False
    pct_vs_pp: bool = False
    listed: bool = False
    ownerless: bool = False
    forecast: bool = False
    cost_item: bool = False


def _with_growths(metrics: dict[str, MetricInfo]) -> dict[str, MetricInfo]:
    """Every amount a company states has a growth id, '<metric>_growth' unless the file names one: a growth
    of a metric the file gives none for would otherwise be read as revenue growth ('income tax rose 788%')."""
    have = {i.growth_of for i in metrics.values() if i.growth_of}
    out = dict(metrics)
    for m, i in metrics.items():
        if i.family in ("flow", "stock") and not m.startswith("_") and m not in have and f"{m}_growth" not in out:
            out[f"{m}_growth"] = MetricInfo(f"{m}_growth", "growth", growth_of=m, dated=i.dated, heading_dated=i.heading_dated)
    return out


class Taxonomy:
    """Every metric id with its family and attributes, from rules/metrics.yaml: what each stage asks
    ("is this a flow?", "what is the growth metric of revenue?") instead of keeping a list."""

    def __init__(self, metrics: dict[str, MetricInfo]):
        metrics = _with_growths(metrics)
        self.metrics = metrics
        self.by_family: dict[str, frozenset[str]] = {
            f: frozenset(m for m, i in metrics.items() if i.family == f) for f in FAMILIES}
        self.ratios = self.by_family["ratio"]
        self.growths = self.by_family["growth"]
        # amounts a cue can name: what grew, what a money figure is
        self.amounts = self.by_family["flow"] | self.by_family["stock"] | self.by_family["count"]
        # amounts a company owns and states as such: no loss helper, no market
        self.owned_amounts = frozenset(m for m in self.by_family["flow"] | self.by_family["stock"]
                                       if not metrics[m].ownerless and not metrics[m].loss_of)
        self.profits = frozenset(i.loss_of for i in metrics.values() if i.loss_of)  # profits a loss is stated for
        self._growth = {i.growth_of: m for m, i in metrics.items() if i.growth_of}
        for m, i in metrics.items():
            if i.loss_of and i.loss_of in self._growth:
                self._growth[m] = self._growth[i.loss_of]
        self._flags = {f: frozenset(m for m, i in metrics.items() if getattr(i, f)) for f in _FLAGS}
        self.without_cadence = frozenset(m for m, i in metrics.items() if not i.has_cadence)  # rates, prices, counts
        self._family: dict[str | None, str] = {m: i.family for m, i in metrics.items()}
        self._growth_of: dict[str | None, str | None] = {m: i.growth_of for m, i in metrics.items()}
        self._share_of: dict[str | None, str | None] = {m: i.share_of for m, i in metrics.items()}
        self._loss_of: dict[str | None, str | None] = {m: i.loss_of for m, i in metrics.items()}
        self._says: dict[str | None, str | None] = {m: i.says for m, i in metrics.items()}

    def __contains__(self, metric: object) -> bool:
        return metric in self.metrics

    # Each question is one dict look-up: they are asked a dozen times per figure, and a 5 MB article has
    # 100,000 figures. A metric of None or "" is no key, so it gets None as before.
    def family(self, metric: str | None) -> str | None:
        return self._family.get(metric)

    def info(self, metric: str | None) -> MetricInfo | None:
        return self.metrics.get(metric) if metric else None

    def is_flow(self, metric: str | None) -> bool:
        return self._family.get(metric) == "flow"

    def is_ratio(self, metric: str | None) -> bool:
        return metric in self.ratios

    def is_growth(self, metric: str | None) -> bool:
        return metric in self.growths

    def growth(self, metric: str | None) -> str | None:
        """The growth metric of a level (revenue -> revenue_growth; a loss cue -> its profit's growth)."""
        return self._growth.get(metric) if metric else None

    def growth_of(self, metric: str | None) -> str | None:
        return self._growth_of.get(metric)

    def share_of(self, metric: str | None) -> str | None:
        return self._share_of.get(metric)

    def loss_of(self, metric: str | None) -> str | None:
        return self._loss_of.get(metric)

    def ratio_of(self, metric: str | None) -> tuple[str, str] | None:
        info = self.info(metric)
        return info.ratio_of if info else None

    def says(self, metric: str | None) -> str | None:
        return self._says.get(metric)

    def has(self, flag: str) -> frozenset[str]:
        """The metrics with a yes/no attribute set: has("cadence_check"), has("dated")."""
        if flag not in _FLAGS:
            raise KeyError(flag)
        return self._flags[flag]


def _metric_info(mid: str, spec: object) -> MetricInfo:
    if not isinstance(spec, dict):
        raise LexiconError(f"rules/metrics.yaml: metric {mid} needs a mapping, got {spec!r}")
    known = {"cues", "family", "says", "has_cadence", "ratio_of", *_FLAGS, *_LINKS}
    if unknown := set(spec) - known:
        raise LexiconError(f"rules/metrics.yaml: metric {mid} has unknown keys {sorted(unknown)}")
    if spec.get("family") not in FAMILIES:
        raise LexiconError(f"rules/metrics.yaml: metric {mid} needs a family, one of {', '.join(FAMILIES)}")
    if spec.get("says") not in (None, "change", "estimate"):
        raise LexiconError(f"rules/metrics.yaml: metric {mid}: says is change or estimate, got {spec['says']!r}")
    links = {k: str(spec[k]) if spec.get(k) else None for k in _LINKS}
    ratio = spec.get("ratio_of")
    if ratio is not None and not (isinstance(ratio, list) and len(ratio) == 2):
        raise LexiconError(f"rules/metrics.yaml: metric {mid}: ratio_of is [numerator, denominator], got {ratio!r}")
    return MetricInfo(mid, spec["family"], tuple(str(c) for c in spec.get("cues") or ()),
                      growth_of=links["growth_of"], share_of=links["share_of"], loss_of=links["loss_of"],
                      ratio_of=(str(ratio[0]), str(ratio[1])) if ratio else None,
                      says=spec.get("says"), has_cadence=bool(spec.get("has_cadence", True)),
                      **{f: bool(spec.get(f)) for f in _FLAGS})


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The metric taxonomy of rules/metrics.yaml, loaded once; a config cannot change it."""
    metrics = {str(k): _metric_info(str(k), v) for k, v in (_load("metrics.yaml").get("metrics") or {}).items()}
    for mid, info in metrics.items():
        for link in _LINKS:
            target = getattr(info, link)
            if target is not None and target not in metrics:
                raise LexiconError(f"rules/metrics.yaml: metric {mid}: {link} {target} is no metric")
        for target in info.ratio_of or ():
            if target not in metrics:
                raise LexiconError(f"rules/metrics.yaml: metric {mid}: ratio_of {target} is no metric")
    return Taxonomy(metrics)


class Matcher:
    """Many literal words as one trie-shaped regex, with word boundaries checked per match.

    A flat alternation of hundreds of names is tried alternative by alternative at
    every position; a trie tries one character class per step, which is what keeps
    extraction fast.
    """

    def __init__(self, words: list[str], names: bool = False):
        self.names = names
        trie: dict = {}
        for w in set(words if names else (x.lower() for x in words)):
            node = trie
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}
        body = self._build(trie)
        # a one-character gate lets the engine skip most positions without entering the trie
        # stdlib re runs a literal trie about ten times faster than the regex package
        self.rx = re.compile(body or r"(?!)", 0 if names else re.IGNORECASE)
        # and a case-sensitive trie over a lower-cased copy of a long text three times faster than a
        # case-insensitive one over the text; kept only when the words themselves lower-case simply
        simple = not names and all(_folds_simply(w) for w in trie_words(trie))
        self.lower_rx = re.compile(body or r"(?!)") if simple else None
        self.particles = regex.compile(PARTICLES)

    def _build(self, node: dict) -> str:
        alts = [(r"\s?" if ch == " " else re.escape(ch)) + self._build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end_at = len(text) if endpos is None else endpos
        for m in self._candidates(text, pos, end_at):
            s, e = m.span()
            if e == s:
                continue
            first, last = text[s], text[e - 1]
            before = text[s - 1] if s else " "
            after = text[e] if e < len(text) else " "
            if _hangul(first):
                if _hangul(before) and (self.names or text[s:e] not in COMPOUND_HEADS):
                    continue
                if self.names and e - s <= 3 and _hangul(last) and not self.particles.match(text, e):
                    continue
            elif before.isalnum() and not _hangul(before) or before.isdigit():
                continue
            if not _hangul(last) and (after.isascii() and after.isalnum()):
                continue
            if self.names and e - s <= 3 and last.isascii() and _hangul(after) and not self.particles.match(text, e):
                continue  # "MS사업본부", "VS사업본부": a short Latin name glued to a Korean noun is a word of its own
            yield m

    def _candidates(self, text: str, pos: int, end_at: int):
        """The trie's matches in text[pos:end_at], before the word-boundary checks."""
        lower_rx = self.lower_rx
        low = _lowered(text) if lower_rx is not None and end_at - pos > LONG_TEXT else None
        if low is None or lower_rx is None:
            return self.rx.finditer(text, pos, end_at)
        # the same matches read off the text itself, so callers see its own spelling
        return (self.rx.match(text, m.start(), m.end()) for m in lower_rx.finditer(low, pos, end_at))


# a whole article is worth lower-casing once; a label or a heading is not
LONG_TEXT = 10_000
_last_lowered: list = [None, None]  # [text, its lowered copy or None], for the matchers that run over one article


def _folds_simply(s: str) -> bool:
    """Whether case-insensitive matching of s is plain comparison of lower-cased characters: each character
    lower-cases to one character, and its upper case lower-cases back to that. The exceptions (ſ, ı, µ, ς,
    İ ...) are the ones the re module matches by its extra case table."""
    return all(len(low := c.lower()) == 1 and c.upper().lower() == low for c in set(s))


def _lowered(text: str) -> str | None:
    """text.lower() when every character of text folds simply, else None; the last text is remembered, since
    the cue and topic matchers read the same article one after the other."""
    if _last_lowered[0] is not text:
        _last_lowered[:] = [text, text.lower() if _folds_simply(text) else None]
    return _last_lowered[1]


def trie_words(node: dict, prefix: str = "") -> list[str]:
    """The words a trie built by Matcher holds."""
    out = [prefix] if "" in node else []
    for ch, child in node.items():
        if ch:
            out += trie_words(child, prefix + ch)
    return out


# metric nouns Korean writes as the head of a compound ("서비스매출", "모바일매출", "조정영업이익"): matched
# after other Hangul too, where every other word needs a boundary
COMPOUND_HEADS = frozenset({"매출", "매출액", "영업이익", "영업손실"})


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"


def _word_rx(words: list[str], names: bool = False) -> Matcher:
    return Matcher(words, names)


def build(extra_aliases: dict[str, list[str]] | None = None, extra_fiscal: dict[str, int] | None = None,
          extra_fx_bands: list[dict] | None = None) -> Lexicon:
    """The lexicon of the shipped data, with a config's aliases, fiscal calendars and FX bands added."""
    ent = _load("entities.yaml").get("entities") or []
    entities: dict[str, EntityInfo] = {}
    alias_to: dict[str, str] = {}
    seg_cues: dict[str, list[str]] = {}
    seg_of_cue: dict[tuple[str, str], str] = {}

    def add(name: str, aliases: list, parent: str | None, cues: list, aggregate: bool = False,
            division: str | None = None, codes: dict | None = None, index: bool = False) -> None:
        cik, dart = _code((codes or {}).get("cik")), _code((codes or {}).get("dart_corp_code"))
        entities[name] = EntityInfo(name, parent, tuple(cues), aggregate, division, index, cik and cik.lstrip("0"), dart,
                                    (codes or {}).get("headline") == "standalone")
        for a in [name, *aliases]:
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
    for name, aliases in (extra_aliases or {}).items():
        if name not in entities:
            add(name, list(aliases), None, [])
        else:
            for a in aliases:
                alias_to[str(a)] = name
    for k in seg_cues:
        seg_cues[k].sort(key=len, reverse=True)
    met = _load("metrics.yaml")
    metric_cues = [(c, m) for m, spec in (met.get("metrics") or {}).items() for c in (spec.get("cues") or [])]
    seg_data = _load("segments.yaml")
    topics = seg_data.get("segments") or {}
    topic_of = {c: t for t, cues in topics.items() for c in cues}
    # a company that names its fiscal years by the calendar year they start in gets a negative month, so that
    # the numbers it prints ("2025회계연도", "2025E") can be moved to this project's end-year names
    fiscal = {k: int(v["year_end_month"]) * (-1 if v.get("label") == "start" else 1)
              for k, v in (_load("fiscal_calendars.yaml").get("fiscal_calendars") or {}).items()}
    fiscal.update(extra_fiscal or {})
    fx = [*(_load("fx_bands.yaml").get("fx_bands") or []), *(extra_fx_bands or [])]
    return Lexicon(entities, _word_rx(list(alias_to), names=True), alias_to,
                   {key(a): n for a, n in alias_to.items()}, seg_cues, seg_of_cue, metric_cues,
                   _word_rx([c for c, _ in metric_cues]), {key(c): m for c, m in metric_cues},
                   _word_rx(list(topic_of)), {key(c): t for c, t in topic_of.items()}, fiscal, fx,
                   not_segments=frozenset(str(w).lower() for w in seg_data.get("not_segments") or []),
                   regions=tuple(str(w) for w in seg_data.get("regions") or []),
                   bases=frozenset(str(w) for w in seg_data.get("bases") or []))


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


def parent(lex: Lexicon, name: str | None) -> str | None:
    info = lex.entities.get(name) if name else None
    return info.parent if info else None


# a Korean word ending like a verb, an adverb or a case particle is no business line ('증가했으나', '등으로')
NOT_A_NOUN = regex.compile(r"(?:했|하며|하고|했으나|했지만|으나|지만|됐|되며|으로|로서|에서|에선|에서는|에게|에|까지|처럼|보다|대비|대비로는|특히|따라"
                           r"|덕에|인해|때문|다만|결과|하면|해|로는|으로는|증권은?|투자증권|증권사)$"
                           # English fillers glued into an id: 'ex_a' (excluding a ...), 'extended', 'lost'
                           r"|^(?:ex_(?:a|an|the|its)|extended|lost|expected|meta_expected\w*)$", regex.IGNORECASE)


def as_reported(lex: Lexicon, name: str | None, segment: str | None) -> tuple[str | None, str | None]:
    """A division ("Samsung Electronics DS") is reported as its parent with the division's segment id;
    a segment that is a particle, verb or filler word ('대비', '누계', '이번') is dropped."""
    if segment and (segment.lower() in lex.not_segments or NOT_A_NOUN.search(segment)):
        segment = None
    info = lex.entities.get(name) if name else None
    if info and info.division:
        return info.parent, segment or info.division
    return name, segment


def is_aggregate(lex: Lexicon, name: str | None, segment: str | None) -> bool:
    """A cross-segment total (Microsoft Cloud), named as an entity or as its parent's division."""
    info = lex.divisions.get((name, segment)) if name and segment else lex.entities.get(name) if name else None
    return bool(info and info.aggregate)


def topic(lex: Lexicon, text: str) -> str | None:
    """The generic business line (segments.yaml) first named in text, if any."""
    return next((lex.topic_of.get(key(t.group())) for t in lex.topic_rx.finditer(text)), None)


def key(s: str) -> str:
    return "".join(s.split()).lower()
