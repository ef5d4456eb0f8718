"""Which business line a figure is about, tried from the nearest words outward: a segment cue before
it, an exclusion ('AMPC 제외') or constant currency, a quoted or capitalised subject, a line named right
after it, the table row, the sentence's subject phrase, and a segment cue after it.
"""
from __future__ import annotations

import regex

from . import assign as A
from .. import vocab as L
from .headings import heading_text
from .line_kinds import LIST_ITEM
from .list_intro import adjusted_list
from .figure import Figure, clause_before
from .business_lines import segment_id, subject_lines, subject_segment
from .named_subjects import named_subject
from .exclusions import CONSTANT_FX, excluded_id, excluding, line_after
from .qualified_lines import line_on_basis
from .regional_basis import organic_region
from .possessive_line import possessive_line
from .regions import in_market, region_after, region_before
from .segment_anaphora import measured_line, pointed_line
from .moved_line import moved_line
from .metric_for_line import metric_for_line
from .segment_titles import bullet_head, dash_label, label_line, run_in_head
from .scoped_bases import SCOPED_BASES, scoped
from .tables import constant_rate_column, row_segment
from .table_lines import table_line


def segment(fig: Figure, ent: str | None, inferred: bool, row_named: bool) -> tuple[str | None, str | None]:
    """(segment, entity): a division carried from the last sentence yields to the line this one names."""
    ctx, lex, m, clause, scan, sent = fig.ctx, fig.ctx.lex, fig.m, fig.clause, fig.scan, fig.sent
    in_table = bool(fig.cell)
    topics = ctx.topics_in(sent.start, sent.end)
    seg = (dash_label(fig) if fig.label_text and not in_table else None) \
        or A.segment(topics, fig.cues, sent, m, clause, fig.label_text + " " + fig.row_text, lex, fig.scan)
    if seg is None and fig.excl:
        seg = line_on_basis(fig, excluded_id(lex, fig.excl[0]))
        if seg == "adjusted" and (line := _adjusted_line(fig, ent)):
            seg = f"{line}_adjusted"  # "| Imaging adj. EBIT margin (%) |", "Siemens Healthineers' Diagnostics unit posted
            # a Q4 FY25 adjusted EBIT margin": a line's figure on the adjusted basis, not the group's
        elif seg == "adjusted" and not in_table and (
                region := region_after(scan, m.end, clause[1], lex) or line_after(scan, m.end, clause[1], lex)):
            seg = f"{region}_adjusted"  # "underlying operating margin was 4.0%: 4.4% in the United States", "… at Rock
            # Processing Solutions"
    if seg is None and fig.label_text and not in_table and (lab := excluding(fig.label_text, 0, len(fig.label_text))):
        seg = excluded_id(lex, lab[0])  # "• Adjusted Profit Per Share: $4.95, down 4.3% from $5.17": the label marks every figure of its line
    if seg is None and inferred and not in_table:
        seg = named_subject(scan, clause[0], m.start, lex)
        if seg and L.key(seg) in lex.metric_of:
            seg = None  # "자기자본이익률(ROE)은": a gloss naming the metric is no business line
    if seg is None and not in_table:
        seg = region_after(scan, m.end, clause[1], lex) or line_after(scan, m.end, clause[1], lex) or pointed_line(fig) \
            or moved_line(fig) or metric_for_line(fig) or possessive_line(fig)
    if seg is None and in_table and not row_named:
        seg = row_segment(lex, fig.row_text)
    if seg is None and not in_table:
        # "국내 158억원(YoY -2.5%), 북미 241억원(…), 유럽 236억원": a region right before the figure outranks a line the
        # list named earlier
        seg = region_before(scan, clause[0], m.start, lex)
    if seg is None and not in_table and (moved := MOVED_TO.search(scan, max(clause[0], m.start - 24), m.start)):
        seg = region_before(scan, clause[0], moved.start(), lex)  # "Africa & Middle East rose 8.1% to €2.14bn": the
        # level a region's change arrives at is the region's
    if seg is None and not in_table and ent and m.kind != "count" and (inferred or not L.parent(lex, ent)):
        got = ctx.per_sentence("lines", fig.whole, lambda s: subject_lines(scan, s.start, s.end, lex))
        seg = subject_segment(got, m.start, fig.cues, scan)
        if seg and L.parent(lex, ent):
            ent = L.parent(lex, ent)
    if seg is None and inferred and not in_table and (head := _list_head(fig)) < clause[0]:
        seg = named_subject(scan, head, m.start, lex)  # the list's subject, when no line the vocabulary knows is named
    if seg is None and not in_table:
        seg = region_before(scan, sent.start, m.start, lex) or table_line(fig)
    if seg is None and not in_table and (q := _quoted_topic(fig)):
        seg = segment_id(q)
    if seg is None and not in_table:
        seg = A.segment_after(topics, m, clause, scan)
    if seg is None and fig.label_text and not in_table:
        seg = label_line(fig)
    if seg is None and not in_table:
        seg = bullet_head(fig) or run_in_head(fig)
    seg = measured_line(fig, seg)
    if seg in SCOPED_BASES and not in_table:
        seg = scoped(fig, seg)
    elif seg in SCOPED_BASES and (line := row_segment(lex, fig.row_text)) and line not in SCOPED_BASES:
        seg = f"{line}_{seg}"  # "| UK & Ireland LFL (%) |": the row's line, on the basis its label names
    if seg and ent and any(e[2] == ent and e[0] < m.start and PARENT_DIVISION.search(scan, max(sent.start, e[0] - 24), e[0])
                           for e in fig.own):
        seg = None  # "정유 부문의 HD현대오일뱅크는": the subsidiary is the entity; its parent's division adds nothing
    seg = organic_region(fig, seg, topics)
    if seg in (None, "comparable", "organic") and m.kind == "money" and not in_table:
        # "rose 3.2% like-for-like in North America to €531m": the region's level, on no basis
        # (and "with organic growth of 8.4%, and adjusted EBITDA came to €2,068m": the amount's own basis word)
        seg = _level_region(fig) or (line_on_basis(fig, excluded_id(lex, fig.excl[0])) if fig.excl and seg else None if seg else seg)
    if seg and not in_table and seg not in SCOPED_BASES:
        seg = in_market(scan, clause[0], m.start, seg, lex)
    if in_table and m.kind == "percent" and fig.header and ORGANIC_COLUMN.search(fig.header) and "organic" not in (seg or ""):
        seg = f"{seg}_organic" if seg else "organic"  # "| Business | Q3 2025 | Organic |": the column's growth is organic
    elif in_table and m.kind == "percent" and fig.header and COMPARABLE_COLUMN.search(fig.header) and "comparable" not in (seg or ""):
        seg = f"{seg}_comparable" if seg else "comparable"  # "| Same-day H1 25 |", "| LFL |": growth on a comparable basis
    if not fig.excl and (_constant_fx(fig) or (in_table and m.kind == "percent" and constant_rate_column(fig.header))):
        # "Software revenue rose 10%, up 8% at constant currency": the software line's growth, at constant rates
        seg = f"{seg}_constant_currency" if seg and seg != "constant_currency" else "constant_currency"
    return _qualified(fig, seg, ent), ent


