"""The fixed set of check kinds a rule file may name, each with its options model."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..claims.lexicon import Lexicon
from ..models import Claim
from . import arithmetic, cadence, fx, growth, pct_vs_pp, price_target, same_figure, scale_slip, totals
from .common import Draft, Options


@dataclass(frozen=True)
class Kind:
    options: type[Options]
    run: Callable[[list[Claim], Options, Lexicon], list[Draft]]
    doc: str


def _plain(fn):
    return lambda claims, o, lex: fn(claims, o)


KINDS: dict[str, Kind] = {
    "same-figure": Kind(same_figure.SameFigureOptions, _plain(same_figure.check), same_figure.__doc__ or ""),
    "cadence": Kind(cadence.CadenceOptions, _plain(cadence.check), cadence.__doc__ or ""),
    "growth": Kind(growth.GrowthOptions, _plain(growth.check), growth.__doc__ or ""),
    "arithmetic": Kind(arithmetic.ArithmeticOptions, arithmetic.check, arithmetic.__doc__ or ""),
    "totals": Kind(totals.TotalsOptions, totals.check, totals.__doc__ or ""),
    "price-target": Kind(price_target.PriceTargetOptions, _plain(price_target.check), price_target.__doc__ or ""),
    "fx-rate": Kind(fx.FxOptions, fx.check, fx.__doc__ or ""),
    "scale-slip": Kind(scale_slip.ScaleSlipOptions, _plain(scale_slip.check), scale_slip.__doc__ or ""),
    "pct-vs-pp": Kind(pct_vs_pp.PctVsPpOptions, _plain(pct_vs_pp.check), pct_vs_pp.__doc__ or ""),
}

__all__ = ["KINDS", "Kind", "Draft", "Options"]
