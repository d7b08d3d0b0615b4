"""Who promotes a formulation: the scope of an article's subject (issue 9, tests/judged_xwlb2).

Texts here are written for the test (not taken from the corpus): a digest of short items, each
with its headline, and a report whose lead names a leader who speaks for nobody in the text.
"""
from __future__ import annotations

from kgtest import check_promotes, extract_text, promoted_by, rels

DIGEST = (
    "民政部部署春节困难群众保障工作\n"
    "民政部今天表示，春节期间要做好困难群众基本生活保障，民政部要求各地加强走访。\n"
    "“清朗·春节网络环境整治”专项行动启动\n"
    "从今天起，有关部门开展为期一个月的“清朗·春节网络环境整治”专项行动。\n"
)


def test_a_digest_item_does_not_speak_for_the_next():
    res = extract_text(DIGEST)
    promoted = promoted_by(res, "民政部")
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
    check_promotes(FEATURE, "金川重工集团", said={"智造十条"}, not_said={"生态优先、绿色发展", "科教兴省"})


def test_a_body_named_in_the_lead_speaks_for_the_whole_report():
    check_promotes("金川重工集团今天发布消息。" + FEATURE, "金川重工集团", said={"生态优先、绿色发展"})


TALKS = (
    "12月1日，国家主席习近平在人民大会堂会见欧盟代表团。欧盟代表团表示，欧盟愿同中方深化合作。\n"
    "习近平指出，中欧要加强对话合作。\n"
    "一是要坚持“互利共赢”。双方要扩大贸易投资往来。\n"
    "欧盟表示，欧盟愿同中方深化“绿色伙伴关系”。\n"
)


def test_a_leaders_speech_goes_on_through_the_paragraphs_that_open_with_no_one_else():
    # relations.report_subject.speech_goes_on: 一是… continues 习近平指出; the body's own sentence stays its own
    check_promotes(TALKS, "欧盟", said={"绿色伙伴关系"}, not_said={"互利共赢"})


FIGURES = (
    "国家统计局今天发布数据。国家统计局表示，我国经济持续恢复，“稳经济”政策效应显现。\n"
    "落实中央要求，河西省深入实施“科教兴省”战略，一批成果落地转化。\n"
    "国家统计局指出，各地坚持“房住不炒”定位。\n"
)


def test_a_clause_opened_by_another_actor_is_that_actors():
    # relations.report_subject.other_actor: the province acts in its clause, not the bureau
    check_promotes(FIGURES, "国家统计局", said={"稳经济", "房住不炒"}, not_said={"科教兴省"})


VISIT = (
    "中国人民大学师生热议总书记回信。中国人民大学组织师生开展“青春献礼”主题活动。\n"
    "总书记强调，要坚持“立德树人”根本任务。\n"
    "中国人民大学表示，将深入开展“强国有我”实践活动。\n"
)


def test_a_leader_named_by_his_title_alone_speaks_for_himself():
    # relations speaker_titles: 总书记强调，… is not the university's voice
    check_promotes(VISIT, "中国人民大学", said={"青春献礼", "强国有我"}, not_said={"立德树人"})


CENTRAL = (
    "中央农村工作会议12月23日至24日在北京举行。中共中央总书记习近平出席会议并发表重要讲话。\n"
    "会议指出，要坚持“藏粮于地、藏粮于技”，全面推进乡村振兴。\n"
)


def test_a_central_work_conference_dated_by_month_and_day_is_the_setting_and_held_by_the_centre():
    # held_here takes 12月23日至24日 before the verb; meetings.tsv holders: 中共中央 convenes it, with 国务院
    res = extract_text(CENTRAL)
    assert ("中央农村工作会议", "中共中央") in rels(res, "heldBy"), rels(res, "heldBy")
    assert ("中央农村工作会议", "藏粮于地、藏粮于技") in rels(res, "mentions"), rels(res, "mentions")
    assert ("中共中央", "藏粮于地、藏粮于技") in rels(res, "promotes"), rels(res, "promotes")


