"""Each extractor on real text: sentences and articles read at test time from ../shared/corpus
(skipped where it is absent) and from the project's own samples/ (always run).

Assertions are about things the extractors get right and must keep getting right;
known errors are ``xfail(strict=True)`` with the reason, so fixing one turns the
test red until the marker is removed.
"""
from __future__ import annotations

import pytest

from kgtest import (SAMPLES, SEED, corpus_file, entity, extract_file, extract_text, labels, mention_labels, rels,
                    run_until, sentence_with)

# ====================================================================== real corpus (../shared)


@pytest.fixture(scope="module")
def seed(shared):
    return extract_file(corpus_file(SEED))


# ---------------------------------------------------------------- organization


def test_org_abbreviations_take_the_article_place(seed):
    union = entity(seed, "Organization", "徐州市总工会")
    assert "市总工会" in union.aliases
    assert "团市委" in entity(seed, "Organization", "共青团徐州市委").aliases
    assert "市妇联" in entity(seed, "Organization", "徐州市妇联").aliases
    assert "市外办" in entity(seed, "Organization", "徐州市外办").aliases
    assert "市委" in entity(seed, "Organization", "中共徐州市委").aliases


def test_org_suffixed_name(seed):
    assert "徐州报业传媒集团" in labels(seed, "Organization")


def test_org_generic_phrases_are_not_organizations(seed):
    orgs = labels(seed, "Organization")
    for generic in ("党委政府", "团组织", "各级团组织"):
        assert generic not in orgs


def test_org_county_context(shared):
    res = extract_file(corpus_file("dev-002.txt"))
    assert "县委" in entity(res, "Organization", "中共阜城县委").aliases
    assert "县委办公室" in entity(res, "Organization", "中共阜城县委办公室").aliases
    assert "中共衡水市委" in labels(res, "Organization")


def test_org_party_department_expanded(shared):
    res = extract_file(corpus_file("dev-008.txt"))
    assert "市委政研室" in entity(res, "Organization", "中共晋城市委政策研究室").aliases


def test_org_national_lexicon_on_a_sentence(shared):
    sent = sentence_with(corpus_file("u-004.txt"), "全总基层部")
    doc = run_until(sent, "organization")
    assert "中华全国总工会" in mention_labels(doc, "Organization")  # 全总 → the full name
    assert "上海市总工会" in mention_labels(doc, "Organization")


def test_org_state_council_departments():
    """Ministries named with 和 are one name (jieba splits 人力资源 / 和 / 社会保障部); 部门 is no ministry;
    a ministry acts in its own news like any body, unlike the Party centre (org_national.tsv: kind)."""
    res = extract_text("人力资源和社会保障部、文化和旅游部联合印发通知。各级自然资源部门要抓好落实。")
    assert {"人力资源和社会保障部", "文化和旅游部"} <= labels(res, "Organization")
    assert not labels(res, "Organization") & {"社会保障部", "自然资源部"}
    res = extract_text("财政部下达40亿元支持国土绿化试点示范项目。财政部3月11日下达40亿元资金，支持国土绿化试点示范项目，助力碳达峰、碳中和。")
    assert ("财政部", "碳达峰、碳中和") in rels(res, "promotes")


# ---------------------------------------------------------------- meeting


def test_meeting_central_plenum_on_a_sentence(shared):
    sent = sentence_with(corpus_file("dev-010.txt"), "党的十九届五中全会")
    doc = run_until(sent, "meeting")
    assert "中国共产党第十九届中央委员会第五次全体会议" in mention_labels(doc, "Meeting")


def test_meeting_plenum_forms_are_one_entity(shared):
    res = extract_file(corpus_file("dev-010.txt"))
    plenum = entity(res, "Meeting", "中国共产党第十九届中央委员会第五次全体会议")
    assert {"十九届五中全会", "党的十九届五中全会", "五中全会"} <= plenum.aliases
    assert "PlenarySession" in plenum.subtypes


def test_meeting_local_plenum_and_bare_mentions(seed):
    plenum = entity(seed, "Meeting", "中共徐州市委十二届十三次全会")
    assert {"市委十二届十三次全会", "市委全会"} & plenum.aliases
    assert len(plenum.mentions) >= 10  # the bare 市委全会/全会 of the article join it


def test_meeting_described_by_holder_and_type(seed):
    m = entity(seed, "Meeting", "徐州市总工会主席办公会")
    assert "主席办公会" in m.aliases


def test_meeting_congress(shared):
    res = extract_file(corpus_file("dev-001.txt"))
    congress = entity(res, "Meeting", "中国共产党第十九次全国代表大会")
    assert "党的十九大" in congress.aliases


