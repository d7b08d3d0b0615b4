"""Who states what at a meeting where others report or speak to its holder, and where a roundup's items
part (issue 9: promoter-addressee, promoter-digest-item). Texts here are written for the test (not taken
from the corpus)."""
from __future__ import annotations

from kgtest import check_promotes, extract_text, promoted_by, rels

# ------------------------------------------------- relations.promotes.report_author

PLENARY = (
    "十五届全国人大二次会议10日上午在北京人民大会堂举行第二次全体会议，听取和审议最高人民法院工作报告。\n"
    "最高人民法院院长王某在最高人民法院工作报告中指出，一年来，全国法院坚持“公正与效率”，服务“乡村振兴”。\n"
    "王某在报告中表示，今年要深入推进“平安中国”建设。\n"
)


def test_the_author_of_another_bodys_report_speaks_for_that_body():
    res = extract_text(PLENARY)
    assert not promoted_by(res, "全国人大") & {"公正与效率", "平安中国"}, rels(res, "promotes")
    assert {"公正与效率", "平安中国"} <= promoted_by(res, "最高人民法院"), rels(res, "promotes")


def test_a_report_without_a_body_in_its_name_keeps_the_meetings_voice():
    text = ("市委召开全会，听取工作报告。\n"
            "市委书记李某在报告中指出，要坚持“两个确立”，推进“乡村振兴”。\n")
    check_promotes(text, "市委", said={"乡村振兴"})


# ------------------------------------------------- relations.promotes.addressed_holder

ANNIVERSARY = (
    "省农业科学院今天举行建院60周年座谈会。副省长张某出席会议并讲话。\n"
    "张某强调，在新时代新征程上，省农业科学院要牢记初心，在推进“乡村振兴”中争当排头兵。\n"
)


def test_a_guest_who_tells_the_holder_what_to_do_is_not_the_holder_speaking():
    res = extract_text(ANNIVERSARY)
    assert "乡村振兴" not in promoted_by(res, "省农业科学院"), rels(res, "promotes")
    assert any(o == "乡村振兴" for _, o in rels(res, "mentions")), rels(res, "mentions")  # the meeting still mentions it


def test_the_holders_own_leader_addressing_it_still_speaks_for_it():
    text = ("县委召开全体会议。\n"
            "县委书记王某强调，县委要带头推进“乡村振兴”，落实“四下基层”。\n")
    check_promotes(text, "县委", said={"乡村振兴"})


def _mentioned_at(text: str, meeting_end: str) -> set[str]:
    """What the meetings whose labels end with ``meeting_end`` mention in ``extract_text(text)``."""
    return {o for m, o in rels(extract_text(text), "mentions") if m.endswith(meeting_end)}


# ------------------------------------------------- relations.setting.other_opens.unheld

ROUNDUP = (
    "连日来，各地扎实推进学习教育走深走实。\n"
    "山西举办学习教育读书班，通过专题辅导、交流研讨等方式，引导党员干部对照检视。\n"
    "湖南省委把学习教育作为首要政治任务，通过主题党日、“三会一课”等方式推动学习教育走实。\n"
)


def test_a_meeting_without_a_holder_is_no_setting_of_the_next_actors_paragraph():
    mentioned = _mentioned_at(ROUNDUP, "读书班")
    assert "三会一课" not in mentioned, mentioned


def test_the_meeting_still_mentions_what_its_own_paragraph_says():
    text = ("连日来，各地扎实推进学习教育走深走实。\n"
            "山西举办学习教育读书班，通过“三会一课”等方式引导党员干部对照检视。\n")
    mentioned = _mentioned_at(text, "读书班")
    assert "三会一课" in mentioned, mentioned


# ------------------------------------------------- relations.digest.quoted_headline

DIGEST = (
    "央视网消息：\n"
    "第九届全国农产品博览会在河东开幕\n"
    "第九届全国农产品博览会今天在河东开幕，吸引了4000家企业参展。\n"
    "“红旗漫卷：从胜利走向胜利”主题宣传活动举行\n"
    "今天，“红旗漫卷：从胜利走向胜利”主题宣传活动在河西举行，记录河西推进“乡村振兴”的生动实践。\n"
)


def test_a_headline_with_a_colon_inside_its_quote_parts_a_digests_items():
    mentioned = _mentioned_at(DIGEST, "博览会")
    assert "乡村振兴" not in mentioned, mentioned


# ------------------------------------------------- recall.range


def test_the_ends_of_a_range_of_kinds_are_no_meetings_that_sit():
    text = ("协商形式不断丰富。\n"
            "从创立月度协商座谈会到探索举办网络议政会，协商议政更加多元，助力“乡村振兴”和“美丽中国”建设。\n")
    assert not rels(extract_text(text), "mentions"), rels(extract_text(text), "mentions")


def test_a_date_range_is_no_range_of_kinds():
    text = "全国政协从3日到5日在京召开专题协商会，围绕“乡村振兴”协商议政。\n"
    assert any(o == "乡村振兴" for _, o in rels(extract_text(text), "mentions"))


# ------------------------------------------------- relations.promotes.acting.system


def test_a_system_that_acts_is_the_articles_one_body_of_it():
    text = ("全国政协十五届二次会议在京开幕。\n"
            "一年来，人民政协坚持“两个确立”，聚焦“十五五”规划协商议政。\n")
    res = extract_text(text)
    assert not promoted_by(res, "人民政协"), rels(res, "promotes")


# ------------------------------------------------- relations.mentions.agenda_title

AGENDA = (
    "十五届全国人大常委会第二次委员长会议10日在京举行。\n"
    "委员长会议建议，常委会第三次会议审议国务院关于推进“乡村振兴”工作情况的报告，听取关于“十五五”规划编制情况的汇报。\n"
    "会议强调，要坚持“两个确立”，做好常委会各项工作。\n"
)


def test_a_formulation_in_the_title_of_a_report_on_the_agenda_is_not_stated():
    res = extract_text(AGENDA)
    mentioned = {o for _, o in rels(res, "mentions")}
    assert not mentioned & {"乡村振兴", "十五五"}, mentioned
    assert "两个确立" in mentioned, mentioned  # what the meeting itself says is still its own


# ------------------------------------------------- relations.studies.other_subject


def test_what_an_inspection_implemented_is_not_what_the_meeting_studies():
    text = ("县政府召开常务会议，听取专项督查情况汇报。\n"
            "会议指出，这次专项督查，围绕贯彻落实党的二十届三中全会精神，推动各项工作取得成效。\n")
    assert not rels(extract_text(text), "studies"), rels(extract_text(text), "studies")


def test_a_demonstrative_meeting_is_the_meeting_itself():
    text = ("市委召开常委会会议。\n"
            "会议指出，此次全会，深入学习贯彻党的二十届三中全会精神，意义重大。\n")
    assert rels(extract_text(text), "studies"), rels(extract_text(text), "studies")



def test_a_subject_opening_with_the_meetings_name_is_the_meeting_itself():
    text = ("省社科联举办学习贯彻党的二十届三中全会精神研讨会。\n"
            "本次研讨会设一个主论坛，主题为深入学习贯彻党的二十届三中全会精神。\n")
    assert rels(extract_text(text), "studies"), rels(extract_text(text), "studies")
