"""Where sentences and clauses end, and where a hard-wrapped line runs its sentence on into the next."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from .line_kinds import HEADING, LIST_ITEM

# a sentence ends at . ! ? before a capital, Hangul or an opening quote, never after an
# abbreviation ("Oct. 26", "Inc.", "vs.", "adj. EBITDA") or before a digit or a lower-case word; the mark is
# looked for first, so that the abbreviations are only tried after one (twice as fast)
ABBREV = r"(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|Mr|Ms|Dr|St|No|approx|est|[Aa]dj|excl|incl|[Pp]rev|U\.S|e\.g|i\.e)\.)"
# (nor after a scale letter's point: "SEK 33.9 b. (from SEK 32.6 b.)")
SCALE_POINT = r"(?<!\d[ \u00a0][bmBM]\.)"
SENT_END = regex.compile(rf"(?<=[.!?。…]){ABBREV}{SCALE_POINT}\s+(?=[\p{{Lu}}\p{{Hangul}}\"“‘'(\[*#-]|[ie]\p{{Lu}})|(?<=다\.)(?=\S)"
                         r"|(?<=[\p{Hangul}][.!?])(?=[\p{Hangul}])"
                         # scraped summaries run their bullets into one line: "... [1] - Revenues rose ...",
                         # "Financial Performance - First-quarter earnings were ..."
                         # (not "Sysco (SYY - Free Report) posted": a ticker's bracket holds its dash)
                         # (nor "in Southern Europe - Middle East & Africa, +2.4% in …": a name's own dash)
                         r"|(?<=\[\d{1,2}\])\s+(?=\p{Lu}|-\s)|(?<!\([\p{Lu}.:]{1,12})\s(?=-\s\p{Lu})"
                         r"(?!-\s(?:\p{Lu}[\w.]*\s?(?:&\s)?){1,4}[,)])")
# Every SENT_END match starts right after a closing mark (. ! ? 。 …, or the ']' of "[1]") or at the blank
# before a "- " bullet, so the pattern is tried only there: led by lookbehinds, it was otherwise tried at every
# character of the article, which was most of the layout's time
MAY_END = regex.compile(r"[.!?。…\]-]")
# a quotation closes where "…"며 / "…"고 ends it: the words after are the speaker's next clause
# and "기록했다. 2분기부터": a Korean sentence end before a digit is kept inside the sentence (see sentence_ends) but
# still ends a clause, so a period named after it dates nothing before it
# and "영업익 0.3% 감소한 356억원…매출액 7325억원": a headline's ellipsis joins two clauses
# "매출액은 5686억원이고 영업이익은 …": a figure's copula joined by 이고/이며 ends its clause as a comma would
# and "1조4억원을 기록했고 영업이익은 …": a past verb joined by 고 closes its clause
# (not the comma of a company's legal suffix: "attributable to Steven Madden, Ltd. was …")
CLAUSE_CUT = regex.compile(r',\s(?!(?:Ltd|Inc|Corp|Co|LLC|plc|L\.P|N\.V|S\.A|AG|SE)\b\.?)|，|;\s|\s/\s|\s\|\s|(?<=\S)…(?=\S)|(?<=[”"])(?:라?며|라고|고|면서)\s|(?<=다)\.\s(?=\d)|(?<=[원러엔%]\s?이)(?:고|며)\s'
                           r'|(?<=(?:했|됐|었|였))(?:고|음에도|지만|으나)\s(?=\S+(?:은|는|이|가)\s)')


def sentence_ends(raw: str) -> Iterator[regex.Match[str]]:
    """SENT_END.finditer(raw), match for match: the pattern tried only where a match can start (see MAY_END)."""
    at = sorted({i - 1 if raw[i] == "-" else i + 1 for i in (x.start() for x in MAY_END.finditer(raw))})
    last = 0
    for p in at:
        if p < last:
            continue  # inside the match before, or where an empty one was just found
        m = SENT_END.match(raw, p)
        if m is not None:
            yield m
            last = max(m.end(), p + 1)


WRAPPED_END = regex.compile(r"[\p{L}\p{N},%$)-]$")
WRAPPED_START = regex.compile(r"[ \t]{0,4}[a-z0-9$(]")  # (a wrapped bullet indents its second line)
KO_CLOSE = "다요"
# a line of any length that stops on a word no sentence or heading ends with (a preposition, a linking verb) runs on
# into a next line that opens on its figure
OPEN_END = regex.compile(r"(?i)\b(?:of|to|at|by|from|reach(?:es|ed)?|was|were|is|are|totall?ed|exceed(?:s|ed)?|hit)\Z")
FIGURE_START = regex.compile(r"[$€£¥₩]?\s?\d")


def runs_on(raw: str, scan: str, starts: list[int], i: int) -> bool:
    """Whether line `raw` (line i) stops on a word no heading ends with and the next line opens on its figure:
    "Ending ARR reaches" / "$4.92 billion, up 23%", a release's bullet broken before its figure."""
    if i + 1 >= len(starts) or not OPEN_END.search(raw.rstrip()[-16:]):
        return False
    return bool(FIGURE_START.match(scan, starts[i + 1]))


def wraps(scan: str, starts: list[int], i: int) -> bool:
    """Whether line i is hard-wrapped prose that the next line continues, as wire copy is: a long line that
    stops mid-sentence, and a next line that opens in lower case or on a figure."""
    if i + 2 > len(starts) - 1 + 1 or i + 1 >= len(starts):
        return False
    line = scan[starts[i]:starts[i + 1] - 1].rstrip()
    nxt = scan[starts[i + 1]:starts[i + 2] - 1 if i + 2 < len(starts) else len(scan)]
    if runs_on(line, scan, starts, i):
        return True
    # its last character only (the line is stripped): searched, the pattern was tried at every character
    # ("… 이익 감소가 더 크게 나타났다" with its full stop lost: a Korean verb's ending closes the sentence)
    return len(line) >= 50 and line[-1] not in KO_CLOSE and bool(WRAPPED_END.match(line, len(line) - 1)) and bool(WRAPPED_START.match(nxt)) \
        and not LIST_ITEM.match(nxt) and not HEADING.match(nxt)
