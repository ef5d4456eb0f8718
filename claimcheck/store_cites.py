"""`check --store`'s findings by reference: a finding keeps what it says and, for each claim it cites, the
claim's reference in the store (`store.ref`: its article's place in the run and its own in the article),
so no claim outlives the piece of the run (an article, a key) that read it. At 10,000 bench articles the
findings cite 464,461 distinct claims of 733,906: kept whole, they held more memory than half the
in-memory run's peak. `finish` does to these findings what engine.finish does to whole ones (merge the
repeats, match the suppression comments, sort), and the report reads the cited claims back (store_paged.py).
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter

from . import builtin, engine
from .models import Claim, Finding
from .rule_spec import RuleSpec
from .summary import LedgerTally


@dataclass(slots=True)
class Lean:
    head: Finding  # the finding without its claims
    refs: array = field(default_factory=partial(array, "q"))  # each cited claim's reference, in the finding's order
    line: int = 0  # the first claim's line: the report's order goes by it


@dataclass
class Citing:
    """What the article pass notes of the claims for `finish`: each article's file, the line of each claim of
    an article with a suppression comment, and a claim equal by value to an earlier one of its article (two
    references, one claim to engine.finish, which compares claims by value when it merges findings)."""

    files: list[str]  # article -> its file (read before the passes: a string kept from each piece of a pass,
    # among that piece's claims, kept most of their memory from the OS after them)
    marked: set[str]  # the files with a suppression comment
    lines: dict[int, int] = field(default_factory=dict)  # reference -> line, in the marked files
    same: dict[int, int] = field(default_factory=dict)  # reference -> the first reference equal to it

    def note(self, refs: Sequence[int], claims: list[Claim]) -> None:
        """One article's claims."""
        if not claims:
            return
        if claims[0].file in self.marked:
            self.lines.update(zip(refs, (c.line for c in claims)))
        seen: dict[tuple, list[tuple[int, Claim]]] = {}
        for r, c in zip(refs, claims):  # equal claims stand at one place with one text: only those are compared
            alike = seen.setdefault((c.line, c.column, c.text), [])
            twin = next((t for t, o in alike if o == c), None)
            if twin is None:
                alike.append((r, c))
            else:
                self.same[r] = twin

    def lean(self, f: Finding, where: dict[int, int]) -> Lean:
        """A finding of a piece of the run; `where`: id of each claim of the piece -> its reference."""
        if not f.claims:
            return Lean(f)
        return Lean(f.model_copy(update={"claims": ()}), array("q", [where[id(c)] for c in f.claims]), f.claims[0].line)

    def place(self, f: Lean) -> tuple[str, int]:
        return (self.files[f.refs[0] >> 32], f.line) if f.refs else ("", 0)

    def places(self, refs: Iterable[int]) -> list[tuple[str, int]]:
        """(file, line) of the claims of these references in the marked files."""
        files, marked = self.files, self.marked
        return [(files[r >> 32], self.lines[r]) for r in refs if files[r >> 32] in marked]


@dataclass
class Finished:
    findings: list[Lean]
    suppressed: int
    tally: LedgerTally | None


def finish(found: list[tuple[int, Lean]], sup: engine.Suppressions, tally: dict[str, int], citing: Citing) -> Finished:
    """As partition.finish and engine.finish: in rule order (a stable sort), merged, suppressed, sorted."""
    merged = _merge([f for _, f in sorted(found, key=itemgetter(0))], citing.same)
    out = Finished([], 0, LedgerTally(**tally) if tally else None)
    used: set[tuple[str, int, str]] = set()
    for f in merged:
        hits = engine.suppressing(f.head.rule, citing.places(f.refs), sup) if citing.marked else []
        if hits:
            used.update(hits)
            out.suppressed += 1
            f.head = f.head.model_copy(update={"suppressed": True})
        out.findings.append(f)
    out.findings += map(Lean, engine.unused(sup, used))
    out.findings.sort(key=lambda f: engine.rank(f.head, citing.place(f)))
    return out


def _merge(found: list[Lean], same: dict[int, int]) -> list[Lean]:
    """engine._merge_repeats by reference: a claim is cited once however many repeats cite it."""
    seen: dict[tuple[str, str], int] = {}
    out: list[Lean] = []
    cited: dict[int, set[int]] = {}
    for f in found:
        k = engine.merge_key(f.head)
        if k not in seen:
            seen[k] = len(out)
            out.append(Lean(f.head, array("q", f.refs), f.line))  # its own refs: gains are added in place
            continue
        i = seen[k]
        ids = cited[i] if i in cited else cited.setdefault(i, {same.get(r, r) for r in out[i].refs})
        extra = [r for r in f.refs if same.get(r, r) not in ids]
        if extra:
            ids.update(same.get(r, r) for r in extra)
            out[i].refs.extend(extra)
    return out


def flagged(found: list[Lean], sup: engine.Suppressions, rules: Iterable[RuleSpec], keep: Callable[[str], bool]) -> list[Lean]:
    """builtin.flag_unknown over the findings' heads, then the selection (--select/--ignore)."""
    by_head = {id(f.head): f for f in found}
    return [by_head.get(id(h)) or Lean(h) for h in builtin.flag_unknown([f.head for f in found], sup, rules) if keep(h.rule)]