def test_meeting_county_plenum_written_in_full(shared):
    res = extract_file(corpus_file("dev-002.txt"))
    assert "中共阜城县委十四届九次全会" in labels(res, "Meeting")


def test_meeting_peoples_congress_session(shared):
    res = extract_file(corpus_file("dev-008.txt"))
    session = entity(res, "Meeting", "晋城市第七届人民代表大会第四次会议")
    assert "Session" in session.subtypes


def test_meeting_described_label_does_not_repeat_the_holder(shared):
    for name in ("dev-002.txt", "u-006.txt"):
        for label in labels(extract_file(corpus_file(name)), "Meeting"):
            assert "县委县委" not in label, label


def test_meeting_bare_plenum_aliases_are_names(seed):
    plenum = entity(seed, "Meeting", "中共徐州市委十二届十三次全会")
    assert not [a for a in plenum.aliases if a.startswith(("学习", "学深", "贯彻", "传达"))], sorted(plenum.aliases)


# ---------------------------------------------------------------- slogan


def test_slogan_numbered_formulation_parts(seed):
    parts = {o for s, o in rels(seed, "hasPart") if s == "五种风气"}
    assert parts == {"学习研究", "真抓实干", "攻坚克难", "改革创新", "勇争一流"}
    assert "NumberedFormulation" in entity(seed, "PolicySlogan", "五种风气").subtypes


def test_slogan_quoted_formulations(seed):
    slogans = labels(seed, "PolicySlogan")
    assert {"强富美高", "走在前列", "急难愁盼", "全省领先、全国一流", "争当表率、争做示范、走在前列", "实力徐州"} <= slogans
    assert "七一" not in slogans  # a date, not a slogan (SCHEMA.md §5.4)


def test_slogan_campaign(seed):
    campaign = entity(seed, "PolicySlogan", "两在两同建新功行动")
    assert "Campaign" in campaign.subtypes
    assert "Campaign" in entity(seed, "PolicySlogan", "党史学习教育").subtypes


def test_slogan_numbered_on_a_sentence(shared):
    sent = sentence_with(corpus_file("u-002.txt"), "两个确立")
    doc = run_until(sent, "slogan")
    assert {"两个确立", "两个维护"} <= mention_labels(doc, "PolicySlogan")


def test_slogan_no_parts_from_quoted_neighbours(shared):
    sent = sentence_with(corpus_file("u-017.txt"), "四个自信")
    res = extract_text(sent)
    assert {"四个意识", "四个自信", "两个维护"} <= labels(res, "PolicySlogan")
    assert not [s for s in labels(res, "PolicySlogan") if "”" in s or "“" in s]
    assert not {o for s, o in rels(res, "hasPart") if s == "两个维护"}


def test_meeting_keeps_the_organ_written_after_its_holder():
    """中共全国政协党组11日召开（扩大）会议: the party group's meeting, not a CPPCC session (党组 stays in the label)."""
    for text, label in (("中共全国政协党组11日召开（扩大）会议，传达学习全会精神。", "全国政协党组（扩大）会议"),
                        ("省政府党组召开扩大会议，研究部署工作。", "省人民政府党组扩大会议"),
                        ("县委召开常委会会议，传达学习省委全会精神。", "县委常委会会议")):
        assert label in labels(extract_text(text), "Meeting"), text


# ---------------------------------------------------------------- person


def test_person_bylines(seed):
    assert {"吴悠", "董晓", "张雷"} <= labels(seed, "Person")


def test_person_title_lists_on_a_sentence(shared):
    sent = sentence_with(corpus_file("dev-001.txt"), "副市长张宏")
    doc = run_until(sent, "person")
    assert {"马宏玉", "张旭波", "孙矿玲", "张宏", "杨光远"} <= mention_labels(doc, "Person")


def test_person_name_before_title(shared):
    sent = sentence_with(corpus_file("dev-002.txt"), "赵革书记")
    assert "赵革" in mention_labels(run_until(sent, "person"), "Person")


def test_person_not_ordinary_words(seed):
    persons = labels(seed, "Person")
    assert not persons & {"思路清晰", "事实孤儿", "孤儿"}
    assert "习近平" in persons and "习近平总书记" not in persons


def test_person_no_common_nouns(shared):
    assert "纪检" not in labels(extract_file(corpus_file("u-010.txt")), "Person")
    assert "国家" not in labels(extract_file(corpus_file("006.txt")), "Person")


def test_person_not_the_kind_after_a_title():
    """《…》白皮书: jieba tags 白皮书 nr; after a closing title mark it is the work's kind, here and wherever it recurs."""
    doc = run_until("市政府新闻办今天发布《本市营商环境》白皮书。白皮书指出，要优化营商环境。王明远出席发布会。", "person")
    assert mention_labels(doc, "Person") == {"王明远"}


