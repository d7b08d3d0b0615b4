"""Who holds a meeting a leader has with others, who speaks for whom at another body's congress, and to whom a
wish is said (issue 9: meeting-holder, promoter-host, promoter-addressee). Texts here are written for the test
(not taken from the corpus)."""
from __future__ import annotations

from kgtest import extract_text, promoted_by, rels

# ------------------------------------------------- meeting.subject.companion_list

DIALOGUE = ("国务院总理王某12日在北京同甲国际银行行长张某、世界银行行长李某、国际货币基金组织总裁赵某和"
            "亚洲基础设施投资银行行长钱某等6家国际经济组织负责人举行“1+6”圆桌对话会。\n")


def test_the_bodies_a_leader_meets_with_do_not_hold_the_meeting():
    held = rels(extract_text(DIALOGUE), "heldBy")
    assert not {o for _, o in held} & {"世界银行", "国际货币基金组织", "亚洲基础设施投资银行"}, held


def test_a_counterpart_named_by_a_foreign_title_is_no_holder():
    text = "国家副主席王某在北京以视频方式与甲国候任总理、外交部长李某共同主持召开两国创新合作联合委员会第三次会议。\n"
    assert "外交部" not in {o for _, o in rels(extract_text(text), "heldBy")}


def test_bodies_that_convene_together_still_hold_it():
    held = rels(extract_text("中国人民银行、水利部今天召开金融支持水利建设工作推进会议。\n"), "heldBy")
    assert {"中国人民银行", "水利部"} <= {o for _, o in held}, held
    held = rels(extract_text("市委与市政府联合召开全市安全生产工作会议。\n"), "heldBy")
    assert "市委" in {o for _, o in held}, held


# ------------------------------------------------- relations.promotes.on_behalf

CONGRESS = ("省残疾人联合会第五次代表大会今天在省会开幕。丁某出席开幕会并代表省委、省政府致词。\n"
            "丁某在致词中表示，要坚持“共同富裕”，推进“乡村振兴”。\n"
            "丁某强调，要落实“两个确立”。\n")


def test_a_guest_speaking_on_behalf_of_another_body_speaks_for_it():
    res = extract_text(CONGRESS)
    assert ("省残联第五次代表大会", "省残联") in rels(res, "heldBy"), rels(res, "heldBy")
    assert not promoted_by(res, "省残联") & {"共同富裕", "乡村振兴", "两个确立"}, rels(res, "promotes")
    assert {"共同富裕", "乡村振兴", "两个确立"} <= promoted_by(res, "省委"), rels(res, "promotes")


def test_the_holders_own_officer_on_behalf_of_its_organ_keeps_its_voice():
    text = ("省残疾人联合会第五次代表大会今天在省会开幕。\n"
            "省残联主席李某代表省残联第四届主席团作工作报告。李某在报告中指出，要推进“乡村振兴”。\n")
    res = extract_text(text)
    holders = {o for _, o in rels(res, "heldBy")}
    assert any("乡村振兴" in promoted_by(res, h) for h in holders), (rels(res, "heldBy"), rels(res, "promotes"))


# ------------------------------------------------- relations.promotes.wished_holder

WISHED = ("中国民主同盟第十四次全国代表大会今天在北京开幕。\n"
          "贺词指出，五年来民盟各项工作成就显著。\n"
          "希望民盟深入推进“乡村振兴”，坚持“两个确立”，为强国建设贡献力量。\n")


def test_a_wish_said_to_the_holder_is_not_its_own_call():
    res = extract_text(WISHED)
    assert not promoted_by(res, "中国民主同盟") & {"乡村振兴", "两个确立"}, rels(res, "promotes")


def test_a_wish_the_holder_states_of_others_stays_its_call():
    text = ("全国妇联今天在京举行纪念“三八”国际妇女节大会。\n"
            "会议指出，希望广大妇女积极投身“乡村振兴”伟大实践。\n")
    res = extract_text(text)
    assert "乡村振兴" in promoted_by(res, "中华全国妇女联合会"), rels(res, "promotes")


# ------------------------------------------------- meeting.plenum.other_body

def _plenums(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    res = extract_text(text)
    return {label for (t, label) in res.entities if t == "Meeting"}, rels(res, "heldBy")


def test_a_democratic_partys_plenum_is_not_the_communist_partys():
    meetings, held = _plenums("中国民主同盟第十四次全国代表大会今天闭幕。会议期间举行的民盟十四届一中全会选举产生了新一届中央常务委员会。\n")
    assert "中国民主同盟第十四届中央委员会第一次全体会议" in meetings, meetings
    assert not any(m.startswith("中国共产党") for m in meetings), meetings


def test_a_mass_organisations_plenum_is_its_own():
    meetings, held = _plenums("中国妇女第十四次全国代表大会和全国妇联十四届一中全会今天在京召开。\n")
    assert not any(m.startswith("中国共产党") for m in meetings), meetings
    assert any(o == "中华全国妇女联合会" for _, o in held), held


def test_a_plenum_coordinated_after_another_bodys_congress_is_that_bodys():
    meetings, held = _plenums("团中央第一书记李某汇报了共青团第二十次全国代表大会和二十届一中全会的召开情况。\n")
    assert "中国共产主义青年团第二十届中央委员会第一次全体会议" in meetings, meetings
    assert "中国共产党第二十届中央委员会第一次全体会议" not in meetings, meetings


def test_the_partys_own_plenum_stays_the_partys():
    meetings, _ = _plenums("会议传达学习了党的二十届四中全会精神。中共中央政治局召开会议，研究二十届四中全会筹备工作。\n")
    assert "中国共产党第二十届中央委员会第四次全体会议" in meetings, meetings
