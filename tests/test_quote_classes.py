"""What makes a quoted string a formulation, and what makes it a name (quote_rules.tsv; issue 9,
tests/judged_xwlb2 class ``not-a-slogan``). The sentences are written for the test."""
from __future__ import annotations

import pytest

from kgtest import extract_text


def slogans(text: str) -> set[str]:
    return {label for (t, label) in extract_text(text).entities if t == "PolicySlogan"}


@pytest.mark.parametrize("text, name", [
    ("在市博物馆，“城市这十年”摄影艺术展展出了三百多幅作品。", "城市这十年"),   # a thing noun after the quote
    ("该剧以“老街坊”茶餐厅作为主线。", "老街坊"),
    ("由外方提供的“飞鹰”防空导弹系统已运抵前线。", "飞鹰"),
    ("“探索”号科考船今天返回母港。", "探索"),
    ("专家应邀作题为“守护文脉 传承文明”的报告。", "守护文脉 传承文明"),  # introduced as a title
    ("这座古城被誉为“天然博物馆”。", "天然博物馆"),
    ("省社科院公布“2021年全省考古新发现”入选项目。", "2021年全省考古新发现"),  # dated names, editions
    ("多国联合演习“北方盾牌-2022”今天开始。", "北方盾牌-2022"),
    ("“人民艺术家”国家荣誉称号获得者发言。", "人民艺术家"),  # honorary titles
    ("问题不解决会产生“破窗效应”。", "破窗效应"),  # a term of art
    ("首批“科学家精神教育基地”名单发布。", "科学家精神教育基地"),  # bodies and lists
    ("推动评价从“写了多少”向“写出什么水平”转变。", "写了多少"),  # a question's words
    ("推动评价从“写了多少”向“写出什么水平”转变。", "写出什么水平"),
    ("大厅上方悬挂横幅：“热烈欢迎各位代表！”", "热烈欢迎各位代表！"),  # a sentence, an exclamation
    ("用好委员讲堂、“委员谈”、政协书院等平台。", "委员谈"),  # an item of an enumeration of things
    ("年会围绕“科技赋能乡村”、“数字助力县域”等四大板块展开。", "科技赋能乡村"),
    ("俗话说，“远亲不如近邻”。", "远亲不如近邻"),  # a proverb, a saying, an inscription
    ("自古“忠孝难两全”，他选择了坚守。", "忠孝难两全"),
    ("从“神舟”飞天到“嫦娥”探月，成就举世瞩目。", "神舟"),  # a two-character word with no numeral
    ("严格实行“区内”“区外”分开管理。", "区外"),
    ("地下管网是城市“面子”工程。", "面子"),  # the bare word of a campaign named after it
    ("市里明天举行“山城这五年”系列主题新闻发布会。", "山城这五年"),  # slogan.reject.meeting_after
    ("两国元首同意办好首届“中国+东盟十国”峰会。", "中国+东盟十国"),
    ("省政协召开“推进城乡环境整治”专题协商会。", "推进城乡环境整治"),
    ("他曾获得“青年五四奖章”，并被授予“金钥匙勋章”。", "金钥匙勋章"),  # slogan.reject.thing_name
    ("新建的“远航号”货轮今天首航，“东线-2”输水隧洞同日贯通。", "远航号"),
    ("新建的“远航号”货轮今天首航，“东线-2”输水隧洞同日贯通。", "东线-2"),
    ("表彰大会上，“卫国戍边”奖章获得者代表发言。", "卫国戍边"),  # slogan.reject.thing_after
    ("总书记给“汉语角”师生回信。", "汉语角"),
    ("该国所谓“自由航行”不过是借口。", "自由航行"),  # slogan.reject.name_cue
    ("这座桥俗称“彩虹桥”，取名“连心路”的道路也已通车。", "连心路"),
    ("街道开起全区第一家“爱心小屋”，居民纷纷点赞。", "爱心小屋"),  # slogan.quoted.bare_noun: a thing's name
    ("全省已有两百多家专精特新“小蜜蜂”企业。", "小蜜蜂"),  # a designation
    ("他们用汗水把“中国高度”写在了雪山之巅。", "中国高度"),  # a metaphor in narrative
    ("展览用“峥嵘岁月”“奋斗足迹”“时代华章”三个部分展现城市变迁。", "奋斗足迹"),  # slogan.reject.parts
    ("晚会分为“序曲·启航”“追梦”两个篇章。", "序曲·启航"),
    ("老张在村里有修理农机“百事通”之称。", "百事通"),  # slogan.reject.epithet
    ("这座小城享有“候鸟驿站”的美誉。", "候鸟驿站"),
    ("当前正值“三秋”农忙时节，各地抢收抢种。", "三秋"),  # slogan.reject.season
    ("时值“七下八上”主汛期，防汛形势严峻。", "七下八上"),
    ("展会期间将举办“西部行”“沿海行”项目对接会。", "西部行"),  # meeting_after over an enumeration
    ("年会还举办了“亚洲知识产权：趋势与机遇”“亚太区域合作新阶段”等多场分论坛。", "亚洲知识产权：趋势与机遇"),  # meeting_after: the items 等 closes
])
def test_a_quoted_name_or_title_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    ("会议要求，深化“放管服”改革，继续做好“六稳”“六保”工作。", "放管服"),
    ("要适时开展“回头看”，确保整改到位。", "回头看"),
    ("全市开展“我为群众办实事”实践活动。", "我为群众办实事"),
    ("坚持“外防输入、内防反弹”，不断提升防控水平。", "外防输入、内防反弹"),
    ("继续做好“六稳”“六保”工作，稳步实施“双碳”战略。", "双碳"),  # two characters with a numeral
    ("加快实施“智造”战略。", "智造"),  # two characters before a policy head
    ("地下管网是城市“面子”工程。", "面子工程"),  # the campaign named after a two-character word
    ("做强“老字号”，培育“新字号”。", "新字号"),  # 字号 is a way of naming industries, no craft
    ("浙江召开深入实施“八八战略”高峰论坛。", "八八战略"),  # a formulation of the lexicon inside a forum's name
    ("要大力弘扬“红船精神”，持续擦亮城市名片。", "红船精神"),  # a formulation head of its own
    ("全区要持续建设“爱心小屋”，让居民就近办事。", "爱心小屋"),  # a promotion verb before the quote
    ("双方欢迎“北方走廊”“南方花园”等重大区域倡议。", "北方走廊"),  # a policy head after the enumeration
    ("会议指出，要推动“东西部协作”机制走深走实。", "东西部协作"),  # a policy head right after
    ("会议要求，把“七下八上”防汛各项措施落到实处。", "七下八上"),  # no season cue: a requirement stated
    ("要紧紧围绕建设“先行区”、“领跑者”、“桥头堡”的三大发展目标。", "先行区"),  # the parts of a formulation
])
def test_a_quoted_formulation_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


