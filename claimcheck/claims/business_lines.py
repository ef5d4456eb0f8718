"""Business lines inside a company named in prose: listed figures, quoted products, subject phrases."""
from __future__ import annotations

import re
from bisect import bisect_left

import regex

from ..models import Claim
from .. import vocab as L
from .regions import region_lines

# "서치플랫폼 매출 1조2천억원, 커머스 매출 1조1천억원" / "automotive revenue was $77.1 billion":
# a word naming the line of business right before the metric word
LISTED = regex.compile(r"(?P<seg>[\p{L}][\p{L}\p{N}·&-]{1,20})(?:\s?\([^()]{1,40}\))?\s(?:매출액?|영업이익|이익|revenue|sales|operating\sincome)"
                       r"\s?(?:은|는|이|가|was|were|of|:)?\s?(?:약\s?|about\s)?$", regex.IGNORECASE)
# the metric words LISTED ends on, looked for first in the few characters before a figure
MAYBE_LISTED = regex.compile(r"매출|이익|revenue|sales|income", regex.IGNORECASE)
NOT_SEGMENT = {"분기", "연간", "전체", "총", "연결", "별도", "전년", "지난해", "올해", "월", "순", "연", "회사", "그룹", "기준",
               "quarterly", "annual", "total", "net", "group", "company", "its", "the", "and", "quarter", "year", "full-year"}


def listed_segments(made: list[Claim], lay, lex: L.Lexicon) -> list[Claim]:
    """Give figures of one sentence their business-line words when the sentence lists two or more."""
    if len(made) < 2:
        return made
    named = {}
    for i, c in enumerate(made):
        if c.segment or c.unit in ("pp", "count") or (c.unit == "%" and not L.taxonomy().is_growth(c.metric)):
            continue
        start = lay.line_starts[c.line - 1] + c.column - 1
        got = MAYBE_LISTED.search(lay.scan, max(0, start - 40), start) \
            and LISTED.search(lay.scan, max(0, start - 40), start)
        seg = got["seg"] if got else None
        if seg and (word := seg.lower()) not in NOT_SEGMENT and word not in lex.alias_to and seg not in lex.alias_to \
                and not MONTH_WORD.fullmatch(word) \
                and not L.NOT_A_NOUN.search(seg):  # "물류 분야에선 매출액": a particle-ended word is no line's name
            named[i] = word
    # a surprise's segment names the metric that beat, no business line
    if len(set(named.values()) | {c.segment for c in made if c.segment and c.metric != "surprise"}) < 2:
        return made
    return [c.model_copy(update={"segment": named[i]}) if i in named else c for i, c in enumerate(made)]


# "‘Rufus’가 120억 달러 매출 기여": an unlisted product or unit named as the subject
NAMED_SUBJECT = regex.compile(r"[‘'\"“](?P<q>[^’'\"”]{2,30})[’'\"”]\s?(?:이|가|은|는|의)\s|(?<![\p{L}\p{N}-])(?P<c>\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*[\p{L}\d])(?:\([^()]{1,12}\))?\s?\)?\s?(?:이|가|은|는)\s")


def named_subject(scan: str, start: int, pos: int, lex: L.Lexicon) -> str | None:
    found = None
    for m in NAMED_SUBJECT.finditer(scan, start, pos):
        found = (m["q"] or m["c"]).strip()
    if found and L.key(found) in lex.metric_of:
        return None  # "K-ICS(지급여력비율)는 264.8%": a metric's own name, no business line
    return segment_id(found) or None if found else None


