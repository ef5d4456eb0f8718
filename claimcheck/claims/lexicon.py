"""Word lists kept as data under rules/: entities, metric and segment cues, fiscal calendars."""
from __future__ import annotations

from dataclasses import dataclass, field
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


DATA_FILES = ("entities.yaml", "metrics.yaml", "segments.yaml", "fiscal_calendars.yaml", "fx_bands.yaml")


class LexiconError(ValueError):
    """A data file under rules/ is malformed."""


@dataclass(frozen=True, slots=True)
class EntityInfo:
    name: str
    parent: str | None
    cues: tuple[str, ...] = ()


@dataclass
class Lexicon:
    entities: dict[str, EntityInfo]
    entity_rx: regex.Pattern
    alias_to: dict[str, str]
    segment_cues: dict[str, list[str]]  # parent -> cues naming its segment entities, longest first
    segment_of_cue: dict[tuple[str, str], str]
    metric_cues: list[tuple[str, str]]  # (cue, metric)
    metric_rx: regex.Pattern
    metric_of: dict[str, str]
    topic_rx: regex.Pattern  # generic segments such as AI, advertising
    topic_of: dict[str, str]
    fiscal: dict[str, int]
    fx_bands: list[dict] = field(default_factory=list)


def rules_dir():
    """The shipped rules/ folder: beside the package in a checkout, package data when installed."""
    here = Path(__file__).resolve().parents[2] / "rules"
    if (here / "entities.yaml").is_file():
        return here
    return resources.files("claimcheck.rules")


def _load(name: str) -> dict:
    text = rules_dir().joinpath(name).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        raise LexiconError(f"rules/{name}: not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"rules/{name}: expected a mapping at the top")
    return data


def _word_rx(words: list[str], names: bool = False) -> regex.Pattern:
    """One alternation, longest first; short Korean names must end at a particle, cue words need not."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        body = regex.escape(w).replace(r"\ ", r"\s?")
        if names and regex.match(r"^[\p{Hangul}\s]+$", w) and len(w) <= 3:
            parts.append(rf"(?<![\p{{Hangul}}]){body}(?={PARTICLES})")
        elif regex.match(r"^[\p{Hangul}\s]+$", w):
            parts.append(rf"(?<![\p{{Hangul}}]){body}")
        else:
            parts.append(rf"(?<![\p{{L}}\p{{N}}]){body}(?![\p{{Latin}}\p{{N}}])")
    return regex.compile("|".join(parts) or r"(?!)")


def build(extra_aliases: dict[str, list[str]] | None = None, extra_fiscal: dict[str, int] | None = None) -> Lexicon:
    ent = _load("entities.yaml").get("entities") or []
    entities: dict[str, EntityInfo] = {}
    alias_to: dict[str, str] = {}
    seg_cues: dict[str, list[str]] = {}
    seg_of_cue: dict[tuple[str, str], str] = {}

    def add(name: str, aliases: list, parent: str | None, cues: list) -> None:
        entities[name] = EntityInfo(name, parent, tuple(cues))
        for a in [name, *aliases]:
            if isinstance(a, (str, int)) and len(str(a)) >= 2:
                alias_to.setdefault(str(a), name)

    for e in ent:
        if not isinstance(e, dict) or "name" not in e:
            raise LexiconError(f"rules/entities.yaml: every entity needs a name, got {e!r}")
        tickers = [str(t) for t in e.get("tickers") or [] if len(str(t)) >= 3 and str(t) not in WORDLIKE_TICKERS]
        add(e["name"], [*(e.get("aliases") or []), *tickers], None, [])
        for s in e.get("segments") or []:
            add(s["name"], s.get("aliases") or [], e["name"], s.get("cues") or [])
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
    topics = _load("segments.yaml").get("segments") or {}
    topic_of = {c: t for t, cues in topics.items() for c in cues}
    fiscal = {k: int(v["year_end_month"]) for k, v in (_load("fiscal_calendars.yaml").get("fiscal_calendars") or {}).items()}
    fiscal.update(extra_fiscal or {})
    fx = _load("fx_bands.yaml").get("fx_bands") or []
    return Lexicon(entities, _word_rx(list(alias_to), names=True), alias_to, seg_cues, seg_of_cue, metric_cues,
                   _word_rx([c for c, _ in metric_cues]), {c.replace(" ", "").lower(): m for c, m in metric_cues},
                   _word_rx(list(topic_of)), {c.replace(" ", "").lower(): t for c, t in topic_of.items()}, fiscal, fx)


@lru_cache(maxsize=1)
def default() -> Lexicon:
    return build()


def parent(lex: Lexicon, name: str | None) -> str | None:
    info = lex.entities.get(name) if name else None
    return info.parent if info else None


def key(s: str) -> str:
    return regex.sub(r"\s+", "", s).lower()
