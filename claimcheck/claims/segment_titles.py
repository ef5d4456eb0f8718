"""Business lines named by a title rather than a sentence: a 'label:' opening the figure's line ("- 컴포넌트: 매출
1조2,482억원", "• Revenue- Technologies: $3.38 billion"), a bullet heading the bullets under it, or a section title that
is a line's name ("Ford Pro Segment", "■ 컴포넌트 부문"). fields_segment asks these when the sentence names no line."""
from __future__ import annotations

import regex

from . import assign as A
from .. import vocab as L
from .business_lines import segment_id
from .figure import Figure
from .line_kinds import BULLET_NAME, NUMBER_LEAD


def label_line(fig: Figure) -> str | None:
    """'- 컴포넌트: 매출 1조2,482억원': a label that names no metric, company or period is the business line
    the figures after it are about."""
    # ("• Semiconductors (Q4 2025): Revenue of $11.1 billion": the period bracketed after the name is no part of it)
    label = PERIOD_ASIDE.sub("", fig.label_text).strip(" -•*·:")
    lex = fig.ctx.lex
    if (dash := METRIC_DASH.match(label)) and A.label_cues(lex, dash["m"]):
        label = dash["s"]  # "• Revenue- Technologies: $3.38 billion": the metric, a dash, then the line it is of
    elif dash and A.label_cues(lex, dash["s"]):
        label = dash["m"]  # "- Commercial Lines - Combined ratio: 92.2%": the line, a dash, then its metric
    # ("Peers: … Kering's comparable revenue fell 5.9%": a note's section word names no line)
    if not label or len(label) > LONGEST or A.label_cues(lex, label) or label in lex.alias_to or label.lower() in lex.not_segments \
            or L.taxonomy().says(label) or any(ch.isdigit() for ch in label) or _dateline(fig, label) \
            or label.count("(") > label.count(")") \
            or NOTE_SECTION.search(label):  # ("업종 참고:", "Risks:": a note's section word, no line)
        return None
    return segment_id(label)  # the id every other reading of a line gives it


# a sentence closed before the label: the article's prose has begun
CLOSED = regex.compile(r"[.!?](?:\s|$)|다\.")


def _dateline(fig: Figure, label: str) -> bool:
    """'Mumbai: Infosys third quarter profit slipped …': a place's name opening the article's first sentence is
    where the story was filed, no business line."""
    start = fig.label[0] if fig.label else 0
    opens_line = not fig.scan[fig.scan.rfind("\n", 0, start) + 1:start].strip() and fig.label_text[:1].isalpha()
    return opens_line and len(label.split()) <= 2 and label[:1].isupper() and CLOSED.search(fig.scan, 0, start) is None


PERIOD_ASIDE = regex.compile(r"\s?\((?:Q[1-4]|[1-4]Q|FY|H[12]|fiscal)[^()]{0,12}\)", regex.IGNORECASE)
# a line's name is short ("Industrial Intermediates & Infrastructure", 41); a longer label is a sentence's opening
LONGEST = 48
def dash_label(fig: Figure) -> str | None:
    """'Geographic Net Sales- United States : $655 million': a label that names its metric, a dash, then a line (or
    the line first: 'Commercial Lines - Combined ratio: 92.2%') says outright which line its figures are of, before
    any reading of the words in it."""
    label = fig.label_text.strip(" -•*·:")
    dash = METRIC_DASH.match(label) if "-" in label or "–" in label or "—" in label else None
    return label_line(fig) if dash and (A.label_cues(fig.ctx.lex, dash["m"]) or A.label_cues(fig.ctx.lex, dash["s"])) else None


METRIC_DASH = regex.compile(r"(?P<m>[^-–—:]{2,44}?)\s?[-–—]\s(?P<s>[^-–—:]{2,44})")


# words of a section title that name no business line ("Key Financial Metrics:", "Segment Performance:")
GENERIC_HEAD = regex.compile(r"\b(?:metrics|results|highlights|summary|overview|performance|financials|key|guidance|outlook"
                             r"|segments?|dividends?|repurchases?|balance|cash\sflow|quarter|year|notes?)\b|실적|요약|주요|전망",
                             regex.IGNORECASE)


# a note's own section words, never a line's name ("업종 참고:", "Risks:", "Valuation:")
NOTE_SECTION = regex.compile(r"\b(?:risks?|valuation|peers?|sector\snotes?|context)\b|참고|리스크|밸류에이션|투자\s?포인트|업종|경쟁사|결론",
                          regex.IGNORECASE)


