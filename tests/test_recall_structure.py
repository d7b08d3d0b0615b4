"""Who holds, studies and promotes across the paragraphs of a local report (issue 9: relation recall).

Texts here are written for the test, in the genre of county, provincial and mass-organisation
reports (not taken from any corpus): a meeting named only by its chair's title and the headline,
a meeting another meeting merely speaks of, one meeting named twice, jointly convened meetings.
"""
from __future__ import annotations

from kgtest import extract_text, rels

CHAIRED = (
    "县委常委会传达学习省委十四届五次全会精神\n"
    "12月5日下午，县委书记张海涛主持召开会议，传达学习省委十四届五次全会精神，研究部署我县贯彻落实工作。\n"
    "会议强调，全县各级各部门要深入实施“强县工程”，持续擦亮“生态立县”金字招牌。\n"
)


def test_a_bare_meeting_is_named_by_its_chairs_body_and_the_headlines_organ():
    res = extract_text(CHAIRED)
    assert ("县委常委会会议", "县委") in rels(res, "heldBy")
    assert ("县委常委会会议", "省委十四届五次全会") in rels(res, "studies")
    assert {("县委", "强县工程"), ("县委", "生态立县")} <= rels(res, "promotes")


SPOKEN_OF = (
    "区委常委会召开扩大会议\n"
    "7月16日，区委常委会召开扩大会议，传达学习中共中央政治局会议精神和市委常委会会议精神。区委书记陈立主持会议。\n"
    "会议指出，中共中央政治局会议对下半年经济工作作出了全面部署，市委常委会会议对贯彻落实工作提出了明确要求。\n"
    "会议强调，要深化“两在两同”建新功行动，推动“三进三争”活动走深走实。\n"
)


def test_a_meeting_the_report_speaks_of_does_not_take_over_its_paragraphs():
    res = extract_text(SPOKEN_OF)
    promoted = rels(res, "promotes")
    assert ("区委", "三进三争") in promoted
    assert not any(s == "市委" for s, _ in promoted), promoted
    studied = rels(res, "studies")
    assert not any(s == "市委常委会会议" for s, _ in studied), studied


NAMED_TWICE = (
    "县委统战部召开全县统战工作会议\n"
    "6月12日，全县统战工作会议召开。县委常委、统战部部长黄丽出席会议并讲话。\n"
    "会议要求，全县统战系统要深入学习贯彻中央统战工作会议精神，持续擦亮“同心助力乡村振兴”品牌。\n"
)


def test_a_meeting_named_again_without_its_holder_is_the_same_meeting():
    res = extract_text(NAMED_TWICE)
    held = rels(res, "heldBy")
    assert {o for s, o in held if "全县统战工作会议" in s} == {"县委统一战线工作部"}, held
    assert ("县委统一战线工作部", "同心助力乡村振兴") in rels(res, "promotes")


JOINT = (
    "全县安全生产工作会议召开\n"
    "12月5日上午，县委、县政府在县行政中心，以视频会议形式，召开全县安全生产工作会议，传达学习全省安全生产电视电话会议精神。\n"
    "会议要求，要深入开展“安全生产月”活动，扎实推进“平安县城”建设。\n"
)


def test_the_subject_of_a_verb_several_clauses_on_opens_the_sentence():
    res = extract_text(JOINT)
    held = rels(res, "heldBy")
    meetings = {s for s, _ in held if "安全生产工作会议" in s}
    assert len(meetings) == 1, held
    (m,) = meetings
    assert {(m, "县委"), (m, "县人民政府")} <= held
    assert ("县委", "平安县城") in rels(res, "promotes")


ANNOUNCED = (
    "县科协、县侨联传达学习县委全会精神\n"
    "县委十五届九次全会召开后，全县各群团组织迅速行动。日前，县科协、县侨联分别召开会议，传达学习县委十五届九次全会精神。\n"
    "县科协召开党组扩大会议。会议要求，要围绕“科技兴县”战略，深入开展“科普进万家”活动。\n"
    "县侨联召开全委会议，传达学习全国侨联十一届三次全委会议精神。会议强调，要持续擦亮“侨胞之家”品牌。\n"
)


def test_a_lead_announcing_several_meetings_gives_each_what_they_studied():
    res = extract_text(ANNOUNCED)
    studied = rels(res, "studies")
    union = next(s for s, _ in rels(res, "heldBy") if s.endswith("党组扩大会议"))
    assert (union, "县委十五届九次全会") in studied
    # the second meeting says what it studied itself: the lead's object is not added to it
    qiaolian = next(s for s, o in sorted(rels(res, "heldBy")) if o == "县侨联")
    assert any(s == qiaolian and "侨联" in o for s, o in studied), studied
    assert (qiaolian, "县委十五届九次全会") not in studied
    # 全会召开后: the time the report starts from, no sitting of this report
    assert not any(s == "县委十五届九次全会" for s, _ in studied), studied


DEPARTMENTS = (
    "省直部门传达学习省委全会精神\n"
    "省交通运输厅党组理论学习中心组举行集体学习，传达学习省委全会精神。会议强调，要加快建设“交通强省”。\n"
    "省卫生健康委召开党组会议，传达学习全会精神。会议要求，深入推进“健康浙江”建设。\n"
)


def test_provincial_departments_hold_their_meetings_and_promote_their_paragraphs():
    res = extract_text(DEPARTMENTS)
    held = rels(res, "heldBy")
    assert any(o == "省交通运输厅" for _, o in held), held
    promoted = rels(res, "promotes")
    assert ("省交通运输厅", "交通强省") in promoted, promoted
    assert not any(s == "省交通运输厅" and o == "健康浙江" for s, o in promoted), promoted
