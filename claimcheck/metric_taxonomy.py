"""The metric taxonomy of rules/metrics.yaml: each metric id with its family and attributes."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .rules_data import LexiconError, load


FAMILIES = ("flow", "stock", "ratio", "growth", "price", "count", "helper")
_FLAGS = ("dated", "heading_dated", "cadence_check", "pct_vs_pp", "listed", "ownerless", "forecast", "cost_item", "lower_better", "spent",
          "running_span", "per_share")
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
    basis_of: tuple[str, str] | None = None  # a basis and the metric this one is on it (organic, revenue_growth)
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
    lower_better: bool = False  # a cost or loss rate: it "improves" (개선) when it falls
    spent: bool = False  # money spent or lost, never a result: restated per share it is no EPS
    running_span: bool = False  # a cash-flow line, stated year to date: a running span before carries to it
    per_share: bool = False  # said per share: a few dollars or won are its size, not a share's price


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
        self._growth = {i.growth_of: m for m, i in metrics.items() if i.growth_of}
        self._margin = {i.ratio_of[0]: m for m, i in metrics.items() if i.ratio_of and i.ratio_of[1] == "revenue"}
        # profits a loss is stated for, with a margin over revenue, that a story reports as its headline figures (so
        # cadence-checked): a loss per share is no profit of the company's, and a gross or EBITDA loss names its own
        self.profits = frozenset(i.loss_of for i in metrics.values() if i.loss_of and i.loss_of in self._margin
                                 and metrics[i.loss_of].cadence_check)
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
        self._on_basis = {i.basis_of: m for m, i in metrics.items() if i.basis_of}

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

    def margin_of(self, metric: str | None) -> str | None:
        """The rate of an amount over revenue ('ebitda' -> 'ebitda_margin'), if the taxonomy names one."""
        return self._margin.get(metric) if metric else None

    def ratio_of(self, metric: str | None) -> tuple[str, str] | None:
        info = self.info(metric)
        return info.ratio_of if info else None

    def on_basis(self, basis: str, metric: str) -> str | None:
        """The metric of its own that `metric` on `basis` is (organic, revenue_growth -> organic_revenue_growth)."""
        return self._on_basis.get((basis, metric))

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
    known = {"cues", "family", "says", "has_cadence", "ratio_of", "basis_of", *_FLAGS, *_LINKS}
    if unknown := set(spec) - known:
        raise LexiconError(f"rules/metrics.yaml: metric {mid} has unknown keys {sorted(unknown)}")
    if spec.get("family") not in FAMILIES:
        raise LexiconError(f"rules/metrics.yaml: metric {mid} needs a family, one of {', '.join(FAMILIES)}")
    if spec.get("says") not in (None, "change", "estimate"):
        raise LexiconError(f"rules/metrics.yaml: metric {mid}: says is change or estimate, got {spec['says']!r}")
    links = {k: str(spec[k]) if spec.get(k) else None for k in _LINKS}
    ratio, basis = spec.get("ratio_of"), spec.get("basis_of")
    if ratio is not None and not (isinstance(ratio, list) and len(ratio) == 2):
        raise LexiconError(f"rules/metrics.yaml: metric {mid}: ratio_of is [numerator, denominator], got {ratio!r}")
    if basis is not None and not (isinstance(basis, list) and len(basis) == 2):
        raise LexiconError(f"rules/metrics.yaml: metric {mid}: basis_of is [basis, metric], got {basis!r}")
    return MetricInfo(mid, spec["family"], tuple(str(c) for c in spec.get("cues") or ()),
                      growth_of=links["growth_of"], share_of=links["share_of"], loss_of=links["loss_of"],
                      ratio_of=(str(ratio[0]), str(ratio[1])) if ratio else None,
                      basis_of=(str(basis[0]), str(basis[1])) if basis else None,
                      says=spec.get("says"), has_cadence=bool(spec.get("has_cadence", True)),
                      **{f: bool(spec.get(f)) for f in _FLAGS})


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The metric taxonomy of rules/metrics.yaml, loaded once; a config cannot change it."""
    metrics = {str(k): _metric_info(str(k), v) for k, v in (load("metrics.yaml").get("metrics") or {}).items()}
    for mid, info in metrics.items():
        for link in _LINKS:
            target = getattr(info, link)
            if target is not None and target not in metrics:
                raise LexiconError(f"rules/metrics.yaml: metric {mid}: {link} {target} is no metric")
        for target in [*(info.ratio_of or ()), *(info.basis_of or ())[1:]]:
            if target not in metrics and target.removesuffix("_growth") not in metrics:  # (a growth made for a level)
                raise LexiconError(f"rules/metrics.yaml: metric {mid}: {target} (ratio_of or basis_of) is no metric")
    return Taxonomy(metrics)
