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


EACH = (
    "县委十四届七次全会召开后，县文联、县残联、县侨联相继召开党组会议，传达学习全会精神。\n"
    "县文联在会上强调，要深入开展“文艺轻骑兵”下基层活动。\n"
    "县残联党组书记、理事长高春兰在会上要求，要持续推进“助残暖心”工程。\n"
    "县侨联要求，要擦亮“侨心向党”品牌。\n"
)


def test_bodies_enumerated_before_xianghou_each_hold_a_sitting_of_their_own():
    """meeting.described.each, relations.setting.each_paragraph: 相继/先后/分别 after the enumeration gives one
    meeting per body, each studying what the lead says; each body's paragraph is its own meeting's report."""
    res = extract_text(EACH)
    held = rels(res, "heldBy")
    assert {("县文联党组会议", "县文联"), ("县残联党组会议", "县残联"), ("县侨联党组会议", "县侨联")} <= held, held
    assert not any(s == "县文联党组会议" and o != "县文联" for s, o in held), held  # no co-holders
    studied = rels(res, "studies")
    assert {("县文联党组会议", "县委十四届七次全会"), ("县残联党组会议", "县委十四届七次全会"),
            ("县侨联党组会议", "县委十四届七次全会")} <= studied, studied
    promoted = rels(res, "promotes")
    assert {("县文联", "文艺轻骑兵"), ("县残联", "助残暖心"), ("县侨联", "侨心向党")} <= promoted, promoted
    assert not any(s == "县文联" and o in ("助残暖心", "侨心向党") for s, o in promoted), promoted


def test_bodies_that_convene_together_stay_co_holders_of_one_meeting():
    res = extract_text("县科协、县妇联联合召开座谈会，传达学习县委十四届七次全会精神。会议要求，要深入开展“科普巾帼行”活动。\n")
    held = {(s, o) for s, o in rels(res, "heldBy") if s.endswith("座谈会")}
    assert len({s for s, _ in held}) == 1, held
    assert {o for _, o in held} == {"县科协", "县妇联"}


PLENUM = (
    "中国共产党新沂市第十四届委员会第八次全体会议12月6日召开。全会深入学习贯彻党的二十届四中全会精神。\n"
    "全会强调，要锚定“产业强市”目标，持续推进“两湖一山”保护。\n"
)


def test_a_local_plenum_that_sits_in_the_report_studies_and_its_committee_promotes():
    """relations.setting.plenum_sits: the plenum is the subject of 召开 (its date between): it is the report's
    meeting, its committee holds it and speaks in 全会强调…."""
    res = extract_text(PLENUM)
    (plenum,) = {s for s, o in rels(res, "heldBy")}
    assert (plenum, "中国共产党第二十届中央委员会第四次全体会议") in rels(res, "studies")
    committee = next(o for s, o in rels(res, "heldBy"))
    assert {(committee, "产业强市"), (committee, "两湖一山")} <= rels(res, "promotes")


def test_a_plenum_that_sat_before_the_report_is_no_setting():
    res = extract_text("市委十四届八次全会召开后，市委宣传部召开部务会议，传达学习全会精神。会议要求，要唱响“产业强市”主旋律。\n")
    promoted = rels(res, "promotes")
    assert any(o == "产业强市" and "宣传部" in s for s, o in promoted), promoted
    assert not any(s.endswith("市委") and o == "产业强市" for s, o in promoted), promoted


LEAGUE_PLENUM = (
    "共青团淮安市第六届委员会第三次全体会议11月28日召开。会议深入学习贯彻党的二十届四中全会精神。\n"
    "全会强调，要深化“青春建功”行动，持续擦亮“青年之家”品牌。\n"
)


def test_a_league_plenum_of_a_place_is_the_leagues_committees_and_sits_in_its_report():
    """meeting.plenum.league_local: 共青团 before the place and 第N届委员会第N次全体会议 is the League's committee's
    plenum (no party plenum 中共淮安市委六届三次全会)."""
    res = extract_text(LEAGUE_PLENUM)
    held = rels(res, "heldBy")
    assert ("共青团淮安市委六届三次全会", "共青团淮安市委") in held, held
    assert not any("中共" in s for s, _ in held), held
    assert ("共青团淮安市委六届三次全会", "中国共产党第二十届中央委员会第四次全体会议") in rels(res, "studies")
    assert ("共青团淮安市委", "青春建功") in rels(res, "promotes")


