"""'컨센서스(5,965억원)를 15.5% 상회했다', 'beat estimates by 12%': how far a result beat or missed the market.

Such a percent is neither a growth nor a margin, and no metric cue stands beside it, so the classifier
dropped it. It is a claim of its own (metric `surprise`): positive for a beat, negative for a miss.
"""
from __future__ import annotations

import regex

# the market's expectation, named shortly before the percent (its bracketed level may sit between)
EXPECTED = (r"(?:컨센서스|시장\s?(?:예상치?|기대치?|전망치?|추정치)|증권가\s?(?:예상치?|전망치?|추정치)|예상치|전망치|추정치|기대치"
            r"|(?:analysts['’]?\s|wall\sstreet\s|market\s|Bloomberg\s|LSEG\s|Visible\sAlpha\s|FactSet\s)?(?:estimates?|expectations?|consensus|forecasts?)"
            # (and a broker note's shorthand for an estimate: "2.0% ahead of BBGe", "in line with PLe")
            r"|(?-i:BBGe|BBG\scons(?:ensus)?|[A-Z]{2,4}e)(?![\w]))")
# "예상치 대비 매출액은 12.4%, 영업이익은 20.8% 하회했다": the figures of one list share the expectation before them and
# the verb after them
LISTED = r"(?:\s?[,，]\s?[^.;!?%,，]{0,16}?[+-]?\d[\d.,]*\s?%)"
BEFORE_KO = regex.compile(EXPECTED + r"[^.;!?%]{0,24}?(?:를|을|는|은|에|보다|대비|에\s?비해|[와과]\s?(?:비교하면|비교해|견주면|견줘))"
                          r"(?:(?:[^.;!?%]|(?<=\d)\.(?=\d)){0,30}?%\s?[,，]){0,3}[^.;!?%]{0,30}?$|" + EXPECTED + r"\s?$", regex.IGNORECASE)
AFTER_KO = regex.compile(LISTED + r"{0,3}\s?(?:가량|정도|가까이|넘게|이상)?\s?(?P<v>상회|웃(?:돌|돈|도)|넘어|하회|밑(?:돌|돈|도)|못\s?미(?:쳤|친|쳐|치)|(?:많|높|낮)(?:았|은|다|아)|적(?:었|은|다|어))")
# "시장 기대치를 하회했다(영업이익 기준 -21%)": the verb first, the gap it names in brackets after it
VERB_BRACKET = regex.compile(EXPECTED + r"\s?(?:를|을|에|보다|대비)?\s?(?:크게\s|소폭\s|대폭\s)?(?:상회|하회|웃돌|밑돌|웃돈|밑돈)\p{Hangul}{0,4}\s?"
                             r"\((?:[^()%\d]{0,16})?[+-]?$", regex.IGNORECASE)
# "beat estimates by 12%", "missed the consensus by 3%"
BEFORE_EN = regex.compile(r"(?P<v>beat|beats|beating|topped|tops|topping|exceeded|exceeds|exceeding|surpassed|surpasses|surpassing|outpaced"
                          r"|missed|misses|missing|trailed|trailing|lagged|lagging)\s"
                          r"(?:the\s|analysts['’]?\s)?(?:[A-Z][\w'’-]*\s){0,2}" + EXPECTED + r"(?:[^.;!?%]|(?<=\d)\.(?=\d)){0,30}?\sby\s(?:about\s|around\s|nearly\s)?$",
                          regex.IGNORECASE)
# "12% above estimates", "3% below the consensus"
# (and "up 4% vs Bloomberg consensus": the gap said with 'vs')
AFTER_EN = regex.compile(r"\s(?:(?P<v>above|ahead\sof|below|short\sof)|(?:(?P<up>up)|(?P<v2>down))\s(?:vs\.?|versus|against)|(?P<vs>vs\.?|versus))"
                         r"\s(?:the\s|analysts['’]?\s)?" + EXPECTED, regex.IGNORECASE)
