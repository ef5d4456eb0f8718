"""cadence-mismatch: a monthly figure ×3 against a quarterly one, a quarterly ×4 (or monthly ×12) against an annual one.

Figures share entity, segment and metric and cover overlapping time: a month inside the
quarter, a quarter inside the year, or undated figures read as the article's current year.
A quarter stands for a year only roughly (figures grow within a year), so the comparison
allows `tolerance` either way; a named quarter of a named year is a part of it, never more than
the year, and is not scaled. Both undated in one article, or explicitly nested periods,
both reported: full severity; otherwise one step down.
"""
from __future__ import annotations

from operator import attrgetter

from pydantic import BaseModel, ConfigDict, Field

from ..metric_taxonomy import taxonomy
from ..vocab import Lexicon
from ..models import Claim
from .cadence_figures import Figures
from .common import Draft, Hedged, figure, label, single_place

KIND = "cadence-mismatch"
SCOPE = "key"  # compares figures of one entity (checks/__init__.py: SCOPES)
ALIASES = ("cadence",)  # the kind's earlier name, still accepted in rule files
FLOWS = taxonomy().has("cadence_check")  # flows whose monthly, quarterly and annual levels are compared
PROFITS = taxonomy().profits


class Tolerance(BaseModel):
    """Drift allowed per pair of cadences; a config that names one pair keeps the defaults of the others."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    monthly_quarterly: float = Field(0.10, alias="monthly-quarterly")
    quarterly_annual: float = Field(0.25, alias="quarterly-annual")
    monthly_annual: float = Field(0.3, alias="monthly-annual")

    def of(self, small: str, big: str) -> float:
        return float(getattr(self, f"{small}_{big}"))


class Options(Hedged):
    tolerance: Tolerance = Field(default_factory=Tolerance, description=(
        "relative drift allowed either way, per pair of cadences, once a figure is scaled to the other's "
        "span: figures grow within a year"))


def check(claims: list[Claim], options: Options, lexicon: Lexicon) -> list[Draft]:
    out = []
    for key, cs in _keyed(claims if isinstance(claims, list) else list(claims)).items():
        for members, d in Figures(cs, options.hedge, options.tolerance.of).components():
            if single_place(members) is not None:
                continue  # one sentence does not contradict itself: its spans or lines were lost in typing
            msg = (f"{label(members[0])}: " + _listing(members)
                   + " cannot all hold: scaled to a common span they disagree beyond "
                   + "the allowed drift.")
            out.append(Draft(msg, tuple(members), "|".join(map(str, key)), d,
                             "same entity, segment and metric over overlapping spans"))
    return out


def _keyed(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    """Levels of flows with an entity and a cadence, by (entity, segment, metric, unit), in claim order."""
    out: dict[tuple, list[Claim]] = {}
    # the fields come from attrgetter, in C: this runs over every claim of the run
    fields = map(attrgetter("entity", "segment", "metric", "unit", "cadence", "change", "value"), claims)
    for (ent, seg, metric, unit, cad, change, value), c in zip(fields, claims):
        # a profit swings from quarter to quarter (one-offs, a loss quarter in a profitable year), so four
        # times a quarter says nothing of its year; a loss is never scaled at all
        if ent and metric in FLOWS and cad in ("monthly", "quarterly", "annual") and not change and value >= 0 \
                and not (cad == "annual" and metric in PROFITS):
            k = (ent, seg, metric, unit)
            if k in out:
                out[k].append(c)
            else:
                out[k] = [c]
    return out


SHOWN = 3  # claims listed per distinct figure; the rest are counted


def _listing(members: list[Claim]) -> str:
    """Every claim as "cadence figure", in order; past SHOWN copies of one figure, only a count."""
    seen: dict[tuple, int] = {}
    parts, more = [], 0
    for m in members:
        k = (m.cadence, m.period, m.estimate, m.value, m.low, m.high, m.bound, m.half_width)
        seen[k] = seen.get(k, 0) + 1
        if seen[k] > SHOWN:
            more += 1
        else:
            parts.append(f"{m.cadence} {figure(m)}")
    return ", ".join(parts) + (f" (+{more} more of the same figures)" if more else "")
