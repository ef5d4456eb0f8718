"""Publication dates from front matter, labelled date lines, datelines, bylines and file names.

An article's date is what every relative period in it ("3분기", "third-quarter", "지난해") is read against,
so a wrong date is worse than none: a date is taken only from where a publication date is written
(front matter, a labelled line, the head of the article, a byline or a wire dateline, the file name),
never from a date in the body ("지난 2월 15일", "on Jan 5, 2026 the company will ...").
The forms a date is written in, and reading one, are in date_forms.py.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from itertools import chain, islice

import regex

from .date_forms import DAY, FORMS, MONTH, MONTH_NAME, MONTHS, YEAR, dates_in, first_date, to_date
from .date_stamps import newswire, stamp, title_date
from .wire_year import from_name, year_of

# ---------------------------------------------------------------- where a date is written
# and "이 기사는 2024년 05월 08일 18시 10분 … 표출된 기사입니다": a paid wire's note of when it ran
PUBLISH_LABEL = (r"이\s?기사는|기사\s?입력|최초\s?입력|시간\s?입력|입력|기사\s?등록|기사\s?승인|승인|작성일|작성|날짜|등록일|등록|발행일|발행|게재일|게재"
                 r"|date|dated|first\spublished|published(?:\son)?|posted(?:\son)?")
UPDATE_LABEL = r"최종\s?수정|시간\s?수정|수정|업데이트|last\supdated|updated(?:\son)?|modified"
# a label opens the line or follows a separator ("홍길동 기자 | 입력 2025.10.30 14:12 | 수정 ...")
LABEL_AT = r"(?:^|[|│·]\s?)[\W_]{0,4}"
WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s)?"  # "Published: Wednesday, 29 Oct 2025"
# (and "PublishedNovember 8, 2024": a scraper that dropped the blank between the label and the month)
LABEL_TAIL = (rf"(?:(?![\p{{L}}])|(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d))"
              rf"[\W_]{{0,4}}\s?(?=\S){WEEKDAY}")


def _label(words: str) -> regex.Pattern:
    return regex.compile(rf"{LABEL_AT}(?:{words}){LABEL_TAIL}", regex.IGNORECASE | regex.MULTILINE)


PUBLISHED = _label(PUBLISH_LABEL)
UPDATED = _label(UPDATE_LABEL)
# "SEOUL, Oct 30 (Reuters) -", "MOUNTAIN VIEW, California, Oct. 29 —": a wire dateline often has no year
CITY = r"\p{Lu}[\p{Lu}\p{Ll} .'-]{1,30}"
WIRE = regex.compile(
    rf"^[\W_]{{0,4}}(?:{CITY}(?:,\s{CITY})?,\s)?{MONTH_NAME}\s{DAY}(?:,?\s{YEAR})?\s?(?:\([^()\n]{{2,30}}\)\s?)?[-–—]",
    regex.MULTILINE)  # "SEOUL, Oct 30 (Reuters) -", and with no city: "Oct 23 (Wire) -"
# what may stand before a date that opens a line: a city, or a wire's time stamp ("09:01 AM EST, 11/04/2025 (MT Newswires)")
# ("Basildon, UK - November 7, 2025 - …": a dash may close the place)
DATELINE_LEAD = regex.compile(rf"[\W_]{{0,6}}(?:{CITY}(?:,\s|\s[-–—]\s)){{0,3}}(?:\d{{1,2}}:\d\d\s?(?:[AP]M)?\s?(?:[A-Z]{{2,4}})?,?\s)?")
# a byline names who wrote the piece; a date on its line is the piece's date. Separate patterns, not one
# alternation: each keeps its literal prefix, which makes scanning a whole article for them cheap
BYLINES = tuple(regex.compile(p, regex.MULTILINE) for p in (
    r"^[\W_]{0,4}By\s\p{Lu}",                                          # By Dana Whitfield
    r"(?:기자|특파원|연구원|애널리스트)(?<=\p{Hangul}\s?..)(?!\p{Hangul})",    # 박서윤 기자
    r"\((?:Reuters|AP|AFP|Bloomberg|Yonhap|연합뉴스|뉴스1|뉴시스)\)",           # (Reuters)
    r"\s[|│]\s",                                                      # name | date | section
    r"[\p{L})]\s?·\s?(?=\d)",                                          # Benzinga·12/10/2025 21:32
    r"(?<=\d\s?)송고(?!\p{Hangul})",                                    # 2025/11/12 16:21 송고: a wire's sent stamp
    r"^[\w.+-]{1,40}@[\w-]{1,40}\.[\w.]{2,20}\s"))                       # hjy@nuritong.example 2025년…: a sign-off
BYLINE_MAX = 120  # a longer line is prose, whatever it mentions
HEAD_LINES = 15
SHORT_REST = 3  # words beside the date on a line that is little more than a date ("서울 2025-11-13 연합")
FRONT_KEYS = (("date", "published", "pubdate", "pub_date", "published_at", "date_published", "created", "posted",
               "filed_at", "filed"), ("updated", "modified", "lastmod"))



# ---------------------------------------------------------------- the date of an article
def publication_date(text: str, front: dict, name: str | None = None, body: int = 0) -> dt.date | None:
    """Front matter, else a labelled date line, else a dateline or byline, else the file name.

    body is where the text after any front matter starts; name is the file's name (or path).
    """
    return (from_front(front) or labelled(text) or from_head(text, body)
            or wire_dateline(text, body, name) or lead_date(text, body) or loose(text, body) or from_name(name))


def loose(text: str, body: int) -> dt.date | None:
    """A stamp with a clock time in the head, a newswire's dateline, or a headline's closing date (date_stamps.py)."""
    breaks = [m.start() for m in NEWLINE.finditer(text)]

    def piece(start: int, end: int) -> bool:
        a, b = _line(text, breaks, start, end)
        return _piece_date(text, a, start, end, b)

    return stamp(text, body, _head_end(text, body), piece) or newswire(text, body, piece) or title_date(text, body, piece)


def from_front(front: dict) -> dt.date | None:
    for keys in FRONT_KEYS:
        for key in keys:
            v = front.get(key)
            if isinstance(v, dt.datetime):
                return v.date()
            if isinstance(v, dt.date):
                return v
            if isinstance(v, str) and (got := first_date(v)):
                return got
    return None


# "date 2022-11", "입력 2022.11": a labelled month with no day stands for its middle, near enough to name
# the quarter just reported
YEAR_MONTH = regex.compile(rf"(?<![\d.]){YEAR}[-./]\s?{MONTH}(?![\d]|\s?[-./]\s?\d)")


# "This report by The Canadian Press was first published Aug. 28, 2024.": a wire's closing line naming its date
FIRST_PUBLISHED = regex.compile(r"\bwas\sfirst\spublished\s(?:on\s)?", regex.IGNORECASE)


def labelled(text: str) -> dt.date | None:
    """The date after a publication label ("입력", "Published:"), else after an update label ("Updated")."""
    for label in (PUBLISHED, FIRST_PUBLISHED, UPDATED):
        for m in label.finditer(text):
            # (a date glued to its label, "PublishedNovember 8", is read as if the blank were there)
            glued = " " + text[m.end():m.end() + 40]
            for rx in FORMS:
                if (d := rx.match(text, m.end()) or rx.match(glued, 1)) and (got := to_date(d)):
                    return got
            if ym := YEAR_MONTH.match(text, m.end()):
                return dt.date(int(ym["y"]), int(ym["m"]), 15)
    return None


# what makes a date in the head an event rather than the date of the piece: "on Jan 5, 2026", "2024-01-01 기준"
EVENT_BEFORE = regex.compile(r"(?:\b(?:on|until|till|by|before|after|from|since|through|to|at|as\sof)|지난|오는)\s?$",
                             regex.IGNORECASE)
EVENT_REACH = 16  # EVENT_BEFORE's longest match ("through ") and then some: it is looked for only this far back
EVENT_AFTER = regex.compile(r"\s?(?:까지|부터|에|께|이후|이전|기준|예정|전후|중)")
WORD = regex.compile(r"[\p{L}\p{N}]+")
NEWLINE = regex.compile(r"\n")
TABLE_ROW = regex.compile(r"\s{0,3}\|")


def from_head(text: str, body: int) -> dt.date | None:
    """A date that opens or nearly fills one of the first lines, or sits on a byline anywhere.

    Scraped text is often one line, so nothing here reads a whole line per date: its ends come from the
    article's line breaks, and the words around a date are read only as far as they decide (reading the line
    for each date took most of a minute on a megabyte of one line)."""
    head_end = _head_end(text, body)
    breaks = [m.start() for m in NEWLINE.finditer(text)]
    for start, end, got in dates_in(text, body, head_end):
        a, b = _line(text, breaks, start, end)
        if _piece_date(text, a, start, end, b) and (_dateline(text, a, start, end, b) or _byline(text, a, b)):
            return got
    # past the head only a byline dates the piece; find those lines first, as dates in the body are many
    lines = sorted({_line(text, breaks, by.start(), by.end()) for rx in BYLINES for by in rx.finditer(text, head_end)})
    for a, b in lines:
        if _byline(text, a, b):
            for start, end, got in dates_in(text, a, b):
                if _piece_date(text, a, start, end, b):
                    return got
    return None


def _line(text: str, breaks: list[int], start: int, end: int) -> tuple[int, int]:
    """Start and end of the line holding text[start:end], by bisecting the sorted offsets of the line breaks."""
    i = bisect_left(breaks, start)
    j = bisect_left(breaks, end, i)
    return (breaks[i - 1] + 1 if i else 0), (breaks[j] if j < len(breaks) else len(text))


def _piece_date(text: str, a: int, start: int, end: int, b: int) -> bool:
    """Not an event's date, a cut-off date or a date in a table row, which are not the date of the piece."""
    return not (EVENT_BEFORE.search(text, max(a, start - EVENT_REACH), start) or EVENT_AFTER.match(text, end, b)
                or TABLE_ROW.match(text, a, b))


