"""Claims as the `claimcheck/claims@1` JSON document, or one claim a line (JSON Lines); the
contract, with its `evidence` object, is ../shared/spec/claims.md."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence

from ..claim_contract import FIELDS, PLAIN, claim_dict, evidence_object
from ..models import Claim, Ev
from .json_report import BATCH, _columns

SCHEMA = "claimcheck/claims@1"
# the contract's fields but the evidence, which comes last, read straight off each claim (PLAIN)
SCALAR_FIELDS = FIELDS[:-1] if FIELDS[-1] == "evidence" else None


def document(claims: Sequence[Claim]) -> Iterator[str]:
    yield json.dumps({"schema": SCHEMA, "claims": [claim_dict(c) for c in claims]}, ensure_ascii=False, indent=2) + "\n"


def lines(claims: Sequence[Claim]) -> Iterator[str]:
    """Each claim as json.dumps(claim_dict(c), ensure_ascii=False) and a line break, byte for byte.

    A 5 MB article has 100,000 claims, and encoding them one dict at a time took a tenth of its run.
    They are encoded a column at a time, as the findings report encodes them (a sentence's claims
    share their file, quote and most fields: each distinct string is encoded once), and an evidence
    entry, shared by the figures of a line, once; each batch is one piece."""
    enc = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(x, ensure_ascii=False) makes per call
    entries: dict[Ev, str] = {}
    for k in range(0, len(claims), BATCH):
        batch = list(claims[k:k + BATCH])
        if not PLAIN or SCALAR_FIELDS is None:
            texts = [enc(claim_dict(c)) for c in batch]
        else:
            heads = _columns(batch, SCALAR_FIELDS, enc)
            texts = [f'{head[:-1]}, "evidence": {_evidence(c.evidence, entries, enc)}}}' for head, c in zip(heads, batch)]
        if len(entries) > 100_000:
            entries.clear()  # a line's entries are not met again further on; keep the memo small
        yield "\n".join(texts) + "\n"


def _evidence(ev: tuple[Ev, ...], entries: dict[Ev, str], enc: Callable[[object], str]) -> str:
    """enc(evidence_object(ev)), an entry at a time: each is the same text wherever it stands in the object."""
    if len({e[0] for e in ev}) != len(ev):
        return enc(evidence_object(ev))  # a field named twice is one key in the object; never made, but exact
    out = []
    for e in ev:
        got = entries.get(e)
        if got is None:
            got = entries[e] = _entry(e, enc)
        out.append(got)
    return "{" + ", ".join(out) + "}"


def _entry(e: Ev, enc: Callable[[object], str]) -> str:
    """One entry as enc writes it inside the object; the line is an int or None, as evidence.py records it."""
    field, source, line, text = e
    if type(field) is not str or type(source) is not str or not (line is None or type(line) is int) \
            or not (text is None or type(text) is str):
        return enc(evidence_object((e,)))[1:-1]
    quote = json.encoder.encode_basestring  # what enc writes a str with (ensure_ascii=False)
    return (f'{quote(field)}: {{"source": {quote(source)}, "line": {"null" if line is None else int.__repr__(line)}, '
            f'"text": {"null" if text is None else quote(text)}}}')
