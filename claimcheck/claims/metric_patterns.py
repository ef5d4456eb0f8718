"""The cue patterns and metric sets that metrics.classify reads: kept apart from the decision so each reads whole."""
from __future__ import annotations

import regex

from ..vocab import taxonomy


# and "4.0%(52억9715만원) 줄었다", "16.28%(7700원) 하락한": the amount the change comes to, bracketed between the rate
# and its verb
# (a stray comma before the verb, "전기 대비 59.1%, 늘었으나", still leaves the verb the figure's own)
# ("65.6%나 급감했다": the emphatic 나, "as much as", between the figure and its verb)
# (and "revenue was 3% lower", "7% higher than a year earlier": the comparative says which way, as do "8.4 percent
# less than a year earlier" and "12% more than in the same quarter", but only before "than": "12% more stores" is no change)
AFTER_DIRECTION = regex.compile(
    r"^(?:,(?=\s?(?:늘었|줄었|증가했|감소했)))?\s?\)?\s?(?:\([A-Za-z%p]{1,3}\)\s?|\(\s?[+\-△▲▼]?\d[\d,.]*\s?(?:[조억만천][\d,.조억만천\s]{0,12}원?|원|달러)\)\s?)?(?:(?:이나|[이가을를은는의도만나])\s?)?(?:(?:각각|모두|소폭|크게|대폭|slightly|sharply)\s?)?(?:(?:넘게|가량|정도|이상|가까이|남짓|안팎|씩)\s?)?(?:(?P<to>으?로\s?)?(?:(?:큰\s?폭으로|크게|대폭|소폭)\s)?(?P<up>성장|증가|급증|늘|증대|향상|개선|상승|뛰|확대|오르|올라|올랐|신장|높아|높였|높인|불어|상향|많아|많았|rise|rose|grew|jump|climb|gain|increase|up|higher|more(?=\sthan\b)|↑)"
    r"|(?P<to2>으?로\s?)?(?:(?:큰\s?폭으로|크게|대폭|소폭)\s)?(?P<down>감소|줄|하락|급감|급락|축소|뒷걸음|역성장|내려|내린|내렸|떨어|낮아|낮췄|낮춘|하향|악화|둔화|빠졌|빠진|빠져|밀렸|밀린|꺾였|꺾인|꺾여|꺾이|주저앉|쪼그라|decline|fell(?!\s(?:well\s|just\s|slightly\s)?short)|drop|decrease|down|shr[ai]nk|slid|lower|less(?=\sthan\b)|↓))",
    regex.IGNORECASE)
# "전체 핸드셋 가입자의 80.7%를 차지", "80% of the new accounts": a share of a count, whatever the sentence's money
COUNT_OF_BEFORE = regex.compile(r"(?:가입자|고객|이용자|사용자|회원|계좌|점포|매장|가구)(?:\s?수)?(?:의|\s?중)\s?$")
COUNT_OF_AFTER = regex.compile(r"\s?of\s(?:the\s|its\s|all\s|total\s)*(?:[\w-]+\s)?(?:subscribers|users|customers|accounts|members"
                               r"|stores|households|card\s?members)\b", regex.IGNORECASE)