ORGANIC_COLUMN = regex.compile(r"\borganic\b|\borg\.|유기적", regex.IGNORECASE)
COMPARABLE_COLUMN = regex.compile(r"\bsame[\s-](?:day|store)\b|\blike[\s-]for[\s-]like\b|\bLFL\b|\bcomparable\b", regex.IGNORECASE)


def _adjusted_line(fig: Figure, ent: str | None) -> str | None:
    """The line an adjusted figure is of: a table row's words before its basis word, or a line the sentence's
    subject names."""
    lex, scan = fig.ctx.lex, fig.scan
    if fig.cell:
        before = fig.row_text[:fig.excl[1]].strip(" |*") if fig.excl else ""
        return row_segment(lex, before) if before[:1].isupper() and before.lower() not in GROUP_WORDS else None
    if not ent:
        return None
    got = fig.ctx.per_sentence("lines", fig.whole, lambda s: subject_lines(scan, s.start, s.end, lex))
    line = possessive_line(fig, basis_said=True) or subject_segment(got, fig.m.start, fig.cues, scan)
    # ("• Gross Profit: … Non-GAAP gross profit was …": a label naming a measure is no line)
    # (nor "Non-GAAP gross profit was …": the basis word itself)
    words = line.replace("_", " ") if line else ""
    # (nor "Keldermann's underlying EBITA": the company itself, when the vocabulary does not know it)
    return line if line and not A.label_cues(lex, words) and not excluding(words.replace("non ", "non-"), 0, len(words)) \
        and line != segment_id(ent) else None


