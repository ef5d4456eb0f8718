"""Issue 10: config found from the checked paths and shown, rule files that all load, contradictions refused."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

CLEAN = "---\ndate: 2025-05-02\n---\n삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n"
CONFLICT = "---\ndate: 2025-06-10\n---\n삼성전자의 2025년 1분기 매출은 81조원이었다.\n"
RULE = "id: {id}\nkind: same-figure\nseverity: {sev}\nmessage: m\ndescription: d\n"


@pytest.fixture()
def newsroom(tmp_path: Path) -> Path:
    """A repo whose articles contradict each other, with the settings at its top and no config above."""
    arts = tmp_path / "repo" / "articles"
    arts.mkdir(parents=True)
    (arts / "a.md").write_text(CLEAN, encoding="utf-8")
    (arts / "b.md").write_text(CONFLICT, encoding="utf-8")
    return tmp_path / "repo"


def test_malformed_pyproject_is_exit_two_naming_file_and_error(newsroom: Path):
    (newsroom / "pyproject.toml").write_text('[tool.claimcheck]\ndisable = ["same-figure-mismatch"\n', encoding="utf-8")
    res = run_cli("check", "articles", "--no-cache", cwd=newsroom)
    assert res.returncode == 2, res.stdout
    (line,) = res.stderr.splitlines()
    assert "pyproject.toml" in line and "not valid TOML: Unclosed array" in line


def test_config_is_found_from_the_checked_paths_not_the_cwd(newsroom: Path, tmp_path: Path):
    (newsroom / "pyproject.toml").write_text('[tool.claimcheck]\ndisable = ["same-figure-mismatch"]\n',
                                             encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # the same articles get the same settings wherever the command is typed
    assert run_cli("check", str(newsroom / "articles"), "--no-cache", cwd=elsewhere).returncode == 0
    assert run_cli("check", "articles", "--no-cache", cwd=newsroom).returncode == 0
    assert run_cli("check", "a.md", "b.md", "--no-cache", cwd=newsroom / "articles").returncode == 0
    res = run_cli("check", str(newsroom / "articles"), "--show-settings", cwd=elsewhere)
    assert res.returncode == 0
    assert res.stdout.splitlines()[0] == f"# settings from: {newsroom / 'pyproject.toml'}"
    assert 'disable = ["same-figure-mismatch"]' in res.stdout and "max_file_mb = 32.0" in res.stdout


def test_show_settings_without_a_config_says_defaults(newsroom: Path):
    res = run_cli("check", "articles", "--show-settings", cwd=newsroom)
    assert res.returncode == 0 and "no config file found (defaults)" in res.stdout


def test_show_files_lists_what_would_be_checked_and_exits_zero(newsroom: Path):
    (newsroom / "articles" / "drafts").mkdir()
    (newsroom / "articles" / "drafts" / "c.md").write_text(CONFLICT, encoding="utf-8")
    (newsroom / "claimcheck.toml").write_text('exclude = ["*/drafts/*"]\n', encoding="utf-8")
    res = run_cli("check", "articles", "--show-files", cwd=newsroom)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == ["articles/a.md", "articles/b.md"]


@pytest.mark.parametrize("toml,needle", [
    ('fx_bands = [{ base = "USD", quote = "KRW", low = 1500, high = 1100 }]', "low 1500 and high 1100"),
    ('fx_bands = [{ base = "USD", quote = "USD", low = 1, high = 1 }]', "same currency"),
    ('fx_bands = [{ base = "USD", quote = "KRW", low = 1000, high = 1500 },'
     ' { base = "USD", quote = "KRW", low = 1200, high = 1600 }]', "already has a band"),
    ('select = ["same-figure-mismatch"]\ndisable = ["same-figure-mismatch"]', "both in 'select' and in 'disable'"),
    ('fiscal_calendars = { "Nvidia" = 0 }', "fiscal_calendars.Nvidia"),
    ('aliases = { "Samsung Electronics" = ["삼전"], "SK hynix" = ["삼전"] }', "'삼전' is given for both"),
    ("include = []", "'include' is empty"),
    ("options = { same-figure-mismatch = { hedge = -0.1 } }", "'hedge' must not be negative"),
    ('options = { implied-fx-rate = { bands = [{ base = "USD", quote = "KRW", low = 9, high = 1 }] } }',
     "low 9 and high 1"),
])
def test_contradictory_settings_are_exit_two(newsroom: Path, toml: str, needle: str):
    (newsroom / "claimcheck.toml").write_text(toml + "\n", encoding="utf-8")
    res = run_cli("check", "articles", "--no-cache", cwd=newsroom)
    assert res.returncode == 2, res.stdout + res.stderr
    (line,) = res.stderr.splitlines()
    assert needle in line and "claimcheck.toml" in line and "Traceback" not in line


def test_yml_rule_files_load(newsroom: Path):
    (newsroom / "house").mkdir()
    (newsroom / "house" / "house-figure.yml").write_text(RULE.format(id="house-figure", sev="warning"),
                                                         encoding="utf-8")
    (newsroom / "claimcheck.toml").write_text('rules_dirs = ["house"]\n', encoding="utf-8")
    res = run_cli("rules", cwd=newsroom)
    assert "house-figure" in res.stdout
    res = run_cli("check", "articles", "--no-cache", cwd=newsroom)
    assert "[house-figure]" in res.stdout


def test_two_rule_files_with_one_id_name_both(newsroom: Path):
    (newsroom / "house").mkdir()
    (newsroom / "house" / "one.yaml").write_text(RULE.format(id="house-figure", sev="error"), encoding="utf-8")
    (newsroom / "house" / "two.yml").write_text(RULE.format(id="house-figure", sev="info"), encoding="utf-8")
    (newsroom / "claimcheck.toml").write_text('rules_dirs = ["house"]\n', encoding="utf-8")
    res = run_cli("check", "articles", "--no-cache", cwd=newsroom)
    assert res.returncode == 2
    (line,) = res.stderr.splitlines()
    assert "house-figure" in line and "one.yaml" in line and "two.yml" in line