@pytest.mark.parametrize("text, name", [
    ("要做好“两节”期间重要商品保供稳价。", "两节"),  # slogan.reject.season: a time word after the quote
    ("“三夏”时节，麦浪滚滚。", "三夏"),
    ("会议指出，“8•12”事故教训深刻。", "8•12"),  # an event named by its date
])
def test_a_season_or_a_date_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


def test_a_five_year_plan_before_a_time_word_stays() -> None:
    assert "十四五" in slogans("“十四五”期间，全市将新建学校二十所。")


@pytest.mark.parametrize("text, name", [
    ("第三届“山海同歌”颁奖典礼今晚举行。", "山海同歌"),  # slogan.reject.ceremony_after: a ceremony or a show named
    ("“四海同心”慰问演出首站在悉尼上演。", "四海同心"),
    ("市民可在政务客户端“一键办事”专区申领补贴。", "一键办事"),  # slogan.reject.app_after
    ("演出体现了“中老一家亲”的传统情谊。", "中老一家亲"),  # slogan.reject.epithet: a friendship described
    ("该国政府表示不会改变“海岛不出租”的立场。", "海岛不出租"),  # slogan.reject.stance
    ("两国领导人宣布明年为“中芬文化交流年”。", "中芬文化交流年"),  # slogan.reject.theme_year
    ("会议听取了“一府两院”的专项工作报告。", "一府两院"),  # slogan.reject.bodies: institutions a count groups
    ("村“两委”成员逐户走访。", "两委"),
    ("班子查摆出“统筹谋划能力不足”“担当意识不强”等问题。", "统筹谋划能力不足"),  # slogan.reject.problem
    ("班子查摆出“统筹谋划能力不足”“担当意识不强”等问题。", "担当意识不强"),
    ("部队使用“长空之鹰”“怒海狂涛”等导弹发动袭击。", "长空之鹰"),  # a thing noun after an enumeration
    ("国务院新闻办公室今天举行“奋进新时代的建设者”中外记者见面会。", "奋进新时代的建设者"),  # slogan.quoted.meeting_name
    ("国务院新闻办公室今天举行“奋进新时代的建设者”中外记者见面会。", "新时代"),  # a lexicon word of the meeting's name
    ("省文化和旅游厅举办“山水之间”主题活动。", "山水之间"),
])
def test_a_named_event_thing_group_or_problem_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    ("浙江省今天举行深化“千村示范”建设现场会。", "千村示范"),  # the meeting's name states it: a promotion verb before it
    ("各地开展“学理论、促发展、见实效”主题党日活动。", "学理论、促发展、见实效"),  # a campaign named by its requirements
    ("要着力解决发展“不平衡不充分”问题。", "不平衡不充分"),  # a doubled shortcoming the party names
    ("会议要求，坚决防止“不严不实”。", "不严不实"),
])
def test_a_formulation_beside_those_names_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


