"""Findings as GitHub Actions workflow commands, which GitHub shows as annotations on the diff."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..models import Claim, Finding, Severity

COMMAND = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(text: str) -> str:
    # `%` first, or the escapes introduced below would themselves be re-escaped.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    # `:` and `,` delimit properties, so a file name containing them would split the command.
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _where(c: Claim) -> str:
    return f"{c.file}:{c.line} ({c.text})"


def line(f: Finding) -> str:
    """One `::level file=..,line=..,col=..,title=..::message` command for a finding."""
    props: list[tuple[str, str]] = []
    if f.claims:
        first = f.claims[0]
        props += [("file", first.file.replace("\\", "/")), ("line", str(first.line)), ("col", str(first.column))]
    props.append(("title", f.rule))
    message = f.message
    if len(f.claims) > 1:
        # An annotation sits on one line only, so the other sources must be named in its text.
        message += " Also: " + "; ".join(_where(c) for c in f.claims[1:])
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMAND[f.severity]} {head}::{escape_data(message)}"


def render(findings: Sequence[Finding]) -> str:
    """One workflow command per finding, newline-terminated; empty text when there are none."""
    return "".join(stream(findings))


def stream(findings: Iterable[Finding], piece: int = 1 << 16) -> Iterator[str]:
    """render() in pieces of about `piece` characters (none at all when there are no findings)."""
    parts, size = [], 0
    for f in findings:
        parts.append(line(f) + "\n")
        size += len(parts[-1])
        if size >= piece:
            yield "".join(parts)
            parts, size = [], 0
    if parts:
        yield "".join(parts)