FIGURE_NEXT = regex.compile(r"[^.;\d]{0,10}\d")
DOWN_BEFORE = regex.compile(r"\b(?:down|lower|below|fell|missed)\s(?:by\s)?$", regex.IGNORECASE)
# "the EPS surprise was -5.15%", "a revenue surprise of +2.1%": the signed percent is the surprise itself
SURPRISE_IS = regex.compile(r"\bsurprises?\s(?:was|were|is|of|came\sin\sat|stood\sat)\s(?:about\s|around\s)?$", regex.IGNORECASE)
# "3분기 영업이익은 기존 추정치 대비 8.5% 상향한 210억원(…)으로, 연간 영업이익은 +6.0% 상향한": how far a forecaster moved
# its own forecasts, no fact of the company's
REVISED = regex.compile(r"(?:기존|종전|이전|직전|당초)\s?(?:의\s?)?(?:추정치?|전망치?|예상치?|가이던스)\s?(?:를|을)?\s?"
                        r"(?:대비|보다|에서|에\s?비해)")
REVISED_VERB = regex.compile(r"\s?(?:가량|정도)?\s?(?:상향|하향|올려|올렸|올린|낮춰|낮췄|낮춘|높여|높였|높인|내려|내렸|내린)")
# "EPS: EUR 7.26 vs. EUR 6.93 forecast (+3.9%)": the bracketed rate after an actual set against a forecast is the gap
GAP_BRACKET = regex.compile(r"\b(?:vs\.?|versus|against)\s[^()\n]{0,30}?\b(?:forecasts?|consensus|estimates?|est\.|expectations?|cons\.)"
                            r"\s?\($", regex.IGNORECASE)
MISS = ("하회", "밑돌", "밑돈", "밑도", "못", "적", "낮", "below", "short of", "missed", "misses", "missing", "trailed", "trailing",
        "lagged", "lagging")


def surprise(scan: str, start: int, end: int, lo: int, hi: int) -> bool | None:
    """For a percent at scan[start:end] in the sentence scan[lo:hi]: None when it is no surprise, else
    whether it is a miss (negative)."""
    a = max(lo, start - 80)  # "surpassing the Zacks Consensus Estimate of $1.21 billion by 1.61%"
    if BEFORE_KO.search(scan, a, start) and (v := AFTER_KO.match(scan, end, min(hi, end + 72))):
        return v["v"].startswith(MISS)
    if v := VERB_BRACKET.search(scan, a, start):
        return False  # "기대치를 하회했다(영업이익 기준 -21%)": the gap in brackets after the verb, signed as printed
    if v := BEFORE_EN.search(scan, a, start):
        return v["v"].lower() in MISS
    if GAP_BRACKET.search(scan, a, start):
        return False  # signed as printed
    if SURPRISE_IS.search(scan, a, start):
        return False  # the figure's own sign says whether it beat or missed
    if v := AFTER_EN.match(scan, end, min(hi, end + 40)):
        if v["vs"] is not None:  # "EBITDA was up 4% vs Bloomberg consensus": the word before says which way
            if FIGURE_NEXT.match(scan, v.end(), min(hi, v.end() + 14)):
                return None  # "grew 5% vs consensus of 4%": two rates set side by side, no gap
            return DOWN_BEFORE.search(scan, max(lo, start - 12), start) is not None
        return v["v2"] is not None if v["v"] is None else " ".join(v["v"].lower().split()) in MISS
    return None


# "Shiseido cut its forecast for core operating profit by 42% to ¥35 billion", "trimmed its revenue forecast by 2%":
# by how much a forecast moved against the earlier one, no change over a year
EN_REVISED = regex.compile(r"\b(?:cut|cuts|trimmed|trims|lowered|lowers|reduced|reduces|slashed|raised|raises|lifted|lifts|boosted)"
                           r"\s(?:its\s|the\s|their\s)?(?:[\w-]+\s){0,4}?(?:forecasts?|guidance|outlook|targets?|estimates?)"
                           r"(?:\sfor(?:\s[\w&-]+){1,5}?)?\sby\s(?:about\s|around\s|nearly\s|roughly\s)?$", regex.IGNORECASE)


def revised(scan: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether a percent at scan[start:end] is a forecast's revision against the forecaster's earlier one."""
    return (REVISED.search(scan, max(lo, start - 100), start) is not None
            and REVISED_VERB.match(scan, end, min(hi, end + 8)) is not None) \
        or EN_REVISED.search(scan, max(lo, start - 90), start) is not None
