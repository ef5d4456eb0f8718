"""Reporters that stream millions of small acyclic objects (the JSON and HTML documents) run each step
with the cyclic collector off: a collection could free nothing, yet each full one would walk every claim
and article still alive. A generator's frame may stay suspended while the caller writes, so collection
is off around each step only, and on again whenever the caller holds the piece."""
from __future__ import annotations

import gc
from collections.abc import Iterator


def without_gc(pieces: Iterator[str]) -> Iterator[str]:
    while True:
        was = gc.isenabled()
        gc.disable()
        try:
            piece = next(pieces, None)
        finally:
            if was:
                gc.enable()
        if piece is None:
            return
        yield piece