def test_person_not_the_start_of_a_ministry(shared):
    from kgtest import need_shared

    path = need_shared("corpus", "peoples_daily_ner", "example.dev")
    text = "".join(line.split()[0] if line.strip() else "\n" for line in path.read_text(encoding="utf-8").splitlines())
    sent = next(s for s in text.split("\n") if "司法部长卡洛斯" in s)
    assert "司法" not in mention_labels(run_until(sent, "person"), "Person")


# ---------------------------------------------------------------- place


def test_place_short_label_full_alias(seed):
    assert "徐州市" in entity(seed, "Place", "徐州").aliases


def test_place_regions_in_a_list(shared):
    sent = sentence_with(corpus_file("u-009.txt"), "内蒙古")
    doc = run_until(sent, "place")
    assert {"内蒙古", "甘肃", "河南", "福建"} <= mention_labels(doc, "Place")


def test_place_not_generic(seed):
    assert not labels(seed, "Place") & {"全省", "全国", "全市", "我市"}


# ---------------------------------------------------------------- theory and document


def test_theory(seed):
    assert "习近平新时代中国特色社会主义思想" in labels(seed, "Theory")


def test_theory_on_a_sentence(shared):
    sent = sentence_with(corpus_file("u-005.txt"), "习近平生态文明思想")
    assert "习近平生态文明思想" in mention_labels(run_until(sent, "theory"), "Theory")


def test_document_speech_and_plan(seed):
    speech = entity(seed, "Document", "习近平总书记“七一”重要讲话")
    assert "Speech" in speech.subtypes
    assert "十四五青年发展规划" in labels(seed, "Document")


def test_document_title_marks(shared):
    res = extract_file(corpus_file("dev-010.txt"))
    assert "中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议" in labels(res, "Document")


# ---------------------------------------------------------------- relations


def test_relations_meeting_paragraph(seed):
    assert ("徐州市总工会主席办公会", "徐州市总工会") in rels(seed, "heldBy")
    assert ("徐州市总工会主席办公会", "中共徐州市委十二届十三次全会") in rels(seed, "studies")
    promoted = {o for s, o in rels(seed, "promotes") if s == "徐州市总工会"}
    assert {"五种风气", "急难愁盼", "全省领先、全国一流"} <= promoted
    assert ("中共徐州市委十二届十三次全会", "中共徐州市委") in rels(seed, "heldBy")


def test_relations_studies_congress_and_document(shared):
    res = extract_file(corpus_file("dev-001.txt"))
    studied = {o for s, o in rels(res, "studies") if s == "延安市人民政府党组扩大会议"}
    assert "中国共产党第十九次全国代表大会" in studied
    assert ("延安市人民政府党组扩大会议", "薛占海") in rels(res, "chairedBy")


def test_relations_located_in(seed):
    assert ("徐州市总工会", "徐州") in rels(seed, "locatedIn")


def test_org_no_clause_fragments(shared):
    bad = {"u-010.txt": "报告以及集团", "u-011.txt": "有利于进一步整合街道", "004.txt": "集团各子公司"}
    for name, label in bad.items():
        assert label not in labels(extract_file(corpus_file(name)), "Organization"), name


# ====================================================================== samples/ (always run)


@pytest.fixture(scope="module")
def city():
    return extract_file(SAMPLES / "city_departments_plenum.txt")


@pytest.fixture(scope="module")
def province():
    return extract_file(SAMPLES / "provincial_standing_committee.txt")


@pytest.fixture(scope="module")
def enterprise():
    return extract_file(SAMPLES / "enterprise_party_committee.txt")


@pytest.fixture(scope="module")
def county():
    return extract_file(SAMPLES / "county_standing_committee.txt")


def test_sample_city_orgs(city):
    assert "市总工会" in entity(city, "Organization", "镇江市总工会").aliases
    assert "团市委" in entity(city, "Organization", "共青团镇江市委").aliases
    assert "市妇联" in entity(city, "Organization", "镇江市妇联").aliases
    assert "市科协" in entity(city, "Organization", "镇江市科协").aliases


def test_sample_city_plenum_and_meetings(city):
    plenum = entity(city, "Meeting", "中共镇江市委八届九次全会")
    assert "PlenarySession" in plenum.subtypes
    assert ("镇江市妇联主席办公会", "镇江市妇联") in rels(city, "heldBy")
    assert ("镇江市妇联主席办公会", "中共镇江市委八届九次全会") in rels(city, "studies")


