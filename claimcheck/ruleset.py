"""Rule files (one YAML per rule) to validated RuleSpecs; a bad file is a one-line error."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .checks import KINDS, Kind
from .checks import find as find_kind
from .rules_data import DATA_FILES, SAFE_LOADER, rules_dir
from .files import vet
from .rule_spec import Example, RuleOptions, RuleSpec
from .models import Severity

KEYS = {"id", "kind", "severity", "message", "description", "examples", "options", "enabled"}
SUFFIXES = (".yaml", ".yml")  # both spellings are common; a rule file silently not loaded is a rule off
MAX_RULE_FILE = 1 << 20  # a rule file is a few hundred bytes: anything this large is not one


class RuleError(ValueError):
    """A rule file or rule setting that cannot be used."""


def _keys(model: type[BaseModel]) -> list[str]:
    return sorted(f.alias or name for name, f in model.model_fields.items())


def _options_error(where: str, kind: Kind, e: ValidationError) -> RuleError:
    err = e.errors()[0]
    loc = [str(x) for x in err["loc"]]
    key = ".".join(loc) or "options"
    if err["type"] == "extra_forbidden":
        model: type[BaseModel] = kind.options
        for part in loc[:-1]:  # a nested option (cadence's tolerance) lists its own keys
            field = next((f for n, f in model.model_fields.items() if part in (n, f.alias)), None)
            ann = field.annotation if field else None
            if not (isinstance(ann, type) and issubclass(ann, BaseModel)):
                break
            model = ann
        return RuleError(f"{where}: unknown option '{key}' for kind '{kind.name}' (valid: {', '.join(_keys(model))})")
    return RuleError(f"{where}: option '{key}': {err['msg']}")


def _examples(ex: object, where: str) -> tuple[str, str, dict[str, Example]]:
    """The one-line passing and failing examples, and those given as runnable articles.

    An example is one line of text, or a mapping: `summary` (the line), `articles` (file name ->
    text), `ledger` (filed figures as ledger@1 records, for a rule that checks claims against them) and,
    for a failing one, `lines` (the file:line its finding cites).
    """
    if not isinstance(ex, dict) or set(ex) - {"passing", "failing"}:
        raise RuleError(f"{where}: 'examples' takes 'passing' and 'failing'")
    lines = {"passing": "", "failing": ""}
    runnable: dict[str, Example] = {}
    for which, v in ex.items():
        if v is None or isinstance(v, str):
            lines[which] = (v or "").strip()
            continue
        if not isinstance(v, dict) or set(v) - {"summary", "articles", "lines", "ledger"}:
            raise RuleError(f"{where}: examples.{which} is a line of text or takes 'summary', 'articles', 'ledger' and 'lines'")
        try:
            got = Example.model_validate({k: v[k] for k in ("articles", "lines", "ledger") if k in v})
        except ValidationError as e:
            err = e.errors()[0]
            raise RuleError(f"{where}: examples.{which}.{'.'.join(map(str, err['loc']))}: {err['msg']}") from None
        named = set(got.articles)
        for cited in got.lines:
            if cited.rpartition(":")[0] not in named:
                raise RuleError(f"{where}: examples.{which}.lines: '{cited}' is not file:line of one of its articles")
        lines[which] = str(v.get("summary") or "").strip()
        runnable[which] = got
    return lines["passing"], lines["failing"], runnable


def parse_rule(data: object, where: str) -> RuleSpec:
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a mapping")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise RuleError(f"{where}: unknown key '{unknown[0]}' (valid: {', '.join(sorted(KEYS))})")
    for k in ("id", "kind", "severity", "message", "description"):
        if not isinstance(data.get(k), str) or not data[k].strip():
            raise RuleError(f"{where}: '{k}' is required and must be text")
    kind = find_kind(data["kind"])
    if kind is None:
        raise RuleError(f"{where}: unknown kind '{data['kind']}' (valid: {', '.join(sorted(KINDS))})")
    try:
        sev = Severity(data["severity"])
    except ValueError:
        raise RuleError(f"{where}: severity '{data['severity']}' (valid: error, warning, info)") from None
    opts = data.get("options") or {}
    if not isinstance(opts, dict):
        raise RuleError(f"{where}: 'options' must be a mapping")
    passing, failing, runnable = _examples(data.get("examples") or {}, where)
    return RuleSpec(id=data["id"], kind=kind.name, severity=sev, message=data["message"].strip(),
                    description=data["description"].strip(), passing=passing, failing=failing, examples=runnable,
                    options=_options(where, kind, opts), enabled=bool(data.get("enabled", True)), source=where)


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
        spec = parse_rule(yaml.load(f.read_text(encoding="utf-8"), Loader=SAFE_LOADER), f"rules/{f.name}")
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
        opts = r.options
        if r.id in cfg.options:  # the config's options over the rule file's, validated as one
            kind = KINDS[r.kind]
            given = {**r.options.model_dump(exclude_unset=True, by_alias=True), **cfg.options[r.id]}
            opts = _options(f"{where}: options.{r.id}", kind, given)
        out.append(r.model_copy(update={"enabled": enabled, "options": opts,
                                        "severity": cfg.severity.get(r.id, r.severity)}))
    return out


def _options(where: str, kind: Kind, opts: dict) -> RuleOptions:
    """Options valid for the kind, with no negative tolerance and only bands that are bands: validated
    here, once, and kept on the rule for the engine and `explain`."""
    try:
        valid = kind.options.model_validate(opts)
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
    return valid


def _negative(value: object) -> bool:
    if isinstance(value, dict):
        return any(_negative(v) for v in value.values())
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0
