"""How segment ids are named in reports: in the article's own words, never the id."""
from claimcheck import labels


def test_an_exclusion_reads_as_excluding_in_the_articles_casing():
    assert labels.segment("ex_ampc", "AMPC 제외 영업이익은 2,358억원") == "excluding AMPC"


def test_a_line_reads_as_the_article_wrote_it():
    assert labels.segment("google_search", "Google Search revenue rose 15%") == "Google Search"