# "'퍼스트 디센던트'의 3분기 매출은 75%가 북미 및 유럽 지역에서 발생했다": the share of it made somewhere
SHARE_MADE_IN = regex.compile(r"\s?(?:가|이)\s(?:[\p{L}·&]{1,12}\s){0,3}?[\p{L}·&]{1,12}에서\s?(?:발생|나왔|나온|나오|창출)")
SHARE_OF = regex.compile(r"(?P<m>매출|영업이익|이익|순이익|revenue|sales|operating income|profit)\s?(?:의|중|에서)\s?$", regex.IGNORECASE)
UPSIDE = regex.compile(r"(?:현재(?:가|\s?주가)?|현\s?주가)\s?대비\s?$|상승\s?여력|upside", regex.IGNORECASE)
# "34.3%에서 36.7%로": figures in a from-to phrase are levels, whatever verb ends the sentence.
GROWTH_VERB_BEFORE = regex.compile(r"\b(?:rose|grew|climb(?:ed)?|jump(?:ed)?|gained|increased|surged|soared|advanced|fell|dropped|declined|slid|rise|grow|fall|drop"
                                   r"|decreased|shrank|widened|expanded|improved|narrowed|contracted|added|lost|up|down|dipped|slipped|tumbled|plunged|sank"
                                   r"|slumped|rebounded|lowered|reduced|cut|raised|lifted|boosted|eased|edged\sup|edged\sdown|ticked\sup|ticked\sdown"  # "were lowered by 1.7%"
                                   # "with sales rising 11% to $1.7 billion": the participle of a move
                                   r"|rising|growing|climbing|jumping|gaining|increasing|surging|soaring|falling|dropping|declining"
                                   r"|sliding|decreasing|slipping|tumbling|plunging|sinking)\s(?:by\s)?"
                                   r"(?:about\s|nearly\s|roughly\s|~\s?)?$", regex.IGNORECASE)
# "grew revenue 1.4% to 6.67 trillion won": the verb takes the metric as its object before the figure
VERB_OBJECT_BEFORE = regex.compile(r"\b(?:grew|lifted|boosted|raised|increased|cut|lowered|reduced)\s(?:its\s|their\s)?"
                                   # (and "raised EBITDA before special items 6.2% to €548 million")
                                   r"(?:revenue|sales|turnover|orders|(?:adjusted\s)?(?:EBITDA|EBITA|EBIT)|(?:operating\s|net\s)?(?:profit|income|earnings))"
                                   r"(?:\s(?:before|excluding)\s(?:special|one-off|exceptional|non-recurring)\sitems)?\s(?:by\s)?"
                                   r"(?:about\s|nearly\s|roughly\s)?$"
                                   # "lifting the semiconductor solutions segment 35% to $11.07 billion"
                                   r"|\b(?:lifting|boosting|pushing|raising|dragging)\s(?:the\s|its\s)?(?:[\w-]+\s){1,5}(?:by\s)?$",
                                   regex.IGNORECASE)
# and "11.0%, which is a decrease of 39 basis points", "representing a decline of 4%": the aside said with a verb
APPOSITIVE = regex.compile(r",\s(?:(?:which|that)\s(?:is|was|represents|represented|marks|marked)\s|representing\s|marking\s)?"
                           r"(?:an?\s)?(?:(?P<down>drop|decline|fall|decrease|contraction|slide|loss)|rise|increase|gain|jump"
                           r"|improvement|expansion)\sof\s(?:about\s|nearly\s|roughly\s)?$", regex.IGNORECASE)
HIT_BY = regex.compile(r"\b(?:hit|hurt|cut|reduced|lowered|trimmed|shaved|dented|dragged\s(?:down|on))\s[^.;]{0,50}?\sby\s"
                       r"(?:about\s|nearly\s|roughly\s)?$", regex.IGNORECASE)
DOWN_VERB = regex.compile(r"\b(?:fell|fall|falls|drop|drops|dropped|decline|declines|declined|slid|decreased|shrank|narrowed|contracted|lost|down"
                       r"|lowers|lowered|cuts|reduced|reduces|trimmed|dipped|slipped|tumbled|plunged|sank|slumped|eased|eases|edged\sdown|ticked\sdown"
                       r"|falling|dropping|declining|sliding|decreasing|slipping|tumbling|plunging|sinking)\b", regex.IGNORECASE)
SHARE_OF_AFTER = regex.compile(r"\s?of\s(?:its\s|their\s|the\s)?(?:total\s|overall\s|group\s|annual\s|quarterly\s|the\scompany's\s)?"
                               r"(?:(?P<rev>(?:net\s|consolidated\s)?(?:sales|revenues?))|(?:operating\s)?(?:profit|income))"
                               # "made up nearly 15% of Alphabet's total": a bare total is of the company's revenue
                               r"|\s?of\s(?:the\s|its\s|\p{Lu}[\w&.-]*['’]s\s)(?P<rev>total|overall)\b(?!\s(?:operating|profit|income|net))",
                               regex.IGNORECASE)