# "MX·네트워크사업부는 ... 매출 34조원", "서치플랫폼 매출은 1조원", "Data center revenue, which ... jumped 66%",
# "while iPad revenue was flat", "Sales in Greater China fell": the unit a clause is about, named as its subject
# Each pattern goes with words it cannot match without, looked for first: most sentences name no subject
# line, and the patterns, which open on any letter, take several times longer to say so.
SUBJECTS = [(regex.compile(p), re.compile(words)) for p, words in (
    # ("공통 및 기타 부문은": two names joined are one line)
    (r"(?<![\p{L}\p{N}])(?P<seg>(?:[\p{L}\p{N}]{1,8}\s(?:및|과|와|&)\s)?[\p{L}\p{N}][\p{L}\p{N}·&/]{0,15}?)(?:\([^()]{1,20}\))?(?:\s사업부문|\s?(?:사업부|사업본부|부문))(?:에서는|에서|에선|은|는|이|가|의|도)?(?=\s)",
     r"사업부|사업본부|부문"),
    # "해외 식품사업은 매출 1조4554억원": a business made the topic right before its metric
    (r"(?<![\p{L}\p{N}])(?P<seg>[\p{L}\p{N}][\p{L}\p{N}·&/]{0,15}?)\s?사업(?:은|는|에서는|에서)\s(?=(?:(?:올해\s|지난해\s|올\s)?[1-4]분기\s)?(?:매출|영업|순이익|이익))",
     r"사업(?:은|는|에서)"),
    # "광학솔루션사업은 ... 3조9066억 원의 매출을 기록했다": a business made the topic, its metric named after the figure
    (r"(?<![\p{L}\p{N}])(?P<seg>[\p{L}\p{N}·&/]{2,15}?)\s?사업(?:\s?실적)?(?:은|는|에서는|에선)\s", r"사업(?:\s?실적)?(?:은|는|에서|에선)"),
    # "말레이시아 법인의 3분기 매출액은", "미국 법인은": a subsidiary abroad named as the topic is a line of the group's
    (r"(?<![\p{L}\p{N}])(?P<seg>\p{Hangul}{2,8}?)\s?(?:현지\s?)?법인(?:의|은|는|이|에서는|에서)\s", r"법인(?:의|은|는|이|에서)"),
    # "물류 분야에선 매출액 2조5019억원, 영업이익 1867억원": a field of business the figures after it come from
    (r"(?<![\p{L}\p{N}])(?P<seg>[\p{L}\p{N}·&/]{2,15}?)\s?분야(?:는|가|이|에선|에서는|에서)\s", r"분야(?:는|가|이|에서|에선)"),
    # and "여객 사업 매출은": the line's name before the word 사업 ("성장사업 매출은" is one name)
    # and "트레이더스 총매출은", "PC게임 '리니지' 매출은": a quoted title, a gross or net sales word
    (r"(?<![\p{L}\p{N}/])['‘\"“]?(?P<seg>[\p{L}][\p{L}\p{N}·&/-]{1,20}?)['’\"”]?(?:의)?(?:\s사업(?:부문)?(?:의)?)?(?:\s?\([^()]{1,40}\))?"
     r"\s(?:총매출액?|순매출액?|매출액?|영업이익|영업손실|영업적자|매출총이익|판매량|수주잔고|수주|대출\s?잔액|여신\s?잔액|수신\s?잔액)(?:은|는|이|가|도)\s",
     r"(?:매출액?|영업이익|영업손실|영업적자|매출총이익|판매량|수주잔고|수주|잔액)(?:은|는|이|가|도)"),
    # "광학통신(카메라모듈)은 1조1천억원 정도로": a line made the topic of an amount right after it
    (r"(?<![\p{L}\p{N}/])(?P<seg>\p{Hangul}[\p{Hangul}·]{1,11})(?:\s?\([^()]{1,20}\))?(?:은|는)\s(?=(?:약\s?)?\d[\d,.]*\s?[조억만천])",
     r"(?:은|는)\s(?:약\s?)?\d"),
    # "첨단소재는 매출 1조1217억원": a line made the topic, then its metric and figure
    (r"(?<![\p{L}\p{N}/])(?P<seg>[\p{L}][\p{L}\p{N}·&/-]{1,15}?)(?:\s?(?:사업본부|사업부|부문))?(?:\([^()]{1,12}\))?(?<!사업)(?:은|는)\s(?:(?:올해?|지난해|이번)\s?)?(?:[1-4]\s?분기\s)?"
     r"(?=(?:총매출액?|순매출액?|매출액?|영업이익|영업손실|순이익|당기순이익)\s?(?:은|는|이|가|도)?\s?(?:약\s?)?\d)",
     r"(?:은|는)\s(?:(?:올해?|지난해|이번)\s?)?(?:[1-4]\s?분기\s)?(?:총매출|순매출|매출|영업|순이익|당기순)"),
    (r"(?:\G|(?<=[.;:•▶■◆-]\s))(?P<seg>(?:[A-Z][\w&-]*|i[A-Z]\w*)(?:\s(?:[A-Z][\w&-]*|[a-z]+)){0,3}?)"
     r"\s(?i:revenues?|sales|segment|division|unit|business)\b",
     r"(?i:revenue|sales|segment|division|unit|business)"),
    # further down a list: ", energy generation and storage revenue was", "while iPad revenue was"
    (r"(?:(?<=,\s)|(?<=\b(?:while|whereas|but|as)\s)|(?<=(?:,|\d%|\d|illion)\sand\s))(?P<seg>(?:[A-Za-z][\w&-]*|i[A-Z]\w*)(?:\s(?:and\s)?[A-Za-z][\w&-]*){0,3}?)"
     r"\s(?i:revenues?|sales)\s(?i:was|were|rose|fell|grew|came|reached|climbed|jumped|declined|improved|increased|of|at|up|down)\b",
     r"(?i)revenue|sales"),
    # "a 16% increase in value-added services and solutions revenue, reaching $2.82 billion": the line that grew
    (r"(?<=\b(?:increase|rise|growth|decline|drop|jump|gain|decrease)\sin\s)(?P<seg>[A-Za-z][\w&-]*(?:\s(?:and\s)?[A-Za-z][\w&-]*){0,4}?)"
     r"\s(?i:revenues?|sales)\b(?!\s(?:growth|increase|decline))",
     r"(?i)(?:increase|rise|growth|decline|drop|jump|gain|decrease)\sin\s"),
    # "QCT brought in $9.8 billion in revenue", "Sam's Club posted $23.6 billion": a capitalised line that reports
    # a figure itself (a company doing so is no line: the name filters below drop it)
    (r"(?:\G|(?<=[.;:]\s)|(?<=,\s)|(?<=\b(?:while|and)\s))(?P<seg>[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,2})"
     r"(?=\s(?:brought\sin|posted|generated|reported|delivered|booked|recorded|contributed)\s[^.;,]{0,40}?[$€£¥₩]?\d)",
     r"brought\sin|posted|generated|reported|delivered|booked|recorded|contributed"),
    # "Cloud applications grew 11% to $3.9 billion, with Fusion Cloud ERP up 18%": a capitalised line made the
    # subject of a change verb, at the sentence's start or further down its list
    # and "Handset revenue rose 14% to $6.96 billion, automotive grew 17% to $1.05 billion, IoT increased 7%"
    # (lower case only where a list item starts: "revenue from software and services jumped" is one line)
    (r"(?:(?:\G|(?<=[.;:•▶■◆-]\s)|(?<=,\s(?:and\s)?))(?!(?:with|while|whereas|and|but|as|its|the)\s)"
     r"(?P<seg>[A-Za-z][\w&-]*(?:\s[A-Za-z][\w&-]*){0,3}?)"
     r"|(?<=\b(?:with|while|whereas|and)\s)(?P<seg>[A-Z][\w&-]*(?:\s[A-Za-z][\w&-]*){0,3}?))"
     r"(?=\s(?:was\s|were\s)?(?:up|down|grew|rose|fell|climbed|jumped|declined|increased|decreased|gained|slipped|surged|dropped)"
     r"\s(?:by\s)?(?:about\s|roughly\s|nearly\s|some\s)?[\d$€£¥₩])",
     r"\b(?:up|down|grew|rose|fell|climbed|jumped|declined|increased|decreased|gained|slipped|surged|dropped)\s"),
    (r"(?:\G|(?<=[.;:]\s))(?P<seg>[A-Z][\w&-]*),\swhich\b", r"which"),
    # "Aerospace Technologies was the star again, with third-quarter sales of $4.15 billion", "Building Automation
    # topped $1.9 billion in sales": a capitalised line opening the sentence as the subject of its verb
    # and "MedTech, covering cardiovascular and surgery, delivered 5.6%", "PepsiCo Foods North America, home of Lay's, saw"
    (r"(?:\G|(?<=[.;:]\s))(?P<seg>[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,3})(?:,\s[^.;]{1,60}?,)?\s(?:was|were|remained|saw|had|led|topped"
     r"|reached|delivered|contributed|accounted)\b(?=[^.;]{0,80}?(?:[$€£¥₩]\d|\d%))",
     r"\b(?:was|were|remained|saw|had|led|topped|reached|delivered|contributed|accounted)\b"),
    (r"\b[Tt]he\s(?P<seg>[\w,& -]{2,40}?)\s(?:unit|division|segment)\b", r"unit|division|segment"),
    # "the direct-to-consumer streaming (SVOD) business, where operating income surged 72%": the line its clause is about
    (r"\b[Tt]he\s(?P<seg>[\w& -]{2,40}?)(?:\s\([\w&-]{2,12}\))?\s(?:business|segment|unit|division),\s(?:where|which)\b",
     r",\s(?:where|which)"),
    # "Revenue in its \"more personal computing\" segment": a line named in quotes
    (r"\b(?:[Tt]he|its|their)\s[\"“](?P<seg>[^\"”]{2,40})[\"”]\s(?:segment|unit|division|business)\b", r"segment|unit|division|business"),
    # "◇ 컴포넌트 매출 1조2,482억원": a title names the line right before its metric and figure
    (r"(?<![\p{L}\p{N}])(?P<seg>[\p{L}][\p{L}\p{N}·&-]{1,20}?)(?<![은는이가을를의도])(?:\s단독)?(?:\s?\([^()]{1,40}\))?"
     r"\s(?:매출액?|영업이익률?|이익률)\s(?=\d)",  # and "지상방산 단독 이익률 20%대": the line on its own
     r"(?:매출액?|영업이익률?|이익률)\s\d"),
    # "짐펜트라의 경우 ...", "신규 제품 3종은 ...": a product made the sentence's topic
    # ("GS더프레시(슈퍼마켓)의 경우": the name, not its gloss)
    (r"(?<![\p{L}\p{N}])(?P<seg>[\p{L}][\p{L}\p{N}·&-]{1,15})(?:\([^()]{1,12}\))?의\s?경우", r"의\s?경우"),
    (r"\b(?:[Ss]ales|[Rr]evenue)\s(?:in|from)\s(?:the\s)?(?P<seg>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})", r"ales|evenue"),
    # "revenue from energy generation and storage jumped 44%": a line named after 'from', up to its verb
    (r"\b(?:[Ss]ales|[Rr]evenues?)\sfrom\s(?:the\s|its\s)?(?P<seg>[a-z][\w&-]*(?:\s(?:and\s|&\s)?[a-z][\w&-]*){0,6}?)"
     r"\s(?:jumped|rose|grew|fell|climbed|increased|declined|decreased|was|were|reached|came|totaled|shrank|slipped)\b",
     r"evenues?\sfrom"),
)]
NOT_LINE = NOT_SEGMENT | {"사업", "전사", "각", "주력", "해당", "이", "그", "두", "세", "모든", "전", "일부", "기타",
                          "operating", "gross", "fourth-quarter", "third-quarter", "second-quarter", "first-quarter",
                          "revenue", "sales", "this", "that", "our", "their", "record", "overall", "product",
                          "analysts", "consensus", "quarterly", "company-wide", "부문", "사업부", "사업부문", "사업본부", "segment", "division",
                          "generated", "reported", "posted", "booked", "brought", "had", "with", "total", "its",
                          "while", "whereas", "although", "but", "and", "as", "it", "they", "we", "which",
                          "shares", "stock", "investors", "management", "wall", "executives", "he", "she",
                          "규모", "금액", "실적", "수치", "합계", "총액", "잔액", "누적", "목표", "전망", "예상", "추정치", "이익",
                          "가이던스", "컨센서스", "전망치", "예상치", "목표치", "계획", "평균", "시장", "증권가", "별도로", "연결로", "별도", "연결",
                          "지역", "법인", "region", "market"}
