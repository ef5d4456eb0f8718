"""Text to number mentions: value, unit, range and printed precision, with exact spans."""
from __future__ import annotations

import math

import regex
from dataclasses import dataclass
from typing import NamedTuple

from . import bands as B
from . import patterns as P
from . import digits as D
from .units import CURRENCIES, ESCALES, classify

NEG = ("-", "△", "▼", "+-")
ARROW_SIGN = {"↓": "▼", "↑": "▲"}
TOLERANCE_ENDS = frozenset("±-/sS스")
KOREAN_DIGIT_WORDS = frozenset("십백천만억조")


@dataclass(frozen=True, slots=True)
class Mention:
    """One number expression found in text."""

    start: int
    end: int
    text: str
    kind: str  # money, percent, pp, count, plain, time, rank, multiple
    value: float
    low: float | None
    high: float | None
    unit: str | None
    half_width: float
    scaled: bool  # carried 만/억/조 or an English scale word
    sign_mark: str = ""  # △ ▲ ▼ + -
    plus: bool = False  # "$320+": that figure or more
    suffix: str = ""


class _Atom(NamedTuple):  # a tuple: made for every figure, four times faster than a frozen dataclass
    start: int
    end: int
    value: float
    half: float
    kind: str
    unit: str | None
    scaled: bool
    sign: str
    plus: bool
    suffix: str
    has_unit: bool
    scale: float
    band: tuple[float, float] | None = None  # "10%대": the span it names


# ATOM's groups in order: m.groups() hands them all over in a tenth of the time that reading them by name
# takes (regex looks a name up per call), and a 5 MB article has 150,000 atoms
_GROUPS = ("sign", "cur", "sign2", "num", "few", "escale", "suffix", "span", "band", "part", "plus")
assert P.ATOM.groupindex == P.ATOM_TAIL.groupindex == {g: i for i, g in enumerate(_GROUPS, 1)}, "ATOM's groups moved"


CODE_SCALE = regex.compile(r"(MN|BN|[MTKB])(EUR|SEK|USD|DKK|NOK|CHF|GBP)")
GLUED_SCALE = {"M": "m", "MN": "mn", "B": "bn", "BN": "bn", "T": "thousand", "K": "k"}  # T is thousands here ("TEUR")


def _atom(m) -> _Atom:
    sign, cur, sign2, num, few, escale, suffix, span, _, _, plus = m.groups()
    cut = None
    korean = not KOREAN_DIGIT_WORDS.isdisjoint(num)
    if korean:
        value, half, scaled, lead, cut = D.korean(num)
    else:
        value, half, scaled, lead = D.digit_value(num)
    sign = (sign or "") + (sign2 or "")
    if cut is not None:
        # the compound stops where a second figure of the same scale begins; that one keeps the unit
        end = m.start("num") + len(num[:cut].rstrip())
        kind, unit = ("money", CURRENCIES.get(cur.strip().lower().replace(" ", ""), "USD")) if cur else ("plain", None)
        return _Atom(m.start(), end, value, half, kind, unit, scaled, sign, bool(plus), "", bool(cur), lead)
    suffix = (suffix or "").strip(" \t\u00a0-")  # "1.5-trillion-won": the hyphen only joins
    code = (cur or "").strip() or suffix
    if code[:1] in "MTKB" and (glued := CODE_SCALE.fullmatch(code)):
        escale = escale or GLUED_SCALE[glued[1]]  # "MEUR 185", "4,210 MSEK": millions (or thousands) of the code after it
        cur, suffix = (glued[2] if cur else cur), (suffix if cur else glued[2])
    if escale:
        scale = ESCALES[" ".join(escale.strip(" \t\u00a0-").lower().split())]
        value, half, scaled, lead = value * scale, half * scale, True, scale
    kind, unit = classify(suffix)
    if cur:
        kind, unit = "money", CURRENCIES.get(cur.strip().lower().replace(" ", ""), "USD")
    if kind == "bp":
        value, half, kind = value / 100, half / 100, "pp"
    if suffix.lower().startswith(("cent", "¢")) or suffix.lower() in ("p", "pence") or (suffix.lower().endswith((" cent", " cents")) and kind == "money"):
        value, half = round(value / 100, 12), half / 100  # "26 cents" is $0.26, "480p" is £4.80 (rounded: no float noise)
    if (escale or kind == "percent") and D.padded(num):
        half = 0.5 * (lead if escale else 1.0)  # "Rs 31,552.00 crore", "+11.00%": a house format's padding, no precision
    end, plus, band = m.end(), bool(plus), None
    if span or (korean and few):  # one look-up for the common case, a figure with no span word
        end, plus, band, half = B.read(m, kind, value, half)
    return _Atom(m.start(), end, value, half, kind, unit, scaled, sign, plus,
                 suffix, bool(cur or suffix), lead, band)


def _join(a: _Atom, b: _Atom) -> tuple[str, str | None, float, float] | None:
    """Kind, unit and ends of the range a~b, or None when the two cannot form one."""
    if a.has_unit and b.has_unit and (a.kind, a.unit) != (b.kind, b.unit):
        return None
    kind, unit = (b.kind, b.unit) if b.has_unit else (a.kind, a.unit)
    # a span's ends are its own: "5~6%대" runs to 7%, "5조원 후반~6조원 초반" from 5.7조 to 6.3조
    lo, hi = (a.band[0] if a.band else a.value), (b.band[1] if b.band else b.value)
    if b.scaled and not a.scaled:
        lo = a.value * b.scale  # "1,000~1,200억", "$1.2-1.5 billion"
    elif a.scaled and not b.scaled:
        return None
    if b.suffix.lower().startswith(("bp", "basis", "베이시스")) and not a.has_unit:
        lo = a.value / 100
    if not lo < hi:
        return None
    return kind, unit, lo, hi


