"""Who promotes a formulation at an event with several voices (issue 9: promoter-host, promoter-digest-item,
promoter-named-elsewhere, promoter-addressee).

Texts here are written for the test (not taken from the corpus).
"""
from __future__ import annotations

from kgtest import extract_text, promoted_by, rels

PRESS = (
    "国务院新闻办公室今天举行“奋进新时代”中外记者见面会，五位基层代表围绕“实干成就未来”主题与记者交流。\n"
    "代表们讲述了推进“乡村振兴”的故事。农业农村部有关负责人表示，要坚持“藏粮于地、藏粮于技”。\n"
)


def test_the_host_of_a_press_event_promotes_nothing_said_there():
    # relations.promotes.press_host: the press office invites the speakers; their words are not its own
    res = extract_text(PRESS)
    assert not promoted_by(res, "国务院新闻办公室"), rels(res, "promotes")
    assert any(o == "乡村振兴" for _, o in rels(res, "mentions")), rels(res, "mentions")  # the event still mentions it


def test_the_host_of_a_press_event_speaks_in_a_clause_it_opens():
    text = ("市政协今天举行新闻发布会，通报一年来履职情况。\n"
            "一年来，市政协聚焦“乡村振兴”深入协商议政。\n")
    assert "乡村振兴" in promoted_by(extract_text(text), "市政协"), rels(extract_text(text), "promotes")


def test_a_meeting_that_is_no_press_event_speaks_through_its_holder():
    text = "市政协今天举行常委会议，通报一年来履职情况。\n会议要求，要聚焦“乡村振兴”深入协商议政。\n"
    assert "乡村振兴" in promoted_by(extract_text(text), "市政协"), rels(extract_text(text), "promotes")
