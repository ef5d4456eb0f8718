"""A company's line named by the company's own name and a capitalised word after it ("FedEx Freight", "Intel
Foundry", "Walmart U.S."), made the subject of its clause: the figures the clause reports are the line's.

Read by business_lines.subject_lines beside the subject patterns; it needs the vocabulary's company names, which
the patterns do not have."""
from __future__ import annotations

import regex

from .. import vocab as L

# what may follow a company's name without naming a line of it: its legal form or the word its name goes on
# with, a title, the share, a month or a day
NOT_LINE_WORD = frozenset({
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "companies", "group", "holdings", "holding",
    "incorporated", "ltd", "ltd.", "limited", "plc", "ag", "se", "nv", "n.v.", "sa", "llc", "lp", "technologies", "technology",
    "platforms", "systems", "motor", "motors", "electronics", "industries", "entertainment", "pharmaceuticals",
    "pharmaceutical", "financial", "energy", "airlines", "brands", "communications", "international", "labs",
    "laboratories", "chief", "ceo", "cfo", "coo", "president", "chairman", "executive", "shares", "stock", "board",
    "management", "investor", "investors", "analysts", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "q1", "q2", "q3", "q4", "fy", "gaap", "non-gaap", "eps", "i", "ii", "iii",
    # a title-case headline's verb or noun ("UnitedHealth Reports $113.2 Billion", "3M Beats Estimates")
    "reports", "posts", "beats", "tops", "misses", "raises", "lifts", "cuts", "lowers", "sees", "says", "expects",
    "earnings", "revenue", "revenues", "sales", "profit", "results", "quarterly", "annual", "outlook", "guidance",
    # a broker's call on the company ("LS일렉트릭 TP 30만원으로 상향", "Nike PT raised")
    "tp", "pt", "target", "rating", "buy", "hold", "sell", "outperform", "overweight"})
# the name opens its sentence or clause ("However, FedEx Freight faced ...", ", while Intel Foundry lost ...")
OPENS = regex.compile(r"(?:^|[.;:]\s|\b(?:However|Meanwhile|Also|Still|Separately|Elsewhere|By\scontrast),\s|,\s"
                      r"|\b(?:while|whereas|but|and)\s)$")
# one or two capitalised words, not the start of a title-case run ("Johnson & Johnson Posts Strong Q3 ...")
AFTER = regex.compile(r"\s(?P<w>[A-Z][\w&'’.-]*[\w&](?:\s[A-Z][\w&'’-]*[\w&])?)(?=[,’']|\s(?![A-Z]))")


# "신세계의 100% 자회사 신세계DF는": Korean glues a unit's letters to the parent's name
GLUED = regex.compile(r"(?P<w>[A-Z]{2,4})(?=\s|은|는|이|가|의|도|와|과|[(,])")


def branded_lines(scan: str, start: int, end: int, lex: L.Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each company-name-led line that opens a clause of scan[start:end]."""
    out = []
    for m in lex.entity_rx.finditer(scan, start, end):
        if (glued := GLUED.match(scan, m.end(), min(end, m.end() + 5))) and "\uac00" <= m.group()[-1:] <= "\ud7a3":
            phrase = scan[m.start():glued.end()]
            if phrase not in lex.alias_to and L.key(phrase) not in lex.alias_key:
                out.append((m.start(), glued.end(), phrase))
            continue
        if m.start() != start and not OPENS.search(scan, max(start, m.start() - 16), m.start()):
            continue
        after = AFTER.match(scan, m.end(), min(end, m.end() + 40))
        if after is None:
            continue
        words = after["w"].split()
        if words[0].lower() in NOT_LINE_WORD or L.key(words[0]) in lex.alias_key:
            continue  # "Comcast CMCSA reported": a ticker or another name of a company is no line
        if len(words) > 1 and words[1].lower() in NOT_LINE_WORD:
            words = words[:1]
        stop = after.start("w") + len(" ".join(words))
        phrase = scan[m.start():stop]
        if phrase in lex.alias_to or L.key(phrase) in lex.alias_key:
            continue  # "Samsung Biologics" is a company of its own
        out.append((m.start(), stop, phrase))
    return out