def _scan_text(text: str) -> str:
    """The text with dates and other non-figures blanked, same length (line breaks are kept)."""
    text = text.translate(P.FOLD)
    # joined from slices: a list of every character of a 5 MB article cost a second to make and join
    parts: list[str] = []
    last = 0
    for m in P.DATE_LIKE.finditer(text):
        parts += (text[last:m.start()], "\n".join(" " * len(piece) for piece in m.group().split("\n")))
        last = m.end()
    parts.append(text[last:])
    return "".join(parts)


def _tolerance(scan: str, m) -> bool:
    """Whether the figure is a "±2%" margin: the marker ends where its currency or digits begin."""
    # every marker ends in one of these, a blank at most before the figure (or its sign: "+/-2%"),
    # so most figures are settled by one character
    i = m.start() - 1
    if i > 0 and scan[i] in " \t\u00a0":
        i -= 1
    if i < 0 or scan[i] not in TOLERANCE_ENDS:
        return False
    body = m.start("cur") if m["cur"] else m.start("num")
    return P.TOLERANCE.search(scan, max(0, body - 16), body) is not None


COPULA_BRACKET = regex.compile(r"\b(?:was|were|is|are|of|at|totaled|totalled)\s\($", regex.IGNORECASE)
ACCOUNTING = regex.compile(r"(?P<c>[$€£¥₩])\((?=\d)[\d,.]+\)")
# and "영업이익으로 -(마이너스)43억원", "마이너스 3%": the minus spelled out in Korean before the figure
NEGATIVE_WORD = regex.compile(r"\bnegative\s$|-?[(（]마이너스[)）]\s?$|마이너스\s?$", regex.IGNORECASE)


def parse(text: str) -> list[Mention]:
    """Every number expression in `text`, in order. Never raises on any input."""
    scan = _scan_text(text)
    out: list[Mention] = []
    pos = 0
    n = len(scan)
    while pos < n:
        m = P.ATOM.search(scan, pos)
        if m is None:
            break
        a = _atom(m)
        end, lo, hi, kind, unit, half = a.end, None, None, a.kind, a.unit, a.half
        scaled = a.scaled
        j = P.RANGE_JOIN.match(scan, a.end)
        if j is None and P.BETWEEN.search(scan, max(0, a.start - 16), a.start):
            j = P.AND_JOIN.match(scan, a.end)
        if j and j["to"] and not P.RANGE_FROM.search(scan, max(0, a.start - 24), a.start) \
                and not P.RANGE_BEFORE_FROM.search(scan, max(0, a.start - 60), a.start) and (
                "from" in scan[max(0, a.start - 12):a.start].lower()
                or P.CHANGE_BEFORE.search(scan, max(0, a.start - 24), a.start)):
            j = None
        if j and not a.plus:
            m2 = P.ATOM_TAIL.match(scan, j.end())
            # "-2~-1%": two falling ends, read as one range (the shared sign is applied below)
            both_down = bool(m2 and m2["sign"] in NEG and a.sign in NEG and j.group().strip() in ("~", "to"))
            if m2 and m2.end() > m2.start() and (not m2["sign"] or both_down):
                b = _atom(m2)
                joined = _join(b, a) if both_down else _join(a, b)
                if joined:
                    kind, unit, lo, hi = joined
                    # a bare first end takes the second's scale and unit, so its rounding does too
                    end, half = b.end, (b.half if b.scaled or b.kind == "pp" else max(a.half, b.half))
                    scaled = a.scaled or b.scaled
        if lo is None and a.band:
            lo, hi = a.band
        if lo is not None:
            assert hi is not None  # a band or a joined range sets both ends together
            value = (lo + hi) / 2
        else:
            value = a.value
        if not math.isfinite(value) or abs(value) > 1e18:
            pos = max(end, a.start + 1)  # a run of hundreds of digits is no figure anyone reported
            continue
        start, sign = a.start, a.sign
        if kind == "plain" and (acct := ACCOUNTING.match(scan, max(0, start - 2), end + 1)) and acct.end() == end + 1:
            # "an adjusted loss of $(0.32)": the currency outside an accounting bracket, a negative amount
            start, end, kind, unit, sign = acct.start(), end + 1, "money", CURRENCIES.get(acct["c"], "USD"), "-"
        elif value > 0 and NEGATIVE_WORD.search(scan, max(0, start - 10), start):
            sign = "-"  # "compared with a negative $49 million a year earlier"
        elif value > 0 and kind == "money" and scan[end:end + 1] == ")" and COPULA_BRACKET.search(scan, max(0, start - 14), start):
            sign = "-"  # "GAAP diluted EPS from continuing operations was ($0.10)": an accounting bracket round the whole
        sign = ARROW_SIGN.get(sign, sign)  # "| ↓4.0 |": an arrow before a table's change is its sign, as ▼ is
        if sign in NEG:
            value, lo, hi = -value, (-hi if hi is not None else None), (-lo if lo is not None else None)
        if not _tolerance(scan, m):
            out.append(Mention(start, end, text[start:end], kind, value, lo, hi, unit, half,
                               scaled, sign, a.plus, a.suffix))
        pos = max(end, a.start + 1)
    return out
