"""Who promotes a formulation at an event with several voices (issue 9: promoter-host, promoter-digest-item,
promoter-named-elsewhere, promoter-addressee).

Texts here are written for the test (not taken from the corpus).
"""
from __future__ import annotations

from kgtest import check_promotes, extract_text, promoted_by, rels

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
    check_promotes(text, "市政协", said={"乡村振兴"})


def test_a_meeting_that_is_no_press_event_speaks_through_its_holder():
    text = "市政协今天举行常委会议，通报一年来履职情况。\n会议要求，要聚焦“乡村振兴”深入协商议政。\n"
    check_promotes(text, "市政协", said={"乡村振兴"})


ROUNDUP = (
    "学习教育开展以来，各地认真组织谋划，确保学习教育取得实效。\n"
    "河东市委召开常委会会议，研究部署学习教育工作，要求坚持“当下改”与“长久立”相结合。\n"
    "河西省坚持边学边查边改，以“四下基层”带动各级党组织解决群众急难愁盼问题。\n"
    "省文化和旅游厅注重学用结合，推动“文旅融合”走深走实。\n"
)


def test_a_roundup_paragraph_opened_by_another_actor_ends_the_meeting():
    # relations.setting.other_opens: the city committee's meeting does not speak for the province's paragraph
    res = extract_text(ROUNDUP)
    promoted = {o for s, o in rels(res, "promotes") if "河东" in s}
    assert "当下改" in promoted, rels(res, "promotes")
    assert "四下基层" not in promoted and "文旅融合" not in promoted, promoted
    assert not any(o in ("四下基层", "文旅融合") for _, o in rels(res, "mentions")), rels(res, "mentions")


def test_a_directive_to_another_body_is_still_the_meetings():
    text = ("河东市委召开常委会会议，研究部署学习教育工作。\n"
            "市政府要坚持“四下基层”，切实解决群众急难愁盼问题。\n")
    res = extract_text(text)
    assert any(o == "四下基层" for s, o in rels(res, "promotes") if "河东" in s), rels(res, "promotes")


SUMMIT = (
    "11月16日，亚太经合组织第三十一次领导人非正式会议在利马举行。国家主席习近平出席会议并发表重要讲话。\n"
    "习近平强调，要坚持“开放包容”，共同建设“亚太命运共同体”。\n"
    "第一，要坚持“绿色低碳”发展。\n"
)


def test_a_guest_who_speaks_at_a_summit_speaks_for_himself():
    # relations.promotes.guest_speaker: the multilateral body hosts; the head of state's words are not its own
    res = extract_text(SUMMIT)
    assert ("亚太经合组织第三十一次领导人非正式会议", "亚太经合组织") in rels(res, "heldBy"), rels(res, "heldBy")
    assert not promoted_by(res, "亚太经合组织"), rels(res, "promotes")
    assert ("亚太经合组织第三十一次领导人非正式会议", "绿色低碳") in rels(res, "mentions")  # said at the summit


def test_a_national_leader_at_a_national_bodys_meeting_speaks_for_it():
    text = ("中共中央政治局12月6日召开会议，中共中央总书记习近平主持会议。\n"
            "习近平强调，要坚持“稳中求进”工作总基调。\n")
    check_promotes(text, "中共中央政治局", said={"稳中求进"})


ADDRESSED = (
    "中共中央总书记习近平近日会见全国工商联负责人。全国工商联表示，将推动“两个健康”深入开展。\n"
    "习近平强调，要坚持“两个毫不动摇”。全国工商联要引导民营企业走“高质量发展”之路。\n"
)


def test_what_a_speaker_tells_the_subject_to_do_is_the_speakers():
    # relations.report_subject.addressed: 全国工商联要… inside Xi's words is said to it, not by it
    check_promotes(ADDRESSED, "全国工商联", not_said={"高质量发展"})


def test_a_meeting_held_for_years_running_is_only_named():
    # recall.count: 连续8年举办… counts sittings; the meeting is no setting of the paragraphs after it
    text = "2025年，我国连续8年举办进博会，累计意向成交额持续增长。\n“十五五”规划建议提出，要推动“高质量发展”。\n"
    res = extract_text(text)
    assert not any(s == "进博会" or "进口博览会" in s for s, _ in rels(res, "mentions")), rels(res, "mentions")


def test_a_participant_named_in_the_meetings_report_does_not_end_it():
    # relations.setting.other_opens: the committee reported to the session; its paragraph is still the session's
    text = ("市人大常委会召开第五次会议，会议听取了市人大法制委员会关于条例草案审议结果的报告。\n"
            "市人大法制委员会认为，草案坚持“全过程人民民主”，已经比较成熟。\n")
    check_promotes(text, "市人大常委会", said={"全过程人民民主"})


def test_an_official_of_another_body_speaks_at_the_press_event():
    text = ("国务院新闻办公室今天举行政策例行吹风会，介绍一季度工作情况。\n"
            "商务部有关负责人表示，要坚持“稳中求进”。\n")
    res = extract_text(text)
    assert any(o == "稳中求进" for _, o in rels(res, "mentions")), rels(res, "mentions")
