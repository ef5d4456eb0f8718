"""What a line of an article is: a heading or section title, a list item, a "label:" line, or prose."""
from __future__ import annotations

import regex

HEADING = regex.compile(r"^\s*(?:#{1,6}\s|\*\*[^*]+\*\*\s*$|[■▶●◆◇□▷►]\s)")
FIGURE_LIKE = regex.compile(r"[$₩€¥£%]|\d[\d,.]*\s?(?:조|억|만|billion|million|bn|mn)", regex.IGNORECASE)
CAPS = regex.compile(r"\p{Lu}{3,}\s\p{Lu}{3,}")
# "서울 중구 우리은행 본점 전경. 사진=우리은행", "[사진=연합뉴스]", "(Photo: Reuters)": a photo's caption heads nothing
PHOTO_CAPTION = regex.compile(r"사진\s?[=:]|[\[(（]\s?사진|사진\s?제공|제공\s?[\])]|ⓒ|이미지\s?확대|\bphoto\s?(?:[:=]|by\b|credit)|[(\[]\s?photo\b",
                           regex.IGNORECASE)
WORDY = regex.compile(r"[\p{L}\p{N}]")
MARKER_ITEM = regex.compile(r"^\s*[●◆◇□▶▷►]\s")
SENTENCE_END = regex.compile(r"[.!?다요]\s*$")
LIST_ITEM = regex.compile(r"^\s*(?:[-*+•·]\s|\d{1,2}[.)]\s|[①-⑳])")
PROSE_END = regex.compile(r"[.!?다]\s*$|\d")
# (a label of two parts set apart by a dash may run longer: "- Commercial line - Loss and loss adjustment expense ratio:")
LABEL = regex.compile(r"^\s*(?:[-*+•·]\s*)?(?:\*\*)?(?P<label>[^:：\n]{1,48}?|[^:：\n–-]{2,30}\s[-–]\s[^:：\n]{2,44}?)(?:\*\*)?\s*[:：](?!//)")
NUMBERED = regex.compile(r"^\s*\d{1,2}[.)]\s+\S")
NUMBER_LEAD = regex.compile(r"^\s*\d{1,2}[.)]\s")  # "2. Data Center Market:": the number a list item opens on


def caps_title(raw: str) -> bool:
    """"JUNE QUARTER 2022 ADJUSTED FINANCIAL RESULTS": a line in capitals that holds no figure is a section title."""
    line = raw.strip()
    return 10 <= len(line) <= 80 and line.isascii() and line.upper() == line and CAPS.search(line) is not None \
        and not FIGURE_LIKE.search(line)


INTRO_END = regex.compile(r"(?:다음과|아래와|다음|아래)\s?같(?:다|습니다)[.:]?\s*$|\bas\sfollows\s?[.:]\s*$|\bthe\sfollowing\s?:\s*$"
                          # "Bruch reported fiscal 2025 performance included:": the list's lead-in, however it is worded
                          r"|\b(?:included|includes|including|were|was|are|is|showed|shows|highlights?)\s?:\s*$",
                          regex.IGNORECASE)


def intro_title(raw: str) -> bool:
    """"3분기 사업별 매출은 다음과 같다.", "Segment revenue was as follows:": a short line holding no figure that
    announces the list under it heads that list, as a caption would, though it is a sentence."""
    line = raw.strip()
    return len(line) < 80 and INTRO_END.search(line) is not None and not FIGURE_LIKE.search(line)


# "Full fiscal year 2024", "Fourth Quarter 2024 Highlights", "2024년 연간 실적": a line that names only a span
# (and "2025 Full-Year Outlook": the year before the span word)
PERIOD_TITLE = regex.compile(r"\s*(?:\*\*)?(?:(?:(?:19|20)\d\d\s)?full[\s-](?:fiscal\s)?year|fiscal\s(?:year\s)?(?:(?:19|20)\d\d|full)|(?:first|second|third|fourth)"
                             r"[\s-]quarter|Q[1-4]|(?:19|20)\d\d\s?년?\s?(?:연간|[1-4]\s?분기))[^\d%$₩€¥£]{0,24}(?:(?:19|20)\d\d)?"
                             r"(?:\s(?:results|highlights|summary|실적))?(?:\*\*)?:?\s*", regex.IGNORECASE)


