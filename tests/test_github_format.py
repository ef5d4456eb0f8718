"""GitHub Actions annotations: levels, escaping and naming the other sources."""
from __future__ import annotations

from claimcheck.models import Claim, Finding, Severity
from claimcheck.report import github


def claim(file: str, line: int, column: int, text: str) -> Claim:
    return Claim(file=file, line=line, column=column, text=text, entity="AWS", metric="revenue",
                 value=1.0, unit="USD", quote="q")


def finding(severity: Severity, *claims: Claim, message: str = "Figures differ.", rule: str = "mismatch") -> Finding:
    return Finding(rule=rule, severity=severity, message=message, claims=claims, fingerprint="fp")


def test_levels_and_location() -> None:
    c = claim("news/a.md", 4, 9, "$33B")
    lines = github.render([finding(Severity.error, c), finding(Severity.warning, c), finding(Severity.info, c)])
    assert lines.splitlines() == [
        "::error file=news/a.md,line=4,col=9,title=mismatch::Figures differ.",
        "::warning file=news/a.md,line=4,col=9,title=mismatch::Figures differ.",
        "::notice file=news/a.md,line=4,col=9,title=mismatch::Figures differ.",
    ]
    assert lines.endswith("\n")
    assert github.render([]) == ""


def test_other_sources_named() -> None:
    f = finding(Severity.error, claim("a.md", 1, 2, "$33B"), claim("b.md", 5, 6, "$30B"), claim("c.md", 7, 8, "$31B"))
    out = github.render([f])
    assert out == "::error file=a.md,line=1,col=2,title=mismatch::Figures differ. Also: b.md:5 ($30B); c.md:7 ($31B)\n"


def test_escaping() -> None:
    f = finding(Severity.warning, claim("dir,x/a:b.md", 1, 1, "50%"), message="Up 50%\r\nthen: down, a lot",
                rule="rule:one,two")
    out = github.render([f])
    assert out == ("::warning file=dir%2Cx/a%3Ab.md,line=1,col=1,title=rule%3Aone%2Ctwo"
                   "::Up 50%25%0D%0Athen: down, a lot\n")
    # One annotation is one line, whatever the message holds.
    assert out.count("\n") == 1


def test_percent_escaped_before_others() -> None:
    assert github.escape_data("%0A") == "%250A"
    assert github.escape_property("a%:b") == "a%25%3Ab"


def test_finding_without_claims() -> None:
    assert github.render([finding(Severity.info)]) == "::notice title=mismatch::Figures differ.\n"
