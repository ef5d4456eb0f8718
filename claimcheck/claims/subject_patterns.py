"""The patterns by which a sentence names a business line as its subject, read by business_lines.subject_lines:
kept apart because the list is long and grows with each new phrasing, while the filters on what they catch stay put."""
from __future__ import annotations

import re

import regex


# "MX·네트워크사업부는 ... 매출 34조원", "서치플랫폼 매출은 1조원", "Data center revenue, which ... jumped 66%",
# "while iPad revenue was flat", "Sales in Greater China fell": the unit a clause is about, named as its subject
# Each pattern goes with words it cannot match without, looked for first: most sentences name no subject
# line, and the patterns, which open on any letter, take several times longer to say so.
SUBJECTS: list[tuple[regex.Pattern[str], re.Pattern[str]]] = [(regex.compile(p), re.compile(words)) for p, words in (
    # ("공통 및 기타 부문은": two names joined are one line; "헬스케어 사업 부문 매출은": the division word spaced; and the
    # casual "OEM 쪽 매출이": the side of the business)
    (r"(?<![\p{L}\p{N}])(?P<seg>(?:[\p{L}\p{N}]{1,8}\s(?:및|과|와|&)\s)?[\p{L}\p{N}][\p{L}\p{N}·&/]{0,15}?)(?:\([^()]{1,20}\))?(?:\s사업\s?부문|\s?(?:사업부|사업본부|부문)|\s분야|\s쪽(?=\s?(?:매출|영업)))(?:에서는|에서만|에서도|에서|에선|은|는|이|가|의|도)?(?=\s)"
     # (not "HD현대 조선 부문 중간 지주사 HD한국조선해양이": the division a company named after it holds for its group)
     r"(?!\s(?:중간\s?)?(?:지주사|지주회사|자회사|계열사|손자회사))",
     r"사업부|사업본부|부문|분야|쪽"),
    # "해외 식품사업은 매출 1조4554억원": a business made the topic right before its metric
    # and "반도체 소재사업 매출은", "이차전지 소재사업 올해 3분기 매출은": a two-word name, the topic without its particle
    (r"(?<![\p{L}\p{N}])(?P<seg>(?:[\p{L}\p{N}]{1,8}\s(?:및|&)\s)?(?:\p{Hangul}{2,6}(?<![의은는이가을를도와과로면나데고며서게히만])\s)?[\p{L}\p{N}][\p{L}\p{N}·&/]{0,15}?)\s?사업(?:은|는|에서는|에서)?\s"
     r"(?=(?:(?:올해\s|지난해\s|올\s)?[1-4]분기\s)?(?:매출|영업|순이익|이익))",
     r"사업\s?(?:은|는|에서|올해|지난해|올|[1-4]분기|매출|영업|순이익|이익)"),
    # "광학솔루션사업은 ... 3조9066억 원의 매출을 기록했다": a business made the topic, its metric named after the figure
    # and "부문별로는 면세 사업에서의 손실액이 387억원": the line a figure was made in
    # and "전문의약품(ETC) 사업에서 2000억원에 육박하는 매출을": a glossed line's business
    (r"(?<![\p{L}\p{N}])(?P<seg>(?:[\p{L}\p{N}]{1,8}\s(?:및|&)\s)?[\p{L}\p{N}·&/]{2,15}?)(?:\s?\([A-Za-z]{2,8}\))?\s?사업(?:\s?실적)?(?:은|는|에서는|에선|에서의|에서)\s",
     r"사업(?:\s?실적)?(?:은|는|에서|에선)"),
    # "말레이시아 법인의 3분기 매출액은", "미국 법인은": a subsidiary abroad named as the topic is a line of the group's
    # and "한국법인 2분기 매출은": the unit and its quarter's results with no particle between
    (r"(?<![\p{L}\p{N}])(?P<seg>\p{Hangul}{2,8}?)\s?(?:현지\s?)?법인(?:(?:의|은|는|이|에서는|에서)\s|\s(?=[1-4]\s?분기\s(?:매출|영업)))",
     r"법인(?:의|은|는|이|에서|\s[1-4]\s?분기)"),
    # "물류 분야에선 매출액 2조5019억원, 영업이익 1867억원": a field of business the figures after it come from
    (r"(?<![\p{L}\p{N}])(?P<seg>[\p{L}\p{N}·&/]{2,15}?)\s?분야(?:는|가|이|에선|에서는|에서)\s", r"분야(?:는|가|이|에서|에선)"),
    # and "여객 사업 매출은": the line's name before the word 사업 ("성장사업 매출은" is one name), glossed in brackets
    # before or after it ("물류BPO(Business Process Outsourcing) 사업 매출액은"), or summed ("해외 합산 영업이익은")
    # and "트레이더스 총매출은", "PC게임 '리니지' 매출은": a quoted title, a gross or net sales word
    # ("칩 사업(QCT) 매출은": a one-syllable name takes the acronym it is glossed with, see business_lines)
    # and "반도체 소재 매출은", "아연괴 제품 매출은": a two-word Korean name, not cut to its last word, and "OLED 소재
    # 매출은": its first word an acronym
    (r"(?<![\p{L}\p{N}/])['‘\"“]?(?P<seg>(?:(?!(?:올해|지난해|작년|이번|전년|당기|전기|회사|그룹|같은|동기|특히|또한|반면|한편|다만|역시|연결|별도|전체|지난|직전|다음)\s)"
     r"(?:\p{N}차\p{Hangul}{2,5}|\p{Hangul}{2,6}|(?-i:[A-Z][A-Z0-9]{1,5}))(?<![의은는가을를도와과로면나데고며서게히만인한른된던될할운])(?<!분기|반기|기준)\s"
     r"(?<!(?:북미|미국|중국|유럽|국내|해외|일본|아시아|글로벌|가까이)\s)"  # a region is a cut of its own; an adverb no name
     r"(?=\p{Hangul})(?!(?:연결|별도|글로벌|국내|해외|전체|합산|연간|부문|사업|분기|반기)[\s매영])"  # "3분기 연결 매출은", "핵심인 지상방산"
     r")?"
     r"[\p{L}][\p{L}\p{N}·&/-]{1,20}?|\p{Hangul})['’\"”]?(?:의)?(?:\s?\((?P<gloss>[^()]{1,40})\))?"
     r"(?:\s사업(?:부문)?(?:의)?)?(?:\s?\((?P<gloss>[^()]{1,40})\))?(?:\s합산)?(?:의)?"  # "피드앤케어(Feed&Care)의 매출은"
     r"(?:(?<!의)\s[1-4]\s?분기(?:\s?(?:누적|누계))?)?"  # "트레이더스 3분기 총매출은", "모듈/핵심부품 3분기 누적 영업이익은"
     r"(?:\s(?:월|월간|일|하루))?"  # "건쉽배틀의 월 매출이 70억 원": a title's monthly sales
     # (and "클라우드 매출 비중이 52.1%", "AI 가속기 비중이 75%": the line's share of sales)
     r"\s(?:총매출액?|순매출액?|매출\s?비중|(?<!매출\s)비중|매출액?|영업이익률|영업이익|영업손실|영업적자|매출총이익|판매량|판매액?(?=[은는])|수주잔고|수주|드롭액|대출\s?잔액|여신\s?잔액|수신\s?잔액)(?:은|는|이|가|도|\s역시)\s",
     r"(?:매출액?|비중|영업이익률?|영업손실|영업적자|매출총이익|판매[량액]?|수주잔고|수주|드롭액|잔액)(?:은|는|이|가|도|\s역시)"),
    # "상품매출은 83억원", "타사상품 유통매출 규모는 83억원", "해외매출 및 수출 실적은 862억원": a line's sales written as one
    # word with their kind (the gross, net, yearly or monthly word fused the same way names no line: see business_lines)
    (r"(?<![\p{L}\p{N}/])(?P<seg>(?:(?!(?:이번|지난|올해|작년|전년|당기|전기|회사)\s)\p{Hangul}{2,6}\s)?\p{Hangul}{2,4}?)(?<!분기|반기)"
     r"(?:매출(?:액)?|\s매출(?:액)?(?=\s및\s수출))(?:\s및\s수출)?(?:\s(?:규모|실적))?(?:은|는|이|가|도)\s",
     r"[가-힣]\s?매출(?:액)?(?:\s및|\s규모|\s실적)?(?:은|는|이|가|도)?\s"),
    # "'하이마트 안심 케어' 매출은": a quoted service or brand name, spaces and all, made the topic of its sales
    (r"['‘\"“](?P<seg>[\p{L}\p{N}][\p{L}\p{N}·&\s-]{1,20}?)['’\"”](?P<quoted>)\s(?:총매출액?|순매출액?|매출액?|판매량?)(?:은|는|이|가|도)\s",
     r"['’\"”]\s(?:총매출|순매출|매출|판매)"),
    # "IP별 매출은 '검은사막' 549억원, '이브' 242억원": in a breakdown, each quoted title heads the figure right after it
    (r"(?<=별\s?(?:매출|실적|판매)[^.]{0,24})['‘\"“](?P<seg>[\p{L}\p{N}][\p{L}\p{N}·&\s-]{1,20}?)['’\"”](?P<quoted>)\s(?=[$₩]?\d)",
     r"별\s?(?:매출|실적|판매)"),
    # "중국 현지법인 북경한미약품은 3분기 매출 843억원": the subsidiary named after the word 법인 is a line of the group's
    (r"(?:현지\s?)?법인\s(?P<seg>\p{Hangul}[\p{Hangul}A-Za-z]{1,11})(?:은|는|의|이|가)\s", r"법인\s"),
    # "아모잘탄패밀리도 3분기 367억원의 매출을": a product line made the topic of an amount whose metric follows it
    # (and "캡슐 수출은 상반기 305억원 매출을 기록하며": a half, and the metric with no 의)
    (r"(?<![\p{L}\p{N}/])['‘\"“]?(?P<seg>\p{Hangul}[\p{Hangul}·]{1,11})['’\"”]?(?:은|는|도)\s(?:(?:올해?|지난해|이번)\s?)?(?:[1-4]\s?분기\s|[상하]반기\s)?"
     r"(?=(?:약\s?)?\d[\d,.]*\s?[조억만]\S{0,8}?\s?원?(?:의\s|\s)(?:매출|영업이익)(?:을|를|이|가|의|\s))",
     r"원?(?:의\s|\s)(?:매출|영업이익)"),
    # "자동차보험은 보험료율 인하에 따른 … 손해율이 2.9%포인트 상승했다": a line the vocabulary knows, opening the
    # sentence as its topic, whatever comes between it and the figures (kept only when known: see business_lines)
    (r"\G\s*(?P<seg>\p{Hangul}{2,10})(?P<known>)(?:은|는|도)\s", r"(?:은|는|도)\s"),
    # "창고형 할인점 트레이더스의 3분기 매출은 …, 영업이익은 395억원": a name whose period's results the sentence gives
    (r"(?<![\p{L}\p{N}])(?P<seg>\p{Hangul}{2,12})의\s(?:(?:올해|지난)\s)?(?:[1-4]\s?분기|[상하]반기)\s(?:매출액?|영업이익|실적)(?:은|는|이|가)\s",
     r"분기\s(?:매출|영업이익|실적)|반기\s(?:매출|영업이익|실적)"),
    # "마지막으로 윤활유사업을 보면 매출액도 19.8% 증가한": a line the sentence turns to look at
    (r"(?<![\p{L}\p{N}])(?P<seg>\p{Hangul}{2,10}?)\s?(?:사업부문|사업부|사업|부문)(?:을|를)\s(?:보면|살펴보면)\s", r"(?:을|를)\s(?:살펴)?보면"),
    # "1분기 매출을 부문별로 보면 미디어플랫폼이 2천779억원으로": the first name after a breakdown by line is a line
    (r"(?<=별로\s(?:보면|살펴보면)\s|별로는\s)(?P<seg>\p{Hangul}[\p{Hangul}·&]{1,11})(?:이|가|은|는)\s", r"별로"),
    # "부문별로는 카지노에서 3337억원의 매출을": the line a figure was earned in, its metric after it
    (r"(?<![\p{L}\p{N}])(?P<seg>\p{Hangul}{2,8})에서\s(?=(?:약\s?)?\d[\d,.]*\s?[조억만]\S{0,8}?\s?원?의\s(?:매출|영업이익|영업손실))",
     r"에서\s(?:약\s?)?\d"),
    # "비화공 비중은 52.9%로 화공(47.1%)을 앞질렀다": a share bracketed right after a line's name is that line's
    (r"(?<![\p{L}\p{N}])(?!(?:동기|분기|전년|전기|지난해|작년|올해|기존|종전|직전|컨센서스|전망치|예상치|추정치)\()(?P<seg>\p{Hangul}{2,8})\((?=\d[\d.]*\s?%\))",
     r"\(\d[\d.]*\s?%\)"),
    # "제품별 매출은 장비 331억원(YoY +28.3%), 소모품 495억원": a breakdown's items, each a name right before its amount
    # (a later item only after an amount or a bracket closing the item before, and only while the list's amounts run on)
    (r"(?:(?<=별\s?(?:매출액?|영업이익)(?:은|는)\s)|(?<=별로는\s)"
     # (and "급식이 1,286억원으로 4.5% 감소했고, 제조가 1,503억원": an item closing on its own change before the next)
     r"|(?<=별\s?(?:매출액?|영업이익)(?:은|는)\s(?:[\p{Hangul}·]{1,9}\s)?(?:\p{Hangul}{2,8}|[A-Z][A-Za-z0-9]{1,6})(?:\([^()]{1,30}\))?\s[\d,.]{1,8}\s?(?:조|억|만)[\d,.억만천]{0,8}원(?:\([^()]{1,24}\))?"
     r"(?:으로\s[\d.]{1,6}%\s\p{Hangul}{1,6}(?:고|며))?,\s))"
     # (and "자동차용 가죽 331억원, 신발·잡화용 가죽 207억원", "피복아크 용접봉 498억원, FCW(플럭스 코어드 와이어) 341억원":
     # a two-word item, or an acronym glossed in brackets)
     r"(?P<seg>(?:[\p{Hangul}·]{1,9}\s)?\p{Hangul}{2,8}|[A-Z][A-Za-z0-9]{1,6})(?:\([^()]{1,30}\))?\s(?=\d[\d,.]*\s?(?:조|억|만)[\d,.\s억만천]*원)",
     r"별\s?(?:매출|영업이익)|별로는"),
    # "광학통신(카메라모듈)은 1조1천억원 정도로": a line made the topic of an amount right after it
    # ("AI 제품군은 58억원": an acronym before a Korean name is part of it)
    (r"(?<![\p{L}\p{N}/])(?P<seg>(?:(?-i:[A-Z][A-Z0-9&]{1,5})\s)?\p{Hangul}[\p{Hangul}·]{1,11})(?:\s?\([^()]{1,20}\))?(?:은|는)\s(?=(?:약\s?)?\d[\d,.]*\s?[조억만천])",
     r"(?:은|는)\s(?:약\s?)?\d"),
    # "펠루비는 2020년 264억원부터", "펠루비는 전년 동기 수준인 438억원을": the topic, a period or a level word, then the amount
    (r"(?<![\p{L}\p{N}/])(?P<seg>(?:(?-i:[A-Z][A-Z0-9&]{1,5})\s)?\p{Hangul}[\p{Hangul}·]{1,11})(?:은|는)\s(?=(?:(?:19|20)\d\d\s?년|지난해|작년|올해|올\s[1-4]분기|[1-4]\s?분기"
     r"|전년\s?동기\s?수준인|전년\s?수준인)\s(?:약\s?)?\d[\d,.]*\s?[조억만천])",
     r"(?:은|는)\s(?:(?:19|20)\d\d|지난해|작년|올|[1-4]\s?분기|전년)"),
    # "내수는 6% 증가했지만, 수출이 41% 줄었다", "진단제품은 53% 늘었다": a line made the subject of its own change
    (r"(?<![\p{L}\p{N}/])(?P<seg>(?:(?-i:[A-Z][A-Z0-9&]{1,5})\s)?\p{Hangul}[\p{Hangul}·]{1,11})(?:\s?\([^()]{1,20}\))?(?:은|는|이|가)\s(?=(?:약\s?)?\d[\d,.]*\s?%"
     r"(?:나|가량|정도|대|씩|이나)?\s?(?:증가|감소|늘|줄|빠|상승|하락|급증|급감|성장|뛰|확대|축소))",
     r"(?:은|는|이|가)\s(?:약\s?)?\d[\d,.]*\s?%"),
    # "첨단소재는 매출 1조1217억원": a line made the topic, then its metric and figure
    (r"(?<![\p{L}\p{N}/])(?P<seg>[\p{L}][\p{L}\p{N}·&/-]{1,15}?)(?:\s?(?:사업본부|사업부|부문))?(?:\([^()]{1,12}\))?(?<!사업)(?:은|는)\s(?:(?:올해?|지난해|이번)\s?)?(?:[1-4]\s?분기\s)?"
     r"(?=(?:총매출액?|순매출액?|매출액?|영업이익|영업익|영업손실|순이익|당기순이익)\s?(?:은|는|이|가|도)?\s?(?:약\s?)?\d)",
     r"(?:은|는)\s(?:(?:올해?|지난해|이번)\s?)?(?:[1-4]\s?분기\s)?(?:총매출|순매출|매출|영업|순이익|당기순)"),
    # (and "Q3'23 Clear Aligner revenues were": the quarter a release opens its line on is no part of the name)
    # (and "– **Service Revenue**: $4.3 billion": a bold bullet label)
    # (and "Cloud Infrastructure (IaaS) Revenue:", "-- Q1 Cloud Revenue (IaaS plus SaaS)": a gloss in brackets, a bare quarter)
    (r"(?:\G|(?<=[.;:•▶■◆–—-]\s{1,3}))(?:\*\*|__)?(?:Q[1-4](?:['’]?\d\d)?\s)?(?P<seg>(?:[A-Z][\w&-]*|i[A-Z]\w*)(?:\s(?:[A-Z][\w&-]*|[a-z]+|&)){0,3}?)"  # "Connectivity & Platforms revenues"
     r"(?:\s\([A-Za-z][\w\s&]{0,18}\))?\s(?:(?i:revenues?|sales|segment|division|unit|business)\b(?!\s(?!(?i:unit|segment|division)\b)[A-Z])|GMV\b|gross\sprofit\b"
     r"|operating\s(?:income|profit|loss)\b)",  # not "Global Business Solutions"; and "North America operating income was"
     r"(?i:revenue|sales|segment|division|unit|business)|GMV|gross\sprofit|operating\s(?:income|profit|loss)"),  # and "Offline GMV grew 27%", "Cash App gross profit"
    # further down a list: ", energy generation and storage revenue was", "while iPad revenue was"
    (r"(?:(?<=,\s)|(?<=\b(?:while|whereas|but|as)\s)|(?<=(?:,|\d%|\d|illion)\sand\s))(?P<seg>(?:[A-Za-z][\w&-]*|i[A-Z]\w*)(?:\s(?:and\s)?[A-Za-z][\w&-]*){0,3}?)"
     r"\s(?i:revenues?|sales)\s(?i:was|were|rose|fell|grew|came|reached|climbed|jumped|declined|improved|increased|of|at|up|down)\b",
     r"(?i)revenue|sales"),
    # "a 16% increase in value-added services and solutions revenue, reaching $2.82 billion": the line that grew
    (r"(?<=\b(?:increase|rise|growth|decline|drop|jump|gain|decrease)\sin\s)(?P<seg>[A-Za-z][\w&-]*(?:\s(?:and\s)?[A-Za-z][\w&-]*){0,4}?)"
     r"\s(?i:revenues?|sales)\b(?!\s(?:growth|increase|decline))",
     r"(?i)(?:increase|rise|growth|decline|drop|jump|gain|decrease)\sin\s"),
    # "a 35.4% drop in sales of its older CF treatments": the line whose sales moved, named after them
    (r"(?<=\b(?:increase|rise|growth|decline|drop|jump|gain|decrease|fall)\sin\s(?i:revenues?|sales)\s(?:of|from)\s)(?:its\s|the\s)?"
     r"(?P<seg>[A-Za-z][\w&-]*(?:\s[A-Za-z][\w&-]*){0,3}?)(?=[,.;]|\s(?:to|which|that|as|at|in|for|and)\b)",
     r"(?i)(?:increase|rise|growth|decline|drop|jump|gain|decrease|fall)\sin\s(?:revenue|sales)\s(?:of|from)\s"),
    # "Sales of Fusion Cloud ERP (SaaS) were up 16%", "while sales of NetSuite were up 15%": the line whose sales moved,
    # named after them as the clause's subject
    (r"(?<=\b(?i:sales|revenues?)\sof\s)(?P<seg>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,3})(?:\s\([A-Za-z][\w\s&]{0,18}\))?"
     r"(?=\s(?:were|was|rose|grew|increased|fell|declined|climbed|jumped|reached|totaled)\b)",
     r"(?i)(?:sales|revenues?)\sof\s"),
    # "QCT brought in $9.8 billion in revenue", "Sam's Club posted $23.6 billion": a capitalised line that reports
    # a figure itself (a company doing so is no line: the name filters below drop it), and "FedEx Express, the
    # company's air division, reported an 18% increase": a line glossed between commas
    # (and "analysts said Neuroscience, which brought in $2.19 billion, is …": the line a relative clause reports for)
    # (and "Sandvik's Rock Processing Solutions saw third-quarter orders drop 6%": the company's line, after its possessive)
    (r"(?:\G|(?<=[.;:•*-]\s)|(?<=,\s)|(?<=\b(?:while|and|said)\s)|(?<=\w['’]s\s))(?P<seg>[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,2})"
     # (and "Flight Support Group (FSG) achieved 29% operating income growth": the line glossed with its initials)
     r"(?=(?:\s\([A-Z]{2,6}\))?(?:,\s[^.;]{1,60}?,|,\swhich)?\s(?:brought\sin|posted|generated|reported|delivered|booked|recorded"
     r"|contributed|achieved|saw)\s[^.;,]{0,40}?[$€£¥₩]?\d)",
     r"brought\sin|posted|generated|reported|delivered|booked|recorded|contributed|achieved|saw"),
    # "Cloud applications grew 11% to $3.9 billion, with Fusion Cloud ERP up 18%": a capitalised line made the
    # subject of a change verb, at the sentence's start or further down its list
    # and "Handset revenue rose 14% to $6.96 billion, automotive grew 17% to $1.05 billion, IoT increased 7%"
    # (lower case only where a list item starts: "revenue from software and services jumped" is one line)
    (r"(?:(?:\G|(?<=[.;:•▶■◆-]\s)|(?<=,\s(?:and\s)?))(?!(?:with|while|whereas|and|but|as|its|the)\s)"
     r"(?P<seg>[A-Za-z][\w&-]*(?:\s[A-Za-z][\w&-]*){0,3}?)"
     r"|(?<=\b(?:with|while|whereas|and)\s)(?:the\s)?(?P<seg>[A-Z][\w&-]*(?:\s[A-Za-z][\w&-]*){0,3}?)"
     # (and "In 9M 25, Symrise's Fragrance grew 7.4% organically": a capitalised line after its company's possessive)
     r"|(?<=\w['’]s\s)(?P<seg>[A-Z][\w&-]*(?:\s[A-Za-z][\w&-]*){0,3}?))"
     # ("Vehicle Systems added 11.4%", "Power Systems shrank 6.8%", "the Weapon and Ammunition division grew sales 27.8%")
     r"(?=\s(?:was\s|were\s)?(?:up|down|grew|rose|fell|climbed|jumped|declined|increased|decreased|gained|slipped|surged|dropped"
     r"|added|expanded|shrank|contracted|advanced|slid|plunged|soared|improved|retreated)"
     r"(?:\s(?:sales|revenues?|orders|organically))?\s(?:by\s)?(?:about\s|roughly\s|nearly\s|some\s)?[\d$€£¥₩])",
     r"\b(?:up|down|grew|rose|fell|climbed|jumped|declined|increased|decreased|gained|slipped|surged|dropped|added|expanded"
     r"|shrank|contracted|advanced|slid|plunged|soared|improved|retreated)\s"),
    (r"(?:\G|(?<=[.;:]\s))(?P<seg>[A-Z][\w&-]*),\swhich\b", r"which"),
    # "At ITC, Fortis's Michigan-based transmission arm, third-quarter segment earnings rose 8.4%": the unit a
    # sentence opens on, glossed after it, is where its figures are
    (r"(?:\G|(?<=[.;:]\s))At\s(?P<seg>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2}),\s(?:[^,.;]{2,60},\s)?", r"\bAt\s"),
    # "The surprise is Philips' Connected Care, where comparable sales rose 2.8%": the company's line, then where its
    # figures are
    # (and "The sharpest decline came in Sea Logistics, where gross profit fell 15%": the place the figures are)
    (r"(?:[\w&.]['’]s?|\b(?:came|was|were|occurred)\sin(?:\sthe)?)\s(?P<seg>[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,3}),\swhere\s",
     r",\swhere\s"),
    # "primarily from the Coach brand, which recorded a 10% increase": a line named with its kind, then a relative clause
    # and "driven by its U.S. Healthcare Solutions segment, which saw revenue rise": the company's own, a dotted name
    (r"\b(?:[Tt]he|its|[A-Z][\w&.-]*['’]s)\s(?P<seg>[A-Z][\w&'’.-]*(?:\s(?:&\s)?[A-Z][\w&'’.-]*){0,3})\s(?:brand|segment|division|business|unit),?\s(?:which|that)\s",
     r"(?:brand|segment|division|business|unit),?\s(?:which|that)\s"),
    # "its Taste & Wellbeing division sold CHF 982 million and its Fragrance & Beauty division CHF 896 million": the
    # line named with its kind right before its figure (its verb said once for the pair)
    (r"(?:\b[Ii]ts|\b[Tt]he|[\w&.]['’]s?)\s(?P<seg>[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,3})\s(?:division|segment|unit|business|arm)\s"
     r"(?:(?:sold|generated|posted|booked|recorded|reported|delivered|had|made|earned|contributed|brought\sin|saw)\s)?"
     # (and "Solvay's Performance Chemicals unit had second-quarter sales of €594 million", "Fortis's ITC unit saw
     # third-quarter earnings slip 8.4%": the metric, and its move, between)
     r"(?=(?:[A-Z]{3}\s?|[$€£¥₩])\d|(?:[\w-]+\s){0,2}?(?:sales|revenues?|orders|earnings|EBITDA|EBIT|operating\sprofit|profit)\s"
     r"(?:of\s|(?:rise|fall|slip|grow|drop|decline|jump|climb)\s(?:by\s)?)?(?:[A-Z]{3}\s?|[$€£¥₩])?\d)",
     r"(?:division|segment|unit|business|arm)\s"),
    # "Air Distribution revenue rose 4.5 per cent to €754.2 million, Air IT Solutions 7.1 per cent to €549.0 million and
    # Hospitality 15.9 per cent": the later items of a list whose verb the first one spent, each a line right before its rate
    (r"(?:(?<=\d[%m]?,\s)|(?<=\d[%m]?\sand\s)|(?<=million,\s)|(?<=billion,\s)|(?<=million\sand\s)|(?<=billion\sand\s))"
     r"(?P<seg>[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,3})\s(?=(?:about\s)?\d[\d.,]*\s?(?:%|per\scent|percent)\sto\s)",
     r"\d[\d.,]*\s?(?:%|per\scent|percent)\sto\s"),
    # "건강기능식품 사업도 169억원의 매출을", "의료기기 사업분야 또한 … 40억원": a line word with an additive particle
    # names the sentence's own line, whatever line the sentence before was about
    (r"(?<![\p{L}\p{N}/])(?P<seg>(?:(?-i:[A-Z][A-Z0-9&]{1,5})\s)?\p{Hangul}[\p{Hangul}·]{1,11})\s?(?:사업부문|사업분야|사업부|사업|분야|부문)(?:도|\s또한|\s역시)\s",
     r"(?:사업|분야|부문)(?:도|\s또한|\s역시)\s"),
    # "Aerospace Technologies was the star again, with third-quarter sales of $4.15 billion", "Building Automation
    # topped $1.9 billion in sales": a capitalised line opening the sentence as the subject of its verb
    # and "MedTech, covering cardiovascular and surgery, delivered 5.6%", "PepsiCo Foods North America, home of Lay's, saw"
    # and "By brand, Coach was the top performer, with sales rising 11%": a breakdown's lead before the subject
    # and "…, while UGG reached $1.3 billion": the subject of a contrasting clause
    (r"(?:\G|(?<=[.;:]\s)|(?<=\b[Bb]y\s(?:brand|segment|division|business|region|geography|product|category|channel)s?,\s)"
     r"|(?<=,\s(?:while|whereas)\s))"
     r"(?P<seg>[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,3})(?:,\s[^.;]{1,60}?,)?\s(?:was|were|remained|saw|had|led|topped"
     r"|reached|delivered|contributed|accounted|continued|made\sup|makes\sup|represented|represents"
     # ("Diagnosis & Treatment, Philips' largest segment, grew comparable sales 4.2%")
     r"|grew|posted|booked|generated|lifted|recorded)\b"
     r"(?=(?:[^.;]|\.(?=\d)){0,80}?(?:[$€£¥₩]\d|\d%))",  # "5.6%": a decimal point goes on
     r"\b(?:was|were|remained|saw|had|led|topped|reached|delivered|contributed|accounted|continued|made|makes|represented"
     r"|represents|grew|posted|booked|generated|lifted|recorded)\b"),
    # "Moving to compute, revenue was $123 million", "In Gaming, revenue was $2.9 billion": a call's turn to a line,
    # (and "At Tommy Hilfiger, overall sales were down 1 per cent")
    # then that line's revenue (a capitalised name after 'In' or 'Within'; any after a verb of turning)
    (r"(?:^|(?<=[.;:]\s)|(?<=\n)|\G)(?:(?:[Mm]oving|[Tt]urning|[Ss]witching|[Ss]hifting)\s(?:on\s|over\s)?to\s(?:the\s|our\s|its\s)?"
     r"(?P<seg>[A-Za-z][A-Za-z&/-]*(?:\s(?:&\s|and\s)?[A-Za-z][A-Za-z&/-]*){0,3}?)"
     r"|(?:[Ii]n|[Ww]ithin|[Aa]t)\s(?:the\s|our\s)?(?P<seg>[A-Z][A-Za-z&/-]*(?:\s(?:&\s|and\s)?[A-Z][A-Za-z&/-]*){0,3}?))"
     # (and "In Power Solutions, which makes and installs turbines, revenue grew 8.6%": the line glossed on its way)
     # (or by an aside: "At Vinci Construction, the group's building arm, revenue rose 2.5%")
     r"(?:\s(?:[Bb]usiness\s[Gg]roup|[Ss]egment|[Bb]usiness|[Dd]ivision|[Uu]nit|[Gg]roup))?,\s(?:(?:which|the|its|an?)\s[^.;,]{1,60},\s)?"
     r"(?=(?:total\s|net\s|overall\s)?(?:revenues?|sales)\s)",
     r"(?:revenues?|sales)\s"),
    # "In the Customer Support Business Group, revenues were $1.99 billion": a line a leading phrase puts the sentence in
    # and "In the company's larger Crocs Brands division, sales are expected to grow about 8%"
    (r"(?:^|(?<=[.;:]\s)|(?<=\n))[Ii]n\s(?:the\s(?:company['’]s\s)?|its\s)(?:(?:larger|smaller|biggest|largest|main|core)\s)?"
     r"(?P<seg>[A-Z][a-z][\w&-]*(?:\s(?:&\s)?[A-Z][a-z][\w&-]*){0,3}?)"
     r"\s(?:[Bb]usiness\s[Gg]roup|[Ss]egment|[Dd]ivision|[Bb]usiness|[Uu]nit),\s", r"\b[Ii]n\s(?:the|its)\s"),
    # "Lam Research's Systems revenues were $3.36 billion": a capitalised line after the possessive opening the sentence,
    # named by its revenue
    # (or after a leading phrase: "In the third quarter, Teradyne's Semiconductor Test revenue climbed")
    (r"(?<=(?:^|\n|[.;:]\s|,\s)(?:[A-Z][\w&.-]*\s){0,2}[A-Z][\w&.-]*['’]s\s)(?P<seg>[A-Z][a-z][\w&-]*(?:\s(?:&\s)?[A-Z][a-z][\w&-]*){0,2})"
     r"(?:\s\([A-Z]{1,5}\))?\s(?:revenues?|sales)\b", r"['’]s\s[A-Z][a-z][^.;]{0,40}?\s(?:revenues?|sales)\b"),
    # "Aerospace’s total sales were $1.08 billion", "Electrical Americas’ total third-quarter sales": a capitalised line
    # opening the sentence in the possessive, then its metric (a company so named is dropped by the name filters)
    # (and "Analysts said UPM Raflatac's third-quarter comparable EBIT of €52mn": the line in the possessive after 'said')
    (r"(?:\G|(?<=[.;:]\s)|(?<=\n)|(?<=\bsaid\s)|(?<=\bsaid\sthat\s))(?P<seg>[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,2})(?<!\b(?:Ltd|Inc|Corp|plc|PLC|AG|SA|SE|NV|Co))['’]s?\s(?:total\s|net\s|quarterly\s"
     r"|(?:first|second|third|fourth)[\s-]quarter\s|comparable\s|adjusted\s|underlying\s){0,2}"
     r"(?:revenues?|sales|operating\s(?:profit|income|earnings)|segment\s(?:profit|earnings)|EBITA?\b|EBITDA)\b",
     r"['’]s?\s(?:total\s|net\s|quarterly\s|\w+[\s-]quarter\s|comparable\s|adjusted\s|underlying\s){0,2}(?:revenue|sales|operating|segment|EBIT)"),
    # and "Nvidia’s Data Center segment reported": the company's own line, by its possessive opening the sentence
    # (not a gloss: "Revenue at QCT, Qualcomm's chip unit, rose")
    # and "General Dynamics’ Aerospace segment emerged": a name of a few words in the possessive
    (r"(?:\b[Tt]he\s|(?<=(?:^|\n|[.;:]\s)(?:[A-Z][\w&.-]*\s){0,2}[A-Z][\w&.-]*['’]s?\s))(?P<seg>[\w,& -]{2,40}?)\s(?:unit|division|segment)\b",
     r"unit|division|segment"),
    # "the direct-to-consumer streaming (SVOD) business, where operating income surged 72%": the line its clause is about
    # and "Unilever's Personal Care unit, whose underlying sales grew 5.0%": the company's unit, the clause's whose
    (r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir)|[\w&.-]['’]s)\s(?P<seg>[\w& -]{2,40}?)(?:\s\([\w&-]{2,12}\))?\s(?:business|segment|unit|division|sector|brand),\s(?:where|which|whose)\b",
     r",\s(?:where|which|whose)"),
    # and "Kering's Bottega Veneta, whose comparable revenue fell 4.1%": a house or brand the company owns, by its name
    (r"[\w&.-]['’]s\s(?P<seg>[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,3}),\swhose\s(?:[a-z-]+\s){0,3}?(?:sales|revenues?)\b",
     r",\swhose\s"),
    # "Revenue in its \"more personal computing\" segment": a line named in quotes
    (r"\b(?:[Tt]he|its|their)\s[\"“](?P<seg>[^\"”]{2,40})[\"”]\s(?:segment|unit|division|business)\b", r"segment|unit|division|business"),
    # "◇ 컴포넌트 매출 1조2,482억원": a title names the line right before its metric and figure
    # (not "윤활기유 부문에서만 영업이익 1,326억원": the place the figure was made in; the line is named before it)
    # (and "AI 제품군 매출 61억원": an acronym before the line's Korean word is part of its name)
    # and "위메이드의 3Q25 나이트 크로우 매출 268억원": a title of two words after the company's 의 or a quarter
    # (and a broker's bullet, "- 공업용 도료 매출(의) YoY -6.2%": two words opening the item, the change's basis before it)
    (r"(?<![\p{L}\p{N}/])(?P<seg>(?:(?-i:[A-Z][A-Z0-9&]{1,5})\s(?=\p{Hangul})"
     r"|(?<=(?:의|[1-4]Q\d\d|분기|(?:^|\n)[ \t]*[-•*▶■◆▲·])\s)(?!(?:연결|별도|전체|국내|해외|글로벌|누적|합산|연간|올해|지난해|작년|전년)\s)\p{Hangul}{2,6}\s(?=\p{Hangul}{2,8}\s))?"
     r"[\p{L}][\p{L}\p{N}·&/-]{1,20}?)(?<![은는이가을를의도]|에서만)(?:\s단독)?(?:\s?\([^()]{1,40}\))?"
     r"\s(?:매출액?|영업이익률?|이익률|영업익|영업손실|순이익|순손실|손실)(?:의)?\s(?:(?i:yoy|qoq)\s?)?(?=[+\-−]?\d)",  # and "지상방산 단독 이익률 20%대": the line on
     r"(?:매출액?|영업이익률?|이익률|영업익|영업손실|순이익|순손실|손실)의?\s(?:(?i:yoy|qoq)\s?)?[+\-−]?\d"),  # its own; "면세 손실 387억, 적자폭 확대"
    # "짐펜트라의 경우 ...", "신규 제품 3종은 ...": a product made the sentence's topic
    # ("GS더프레시(슈퍼마켓)의 경우": the name, not its gloss)
    (r"(?<![\p{L}\p{N}])(?P<seg>[\p{L}][\p{L}\p{N}·&-]{1,15})(?:\([^()]{1,12}\))?의\s?경우", r"의\s?경우"),
    # "In liner shipping, revenue climbed to $15.7 billion": a lower-case line a sentence opens on, then its measure
    (r"(?:^|(?<=[.!?]\s)|(?<=\n))In\s(?P<seg>(?!(?:the|a|an|addition|total|particular|general|contrast|comparison|short|summary"
     r"|other|dollar|euro|sterling|yen|constant|local|reported|organic|real|nominal|absolute|percentage|like-for-like|this|that"
     r"|these|those|its|their|our|all|both|each|turn|response|aggregate|sum|fact|practice|theory|line|terms)\b)[a-z][a-z-]{2,20}"
     r"(?:\s[a-z][a-z-]{2,20}){0,2}),\s(?=(?:revenues?|sales|EBITDA|operating\s(?:profit|income)|volumes?)\b)", r"In\s"),
    # (not "Revenue at the German ocean carrier": words describing the company itself, closed by its kind)
    (r"\b(?:[Ss]ales|[Rr]evenues?)\s(?:in|from|at)\s(?:the\s|our\s|its\s)?(?P<seg>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})(?![\w&-])"
     r"(?!(?:\s[a-z][\w-]*){0,3}\s(?:carrier|company|group|firm|maker|retailer|lender|bank|insurer|operator|giant|producer|miner"
     r"|airline|brewer|manufacturer|supplier|chipmaker|automaker|carmaker|shipper|shipbuilder|distributor|heavyweight)s?\b)", r"ales|evenue"),
    # "The company's aerospace business, its biggest revenue generator, saw sales rise 15%": a line the company owns,
    # glossed, then its verb, opening the sentence (not a gloss itself: "FedEx Express, the company's air division,")
    # (and "In terms of segment performance, Qualcomm’s handsets business saw revenue grow by 14%": the company's name in
    # the possessive, after a leading phrase)
    (r"(?:\G|(?<=[.;:]\s))[Tt]he\scompany['’]s\s(?P<seg>[\w& -]{2,30}?)\s(?:business|segment|unit|division)(?=,|\s(?:saw|posted|reported|had|grew|rose|fell|generated|delivered|outperformed|recorded|contributed|achieved))",
     r"company['’]s"),
    # (and "Risks – Siemens Healthineers' Diagnostics unit posted …": a name of two words, its plural possessive,
    # after a run-in label's dash)
    (r"(?:\G|(?<=[.;:]\s)|(?<=,\s)|(?<=\s[–—-]\s))(?:[A-Z][\w&.-]*\s)?[A-Z][\w&.-]*(?:['’]s|s['’])\s(?P<seg>[\w& -]{2,30}?)\s(?:business|segment|unit|division)(?=\s(?:saw|posted|reported|had|grew|rose|fell|generated|delivered|outperformed|recorded|contributed|achieved))",
     r"['’]s\s|s['’]\s"),
    # "…, Vaccines sales rose 2% to £2.74 billion and General Medicines sales slipped 1%": each capitalised line of a
    # list the subject of its own sales and verb
    (r"(?:\G|(?<=[.;:]\s)|(?<=,\s)|(?<=\b(?:and|while|but|whereas)\s)|(?<=['’]s\s)|(?<=s['’]\s)|(?<=[\"“]))"
     r"(?:(?:first|second|third|fourth)[\s-]quarter\s)?(?P<seg>[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,2})"
     r"\s(?:net\s|adjusted\s|operating\s)?(?:sales|revenues?|EBITDA(?:aL)?|EBITA|EBIT|profit|income|orders)\s"
     r"(?:rose|fell|slipped|grew|jumped|climbed|dropped|declined|increased|decreased|gained|edged|were\s(?:up|down)|was\s(?:up|down))\b",
     r"ales|evenue|EBIT|rofit|ncome|rders"),
    # "Prosus's Food Delivery segment (essentially iFood) grew revenue 24%", ", while Classifieds (OLX) grew revenue 18%",
    # "Nokia's Mobile Networks grew third-quarter net sales 9%", "BASF's Materials segment raised EBITDA …": a capitalised
    # line, glossed or not, the subject of a verb whose object is its measure
    (r"(?:\G|(?<=[.;:]\s)|(?<=,\s(?:while|and|but|whereas)\s)|(?<=\s[–—-]\s)|(?<=['’]s\s)|(?<=s['’]\s)|(?<=[\"“]))"
     r"(?:[A-Z][\w&.-]*(?:['’]s|s['’])\s)?(?P<seg>[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,2})"
     r"(?:\s(?:segment|business|unit|division))?(?:\s\([^()]{1,30}\))?"
     r"\s(?:grew|raised|lifted|increased|boosted|cut|lowered|posted|reported|generated|delivered|booked|recorded)\s"
     r"(?:its\s)?(?:(?:first|second|third|fourth)[\s-]quarter\s|Q[1-4]\s)?(?:net\s|adjusted\s|operating\s)?"
     r"(?=revenue|sales|EBIT|EBITDA|EBITA|profit|income|earnings|margin|orders)",
     r"grew|raised|lifted|increased|boosted|cut|lowered|posted|reported|generated|delivered|booked|recorded"),
    # "Revenue from Marvell’s data center segment, which accounts for 76%": a line named as a segment after 'from'
    # (and "Sales in Gildan’s core Activewear category climbed 5.4%": a category is a line too, its adjective no part)
    (r"\b(?:[Ss]ales|[Rr]evenues?)\s(?:from|in|at)\s(?:the\s|its\s|[A-Z][\w&.-]*['’]s\s)(?:(?:core|key|main|largest|biggest)\s)?"
     r"(?P<seg>[\w& -]{2,40}?)\s(?:segment|unit|division|category)\b",
     r"(?:ales|evenues?)\s(?:from|in|at)\s"),
    # "‘씨앤유캡슐’이 올해 1분기 47억원으로 …, ‘로젯정’도 44억원으로", "‘로젯정’ 역시 … 165억원": a product quoted as the subject
    (r"[‘“](?P<seg>[^‘’“”\s][^‘’“”]{0,18})[’”]\s?(?:이|가|은|는|도|\s역시)(?=\s)",
     r"[’”]\s?(?:이|가|은|는|도|\s역시)\s"),
    # "Revenues from the company's primary segment, Tools & Outdoor, totaled $3.26 billion": the line named in apposition
    (r"\b(?:[Tt]he|its|[A-Z][\w&.-]*['’]s)\s(?:company['’]s\s)?(?:[a-z]+\s){0,2}(?:segment|division|unit),\s"
     r"(?P<seg>[A-Z][\w&'’-]*(?:\s(?:&\s|and\s)?[A-Z][\w&'’-]*){0,4}),\s",
     r"(?:segment|division|unit),\s[A-Z]"),
    # "revenue from energy generation and storage jumped 44%": a line named after 'from', up to its verb
    (r"\b(?:[Ss]ales|[Rr]evenues?)\sfrom\s(?:the\s|its\s)?(?P<seg>[a-z][\w&-]*(?:\s(?:and\s|&\s)?[a-z][\w&-]*){0,6}?)"
     r"\s(?:jumped|rose|grew|fell|climbed|increased|declined|decreased|was|were|reached|came|totaled|shrank|slipped)\b",
     r"evenues?\sfrom"),
    # "Deckers' HOKA brand sales rose 10.1%", "its UGG brand sales grew", "HOKA 브랜드 매출은": a brand named as such
    (r"(?<![\p{L}\p{N}])(?:[A-Z][\w&.-]*['’]s?\s)?(?P<seg>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})\s(?:brand|label)['’]?s?(?=\s(?:[a-z-]+\s){0,2}?(?:net\s)?(?:sales|revenues?)\b|,\swith\s(?:[\w-]+\s){0,3}?(?:net\s)?(?:sales|revenues?)\s)"
     r"|(?<![\p{L}\p{N}])(?P<seg>[\p{L}\p{N}][\p{L}\p{N}&·]{1,15})\s?브랜드(?:의|는|은|도)?\s(?=(?:\S+\s)?(?:매출|판매))",
     r"brand|label|브랜드"),
)]