# words that split one line into two ("직접/간접 참여형", "국내/해외 식품"): kept as part of the line's name
PAIRED_MODIFIER = regex.compile(r"(?<![\p{L}])(직접|간접|국내|해외|신규|기존|온라인|오프라인)\s$")
AND_JOINED = regex.compile(r"\s(?:and|&)\s", regex.IGNORECASE)
HANGUL_GAP = regex.compile(r"(?<=\p{Hangul})\s+(?=\p{Hangul})")
LEAD_CONJ = regex.compile(r"^(?:while|whereas|and|but|as)\s+", regex.IGNORECASE)
# "Oracle posted revenue of ...": a phrase ending on the verb that reports the figure is no line
# words no line's name holds: a reporting or forecasting verb, an infinitive's "to" ("Pfizer continues to project revenue")
REPORTING_VERBS = {"posted", "reported", "generated", "booked", "brought", "had", "recorded", "logged", "delivered", "achieved",
                   "announced", "said", "to", "continues", "expects", "projects", "project", "sees", "forecasts", "anticipates",
                   "guided", "raised", "lowered"}
# "The Growth Leader This segment": a phrase ending on a demonstrative points at a line named elsewhere
# "revenue in the July-September quarter", "Q3 revenue of": a span of months or a quarter's name is no line
MONTH_WORD = regex.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:first|second|third|fourth)[\s-]quarter"
                           r"|(?:q[1-4]|[1-4]q|fy|h[12]|[12]h)(?:\s?'?\d{2,4})?\b")
