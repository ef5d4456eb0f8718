"""Business lines inside a company named in prose: quoted products, subject phrases.

The subject phrases' patterns are in subject_patterns.py, the lists a sentence makes in listed_lines.py; this module
keeps what is no line's name and the ids."""
from __future__ import annotations

from bisect import bisect_left

import regex

from .. import vocab as L
from .branded_lines import branded_lines
from .line_ids import plain_id
from .hangul import particle_fits
from .regions import region_lines
from .subject_patterns import SUBJECTS

NOT_SEGMENT = {"분기", "연간", "전체", "총", "연결", "별도", "전년", "지난해", "올해", "월", "순", "연", "회사", "그룹", "기준",
               "역시", "또한", "특히", "반면", "한편", "다만", "이어",  # adverbs opening a clause: "중국 법인 역시 매출 4.7%"
               "quarterly", "annual", "total", "net", "group", "company", "its", "the", "and", "quarter", "year", "full-year"}


# words a subject pattern catches that name no line: the metric, a filler, a reporting verb, a market
NOT_LINE = NOT_SEGMENT | {"사업", "전사", "각", "주력", "해당", "이", "그", "두", "세", "모든", "전", "일부", "기타", "먼저", "우선",
                          "operating", "gross", "fourth-quarter", "third-quarter", "second-quarter", "first-quarter",
                          "revenue", "sales", "operations", "this", "that", "our", "their", "record", "overall", "whose",
                          "analysts", "consensus", "quarterly", "company-wide", "fiscal", "부문", "사업부", "사업부문", "사업본부", "segment", "division",
                          "generated", "reported", "posted", "booked", "brought", "had", "with", "total", "its",
                          "while", "whereas", "although", "but", "and", "as", "it", "they", "we", "which", "where", "there",
                          "however", "meanwhile", "though",
                          "shares", "stock", "investors", "management", "wall", "executives", "he", "she",
                          "규모", "금액", "실적", "수치", "판매", "수익", "주가", "합계", "총액", "잔액", "누적", "목표", "전망", "예상", "추정치", "이익",
                          "가이던스", "컨센서스", "전망치", "예상치", "목표치", "계획", "평균", "시장", "증권가", "별도로", "연결로", "별도", "연결",
                          "지역", "법인", "region", "market", "consolidated", "average", "combined",
                          "근데", "그런데", "그래도", "그리고", "하지만", "그러나", "또", "이번엔", "이번에는", "여기에"}
OTHER_UNIT = regex.compile(r"기타\s?(?:사업\s?)?부문|기타\s?사업")
JOINED_BEFORE = regex.compile(r"(?:및|과|와|&)\s?$")  # "공통 및 기타 부문": one line of two names
# words that qualify a metric when they stand alone ("신규 수주는": new orders), never a line's whole name
ALONE_NO_LINE = frozenset({"신규", "기존"})
# words that split one line into two ("직접/간접 참여형", "국내/해외 식품"): kept as part of the line's name
PAIRED_MODIFIER = regex.compile(r"(?<![\p{L}])(직접|간접|국내|해외|신규|기존|온라인|오프라인)\s$")
AND_JOINED = regex.compile(r"\s(?:and|&)\s", regex.IGNORECASE)
HANGUL_GAP = regex.compile(r"(?<=\p{Hangul})\s+(?=\p{Hangul})")
ACRONYM = regex.compile(r"[A-Z]{2,6}")
LINE_WORD_END = regex.compile(r"\s(?:segment|division|unit)\s?$", regex.IGNORECASE)
# connectives that open a clause before a line's or a list item's name ("이에 따라 섬유사업", "이후 한국 35%"), and the
# period a clause restates ("같은 기간 신규 수주는": the new orders of the same months, no line "기간 신규")
KO_LEAD = regex.compile(r"^(?:(?:같은\s기간|이\s기간|동\s?기간|해당\s기간|기간|이에|따라|따라서|반면|한편|또한|특히|다만|그러나|하지만|이중|그중|이후|이어|이어서|다음|다음으로|그다음|아래|가운데|속|속에서|와중에|비록)\s+)+")
LEAD_CONJ = regex.compile(r"^(?:while|whereas|and|but|as|both|into)\s+", regex.IGNORECASE)  # ("Both Plumbing and Heating revenue": the pair, no line "both"; "split into grocery trade EUR 1,628m")
# "…, helping drive semiconductor sales up 22%": a clause of consequence opens on a participle; the line is what follows
CAUSING_LEAD = regex.compile(r"^(?:help|driv|push|lift|boost|fuel|fuell|send|bring|pull|dragg|weigh)ing\s+"
                             r"(?:(?:to\s+)?(?:drive|push|lift|boost|send|bring|pull|fuel|offset)\s+)?", regex.IGNORECASE)
