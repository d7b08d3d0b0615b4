"""Name boundaries, meeting holders and generic organisations, third batch, on sentences written for these tests
(none copied from ../shared): a plenum's report and its standing committee, a meeting named for a body and convened by
its unit, set phrases and demonstratives before suffixes, and 人民政协 as a system."""
from __future__ import annotations

import pytest

from kgtest import extract_text, labels, promoted_by, rels


def _orgs(text: str) -> set[str]:
    return labels(extract_text(text), "Organization")


def _meetings(text: str) -> set[str]:
    return labels(extract_text(text), "Meeting")


# ------------------------------------------------- meeting.described.organ_studies.plenum_organ


def test_the_standing_committee_in_a_plenums_report_holds_no_meeting():
    result = extract_text("中共南昌市委十二届八次全会召开。全会由市委常委会主持。"
                          "一年来，市委常委会认真学习贯彻“两个确立”，推进“清廉机关”建设。")
    assert not {m for m in labels(result, "Meeting") if "常委会会议" in m}


def test_a_standing_committee_studying_a_plenum_in_its_own_sentence_still_sits():
    assert "市委常委会会议" in _meetings("市委常委会传达学习市委十三届五次全会精神。")
    assert "县委常委会会议" in _meetings("8月3日，县委常委会传达学习党的二十届三中全会精神。")


# ------------------------------------------------- meeting.described.unit_holder


def test_a_unit_convening_a_meeting_named_for_its_body_holds_it():
    held = rels(extract_text("上午，国务院新闻办举行国务院政策例行吹风会，请有关部门介绍情况。"), "heldBy")
    assert ("国务院政策例行吹风会", "国务院新闻办公室") in held
    assert ("国务院政策例行吹风会", "国务院") not in held


def test_a_body_convening_its_own_meeting_still_holds_it():
    assert ("市委常委会会议", "市委") in rels(extract_text("市委召开市委常委会会议。"), "heldBy")


# ------------------------------------------------- meeting.subject.clause_lead (祝贺, 预祝)


@pytest.mark.parametrize("text", [
    "各界代表在主席台就座，祝贺大会召开。",
    "来宾们纷纷发来贺信，预祝会议召开。",
])
def test_a_congratulation_ending_in_a_meeting_type_is_no_meeting(text):
    assert not {m for m in _meetings(text) if m.startswith(("祝贺", "预祝"))}


def test_a_congratulated_meeting_is_named_without_the_greeting():
    meetings = _meetings("主席向非洲联盟发去贺电，祝贺第39届非洲联盟首脑会议召开。")
    assert "第39届非洲联盟首脑会议" in meetings
    assert not {m for m in meetings if m.startswith("祝贺")}


# ------------------------------------------------- ner.org-suffix.set_phrase, ner.org-suffix.demonstrative


def test_a_party_word_before_de_opens_a_set_phrase_not_a_party():
    orgs = _orgs("全省机关党的工作会议在省会召开，会议部署“四强”党支部建设。")
    assert not {o for o in orgs if o.endswith("机关党")}


def test_a_demonstrative_glued_by_jiebas_guess_is_no_part_of_a_name():
    orgs = _orgs("这是日本众议院三十年来第一次在会期开始当天解散。")
    assert "日本众议院" in orgs
    assert not {o for o in orgs if o.startswith("这")}


# ------------------------------------------------- ner.org-system


def test_the_cppcc_as_a_system_neither_holds_nor_promotes():
    result = extract_text("政协第十四届全国委员会常务委员会第九次会议在京闭幕。主席在讲话中表示，"
                          "人民政协要坚持“两个确立”，围绕“十五五”规划深入协商议政。人民政协要发挥专门协商机构作用。")
    assert "人民政协" in labels(result, "Organization")
    assert not promoted_by(result, "人民政协")
    assert not {m for m, o in rels(result, "heldBy") if o == "人民政协"}


# ------------------------------------------------- organization.incident_team


