"""Name boundaries, fifth batch, on sentences written for these tests (none copied from ../shared): a foreign name
jieba cut in pieces around a title-cued syllable pair, a name opening a sentence before an adverb, the ministers of
a kind of department meeting, and working groups named by a count or by their national owner."""
from __future__ import annotations

import pytest

from kgtest import extract_text, labels


def _persons(text: str) -> set[str]:
    return labels(extract_text(text), "Person")


def _orgs(text: str) -> set[str]:
    return labels(extract_text(text), "Organization")


# ------------------------------------------------- ner.foreign2-joined


@pytest.mark.parametrize("text, name, cut", [
    ("朔尔茨说，柏林愿意扩大对华出口。", "朔尔茨", "尔茨"),
    ("会见时，冯德莱恩说，欧盟重视对华关系。", "冯德莱恩", "莱恩"),
    ("吉尔吉斯斯坦总统扎帕罗夫、塔吉克斯坦总统拉赫蒙出席峰会。", "拉赫蒙", "拉赫"),
    ("斯里兰卡总统维克拉马辛哈抵达北京。", "维克拉马辛哈", "维克"),
    ("波兰总理图斯克3日访问布鲁塞尔。", "图斯克", "图斯"),
    ("会后，主席同安瓦尔总理共同出席签字仪式。", "安瓦尔", "瓦尔"),
])
def test_a_cued_foreign_name_cut_by_jieba_is_read_whole(text, name, cut):
    persons = _persons(text)
    assert name in persons
    assert cut not in persons


@pytest.mark.parametrize("text, name", [
    ("美国总统拜登亦向论坛发来视频致辞。", "拜登"),
    ("伊朗总统莱希来华进行国事访问。", "莱希"),
    ("主席表示，我同拜登总统通了电话。", "拜登"),
])
def test_a_cued_foreign_name_takes_in_no_word_of_the_sentence(text, name):
    persons = _persons(text)
    assert name in persons
    assert not {p for p in persons if p != name and name in p}


# ------------------------------------------------- person.opening_sentence.adverb


def test_a_name_opening_a_sentence_ends_before_its_adverb():
    persons = _persons("梁涛还强调，要做好安全生产工作。")
    assert "梁涛" in persons and "梁涛还" not in persons


@pytest.mark.parametrize("text", ["双方还表示，将继续加强沟通。", "宣言还指出，各方应当坚持多边主义。"])
def test_a_word_and_an_adverb_opening_a_sentence_are_no_name(text):
    assert not _persons(text)


# ------------------------------------------------- ner.org-place-head.ministers_meeting


@pytest.mark.parametrize("text, dept", [
    ("全国宣传部长会议5日在京召开。", "宣传部"),
    ("第八次东亚国家卫生部长会议在曼谷举行。", "卫生部"),
])
def test_the_ministers_of_a_kind_of_department_meeting_name_no_department(text, dept):
    assert dept not in _orgs(text)


def test_a_minister_still_names_his_ministry():
    assert "司法部" in _orgs("司法部长今天表示，将修订有关法律。")


# ------------------------------------------------- organization.suffixed.counted / task_owner


def test_a_counted_national_task_opens_its_working_group_name():
    orgs = _orgs("会前，副总理主持召开了第四次全国农业普查领导小组第一次全体会议。")
    assert "第四次全国农业普查领导小组" in orgs
    assert "农业普查领导小组" not in orgs


def test_a_national_body_before_its_groups_task_verbs_owns_the_group():
    orgs = _orgs("国务院根治拖欠农民工工资工作领导小组全体会议今天在京召开。")
    assert "国务院根治拖欠农民工工资工作领导小组" in orgs
    assert "农民工工资工作领导小组" not in orgs


def test_a_national_body_that_convenes_a_groups_meeting_is_not_in_its_name():
    orgs = _orgs("国务院召开农民工工资工作领导小组会议。")
    assert not {o for o in orgs if o.startswith("国务院召开")}


# ------------------------------------------------- slogan.quoted.foreign_speech: a transliterated name read as Chinese


@pytest.mark.parametrize("text", [
    "泽连斯基表示，乌方将“战斗到最后一刻”。",
    "记者会上，朔尔茨说，德国必须“保持清醒”。",
])
def test_the_quote_of_a_foreign_speaker_named_by_a_chinese_name_rule_is_no_slogan(text):
    assert not labels(extract_text(text), "PolicySlogan")


def test_a_chinese_speakers_quote_stays():
    assert labels(extract_text("李国强表示，要“战斗到最后一刻”。"), "PolicySlogan")


# ------------------------------------------------- organization.suffixed.place_modifier


def test_a_modifier_of_the_members_served_between_place_and_field_is_in_the_name():
    orgs = _orgs("近日，四川省老年体育协会举行换届大会。")
    assert "四川省老年体育协会" in orgs and "体育协会" not in orgs


def test_a_superlative_after_a_country_is_no_part_of_a_name():
    assert not {o for o in _orgs("德国最大商业银行德意志银行宣布裁员。") if "最大" in o}


# ------------------------------------------------- meeting.described.team


def test_the_sitting_a_bodys_team_convenes_is_named_by_the_team():
    doc = extract_text("3月2日下午，国务院调查组在南昌召开第一次全体会议。调查组组长通报调查安排。")
    assert "国务院调查组第一次全体会议" in labels(doc, "Meeting")
    assert "国务院第一次全体会议" not in labels(doc, "Meeting")


# ------------------------------------------------- ner.org-suffix.verb_object


@pytest.mark.parametrize("text", ["中央和国家机关组织干部召开党组会议。", "全县各部门组织开展安全检查。"])
def test_a_suffix_word_that_sets_people_to_work_is_a_verb(text):
    assert not {o for o in _orgs(text) if o.endswith("组织")}


def test_an_organisation_named_so_still_ends_in_its_head():
    assert "巴勒斯坦伊斯兰圣战组织" in _orgs("巴勒斯坦伊斯兰圣战组织发表声明。")


def test_a_bodys_youth_event_keeps_the_body():
    assert "上合组织" in _orgs("上合组织青年交流营在青岛开营。")