def test_a_central_work_conference_only_studied_reports_nothing_of_its_own():
    text = "县委常委会召开会议，传达学习中央农村工作会议精神。会议要求，要坚持“四个不摘”。\n"
    res = extract_text(text)
    assert not any(s == "中央农村工作会议" for s, _ in rels(res, "mentions")), rels(res, "mentions")
    assert not any(s == "中共中央" for s, _ in rels(res, "promotes")), rels(res, "promotes")


BRIEFING = (
    "交通运输部近日发布一季度数据。交通运输部副部长张某明介绍，我国交通运输经济持续恢复。\n"
    "张某明表示，要坚持“稳中求进”工作总基调。\n"
    "一是加快“新基建”布局。\n"
)


def test_an_official_introduced_by_the_subjects_name_speaks_for_it():
    # a deputy (副局长) and an official written after the subject's name are its voice, not another one
    check_promotes(BRIEFING, "交通运输部", said={"稳中求进", "新基建"})


DELEGATION = (
    "中共中央总书记习近平5日下午在参加他所在的十四届全国人大一次会议江苏代表团审议时强调，要坚持“四个面向”。\n"
    "江苏代表团认真审议政府工作报告，江苏代表团代表们表示，要在推进中国式现代化中走在前列。\n"
    "习近平强调，要坚持“两个毫不动摇”。\n"
)


def test_a_leader_who_sits_in_the_subjects_deliberation_speaks_as_its_member():
    # member_joins/member_sittings: Xi at his own delegation is no other voice
    check_promotes(DELEGATION, "江苏代表团", said={"两个毫不动摇"})


def test_who_speaks_on_the_subjects_behalf_is_its_voice():
    # on_behalf: 代表全国工商联致辞 makes 他表示 the subject's words; without it (在活动上致辞) he is another voice
    text = ("全国工商联近日发布倡议，全国工商联号召民营企业积极参与。\n"
            "张某明代表全国工商联致辞。他表示，要坚持“两个毫不动摇”。\n")
    assert ("全国工商联", "两个毫不动摇") in rels(extract_text(text), "promotes"), rels(extract_text(text), "promotes")
    assert not rels(extract_text(text.replace("代表全国工商联致辞", "在活动上致辞")), "promotes")


CONSULTATION = (
    "中共中央统战部10日在京召开座谈会，听取各民主党派中央意见建议。\n"
    "民革中央建议加强“一带一路”北向通道建设。民建中央建议完善“专精特新”企业扶持政策。\n"
)


def test_a_participant_that_proposes_is_credited_not_the_convener():
    # act_verbs 建议/倡议/呼吁: a body that opens its clause and proposes speaks for itself in the convener's meeting
    promoted = rels(extract_text(CONSULTATION), "promotes")
    assert ("民革中央", "一带一路") in promoted and ("民建中央", "专精特新") in promoted, promoted
    assert not any(o in ("一带一路", "专精特新") for s, o in promoted if "统战部" in s), promoted


TITLED = (
    "上合组织秘书处今天发布公报。上合组织表示，将推进“互联互通”。"
    "习近平主席着眼新形势，总结了坚持“五个坚持”的经验。上合组织指出，要落实“全球发展倡议”。\n"
)


def test_a_clause_opened_by_a_titled_leader_is_his():
    # relations.report_subject.other_actor.titled: 习近平主席 + an adverb opens what he does, not the body's statement
    check_promotes(TITLED, "上合组织", said={"互联互通", "全球发展倡议"}, not_said={"五个坚持"})


TALK = (
    "共青团中央今天发布通知。共青团表示，将开展“青春建功”行动。"
    "习近平26日下午在中南海同团中央新一届领导班子成员集体谈话并发表重要讲话。他强调，党和国家事业的希望寄托在青年身上。"
    "要坚持“党管青年”原则，更好把青年团结在党的周围。共青团要求各级团组织开展“强国有我”活动。\n"
)


def test_a_speech_opened_by_a_pronoun_goes_on_in_the_sentences_after_it():
    # relations.report_subject.speech_goes_on_sentences: 他强调，… goes on to 要坚持“党管青年”…; the body's own sentence is its own
    check_promotes(TALK, "共青团", said={"青春建功行动", "强国有我"}, not_said={"党管青年"})