def _level_region(fig: Figure) -> str | None:
    """The region a change's level is of: named between the change and the "to" that leads to the level."""
    scan, m = fig.scan, fig.m
    got = IN_REGION_TO.search(scan, max(fig.clause[0], m.start - 60), m.start)
    return region_after(scan, got.start(), m.start, fig.ctx.lex) if got else None


IN_REGION_TO = regex.compile(r"\sin\s(?:the\s)?[^,;%]{2,44}?\sto\s(?:about\s|nearly\s)?[$€£¥₩]?$")
# a change's figure and the "to" that leads from it to its level: "rose 8.1% to €2.14bn"
MOVED_TO = regex.compile(r"\d[\d.,]*\s?%\s(?:to|at)\s(?:about\s|nearly\s)?[$€£¥₩]?$")
GROUP_WORDS = {"group", "total", "company", "consolidated", "reported"}
# "OCIM은 … 감소했으나 매출 2174억 원, 영업이익 709억 원을 냈다": a clause that only goes on with a list of amounts
LIST_COMMA = regex.compile(r"\d[\d,.]*\s?(?:[조억만천]\s?[\d,.]*\s?){0,3}(?:원|달러|엔|위안)?\s?,\s*$")


def _list_head(fig: Figure) -> int:
    """Where the list of amounts a figure's clause goes on with begins: its subject is the list's (a few steps back at most)."""
    start = fig.clause[0]
    for _ in range(4):
        if start <= fig.sent.start or not LIST_COMMA.search(fig.scan, max(fig.sent.start, start - 24), start):
            break
        start = max(fig.sent.start, clause_before(fig.ctx, fig.whole, start))
    return start


CC_LEAD = regex.compile(r"\s*(?:on|at|in)\s(?:an?\s)?(?:constant[\s-](?:currenc(?:y|ies)|exchange\srates?)|local[\s-]currenc(?:y|ies)|currency[\s-]neutral)(?:\sbasis)?\b",
                        regex.IGNORECASE)


# "넥슨 측은 \"올해 16주년을 맞이한 ‘서든어택’은 … 136%라는 높은 성장률을 기록했다\"": a title in quotes made the
# topic, whoever the sentence quotes, scopes the figures after it
QUOTED_TOPIC = regex.compile(r"[‘'“](?P<q>[^’'\"”‘“]{2,20})[’'”](?:은|는)\s")


def _quoted_topic(fig: Figure) -> str | None:
    got = None
    for x in QUOTED_TOPIC.finditer(fig.scan, max(fig.sent.start, fig.m.start - 160), fig.m.start):
        got = x
    if got is None or any(got.end() <= c.start < fig.m.start and c.metric in L.taxonomy().amounts for c in fig.cues):
        return None  # "‘리니지’는 … 매출 291억원": a metric named between is read by the subject rules
    return got["q"]


def _constant_fx(fig: Figure) -> bool:
    """A growth at constant exchange rates, said after the figure or leading its sentence ("On a constant
    currency basis, revenues were up 5%")."""
    m, scan = fig.m, fig.scan
    # (anchored at the figure, so past a clause's comma: "grew by 33%, ignoring the impact of exchange rates")
    if CONSTANT_FX.match(scan, m.end, min(fig.sent.end, m.end + 60)):
        return True
    return m.kind in ("percent", "pp") and (CC_LEAD.match(scan, fig.sent.start, m.start) is not None
                                           or OPERATIONAL.search(scan, max(fig.clause[0], m.start - 60), m.start) is not None
                                           or CC_NAMED.search(scan, max(fig.clause[0], m.start - 50), m.start) is not None
                                           or CC_SUBJECT.search(scan, fig.sent.start, m.start) is not None)


