"""What a new paragraph keeps of the one before: by default nothing, but a paragraph that opens on a comparison, a
bare metric, "같은 기간" or a headline's deck goes on with the metric, year, company or books said before it."""
from __future__ import annotations

from typing import Any

import regex

from . import subject_carry
from .layout import Layout, Sentence

# a headline's deck opening on a metric and its figure ("매출 3814억…전년대비 17% 하락")
DECK_OPEN = regex.compile(r"\s*(?:매출액?|영업이익|영업익|순이익|순익)\s?\d")
SAME_SPAN_NEAR = regex.compile(r"같은\s?기간|동\s?기간|이\s?기간")
SPAN_OPEN = regex.compile(r"\s*(?:다만\s|또한?\s|한편\s)?(?:같은|이|동)\s?기간")
# a comparison going on from the paragraph before; "That was up 12% YoY": English points back at the figure
# the paragraph before ended on
CONTINUES = regex.compile(r"\s*(?:전년\s?동기|전\s?분기|직전\s?분기|(?:지난해|작년)\s?(?:같은\s?기간|동기)|이는\s"
                          r"|(?:That|This|It)\s(?:was|is|represents|represented|marks|marked)\s(?:up|down|an?\s)?)")


def new_paragraph(lay: Layout, sent: Sentence, carry: dict[str, Any]) -> dict[str, Any]:
    """The carry a paragraph opening on `sent` starts with."""
    # a paragraph opening on a comparison goes on with the last one's metric ("영업이익은 ... 흑자로 전환했다.
    # ¶ 전년 동기(607억원)와 비교해 66.1% 감소했다"): about it, not about revenue by default
    # (the metric and line of its last stated figure, not a word of a sentence without one)
    going_on = CONTINUES.match(lay.scan, sent.start, min(sent.end, sent.start + 16)) is not None
    stated = carry.get("stated") if going_on else None
    # a one-sentence paragraph of a wire's annual results ("¶ 매출은 2조6천497억원으로 전년 대비 4.3% 감소했다")
    # that opens on a bare metric goes on with the closing year the paragraph before stated
    # (and a headline's deck under it, "매출 3814억…전년대비 17% 하락", goes on with the headline's year)
    year = carry["period"] if carry.get("closing") and (subject_carry.BARE_OPEN.match(
        lay.scan, sent.start, min(sent.end, sent.start + 40)) or (sent.line <= lay.title_line() + 2 and DECK_OPEN.match(
            lay.scan, sent.start, min(sent.end, sent.start + 12)))) else None
    # and a wire's paragraph of one sentence that opens on "같은 기간" goes on with the company before it
    # (or opens on a bare metric and measures over the same span: "¶ 매출은 439억원으로 같은 기간 3.6% 증가")
    same = SPAN_OPEN.match(lay.scan, sent.start, min(sent.end, sent.start + 16)) is not None or (
        subject_carry.BARE_OPEN.match(lay.scan, sent.start, min(sent.end, sent.start + 40)) is not None
        and SAME_SPAN_NEAR.search(lay.scan, sent.start, min(sent.end, sent.start + 40)) is not None)
    # and "별도 기준 수주액 5,803억 원 … ¶ 매출액은 2,304억 원": a paragraph that opens on a bare metric is on the books
    # the paragraph before named
    books = carry.get("scope") if subject_carry.BARE_OPEN.match(lay.scan, sent.start, min(sent.end, sent.start + 40)) else None
    return {"para": sent.para, "entity": carry["entity"] if same else None, "metric": stated[0] if stated else None,
            "metric_at": carry.get("metric_at"), "period": year, "closing": year is not None,
            "last": carry.get("last"), "segment": stated[1] if stated else None, "stated": carry.get("stated"), "line_held": carry.get("line_held"),
            "short_line": carry.get("short_line"),  # a line named in full, for its short form in the next paragraph
            **({k: carry[k] for k in ("entity_at", "unknown") if k in carry} if same else {}),
            **({"scope": (*books[:3], sent.index - 1, *books[4:])} if books else {})}