def period_title(raw: str) -> bool:
    """A short line that names a span and nothing else heads the figures under it."""
    line = raw.strip()
    return len(line) < 48 and PERIOD_TITLE.fullmatch(line) is not None and not FIGURE_LIKE.search(line)


def label_title(raw: str) -> bool:
    """"Full-year FY2026:", "Fourth quarter FY2026:": a short line that ends on a colon and holds no figure heads
    the list under it, though it names a period."""
    line = raw.strip()
    # and "• Construction Industries:" alone on its line heads the bullets under it
    return len(line) < 40 and line.endswith((":", "：")) and not FIGURE_LIKE.search(line) \
        and (not LIST_ITEM.match(raw) or len(LIST_ITEM.sub("", raw).strip()) > 2)


def bullet_title(raw: str, nxt: str) -> bool:
    """"- Consumer Banking" then "- Net Income: $3.4 billion.": a bullet of a few capitalised words, no figure and
    no full stop, over bullets that hold figures heads them, as if it ended on a colon."""
    # (and "Global Wealth and Investment Management (GWIM)" on a line of its own, over such bullets)
    line = LIST_ITEM.sub("", raw).strip()
    return 2 < len(line) < 60 and BULLET_NAME.fullmatch(line) is not None and LIST_ITEM.match(nxt) is not None \
        and FIGURE_LIKE.search(nxt) is not None


BULLET_NAME = regex.compile(r"[A-Z][\w&'’-]*(?:\s(?:[A-Z][\w&'’-]*|and|of|&))*(?:\s\([A-Z]{2,6}\))?")


# "• The company is updating its fiscal 2025 guidance reflecting:": a line that announces the outlook listed under it
# and "It now anticipates:": a forecast verb closing the line that opens the list
GUIDANCE_LEAD = regex.compile(r"\b(?:guidance|outlook|(?:now\s)?(?:anticipates|expects|projects|forecasts|sees))\b[^:\n]{0,30}[:：]\s*$",
                              regex.IGNORECASE)


def guidance_lead(raw: str) -> bool:
    """A line holding no figure that ends on a colon after 'guidance' or 'outlook' heads the plan listed under it."""
    line = raw.strip()
    return len(line) < 120 and GUIDANCE_LEAD.search(line) is not None and not FIGURE_LIKE.search(line)


def numbered_title(raw: str, blank_after: bool) -> bool:
    """'2. 현대로템 — K2가 끌고 간다' standing alone: a numbered section title, not a list item."""
    s = raw.strip()
    return blank_after and len(s) < 50 and bool(NUMBERED.match(raw)) and not regex.search(r"[.!?]\s*$", s)


# "… Key Financials | Metric | Q2 2025 | Q2 2024 | | :--- | :--- | :--- | | Revenue | $5.4B | $5.3B | …": a table whose
# rows were run into one line, its separator row somewhere inside
FLATTENED = regex.compile(r"\S[^|\n]*\|\s*:?-{3,}:?\s*\|[^\n]*?\|\s*\|\s*\S")


def flattened_rows(lay) -> list[tuple[int, int]]:
    """The spans (offsets) of tables run into one line, from its first pipe to its last: which column a figure sits
    in is lost there, so its period, metric and scale are guesses, and its figures are left out rather than typed by
    the words near them (the prose around the table on that line is kept)."""
    out: list[tuple[int, int]] = []
    if "|" not in lay.scan:
        return out  # nearly every article: no line is asked for its text
    for i, start in enumerate(lay.line_starts):
        t = lay.line_text(i)
        if "|" in t and "--" in t and FLATTENED.search(t) is not None:
            out.append((start + t.index("|"), start + t.rindex("|") + 1))
    return out