@pytest.mark.parametrize("text, name", [
    ("会议提出以更高标准抓落实。这个“更高标准”，重点体现在三个方面。", "更高标准"),  # slogan.quoted.demonstrative
    ("正是这些“守夜人”的坚守，换来了万家灯火。", "守夜人"),
    ("该国必须结束这种“阵营对抗外交”。", "阵营对抗外交"),
    ("巴西作为今年“金砖十国”轮值主席国发挥了作用。", "金砖十国"),  # slogan.reject.group_member
    ("双方同为“南南合作联盟”重要成员。", "南南合作联盟"),
    ("“丝路新春嘉年华”活动日前在开罗文化宫举行。", "丝路新春嘉年华"),  # slogan.reject.held_event
    ("“丝路新春嘉年华”活动日前在开罗文化宫举行。", "丝路新春嘉年华活动"),
    ("总书记对“强化基层治理”“提升服务效能”等作出重要指示。", "强化基层治理"),  # slogan.reject.headings
    ("该国尚未对美方所提“20点计划”作出回应。", "20点计划"),  # slogan.reject.digit_plan
])
def test_a_word_pointed_at_a_group_an_event_or_a_heading_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    ("务必把耕地保护这一“国之大者”扛在肩上。", "国之大者"),  # a formulation of the lexicon after a demonstrative
    ("要推广这一“山海协作模式”。", "山海协作模式"),  # a policy head closes it
    ("全市开展“文明新风进万家”活动，营造良好氛围。", "文明新风进万家活动"),  # a campaign carried out, not an event held
])
def test_a_formulation_after_a_demonstrative_or_a_campaign_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


def test_the_stage_a_relation_enters_is_no_formulation() -> None:
    assert "携手同行" not in slogans("两国关系进入“携手同行”的新时期。")  # slogan.reject.relation_era


@pytest.mark.parametrize("text, name", [
    ("佩斯科夫表示，克里姆林宫对谈判前景“谨慎乐观”。", "谨慎乐观"),  # slogan.quoted.foreign_speech: a transliterated name speaks
    ("马克龙说，欧洲必须“掌握自己的命运”。", "掌握自己的命运"),
    ("特朗普在社交媒体上称，这次会谈“非常富有成果”。", "非常富有成果"),
])
def test_a_foreign_speakers_words_are_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    ("中方表示，愿同各方“携手应对”挑战。", "携手应对"),  # China speaks
    ("习近平同普京会谈时指出，双方要“守望相助”。", "守望相助"),
    ("新疆维吾尔自治区主席艾尔肯·吐尼亚孜表示，要持续推进“稳疆兴疆”。", "稳疆兴疆"),  # a Chinese body's official
])
def test_a_formulation_china_states_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