# "Oracle posted revenue of ...": a phrase ending on the verb that reports the figure is no line
# words no line's name holds: a reporting or forecasting verb, an infinitive's "to" ("Pfizer continues to project revenue")
MAKER_OF = regex.compile(r"\b(?:maker|makers|owner|parent|producer|seller|operator|developer|manufacturer)\sof\s"
                         r"(?:[\w&'’-]+(?:,\s|\s(?:and|&)\s))*$", regex.IGNORECASE)
# a word for a kind of line that a quoted title before it names ("‘검은사막’ 시리즈", "'비비고' 브랜드")
KIND_WORDS = {"시리즈", "게임", "브랜드", "제품", "라인업", "타이틀", "series", "franchise", "brand"}
QUOTED_BEFORE = regex.compile(r"['‘\"“](?P<q>[^'’\"”]{1,20})['’\"”]\s?$")
REPORTING_VERBS = {"posted", "reported", "generated", "booked", "brought", "had", "recorded", "logged", "delivered", "achieved",
                   "announced", "said", "to", "continues", "expects", "projects", "project", "sees", "forecasts", "anticipates",
                   "guided", "raised", "lowered",
                   # "Higher prices propelled net sales 3%": what drove the figure, a clause, never a line's name
                   "propelled", "lifted", "boosted", "drove", "pushed", "helped", "fueled", "fuelled", "powered",
                   "dragged", "weighed", "hurt", "offset", "pressured", "squeezed", "buoyed", "pulled", "sent", "cut",
                   # "Service made up 66% of net sales": the share's verb, not the last word of the line's name
                   "made", "makes", "represented", "represents",
                   # "…, as a percentage of net sales, went up 40 bps": the verb the move is said with
                   "went", "go", "goes", "came", "moved", "ticked", "edged"}
# "The Growth Leader This segment": a phrase ending on a demonstrative points at a line named elsewhere
# "revenue in the July-September quarter", "Q3 revenue of": a span of months or a quarter's name is no line
# (a month by its name or its abbreviation: "Markets" and "Octane" are no months)
MONTH_WORD = regex.compile(r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
                           r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])|(?:first|second|third|fourth)[\s-]quarter"
                           r"|(?:q[1-4]|[1-4]q|h[12]|[12]h)\s?fy\s?'?\d{2,4}\b|(?:q[1-4]|[1-4]q|fy|h[12]|[12]h)(?:\s?'?\d{2,4})?\b")
# "More Sales, Less Profit": a comparative alone is no line ("more personal computing" is)
COMPARATIVE = {"nine-month", "six-month", "three-month", "twelve-month", "more", "less", "higher", "lower", "strong", "stronger", "weak", "weaker", "solid", "robust", "record"}
DEMONSTRATIVE = {"this", "that", "these", "those", "its", "our", "their", "which", "who"}  # and a relative pronoun
# (and a clause's connective ending, "수익성 지표도 개선됐는데 영업이익률은": "…는데" closes a verb, names no line)
MODIFIER_END = ("는데", "은데", "인데", "져", "돼", "려", "겨", "춰", "쳐", "켜", "둬", "줘", "한", "된", "뺀", "난", "던", "른", "운", "은", "는", "인", "적", "의", "면", "고", "며", "서", "해", "도", "어", "여", "로")


# "식품사업부문", "식품 부문", "식품사업" and "식품사업은" name one line: its id is "식품"
# (and "AI 가속기향", "북미향": sales bound for a line or market are that line's)
KO_UNIT_WORD = regex.compile(r"(?<=\p{Hangul}{2}|[A-Za-z]{2})\s?(?:사업부문|사업본부|사업부|사업|부문|브랜드)$|(?<=\p{Hangul}{2})향$")