COMPARED = regex.compile(r"(?:대비|YoY|QoQ|y/y|q/q)\s?[+-]?$", regex.IGNORECASE)
# "fell to 8.9%, compared with 9.5% in the same quarter last year": the figure a comparison is made with is a level
# like the one compared (not "compared with 3% growth", a change named after it)
COMPARED_LEVEL = regex.compile(r"\b(?:compared\s(?:with|to)|versus|vs\.?|as\sagainst)\s(?:about\s|roughly\s|nearly\s)?$",
                               regex.IGNORECASE)
# "(26.8% vs 32.6% PY)": a percent set against another percent is a level, as that one is
VERSUS_PCT_AFTER = regex.compile(r"\s(?:vs\.?|versus|compared\swith|compared\sto|against)\s[-+]?\d[\d.,]*\s?%", regex.IGNORECASE)
CHANGE_NOUN_AFTER = regex.compile(r"\s?(?:(?:year[\s-]over[\s-]year|yoy|y/y|organic)\s)?(?:growth|increase|rise|gain|decline|drop"
                                  r"|decrease|jump|fall)\b", regex.IGNORECASE)
# "the 30bp operating margin contraction", "a 50 basis point gross margin compression": the move named after its rate
PP_DOWN_NOUN = regex.compile(r"\s(?:(?:operating|gross|net|ebitda|ebit|adjusted|merchandise|product|segment|profit)\s){0,3}"
                             r"(?:margin|rate)\s(?:decline|contraction|compression|deterioration|erosion|drop|decrease|reduction)\b",
                             regex.IGNORECASE)
COMPARED_AFTER = regex.compile(r"\s?(?:YoY|QoQ|y/y|q/q)\b", regex.IGNORECASE)
# "from 42% in fiscal 2023 to 45%": both ends of a from-to are levels
FROM_TO_BEFORE = regex.compile(r"\bfrom\s(?:about\s)?[$€£¥]?$|\bfrom\s[^.;]{1,45}\sto\s(?:about\s)?[$€£¥]?$", regex.IGNORECASE)
TO_BEFORE = regex.compile(r"\b(?:rose|grew|climbed|jumped|increased|fell|dropped|declined|slid|decreased|shrank|expanded"
                           r"|narrowed|improved|reached|widened|eased|slipped|edged\s(?:up|down)|climbed|contracted|swelled|soared"
                           r"|surged|plunged|tumbled|sank|dipped|recovered|rebounded)\s"
                           # "fell 120 basis points to 16.5%": the move in points, then the level it came to
                           r"(?:(?:by\s)?(?:about\s|nearly\s|roughly\s)?\d[\d.,]*\s?(?:basis\spoints?|bps|bp|percentage\spoints?|points?|pp)\s)?"
                           r"to\s(?:about\s|nearly\s|roughly\s)?$",
                           regex.IGNORECASE)
# "34.3%에서", "(6.5%)보다": a level a change is measured from or to, not the change
PER_SHARE_UNITS = ("KRW", "JPY")
LEVEL_AFTER = regex.compile(r"^\)?\s?(?:에서|으?로|보다|에\s?비해|→|->|to\b)")
MARKET_AFTER = regex.compile(r"^\s?(?:규모의\s?|규모\s?)?시장|^\s?(?:market|TAM)\b", regex.IGNORECASE)
# "$729 million in cash", "$173 million cash and no debt": the cash a company holds, named right after its amount
CASH_AFTER = regex.compile(r"\s(?:in\s)?cash\b(?!\s(?:flows?|dividends?|consideration|payments?|charges?|taxes|tax|costs?|compensation|proceeds|outflows?|inflows?)\b)",
                           regex.IGNORECASE)