def test_sample_city_numbered_formulation(city):
    parts = {o for s, o in rels(city, "hasPart") if s == "五种风气"}
    assert parts == {"学习研究", "真抓实干", "攻坚克难", "改革创新", "勇争一流"}
    assert ("镇江市总工会", "五种风气") in rels(city, "promotes")
    assert ("镇江市科协", "四个面向") in rels(city, "promotes")


def test_sample_city_persons(city):
    assert {"陈思远", "刘晓婷", "周文彬"} <= labels(city, "Person")
    assert ("镇江市科协党组会议", "周文彬") in rels(city, "chairedBy")


def test_sample_province(province):
    assert "省委" in entity(province, "Organization", "中共湖南省委").aliases
    assert "中国共产党第二十届中央委员会第四次全体会议" in labels(province, "Meeting")
    assert {"两个确立", "两个维护", "四个意识", "四个自信", "三高四新", "十五五"} <= labels(province, "PolicySlogan")
    assert {"吴振国", "林卫东", "何雨晴"} <= labels(province, "Person")
    assert "湖南" in labels(province, "Place")


def test_sample_province_no_bogus_parts(province):
    assert not {o for s, o in rels(province, "hasPart") if s == "两个维护"}


def test_sample_province_second_meeting_gets_its_slogans(province):
    assert ("中共湖南省委", "三高四新") not in rels(province, "promotes")
    assert ("湖南省人民政府", "三高四新") in rels(province, "promotes")


def test_sample_enterprise(enterprise):
    assert "江苏交通控股集团" in labels(enterprise, "Organization")
    held = {s for s, o in rels(enterprise, "heldBy") if o == "江苏交通控股集团"}
    # the headline's 专题学习 and the lead's 学习会 are one event
    assert len(held) == 1, rels(enterprise, "heldBy")
    meeting = next(iter(held))
    assert (meeting, "中国共产党第二十届中央委员会第四次全体会议") in rels(enterprise, "studies")
    assert {"两个确立", "两个维护", "六个力量", "两在两同建新功行动"} <= labels(enterprise, "PolicySlogan")
    assert {"孙立成", "赵海鹏"} <= labels(enterprise, "Person")


def test_sample_county(county):
    assert {"黄志刚", "马俊峰", "冯德明", "邓丽萍"} <= labels(county, "Person")
    assert "中共徐州市委十三届八次全会" in labels(county, "Meeting")
    parts = {o for s, o in rels(county, "hasPart") if s == "三大攻坚战"}
    assert parts == {"项目建设", "乡村振兴", "民生保障"}
    assert {"强富美高", "走在前列", "一改两为", "四下基层", "急难愁盼"} <= labels(county, "PolicySlogan")
    assert "沛县" in labels(county, "Place")


def test_sample_jsonl_records():
    from kg.ingest import read_inputs
    from kg.pipeline import extract

    results = {a.id: extract(a) for a in read_inputs([SAMPLES / "articles.jsonl"])}
    assert set(results) == {"jsonl-district-cppcc", "jsonl-university-committee"}
    uni = results["jsonl-university-committee"]
    assert "南京工业大学" in labels(uni, "Organization")
    assert "中国共产党第二十届中央委员会第三次全体会议" in labels(uni, "Meeting")
    assert {"双一流", "人才强校", "三全育人"} <= labels(uni, "PolicySlogan")
    cppcc = results["jsonl-district-cppcc"]
    assert "区政协" in entity(cppcc, "Organization", "姑苏区政协").aliases
    assert {"两个确立", "两个维护", "强富美高"} <= labels(cppcc, "PolicySlogan")


def test_county_level_city_owns_its_city_abbreviations():
    """In a 邳州 (county-level city under 徐州) article, 团市委/市总工会 are 邳州's, not 徐州's."""
    from kg import Article, extract

    r = extract(Article("pizhou", "本报讯 邳州市委宣传部召开理论学习中心组学习会。团市委、市总工会负责同志参加会议。"))
    orgs = {e.label for e in r.entities.values() if e.type == "Organization"}
    assert {"中共邳州市委宣传部", "共青团邳州市委", "邳州市总工会"} <= orgs
    assert not any("徐州" in o for o in orgs)


def test_activity_named_by_last_verb_and_community_committee_folds():
    from kg import Article, extract

    r = extract(Article("community", "近日，和平社区党委组织党员开展“学习二十大、永远跟党走”主题党日活动。"))
    meetings = {e.label for e in r.entities.values() if e.type == "Meeting"}
    assert "和平社区“学习二十大、永远跟党走”主题党日活动" in meetings or "和平社区学习二十大、永远跟党走主题党日活动" in {
        m.replace("“", "").replace("”", "") for m in meetings}
    held = {(x.subject[1], x.object[1]) for x in r.relations if x.predicate == "heldBy"}
    assert any(o == "和平社区" for _, o in held)