# "부문별로는 방위산업 5846억원": the breakdown's lead is no part of the first line's name
BREAKDOWN_LEAD = regex.compile(r"^(?:사업\s?)?(?:부문|사업부?|지역|제품)\s?별(?:로\s?(?:살펴)?보면|로는?)?\s")


# "사업부문별 매출액은 ▲건설 … ▲환경 …", "제품별로": a breakdown's header names how the lines are cut, no line
BREAKDOWN_OPEN = regex.compile(r"[\p{L}\p{N}]별\s?(?:매출|실적|비중|판매|영업이익)")
BREAKDOWN_WORD = regex.compile(r"[\p{L}\p{N}]별$")  # "부문별", "IP별": a breakdown, no line


# a Latin short name glossed in brackets by its long one: the short name is the line's id
GLOSSED_NAME = regex.compile(r"^(?P<n>[A-Za-z][A-Za-z&.-]{1,12})\s?\([^()]{4,60}\)$")


def segment_id(word: str) -> str:
    """A line's id from its name: lower case, words joined by '_', Korean written without its spaces, so that
    "직접 참여형" and "직접참여형", "Rest of the World" and "rest of the world" meet."""
    word = KO_UNIT_WORD.sub("", BREAKDOWN_LEAD.sub("", word))  # "기판소재사업", "기판소재 부문" and "기판소재" are one line
    word = GLOSSED_NAME.sub(r"\g<n>", word)  # "HDFS (Harley-Davidson Financial Services)" is HDFS, as "금융 부문(HDFS)" is
    word = POSSESSIVE_END.sub("", word)  # "Fresenius Helios's revenue": the line is Fresenius Helios
    return plain_id(HANGUL_GAP.sub("", word))


CITY_DASHED = regex.compile(r"^\p{Lu}{2,}(?:\s\p{Lu}{2,}){0,2}\s?(?:--|—|–)\s?")
POSSESSIVE_END = regex.compile(r"['’]s?$")


CORPORATE_WORD = {"group", "holding", "holdings", "inc", "corp", "co", "company", "ltd", "limited", "plc", "sa", "spa", "se",
                  "ag", "nv", "그룹"}


def initials_of(entity: str, seg: str) -> bool:
    """Whether a line's name is the company's own initials ("RIL" for Reliance Industries Limited, "HUL"), or its name
    with a corporate word ("Prada Group's revenue"): the company, as the story calls it, not a line of it."""
    own, _, rest = seg.rpartition("_")
    if own and rest in CORPORATE_WORD and own == segment_id(entity):
        return True
    letters = "".join(w[0] for w in entity.replace("-", " ").split() if w[:1].isalpha()).lower()
    got = seg.replace("_", "").lower()
    return len(letters) >= 2 and len(got) <= 5 and got in (letters, letters + "l", letters + "c", letters + "i", letters + "p")


def _mostly_name(word: str, lex: L.Lexicon) -> bool:
    """Whether a company name takes up most of the phrase ("Samsung's DS" yes, "Google Search & other" no)."""
    named = sum(len(m.group()) for m in lex.entity_rx.finditer(word))
    return named > 0 and named >= len(word.replace(" ", "")) * 0.6


# "LG Electronics' home appliance business grew": the vocabulary may know the line only with its kind word
KIND_TAIL = regex.compile(r"\s(?:business|segment|unit|division)")


