"""The import direction ARCHITECTURE.md describes, read from every module's source with ast.

Imports inside functions count too: an import put off to run time is still a dependency, and it
is how the old `cache -> runner -> pipeline -> cache` cycle stayed hidden.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "claimcheck"

# The stage of each module, by dotted name below claimcheck ("" is the package itself).
# A module not named here belongs to the application layer (cli, session, config, ...).
BASE = {"", "models", "rule_spec", "summary", "claim_contract", "rules_data", "vocab", "metric_taxonomy", "word_matcher", "calendar",
        "figures", "labels", "filed", "paged"}
STAGES = {"read": {"files", "decoding", "datelines", "date_stamps", "date_forms", "wire_year", "read"}, "engine": {"engine", "partition"}, "pipeline": {"pipeline", "cache", "cache_entry"}}
PACKAGES = {"numbers", "claims", "checks", "report", "ledger"}
# what each stage may import besides itself; the application layer may import anything
ALLOWED = {
    "base": set(),
    "read": {"base"},
    "numbers": {"base"},
    "claims": {"base", "read", "numbers"},
    "checks": {"base"},
    "ledger": {"base"},
    "engine": {"base", "checks"},
    "pipeline": {"base", "read", "numbers", "claims"},
    "report": {"base"},
}


def stage(mod: str) -> str:
    if mod in BASE:
        return "base"
    top = mod.split(".")[0]
    if top in PACKAGES:
        return top
    return next((s for s, mods in STAGES.items() if mod in mods), "app")


def modules() -> dict[str, Path]:
    out = {}
    for f in sorted(PKG.rglob("*.py")):
        parts = list(f.relative_to(PKG).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = f
    return out


MODULES = modules()


def imports(mod: str, path: Path) -> set[str]:
    """Modules of claimcheck that `mod` imports, as dotted names below claimcheck."""
    package = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.split(".")[0] == "claimcheck":
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:  # `from . import vocab` imports a module; `from .models import X` a name
                sub = ".".join([*target, alias.name])
                found.add(sub if sub in MODULES else ".".join(target))
        elif isinstance(node, ast.Import):
            found.update(".".join(a.name.split(".")[1:]) for a in node.names if a.name.split(".")[0] == "claimcheck")
    found.discard(mod)
    return found


GRAPH = {m: imports(m, p) for m, p in MODULES.items()}


def test_the_graph_is_read():
    assert "models" in GRAPH["engine"] and "vocab" in GRAPH["claims.build"]


@pytest.mark.parametrize("mod", sorted(MODULES))
def test_imports_follow_the_stages(mod):
    here = stage(mod)
    if here == "app":
        return
    wrong = sorted(m for m in GRAPH[mod] if stage(m) != here and stage(m) not in ALLOWED[here])
    assert not wrong, f"claimcheck.{mod} ({here}) imports {wrong}, against ARCHITECTURE.md"


def test_no_import_cycles_between_modules():
    seen: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        seen[m] = 1
        path.append(m)
        for n in sorted(GRAPH.get(m, ())):
            if seen.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in seen and (cycle := visit(n)):
                return cycle
        seen[m] = 2
        path.pop()
        return None

    for m in sorted(GRAPH):
        if m not in seen and (cycle := visit(m)):
            pytest.fail("import cycle: " + " -> ".join(cycle))


def test_a_config_never_changes_the_shared_lexicon(tmp_path):
    from claimcheck import session, vocab

    before = list(vocab.default().fx_bands)
    (tmp_path / "claimcheck.toml").write_text(
        'fx_bands = [{ base = "USD", quote = "XYZ", low = 1, high = 2 }]\n', encoding="utf-8")
    s = session.setup(tmp_path / "claimcheck.toml")
    assert {"base": "USD", "quote": "XYZ", "low": 1.0, "high": 2.0}.items() <= s.lex.fx_bands[-1].items()
    assert vocab.default().fx_bands == before and s.lex is not vocab.default()


def test_every_check_format_has_a_reporter():
    from claimcheck.cli_extract import ExtractFormat
    from claimcheck.outputs import CheckFormat
    from claimcheck.report import CLAIMS, FINDINGS

    assert {f.value for f in CheckFormat} == set(FINDINGS)
    assert {f.value for f in ExtractFormat} == set(CLAIMS)
