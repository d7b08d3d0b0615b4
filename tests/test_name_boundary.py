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