TOPIC = (
    "市委理论学习中心组举行集体学习\n"
    "9月2日，市委理论学习中心组举行集体学习，围绕习近平总书记关于网络强国的重要思想进行专题学习研讨。\n"
    "会议强调，要深入实施“清朗”系列专项行动。\n"
)


def test_the_topic_of_a_study_opened_by_weirao_is_studied():
    res = extract_text(TOPIC)
    assert any(o == "习近平总书记关于网络强国的重要思想" for _, o in rels(res, "studies")), rels(res, "studies")


def test_a_topic_that_is_urged_is_not_studied():
    res = extract_text("9月2日，市委理论学习中心组举行集体学习。会议强调，要围绕习近平总书记关于网络强国的重要思想进行专题学习。\n")
    assert not any(o == "习近平总书记关于网络强国的重要思想" for _, o in rels(res, "studies")), rels(res, "studies")


def test_a_bureau_written_in_its_full_form_holds_its_meeting():
    """organization.levelled: 县医疗保障局 is the unit 医保局 written in full (org_units.tsv's ``full``)."""
    res = extract_text("12月5日，县医疗保障局召开党组会议，传达学习县委十五届八次全会精神。会议强调，要深入推进“医保惠民”工程。\n")
    assert ("县医保局党组会议", "县医保局") in rels(res, "heldBy")
    assert ("县医保局", "医保惠民") in rels(res, "promotes")


def test_a_future_cue_inside_the_conveners_name_does_not_recall_its_meeting():
    """recall.future reads 计划 in 计划于…召开, not in 县计划生育协会召开…."""
    res = extract_text("12月5日，县计划生育协会召开党组会议，传达学习县委十五届八次全会精神。会议要求，要深入开展“婚育新风进万家”活动。\n")
    assert any(o == "婚育新风进万家" for _, o in rels(res, "promotes")), rels(res, "promotes")
    res = extract_text("县委宣传部计划于下月召开座谈会。会议将围绕“幸福家庭”创建开展研讨。\n")
    assert not any(o == "幸福家庭" for _, o in rels(res, "promotes")), rels(res, "promotes")


def test_a_teams_sitting_is_not_the_sending_bodys():
    """relations.held_by.team_sitting: the plenary of a team a body sent (执法检查组) is the team's, one level below the
    body; a body's own organ (its 中央委员会) still sits for it."""
    held = rels(extract_text("全国人大常委会种子法执法检查组第一次全体会议11日在京召开。赵乐际出席会议并讲话。"), "heldBy")
    assert not any(o == "全国人大常委会" for _, o in held), held
    held = rels(extract_text("中国致公党第十六届中央委员会第三次全体会议在京召开。"), "heldBy")
    assert ("中国致公党第十六届中央委员会第三次全体会议", "中国致公党") in held, held


def test_the_body_that_opens_a_plenums_name_is_not_the_subject_of_a_later_verb():
    """meeting.subject.plenum_body: 县委 names the plenum, 各乡镇 (no body) convene the 党委会议."""
    res = extract_text("县委十五届九次全会召开后，各乡镇迅速召开党委会议，传达学习全会精神。\n")
    assert not any(o == "县委" and s != "县委十五届九次全会" for s, o in rels(res, "heldBy")), rels(res, "heldBy")


def test_a_bare_plenum_after_the_headlines_plenum_is_that_plenum():
    """meeting.plenum.bare: the headline's 县委全会 (meeting.plenum.bare_new) is what 传达学习全会精神 names after it."""
    res = extract_text("全县各部门迅速传达学习县委全会精神\n县教育局召开党组会议，传达学习全会精神。会议要求，要全力打造“教育强县”。\n")
    assert ("县教育局党组会议", "县委全会") in rels(res, "studies"), rels(res, "studies")


def test_a_speaker_a_modal_or_the_talks_before_a_chaired_sitting_are_no_words_of_its_name():
    """meeting.subject (subject_phrase_verbs 宣布, 还会…) and meeting.described (inner_verbs 主持, 出席): a meeting's name
    starts after the verb that introduces it and holds no speaker announcing it nor a modal 会."""
    res = extract_text("王毅同土耳其外长举行会谈并共同主持中土合作委员会第六次会议。大会主席团常务委员会委员阿东宣布大会开幕。"
                       "每个季度还会召开一次联席会议。")
    meetings = {label for (t, label) in res.entities if t == "Meeting"}
    assert "中土合作委员会第六次会议" in meetings, meetings
    assert not any("会谈" in m or "宣布" in m or m.endswith("还会") for m in meetings), meetings
