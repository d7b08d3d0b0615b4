"""An era word of the lexicon (新时代) is a formulation where it dates the party's line, not where it dates a
relation between states or a press conference's topic (slogan.lexicon.era_of_other); a public event's theme is
the motto it is held under, not a formulation (slogan.reject.theme). Issue 9, class ``not-a-slogan``. The
sentences are written for the test."""
from __future__ import annotations

import pytest

from kgtest import extract_text


def slogans(text: str) -> set[str]:
    return {label for (t, label) in extract_text(text).entities if t == "PolicySlogan"}


@pytest.mark.parametrize("text", [
    "双方同意推动新时代中蒙全面战略伙伴关系不断发展。",  # the era of a partnership
    "两国领导人表示，中芬新时代全面战略协作伙伴关系持续深化。",  # the pair written before the era
    "中方愿同各方携手构建新时代中拉命运共同体。",  # the era of a community of two sides
    "双方致力于构建契合新时代要求的稳定的中韩关系。",
    "中方愿同太平洋岛国一道，深化新时代互利、包容的中岛关系。",  # modifiers before the relation
    "会谈后，两国关系迈入全面发展的新时代。",  # the era a relation enters
    "双方合作伙伴关系进入新时代，各领域合作成果丰硕。",
    "两国领导人的会晤将双方关系带入一个崭新时代。",  # 崭新 + 时代, no era named
    "国务院新闻办公室今天举行新闻发布会，介绍新时代交通运输发展成就。",  # a press conference's topic
    "“奋进新时代”主题成就展今天在省展览馆开幕。",  # the era inside an exhibition's name
    "本届博览会以“新时代·新农业”为主题，展出面积五万平方米。",  # the era inside a fair's theme
])
def test_an_era_of_something_else_is_no_formulation(text: str) -> None:
    assert "新时代" not in slogans(text)


@pytest.mark.parametrize("text", [
    "要全面贯彻新时代党的建设总要求。",  # the era of the party's line
    "紧紧围绕新时代新征程党的中心任务履职尽责。",
    "中国特色社会主义进入新时代，我国发展站在新的历史起点上。",  # the party's era, no relation before it
    "要持续深化新时代党的组织路线，建设高素质干部队伍。",
])
def test_the_partys_era_stays(text: str) -> None:
    assert "新时代" in slogans(text)


@pytest.mark.parametrize("text, name", [
    ("本届博览会以“共享绿色机遇、共创美好明天”为主题，吸引千余家企业参展。", "共享绿色机遇、共创美好明天"),
    ("今年的电影节以“光影同心 逐梦前行”为年度主题。", "光影同心 逐梦前行"),
    ("本次论坛的主题是“数字赋能城乡融合”。", "数字赋能城乡融合"),
    ("围绕“创新驱动 智造未来”这一主题，大会设置了六个分论坛。", "创新驱动 智造未来"),
    ("整台晚会分别以“春潮”“夏木”“秋实”为主题，展现四季变化。", "夏木"),  # an enumeration of themes
    ("本届论坛以“推动绿色低碳高质量发展”为主题。", "高质量发展"),  # a lexicon formulation inside the theme
])
def test_a_public_events_theme_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    # the theme of a party body's own meeting is the formulation it studies
    ("区委常委班子以“强化理论武装、践行初心使命”为主题召开专题民主生活会。", "强化理论武装、践行初心使命"),
    ("社区党委围绕“组织联建、党员联管、服务联做”的“三联”主题开展活动。", "三联"),  # a numbered formulation stays
    ("各支部开展“争做新时代好党员”主题党日活动。", "争做新时代好党员"),  # 主题党日: a campaign's own name
])
def test_a_theme_that_is_a_formulation_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


@pytest.mark.parametrize("text, name", [
    ("国务院新闻办公室举行新闻发布会，介绍推动养老服务高质量发展有关情况。", "高质量发展"),  # slogan.briefing_topic
    ("国新办举行新闻发布会，有关负责人介绍“加快建设农业强国”的相关情况。", "加快建设农业强国"),
    ("国新办举行“中国经济高质量发展成效”系列新闻发布会。", "高质量发展"),  # a word of a quoted series' name
])
def test_a_briefings_topic_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    ("新闻发布会上，有关负责人介绍实施“两新”政策的新举措。", "两新"),  # a numbered formulation stays
    ("新闻发布会上，发言人表示，要坚定不移推动高质量发展。", "高质量发展"),  # stated, not a topic presented
    ("国务院新闻办公室今天举行“一带一路”科技交流大会新闻发布会。", "一带一路"),  # the whole quote is the formulation
])
def test_a_formulation_a_briefing_states_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    ("“争做‘四个自信’好少年”主题日活动在京举行。", "四个自信"),  # a numbered formulation inside a name
    ("本届论坛主题为“高质量共建‘一带一路’，携手共促繁荣”。", "一带一路"),  # quoted inside the theme
])
def test_a_formulation_quoted_inside_a_name_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)