def test_a_fashion_is_no_formulation_but_a_campaign_stays() -> None:
    assert not {"跟着演出去旅行", "跟着非遗品年味"} & slogans("“跟着演出去旅行”“跟着非遗品年味”已成为新潮流。")  # slogan.reject.trend
    assert "光盘行动" in slogans("“光盘”行动已成为社会新风尚。")


def test_a_campaigns_duration_is_no_word_of_its_name() -> None:  # slogan.campaign.duration
    assert "直播带货虚假宣传专项整治" in slogans("市场监管总局在全国开展为期半年的直播带货虚假宣传专项整治。")


@pytest.mark.parametrize("text, name", [
    ("市政协常委会举行集体学习，主题是“城市更新与历史街区保护”。", "城市更新与历史街区保护"),  # slogan.reject.theme: a study topic
    ("五位基层民警围绕“守护平安 温暖万家”主题，与中外记者见面交流。", "守护平安 温暖万家"),  # a press meeting's topic
    ("要推动“全球北方”国家携手应对挑战。", "全球北方"),  # slogan.reject.group_member: a group of states
    ("该部公布了“中国数字文旅联盟”“华夏康养促进会”等非法社会组织名单。", "中国数字文旅联盟"),  # slogan.reject.body_name
    ("法院发布“代办退税返现”案等十起典型案例。", "代办退税返现"),  # slogan.reject.case
    ("该县实现了国家级科研平台“零到一”的突破。", "零到一"),  # slogan.reject.change
    ("部里将推出“一系列”便民举措。", "一系列"),  # slogan.reject.quantifier
    ("“守望千年”“唤醒古城”“云上古寨”三处遗产入选保护名录。", "唤醒古城"),  # slogan.reject.counted_things
    ("双方发布“丝路之声”“共赏山河”媒体活动等合作项目。", "共赏山河"),  # a named activity among projects
    ("双方发布“丝路之声”“共赏山河”媒体活动等合作项目。", "丝路之声"),
])
def test_a_topic_a_group_a_body_a_case_or_a_counted_name_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    ("要深入实施“东数西算”国家战略。", "东数西算"),  # 国家战略 is a policy head, no group of states
    ("要严格落实“三个区分开来”等三项措施。", "三个区分开来"),  # a numbered formulation counted
    ("会议要求，落实“放管服”“减证便民”两项改革。", "减证便民"),  # the counted noun is a policy word
    ("会议强调，要推动“三零”创建实现新突破。", "三零"),  # a numbered formulation before a change word stays
])
def test_a_formulation_before_a_state_a_count_or_a_change_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


@pytest.mark.parametrize("text, name", [
    ("波兰总统当天宣布该国外交官为“不速之客”，并关闭领事馆。", "不速之客"),  # slogan.quoted.foreign_speech: a state's office
    ("3日，智利外交部发表声明，称邻国的举动是“赤裸裸的挑衅”。", "赤裸裸的挑衅"),
])
def test_a_foreign_state_offices_words_are_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


def test_china_s_office_speaks_its_formulation() -> None:
    assert "稳中求进" in slogans("中国外交部发言人表示，中国经济坚持“稳中求进”。")


@pytest.mark.parametrize("text, slogan", [
    ("“5纵4横”国家综合交通网主骨架基本形成。", "5纵4横"),  # 国家 begins a name here, no group of states
    ("医院持续推进“以治病为中心”向“以疾病预防为中心”的转变。", "以疾病预防为中心"),  # the end of a change stays
    ("全村采取“公司+农户+合作社”的发展模式。", "公司+农户+合作社"),  # a model, no association
])
def test_a_name_of_the_state_a_changes_end_or_a_model_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