# "More Sales, Less Profit": a comparative alone is no line ("more personal computing" is)
COMPARATIVE = {"nine-month", "six-month", "three-month", "twelve-month", "more", "less", "higher", "lower", "strong", "stronger", "weak", "weaker", "solid", "robust", "record"}
DEMONSTRATIVE = {"this", "that", "these", "those", "its", "our", "their"}
MODIFIER_END = ("한", "된", "뺀", "난", "던", "른", "운", "은", "는", "인", "적", "의", "면", "고", "며", "서", "해", "도", "어", "여", "로")


# "식품사업부문", "식품 부문", "식품사업" and "식품사업은" name one line: its id is "식품"
KO_UNIT_WORD = regex.compile(r"(?<=\p{Hangul}{2}|[A-Za-z]{2})\s?(?:사업부문|사업본부|사업부|사업|부문)$")


def segment_id(word: str) -> str:
    """A line's id from its name: lower case, words joined by '_', Korean written without its spaces, so that
    "직접 참여형" and "직접참여형", "Rest of the World" and "rest of the world" meet."""
    word = KO_UNIT_WORD.sub("", word)  # "기판소재사업", "기판소재 부문" and "기판소재" are one line
    return regex.sub(r"[\W_]+", "_", HANGUL_GAP.sub("", word)).strip("_").lower()