# "sales at constant exchange rates rose 2.1% in Asia …, 13.8% in Japan": the sentence's measure, at constant rates,
# moved by its verb, governs every figure of its list
# (and "Croda's third-quarter constant-currency sales grew 4.9% in Consumer Care and 2.1% in Life Sciences")
CC_SUBJECT = regex.compile(r"(?:\b(?:sales|revenues?|turnover)\s(?:at\sconstant\s(?:exchange\s)?rates?|at\sCER|(?:at|in)\sconstant\s"
                           r"currenc(?:y|ies)|(?:at|in)\slocal\scurrenc(?:y|ies))|\bconstant[\s-]currency\s(?:sales|revenues?|turnover))"
                           r"\s(?:rose|grew|increased|climbed|fell|declined|dropped|slipped|were\s(?:up|down))\b",
                           regex.IGNORECASE)
# "International Net Revenue Constant Currency Growth was 2.1%": the growth named as at constant rates before it
CC_NAMED = regex.compile(r"\bconstant[\s-]currency\s(?:revenue\s|sales\s)?growth\s(?:was|of|at|came\sin\sat)\s(?:about\s)?$",
                         regex.IGNORECASE)


# "net revenues rose 3.8%, with operational sales climbing even higher at 4.9%", "operational growth of 5%": drug
# makers' word for growth with exchange-rate moves taken out
OPERATIONAL = regex.compile(r"\boperational(?:ly)?\s(?:sales|revenues?|growth|basis|increase)\b(?:[^.;%]|\.(?=\d)){0,40}$", regex.IGNORECASE)


PARENT_DIVISION = regex.compile(r"(?:부문|사업부문|사업부)의\s?$")


def _qualified(fig: Figure, seg: str | None, ent: str | None) -> str | None:
    """The line with the books or the span it is on: parent-only, consolidated, a day's average."""
    scan, m, lex = fig.scan, fig.m, fig.ctx.lex
    if seg is None and fig.ctx.in_sentence(STANDALONE_WORDS, fig.sent) \
            and STANDALONE.search(scan, max(fig.sent.start, min(m.start - 80, fig.clause[0])), m.start):
        # ("별도 당기순이익은 … 평가손익 감소 영향으로 1797억원": the clause's books, however far back they are named)
        seg = "standalone"  # a parent-only figure never shares the consolidated one's key
    if seg is None and BOOKS_AFTER.match(scan, m.end, min(fig.sent.end, m.end + 20)):
        seg = "standalone"  # "9,399억원(별도재무제표 기준)": the books said in a bracket right after the figure
    if fig.cell and (seg is None or L.names_itself(lex, ent, seg)) and STANDALONE.search(fig.row_text):
        seg = "standalone"  # a table row "SM(별도)": the parent's own books, under the group's row
    if seg is None and not fig.cell and ADJUSTED_HEAD.search(head := heading_text(fig.ctx, fig.line)) \
            and not A.label_cues(lex, head):
        # "JUNE QUARTER 2022 ADJUSTED FINANCIAL RESULTS" governs the figures listed under it; a short line naming a
        # metric ("Adjusted Profit Per Share") is a table's row label left on its own, no section title
        seg = "adjusted"
    if seg is None and not fig.cell and LIST_ITEM.match(fig.ctx.lay.line_text(fig.line)) \
            and adjusted_list(fig.ctx.lay.line_text, fig.line):
        seg = "adjusted"  # a bullet under "results …, as adjusted for certain items, were as follows:"
    if seg is None and AS_ADJUSTED.match(scan, m.end, min(fig.sent.end, m.end + 44)):
        seg = "adjusted"  # "a 28% increase in diluted EPS (26% as adjusted)": the figure restated on the adjusted basis
    if seg is None and (m.kind == "percent" or ORGANICALLY.match(scan, m.end, min(fig.sent.end, m.end + 14))):
        seg = _restated(fig)
    if seg is None and PRO_FORMA.search(scan, fig.sent.start, m.start):
        seg = "pro_forma"  # "On a management pro forma basis, … operating profit was 116.7 billion yen": not the reported
    if _daily(fig):
        seg = f"{seg}_daily_average" if seg else "daily_average"
    if ent and (info := lex.entities.get(ent)) and info.standalone_headline:
        # a company that announces its parent-only books: those are its unmarked figures, the group's the others
        if seg == "standalone":
            seg = None
        elif seg is None and CONSOLIDATED.search(scan, max(fig.sent.start, m.start - 80), m.start):
            seg = "consolidated"
    return seg