def subject_lines(scan: str, start: int, end: int, lex: L.Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, segment id) of every business line a sentence names as a subject, in order."""
    found = []
    for rx, words in SUBJECTS:
        if not words.search(scan, start, end):
            continue
        for m in rx.finditer(scan, start, end):
            word = m["seg"].strip(" ,")
            if len(word) > 2 and word[-1] in "이가은는" and " " not in word and particle_fits(word[:-1], word[-1]) \
                    and not L.topic(lex, word):
                word = word[:-1]  # "급식이 1,286억원": the subject's mark, caught inside the item's name
            if len(word) == 1:  # "칩 사업(QCT)": only the acronym names a one-syllable line
                gloss = (m.groupdict().get("gloss") or "").strip()
                if not ACRONYM.fullmatch(gloss):
                    continue
                word = gloss
            after = scan[m.end("seg"):m.end("seg") + 1]
            if after in "이가은는" and after.strip() and not particle_fits(word, after):
                word += after  # "디스플레이 2394억원": the 이 is the name's last syllable, no subject's mark
            word = CAUSING_LEAD.sub("", LEAD_CONJ.sub("", word))  # ", while Nike Direct revenue fell": the conjunction opens the clause
            word = KO_LEAD.sub("", word)  # "이에 따라 섬유사업 매출은": a connective before the line is no part of its name
            word = CITY_DASHED.sub("", word)  # "SYDNEY--Westpac lifted": a wire's dateline glued to the subject
            if (lead := LATIN_LEAD.match(word)) and L.begins_names(lex, lead["w"]):
                word = word[lead.end():]  # "CJ 피드앤케어의 매출은": a group's name before the line is no part of it
            if word in KIND_WORDS and (quoted := QUOTED_BEFORE.search(scan, max(start, m.start("seg") - 24), m.start("seg"))):
                word = quoted["q"]  # "‘이브’ 시리즈는 205억 원": the title quoted, not the word for its kind
            if word.lower().startswith(("total ", "gross ")) and " " in word.strip() \
                    and next(lex.metric_rx.finditer(word), None) is None:  # "Gross bookings" is a metric
                # "Total cloud revenue reached $8 billion": the cloud line's total, not the company's; and "Gross fee
                # revenues climbed 7%": the fees' gross
                word = word.split(" ", 1)[1]
            if word.lower().endswith((" net", " total")):
                word = word.rsplit(" ", 1)[0]  # "International net revenue": the line's net revenue, the line is "International"
            low = word.lower()
            if word == "기타" and OTHER_UNIT.search(m.group()) and not JOINED_BEFORE.search(scan, max(start, m.start("seg") - 4), m.start("seg")):
                found.append((m.start(), m.end(), lex.region_ids.get(word, "other")))
                continue  # "기타 부문 매출이 5.7% 늘었다": the 'other' segment, named with its unit word, is a line
            if low in ALONE_NO_LINE:
                continue  # "신규 수주는": 'new' alone qualifies the metric, it names no line
            if " " not in word and OBJECT_BEFORE.search(scan, max(start, m.start("seg") - 3), m.start("seg")):
                continue  # "영업이익 152억원을 올려 영업이익률": a word right after an object is its verb, no line
            if word + scan[m.end("seg"):m.end("seg") + 2] in lex.alias_to:
                continue  # "McDonald's third-quarter revenue": a company whose name ends in its own possessive
            if not word or low in NOT_LINE or low.split()[0] in NOT_LINE or BREAKDOWN_WORD.search(word) or not REPORTING_VERBS.isdisjoint(low.split()) \
                    or low.split()[-1] in DEMONSTRATIVE or MONTH_WORD.match(low) or low in COMPARATIVE \
                    or (word.endswith(MODIFIER_END) and not L.topic(lex, word) and not m.groupdict().get("gloss")
                        and m.groupdict().get("quoted") is None) \
                    or low in lex.not_segments or L.NOT_A_NOUN.search(word) \
                    or ((word in lex.alias_to or L.key(word) in lex.alias_key or _mostly_name(word, lex))
                        and not OWN_NAME_BRAND.search(m.group())) \
                    or (not LINE_WORD_END.search(m.group()) and any(
                        L.taxonomy().says(lex.metric_of.get(L.key(c.group()), "_growth")) != "change"
                        for c in lex.metric_rx.finditer(word))):  # "the Markets segment": a line, whatever its name
                continue
            if MAKER_OF.search(scan, max(start, m.start() - 40), m.start()):
                continue  # "The maker of Tide and Tampax reported": the brands describe the company, which is the subject
            if _in_a_name(scan, m.start("seg"), m.end("seg"), lex):
                continue  # "텍사스 로드하우스(TXRH)는": the last word of a company's name is no line of it
            word = _after_own_name(scan, start, m.start("seg"), word, lex)
            if pre := PAIRED_MODIFIER.search(scan, max(start, m.start() - 6), m.start()):
                word = pre.group(1) + " " + word  # "직접 참여형 매출" and "간접 참여형 매출" are two lines, not one
            # "글로벌 부문은": the vocabulary may know the phrase; not a longer name ending in a known one ("the Game
            # & Network Services segment" is no "services segment")
            # and "Client and Gaming segment" is one line of two names, not the gaming line
            # and "네트워크 서비스 매출은": a two-word Korean name the vocabulary lacks keeps the line its last word names
            topic = lex.topic_of.get(L.key(word)) if AND_JOINED.search(word) else \
                L.topic(lex, word) or (L.topic(lex, m.group()) if " " not in word.strip() else None) \
                or (L.topic(lex, scan[m.start("seg"):m.end()]) if KIND_TAIL.fullmatch(scan, m.end("seg"), m.end()) else None) \
                or (L.topic(lex, word.split()[-1]) if HANGUL_GAP.search(word) else None)
            # Korean writes a line's name with or without its spaces ("직접 참여형", "직접참여형"): one id either way
            if m.groupdict().get("known") is not None and not topic:
                continue  # a sentence's opening topic counts as a line only when the vocabulary knows it as one
            seg = topic or segment_id(word)
            if seg:
                found.append((m.start(), m.end(), seg))
    found += [(a, b, L.topic(lex, w) or segment_id(w)) for a, b, w in branded_lines(scan, start, end, lex)]
    return _outermost(sorted(found + region_lines(scan, start, end, lex)))


# "the Williams Sonoma brand up 5.2%": a brand that bears the company's own name is a line of it
OWN_NAME_BRAND = regex.compile(r"\sbrand['’]?s?\s?$|\sbrand\b", regex.IGNORECASE)
OBJECT_BEFORE = regex.compile(r"\p{Hangul}(?:을|를)\s$")
LATIN_LEAD = regex.compile(r"(?P<w>[A-Z][A-Z0-9]{1,5})\s(?=\p{Hangul})")


def _outermost(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"반도체 소재사업 매출은": the two-word name, not the shorter one inside it that another pattern read."""
    out: list[tuple[int, int, str]] = []
    for a, b, seg in lines:  # sorted by start, so a longer name starting earlier comes first
        if out and out[-1][0] < a < out[-1][1] and seg != out[-1][2] and out[-1][2].endswith(seg):
            continue  # starts inside the longer name and is its tail
        out.append((a, b, seg))
    return out


