"""Changes to the articles themselves: --fix and --diff for findings that carry a certain fix, and
--add-noqa, which writes a suppression comment for each of today's findings (as ruff adds `# noqa`).

Every change is made on the text the run read, and written back only when the file still holds
exactly that text in UTF-8: an edit made meanwhile, or a CP949 file that re-encoding could alter,
is left alone with a warning rather than rewritten on a guess.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from .models import Article, Edit, Finding

BOM = b"\xef\xbb\xbf"
# a line inside a Markdown table or list: a comment line above it would end the table or split the list,
# so the comment goes at the end of the line, where it is inline HTML and changes nothing shown
INLINE = regex.compile(r"^\s*(?:\||[-*+]\s|\d{1,3}[.)]\s)")


@dataclass(frozen=True)
class Change:
    file: str  # as the report names it
    before: str
    after: str
    count: int  # fixes applied or comments added


def fixes(findings: Iterable[Finding], articles: Sequence[Article]) -> tuple[list[Change], list[str]]:
    """The articles with every certain fix of the live findings applied, and a warning per fix that no
    longer matches the text (the figure is not where the finding says)."""
    edits: dict[str, set[Edit]] = defaultdict(set)
    for f in findings:
        if not f.suppressed:
            for e in f.fix:
                edits[e.file].add(e)
    texts = {a.path: a.text for a in articles}
    changes, warnings = [], []
    for file in sorted(edits):
        lines = texts[file].split("\n") if file in texts else []
        done = 0
        # right to left, so an edit does not move the columns of those still to come on its line
        for e in sorted(edits[file], key=lambda e: (e.line, e.column), reverse=True):
            at = e.column - 1
            if e.line > len(lines) or lines[e.line - 1][at:at + len(e.old)] != e.old:
                warnings.append(f"{file}:{e.line}:{e.column}: not fixed: '{e.old}' is not there")
                continue
            row = lines[e.line - 1]
            lines[e.line - 1] = row[:at] + e.new + row[at + len(e.old):]
            done += 1
        if done:
            changes.append(Change(file, texts[file], "\n".join(lines), done))
    return changes, warnings


def noqa(findings: Iterable[Finding], articles: Sequence[Article]) -> list[Change]:
    """A `<!-- claimcheck: ignore RULE -->` comment for each live finding, on the line above each claim it
    cites (at the end of a table row or list item), one line carrying every rule for that claim's line."""
    want: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for f in findings:
        if not f.suppressed:
            for c in f.claims:
                want[c.file][c.line].add(f.rule)
    texts = {a.path: a.text for a in articles}
    changes = []
    for file in sorted(f for f in want if f in texts):
        lines = texts[file].split("\n")
        count = 0
        for line in sorted(want[file], reverse=True):  # bottom up, so inserted lines move nothing still to come
            row = lines[line - 1]
            cr = "\r" if row.endswith("\r") else ""
            note = " ".join(f"<!-- claimcheck: ignore {rule} -->" for rule in sorted(want[file][line]))
            count += len(want[file][line])
            if INLINE.match(row):
                lines[line - 1] = row[:len(row) - len(cr)].rstrip() + " " + note + cr
            else:
                indent = row[:len(row) - len(row.lstrip())]
                lines.insert(line - 1, indent + note + cr)
        changes.append(Change(file, texts[file], "\n".join(lines), count))
    return changes


def diff(changes: Iterable[Change]) -> str:
    """Unified diffs with a/ and b/ prefixes, so `git apply` or `patch -p1` can take them."""
    out = []
    for ch in changes:
        for row in difflib.unified_diff(ch.before.splitlines(keepends=True), ch.after.splitlines(keepends=True),
                                        f"a/{ch.file}", f"b/{ch.file}"):
            out.append(row if row.endswith("\n") else row + "\n\\ No newline at end of file\n")
    return "".join(out)


def write(changes: Iterable[Change]) -> tuple[list[Change], list[str]]:
    """Write each change whose file still holds its `before` text in UTF-8; the written ones, and a
    warning for each left alone."""
    written, warnings = [], []
    for ch in changes:
        path = Path(ch.file)
        try:
            data = path.read_bytes()
        except OSError as e:
            warnings.append(f"{ch.file}: not changed: {e.strerror or e}")
            continue
        bom = data.startswith(BOM)
        try:
            text = data[len(BOM) if bom else 0:].decode("utf-8")
        except UnicodeDecodeError:
            warnings.append(f"{ch.file}: not changed: not UTF-8 (rewriting it could alter other text)")
            continue
        if text != ch.before:
            warnings.append(f"{ch.file}: not changed: it was edited since it was read")
            continue
        try:
            path.write_bytes((BOM if bom else b"") + ch.after.encode("utf-8"))
        except OSError as e:
            warnings.append(f"{ch.file}: not changed: {e.strerror or e}")
            continue
        written.append(ch)
    return written, warnings