BOOKS_AFTER = regex.compile(r"\s?[(\[]\s?(?:별도|개별)\s?(?:재무제표\s?)?(?:기준|재무제표)?\s?[)\]]")


def _restated(fig: Figure) -> str | None:
    """"up 3% (+2% organic, …)", "+4% in constant currency", "On an organic basis, revenue grew 9%": a growth restated
    on another basis, kept apart from the reported one (not "9% as reported" in the same sentence)."""
    scan, m, end = fig.scan, fig.m, fig.sent.end
    basis = BASIS_AFTER.match(scan, m.end, min(end, m.end + 44))
    if basis is None and not AS_REPORTED.match(scan, m.end, min(end, m.end + 16)):
        basis = BASIS_LEAD.match(scan, fig.sent.start, m.start) or (
            BASIS_WORD_BEFORE.search(scan, max(fig.sent.start, m.start - 16), m.start) if m.sign_mark in ("+", "-") else None)
    if basis is None and CURRENCY_OUT.match(scan, m.end, min(end, m.end + 80)):
        return "constant_currency"
    if basis is None:
        return None
    return "organic" if basis["org"] else "comparable" if basis.groupdict().get("comp") or basis.groupdict().get("comp2") \
        else "constant_currency"


AS_ADJUSTED = regex.compile(r"\s(?:(?:year-on-year|y/y|yoy)\s)?\(?(?:as\sadjusted|on\san?\s(?:adjusted|underlying)\sbasis|adjusted)\b(?!\s(?:for|to|by|EBITDA|EPS|operating|net|income|earnings))",
                         regex.IGNORECASE)
# "up by 10% on the prior year once currency moves are stripped out": the rate at constant currency, said after it
CURRENCY_OUT = regex.compile(r"[^.;,\d]{0,40}?\b(?:once|when|after|with)\s(?:the\s)?(?:currency|exchange[\s-]rates?|FX)\s"
                          r"(?:moves|movements|effects|swings|changes|impacts?)\s(?:are|were|is|was)\s(?:stripped\sout|excluded|removed)",
                          regex.IGNORECASE)
# (and "grew 4.7% to $6.96 billion organically": the rate and the level it reached, both on the organic basis)
BASIS_AFTER = regex.compile(r"(?:\sto\s[$€£¥₩]?[\d.,]+(?:\s?(?:billion|million|bn|mn|B|M))?(?=\sorganically\b))?"
                            r"\s(?:(?P<org>organic(?:ally)?\b|on\san?\sorganic\sbasis)|(?P<comp>on\sa\s(?:comparable|like[\s-]for[\s-]like)\sbasis|comparable\b|like[\s-]for[\s-]like\b(?![\s-](?:sales|revenue)))"
                            r"|(?:in\s|at\s|on\sa\s)?(?:constant|local)[\s-]currenc(?:y|ies)\b"
                            # ("62.5¢, up 14% (constant FX)", "up 10% at constant exchange rates")
                            r"|\(?(?:at\s)?constant\s(?:FX|exchange\srates?)\b"
                            r"|cc\b|ex-?FX\b"
                            # "0.9% fall in Q3 25/26 group like-for-like sales": the change's noun, then what changed
                            r"|(?:fall|rise|increase|decrease|decline|drop|growth|gain)\sin\s(?:[\w/&-]+\s){0,4}?(?P<comp2>like[\s-]for[\s-]like|comparable|LFL)\b)",
                            regex.IGNORECASE)
