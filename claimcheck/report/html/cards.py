"""A finding as its card: the message, each source's quote with its figures marked and a link to
the article, the evidence for each field, and a number line per comparable group of figures.

An archive's finding can cite thousands of figures: a card quotes a few sentences, every printed
value among them where it can, lists further sources by file:line up to a limit, and draws alike
figures as one band; ranked.py plans which.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ...figures import show_value
from ...models import Claim
from .. import evidence
from .numberline import Filed, NumberLine, draw, title
from .ranked import Ranked

QUOTE = 320  # characters of a quote shown around its figures; the rest is cut with an ellipsis
MESSAGE = 400  # characters of a message in the card's heading; a longer one is given whole below

# A ledger's answer for one group of comparable claims, when a ledger is used (issue 9)
Ledger = Callable[[Sequence[Claim]], Filed | None]


@dataclass(frozen=True)
class Figure:
    shown: str  # the figure as printed
    said: tuple[evidence.Said, ...]  # empty when an earlier figure of the article had the same reasons


@dataclass(frozen=True)
class Place:
    """One quoted sentence and the finding's figures in it."""

    file: str
    line: int
    columns: str
    href: str
    parts: tuple[tuple[str, bool], ...]  # the quote in pieces; True marks a figure
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Card:
    id: str
    severity: str
    rule: str
    message: str  # at most MESSAGE characters
    whole: str  # the whole message when it was cut, else ""
    why: str
    places: tuple[Place, ...]
    more: Markup  # the sentences not quoted, as list items linking to them
    listed: int  # how many
    unlisted: int  # sentences neither quoted nor listed
    lines: tuple[NumberLine, ...]
    keys: str  # the filter keys it matches, as classes: "r1 e0 e3 a2 a5"


def marked(quote: str, figures: Sequence[str], room: int = QUOTE) -> tuple[tuple[str, bool], ...]:
    """The quote cut to about `room` characters around its figures, in pieces, each figure a marked
    piece: found where it stands alone ("5.1%", not the end of "45.1%"), a repeated figure at its
    next occurrence (`figures` come in the order of their columns)."""
    q = quote.strip()
    spots: set[tuple[int, int]] = set()
    after: dict[str, int] = {}
    for f in figures:
        i = alone(q, f, after.get(f, 0)) if f else -1
        if i >= 0:
            spots.add((i, i + len(f)))
            after[f] = i + len(f)
    ordered = sorted(spots)
    first = ordered[0][0] if ordered else 0
    start = max(0, min(first - room // 3, len(q) - room))
    end = min(len(q), start + room)
    parts: list[tuple[str, bool]] = [("…", False)] if start else []
    at = start
    for a, b in ordered:
        a, b = max(a, at), min(b, end)
        if a >= b:
            continue
        parts += [(q[at:a], False), (q[a:b], True)]
        at = b
    parts.append((q[at:end] + ("…" if end < len(q) else ""), False))
    return tuple(p for p in parts if p[0])


def alone(text: str, figure: str, start: int = 0) -> int:
    """Where `figure` first occurs in `text` from `start` with no digits running into it on either
    side; else its first occurrence from `start`, or at all; else -1."""
    leads, ends = figure[:1].isdigit(), figure[-1:].isdigit()
    i = text.find(figure, start)
    while i >= 0:
        before, beyond = text[i - 1:i], text[i + len(figure):i + len(figure) + 1]
        if not (leads and before and (before.isdigit() or before in ".,")) and not (ends and beyond.isdigit()):
            return i
        i = text.find(figure, i + 1)
    i = text.find(figure, start)
    return i if i >= 0 else text.find(figure)


def place(key: tuple, claims: list[Claim], link: Callable[[str], str], shown: set[tuple]) -> Place:
    """One sentence; evidence is given once per article and reasons (`shown` keeps the card's record)."""
    claims.sort(key=lambda c: c.column)
    figs = []
    for c in claims:
        said = tuple(evidence.fields(c))
        figs.append(Figure(show_value(c), () if (c.file, said) in shown else said))
        shown.add((c.file, said))
    cols = ",".join(dict.fromkeys(str(c.column) for c in claims))
    return Place(key[0], key[1], cols, link(key[0]), marked(key[2], [c.text for c in claims]), tuple(figs))


def lines(r: Ranked, hedge: float, ledger: Ledger | None) -> tuple[NumberLine, ...]:
    """The card's number lines, one per axis the plan kept."""
    return tuple(draw(a.bands, hedge, title(*a.key), ledger([c for c, _ in a.bands]) if ledger else None, a.left_out)
                 for a in r.axes)


def items(sentences: Sequence[tuple], link: Callable[[str], str]) -> Markup:
    """`<li>` links to file:line, made here rather than in the template: a card of a big finding
    lists dozens, and the template's escaping per value was the report's largest single cost."""
    return Markup("".join(f'<li><a href="{escape(link(file), quote=True)}">{escape(file, quote=False)}:{line}</a></li>'
                          for file, line, _ in sentences))


def card(n: int, r: Ranked, hedge: float, link: Callable[[str], str], keys: Callable[[Ranked], str],
         ledger: Ledger | None = None) -> Card:
    f = r.finding
    shown: set[tuple] = set()
    quoted = tuple(place(s, cs, link, shown) for s, cs in r.quoted.items())
    cut = len(f.message) > MESSAGE
    head = f.message[:MESSAGE].rsplit(" ", 1)[0] + " …" if cut else f.message
    return Card(f"f{n}", f.severity.value, f.rule, head, f.message if cut else "", f.why, quoted,
                items(r.listed, link), len(r.listed), r.unlisted, lines(r, hedge, ledger), keys(r))
