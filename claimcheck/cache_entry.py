"""The shape of a cache entry: claims stored column by column, text fields as indexes into one list of strings,
and read back validated but without pydantic's per-claim cost. cache.py decides where entries live and when they
are read or written; the claim store reads claims back with build() too."""
from __future__ import annotations

import typing
from typing import Any

from pydantic import Field, TypeAdapter

from .models import Article, Claim
from .claim_contract import scalar_types

# An entry stores the claims column by column, and every text field as an index into one list of
# the entry's distinct strings: far less JSON to parse than a keyed object per claim. Each column
# is still validated, by pydantic against the field's type, so a damaged entry is a miss.
NAMES = tuple(Claim.model_fields)
_EVIDENCE = NAMES.index("evidence")


def shared_evidence(col: list, strings: dict[str, str]) -> list:
    """The evidence column with equal entries made one object: the figures of a sentence share most of
    theirs, and a warm run over an archive otherwise holds a fresh tuple of tuples per claim."""
    inner: dict[tuple, tuple] = {}
    outer: dict[tuple, tuple] = {}
    out = []
    for ev in col:
        if ev in outer:  # most claims' evidence was seen before: skip building the entries again
            out.append(outer[ev])
            continue
        key = tuple(inner[e] if e in inner else
                    inner.setdefault(e, tuple(strings.setdefault(x, x) if isinstance(x, str) else x for x in e))
                    for e in ev)
        out.append(outer.setdefault(key, key))
    return out
_ANNS = [f.annotation for f in Claim.model_fields.values()]
_TEXT = [bool(k) and k <= {str, type(None)} for k in map(scalar_types, _ANNS)]  # type: ignore[operator]
_Index = typing.Annotated[int, Field(ge=0, strict=True)]
# each a single validator call for all of an entry's columns: the claims' values, the stored
# columns (texts as string indexes), and the texts once looked up
_VALUES: TypeAdapter[Any] = TypeAdapter(tuple[tuple(list[a] for a in _ANNS)])  # type: ignore[misc, valid-type, arg-type]
_STORED: TypeAdapter[Any] = TypeAdapter(tuple[tuple(list[_Index] if t else list[a] for t, a in zip(_TEXT, _ANNS))])  # type: ignore[misc, valid-type, arg-type]
_TEXTS: TypeAdapter[Any] = TypeAdapter(tuple[tuple(list[a] for t, a in zip(_TEXT, _ANNS) if t)])  # type: ignore[misc, valid-type, arg-type]
_STRINGS = TypeAdapter(list[str])
_ALL_SET = set(NAMES)  # a claim read back had every field given, as after model_validate of a full dump
# model_construct without its per-field Python loop, where nothing else needs setting up
_PLAIN = not (Claim.__pydantic_post_init__ or Claim.__private_attributes__ or Claim.__pydantic_root_model__)


def encode(key: str, article: Article, claims: list[Claim]) -> dict:
    index: dict[str | None, int] = {None: 0}
    values = _VALUES.dump_python(tuple([getattr(c, k) for c in claims] for k in NAMES), mode="json")
    columns = [[index.setdefault(v, len(index)) for v in col] if text else col for text, col in zip(_TEXT, values)]
    return {"key": key, "article": article.model_dump(mode="json"), "fields": list(NAMES),
            "strings": list(index)[1:], "columns": columns}


def decode(raw: dict, key: str, shared: dict[str, str]) -> tuple[Article, list[Claim]]:
    """An entry back into objects; raises ValueError (or a pydantic/lookup error) when damaged."""
    if raw["key"] != key or raw["fields"] != list(NAMES):
        raise ValueError("not this entry")
    article = Article.model_validate(raw["article"])
    strings = _STRINGS.validate_python(raw["strings"])
    table = [None, *map(shared.setdefault, strings, strings)]
    columns = list(_STORED.validate_python(raw["columns"]))
    texts = [i for i, t in enumerate(_TEXT) if t]
    if any(columns[i] and max(columns[i]) >= len(table) for i in texts):
        raise ValueError("string index out of range")
    looked_up = _TEXTS.validate_python([list(map(table.__getitem__, columns[i])) for i in texts])
    for i, values in zip(texts, looked_up):
        columns[i] = values
    columns[_EVIDENCE] = shared_evidence(columns[_EVIDENCE], shared)
    if len(set(map(len, columns))) > 1:
        raise ValueError("columns of unequal length")
    return article, build(columns)


def build(columns: list[list]) -> list[Claim]:
    """Claims from their columns (NAMES order, values already of the fields' types), as model_construct
    makes them, every claim sharing one set of field names (the store reads claims back this way too)."""
    if not _PLAIN:
        return [Claim.model_construct(_ALL_SET, **dict(zip(NAMES, row))) for row in zip(*columns)]
    new, get, put, claims = object.__new__, object.__getattribute__, object.__setattr__, []
    for row in zip(*columns):
        c = new(Claim)
        # filling the dict the object made itself keeps it a split table, keys shared with every
        # other claim: 240 bytes a claim rather than the 464 of a dict of its own
        get(c, "__dict__").update(zip(NAMES, row))
        put(c, "__pydantic_fields_set__", _ALL_SET)
        put(c, "__pydantic_extra__", None)
        put(c, "__pydantic_private__", None)
        claims.append(c)
    return claims