# ("deployed $1.1 billion in cash during the quarter": cash spent, not held)
CASH_SPENT_BEFORE = regex.compile(r"\b(?:deploy|return|pa(?:y|id)|spen[dt]|us(?:e|ed)|invest|generat|acquir|rais|receiv|distribut)\w*\s"
                                  r"(?:\w+\s){0,2}(?:about\s|approximately\s|nearly\s)?(?:US)?[$€£¥₩]?$", regex.IGNORECASE)
AMOUNT_MOVED = regex.compile(r"\s?(?:의\s)?(?:영업\s?|순\s?|세전\s?)?(?:이익|매출|손익|수익)[이가은는을를]?\s?"
                             r"(?:(?P<down>감소|줄|축소|악화|하락|깎)|(?P<up>증가|늘|확대|개선|상승))")
# "Q3 earnings of $1.48 beat estimates": a level that beat, not the size of the beat ("a $70 million revenue miss")
OF_LEVEL_BEFORE = regex.compile(r"\b(?:of|at|was|were)\s[$€£¥₩]?$", regex.IGNORECASE)
BEAT_BRACKET = regex.compile(r"\b(?:beat|(?P<miss>miss|shortfall))\s?\(\s?[+~≈-]?\s?$", regex.IGNORECASE)
AMOUNT_SURPRISE = regex.compile(r"\s(?:(?:revenue|sales|earnings|profit|EPS)\s)?(?:(?P<miss>miss|shortfall)|beat)\b", regex.IGNORECASE)
# "4조6315억원에서 4조9741억원으로 3426억원(7.4%) 늘었으나": an amount with its own percent, then the verb, is the move
BARE_MOVED = regex.compile(r"\s?(?:(?P<down>감소|줄|축소|악화|하락|깎)|(?P<up>증가|늘|확대|개선|상승))(?!률|율|세로|폭)")
# "revenue of $3.1 billion, an increase of $52 million, or 2%", "was $1.1 billion, up $21 million": by how much it moved
EN_AMOUNT_MOVED = regex.compile(r"(?:\b(?:an?\s)?(?:(?P<up>increase|rise|gain|uptick|improvement)|(?P<down>decrease|decline|drop|reduction"
                                r"|downtick))\sof\s|(?:,|\band)\s(?:(?P<up2>up|higher)|(?P<down2>down|lower))\s(?:by\s)?)"
                                r"(?:about\s|nearly\s|roughly\s|approximately\s|some\s)?[$€£¥₩]?$", regex.IGNORECASE)
AMOUNT_PCT_MOVED = regex.compile(r"\s?\(\s?[+-]?\d[\d.,]*\s?%\s?\)\s?(?:이|가)?\s?(?:(?P<down>감소|줄|축소|악화|하락)|증가|늘|확대|개선|상승)")
AMOUNT_THEN_BRACKET = regex.compile(r"\d[\d,.]*(?:\s?[조억만천]\s?[\d,.]*)*\s?(?:원|달러|엔|위안)\s?\(\s?$")
# a figure with no verb of its own takes the verb closing its list: figures, names and particles, then the verb
LIST_VERB = regex.compile(r"[^.;!?]{0,58}?(?<![\p{L}])(?:[\d.]+%\s?)(?:[이가을를은는]\s?)?(?:(?:각각|모두|씩)\s?)?"
                          r"(?:(?P<up>증가|늘|상승|성장|개선|확대|급증)|(?P<down>감소|줄|하락|축소|악화|급감|뒷걸음))")
BY_AMOUNT = regex.compile(r"\bby\s(?:approximately\s|about\s|nearly\s|roughly\s|some\s|around\s)?$|"
                       r"\b(?:rose|grew|increased|fell|declined|decreased|dropped|climbed|jumped)\sby\s[^.;%]{0,12}$",
                       regex.IGNORECASE)
