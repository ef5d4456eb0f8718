"""Findings as the `claimcheck/findings@1` JSON document (contract: shared/spec/claims.md)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, repeat
from operator import itemgetter

from ..filed import filed_dict
from .gc_pause import without_gc
from ..models import Claim, Finding
from ..paged import blocks
from ..summary import Summary
from ..claim_contract import evidence_object

SCHEMA = "claimcheck/findings@1"
BATCH = 2048  # claims encoded together: big enough to amortise, small enough that the columns stay small
PIECE = 1 << 16  # parts joined into one yielded piece: few writes, yet the document is never whole
NUMBERS = {int, float, bool, type(None)}
TEXTS = {str, type(None)}


def finding_dict(f: Finding, claim_dict: Callable[[Claim], dict]) -> dict:
    # _stream writes this out by hand, for speed: keep the two in step
    out = {
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "claims": [claim_dict(c) for c in f.claims],
        "fingerprint": f.fingerprint,
        "why": f.why,
        "suppressed": f.suppressed,
    }
    if f.filed:  # a ledger finding: the filed figure (ledger@1 records), then what it was computed from
        out["filed"] = [filed_dict(x) for x in f.filed]
    return out


def render(findings: Sequence[Finding], summary: Summary, claim_dict: Callable[[Claim], dict],
           fields: Sequence[str] | None = None) -> str:
    """The whole document as one string: stream() joined."""
    return "".join(stream(findings, summary, claim_dict, fields))


def stream(findings: Sequence[Finding], summary: Summary, claim_dict: Callable[[Claim], dict],
           fields: Sequence[str] | None = None) -> Iterator[str]:
    """The document in pieces of about PIECE characters, one finding per line; `fields`, if given,
    says claim_dict(c) is just those entries of vars(c), in that order, which lets claims be
    encoded a column at a time.

    Every piece comes from the C encoder (json.dumps with indent falls back to the pure-Python
    one), and each claim is encoded once however many findings cite it, then dropped after the
    last finding that cites it: at archive scale the document is the largest object by far.
    """
    return without_gc(_stream(findings, summary, claim_dict, fields))  # only acyclic objects are made


def _stream(findings: Sequence[Finding], summary: Summary, claim_dict: Callable[[Claim], dict],
            fields: Sequence[str] | None) -> Iterator[str]:
    enc = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    parts = ['{"schema": ', enc(SCHEMA), ',\n"findings": ', "[\n  " if findings else "[]"]
    size = 0
    sep = ""
    # a Paged sequence (check --store) comes in blocks whose claims are built afresh; a list is one block
    for block in blocks(findings):
        for line in _lines(block, claim_dict, fields, enc):
            parts.append(sep)
            parts += line
            sep = ",\n  "
            size += sum(map(len, line))
            if size >= PIECE:
                yield "".join(parts)
                parts, size = [], 0
    if findings:
        parts.append("\n]")
    parts.append(f',\n"summary": {enc(summary.model_dump(mode="json"))}}}\n')
    yield "".join(parts)


def _lines(findings: Sequence[Finding], claim_dict: Callable[[Claim], dict], fields: Sequence[str] | None,
           enc: Callable[[object], str]) -> Iterator[list[str]]:
    """Each finding's line of the document in parts (a finding may cite 20,000 claims: its line is not joined
    here); every claim encoded once, and dropped after its last citation."""
    last = {id(c): i for i, f in enumerate(findings) for c in f.claims}  # the last finding citing each claim
    encoded: dict[int, str] = {}
    get, text = encoded.__getitem__, json.encoder.encode_basestring  # what enc uses for a str
    start = 0  # findings[start:] have not been written; their claims are encoded a batch at a time
    while start < len(findings):
        todo: dict[int, Claim] = {}  # each claim once, in first-citation order
        end = start
        while end < len(findings) and len(todo) < BATCH:
            for c in findings[end].claims:
                if id(c) not in encoded:
                    todo.setdefault(id(c), c)
            end += 1
        batch = list(todo.values())
        for k in range(0, len(batch), BATCH):
            cut = batch[k:k + BATCH]
            texts = _columns(cut, fields, enc) if fields else [enc(claim_dict(c)) for c in cut]
            encoded.update(zip(map(id, cut), texts))
        del todo, batch
        for i in range(start, end):
            f = findings[i]
            # enc(finding_dict(f)) written out: every field but claims is a str, or a bool
            line = [f'{{"rule": {text(f.rule)}, "severity": {text(f.severity.value)}, '
                    f'"message": {text(f.message)}, "claims": [']
            ids = list(map(id, f.claims))
            line += chain.from_iterable(zip(repeat(", "), map(get, ids)))
            if ids:
                del line[1]  # no separator before the first
            for x in ids:
                if last[x] == i:
                    encoded.pop(x, None)  # a claim cited twice in one finding is dropped once
            filed = f', "filed": {enc([filed_dict(x) for x in f.filed])}' if f.filed else ""
            line.append(f'], "fingerprint": {text(f.fingerprint)}, "why": {text(f.why)}, '
                        f'"suppressed": {"true" if f.suppressed else "false"}{filed}}}')
            yield line
        start = end


def _columns(batch: list[Claim], fields: Sequence[str], enc: Callable[[object], str]) -> list[str]:
    """enc({k: vars(c)[k] for k in fields}) for each claim, byte for byte, a field at a time.

    Most values repeat (file, metric, unit, quote shared by a sentence's claims), so each distinct
    string is encoded once; a column of numbers is one list through the encoder, split apart.
    """
    dicts = list(map(vars, batch))
    columns = []
    for k in fields:
        col = list(map(itemgetter(k), dicts))
        if k == "evidence":
            col = list(map(evidence_object, col))  # kept as tuples on the claim; an object in the contract
        kinds = set(map(type, col))
        if kinds <= TEXTS:
            distinct = set(col)
            distinct.discard(None)
            memo = dict(zip(distinct, map(json.encoder.encode_basestring, distinct)))  # enc(str) calls it
            memo[None] = "null"
            columns.append(list(map(memo.__getitem__, col)))
            continue
        if kinds <= NUMBERS:
            # no number, true, false or null encodes with ", " in it, so the split is exact
            out = enc(list(col))[1:-1].split(", ")
            if len(out) == len(col):
                columns.append(out)
                continue
        columns.append(list(map(enc, col)))
    template = "{" + ", ".join(enc(k).replace("%", "%%") + ": %s" for k in fields) + "}"
    return list(map(template.__mod__, zip(*columns)))
