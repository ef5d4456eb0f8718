"""Issue 13 item 2: a rule is declared once. Its kind is a module that names itself, its options'
defaults and docs live in the module's model, validated once at load and kept on the rule."""
from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimcheck import ruleset
from claimcheck.checks import ALIASES, KINDS, find
from claimcheck.cli import app
from claimcheck.config import Config
from claimcheck.rule_spec import RuleOptions

RULES = Path(__file__).resolve().parents[1] / "rules"
SHIPPED = {r.id: r for r in ruleset.load()}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_module_kind_and_docstring_agree(name: str):
    kind = KINDS[name]
    assert kind.module == name.replace("-", "_")
    assert kind.doc.startswith(f"{name}:"), "the docstring opens with the kind it documents"
    assert issubclass(kind.options, RuleOptions)
    assert list(inspect.signature(kind.check).parameters) == ["claims", "options", "lexicon"]
    # examples live in the rule file only: a second copy in the docstring drifts from it
    assert "Passing:" not in kind.doc and "Failing:" not in kind.doc


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_option_has_a_one_line_doc(name: str):
    for field_name, field in KINDS[name].options.model_fields.items():
        assert field.description and "\n" not in field.description, field_name


def test_each_shipped_rule_runs_the_kind_of_its_name_and_every_kind_has_a_rule():
    assert {r.kind for r in SHIPPED.values()} == set(KINDS)
    for r in SHIPPED.values():
        assert r.kind == r.id


@pytest.mark.parametrize("path", sorted(p.name for p in RULES.glob("*.yaml") if p.stem in SHIPPED))
def test_shipped_rule_files_leave_option_defaults_to_the_model(path: str):
    data = yaml.safe_load((RULES / path).read_text(encoding="utf-8"))
    assert "options" not in data


@pytest.mark.parametrize("old,new", sorted(ALIASES.items()))
def test_earlier_kind_names_still_load(old: str, new: str):
    spec = ruleset.parse_rule({"id": "house", "kind": old, "severity": "error", "message": "m",
                               "description": "d"}, "house.yaml")
    assert spec.kind == new and find(old) is KINDS[new]


def test_options_are_validated_at_load_and_kept_on_the_rule():
    for r in SHIPPED.values():
        assert type(r.options) is KINDS[r.kind].options
    cfg = Config.model_validate({"options": {"cadence-mismatch": {"tolerance": {"monthly-quarterly": 0.2}},
                                             "same-figure-mismatch": {"hedge": 0.1}}})
    rules = {r.id: r for r in ruleset.apply_config(list(SHIPPED.values()), cfg, "claimcheck.toml")}
    tol = rules["cadence-mismatch"].options.tolerance  # type: ignore[attr-defined]
    assert (tol.monthly_quarterly, tol.quarterly_annual) == (0.2, 0.25)  # the pairs not named keep their defaults
    assert rules["same-figure-mismatch"].options.hedge == 0.1  # type: ignore[attr-defined]
    assert rules["derived-growth"].options is SHIPPED["derived-growth"].options


def test_a_rule_file_option_and_the_config_merge():
    spec = ruleset.parse_rule({"id": "house", "kind": "same-figure", "severity": "error", "message": "m",
                               "description": "d", "options": {"hedge": 0.2}}, "house.yaml")
    cfg = Config.model_validate({"options": {"house": {"volatile": []}}})
    (got,) = ruleset.apply_config([spec], cfg, "claimcheck.toml")
    assert got.options.hedge == 0.2 and got.options.volatile == []  # type: ignore[attr-defined]


def test_an_option_of_no_use_to_a_kind_is_refused():
    # implied-fx-rate compares rates, not hedged intervals: a hedge there would be a setting that does nothing
    with pytest.raises(ruleset.RuleError, match="unknown option 'hedge' for kind 'implied-fx-rate'"):
        ruleset.parse_rule({"id": "x", "kind": "implied-fx-rate", "severity": "error", "message": "m",
                            "description": "d", "options": {"hedge": 0.1}}, "x.yaml")


@pytest.mark.parametrize("rule_id", sorted(SHIPPED))
def test_explain_prints_every_option_with_its_value_and_doc(rule_id: str):
    out = CliRunner().invoke(app, ["explain", rule_id])
    assert out.exit_code == 0, out.output
    opts = SHIPPED[rule_id].options
    dumped = opts.model_dump(by_alias=True)
    for name, field in type(opts).model_fields.items():
        assert f"{name}={dumped[name]}: {field.description}" in out.output