# (and "이 기준을 소급 적용해 보면 전년대비 매출액 2.3%": the year before restated on this year's basis)
PRO_FORMA = regex.compile(r"\bpro[\s-]forma\b|프로포마|(?:비례|지분)\s?연결\s?기준|소급\s?(?:적용|반영)", regex.IGNORECASE)
ORGANICALLY = regex.compile(r"\sorganically\b", regex.IGNORECASE)
BASIS_LEAD = regex.compile(r"\W*(?:on\san?\s(?P<org>organic)|(?:on\san?\s|in\s)constant[\s-]currency)(?:\s(?:basis|terms))?,\s", regex.IGNORECASE)
# "reported -9%, organic +2%", "like-for-like +1.1%": a basis word set right before a signed change
BASIS_WORD_BEFORE = regex.compile(r"\b(?:(?P<org>organic)|(?P<comp>like[\s-]for[\s-]like|LFL|comparable))\s?:?\s[+\-−]?$", regex.IGNORECASE)
AS_REPORTED = regex.compile(r"\s(?:as\sreported|reported)\b", regex.IGNORECASE)
ADJUSTED_HEAD = regex.compile(r"\b(?:adjusted|non-GAAP)\b|비\s?GAAP|조정\s?(?:실적|기준)", regex.IGNORECASE)
DAILY_BEFORE = regex.compile(r"(?:하루|일)\s?평균\s?(?:매출\s?)?$|\bdaily\saverage\s(?:of\s)?$", regex.IGNORECASE)
DAILY_BEFORE_ANY = regex.compile(r"(?:하루|일)\s?평균")
AVERAGE_BEFORE = regex.compile(r"평균\s?$")
DAILY_AFTER = regex.compile(r"\s?(?:a|per)\sday\b|\s?씩\s?매일", regex.IGNORECASE)
CONSOLIDATED = regex.compile(r"연결\s?(?:기준|재무제표|실적|(?=매출|영업|순이익|당기))|\bconsolidated\b", regex.IGNORECASE)
# "별도 기준 매출은", "별도로는", "On a standalone basis,": the parent company's own books, not the group's
# ("개별 재무제표 기준", "개별기준": the parent's own books, said another way)
STANDALONE = regex.compile(r"(?:별도|개별)\s?(?:기준|재무제표|실적|(?=매출|영업|순이익|당기))|별도로는|[(（]별도[)）]|\b(?:on\s)?an?\s(?:standalone|separate|parent[\s-]only)\sbasis\b"
                           # "SFA's standalone sales in the first quarter": the books as the metric's adjective
                           r"|\b(?:standalone|parent[\s-]only)\s(?=(?:operating\s|net\s)?(?:sales|revenues?|profit|income|earnings)\b)"
                           # "한솔제지만 놓고 보면 2분기 매출 4989억원": the company alone, without its subsidiaries
                           r"|\p{Hangul}{2,}만\s?(?:떼어\s?)?놓고\s?(?:보면|봤을\s?때)",
                           regex.IGNORECASE)
STANDALONE_WORDS = ("별도", "개별", "standalone", "separate", "parent", "놓고")  # STANDALONE cannot match without one (Ctx.in_sentence)


def _daily(fig: Figure) -> bool:
    """"'리니지M'은 하루 평균 16억원대, '리니지2M'은 평균 17억원대", "$2 million a day": a day's average is no figure
    for the period, whatever line it is of."""
    scan, m, start = fig.scan, fig.m, fig.sent.start
    return bool(DAILY_BEFORE.search(scan, max(start, m.start - 10), m.start) or DAILY_AFTER.match(scan, m.end, m.end + 12)
                or (AVERAGE_BEFORE.search(scan, max(start, m.start - 6), m.start) and DAILY_BEFORE_ANY.search(scan, start, m.start)))
