"""Where a check's report goes and how it looks: -f/-o, `--output FORMAT:PATH` (repeatable), --color,
--quiet, --statistics, and the width of a terminal (none at all for a pipe or a file)."""
from __future__ import annotations

import codecs
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from .models import Finding
from .rule_spec import RuleSpec
from .summary import Summary
from .report import FINDINGS, STATISTICS, Look


class CheckFormat(str, Enum):
    text = "text"
    concise = "concise"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    html = "html"


class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class OutputError(ValueError):
    """Outputs that cannot all be written as asked (one-line message)."""


@dataclass(frozen=True)
class Output:
    format: CheckFormat
    path: Path | None  # None: standard output


def plan(fmt: CheckFormat, specs: Sequence[str], statistics: bool = False) -> list[Output]:
    """The outputs of one run. `-o PATH` takes standard output's place in --format, as it always did;
    `FORMAT:PATH` adds an output, so `--output sarif:x.sarif` keeps the text report on the terminal;
    `FORMAT:-` is standard output in that format. A PATH whose prefix names no format is a plain path."""
    outs: list[Output] = []
    stdout_taken = False
    for spec in specs:
        name, sep, rest = spec.partition(":")
        if sep and rest and name in CheckFormat.__members__:
            out = Output(CheckFormat(name), None if rest == "-" else Path(rest))
        else:
            out = Output(fmt, None if spec == "-" else Path(spec))
            stdout_taken = True
        stdout_taken = stdout_taken or out.path is None
        outs.append(out)
    if not stdout_taken:
        outs.insert(0, Output(fmt, None))
    seen: set[str] = set()
    for o in outs:
        key = "standard output" if o.path is None else str(o.path.resolve())
        if key in seen:
            raise OutputError(f"two reports would be written to {o.path or key}")
        seen.add(key)
    odd = next((o.format.value for o in outs if statistics and o.format.value not in STATISTICS), None)
    if odd:
        raise OutputError(f"--statistics counts findings per rule in a {', '.join(STATISTICS[:-1])} or {STATISTICS[-1]} "
                          f"report, not {odd}: use one of those or drop --statistics")
    return outs


def terminal(path: Path | None) -> bool:
    return path is None and sys.stdout.isatty()


def look(out: Output, color: ColorMode = ColorMode.auto, quiet: bool = False, statistics: bool = False) -> Look:
    """Colour only on standard output: `always` outranks NO_COLOR (an explicit flag beats the
    environment), `auto` colours a terminal unless NO_COLOR is set. A terminal's width wraps the
    text; a pipe or a file gets unwrapped lines that a tool or a wider window can read whole."""
    tty = terminal(out.path)
    on = out.path is None and (color == ColorMode.always or (color == ColorMode.auto and tty and "NO_COLOR" not in os.environ))
    return Look(color=on, width=shutil.get_terminal_size().columns if tty else None, quiet=quiet, statistics=statistics,
                folder=out.path.parent if out.path else None)


def stream(out: Output, findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], how: Look) -> Iterator[str]:
    """One output's report in pieces; at archive scale it is too big to hold whole."""
    return FINDINGS[out.format.value](findings, summary, rules, how)


def emit(pieces: str | Iterable[str], path: Path | None) -> None:
    """Write text, given whole or in pieces, to standard output or FILE, each piece as it comes."""
    if isinstance(pieces, str):
        pieces = [pieces]
    if path is None:
        for piece in pieces:
            sys.stdout.write(piece)
        return
    write(pieces, path)


class WriteError(Exception):
    """The report could not be written; the message is the system's reason (OSError.strerror)."""


def write(pieces: Iterable[str], output: Path) -> None:
    """As Path.write_text(text, encoding="utf-8") did with the pieces joined, but a piece at a time.

    Only opening, writing and closing FILE raise WriteError: an error in a reporter producing
    the pieces is its own, and propagates as it is.
    """
    try:
        fh = output.open("wb")
    except OSError as e:
        raise WriteError(e.strerror) from e
    encode = codecs.getincrementalencoder("utf-8")().encode
    try:
        for piece in pieces:
            _write(fh, encode(piece))
        _write(fh, encode("", final=True))
    finally:
        try:
            fh.close()  # flushes the buffered tail, which can fail as any write can
        except OSError as e:
            raise WriteError(e.strerror) from e


def _write(fh: BinaryIO, data: bytes) -> None:
    try:
        fh.write(data)
    except OSError as e:
        raise WriteError(e.strerror) from e
