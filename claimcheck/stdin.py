"""An article read from standard input (`check -`), named by `--stdin-filename` as editors pass it.

The bytes go to a private temporary file under the given name's base name, so the pipeline, the
cache and the date-from-file-name rule treat it like any article; the report names it as given.
When the named file is also among the checked paths, the buffer takes its place: an editor checks
the text being edited against the rest of the corpus, not against its own saved copy.
"""
from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .commit import place
from .files import Source


def read(name: str | None) -> Source:
    data = sys.stdin.buffer.read()
    folder = tempfile.mkdtemp(prefix="claimcheck-stdin-")
    atexit.register(shutil.rmtree, folder, True)
    path = Path(folder) / (Path(name).name if name else "stdin.md")
    path.write_bytes(data)
    return Source(path, name.replace(os.sep, "/") if name else "-")


def merge(sources: Sequence[Source], stdin: Source, name: str | None) -> list[Source]:
    """The checked files with the buffer in place of its saved copy, if that is among them."""
    own = place(name) if name else None
    return [*(s for s in sources if place(s.path) != own), stdin]
