"""Matcher: many literal words (names, cues) found in text at once, as one trie-shaped regex."""
from __future__ import annotations

import re

import regex

# Korean particles that may follow a short name ("메타가", "기아의") but that
# no ordinary word continues with ("메타버스" is not Meta).
PARTICLES = (r"(?:은|는|이|가|을|를|의|와|과|도|에|서|로|으로|까지|보다|만|처럼|측|나|랑|며|고|엔|께|부터|뿐"
             r"|대비|에게|한테|라는|이라|란|이다|다|였|였다|에서|로서|로써|와의|과의|(?=\W)|$)*+(?![\p{Hangul}])")


class Matcher:
    """Many literal words as one trie-shaped regex, with word boundaries checked per match.

    A flat alternation of hundreds of names is tried alternative by alternative at
    every position; a trie tries one character class per step, which is what keeps
    extraction fast.
    """

    def __init__(self, words: list[str], names: bool = False):
        self.names = names
        trie: dict = {}
        for w in set(words if names else (x.lower() for x in words)):
            node = trie
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}
        body = self._build(trie)
        # a one-character gate lets the engine skip most positions without entering the trie
        # stdlib re runs a literal trie about ten times faster than the regex package
        self.rx = re.compile(body or r"(?!)", 0 if names else re.IGNORECASE)
        # and a case-sensitive trie over a lower-cased copy of a long text three times faster than a
        # case-insensitive one over the text; kept only when the words themselves lower-case simply
        simple = not names and all(_folds_simply(w) for w in trie_words(trie))
        self.lower_rx = re.compile(body or r"(?!)") if simple else None
        self.particles = regex.compile(PARTICLES)

    def _build(self, node: dict) -> str:
        # a space may be left out ("매출 원가" / "매출원가율"), so its branch goes last: tried first, its empty match
        # would end the word before a longer one spelt without the space
        alts = [(r"\s?" if ch == " " else re.escape(ch)) + self._build(node[ch])
                for ch in sorted((k for k in node if k), key=lambda k: (k == " ", k))]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """Each word of the trie in text[pos:endpos] that stands as a word. A longest match that runs into a longer
        word is dropped and the search goes on from its second character, not from its end: in "Quarterly dividends
        paid" the cue "quarterly dividend" fails (an "s" follows) and "dividends paid" inside it is still found."""
        end_at = len(text) if endpos is None else endpos
        lower_rx = self.lower_rx
        low = _lowered(text) if lower_rx is not None and end_at - pos > LONG_TEXT else None
        rx, hay = (lower_rx, low) if low is not None and lower_rx is not None else (self.rx, text)
        p = pos
        while (m := rx.search(hay, p, end_at)) is not None:
            s, e = m.span()
            if e > s and not self._stands(text, s, e):
                # ("The Progressive Corporation": "Progressive Corp" runs into a longer word; "Progressive" stands)
                e = self._shorter(hay, text, s, e)
            if e > s:
                # the same match read off the text itself, so callers see its own spelling
                yield self.rx.match(text, s, e) if hay is not text or e != m.end() else m
                p = e
            else:
                p = s + 1

    def _shorter(self, hay: str, text: str, s: int, e: int) -> int:
        """The end of the longest shorter word of the trie at s that stands, or s if none: tried only at the
        word ends inside a failed match."""
        for k in range(e - 1, s, -1):
            if not text[k].isalnum() and self.rx.fullmatch(hay, s, k) and self._stands(text, s, k):
                return k
        return s

    def _stands(self, text: str, s: int, e: int) -> bool:
        """Whether text[s:e] is a word of its own: not inside a longer Latin word or glued Hangul compound."""
        first, last = text[s], text[e - 1]
        before = text[s - 1] if s else " "
        after = text[e] if e < len(text) else " "
        if _hangul(first):
            if _hangul(before) and (self.names or text[s:e] not in COMPOUND_HEADS):
                return False
            if self.names and e - s <= 3 and _hangul(last) and not self.particles.match(text, e):
                return False
        elif first.isalnum() and (before.isalnum() and not _hangul(before) or before.isdigit()):
            # (a word opening on a mark, "/share" in "$1.10/share", is glued to its figure by design)
            return False
        if not _hangul(last) and (after.isascii() and after.isalnum()):
            return False
        # "MS사업본부", "VS사업본부": a short Latin name glued to a Korean noun is a word of its own
        return not (self.names and e - s <= 3 and last.isascii() and _hangul(after) and not self.particles.match(text, e))


# a whole article is worth lower-casing once; a label or a heading is not
LONG_TEXT = 10_000
_last_lowered: list = [None, None]  # [text, its lowered copy or None], for the matchers that run over one article


def _folds_simply(s: str) -> bool:
    """Whether case-insensitive matching of s is plain comparison of lower-cased characters: each character
    lower-cases to one character, and its upper case lower-cases back to that. The exceptions (ſ, ı, µ, ς,
    İ ...) are the ones the re module matches by its extra case table."""
    return all(len(low := c.lower()) == 1 and c.upper().lower() == low for c in set(s))


def _lowered(text: str) -> str | None:
    """text.lower() when every character of text folds simply, else None; the last text is remembered, since
    the cue and topic matchers read the same article one after the other."""
    if _last_lowered[0] is not text:
        _last_lowered[:] = [text, text.lower() if _folds_simply(text) else None]
    return _last_lowered[1]


def trie_words(node: dict, prefix: str = "") -> list[str]:
    """The words a trie built by Matcher holds."""
    out = [prefix] if "" in node else []
    for ch, child in node.items():
        if ch:
            out += trie_words(child, prefix + ch)
    return out


# metric nouns Korean writes as the head of a compound ("서비스매출", "모바일매출", "조정영업이익"): matched
# after other Hangul too, where every other word needs a boundary
COMPOUND_HEADS = frozenset({"매출", "매출액", "영업이익", "영업손실"})


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"