def test_a_campaigns_cases_and_a_counted_mechanism_stay() -> None:
    assert "清网护苗" in slogans("全年查办“清网护苗”案件两千余起。")  # slogan.reject.case: cases counted, no case named
    assert "跨省联防联控机制" in slogans("示范区推出“跨省联防联控机制”等四项成果。")  # slogan.reject.counted_things


@pytest.mark.parametrize("text, name", [
    ("大会表彰了“全省交通运输系统先进工作者”。", "全省交通运输系统先进工作者"),  # slogan.reject.honorary_title
    ("省里新建“智慧农机协同创新实验室”。", "智慧农机协同创新实验室"),  # slogan.reject.thing_name
    ("该国曾以维护“边境秩序”为由加征关税。", "边境秩序"),  # slogan.reject.pretext
    ("要更好发挥“领头羊”“排头兵”的作用。", "排头兵"),  # slogan.reject.role
    ("今年冬天“冰城热”持续升温。", "冰城热"),  # slogan.reject.trend: a craze
    ("游客可以体验一场“穿越古今”之旅。", "穿越古今"),  # slogan.reject.ceremony_after: a trip
    ("执法人员共查扣“假冒名酒”2.6万瓶。", "假冒名酒"),  # slogan.reject.quantity_after
    ("两国关系进入发展“快车期”。", "快车期"),  # slogan.reject.relation_era
])
def test_an_honour_a_pretext_a_role_or_a_product_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    ("要充分发挥“四个机关”作用。", "四个机关"),  # a numbered formulation before 作用
    ("要充分发挥“小微企业融资协调工作机制”作用。", "小微企业融资协调工作机制"),  # a formulation head closes it
    ("行业部门要充分发挥“管业务、管安全”作用。", "管业务、管安全"),  # a requirement: a verb first, two parts
])
def test_a_formulation_before_a_role_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


@pytest.mark.parametrize("text, name", [
    ("他引用了一句话：“勤俭节约是中华民族代代相传的美德”。", "勤俭节约是中华民族代代相传的美德"),  # slogan.reject.statement
    ("受台风“海燕”影响，沿海多地停航。", "海燕"),  # slogan.reject.storm
    ("双方愿共同开创两国关系下一个“黄金二十年”。", "黄金二十年"),  # slogan.reject.relation_era
    ("两国合作创下多个“第一”。", "第一"),  # slogan.reject.quantifier: an ordinal
    ("文旅部门推出“踏雪寻梅 品味江南”主题精品线路。", "踏雪寻梅 品味江南"),  # slogan.reject.thing_after: a route
    ("“苗族蜡染传统制作技艺”入选名录。", "苗族蜡染传统制作技艺"),  # slogan.reject.thing_name
])
def test_a_statement_a_storm_an_era_a_rank_or_a_route_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


def test_a_short_maxim_with_a_copula_stays() -> None:
    assert "冰天雪地也是金山银山" in slogans("要践行“冰天雪地也是金山银山”理念。")


@pytest.mark.parametrize("text, name", [
    ("该村被评为“全省乡村治理示范村”。", "全省乡村治理示范村"),  # slogan.reject.designation
    ("世卫组织宣布该疫情构成“全球健康紧急状况”。", "全球健康紧急状况"),
    ("影片被授予“年度优秀国产影片”荣誉。", "年度优秀国产影片"),
])
def test_a_title_or_a_status_conferred_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


def test_a_campaign_year_a_body_sets_stays() -> None:
    assert "服务提质年" in slogans("商务部将今年确定为“服务提质年”。")


def test_a_latin_name_is_no_formulation() -> None:  # slogan.reject.latin
    assert "Global Walk" not in slogans("“Global Walk”热潮带动了入境游。")


def test_a_body_of_other_states_speaks_its_own_words() -> None:  # slogan.quoted.foreign_speech
    assert "危险的倒退" not in slogans("欧盟委员会当天发表声明称，这一决定是“危险的倒退”。")
    assert "携手应对" in slogans("中方表示，愿同欧盟“携手应对”挑战。")


def test_what_a_foreign_body_will_do_with_china_stays() -> None:  # slogan.quoted.foreign_speech
    assert "数字伙伴关系" in slogans("欧盟方面表示，欧盟愿同中方深化“数字伙伴关系”。")


