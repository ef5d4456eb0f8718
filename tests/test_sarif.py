"""SARIF output validates against the 2.1.0 schema and carries locations, levels and fingerprints."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.models import Claim, Finding, Severity
from claimcheck.rule_spec import RuleSpec
from claimcheck.report import sarif

from conftest import SHARED, run_cli

SCHEMA = SHARED / "spec" / "sarif-schema-2.1.0.json"


def claim(file: str, line: int, column: int, text: str, value: float, quote: str) -> Claim:
    return Claim(file=file, line=line, column=column, text=text, entity="Amazon", metric="revenue",
                 value=value, unit="USD", period="2025Q3", quote=quote)


RULES = [
    RuleSpec(id="cross-article_mismatch", kind="cross", severity=Severity.error, message="{a} vs {b}",
             description="Two articles give different figures for the same metric. Check the sources.",
             passing="AWS revenue $33B in both articles.", failing="AWS revenue $33B here, $30B there."),
    RuleSpec(id="share_sum", kind="sum", severity=Severity.info, message="shares add to {total}",
             description="Segment shares should add up to 100%."),
]


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    (tmp_path / "news" / "ko").mkdir(parents=True)
    return tmp_path


def findings(root: Path) -> list[Finding]:
    a = claim(str(root / "news" / "ko" / "아마존.md"), 3, 12, "$1,200억", 120e9, "아마존 매출은 $1,200억이다.")
    b = claim(str(root / "news" / "en.md"), 7, 1, "$110 billion", 110e9, "Amazon revenue was $110 billion.")
    c = claim(str(root / "news" / "other.md"), 2, 5, "$115B", 115e9, "Revenue: $115B")
    return [
        Finding(rule="cross-article_mismatch", severity=Severity.error, message="$120B vs $110B (9% apart).",
                claims=(a, b, c), fingerprint="fp-1", why="same entity, metric and period"),
        Finding(rule="share_sum", severity=Severity.info, message="Shares add to 90%.", claims=(b,),
                fingerprint="fp-2"),
        Finding(rule="unlisted_rule", severity=Severity.warning, message="Odd.", claims=(c,), fingerprint="fp-3",
                suppressed=True),
    ]


def render(root: Path | None, items: list[Finding]) -> dict:
    return json.loads(sarif.render(items, RULES, root=root, version="9.9.9"))


@pytest.mark.shared("spec/sarif-schema-2.1.0.json")
def test_validates_against_schema(tree: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = render(tree, findings(tree))
    jsonschema.Draft4Validator(schema).validate(log)
    # Without a root the document must still be valid.
    jsonschema.Draft4Validator(schema).validate(render(None, findings(tree)))


def test_run_header_and_rules(tree: Path) -> None:
    log = render(tree, findings(tree))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tree.resolve().as_uri() + "/"
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["version"] == "9.9.9"
    assert "informationUri" not in driver
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["cross-article_mismatch", "share_sum", "unlisted_rule"]
    first = rules[0]
    assert first["name"] == "CrossArticleMismatch"
    assert first["shortDescription"]["text"] == "Two articles give different figures for the same metric."
    assert first["fullDescription"]["text"] == RULES[0].description
    assert "Passing: AWS revenue $33B in both articles." in first["help"]["text"]
    assert "Failing: AWS revenue $33B here, $30B there." in first["help"]["text"]
    assert first["defaultConfiguration"]["level"] == "error"
    assert rules[1]["defaultConfiguration"]["level"] == "note"


def test_results(tree: Path) -> None:
    results = render(tree, findings(tree))["runs"][0]["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("cross-article_mismatch", 0, "error"), ("share_sum", 1, "note"), ("unlisted_rule", 2, "warning")]
    assert [r["partialFingerprints"] for r in results] == [
        {"claimcheck/v1": "fp-1"}, {"claimcheck/v1": "fp-2"}, {"claimcheck/v1": "fp-3"}]
    first = results[0]
    assert first["message"]["text"] == "$120B vs $110B (9% apart)."
    (loc,) = first["locations"]
    phys = loc["physicalLocation"]
    assert phys["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    # Relative to the root, `/`-separated, non-ASCII percent-encoded as a URI must be.
    assert phys["artifactLocation"]["uri"] == "news/ko/%EC%95%84%EB%A7%88%EC%A1%B4.md"
    # Columns count code points: `$1,200억` is 7 characters, however many bytes.
    assert phys["region"] == {"startLine": 3, "startColumn": 12, "endColumn": 19, "snippet": {"text": "$1,200억"}}
    related = first["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == ["news/en.md", "news/other.md"]
    assert "$110B" in related[0]["message"]["text"] and "Amazon revenue was $110 billion." in related[0]["message"]["text"]
    assert "relatedLocations" not in results[1]
    assert results[2]["suppressions"][0]["kind"] == "external"
    assert "suppressions" not in results[0]


def test_uris_outside_root_and_without_root(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "x.md"
    f = Finding(rule="share_sum", severity=Severity.warning, message="m", fingerprint="fp",
                claims=(claim(str(elsewhere), 1, 1, "$1", 1, "q"),))
    art = render(tree, [f])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art == {"uri": elsewhere.resolve().as_uri()}
    rel = Finding(rule="share_sum", severity=Severity.warning, message="m", fingerprint="fp",
                  claims=(claim("news\\en.md", 1, 1, "$1", 1, "q"),))
    run = render(None, [rel])["runs"][0]
    assert "originalUriBaseIds" not in run
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "news/en.md"}


def test_deterministic(tree: Path) -> None:
    items = findings(tree)
    text = sarif.render(items, RULES, root=tree)
    assert text == sarif.render(items, RULES, root=tree)
    assert "\"$1,200억\"" in text  # ensure_ascii=False keeps Korean readable
    assert text.startswith('{\n  "$schema"')


# Through the CLI: a finding that carries a certain fix (pct-vs-pp: 7.8% -> 7.8%p) offers it as a SARIF fix.
POINTS = ("---\ndate: 2025-10-31\n---\n# 삼성전자 3분기 실적\n\n"
          "삼성전자의 2025년 3분기 영업이익률은 14.1%로 2분기 6.3%에서 7.8% 상승했다.\n")


def _sarif_of(tmp_path: Path, articles: dict[str, str], code: int = 0) -> dict:
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    res = run_cli("check", ".", "--no-cache", "--format", "sarif", cwd=tmp_path)
    assert res.returncode == code and "Traceback" not in res.stderr, res.stderr  # pct-vs-pp is a warning
    return json.loads(res.stdout)


def _apply(text: str, fix: dict) -> str:
    """A SARIF consumer applying the fix: each deletedRegion (1-based, code points) replaced, right to left."""
    lines = text.split("\n")
    (change,) = fix["artifactChanges"]
    for rep in sorted(change["replacements"], key=lambda r: (r["deletedRegion"]["startLine"],
                                                              r["deletedRegion"]["startColumn"]), reverse=True):
        region = rep["deletedRegion"]
        assert "endLine" not in region
        row = lines[region["startLine"] - 1]
        lines[region["startLine"] - 1] = (row[:region["startColumn"] - 1] + rep["insertedContent"]["text"]
                                          + row[region["endColumn"] - 1:])
    return "\n".join(lines)


def test_a_certain_fix_is_a_sarif_fix_that_does_what_fix_does(tmp_path: Path) -> None:
    log = _sarif_of(tmp_path, {"m.md": POINTS})
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "pct-vs-pp"]
    (fix,) = result["fixes"]
    assert fix["description"]["text"] == "Replace '7.8%' with '7.8%p'"
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "m.md", "uriBaseId": "%SRCROOT%"}
    (rep,) = change["replacements"]
    assert rep["deletedRegion"] == {"startLine": 6, "startColumn": 42, "endColumn": 46}
    assert rep["insertedContent"] == {"text": "7.8%p"}
    # applied as a code-scanning tool would, it changes the article exactly as `check --fix` does
    assert run_cli("check", "m.md", "--no-cache", "--fix", cwd=tmp_path).returncode == 0
    assert _apply(POINTS, fix) == (tmp_path / "m.md").read_text(encoding="utf-8")


def test_a_finding_without_a_certain_fix_or_suppressed_offers_none(tmp_path: Path) -> None:
    a = "---\ndate: 2025-05-02\n---\n삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n"
    b = "---\ndate: 2025-06-10\n---\n삼성전자의 2025년 1분기 매출은 81조원이었다.\n"
    hidden = POINTS.replace("삼성전자의 2025", "<!-- claimcheck: ignore pct-vs-pp -->\n삼성전자의 2025")
    log = _sarif_of(tmp_path, {"a.md": a, "b.md": b, "m.md": hidden}, code=1)
    results = log["runs"][0]["results"]
    assert {(r["ruleId"], "suppressions" in r) for r in results} == {("pct-vs-pp", True), ("same-figure-mismatch", False)}
    assert not any("fixes" in r for r in results)


@pytest.mark.shared("spec/sarif-schema-2.1.0.json")
def test_sarif_with_a_fix_validates(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    log = _sarif_of(tmp_path, {"m.md": POINTS})
    assert any("fixes" in r for r in log["runs"][0]["results"])
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
