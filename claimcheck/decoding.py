"""Article bytes to text: UTF-8 (with or without BOM), UTF-16, CP949/EUC-KR, or a mix line by line."""
from __future__ import annotations

from collections.abc import Iterable


class ReadError(Exception):
    """An article that could not be read at all."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text and warnings (without the file name) saying what was read in another encoding or replaced."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    # UTF-8 Korean almost never decodes as CP949 without error, so a clean CP949 read is trusted first
    for enc in ("cp949", "euc-kr"):
        try:
            return data.decode(enc), []
        except UnicodeDecodeError:
            continue
    mixed = by_line(data)
    if mixed is not None:
        return mixed
    return _guess(data)


def by_line(data: bytes) -> tuple[str, list[str]] | None:
    """Each line as UTF-8, else CP949, else UTF-8 with replacements; None when too much is unreadable.

    A newsroom article in UTF-8 often carries a sentence pasted from a CP949 source: reading the
    whole file in one encoding would garble one part or the other, so each line gets its own.
    0x0A is never a trail byte in UTF-8 or CP949, so splitting the bytes on it is safe.
    """
    parts: list[str] = []
    cp949: list[int] = []
    replaced: list[int] = []
    bad = 0
    for n, raw in enumerate(data.split(b"\n"), 1):
        text, how = _line(raw)
        if how == "cp949":
            cp949.append(n)
        elif how == "replaced":
            replaced.append(n)
            bad += text.count("\ufffd")
        parts.append(text)
    if bad > max(3, len(data) // 200):
        return None  # mostly not UTF-8 or CP949: let the encoding detector try
    warnings = []
    if cp949:
        warnings.append(f"{_lines(cp949)} not UTF-8: read as CP949")
    if replaced:
        warnings.append(f"{bad} undecodable byte(s) replaced on {_lines(replaced)}; read as UTF-8")
    return "\n".join(parts), warnings


def _line(raw: bytes) -> tuple[str, str]:
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp949"), "cp949"
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace"), "replaced"


def _lines(numbers: Iterable[int], most: int = 8) -> str:
    """[3, 4, 5, 9] -> 'lines 3-5, 9'; a long list is cut after `most` runs."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    shown = [f"{a}-{b}" if a != b else f"{a}" for a, b in runs[:most]]
    more = ", …" if len(runs) > most else ""
    word = "line" if len(runs) == 1 and runs[0][0] == runs[0][1] else "lines"
    return f"{word} {', '.join(shown)}{more}"


def _guess(data: bytes) -> tuple[str, list[str]]:
    from charset_normalizer import from_bytes  # slow to import; only a rare file needs it

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("not text in any known encoding")
    return str(best), [f"encoding guessed as {best.encoding}"]