MONEY_LIST_VERB = regex.compile(r"(?:\s?[,，]\s?[^.;!?]{0,50}?(?:억|조|만)\s?원)?\s?(?:[이가을를은는]\s?)?(?:(?:각각|모두|씩)\s?)?"
                                r"(?:(?P<up>증가|늘|급증|확대)|(?P<down>감소|줄|급감|축소))")
REVISED = regex.compile(r"\s?(?:[이가을를]\s?)?(?:상향|하향|올려|올렸|올린|높여|높였|높인|낮춰|낮췄|낮춘|내려|내렸|내린|조정)")
LOSS_AFTER = regex.compile(r"(?:씩)?\s?(?:의\s)?(?:영업\s?|순\s?)?(?:적자|손실)(?!\s?(?:폭|규모|축소|감소|개선|줄))")
# and "지난해 동기 244억원과 비교해 적자전환했다": the amount a swing to a loss is measured from was a profit
PROFIT_AFTER = regex.compile(r"\s?(?:의\s)?(?:영업\s?|순\s?)?흑자(?!\s?(?:폭\s?(?:축소|감소)|전환))"
                             r"|\s?(?:과|와)\s?(?:비교해|비교하면|비교할\s?때|견줘)\s?(?:영업\s?|순\s?)?적자\s?(?:로\s?)?전환")
KO_OF = regex.compile(r"(?:\s?규모)?의\s?")
EXCLUDED_AMOUNT = regex.compile(r"\s?(?:을|를)\s?(?:제외하면|제외한|제외할\s?경우|빼면|뺀|빼고)")
KO_CASE = regex.compile(r"[을를이가은는도과와]")
IN_METRIC = regex.compile(r"\s(?:in|of)\s", regex.IGNORECASE)
OF_LINK = regex.compile(r"\s?(?:수준|가량|정도|대)?\s?의\s?|\s")
T = taxonomy()
# what a cue can name: an amount (flow, stock, count), and a rate
LEVELS, RATIOS = T.amounts, T.ratios
OWNERLESS = T.has("ownerless")  # a market, a government's rate: no company's figure
# words the patterns named beside them cannot match without (see classify's `has` and Ctx.in_sentence)
VERB_OBJECT_WORDS = ("grew", "lifted", "boosted", "raised", "increased", "cut", "lowered", "reduced", "lifting", "boosting",
                     "pushing", "raising", "dragging")  # VERB_OBJECT_BEFORE
FROM_WORD = ("from",)  # FROM_TO_BEFORE
MOVE_WORDS = ("증가", "늘", "상승", "성장", "개선", "확대", "급증", "감소", "줄", "하락", "축소", "악화", "급감", "뒷걸음")  # LIST_VERB, MONEY_LIST_VERB
SURPRISE_WORDS = ("miss", "shortfall", "beat")  # AMOUNT_SURPRISE
BY_WORD = ("by",)  # BY_AMOUNT, HIT_BY
OF_WORD = ("of",)  # SHARE_OF_AFTER, APPOSITIVE
# the unions the tests below take, made once: a union of the taxonomy's sets per figure (or per cue) was
# a few microseconds each, on every figure of an article
GROWN = LEVELS | RATIOS | {"stock_price", "price_target"}  # what a growth can be of
LEVELS_OR_PRICE = LEVELS | {"stock_price"}
LEVELS_OR_RATIOS = LEVELS | RATIOS
# (a count word names no money figure: "AI 인프라 주문만 13억 달러" is an amount of orders, not a number of them)
MONEY_WANTED = (LEVELS - T.by_family["count"]) | {"stock_price", "price_target", "_consensus"}
# (nor is a count carried from the sentence before: "Copper production fell 13%. Copper averaged $4.68 per pound")
CARRIED_MONEY = MONEY_WANTED - {"_consensus"}
RATE_LIKE = RATIOS | {"upside", "price_change", "_growth_rate"}

# "the company lost 65 cents per share": an amount a share after a loss word is the loss per share, not a price
PER_SHARE_AFTER = regex.compile(r"\s(?:per|a)\s(?:diluted\s|basic\s)?share\b", regex.IGNORECASE)