def _byline(text: str, a: int, b: int) -> bool:
    return b - a <= BYLINE_MAX and any(rx.search(text, a, b) for rx in BYLINES)


def _dateline(text: str, a: int, start: int, end: int, b: int) -> bool:
    """The date opens its line ("2025년 11월 25일, ...", "Seoul, November 13, 2025 — ...") or is most of it."""
    if DATELINE_LEAD.fullmatch(text, a, start) or _masthead_field(text, a, start, end, b):
        return True
    # counted only until they are too many: the line may be a whole article
    words = chain(WORD.finditer(text, a, start), WORD.finditer(text, end, b))
    return sum(1 for _ in islice(words, SHORT_REST + 1)) <= SHORT_REST


# "Northcliff Equity Research. Telecom equipment. 15 October 2025. Analyst: …": a note's masthead line of short fields,
# one of them the date alone
FIELD_OPEN = regex.compile(r"(?:[.|·•;]|\s[-–—])\s+$")
FIELD_CLOSE = regex.compile(r"\s?(?:[.|·•;](?:\s|$)|\s[-–—]\s|$)")
MASTHEAD_MAX = 160  # a line longer than this is prose, whatever it opens with


def _masthead_field(text: str, a: int, start: int, end: int, b: int) -> bool:
    return b - a <= MASTHEAD_MAX and FIELD_OPEN.search(text, a, start) is not None and FIELD_CLOSE.match(text, end, b) is not None


