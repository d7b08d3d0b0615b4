"""What the lead says the text is decides who speaks in it (issue 9, attribution of lexicon formulations, prec10):
a person's signed article reports no sitting, a feature's recalled meetings state only their own sentence, and a
meeting that celebrates its holder's founding is addressed to the holder, not voiced by it; and what a paragraph says
before it names its meeting is not said at that meeting.

Texts here are written for the test (not taken from the corpus).
"""
from __future__ import annotations

from kgtest import check_promotes, extract_text, rels

SIGNED = (
    "央视网消息（新闻联播）：6月10日，在赴阿斯塔纳出席第二届中国－中亚峰会之际，国家主席习近平在哈萨克斯坦"
    "《实业报》发表题为《携手共创更加美好的未来》的署名文章。文章全文如下：\n"
    "这是我第二次来到阿斯塔纳，同中亚朋友一道召开第二届中国－中亚峰会。\n"
    "中方愿同各方高质量共建“一带一路”，以中国式现代化为地区发展带来新机遇。\n"
)


def test_a_signed_article_reports_no_sitting():
    # relations.setting.signed_article: the summit the writer is travelling to says nothing of his text
    res = extract_text(SIGNED)
    assert not rels(res, "mentions"), rels(res, "mentions")
    assert not rels(res, "promotes"), rels(res, "promotes")


def test_the_same_text_without_the_signed_lead_reports_the_summit():
    # the rule is the lead's, not the summit's: told as a report, the sitting is the setting of what follows
    text = SIGNED.replace("的署名文章。文章全文如下：", "的讲话。讲话指出：")
    assert ("第二届中国－中亚峰会", "一带一路") in rels(extract_text(text), "mentions")


BRIEFING = (
    "央视网消息（新闻联播）：11月14日至17日，国家主席习近平应邀出席亚太经合组织第三十一次领导人非正式会议。"
    "行程结束之际，外交部部长王毅向随行记者介绍此访情况。\n"
    "王毅说，亚太经合组织是亚太地区重要的经济合作论坛。习近平主席在会上全面阐释中国式现代化，强调要推动高质量共建“一带一路”。\n"
)


def test_a_briefing_on_a_trip_is_no_report_of_the_summit_s_body():
    # relations.setting.trip_briefing: the minister tells of the trip; the forum he names is not its report subject
    check_promotes(BRIEFING, "亚太经合组织", not_said={"中国式现代化", "一带一路"})


def test_without_the_travelling_press_the_named_forum_is_the_report_subject():
    # the cue is the briefing of the press that travels with the leader, not any minister's words
    text = BRIEFING.replace("向随行记者介绍", "向记者介绍")
    check_promotes(text, "亚太经合组织", said={"中国式现代化"})


FEATURE = (
    "央视网消息（新闻联播）：习近平总书记指出，创新是引领发展的第一动力。\n"
    "正是在那次考察后不久，在中央财经委员会第七次会议上，习近平总书记强调，要构建新发展格局，推动高质量发展。\n"
    "此后，各地加快推进“东数西算”工程。合肥高新区，一条涵盖“卫星制造—卫星发射运营—数据应用”的全产业链正在打造。\n"
)


def test_a_feature_s_recalled_meeting_states_its_own_paragraph_only():
    # relations.setting.feature: the feature's narration after the recalled meeting's paragraph is not that meeting's
    res = extract_text(FEATURE)
    mentioned = {o for m, o in rels(res, "mentions") if m == "中央财经委员会第七次会议"}
    assert mentioned == {"新发展格局", "高质量发展"}, rels(res, "mentions")
    check_promotes(FEATURE, "中央财经委员会", said={"新发展格局", "高质量发展"},
                   not_said={"东数西算", "卫星制造—卫星发射运营—数据应用"})


def test_a_report_that_quotes_the_general_secretary_later_is_no_feature():
    # the opening quote is what makes a feature: a report of a sitting that quotes him after its lead is a report
    text = ("央视网消息（新闻联播）：中央财经委员会第七次会议日前召开。\n"
            "习近平总书记指出，创新是引领发展的第一动力。会议强调，要推进“东数西算”工程，推动高质量发展。\n")
    check_promotes(text, "中央财经委员会", said={"东数西算", "高质量发展"})


HONOURED = (
    "庆祝中国共产主义青年团成立100周年大会10日在北京举行。习近平出席大会并发表重要讲话。\n"
    "他强调，共青团要坚持为党育人，在推进中国式现代化中展现青春作为。\n"
)


def test_the_body_a_celebration_honours_does_not_voice_the_guests_speech():
    # relations.promotes.honoured_host: Xi speaks to the League at its centenary; the meeting still mentions it
    res = extract_text(HONOURED)
    check_promotes(HONOURED, "中国共产主义青年团", not_said={"中国式现代化"})
    assert ("庆祝中国共产主义青年团成立100周年大会", "中国式现代化") in rels(res, "mentions")


def test_the_honoured_body_speaks_in_a_clause_it_opens():
    text = ("中国宋庆龄基金会成立40周年纪念大会31日在京举行。王沪宁出席大会并讲话。\n"
            "他表示，要增强“四个意识”、坚定“四个自信”、做到“两个维护”。40年来，中国宋庆龄基金会践行“永远和党在一起”的信念。\n")
    check_promotes(text, "中国宋庆龄基金会", said={"永远和党在一起"}, not_said={"四个意识", "两个维护"})


def test_a_body_s_own_working_meeting_is_no_celebration():
    # only 成立/建校…N周年 after the holder's name makes the sitting a celebration of it
    text = ("中国宋庆龄基金会31日在京召开理事会议。王沪宁出席会议并讲话。\n"
            "他表示，要增强“四个意识”、坚定“四个自信”、做到“两个维护”。\n")
    check_promotes(text, "中国宋庆龄基金会", said={"四个意识"})


def test_what_a_paragraph_says_before_it_names_the_meeting_is_not_said_at_it():
    # relations.setting.before_meeting: the drive of other places told first; the meeting's own call after it
    text = "近年来，各地持续开展“人社局长进校园”活动。近日，市人社局召开就业工作推进会。会议要求，要落实“稳岗扩岗”措施。\n"
    res = extract_text(text)
    mentioned = {o for m, o in rels(res, "mentions") if m == "市人社局就业工作推进会"}
    assert mentioned == {"稳岗扩岗"}, rels(res, "mentions")
    check_promotes(text, "市人社局", said={"稳岗扩岗"}, not_said={"人社局长进校园"})


def test_the_sentence_that_names_the_meeting_is_said_at_it():
    # the meeting's own sentence states what it does (市人社局召开…推进会，部署“稳岗扩岗”工作)
    text = "近年来，各地持续开展“人社局长进校园”活动。近日，市人社局召开就业工作推进会，部署“稳岗扩岗”工作。\n"
    check_promotes(text, "市人社局", said={"稳岗扩岗"}, not_said={"人社局长进校园"})
