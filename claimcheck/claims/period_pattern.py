"""The pattern of a period phrase: explicit, fiscal, relative to the publication date, or a comparison's base,
each kind in its own named group."""
from __future__ import annotations

import re

from . import spans as SP

YEARS = tuple(f"y{k}" for k in range(1, 16))  # stdlib re wants a group name once: each alternative has its own


def _Y(k: int) -> str:
    return rf"(?P<y{k}>(?:19|20)\d\d)"


PERIOD = re.compile(
    rf"""(?=[\dFfQq회지작전올금내이현당직다같동상하반최lLtTnNsSHhyYaApP]|(?-i:[JAMOD]))(?<!\d)(?:
      (?P<cmp>(?:지난해|작년|전년)\s?(?:(?:같은|동일)\s?(?:기간|분기|시기)|동기)\s?(?:대비|比|보다|에\s?비해|[과와]\s?비교)
             |(?:지난해|작년|전년)에\s?이어
             |from\sthe\ssame\s(?:period|quarter)\s(?:last|a|of\sthe\sprevious)\syear(?:\searlier)?
             |(?<![^\W\d_])(?:(?:19|20)\d\d\s?년\s?)?[1-4]\s?분기(?:와|과)\s?(?:비교해|비교하면|비교했을\s?때|견줘|견주면))
    | (?P<fyq>(?<![^\W\d_])Q(?P<fq7>[1-4])\s(?:(?:of\s)?(?:FY\s?|fiscal\s(?:year\s)?))?(?P<fys2>(?:19|20)?\d\d)\s?[-–/]\s?(?P<fye2>\d\d)(?!\d)
              |(?:FY\s?|회계연도\s?|fiscal\s(?:year\s)?){_Y(1)}?\s?(?:년\s?)?(?:회계연도\s?)?(?P<fq>[1-4])\s?(?:분기|Q)
              |{_Y(2)}\s?회계연도\s?(?P<fq2>[1-4])\s?분기
              |(?:FY|fiscal\s)\s?(?P<fy2d>(?:19|20)?\d\d)\s?Q(?P<fq3>[1-4])
              |(?<![^\W\d_])FQ(?P<fq4>[1-4])(?![^\W_])
              |(?<![^\W\d_])Q(?P<fq5>[1-4])\s?(?:of\s)?(?:FY\s?|fiscal\s(?:year\s)?)(?P<fy7>(?:19|20)?\d\d)(?!\d)
              |(?<![^\W\d_])(?P<fq6>[1-4])Q\s?FY\s?(?P<fy8>(?:19|20)?\d\d)(?!\d)
              |fiscal\s(?:year\s)?(?:(?P<fy4>(?:19|20)\d\d)\s)?(?P<ford>first|second|third|fourth)[\s-]quarter
               (?:\s(?:of\s)?(?:fiscal\s)?(?P<fy6>(?:19|20)\d\d)(?!\d))?
              |(?P<ford2>first|second|third|fourth)[\s-]quarter\s(?:of\s(?:its\s|the\s)?)?fiscal\s(?:year\s)?(?P<fy5>(?:19|20)?\d\d)(?!\d))
    | (?P<yend>(?:(?:fiscal\s|business\s|financial\s)?(?<!half[\s-])year|(?:twelve|12)[\s-]months?)\s(?:ended|ending|to)\s(?:on\s)?(?:(?:[1-9]|[12]\d|3[01])\s)?(?P<yem>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?
             (?:\s(?:[1-9]|[12]\d|3[01])(?!\d))?(?:,?\s(?P<yey>(?:19|20)\d\d)(?!\d))?(?![\w-]))
    | (?P<fyh>(?<![^\W_])(?:H(?P<fhn>[12])|(?P<fhn2>[12])H)\s?FY\s?(?P<fhy>(?:19|20)?\d\d)(?!\d)
            |FY\s?(?P<fhy2>(?:19|20)?\d\d)\s?(?:H(?P<fhn3>[12])|(?P<fhn4>[12])H)(?![^\W_])
            |(?<![^\W_])H(?P<fhn5>[12])\s(?P<fhs>(?:19|20)?\d\d)\s?[-–/]\s?(?P<fhe>\d\d)(?!\d)
            |(?:the\s)?(?P<fhn6>first|second)\shalf\sof\s(?:its\s|the\s)?(?:fiscal\s(?:year\s)?|financial\syear\s)?
             (?P<fhs2>(?:19|20)\d\d)\s?[-–/]\s?(?P<fhe2>\d\d)(?!\d)(?:\s(?:fiscal|financial)\syear)?)
    | (?P<fy>(?:FY\s?|fiscal\s(?:year\s)?)(?P<fys>(?:19|20)?\d\d)\s?[-–/]\s?(?P<fye>\d\d)(?!\d)
           |(?<![\d/.])(?P<fys3>(?:19|20)\d\d)/(?P<fye3>\d\d)(?![\d/]|\.\d)
           |(?:(?<=for\s)|(?<=in\s))(?P<fys4>(?:19|20)\d\d)-(?P<fye4>\d\d)(?![\d/-]|\.\d)
           |FY\s?['’](?P<fyy3>\d\d)(?!\d)
           |(?:FY\s?|fiscal\s(?:year\s)?|financial\syear\s)(?P<fyy>(?:19|20)?\d\d)(?!\d)|(?P<fyy2>(?:19|20)\d\d)\s?(?:회계연도|financial\syear\b))
    | {SP.QUARTERS_TO_DATE}
    | (?P<q>{_Y(3)}\s?(?:년\s?|\.\s)?(?:(?P<qn>[1-4])\s?(?:[·/.]\s?4\s?)?(?:분기|Q)|Q(?P<qn2>[1-4]))
           |(?P<qn3>[1-4])Q\s?(?P<y2_>(?:19|20)?\d\d)(?!\d)
           |Q(?P<qn4>[1-4])\s?[/-]?\s?(?P<y3_>(?:19|20)\d\d)
           |(?<![^\W\d_])(?:Q(?P<qn6>[1-4])|(?P<qn7>[1-4])Q)\s?['’/-](?P<y6_>\d\d)(?![\d/])
           |(?<![^\W\d_])Q(?P<qn8>[1-4])\s(?P<y7_>\d\d)(?=\s?[),;:\n]|\s*\Z|\s(?!(?:million|billion|thousand|per|percent|pct)\b)[a-z])
           |(?P<ordly>first|second|third|fourth)[\s-]quarter\s(?:of\s)?(?:last|the\sprevious|the\sprior)\s(?:fiscal\s|financial\s)?year(?!['’])
           |(?P<ord>first|second|third|fourth)[\s-]quarter(?:(?:\sof|\sin|,)?\s(?P<y4_>(?:19|20)\d\d)(?!\d))?(?!\s(?:with|ever|above|over|of\s(?:more|over)))
           |(?P<rqy>지난해|작년|올해|금년|내년)\s?(?P<qn5>[1-4])\s?(?:분기|Q(?![A-Za-z]))(?!\s?(?:말\s?)?(?:까지\s?)?(?:의\s?)?(?:(?:연결|별도)\s?(?:기준\s?)?)?\(?(?:누적|누계)))
    | (?P<h>{_Y(4)}\s?(?:년\s?)?(?P<hn>상반기|하반기|[12]H)|(?P<hn2>[12])H\s?(?P<y5_>(?:19|20)?\d\d)(?!\d)
           |(?<![^\W_])H(?P<hn4>[12])\s?[/-]?\s?{_Y(15)}(?!\d)
           |(?<![^\W_])H(?P<hn7>[12])(?P<y9_>2\d)(?![\w])
           |(?<![^\W_])H(?P<hn6>[12])\s(?P<y8_>\d\d)(?=\s?[),;:|\n]|\s*\Z|\s(?!(?:million|billion|thousand|per|percent|pct)\b)[a-z])
           |(?:the\s)?(?P<hn3>first|second)\shalf\sof\s(?P<hfy>fiscal\s(?:year\s)?|FY\s?)?{_Y(13)}(?!\d)
           |(?:the\s)?(?P<hn5>first|second)\shalf\sof\s(?:its|the)\s(?:current\s)?fiscal\syear\s(?:ending|ended|that\s(?:ends|ended))\s(?:in\s|on\s)?
            (?P<hem>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s(?:[1-9]|[12]\d|3[01])(?!\d))?,?\s(?P<hey>(?:19|20)\d\d)(?!\d))
    | (?P<bh>(?:(?P<bhr>지난해|작년|올해|금년|내년|올)\s?)?(?<![^\W\d_])(?P<bhn>상반기|하반기|반기(?!별|마다))
           |(?<![^\W_])(?:H(?P<bhn2>[12])|(?P<bhn3>[12])H)(?![^\W_])
           |(?<![^\W_])(?P<bhn4>first|second)[\s-]half(?!\sof\s(?:the\s)?(?:\d|decade|century|month)))
    | (?P<mq>(?P<mqm>[1-9]|1[0-2])월\s?분기
           |(?:quarter|three[\s-]months?)(?:\sand\s(?:half[\s-]year|six\smonths|nine\smonths))?\s(?:ending|ended|that\s(?:ends|ended))\s(?:in\s|on\s)?(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?
             (?:\s(?P<mqd>[1-9]|[12]\d|3[01])(?!\d))?(?:,?\s(?P<mqy2>(?:19|20)\d\d)(?!\d))?
           |(?P<mon2>january|february|march|april|june|july|august|september|october|november|december)
             \s(?:(?P<mqy>(?:19|20)\d\d)\s)?quarter|(?<=holiday\s)(?P<hol>quarter)
           |(?:jan(?:uary)?(?=\.?\s?(?:-|–|to|through)\s?march)|apr(?:il)?(?=\.?\s?(?:-|–|to|through)\s?june)
              |july?(?=\.?\s?(?:-|–|to|through)\s?september)|oct(?:ober)?(?=\.?\s?(?:-|–|to|through)\s?december))
             \.?\s?(?:(?:to|through)\s?(?=(?:march|june|september|december)\s(?:period|quarter))|[-–]\s?)
             (?P<mon3>march|june|september|december)(?:\s(?:period|quarter))?(?![\w-]))
    | (?P<bq>(?:(?<![^\W\d_])|(?<=지난)|(?<=올해)|(?<=올))(?P<bqn>[1-4])\s?(?:[·/.]\s?4\s?)?분기(?!\s?(?:연속|째|만에|동안))|(?<![^\W_])Q(?P<bqn2>[1-4])(?![^\W_]))
    | {SP.MONTHS_UP_TO} | {SP.MONTHS_ENDED}
    | (?P<ym>{_Y(5)}\s?년\s?(?P<mm>[1-9]|1[0-2])\s?월(?:\s?(?P<dd>[1-9]|[12]\d|3[01])\s?일)?)
    | {SP.MONTH_SPAN}
    | (?P<me>(?:(?P<mey>지난해|작년)\s?)?{SP.NOT_AFTER}(?P<mem>[1-9]|1[0-2])\s?월\s?말(?!\s?(?:까지\s?)?(?:누적|누계)))
    | (?P<bm>(?:(?P<bmy>지난해|작년)\s?)?{SP.NOT_AFTER}(?P<bmm>[1-9]|1[0-2])\s?월(?!\s?(?:분기|\d|말|초|부터|까지|결산|중|께|쯤)|에(?!만|는|도)))
    | (?P<iso>{_Y(6)}-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))
    | (?P<ye>{_Y(7)}(?P<est>[EFP])(?![^\W\d_]))
    | (?P<yr>{_Y(8)}\s?년(?!\s?(?:[1-9]|1[0-2])\s?월)|(?<![\d.,'’~∼-])(?P<y14>[12]\d)년(?=\s\d)|(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bof\s)|(?<=\bduring\s)){_Y(9)}(?![\d-])
           |(?<=['’]s\s){_Y(10)}(?![\d-])|(?<=full[\s-]year\s){_Y(11)}(?![\d-])
           |{_Y(12)}(?=\s(?:full[\s-]year\s)?(?:(?:adjusted|adj\.|non-GAAP|GAAP|organic|core|diluted|comparable|ongoing|operating)\s){{0,2}}(?:revenue|sales|net|operating|profit|earnings|capex|capital|spending|expenses|results|guidance|margin|forecast|outlook|EPS|EBITDA|free\scash)))
    | (?P<rel>(?:(?:지난해|작년|전년)\s?(?:같은|동일)\s?(?:기간|분기|시기)|(?:전년|작년)\s?동\s?기간|(?:전년|작년|지난해)\s?동기
          |(?:지난해|작년)\s?(?:이맘때|이\s?맘때|이\s?무렵)|(?<![\d.])1\s?년\s?전(?=\s?[(（][^)）\n]{{0,40}}?[가-힣]))(?!\s?(?:대비|比))
          |the\syear-(?:ago|earlier)\s(?:period|quarter)|(?:the\s)?(?:prior|previous)-year\s(?:(?:first|second|third|fourth)\s)?(?:period|quarter)
          |the\ssame\s(?:period|quarter|time)\s(?:of\s)?(?:last\syear|a\syear\s(?:earlier|ago)|the\s(?:previous|prior)\syear|the\syear\s(?:prior|before|earlier))
          |the\s(?:same|respective|corresponding|comparable)\s(?:period|quarter)\s(?:of|in)\s(?P<samey>(?:19|20)\d\d)(?!\d)
          |(?:지난해|작년|(?<!직)전년도|올해|금년|올\s?한\s?해|내년)(?!\s?\d{{1,3}}\s?(?:주년|돌))|이번\s?분기|현재\s?분기|당\s?분기|지난\s?분기|직전\s?분기|전\s?분기(?!\s?대비)|다음\s?분기
          |(?:최근|지난)\s?(?:석\s?달|3\s?개월)(?:간|동안)?
          |last\syear['’]s\s(?:(?:first|second|third|fourth|same)\s)?(?:quarter|period)|(?:the\s)?prior\syear['’]s\s(?:(?:first|second|third|fourth|same)\s)?(?:quarter|period)
          |last\syear|this\syear|next\syear|(?:(?<=in\s)|(?<=for\s)|(?<=during\s))the\shalf(?![\s-](?:year|ago|earlier|before))|(?:(?<=for\s)|(?:across|over|during)\s)the\s(?:full\s)?year(?![\s-](?:ago|earlier|before|to[\s-]date|(?:ended|ending|to)\s(?:on\s)?(?:\d{{1,2}}\s)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))|last\s(?:financial|fiscal)\syear|the\s(?:ongoing|current)\s(?:fiscal\s)?year|this\squarter|last\squarter|the\sprevious\squarter|the\sprior\squarter|(?:the\s(?:upcoming|coming)|(?:the\s)?next)\squarter
          |같은\s?해|같은\s?기간|같은\s?시기|같은\s?분기|동일\s?기간|동일\s?시기|the\ssame\s(?:year|period|quarter)
          |(?:(?<=in\s)|(?<=for\s)|(?<=during\s))the\squarter(?!\s(?:ending|ended|that|and\s(?:half|six|nine)))|the\scurrent\squarter)
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# every PERIOD alternative contains one of these; stdlib re rejects a sentence far faster
MAYBE_PERIOD = re.compile(r"(?:19|20)\d\d|to[\s-]date|YTD|\d\s?(?:분기|Q|H|월)|[69]M\s?\d|[12]\d년|[QH][1-4]|F[YQ]|fiscal|회계|반기|지난|작년|전년|올|금년|내년|이번|최근"
                          r"|현재|당\s?분기|직전|전\s?분기|다음|같은|동일|quarter|year|period|months?\b"
                          r"|(?:jan(?:uary)?|apr(?:il)?|july?|oct(?:ober)?)\.?\s?[-–]\s?(?:march|june|september|december)", re.IGNORECASE)
GLOSS = re.compile(r"\s?[(（]\s?$")
