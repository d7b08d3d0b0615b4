"""A meeting the text only names is no setting: it neither speaks nor lends its holder a voice (issue 9,
promoter-named-elsewhere). Texts here are written for the test, not taken from the corpus: a feature
that recalls or counts sittings, a talk that looks forward to a summit or congratulates a host, and a
report whose own meeting recalls another one.
"""
from __future__ import annotations

import pytest

from kg.model import Article
from kg.pipeline import extract

DATE = "2023-09-10"

ONLY_NAMED = [
    ("recall.count", "习近平总书记4次主持召开中央海洋工作座谈会，提出建设“海洋强国”。"),
    ("recall.span", "十年来，中共中央召开全国海洋工作会议，提出建设“海洋强国”。"),
    ("recall.month", "今年3月，国务院召开全国海洋工作会议，部署“蓝色粮仓”建设。"),
    ("recall.year_before", "1945年春，中共中央机关迁到王家坪。在王家坪期间，中共中央召开了全国海洋工作会议，提出“海洋强国”。"),
    ("recall.future", "中方支持巴西主持召开二十国集团领导人峰会，愿共同推动“全球发展倡议”落实。"),
    ("recall.congratulated", "习近平祝贺埃及成功举办非洲联盟首脑会议，表示愿推动“全球发展倡议”落实。"),
]


def _relations(text: str, date: str = DATE) -> set[tuple[str, str, str]]:
    res = extract(Article(id="t", text=text, date=date))
    return {(r.predicate, r.subject[1], r.object[1]) for r in res.relations}


def _reasons(text: str, date: str = DATE) -> list[str | None]:
    """The recall reason of every meeting of the text, in order (the pipeline up to the relations)."""
    from extractors.relations import _recall_reason
    from kg.pipeline import default_pipeline, make_doc

    doc = make_doc(Article(id="t", text=text, date=date), None)
    for component in default_pipeline(()):
        if component.name == "relations":
            break
        component(doc)
    meetings = sorted(doc.of_type("Meeting"), key=lambda m: m.start)
    return [_recall_reason(doc, m, i == 0) for i, m in enumerate(meetings)]


@pytest.mark.parametrize(("reason", "text"), ONLY_NAMED, ids=[r for r, _ in ONLY_NAMED])
def test_a_meeting_only_named_neither_speaks_nor_promotes(reason: str, text: str) -> None:
    assert reason in _reasons(text)
    made = _relations(text)
    assert not any(p in ("promotes", "mentions") for p, _, _ in made), sorted(made)


def test_a_named_meeting_still_has_its_holder():
    # recalled or not, 中共中央 holds the meeting it convened: only the voice goes
    assert ("heldBy", "中共中央全国海洋工作会议", "中共中央") in _relations(ONLY_NAMED[1][1])


def test_the_reports_own_meeting_keeps_the_voice_a_recalled_one_loses():
    text = ("全省海洋工作会议5日在杭州召开。\n"
            "会议指出，党的十八大以来，中共中央召开中央海洋工作座谈会，作出重要部署。\n"
            "会议要求，推进“蓝色粮仓”建设。\n")
    made = _relations(text)
    assert ("promotes", "中共中央", "蓝色粮仓") not in made, sorted(made)
    assert ("mentions", "全省海洋工作会议", "蓝色粮仓") in made, sorted(made)


def test_a_meeting_dated_today_is_reported_whatever_the_sentence_before_recalls():
    text = "2019年，全省启动海洋牧场建设。今天，国务院召开全国海洋工作会议，部署“蓝色粮仓”建设。"
    assert _reasons(text) == [None]
    assert ("promotes", "国务院", "蓝色粮仓") in _relations(text)


def test_a_meeting_of_this_month_or_dated_by_its_day_is_no_recall():
    for text in ("9月，国务院召开全国海洋工作会议，部署“蓝色粮仓”建设。",
                 "3月5日，国务院召开全国海洋工作会议，部署“蓝色粮仓”建设。"):
        assert _reasons(text) == [None], text
