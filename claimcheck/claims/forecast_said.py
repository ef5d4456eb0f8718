"""Whether a figure is said to be a forecast: a forecast verb closing its sentence, an estimate word or mark
before it, a guidance word after it."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from .article_context import Ctx
from .hangul import FINAL_L, closing_on
from .layout import Sentence

FUTURE = closing_on(FINAL_L)  # the future adnominal of any verb ("할", "될", "줄어들", "늘")
# a forecast verb closing the figure's sentence, or an estimate mark right before the figure
FORECAST_SAID = regex.compile(r"(?:것으로|할\s?것|될\s?것)\s?(?:\p{Hangul}{0,4}\s)?(?:전망|예상|예측|추정|추산|내다|관측)"
                              r"(?:했|됐|된|한|하고|되고|하며|되며|돼|봤|본다|보고|보며|됩|합)"  # "… 낼 것으로 내다봤다", "예상됩니다"
                              # "컨센서스를 하회할 전망이다": a closing forecast noun after a future adnominal
                              r"|(?<=\p{Hangul})[할될]\s?전망(?:이다|입니다|이며|이고|이어서)"
                              # "… 영업이익 935억원으로 컨센서스에 부합할 것”이라고 밝혔다": a house's quoted future
                              r"|(?<=\p{Hangul})[할될]\s?것[”\"'’]?\s?(?:이)?라고\s?(?:밝혔|말했|분석했|설명했|내다봤|전망했|덧붙였|강조했)"
                              # "기술료 약 207억원을 받을 예정이라고": a sum planned, not yet booked
                              r"|(?<=\p{Hangul})[" + FUTURE + r"]\s?예정(?:이다|이라고|입니다|이며|이고|이어서|인)"
                              # "6% 줄어들 것이라고 전망했다": any verb's future, when a forecast verb says it
                              r"|(?<=\p{Hangul})[" + FUTURE + r"]\s?것[”\"'’]?\s?(?:이)?라고\s?(?:내다봤|전망했|예상했|예측했|추정했)"
                              # "매출액을 17조6,650억원, 영업이익을 5,890억원으로 예상했다": the closing verb covers the list
                              r"|(?:으?로|을|를|는|은)\s?(?:예상|추정|추산|전망|예측)(?:했|됐|된다|한다|하며|하고|해|돼|한\s?바)"
                              r"|(?:을|를)\s?제시(?:했|한|하며|하고|해)"  # a house's figures put forward
                              # "매출 5000억원을 달성하고 중견항공사로 도약하겠다고 말했다": a goal the company means to reach
                              r"|(?:을|를)\s?(?:달성|돌파)하(?:겠|고\s(?:[^.\s]+\s){0,4}?[^.\s]*겠)"
                              # "연간 2000~3000억원의 매출실적을 낼 수 있다": what a company could earn, not what it did
                              r"|[" + FUTURE + r"]\s?수\s?(?:있다|있을|있는|있으며|있고|있겠|있어|있습니다)"
                              # "영업이익은 23.2% 늘어나는 것이나": a change worked out from an estimate, not reported
                              r"|(?:늘어나|증가하|감소하|줄어드|개선되|확대되|축소되)는\s?것(?:이|으로)")
# "…, a smaller loss than the 71 cents analysts had expected": the market's forecast is the figure right before the
# words, so a figure with another one between it and them is the company's own
EN_SAID = regex.compile(r"\b(?:analysts|forecasters|the\sstreet)\s(?:had\s)?(?:expected|estimated|forecast|projected|predicted|anticipated)", regex.IGNORECASE)
DIGIT = regex.compile(r"\d")
# "Revenue was seen growing 61% … to $197.1 million", "EPS is seen between $10.20 and $10.50": the passive of a
# forecast before its figures
SEEN_BEFORE = regex.compile(r"\b(?:was|were|is|are)\sseen\s(?:[^.;\d]|\.(?=\d)){0,40}?(?:[$€£¥₩]|[\d.]+%?[,\s][^.;]{0,30}?[$€£¥₩]?)?$",
                            regex.IGNORECASE)
# "analyst estimates of $75.3 billion in revenue and $3.67 in EPS": a list of figures after 'estimates of'
# and "up from a prior outlook of growth for 5% to 7%": an outlook or guidance of a figure is a forecast too
ESTIMATES_OF = regex.compile(r"\b(?:estimates?|estimations?|forecasts?|expectations?|outlooks?|guidance|projections?|targets?|goals?)\sof\s(?:[^.;:]|\.(?=\d)){0,60}$",
                             regex.IGNORECASE)
# "기존 1,500억 가이던스", "$54 billion guidance": a figure named as a guidance or a target is a forecast
GUIDANCE_AFTER = regex.compile(r"\s?(?:의\s?)?(?:(?:매출|영업이익|연간)\s?)?(?:가이던스|전망치|예상치|추정치|guidance|forecast|outlook|projections?|consensus)\b",
                               regex.IGNORECASE)
# "The Zacks Consensus Estimate for third-quarter earnings is pinned at $1.47": an estimate made the subject of the clause,
# and "..., which indicates a year-over-year increase of 11.9%": the change that estimate implies
# (not "surpassing analyst expectations, while GAAP EPS was $0.50": a new clause has its own subject)
ESTIMATE_SUBJECT = regex.compile(r"\b(?:consensus|estimates?|forecasts?|expectations?|projections?)\b"
                                 r"(?:(?!,\s(?:while|whereas|but|and)\b)[^.;]|\.(?=\d)){0,60}?"
                                 r"\b(?:is|was|are|were|stands?|stood|sits?|sat|being)\s(?:(?:pinned|pegged|set|placed|put)\s)?(?:at\s)?"
                                 # "The average estimate of eight analysts ... was for earnings of 79 cents per share"
                                 r"(?:for\s(?:an?\s)?(?:[\w-]+\s){0,3}?(?:of\s)?)?"
                                 r"(?:about\s|roughly\s|around\s)?[$€£¥₩]?$", regex.IGNORECASE)
# "$2.31 expected", "$45.27 billion expected", "the $2.28 per share that analysts surveyed by Zacks were calling for"
# and "vs. $2.75 est", "$15.0B est." in a bullet
EXPECTED_AFTER = regex.compile(r"\s(?:expected|estimated|anticipated|forecasted|projected)\b(?!\s(?:to|in|for|from|at|by|on)\b)|\s(?:est|est\.|estimate)(?=[\s)→,;]|\.(?!\d)|$)"
                               # "the $6.6 billion, or 79 cents a share, forecast by analysts"
                               r"|(?:\s(?:a|per)\sshare)?(?:,\sor\s[^,.;]{1,24})?,?\s(?:forecast|expected|estimated|projected)\sby\s"
                               r"(?:[\w-]+\s){0,2}?(?:analysts|wall\sstreet|the\sstreet|economists)\b"  # "estimated by six analysts"
                               r"|(?:\s(?:per|a)\sshare)?\s(?:that|which)\s(?:analysts|wall\sstreet|the\sstreet|economists)\b[^.;]{0,60}?"
                               r"\b(?:expected|estimated|forecast|projected|predicted|were\scalling\sfor|had\scalled\sfor|were\slooking\sfor)\b"
                               # "the €8.1bn analysts had pencilled in": the house's figure, said right after it
                               r"|\s(?:analysts|economists|the\smarket|wall\sstreet|the\sstreet)\s(?:had\s|have\s|were\s)?"
                               r"(?:pencill?ed\sin|expected|forecast|estimated|projected|predicted|anticipated|been\sexpecting|expecting"
                               r"|looking\sfor|calling\sfor)\b",
                               regex.IGNORECASE)
# "시장이 기대한 0.01달러", "증권가가 예상한 1조원": the market's figure, named before it
KO_EXPECTED_BEFORE = regex.compile(r"(?:시장|증권가|컨센서스|증권사|애널리스트)(?:이|가|들이)?\s?(?:기대|예상|전망|추정)(?:한|했던)\s?$")
# "The updated guidance includes adjusted EBIT of between $12 billion and $13 billion, or $9.75 to $10.50 adjusted EPS":
# the figures a guidance noun introduces as its subject are the plan
GUIDANCE_SUBJECT = regex.compile(r"\b(?:updated|raised|new|revised|lowered|full-year|annual|its|the|flow|income|revenue|EPS|margin)\s(?:[\w-]+\s){0,2}(?:guidance|outlook)"
                                 # ("Free cash flow guidance also increased to $3.5-4 billion": the plan's new figure)
                                 r"\s(?:also\s)?(?:includes|calls\sfor|now\scalls\sfor|sees|is|was|of|to|for|increased|rose|was\sraised|raised|lifted|lowered|cut|narrowed)\b(?:[^.;]|\.(?=\d)){0,260}$",
                                 regex.IGNORECASE)
ESTIMATE_IMPLIED = regex.compile(r"\b(?:suggesting|implying|indicating|which\s(?:indicates|implies|suggests|represents))\b[^.;]{0,50}$",
                                 regex.IGNORECASE)
# "분기 실적 추산치로 신한투자증권은 매출 4,446억원을 ...": what follows a lead naming estimates is estimates
# and "에프앤가이드가 집계한 F&F 2분기 실적 전망치는 매출 4417억 원": the forecast made the topic of its figures
ESTIMATES_LEAD = regex.compile(r"(?:추산치|추정치|전망치|예상치)(?:로는?|를\s?보면|는)\s")
# "Analysts had expected EPS of $1.52", "Wall Street analysts polled by LSEG had forecast revenue of $15.9 billion",
# "Wall Street was anticipating revenue of $20.3 billion", "Analysts expect the company to report $7.32",
# (and "analysts tracking TJX stock estimated that the company would book ...")
# "the average analyst had been expecting earnings near $1.42 per share on sales in the neighborhood of $3.82 billion";
# a contrast ("..., but revenue came in at") ends what the analysts said
ANALYSTS_BEFORE = regex.compile(r"\b(?:analysts?|forecasters|economists|the\sstreet|wall\sstreet)\s(?:(?:polled|surveyed|tracking|covering|following)(?:\s(?:[^,.;]|\.(?=\w)){0,40}?)?\s)?(?:on\saverage\s)?"
                                r"(?:had\s|were\s|was\s|is\s|are\s)?(?:on\saverage\s)?(?:(?:had|have|has)\sbeen\s)?"
                                r"(?:expect(?:s|ed|ing)?|estimat(?:ed|ing)|forecast(?:ing)?|project(?:ed|ing)|anticipat(?:ed|ing)|predict(?:ed|ing)"
                                r"|looking\sfor|calling\sfor)\b"
                                r"(?:(?!,?\s(?:but|while|whereas|however)\b)(?:[^.;]|\.(?=\d))){0,90}$",
                                regex.IGNORECASE)
# "missed our estimate of operating income of $8.9 million": the estimate names the metric, then the figure
ESTIMATE_OF_METRIC = regex.compile(r"\b(?:estimates?|expectations?|forecasts?|projections?)\sof\s(?:[A-Za-z&-]+\s){1,4}(?:of|at)\s[$€£¥₩]?$",
                                   regex.IGNORECASE)
# "gross margin outlook held at 40%", "its sales guidance was raised to $2.3 billion": a plan kept or moved to the figure
OUTLOOK_SET_AT = regex.compile(r"\b(?:outlook|guidance|forecast)\s(?:was\s|is\s)?(?:held|kept|maintained|reaffirmed|reiterated|raised|lowered"
                               r"|cut|narrowed|set|unchanged)\s(?:at|to)\s(?:about\s|approximately\s|roughly\s)?[$€£¥₩]?$", regex.IGNORECASE)
# "…누적 매출 2조8,540억원을 기록한 만큼": the figure's own verb records it
LATER_SPAN = regex.compile(r"(?:,|나와|이며|이고|고)\s[^.]{0,40}?(?:내년|향후|앞으로|(?:19|20)\d\d\s?년(?:에는|엔|부터)|[1-4]\s?분기(?:에는|엔|부터))")
TOPIC_AFTER = regex.compile(r"(?:은|는)\s")
# and "누적 영업이익이 710억원에 이른 만큼 …", "매출이 318억원까지 커진 점이 …": a figure reached, the ground a view
# stands on
LEVEL_THEN_IF = regex.compile(r"\s?(?:으로|로|이며|이고),\s[^.;]*?\p{Hangul}(?:면|경우|땐)\s")
RECORDED_AFTER = regex.compile(r"\s?(?:을|를)\s?(?:기록|달성)(?:한|했|하며|해)"
                               # (and "115억원에 머문 만큼", "3.2% 성장에 그친 점은": a level stayed at, the ground of a view)
                            r"|\s?(?:성장|증가|감소|하락|상승|개선|역성장)?(?:에|까지|으로|로|을|를)?\s?(?:이른|달한|커진|늘어난|불어난|거둔|낸|올린|넘어선|넘긴|높아진|올라온|올라선|낮아진|줄어든|확대된|떨어진"
                            r"|머문|머무른|그친|불과한|기록한)\s(?:만큼|점|데다|가운데)"
                            # (and "전 분기 대비 9.5% 감소한 것은 …", "15.6% 늘어난 데는 …": a change that happened, the
                            # ground a risk is told from)
                            r"|\s?(?:성장|증가|감소|하락|상승|개선|역성장)?(?:한|늘어난|줄어든)\s(?:만큼|점은|점이|것은|데는|데에는|데다)")
# "..., topping estimates of $3.67, and revenue of $77.67B": a figure its own metric leads into is reported
OWN_LEAD = regex.compile(r"\b(?!estimates?\b|estimations?\b|expectations?\b|forecasts?\b)[a-z]+\s(?:of|at|to|was|were|reached)\s[$€£¥₩]?$",
                         regex.IGNORECASE)
# "The consensus on FactSet is for non-GAAP EPS of $3.04", "the Street's view for $16.5 billion", "the average analyst
# estimate on FactSet of $0.63": the market's figure named by where it is kept or whose view it is
CONSENSUS_FOR = regex.compile(r"\bconsensus(?:\s(?:on|from|by|at)\s[\w&.'-]+(?:\s[\w&.'-]+)?)?\s(?:is\s|was\s)?(?:for|of|at)\s"
                              r"(?:[^.;]|\.(?=\d)){0,40}$"
                              r"|\b(?:street|analysts?|market)['’]?s?\s(?:view|estimate|expectation|forecast)s?\s(?:for|of)\s(?:[^.;]|\.(?=\d)){0,20}$"
                              r"|\b(?:estimates?|expectations?)\s(?:on|from|by)\s[\w&.'-]+\sof\s[$€£¥₩]?$"
                              # "analyst consensus had Exxon Mobil EPS of $2.02 and revenue at $90.09 billion"
                              r"|\bconsensus\s(?:had|has|put|puts|saw|sees|calls?\sfor|called\sfor)\s(?:[^.;]|\.(?=\d)){0,80}$",
                              regex.IGNORECASE)
ANALYST_WORD = regex.compile(r"\b(?:analysts?|forecasters|economists|wall\sstreet|the\sstreet|consensus|estimates?)\b",
                             regex.IGNORECASE)
# "연초 제시한 가이던스인 매출 9.7조원, 영업이익 4000억원": the figures a guidance word introduces are the plan
GUIDANCE_LIST = regex.compile(r"가이던스(?:인|는|은)\s(?:[^.()]|\.(?=\d)){0,36}$")
# every pattern of said_of needs one of these words; most sentences hold none, so a sentence is looked at
# once for them (Ctx.in_sentence) instead of by nine searches per figure
# "whereas a company-compiled poll had pointed to a 2.3% drop", "On EPS, the range was tightened to $4.75 to $4.95": the
# market's poll, or a guidance range moved
POLLED = regex.compile(r"\b(?:poll|survey|consensus)\b[^.;]{0,40}?\b(?:pointed|looked|called)\sto\s(?:an?\s)?(?:about\s)?[$€£¥₩]?$"
                       r"|\b(?:range|guidance|outlook|forecast)\s(?:was\s|has\sbeen\s)?(?:tightened|narrowed|raised|lowered|cut|lifted"
                       r"|trimmed|widened)\s(?:to\s)?(?:about\s)?[$€£¥₩]?$", regex.IGNORECASE)
# "CITIC Securities expects JD.com's revenue in Q3 of 2025 to rise by 13.5% … to 295.539 billion yuan": whoever expects
# it, a change still to come and the level it is to reach are a forecast
EXPECTS_TO = regex.compile(r"\b(?:expects?|forecasts?|projects?|predicts?|anticipates?|estimates?|sees)\s(?:[^.;]|\.(?=\w)){0,90}?"
                           r"\bto\s(?:rise|grow|increase|fall|decline|reach|hit|total|climb|drop|slip|come\sin|be)\b(?:[^.;]|\.(?=\w)){0,70}$",
                           regex.IGNORECASE)
# "The firm also puts the company's revenue in 2025 and 2026 at 1.3243 trillion yuan": a house's figure set at a level
# "It targets a CET1 ratio between 11.5% and 12.25%", "aiming for a cash payout of 50%-60%": a goal the company sets
AIMS_AT = regex.compile(r"\b(?:targets|targeting|aims?\sfor|aiming\sfor|aims?\sto\s(?:reach|keep|hold|hit|maintain|achieve)"
                        r"|aiming\sto\s(?:reach|keep|hold|hit|maintain|achieve))\s(?:[^.;]|\.(?=\d)){0,90}$", regex.IGNORECASE)
# (not "Vinci put turnover for the six months to June at €33.8bn": a span that is over, put at what it came to)
PUTS_AT = regex.compile(r"\b(?:puts?|pegs?|pencils?\sin)\s(?:(?!\b(?:three|six|nine|twelve)\smonths\s(?:to|ended|ending)\b)(?:[^.;]|\.(?=\d))){0,80}?"
                        r"\bat\s(?:[^.;]|\.(?=\d)){0,40}$", regex.IGNORECASE)
# (nor "The company put operating profit for the quarter at €140 million", "Harlow put its third-quarter revenue at
# €1.2 billion": a company putting its own figure at a level reports it; a house's figure is put on another's, or
# is its estimate: "puts its estimate for X at"; a year's figure the company puts is its guidance: "puts its full-year
# revenue at")
OWN_PUT = regex.compile(r"\b(?:(?:[Tt]he\s(?:company|group)|[Ii]t)\s(?:puts?|pegs?)|(?:puts?|pegs?)\sits)\s"
                        r"(?!(?:[^.;]|\.(?=\d)){0,60}?\b(?:estimates?|forecasts?|targets?|projections?|expectations?|views?"
                        r"|guidance|outlook|full[\s-]year|annual|this\syear|next\syear)\b)(?:[^.;]|\.(?=\d)){0,80}?\bat\s(?:[^.;]|\.(?=\d)){0,40}$")
# "EBITDA was estimated at ₹4,229 crore, down 4.2% YoY": the change said of an estimated level is estimated too
ESTIMATE_ASIDE = regex.compile(r"\b(?:estimated|projected|forecast|pencilled\sin)\s(?:at|to\sbe)\s[$€£¥₩₹]?[\d,.]+\s?"
                               r"(?:crore|lakh|billion|million|bn|mn|m|b)?,?\s(?:up|down|rising|falling|an?\s(?:rise|fall|drop|increase|decline)\sof)\s$",
                               regex.IGNORECASE)
SAID_WORDS = ("put", "peg", "pencil", "expect", "predict", "sees", "poll", "survey", "range", "seen", "것", "수 있", "수있", "예정", "달성하", "돌파하", "예상", "추정", "추산", "전망", "예측", "기대", "가이던스", "analyst", "forecast", "economist", "street", "est",
              "consensus", "expect", "guidance", "outlook", "project", "anticipat", "target", "aim", "goal")
# and "our model's estimated revenues of $4.8 billion": the estimate names its metric between
# ("beating the estimated $13.14 billion": the figure the word qualifies)
FORECAST_BEFORE = regex.compile(r"(?:\b(?:est|estimate[sd]?|consensus|expected|forecasted|projected|anticipated|predicted)[.:]?\s?(?:of\s|at\s)?[$€£¥₩₹]?|추정|전망치|예상치"
                             r"|\bestimated\s(?:revenues?|sales|earnings|EPS|profit|net\sincome)\s(?:of\s|at\s)?[$€£¥₩]?"
                             r"|가이던스\s?[(\[]|\bguidance\s?[(\[:]"
                             # "당사 추정치(영업이익 215억원)를 웃돌았다": a forecast word whose bracket names the metric first
                             r"|(?:추정치|전망치|예상치|기대치|컨센서스|\bestimates?|\bconsensus)\s?[(\[]\s?(?:\p{Hangul}{1,8}|[A-Za-z]{2,12})\s?(?:[:：]\s?)?)\s?$",
                                regex.IGNORECASE)


def said_of(ctx: Ctx, sent: Sentence, m: Mention):
    """A forecast said of figure m: a forecast verb closing its sentence, an estimate word or mark before it, a
    guidance word after it (a match, or None)."""
    scan = ctx.lay.scan
    if not ctx.in_sentence(SAID_WORDS, sent):
        return None
    said_after = EN_SAID.search(scan, m.end, sent.end)
    if said_after is not None and DIGIT.search(scan, m.end, said_after.start()):
        said_after = None
    # ("영원무역이 1~9월 누적 매출 2조8,540억원을 기록한 만큼 연간 매출이 … 넘어설 것으로 내다봤다": the figure its own
    # verb records is the ground of the forecast, not part of it)
    closing = None if RECORDED_AFTER.match(scan, m.end, min(sent.end, m.end + 12)) else FORECAST_SAID.search(scan, m.end, sent.end)
    if closing is not None and LEVEL_THEN_IF.match(scan, m.end, closing.start()):
        # "모바일 게임 매출 비중은 51.4%로, 신작 공백이 길어지면 … 커질 수 있다": the figure closes its clause as a level
        # reached; the forecast is of what may follow if something else happens
        closing = None
    if closing is not None and TOPIC_AFTER.match(scan, m.end, min(sent.end, m.end + 4)):
        # "3Q25 SiC 링 매출 523억원은 … 다시 정체될 수 있다": a figure made the topic is given; the view is of what befalls it
        closing = None
    if closing is not None and LATER_SPAN.search(scan, m.end, closing.start()):
        # "3Q25 공연 매출 297억원의 대부분이 …, 2026년에는 실적 변동성이 커질 수 있다": the forecast is of a later span
        # the sentence moves on to, not of the figure before it
        closing = None
    return closing or said_after or FORECAST_BEFORE.search(scan, max(sent.start, m.start - 40), m.start) \
        or ANALYSTS_BEFORE.search(scan, max(sent.start, m.start - 150), m.start) \
        or CONSENSUS_FOR.search(scan, max(sent.start, m.start - 90), m.start) \
        or GUIDANCE_AFTER.match(scan, m.end, min(sent.end, m.end + 16)) \
        or ESTIMATES_LEAD.search(scan, sent.start, m.start) \
        or GUIDANCE_LIST.search(scan, max(sent.start, m.start - 40), m.start) \
        or ESTIMATE_SUBJECT.search(scan, max(sent.start, m.start - 100), m.start) \
        or EXPECTED_AFTER.match(scan, m.end, min(sent.end, m.end + 90)) \
        or GUIDANCE_SUBJECT.search(scan, max(sent.start, m.start - 300), m.start) \
        or KO_EXPECTED_BEFORE.search(scan, max(sent.start, m.start - 16), m.start) \
        or SEEN_BEFORE.search(scan, max(sent.start, m.start - 50), m.start) \
        or (ESTIMATE_IMPLIED.search(scan, max(sent.start, m.start - 60), m.start)
            and ANALYST_WORD.search(scan, sent.start, m.start)) \
        or (ESTIMATES_OF.search(scan, max(sent.start, m.start - 70), m.start)
            and not OWN_LEAD.search(scan, max(sent.start, m.start - 24), m.start)) \
        or ESTIMATE_OF_METRIC.search(scan, max(sent.start, m.start - 70), m.start) \
        or OUTLOOK_SET_AT.search(scan, max(sent.start, m.start - 40), m.start) \
        or POLLED.search(scan, max(sent.start, m.start - 80), m.start) \
        or EXPECTS_TO.search(scan, max(sent.start, m.start - 160), m.start) \
        or (PUTS_AT.search(scan, max(sent.start, m.start - 120), m.start) is not None
            and OWN_PUT.search(scan, max(sent.start, m.start - 140), m.start) is None) \
        or AIMS_AT.search(scan, max(sent.start, m.start - 110), m.start) \
        or ESTIMATE_ASIDE.search(scan, max(sent.start, m.start - 60), m.start)



# "… 6% 감소할 것이라고 전망했다. 같은 기간 영업이익은 3% 감소한 526억원이다": a sentence that opens on the span the
# forecast before it named goes on with that forecast, unless it says it reports ("기록했다", "집계됐다")
SAME_SPAN_OPEN = regex.compile(r"\s*(?:또한?\s|한편\s)?(?:같은|동|이)\s?기간(?:\s?동안)?\s")
REPORTED_VERB = regex.compile(r"기록했|기록한|달성했|집계됐|집계되|거뒀|냈다|올렸|공시했|밝혔|발표했")


def forecast_goes_on(ctx: Ctx, sent: Sentence, carry: dict, period: str | None) -> bool:
    """Whether a figure of a sentence that opens on "같은 기간" is the forecast the sentence before made for that span."""
    scan = ctx.lay.scan
    return bool(period and period == carry.get("period") and carry.get("period_estimate")
                and SAME_SPAN_OPEN.match(scan, sent.start, min(sent.end, sent.start + 12))
                and not ctx.per_sentence("reported verb", sent, lambda s: REPORTED_VERB.search(scan, s.start, s.end) is not None))
