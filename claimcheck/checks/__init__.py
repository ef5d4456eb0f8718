"""The check kinds a rule file may name, found from the modules of this package.

Each module here other than the shared pieces (`common`, `filings` for the ledger check, and the parts
a long kind keeps beside it under its own name: `same_figure_graph`, `same_figure_keys`,
`cadence_figures`) is one kind and declares it once: `KIND` (its name, the module's name with
dashes), `Options` (a pydantic model whose fields carry each option's default and one-line doc),
`check(claims, options, lexicon)` and a docstring saying how the check works. `ALIASES` lists
earlier names of the kind that rule files may still use. Adding a kind is adding a module: nothing
else lists them. A check that needs the filed figures reads them from the run's claims
(`common.ledger_of`), not from another argument.

`SCOPE` says what a kind compares, so a partitioned run (`claimcheck.partition`: the store and the
Dask engine) can split the work: "article" (claims of one article only), "key" (claims of one entity
family, as `partition.key` names it; claims with no entity are never compared) or "corpus" (the whole
run; `relevant(claims)` may pick, from one article's claims, those the check reads). A kind doing
several of these names a function per scope in `PARTS`. A kind declaring nothing is "corpus".
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from ..rule_spec import RuleOptions
from .common import Draft


@dataclass(frozen=True)
class Kind:
    name: str
    options: type[RuleOptions]
    # check(claims, options, lexicon) -> drafts; the options are this kind's own model
    check: Callable[..., list[Draft]]
    doc: str
    module: str
    aliases: tuple[str, ...] = ()
    parts: tuple[tuple[str, Callable[..., list[Draft]]], ...] = ()  # (scope, check) for a partitioned run
    relevant: Callable[[list], list] | None = None  # a corpus-scope kind: the claims of one article it reads


def _discover() -> dict[str, Kind]:
    kinds: dict[str, Kind] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        mod = importlib.import_module(f"{__name__}.{info.name}")
        name = getattr(mod, "KIND", None)
        if name is None:  # common, filings, a kind's parts: shared pieces, not a kind
            continue
        kinds[name] = Kind(name=name, options=mod.Options, check=mod.check, doc=(mod.__doc__ or "").strip(),
                           module=info.name, aliases=tuple(getattr(mod, "ALIASES", ())),
                           parts=tuple(getattr(mod, "PARTS", {getattr(mod, "SCOPE", "corpus"): mod.check}).items()),
                           relevant=getattr(mod, "relevant", None))
    return kinds


KINDS: dict[str, Kind] = _discover()
ALIASES: dict[str, str] = {old: k.name for k in KINDS.values() for old in k.aliases}


def find(name: str) -> Kind | None:
    """The kind a rule file names, by its name or an earlier one."""
    return KINDS.get(ALIASES.get(name, name))


SCOPES = ("article", "key", "corpus")

__all__ = ["ALIASES", "KINDS", "SCOPES", "Kind", "Draft", "find"]