def _head_end(text: str, body: int) -> int:
    """Offset just past the first HEAD_LINES non-blank lines after the front matter."""
    pos, seen = body, 0
    while pos < len(text) and seen < HEAD_LINES:
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        seen += bool(text[pos:nl].strip())
        pos = nl + 1
    return pos


def wire_dateline(text: str, body: int, name: str | None) -> dt.date | None:
    """"SEOUL, Oct 30 (Reuters) -": the month and day, in the year of the file name or the story's (`year_of`)."""
    for m in WIRE.finditer(text, body, _head_end(text, body)):
        month = MONTHS[m["mn"][:3].lower()]
        year = int(m["y"]) if m["y"] else year_of(text, name, month, int(m["d"]), m.end())
        try:
            return dt.date(year, month, int(m["d"])) if year else None
        except ValueError:
            return None
    return None


# "On July 23, 2025 Boston Scientific Corporation reported ...": a release's lead opens on the day it went out
LEAD_ON = regex.compile(r"(?:^|(?<=\n))[\W_]{0,4}On\s$")


def lead_date(text: str, body: int) -> dt.date | None:
    """The full date an opening sentence of the head starts with ('On July 23, 2025 ...')."""
    for start, _, got in dates_in(text, body, _head_end(text, body)):
        if LEAD_ON.search(text, max(body, start - 8), start):
            return got
    return None