def bullet_head(fig: Figure) -> str | None:
    """'• Construction Industries:' alone on its line, then '• Sales: $6.76 billion': a bullet that names no metric,
    company or period heads the business line of the bullets under it."""
    lay = fig.ctx.lay
    h = lay.headings.get(fig.line, -1)
    if h is None or h < 0 or h == fig.line:
        return None
    raw = lay.line_text(h)
    # "Small Agriculture & Turf" then "Net sales dropped 18% …": a title of joined names over a line opening on a metric
    after = [lay.line_text(j) for j in range(h + 1, min(h + 3, len(lay.line_starts)))]
    joined = METRIC_OPENS.match(next((t for t in after if t.strip()), "")) is not None
    # read once per heading: every figure under it asks
    return L.remembered(fig.ctx.lex, "bullet head joined" if joined else "bullet head", raw,
                        lambda: _bullet_line(fig.ctx.lex, raw, joined))


def _bullet_line(lex: L.Lexicon, raw: str, joined: bool = False) -> str | None:
    if not BULLET.match(raw):
        return _section_line(lex, raw.strip(), joined)
    label = BULLET.sub("", raw).strip().rstrip(":：").strip()
    if not label or len(label) > LONGEST or GENERIC_HEAD.search(label) or A.label_cues(lex, label) or label in lex.alias_to \
            or L.taxonomy().says(label) or any(ch.isdigit() for ch in label) or any(True for _ in lex.entity_rx.finditer(label)):
        return None
    return segment_id(label)


BULLET = regex.compile(r"^\s*(?:[-*+•·▪◦]\s)")
# "Ford Pro Segment", "Data Center (record)", "■ 컴포넌트 부문": a section title that is a line's name heads the
# figures under it; other titles ("Key Highlights", "Outlook") name nothing
# (and "2. Data Center Market:": a company reporting by end market heads each market's figures with it)
SECTION_WORD = regex.compile(r"\s?(?:segment|division|business\sunit|unit|end\smarket|market|사업부문|사업부|사업본부|부문)$", regex.IGNORECASE)
ASIDE_PAREN = regex.compile(r"\s?\([^()]{1,20}\)$")
METRIC_OPENS = regex.compile(r"\s*(?:[-•*]\s)?(?:(?:Net|Gross|Total)\s(?:sales|income|revenues?)|Sales|Revenues?|EBITDA|Operating\s(?:profit|income)|Segment\sprofit)\b",
                             regex.IGNORECASE)
AMP_NAME = regex.compile(r"[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3}\s&\s[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3}")


def _section_line(lex: L.Lexicon, raw: str, joined: bool = False) -> str | None:
    label = ASIDE_PAREN.sub("", NUMBER_LEAD.sub("", raw.lstrip("#■◆▶□◇●○▲△ ")).rstrip(":：")).strip()
    if not label or len(label) > LONGEST or any(ch.isdigit() for ch in label):
        return None
    if joined and " " in label and not label.isupper() and BULLET_NAME.fullmatch(label) and not GENERIC_HEAD.search(label) \
            and (ASIDE_PAREN.search(raw) or not A.label_cues(lex, label)) and not any(True for _ in lex.entity_rx.finditer(label)):
        # "Global Banking" or "Global Wealth and Investment Management (GWIM)" over "- Net Income: $1.3 billion.": a
        # name of capitalised words over a metric's bullet heads it (its initials bracketed: whatever words it holds)
        return segment_id(label)
    if A.label_cues(lex, label):
        return None
    named = SECTION_WORD.search(label)
    if named and named.start() > 1 and not GENERIC_HEAD.search(label[:named.start()]) \
            and label[:named.start()] not in lex.alias_to:
        return segment_id(label[:named.start()])
    # "Small Agriculture & Turf" over its figures: two names joined are a line's, not a topic; and "Defense Systems:"
    # over "- Sales: $2.059 billion": a title closing on a colon over a metric's bullet heads it as a bullet would
    if joined and (AMP_NAME.fullmatch(label) or raw.endswith((":", "："))) and not label.isupper() \
            and not GENERIC_HEAD.search(label) and not any(True for _ in lex.entity_rx.finditer(label)):
        return segment_id(label)
    return lex.topic_of.get(L.key(label))  # the whole title a line's name: 'TV UNIT IN THE RED' is a story's title


# "**Consumer Products.** Segment net revenues decreased 7.0%": a bold run-in head opening a paragraph
RUN_IN = regex.compile(r"\s*\*\*(?P<label>[^*\n]{2,48}?)[.:：]?\*\*[.:：]?\s")


def run_in_head(fig: Figure) -> str | None:
    """A bold run-in head that opens the figure's paragraph and names no metric, company or period is the business
    line the paragraph is about."""
    lay, lex = fig.ctx.lay, fig.ctx.lex
    sents = lay.sentences
    i = fig.whole.index
    while i > 0 and sents[i - 1].para == fig.whole.para:
        i -= 1
    got = RUN_IN.match(lay.text, sents[i].start, sents[i].end)
    if got is None:
        return None
    label = got["label"].strip()
    if GENERIC_HEAD.search(label) or A.label_cues(lex, label) or label in lex.alias_to or L.taxonomy().says(label) \
            or any(ch.isdigit() for ch in label) or any(True for _ in lex.entity_rx.finditer(label)):
        return None
    return L.topic(lex, label) or segment_id(label)
