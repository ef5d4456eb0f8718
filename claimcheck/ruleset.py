"""Rule files (one YAML per rule) to validated RuleSpecs; a bad file is a one-line error."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import ValidationError

from .checks import KINDS
from .claims.lexicon import DATA_FILES, rules_dir
from .files import vet
from .models import RuleSpec, Severity

KEYS = {"id", "kind", "severity", "message", "description", "examples", "options", "enabled"}
SUFFIXES = (".yaml", ".yml")  # both spellings are common; a rule file silently not loaded is a rule off
MAX_RULE_FILE = 1 << 20  # a rule file is a few hundred bytes: anything this large is not one


class RuleError(ValueError):
    """A rule file or rule setting that cannot be used."""


def _options_error(where: str, kind: str, e: ValidationError) -> RuleError:
    valid = ", ".join(sorted(KINDS[kind].options.model_fields))
    err = e.errors()[0]
    key = ".".join(str(x) for x in err["loc"]) or "options"
    if err["type"] == "extra_forbidden":
        return RuleError(f"{where}: unknown option '{key}' for kind '{kind}' (valid: {valid})")
    return RuleError(f"{where}: option '{key}': {err['msg']}")


def parse_rule(data: object, where: str) -> RuleSpec:
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a mapping")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise RuleError(f"{where}: unknown key '{unknown[0]}' (valid: {', '.join(sorted(KEYS))})")
    for k in ("id", "kind", "severity", "message", "description"):
        if not isinstance(data.get(k), str) or not data[k].strip():
            raise RuleError(f"{where}: '{k}' is required and must be text")
    kind = data["kind"]
    if kind not in KINDS:
        raise RuleError(f"{where}: unknown kind '{kind}' (valid: {', '.join(sorted(KINDS))})")
    try:
        sev = Severity(data["severity"])
    except ValueError:
        raise RuleError(f"{where}: severity '{data['severity']}' (valid: error, warning, info)") from None
    opts = data.get("options") or {}
    if not isinstance(opts, dict):
        raise RuleError(f"{where}: 'options' must be a mapping")
    _check_options(where, kind, opts)
    ex = data.get("examples") or {}
    if not isinstance(ex, dict) or set(ex) - {"passing", "failing"}:
        raise RuleError(f"{where}: 'examples' takes 'passing' and 'failing'")
    return RuleSpec(id=data["id"], kind=kind, severity=sev, message=data["message"].strip(),
                    description=data["description"].strip(), passing=str(ex.get("passing", "")).strip(),
                    failing=str(ex.get("failing", "")).strip(), options=opts,
                    enabled=bool(data.get("enabled", True)), source=where)


def load_file(path: Path) -> RuleSpec:
    # a rules folder comes with the repository, so a pull request can plant a FIFO or a link there too
    why = vet(path, path.parent.resolve(), MAX_RULE_FILE)
    if why:
        raise RuleError(f"{path}: not read: {why}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"{path}: cannot read: {e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise RuleError(f"{path}: not valid YAML{at}") from None
    return parse_rule(data, str(path))


def load(extra_dirs: Iterable[Path] = ()) -> list[RuleSpec]:
    """The shipped rules, then the user's; a user rule with a shipped id replaces it."""
    by_id: dict[str, RuleSpec] = {}
    shipped = rules_dir()
    files = sorted((f for f in shipped.iterdir() if f.name.endswith(".yaml") and f.name not in DATA_FILES),
                   key=lambda f: f.name)
    for f in files:
        spec = parse_rule(yaml.safe_load(f.read_text(encoding="utf-8")), f"rules/{f.name}")
        by_id[spec.id] = spec
    user: dict[str, RuleSpec] = {}
    for d in extra_dirs:
        if not d.is_dir():
            raise RuleError(f"{d}: rules folder not found")
        for f in sorted(f for f in d.iterdir() if f.suffix.lower() in SUFFIXES):
            spec = load_file(f)
            if spec.id in user:  # which one wins would depend on file names: refuse to guess
                raise RuleError(f"rule id '{spec.id}' is defined twice: in {user[spec.id].source} and in {f}")
            user[spec.id] = spec
    return list({**by_id, **user}.values())


def apply_config(rules: list[RuleSpec], cfg, where: str) -> list[RuleSpec]:
    """Selection, severities and options from the config, validated like rule files."""
    ids = {r.id for r in rules}
    for field_name, named in (("select", cfg.select or []), ("disable", cfg.disable), ("severity", cfg.severity),
                              ("options", cfg.options)):
        for rid in named:
            if rid not in ids:
                raise RuleError(f"{where}: {field_name}: unknown rule '{rid}' (known: {', '.join(sorted(ids))})")
    out = []
    for r in rules:
        enabled = r.enabled and (cfg.select is None or r.id in cfg.select) and r.id not in cfg.disable
        opts = {**r.options, **cfg.options.get(r.id, {})}
        _check_options(f"{where}: options.{r.id}", r.kind, opts)
        out.append(r.model_copy(update={"enabled": enabled, "options": opts,
                                        "severity": cfg.severity.get(r.id, r.severity)}))
    return out


def _check_options(where: str, kind: str, opts: dict) -> None:
    """Options valid for the kind, with no negative tolerance and only bands that are bands."""
    try:
        KINDS[kind].options.model_validate(opts)
    except ValidationError as e:
        raise _options_error(where, kind, e) from None
    for key, value in opts.items():
        if key != "bands" and _negative(value):
            raise RuleError(f"{where}: option '{key}' must not be negative: a tolerance below zero fails every figure")
    if opts.get("bands"):
        from .config import FxBand, band_problem

        try:
            bands = [FxBand.model_validate(b) for b in opts["bands"]]
        except ValidationError as e:
            raise RuleError(f"{where}: option 'bands': {e.errors()[0]['msg']}") from None
        problem = band_problem(bands, "bands")
        if problem:
            raise RuleError(f"{where}: option {problem}")


def _negative(value: object) -> bool:
    if isinstance(value, dict):
        return any(_negative(v) for v in value.values())
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0
