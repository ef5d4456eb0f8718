"""What the ledger readers share: the error they raise, how a span of dates is named as a period of the
company's fiscal calendar, and the concept maps of rules/ledger_concepts.yaml."""
from __future__ import annotations

import calendar as stdcal
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .. import calendar as CAL
from .. import vocab as L
from ..metric_taxonomy import taxonomy
from ..rules_data import LexiconError, rules_dir


class LedgerError(ValueError):
    """A ledger file that cannot be used; the message names the file and the problem, on one line."""


# A 52/53-week year or quarter ends up to a week into the next month (Broadcom's "October" year can end
# on November 3): the month a span ends in is the month a week before its last day.
SLIP = dt.timedelta(days=7)
QUARTER_DAYS = (80, 100)  # 13 weeks give 91 days, 14 weeks 98
YEAR_DAYS = (350, 380)


def year_name(fy: int, fy_end: int) -> str:
    """2024 for a calendar year, FY2025 for a fiscal year named by the calendar year it ends in."""
    return str(fy) if fy_end == 12 else f"FY{fy}"


def quarter_name(fy: int, q: int, fy_end: int) -> str:
    return f"{year_name(fy, fy_end)}Q{q}"


def fiscal_quarter_of(end: dt.date, fy_end: int) -> tuple[int, int] | None:
    """(fiscal year, quarter) whose last month is the one `end` falls in, or None if it ends no quarter."""
    nominal = end - SLIP
    months = (nominal.month - fy_end) % 12 or 12
    if months % 3:
        return None
    return nominal.year + (1 if nominal.month > fy_end else 0), months // 3


def name_span(start: dt.date, end: dt.date, fy_end: int) -> tuple[str, str, str | None] | None:
    """(period, cadence, through) of a filed span, named from its dates (never from the filing's own labels):
    about 91 days is a quarter, about 365 a year, a span from the fiscal year's start to a later quarter's end
    is the year to date through that quarter. None for anything else (a stub period after an acquisition)."""
    at = fiscal_quarter_of(end, fy_end)
    if at is None:
        return None
    fy, q = at
    days = (end - start).days + 1
    if QUARTER_DAYS[0] <= days <= QUARTER_DAYS[1]:
        return quarter_name(fy, q, fy_end), "quarterly", None
    if YEAR_DAYS[0] <= days <= YEAR_DAYS[1]:
        return (year_name(fy, fy_end), "annual", None) if q == 4 else None
    if q in (2, 3) and round(days / 30.44) == 3 * q:
        return year_name(fy, fy_end), "ytd", quarter_name(fy, q, fy_end)
    return None


def quarter_dates(fy: int, q: int, fy_end: int, months: int) -> tuple[dt.date, dt.date]:
    """First and last day of the `months` months that end with fiscal quarter q (for reports that give no dates)."""
    y, m = CAL.fiscal_quarter(fy, q, fy_end)
    end = dt.date(y, m, stdcal.monthrange(y, m)[1])
    first = (y * 12 + m - 1) - (months - 1)
    return dt.date(first // 12, first % 12 + 1, 1), end


def fiscal_year_end(lex: L.Lexicon, entity: str, seen: list[int] | None = None) -> int:
    """The month the entity's fiscal year ends in: its calendar in rules/fiscal_calendars.yaml (or the config),
    else the month most of its filed years end in, else December."""
    month = lex.fiscal.get(entity)
    if month:
        return abs(month)  # a negative month marks start-year labels; periods here are named by the end year
    if seen:
        return max(set(seen), key=seen.count)
    return 12


def entity_named(lex: L.Lexicon, name: str) -> str | None:
    """The canonical entity for a name or alias as a filing or a newsroom table writes it."""
    if name in lex.entities:
        return name
    return lex.alias_to.get(name) or lex.alias_key.get(L.key(name))


def amount(text: object) -> float | None:
    """An amount as filings print it: '-1,234' is -1234; '-' or empty is missing. Raises ValueError otherwise."""
    if text is None or isinstance(text, bool):
        return None if text is None else _bad(text)
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip().replace(",", "")
    if s in ("", "-"):
        return None
    return float(s)


def _bad(text: object) -> float:
    raise ValueError(f"not an amount: {text!r}")


@dataclass(frozen=True)
class Concepts:
    sec: dict[str, tuple[str, ...]]
    dart: dict[str, tuple[str, ...]]
    dart_absolute: frozenset[str]


@lru_cache(maxsize=1)
def concepts() -> Concepts:
    """rules/ledger_concepts.yaml: per metric, the concepts (SEC) and accounts (DART) it is filed under, in priority order."""
    try:
        data = yaml.safe_load(rules_dir().joinpath("ledger_concepts.yaml").read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise LexiconError(f"rules/ledger_concepts.yaml: not valid YAML: {e}") from None
    tax = taxonomy()
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for part in ("sec", "dart"):
        table = data.get(part) or {}
        for metric, names in table.items():
            if metric not in tax or not isinstance(names, list):
                raise LexiconError(f"rules/ledger_concepts.yaml: {part}.{metric}: a metric id with a list of names")
        out[part] = {str(m): tuple(str(n) for n in names) for m, names in table.items()}
    return Concepts(out["sec"], out["dart"], frozenset(str(m) for m in data.get("dart_absolute") or ()))
