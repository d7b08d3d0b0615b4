"""Name boundaries and meeting holders, fourth batch, on sentences written for these tests (none copied from
../shared): a hyphenated foreign name, a meeting counted in thousands, a clause opened by a governing word before
a would-be subject meeting, a place as the subject of its own clause, and a body named inside a quoted theme."""
from __future__ import annotations

import pytest

from kgtest import extract_text, labels, rels


def _persons(text: str) -> set[str]:
    return labels(extract_text(text), "Person")


def _meetings(text: str) -> set[str]:
    return labels(extract_text(text), "Meeting")


# ------------------------------------------------- ner.hyphen-name


@pytest.mark.parametrize("text, name", [
    ("副主席在京会见西班牙众议长费尔南德斯-卡多佐。", "费尔南德斯-卡多佐"),
    ("费尔南德斯-卡多佐表示，西方愿深化合作。", "费尔南德斯-卡多佐"),
])
def test_two_transliterated_names_joined_by_a_hyphen_are_one_person(text, name):
    persons = _persons(text)
    assert name in persons
    assert "卡多佐" not in persons


def test_a_hyphen_between_figures_joins_no_name():
    assert not {p for p in _persons("2025-2026年度计划发布，中-老两国代表出席。") if "-" in p}


# ------------------------------------------------- meeting.counted (a scaled figure)


@pytest.mark.parametrize("text", [
    "部长介绍，今年以来各地已举办2.4万场招聘会，发布岗位1200万个。",
    "全省累计举办1.5万余场宣讲会。",
])
def test_a_meeting_counted_in_thousands_is_no_meeting(text):
    assert not {m for m in _meetings(text) if "招聘会" in m or "宣讲会" in m}


def test_one_counted_sitting_is_still_a_meeting():
    assert {m for m in _meetings("市人社局举办一场专场招聘会。") if m.endswith("专场招聘会")}


# ------------------------------------------------- meeting.subject.governor_lead


@pytest.mark.parametrize("text, wrong", [
    ("主席向东盟轮值主席国致贺电，就第48届东盟峰会召开表示祝贺。", "就"),
    ("议长表示，期待以两国建交60周年和博鳌论坛年会举行为契机，深化合作。", "期待"),
])
def test_a_clause_opened_by_a_governing_word_is_no_meeting_name(text, wrong):
    assert not {m for m in _meetings(text) if m.startswith(wrong)}


@pytest.mark.parametrize("text, name", [
    ("全省就业工作会议在福州召开。", "就业工作会议"),
    ("全县以案促改警示教育大会召开。", "以案促改警示教育大会"),
])
def test_a_name_opening_with_a_word_that_holds_the_character_stays(text, name):
    assert {m for m in _meetings(text) if m.endswith(name)}


# ------------------------------------------------- meeting.subject.place_clause


def test_a_place_opening_its_clause_is_the_subject_not_an_earlier_clauses_body():
    result = extract_text("明年，中国将举办2027年上海合作组织峰会，南非将举办二十国集团峰会，双方乐见彼此成功。")
    assert not {m for m in labels(result, "Meeting") if m.startswith("上海合作组织二十国")}
    assert not {(m, o) for m, o in rels(result, "heldBy") if "二十国集团峰会" in m and o == "上海合作组织"}


def test_a_body_opening_its_own_clause_still_holds():
    assert ("市委常委会会议", "市委") in rels(extract_text("8月3日，市委召开市委常委会会议。"), "heldBy")


# ------------------------------------------------- meeting.subject.quoted


def test_a_body_inside_a_quoted_theme_is_not_the_holder():
    result = extract_text("联合国安理会10日围绕“支持联合国改革，加强以联合国为核心的全球治理”举行特别会议。")
    held = rels(result, "heldBy")
    assert ("联合国安理会特别会议", "联合国安理会") in held
    assert not {(m, o) for m, o in held if o == "联合国"}


# ------------------------------------------------- organization.place_unit.attached


def test_a_unit_attached_to_an_institution_is_named_after_it():
    orgs = labels(extract_text("武汉大学附属中山医院医疗队抵达灾区。"), "Organization")
    assert "武汉大学附属中山医院" in orgs
    assert "中山市医院" not in orgs


def test_a_place_and_a_unit_alone_is_still_the_places():
    assert "中山市医院" in labels(extract_text("中山医院组织专家义诊。"), "Organization")


# ------------------------------------------------- meeting.plenum.body_between


@pytest.mark.parametrize("text, label", [
    ("浙江召开十五届省委六次全会。", "中共浙江省委十五届六次全会"),
    ("十五届省委六次全会在杭州召开。", "中共浙江省委十五届六次全会"),
])
def test_a_local_plenum_written_with_its_term_first_is_the_bodys(text, label):
    result = extract_text(text)
    assert label in labels(result, "Meeting")
    assert (label, "中共浙江省委") in rels(result, "heldBy")


def test_a_discipline_commissions_plenum_has_no_convener_glued_to_it():
    meetings = _meetings("浙江省纪委监委召开十五届省纪委四次全会。")
    assert not {m for m in meetings if "监委十五届省纪委" in m}
    assert {m for m in meetings if m.endswith("十五届四次全会")}


# ------------------------------------------------- meeting.described.event_list


def test_short_event_nouns_listed_with_a_comma_are_no_meeting():
    assert not {m for m in _meetings("纪念馆每月举办讲堂、读书会，吸引市民参与“红色寻访”活动。") if "读书会" in m}


def test_a_meeting_whose_bodies_are_listed_is_still_named():
    assert {m for m in _meetings("县委、县政府召开全县乡村振兴工作会议。") if m.endswith("乡村振兴工作会议")}


# ------------------------------------------------- org_national.tsv: a central office named after its group


def test_a_central_office_is_named_by_all_of_its_name():
    orgs = labels(extract_text("中央反腐败协调小组国际追逃追赃和跨境腐败治理工作办公室召开会议，部署“天网2027”行动。"), "Organization")
    assert "中央反腐败协调小组国际追逃追赃和跨境腐败治理工作办公室" in orgs
    assert "跨境腐败治理工作办公室" not in orgs
