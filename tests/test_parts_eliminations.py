"""parts-exceed-total's `eliminations` option: business lines may exceed the consolidated total by so much."""
import datetime as dt

from claimcheck import vocab as L
from claimcheck.checks import parts_exceed_total as P
from claimcheck.claims.build import extract
from claimcheck.models import Article

# lines before their sales to each other: 1조2887억 + 1조4564억 + 2조4184억 = 5조1635억, 4.4% over the total
TEXT = """CJ제일제당의 3분기 매출은 4조9455억원이다.

바이오사업부문 매출은 1조2887억원이다. 식품사업부문 매출은 1조4564억원이다. 물류사업부문 매출은 2조4184억원이다.
"""


def _claims():
    return extract(Article(path="a.md", text=TEXT, published=dt.date(2018, 11, 8)), L.default())


def test_lines_over_the_total_are_reported_by_default():
    assert len(P.check(_claims(), P.Options(), L.default())) == 1


def test_an_eliminations_margin_lets_lines_exceed_the_total_by_that_much():
    assert P.check(_claims(), P.Options(eliminations=0.05), L.default()) == []
    assert len(P.check(_claims(), P.Options(eliminations=0.03), L.default())) == 1