LINE_VERB = regex.compile(r"raised|raises|lifted|boosted|lowered", regex.IGNORECASE)


def subject_segment(lines: list[tuple[int, int, str]], pos: int, cues: list | None = None, scan: str = "") -> str | None:
    """The last subject line that ends before the figure at pos, unless another metric is named between them
    ("AI revenue grew 65% to $20 billion, ... and free cash flow rose 39%": the cash flow is the company's).

    Looked for backwards from the last line starting before pos, not among all of the sentence's lines: the
    lines skipped on the way straddle pos, at most one per pattern, so a run-on line costs no more per figure."""
    i = bisect_left(lines, (pos,))
    while i > 0:
        i -= 1
        if lines[i][1] <= pos:
            start, end = lines[i][0], lines[i][1]
            # ("BASF's Materials segment raised EBITDA …": the line's verb, though a cue elsewhere, names nothing here)
            named = [c for c in cues or () if start <= c.start < pos and c.metric and not c.metric.startswith("_")
                     and not (scan and LINE_VERB.fullmatch(scan, c.start, c.end))]
            # a line named with its metric ("AI revenue grew") speaks for that metric only; another named after it
            # is what the figure measures. A line made the topic ("모듈 부문은 매출이 …, 영업이익률은") covers them all.
            # ("Aeronautics revenue rose 12%, while operating profit increased 3%": a line's revenue then its profit are
            # both the line's, as its statements print them)
            if named and named[0].start < end and any(c.metric != named[0].metric and not _line_pair(named[0].metric, c.metric)
                                                      for c in named if c.start >= end):
                # (unless the same words also make the line the topic before its metric: "석유화학부문은 영업이익은 …,
                # 매출액은 …" covers both)
                if not any(a == start and b <= named[0].start for a, b, _ in lines):
                    return None
            # "수주액이 디스플레이와 이차전지 부문 수주 증가에 따라 95% 성장한": lines named as a cause drove the whole's figure
            # and "'이브' 242억원으로 나타났고 지역별 매출 비중은 …": another breakdown opened between ends the line's reach
            # (the line a cause follows is still the figure's: "검색광고 매출은 … 모바일 검색의 성장으로 1.5% 증가한")
            if scan and in_cause(scan, end, pos):
                continue
            return None if scan and BREAKDOWN_OPEN.search(scan, end, pos) else lines[i][2]
    return None