def _mostly_name(word: str, lex: L.Lexicon) -> bool:
    """Whether a company name takes up most of the phrase ("Samsung's DS" yes, "Google Search & other" no)."""
    named = sum(len(m.group()) for m in lex.entity_rx.finditer(word))
    return named > 0 and named >= len(word.replace(" ", "")) * 0.6


def subject_lines(scan: str, start: int, end: int, lex: L.Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, segment id) of every business line a sentence names as a subject, in order."""
    found = []
    for rx, words in SUBJECTS:
        if not words.search(scan, start, end):
            continue
        for m in rx.finditer(scan, start, end):
            word = m["seg"].strip(" ,")
            word = LEAD_CONJ.sub("", word)  # ", while Nike Direct revenue fell": the conjunction opens the clause
            if word.lower().startswith("total ") and " " in word.strip():
                word = word[6:]  # "Total cloud revenue reached $8 billion": the cloud line's total, not the company's
            low = word.lower()
            if not word or low in NOT_LINE or low.split()[0] in NOT_LINE or not REPORTING_VERBS.isdisjoint(low.split()) \
                    or low.split()[-1] in DEMONSTRATIVE or MONTH_WORD.match(low) or low in COMPARATIVE \
                    or (word.endswith(MODIFIER_END) and not L.topic(lex, word)) \
                    or low in lex.not_segments or L.NOT_A_NOUN.search(word) \
                    or word in lex.alias_to or L.key(word) in lex.alias_key or _mostly_name(word, lex) \
                    or any(L.taxonomy().says(lex.metric_of.get(L.key(c.group()), "_growth")) != "change"
                           for c in lex.metric_rx.finditer(word)):
                continue
            if pre := PAIRED_MODIFIER.search(scan, max(start, m.start() - 6), m.start()):
                word = pre.group(1) + " " + word  # "직접 참여형 매출" and "간접 참여형 매출" are two lines, not one
            # "글로벌 부문은": the vocabulary may know the phrase; not a longer name ending in a known one ("the Game
            # & Network Services segment" is no "services segment")
            # and "Client and Gaming segment" is one line of two names, not the gaming line
            topic = lex.topic_of.get(L.key(word)) if AND_JOINED.search(word) else \
                L.topic(lex, word) or (L.topic(lex, m.group()) if " " not in word.strip() else None)
            # Korean writes a line's name with or without its spaces ("직접 참여형", "직접참여형"): one id either way
            seg = topic or segment_id(word)
            if seg:
                found.append((m.start(), m.end(), seg))
    return sorted(found + region_lines(scan, start, end, lex))


def subject_segment(lines: list[tuple[int, int, str]], pos: int, cues: list | None = None) -> str | None:
    """The last subject line that ends before the figure at pos, unless another metric is named between them
    ("AI revenue grew 65% to $20 billion, ... and free cash flow rose 39%": the cash flow is the company's).

    Looked for backwards from the last line starting before pos, not among all of the sentence's lines: the
    lines skipped on the way straddle pos, at most one per pattern, so a run-on line costs no more per figure."""
    i = bisect_left(lines, (pos,))
    while i > 0:
        i -= 1
        if lines[i][1] <= pos:
            start, end = lines[i][0], lines[i][1]
            named = [c for c in cues or () if start <= c.start < pos and c.metric and not c.metric.startswith("_")]
            # a line named with its metric ("AI revenue grew") speaks for that metric only; another named after it
            # is what the figure measures. A line made the topic ("모듈 부문은 매출이 …, 영업이익률은") covers them all.
            # ("Aeronautics revenue rose 12%, while operating profit increased 3%": a line's revenue then its profit are
            # both the line's, as its statements print them)
            if named and named[0].start < end and any(c.metric != named[0].metric and not _line_pair(named[0].metric, c.metric)
                                                      for c in named if c.start >= end):
                return None
            return lines[i][2]
    return None


LINE_PAIRS = {"revenue": {"operating_income", "operating_margin"}}


def _line_pair(first: str, later: str) -> bool:
    """Whether a business line's figure for `first` goes on to one for `later` in the same sentence."""
    t = L.taxonomy()
    return (t.growth_of(later) or later) in LINE_PAIRS.get(t.growth_of(first) or first, set())