def test_an_incident_investigation_team_is_named_by_all_of_it():
    result = extract_text("6月3日，国务院某某市宏达化工有限公司“6·1”重大爆炸事故调查组召开第一次全体会议，要求坚持“四不放过”。")
    team = "国务院某某市宏达化工有限公司“6·1”重大爆炸事故调查组"
    assert team in labels(result, "Organization")
    assert (team + "第一次全体会议", team) in rels(result, "heldBy")
    assert not {o for o in labels(result, "Organization") if o.endswith("化工有限公司")}


def test_an_incident_team_set_up_by_a_body_opens_after_the_verb():
    assert "湖北十堰“6·13”燃气爆炸事故调查组" in _orgs("国务院成立湖北十堰“6·13”燃气爆炸事故调查组，由应急管理部牵头。")


# ------------------------------------------------- ner.org-suffix.joined


@pytest.mark.parametrize("text, name", [
    ("主席在参加解放军和武警部队代表团审议时发表讲话。", "解放军和武警部队代表团"),
    ("他在参加中央和国家机关代表团审议时表示赞成。", "中央和国家机关代表团"),
])
def test_a_delegation_of_two_parts_joined_by_he_is_one(text, name):
    assert name in _orgs(text)


@pytest.mark.parametrize("text", ["来自40个国家和地区代表团参加开幕式。", "各国和地区代表团依次入场。",
                                  "他先后参加青海和宁夏代表团审议。"])
def test_many_delegations_are_no_joined_name(text):
    assert not {o for o in _orgs(text) if "和地区代表团" in o or "和宁夏代表团" in o}


# ------------------------------------------------- organization.levelled.foreign_place


def test_a_foreign_citys_government_is_not_the_articles_city():
    result = extract_text("徐州市委召开会议。应明尼阿波利斯市政府的请求，国民警卫队已进入该市。")
    assert "徐州市人民政府" not in labels(result, "Organization")


# ------------------------------------------------- organization.national.mission


def test_a_countrys_mission_to_an_international_body_is_the_mission():
    result = extract_text("中国常驻联合国日内瓦办事处和瑞士其他国际组织代表团在万国宫举办研讨会。")
    assert "中国常驻联合国日内瓦办事处和瑞士其他国际组织代表团" in labels(result, "Organization")
    assert "联合国日内瓦办事处" not in labels(result, "Organization")


def test_a_post_after_changzhu_leaves_the_body_named():
    assert "联合国" in _orgs("中国常驻联合国代表在安理会发言。")


# ------------------------------------------------- organization.place_unit.branch


def test_a_branch_in_a_place_written_after_its_institution_is_the_institutions():
    orgs = _orgs("援建的北京大学第一医院宁夏医院和北京协和医院海南医院已投入使用。")
    assert "北京大学第一医院宁夏医院" in orgs
    assert "宁夏回族自治区医院" not in orgs


# ------------------------------------------------- ner.org-place-head.verb_head, ner.org-suffix.place_verb, glued verbs


@pytest.mark.parametrize("text, wrong", [
    ("江西组织宣讲团走进乡村。", "江西组织"),
    ("朝阳区组织志愿服务队上门服务。", "朝阳区组织"),
])
def test_a_place_and_a_verb_head_is_what_the_place_does(text, wrong):
    assert not {o for o in _orgs(text) if o.startswith(wrong)}


def test_a_place_and_a_noun_before_the_same_head_is_still_a_name():
    assert "伊斯兰合作组织" in _orgs("伊斯兰合作组织召开特别会议。")


@pytest.mark.parametrize("text, name", [
    ("中方愿同亚洲开发银行深化合作。", "亚洲开发银行"),
    ("我们愿同77国集团一道努力。", "77国集团"),
])
def test_a_wish_glued_to_a_name_by_jiebas_guess_is_cut_off(text, name):
    orgs = _orgs(text)
    assert name in orgs
    assert not {o for o in orgs if o.startswith("愿")}


def test_a_verb_of_saying_glued_to_a_name_is_no_part_of_it():
    assert not {o for o in _orgs("外媒称美银行将裁减数千个岗位。") if o.startswith("称")}
