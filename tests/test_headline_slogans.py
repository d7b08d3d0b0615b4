"""The headline above a meeting report is the report's: its formulations are promoted by the meeting's holder."""
from __future__ import annotations

from kgtest import extract_text


def _promotes(text: str) -> dict[tuple[str, str], str]:
    res = extract_text(text)
    return {(r.subject[1], r.object[1]): r.rule for r in res.relations if r.predicate == "promotes"}


def test_headline_slogan_is_promoted_by_the_lead_meetings_holder() -> None:
    made = _promotes("市妇联：凝聚“巾帼心向党”奋进力量\n\n10月25日，市妇联召开党组（扩大）会议，传达学习党的二十大精神。")
    assert made.get(("市妇联", "巾帼心向党")) == "relations.promotes.headline"


def test_a_sentence_above_the_report_is_no_headline() -> None:
    made = _promotes("全市上下要大力弘扬“三牛”精神，奋力开创新局面。\n\n10月25日，市妇联召开党组（扩大）会议，传达学习党的二十大精神。")
    assert ("市妇联", "三牛") not in made
