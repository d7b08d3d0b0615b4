"""Name boundaries of organisations and meetings, on sentences written for these tests (none copied from
../shared): where a suffixed name starts and ends, what a 和 inside a body's name is, and which phrases
that end in a meeting type are clauses or counts rather than one meeting."""
from __future__ import annotations

import pytest

from kgtest import extract_text, labels, rels


def _orgs(text: str) -> set[str]:
    return labels(extract_text(text), "Organization")


def _meetings(text: str) -> set[str]:
    return labels(extract_text(text), "Meeting")


# ------------------------------------------------- organization.suffixed.tail_in_word


@pytest.mark.parametrize("text, wrong", [
    ("两市签署了文旅合作协议，约定互送客源。", "合作协"),          # 合作|协议: no 作协
    ("省里成立了防汛工作协调小组，由副省长任组长。", "防汛工作协"),  # 工作|协调
    ("今年将减免部分行政事业性收费。", "部分行"),                # 部分|行政: no 分行
])
def test_a_suffix_read_across_a_word_boundary_is_no_name(text, wrong):
    assert not {o for o in _orgs(text) if o.endswith(wrong)}


def test_a_suffix_followed_by_a_post_still_ends_the_name():
    assert "北京协和医院" in _orgs("北京协和医院院长出席了发布会。")


# ------------------------------------------------- organization.suffixed.glued_guess


@pytest.mark.parametrize("text, name", [
    ("另据美国广播公司报道，当地出现强降雨。", "美国广播公司"),
    ("罢工致英皇家邮政公司损失严重。", "英皇家邮政公司"),
])
def test_a_function_character_glued_by_a_guess_is_cut_off(text, name):
    orgs = _orgs(text)
    assert name in orgs
    assert not {o for o in orgs if o.endswith(name) and o != name}


# ------------------------------------------------- organization.suffixed.joined_head


@pytest.mark.parametrize("text, name", [
    ("会议听取了全国人大民族和宗教委员会关于草案的说明。", "全国人大民族和宗教委员会"),
    ("农业和农村委员会召开全体会议。", "农业和农村委员会"),
])
def test_a_and_between_two_fields_before_the_head_is_part_of_the_name(text, name):
    assert name in _orgs(text)


@pytest.mark.parametrize("text, wrong", [
    ("美国和欧盟委员会发表联合声明。", "美国和欧盟委员会"),                        # two bodies, proper names
    ("会议听取了预算执行情况和财政经济委员会的审查报告。", "情况和财政经济委员会"),  # a topic and a body
    ("大会审议了中央委员会工作报告和中央监督委员会工作报告。", "工作报告和中央监督委员会"),  # a second body opens
])
def test_a_and_that_lists_two_things_stays_outside_the_name(text, wrong):
    assert wrong not in _orgs(text)


# ------------------------------------------------- meeting.counted


@pytest.mark.parametrize("text", [
    "市政协先后召开5场座谈会，听取各界意见。",
    "调研组召开三次座谈会，听取基层意见。",
    "县委组织召开16个专题会议，逐项研究。",
])
def test_a_count_of_meetings_is_no_meeting(text):
    assert not _meetings(text)


def test_one_sitting_and_a_quoted_theme_are_meetings():
    assert "市委座谈会" in _meetings("市委召开一场座谈会，听取意见。")
    assert "县委“两个确立”专题会议" in _meetings("县委组织召开“两个确立”专题会议。")


# ------------------------------------------------- meeting.subject.clause_lead


@pytest.mark.parametrize("text", [
    "每当党的重大会议召开，村里都组织收看。",
    "去年，他作为来宾列席大会召开的开幕式。",
])
def test_a_clause_ending_in_a_meeting_type_is_no_meeting(text):
    assert not {m for m in _meetings(text) if m.startswith(("每当", "作为", "他"))}


# ------------------------------------------------- meeting.described.overlap


def test_the_holders_last_word_opening_the_meeting_name_is_written_once():
    result = extract_text("中共中央召开中央民族工作会议。")
    assert ("中共中央民族工作会议", "中共中央") in rels(result, "heldBy")
    assert not {m for m in labels(result, "Meeting") if "中央中央" in m}


# ------------------------------------------------- organization.suffixed.quoted_field, owner_cut, new heads


def test_a_committee_named_for_a_quoted_task_keeps_the_quote_and_its_verb():
    assert "推进“一带一路”建设工作领导小组" in _orgs("国务院副总理、推进“一带一路”建设工作领导小组组长出席会议。")
    assert "“十四五”规划编制工作领导小组" in _orgs("会议由“十四五”规划编制工作领导小组主持。")
    assert "强调“三农”工作领导小组" not in _orgs("他强调“三农”工作领导小组要发挥作用。")


def test_an_ad_hoc_body_is_named_with_the_body_it_belongs_to():
    result = extract_text("国务院联防联控机制春运工作专班召开视频会议。")
    assert "国务院联防联控机制春运工作专班" in labels(result, "Organization")
    assert ("国务院联防联控机制春运工作专班视频会议", "国务院联防联控机制春运工作专班") in rels(result, "heldBy")


def test_the_mechanism_not_its_parent_holds_its_teleconference():
    assert ("国务院联防联控机制电视电话会议", "国务院联防联控机制") in rels(
        extract_text("国务院联防联控机制召开电视电话会议，部署防控工作。"), "heldBy")


# ------------------------------------------------- verbs and adverbs before a name (org_stop, verb_phrase_leads)


@pytest.mark.parametrize("text, name", [
    ("总理在人民大会堂会见清华大学经济管理学院顾问委员会委员。", "清华大学经济管理学院顾问委员会"),
    ("他充分肯定中国宋庆龄基金会的工作。", "中国宋庆龄基金会"),
    ("美国媒体22日援引美国加利福尼亚大学一个团队的报告说。", "美国加利福尼亚大学"),
])
def test_a_verb_before_a_name_is_no_part_of_it(text, name):
    orgs = _orgs(text)
    assert name in orgs
    assert not {o for o in orgs if o.endswith(name) and o != name and not o.startswith("人民大会堂")}


# ------------------------------------------------- meeting.described.listed


def test_two_listed_meetings_are_two_names():
    meetings = _meetings("执法检查组召开执法检查座谈会和基层单位人员座谈会。")
    assert not {m for m in meetings if "座谈会和" in m}


# ------------------------------------------------- generic organisations (ner_org_stop.txt)


def test_a_system_or_a_kind_of_organ_is_no_organization():
    orgs = _orgs("要坚持和完善人民代表大会制度，推动人民政协事业发展，支持检察机关依法履职。")
    assert not orgs & {"人民代表大会", "人民政协", "检察机关"}
    assert "全国人大" in _orgs("十四届全国人民代表大会第一次会议在京开幕。")


def test_a_numbered_formulation_inside_a_meeting_name_is_no_count():
    assert "中共山东省委深入贯彻中央八项规定精神学习教育专题读书班" in _meetings(
        "山东省委召开会议。省委举办深入贯彻中央八项规定精神学习教育专题读书班。")


def test_a_body_followed_by_its_meeting_keeps_its_name():
    result = extract_text("福建召开省委党的建设工作领导小组会议，对全省工作进行部署。")
    assert any(o.endswith("党的建设工作领导小组") for o in labels(result, "Organization"))