def in_cause(scan: str, end: int, pos: int) -> bool:
    """Whether the line ending at `end` is named inside a cause of the figure at pos ("이차전지 부문 수주 증가에 따라
    95% 성장한"), not as the topic a cause follows ("식품사업부문은 해외 판매 호조 등에 힘입어 매출액")."""
    got = CAUSE.search(scan, end, pos)
    return got is not None and got.start() - end <= 24 and not TOPIC_AFTER.match(scan, end) \
        and not TOPIC_ENDED.search(scan, max(0, end - 3), end)


TOPIC_ENDED = regex.compile(r"(?:은|는|이|가|도)\s?$")  # a line read with its particle: "식품사업부문은"
TOPIC_AFTER = regex.compile(r"\s?(?:사업\s?부문|사업부|사업|부문|division|segment|business)?\s?(?:은|는|이|가|도|의\s?경우)\s|\s?(?:사업\s?부문|사업부|사업|부문)?,")
# the words that make what comes before them a cause of the figure after them
# (and "모바일 광고의 성장으로 4.8% 늘었다": a change noun with 으로 is a cause too)
CAUSE = regex.compile(r"(?:에|으로|로)\s?(?:따라|힘입어|인해|인한)\s|덕분에|덕에\s|영향으로\s|때문에\s|\b(?:thanks\sto|driven\sby|helped\sby|due\sto)\b"
                      r"|(?<=증가|감소|확대|축소|성장|호조|부진|개선|악화|효과)으?로\s",
                      regex.IGNORECASE)


LINE_PAIRS = {"revenue": {"operating_income", "operating_margin"}}


def _line_pair(first: str, later: str) -> bool:
    """Whether a business line's figure for `first` goes on to one for `later` in the same sentence."""
    t = L.taxonomy()
    base = t.growth_of(first) or first
    # "Systems revenues were $3.36 billion (62.8% of total revenues), up 28%": the line's share of the total is its own
    return (t.growth_of(later) or later) in LINE_PAIRS.get(base, set()) or t.share_of(later) == base


# "7~9월 삼화페인트 공업용 도료 매출 884억원", "삼화페인트 건축용 도료 부문 매출은": a two-word Korean name right after
# the company's own (no particle between) keeps its first word, which the patterns take only after a particle or a quarter
WORD_BEFORE = regex.compile(r"(?<=\s|^)(?P<w>\p{Hangul}[\p{Hangul}·]{1,9})\s$")
NOT_FIRST_WORD = {"올해", "지난해", "작년", "전년", "연결", "별도", "전체", "국내", "해외", "글로벌", "누적", "합산", "연간", "이번", "당기"}


def _after_own_name(scan: str, start: int, a: int, word: str, lex: L.Lexicon) -> str:
    """word with the Hangul word before it when that word follows a company's name, else word."""
    if " " in word or not word or not ("가" <= word[0] <= "힣"):
        return word
    w = WORD_BEFORE.search(scan, max(start, a - 12), a)
    if w is None or w["w"] in NOT_FIRST_WORD or w["w"].lower() in NOT_LINE or w["w"].endswith(MODIFIER_END):
        return word
    if w["w"].endswith("용") and len(w["w"]) >= 3:
        return f"{w['w']} {word}"  # "신발·잡화용 가죽은 매출 331억원": what the goods are for names the line with them
    b = w.start() - 1
    named = any(x.end() == b for x in lex.entity_rx.finditer(scan, max(start, b - 24), b))
    return f"{w['w']} {word}" if named and scan[b:b + 1] == " " else word


def _in_a_name(scan: str, a: int, b: int, lex: L.Lexicon) -> bool:
    """Whether scan[a:b] ends a company's name that begins before it."""
    return any(x.start() < a and x.end() >= b for x in lex.entity_rx.finditer(scan, max(0, a - 24), b))
