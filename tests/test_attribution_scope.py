"""Who promotes a formulation: the scope of an article's subject (issue 9, tests/judged_xwlb2).

Texts here are written for the test (not taken from the corpus): a digest of short items, each
with its headline, and a report whose lead names a leader who speaks for nobody in the text.
"""
from __future__ import annotations

from kgtest import extract_text, rels

DIGEST = (
    "民政部部署春节困难群众保障工作\n"
    "民政部今天表示，春节期间要做好困难群众基本生活保障，民政部要求各地加强走访。\n"
    "“清朗·春节网络环境整治”专项行动启动\n"
    "从今天起，有关部门开展为期一个月的“清朗·春节网络环境整治”专项行动。\n"
)


def test_a_digest_item_does_not_speak_for_the_next():
    res = extract_text(DIGEST)
    promoted = {o for s, o in rels(res, "promotes") if s == "民政部"}
    assert not any("清朗" in o for o in promoted), promoted


def test_the_same_text_without_headlines_is_one_report():
    # no headline line: one story, its subject promotes what it reports
    res = extract_text(DIGEST.replace("民政部部署春节困难群众保障工作\n", "").replace("“清朗·春节网络环境整治”专项行动启动\n", ""))
    assert any("清朗" in o for s, o in rels(res, "promotes") if s == "民政部")


LETTER = (
    "3月1日，某某领导力学院竣工启用仪式在国外举行。中共中央总书记习近平致贺信。\n"
    "习近平指出，某某领导力学院竣工启用将为各方交流互鉴提供新平台。\n"
    "习近平强调，当今世界正经历百年未有之大变局，各方更加需要加强团结合作。\n"
)


def test_a_leader_who_speaks_for_no_body_of_the_text_is_not_the_addressee():
    res = extract_text(LETTER)
    assert ("某某领导力学院", "世界百年未有之大变局") not in rels(res, "promotes")


def test_the_title_lines_above_the_first_sentence_open_no_item():
    text = "民政部部署春节保障工作\n做好“温暖过冬”专项行动\n" + DIGEST.split("\n", 1)[1].split("“清朗")[0]
    text = text.replace("民政部要求各地加强走访", "民政部要求各地开展“温暖过冬”专项行动")
    assert ("民政部", "温暖过冬专项行动") in rels(extract_text(text), "promotes")


RECALL = (
    "省人大常委会召开第五次会议，听取和审议有关报告。\n"
    "会议回顾，党中央首次召开人大工作会议，为新时代人大工作指明方向。\n"
    "会议要求，要按照“四个机关”要求加强常委会自身建设。\n"
)


def test_a_meeting_recalled_as_a_milestone_does_not_take_over():
    res = extract_text(RECALL)
    assert ("中共中央", "四个机关") not in rels(res, "promotes"), rels(res, "promotes")


def test_a_meeting_dated_before_the_article_is_history():
    from kg.model import Article
    from kg.pipeline import extract

    text = "2014年，党中央召开全国网络安全和信息化工作会议。\n如今，全国行政村全面实现“村村通宽带”。\n"
    res = extract(Article(id="t", text=text, date="2022-03-27"))
    assert not any(o == "村村通宽带" for _, o in rels(res, "mentions")), rels(res, "mentions")



FEATURE = (
    "十年来，全省坚持“生态优先、绿色发展”，经济总量翻了一番。\n"
    "河西省深入实施“科教兴省”战略，一批科研成果落地转化。\n"
    "在金川重工集团，生产线正满负荷运转。金川重工集团推出“智造十条”，企业订单同比增长三成。\n"
    "金川重工集团负责人表示，将继续加大研发投入。\n"
)


def test_a_body_first_named_deep_in_a_feature_states_only_its_own_paragraphs():
    # relations.report_subject.lead: the company is not named in the lead, so the province's formulations are not its
    promoted = {o for s, o in rels(extract_text(FEATURE), "promotes") if s == "金川重工集团"}
    assert "生态优先、绿色发展" not in promoted and "科教兴省" not in promoted, promoted
    assert "智造十条" in promoted, promoted


def test_a_body_named_in_the_lead_speaks_for_the_whole_report():
    text = "金川重工集团今天发布消息。" + FEATURE
    promoted = {o for s, o in rels(extract_text(text), "promotes") if s == "金川重工集团"}
    assert "生态优先、绿色发展" in promoted, promoted