@pytest.mark.parametrize("text, name", [
    ("美方当天宣布对所有伙伴加征“互惠附加税”。", "互惠附加税"),  # slogan.quoted.foreign_speech: a foreign side
    ("4日，加拿大宣布对进口钢材实施“临时保障措施”。", "临时保障措施"),  # a country right before the verb
    ("会谈涉及“如何分配援助”等技术问题。", "如何分配援助"),  # a question's words
])
def test_a_foreign_sides_words_or_a_question_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


def test_a_numbered_formulation_of_questions_stays() -> None:
    assert "三个如何确保" in slogans("要深刻回答“三个如何确保”的重大问题。")


@pytest.mark.parametrize("text, name", [
    ("新建的“远海救201”轮今天列编。", "远海救201"),  # slogan.reject.thing_name: a serial number
    ("当地人包的糕点叫“七层糕”。", "七层糕"),  # slogan.reject.name_cue
])
def test_a_serial_name_or_a_name_given_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


def test_a_plan_dated_by_its_year_stays() -> None:
    assert "数字乡村2030" in slogans("要深入实施“数字乡村2030”行动计划。")


@pytest.mark.parametrize("text, name", [
    ("登记簿写明了林地“谁经营”“归谁用”。", "谁经营"),  # slogan.reject.question_who: a question asking who
    ("登记簿写明了林地“谁经营”“归谁用”。", "归谁用"),
    ("峰会将成为“全球北方”合作的新起点。", "全球北方"),  # slogan.reject.region: a region named by a compass word
    ("电视台发布“省台2025—2026‘千村百镇’采访计划”。", "省台2025—2026‘千村百镇’采访计划"),  # slogan.reject.year_span
    ("“数字经济与城市治理”分论坛上，嘉宾发言。", "数字经济与城市治理"),  # slogan.reject.meeting_after: a sub-forum
    ("做好“后半篇文章”，这座小城成了“滨海大花园”。", "后半篇文章"),  # slogan.quoted.name_phrase: no cue, a noun phrase
    ("做好“后半篇文章”，这座小城成了“滨海大花园”。", "滨海大花园"),
    ("这里有“诗和远方”。", "诗和远方"),
])
def test_a_question_a_region_an_edition_or_a_name_phrase_is_no_formulation(text: str, name: str) -> None:
    assert name not in slogans(text)


@pytest.mark.parametrize("text, slogan", [
    ("要落实“谁执法谁普法”的普法责任制。", "谁执法谁普法"),  # a principle pairs its 谁
    ("要深入实施“数字乡村2030”行动计划。", "数字乡村2030"),  # a target year alone is no span
    ("坚持“由腐纠风”，严查顶风违纪。", "由腐纠风"),  # a word jieba does not know: a coined requirement
    ("打造“轨道上的城市群”。", "轨道上的城市群"),  # a promotion verb states it
])
def test_a_paired_who_a_year_or_a_stated_phrase_stays(text: str, slogan: str) -> None:
    assert slogan in slogans(text)


def test_a_kind_of_campaign_after_a_verb_of_doing_is_no_name() -> None:  # slogan.campaign.kind_only
    found = slogans("会议研究部署进一步做好学习教育指导督导工作。")
    assert not any(s.endswith("学习教育") for s in found)
    assert "安全生产专项整治" in slogans("要进一步深化安全生产专项整治。")


def test_a_clause_or_a_list_before_an_unquoted_campaign_is_no_word_of_its_name() -> None:  # slogan.campaign.clause_cut
    assert "打击拐卖妇女儿童犯罪专项行动" in slogans("要深化正在开展的打击拐卖妇女儿童犯罪专项行动。")
    assert "树立和践行正确政绩观学习教育" in slogans("开展树立和践行正确政绩观学习教育。")  # 和 joins one name's words


def test_a_joined_campaign_is_named_after_its_joiner() -> None:  # slogan.campaign.clause_cut
    found = slogans("教育部今天召开师德师风建设工作推进暨师德集中学习教育启动部署会。")
    assert not any(s.startswith("暨") for s in found), found
