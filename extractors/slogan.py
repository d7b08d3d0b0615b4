"""Policy slogans (提法): lexicon formulations, numbered formulations, and classified quotations.

SCHEMA.md §5.4: quoted formulations that name a goal, requirement, style,
campaign or vision; numbered formulations quoted or not; named campaigns.
A numbered formulation preceded by an enumeration with the same count
(学习研究、真抓实干、…“五种风气”) gets its components (kg:hasPart).
"""
from __future__ import annotations

import re
from functools import cache

from extractors.base import Doc
from extractors.lexicon import Lexicons, Scanner, cut, split_multi, word_tag
from extractors.model import Mention, Relation
from extractors.ner import country_abbreviations, listed_places, translit_chars
from extractors.numerals import read_numeral
from extractors.prefilter import finditer

_QUOTE = re.compile(r"“([^“”\n]{1,40})”")
_TITLE = re.compile(r"《[^《》\n]{1,80}》")  # the title of a work, a document or a programme
_NUM = "一二两三四五六七八九十"


def _re(lex: Lexicons, name: str, template: str) -> re.Pattern[str]:
    """A pattern of this component, its word lists (extractors/data/slogan/words.tsv) filled in."""
    return lex.ruleset("slogan").regex(name, template)


def _numbered(lex: Lexicons) -> re.Pattern[str]:
    """Numbered formulation heads: 两个确立, 五种风气, 五型政协, 七个岳阳, 三大目标."""
    return _re(lex, "numbered", rf"^[{_NUM}]+(?:{{numbered_heads}})")


def _campaign(lex: Lexicons) -> re.Pattern[str]:
    """Unquoted campaigns introduced by a verb or 全市: 开展…专项行动, 巩固警示教育月活动成果."""
    return _re(lex, "campaign", r"(?:{campaign_leads})(?P<name>[\u4e00-\u9fff]{3,30}?(?:{campaign_kinds}))")
_FIVE_YEAR = re.compile(r"(?<![\u4e00-\u9fff])十[一二三四五]五(?=[”时规期发开收计\W]|$)")
_ENUM_ITEM = re.compile(r"[\u4e00-\u9fff]{2,8}")


@cache
def _lexicon(lex: Lexicons) -> Scanner:
    items = []
    for row in lex.read_tsv("slogans.tsv"):
        for s in (row["label"], *split_multi(row["aliases"])):
            items.append((s, row))
    return Scanner(items)


#: quote_rules.tsv kinds whose value is a regex: of the quoted string, of the text right after the closing
#: quote (what the quote names: “喜欢你”茶餐厅, “海马斯”高机动火箭炮系统), of the text right before the
#: opening quote (how it is introduced: 题为“…”, 被誉为“…”)
#: reject_title, reject_name: of the quoted string, read as the title or the name of an event, a show or a place (“…——…”展,
#: 以“融合·创新·共享”为主题, “双奥之城”) unless a formulation head closes it or a campaign suffix follows it (a
#: reject_title one also when a verb of carrying out governs it: slogan.quoted.title_carried_out)
#: theme_after, theme_cue: an event's theme (slogan.reject.theme); figure_after: a role named by a figure
#: (slogan.reject.role); partner_after: a partner's programme docked with (slogan.reject.partner_programme)
_REGEX_KINDS = frozenset({"reject_regex", "reject_after", "reject_cue", "reject_title", "reject_name", "theme_after", "theme_cue",
                          "figure_after", "partner_after"})
_CUE_SPAN = 6  # characters before the opening quote read by the reject_cue rules
_CLAUSE_SPAN = 30  # characters before the opening quote searched for the clause that governs it (_bare_noun)


@cache
def _rules(lex: Lexicons) -> dict[str, list]:
    """quote_rules.tsv by kind, each row's value compiled if its kind is a regex; the extend suffixes longest first.

    Each row's kind says how the rule is read (the header of quote_rules.tsv): the kinds kept apart from reject_after
    and reject_cue (theme, figure, partner) are rejections with an exception of their own, so a numbered formulation
    stays one when it is a theme (“五联”主题) and a formulation docked with a partner's stays when it is China's."""
    rules: dict[str, list] = {k: [] for k in ("reject_regex", "reject_before", "reject_exact", "extend", *sorted(_REGEX_KINDS))}
    for row in lex.read_tsv("quote_rules.tsv"):
        rules[row["kind"]].append(re.compile(row["value"]) if row["kind"] in _REGEX_KINDS else row["value"])
    rules["extend"].sort(key=len, reverse=True)
    return rules


def _campaign_tail(text: str, pos: int, suffixes: list[str]) -> str | None:
    """The first of ``suffixes`` (longest first) written at ``pos`` within 12 characters, else None.

    A literal test: ``str.startswith`` is what ``re.match(re.escape(suffix), text[pos:pos + 12])`` answered,
    without an escaped pattern per suffix and quote, each a look-up in (and a churn of) ``re``'s pattern cache."""
    return next((ext for ext in suffixes if len(ext) <= 12 and text.startswith(ext, pos)), None)


def numbered_count(label: str, lex: Lexicons) -> int | None:
    """The number a numbered formulation announces (五种风气 → 5), else None."""
    m = _re(lex, "counted", rf"^([{_NUM}]+)(?:{{counters}})").match(label) or re.fullmatch(rf"([{_NUM}]+)[\u4e00-\u9fff]", label)
    if not m:
        return None
    return read_numeral(m.group(1).replace("两", "二"))


def _subtypes(label: str, lex: Lexicons, lex_subtype: str = "") -> tuple[str, ...]:
    out = {lex_subtype} if lex_subtype else set()
    if _numbered(lex).match(label) or re.fullmatch(r"十[一二三四五]五", label):
        out.add("NumberedFormulation")
    if label.endswith(lex.ruleset("slogan").words("campaign_suffixes")):
        out.add("Campaign")
    return tuple(sorted(out - {""}))


def _ordinary_word(label: str, after: str, lex: Lexicons) -> bool:
    """A quoted two-character word that is no formulation: no numeral (“六保”, “双碳” are numbered
    formulations), no digit or Latin letter, and no policy head right after it (“智造”战略).

    News quotes two-character words for names of things and scare quotes (“天和”遨游, 实行“环内”
    “环外”分开); the formulations written in two characters are numbered ones.
    """
    words = lex.ruleset("slogan").words
    if len(label) != 2 or re.search(r"[0-9A-Za-z０-９]", label):
        return False
    if any(ch in words("short_quote_numerals") for ch in label):
        return False
    return not after.startswith(words("short_quote_heads"))


def _dictionary_noun(label: str, cue: str, after: str, lex: Lexicons) -> bool:
    """A quoted string of three or more characters that is one ordinary noun of the dictionary (“保护伞”,
    “快车道”, “牛鼻子”, “东方之珠”, “绿色通道”): a metaphor, an epithet or a scare-quoted word, no formulation.

    A formulation is coined: a phrase the dictionary does not hold as one word (“急难愁盼”, “东数西算”), a
    numbered one (“一国两制”, “三农”: a numeral keeps it), an idiom-like maxim (jieba tags i/l: “稳中求进”,
    “一刀切”), or a word that a policy head follows (“菜篮子”工程 is the campaign, made by the suffix rule).
    """
    words = lex.ruleset("slogan").words
    if not re.fullmatch(r"[\u4e00-\u9fff]{3,8}", label) or after.startswith(words("short_quote_heads")):
        return False
    if len(label) == 3 and label[0] == "一" and label[1] in words("thing_counters"):
        # one counted thing (“一把手”, “一张网”): a numbered formulation counts several or pairs its numbers (“一岗双责”);
        # unless the whole of a country or a province is that one thing (_whole_scope: 坚持全国“一盘棋”)
        return not _whole_scope(label, cue, lex)
    if any(ch in words("short_quote_numerals") for ch in label):
        return False
    return len(cut(label, lex)) == 1 and word_tag(label) in words("ordinary_noun_tags")


def _whole_scope(label: str, cue: str, lex: Lexicons) -> bool:
    """One counted thing quoted right after the whole of a country, a province or the party (whole_scopes: 坚持全国“一盘棋”,
    全省“一盘棋”统筹调度, 全国“一张网”): the whole acting as one, a formulation of coordination, not a figure of one thing
    (the counted figures, “一把手”, “一条龙”, are said of a person or a service, not of 全国). (slogan.quoted.whole_scope)"""
    words = lex.ruleset("slogan").words
    return (len(label) == 3 and label[0] == "一" and label[1] in words("thing_counters")
            and cue.endswith(words("whole_scopes")))


def _figurative(label: str, cue: str, after: str, lex: Lexicons) -> bool:
    """A quoted noun phrase or idiom that an attribute, a demonstrative or a copula of likeness introduces: 科技创新这个
    “牛鼻子”, 中日关系的“压舱石”, 成为长江上游联通全球的“中转站”, 老百姓家门口的“幸福地图”, 两国关系的“开门红”.

    What such a cue introduces is a figure of speech or the name of a thing (口袋公园, 中国速度), not a
    formulation: a formulation is stated as a requirement (坚持“…”, 做到“…”), numbered, enumerated, or coined
    from verbs (“动态清零”, “跨省通办”). So the quote is dropped only when every word of it is a noun or a
    modifier the dictionary knows, the last a common noun, with no numeral and no policy head (闽宁模式,
    上海精神 stay).
    """
    rs = lex.ruleset("slogan")
    if not rs.regex("figure_cue", r"(?:[\u4e00-\u9fff]的|{figure_cues})$").search(cue):
        return False
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", label) or any(ch in rs.words("short_quote_numerals") for ch in label):
        return False
    if label.endswith(rs.words("formulation_heads")) or after.startswith(rs.words("short_quote_heads")):
        return False
    # an idiom or a set phrase of the dictionary after such a cue is a figure too (两国关系的“开门红”, 相互拖欠的“连环套”,
    # 经验丰富的“土专家”): unattributed, “稳中求进”“一刀切” stay maxims (slogan._dictionary_noun keeps them)
    return _noun_phrase(label, lex) or (len(cut(label, lex)) == 1 and word_tag(label) in rs.words("idiom_tags"))


def _noun_phrase(label: str, lex: Lexicons) -> bool:
    """Every word of the label a noun or a modifier the dictionary knows, the last a common noun (幸福地图,
    宝宝屋, 中国精度); a verb, an adverb or a pronoun makes it a phrase that may be a formulation (动态清零)."""
    rs = lex.ruleset("slogan")
    tags = [word_tag(w) for w in cut(label, lex)]
    return tags[-1] in rs.words("ordinary_noun_tags") and all(t and t[0] in rs.words("figure_word_tags") for t in tags)


def _demonstrative(label: str, cue: str, after: str, lex: Lexicons) -> bool:
    """A quote a demonstrative introduces (这个“更高标准”，当前重点要…; 正是这些“逆行者”; 科技创新这一“关键变量”;
    韩国必须结束这种“意识形态外交”). (slogan.quoted.demonstrative)

    A demonstrative points back: the quote takes up a word the text used before (以更高标准… 这个“更高标准”) or
    renames what precedes it as a figure of speech, whatever its words (a verb phrase too: 这样的“变废为宝”). A
    formulation is stated, not pointed at; a numbered one, one of the lexicon (粮食安全这一“国之大者”, found by
    the lexicon) and one a policy head closes (这一“闽宁模式”) stay.
    """
    rs = lex.ruleset("slogan")
    if not cue.endswith(rs.words("demonstrative_cues")) or any(ch in rs.words("short_quote_numerals") for ch in label):
        return False
    return not (label.endswith(rs.words("formulation_heads")) or after.startswith(rs.words("short_quote_heads")))


def _foreign_speech(doc: Doc, start: int, label: str, after: str) -> bool:
    """A quote in the words of a foreign speaker: the sentence reports a speech (speech_verbs: 表示, 称, 说…) and who
    speaks, before the verb, is named by a transliterated foreign name (foreign_person_rules: 俄外交部长拉夫罗夫表示，
    俄美同意“一劳永逸地”…; 特朗普称，…进行了“富有成效”的对话), with no Chinese or shared actor there (china_actors:
    中方, 两国, 双方). (slogan.quoted.foreign_speech)

    The news quotes a foreign politician's words to mark them as his, not to state a formulation: what the party and
    the state promote is said by their bodies and leaders. A numbered quote, one a policy head closes (“…”倡议) and a
    lexicon formulation (found by the lexicon) stay.
    """
    rs = doc.lex.ruleset("slogan")
    if _numbered(doc.lex).match(label) or label.endswith(rs.words("formulation_heads")):
        return False
    if after.startswith((*rs.words("short_quote_heads"), *rs.words("policy_after_heads"))):
        return False
    s_start, _ = doc.sentence_at(start)
    verbs = list(rs.regex("speech_verb", r"(?:{speech_verbs})").finditer(doc.text, s_start, start))
    if not verbs:
        return False
    slot_end = verbs[-1].start()
    if rs.regex("china_actor", r"(?:{china_actors})").search(doc.text, s_start, slot_end):
        return False
    if _foreign_office_opens(doc, s_start, slot_end) and not rs.regex("china_actor", r"(?:{china_actors})").search(doc.text, slot_end, start):
        # 罗马尼亚总统…宣布, 委内瑞拉外交部…称: a foreign state's office speaks; what it says it will do with China
        # (欧盟表示，愿同中方深化“…”) is a formulation both sides state
        return True
    slot = doc.text[s_start:slot_end]
    if any(m.rule.startswith(("place.", "organization.")) and s_start <= m.start and m.end <= slot_end
           for kind in ("Place", "Organization") for m in doc.touching(kind, s_start, slot_end)):
        return False  # 北京市委书记说, 新疆维吾尔自治区主席…表示: a Chinese body or place speaks
    translit = translit_chars(doc.lex)  # the name recogniser's list (ner_translit_chars.txt)
    run = len(slot) - len(slot.rstrip("".join(translit) + "·"))
    if run >= 3:
        return True  # 马克龙说, 佩斯科夫表示: a transliterated name right before the verb
    rules = rs.words("foreign_person_rules")
    return any((p.rule in rules or _transliterated(p.label, translit)) and s_start <= p.start and p.end <= slot_end
               for p in doc.touching("Person", s_start, slot_end))


def _transliterated(name: str, translit: frozenset[str]) -> bool:
    """Whether a person's name is a transliteration: all its characters are transliteration characters, or it has
    four or more and one other (泽连斯基, 佩斯科夫: jieba's dictionary knows some as Chinese-shaped names, and the name
    recogniser then names them by its Chinese-name rule, ner.nr2). A Chinese name has two or three characters, or four
    with a double surname and more than one character outside the list."""
    letters = [c for c in name if c != "·"]
    other = sum(c not in translit for c in letters)
    return other == 0 or len(letters) >= 4 and other <= 1


@cache
def _listed_places(lex: Lexicons) -> tuple[str, ...]:
    """The countries, foreign cities and regions the name recogniser lists (ner_places.txt), longest first."""
    return tuple(sorted(listed_places(lex), key=len, reverse=True))


@cache
def _country_abbreviations(lex: Lexicons) -> frozenset[str]:
    """The one-character abbreviations of foreign countries the name recogniser reads (ner_abbrev.tsv: 美, 俄, 日), not 中."""
    return frozenset(a for a in country_abbreviations(lex) if len(a) == 1) - {"中"}


def _foreign_office_opens(doc: Doc, s_start: int, slot_end: int) -> bool:
    """The sentence's subject, before the speech verb, is the office of a foreign state: the sentence opens (after its
    date) with a country or a city the name recogniser lists, not China, right before an office word
    (foreign_office_heads: 罗马尼亚总统达恩当天宣布…, 29日，委内瑞拉外交部…称…), or with a body of other states
    (international_bodies: 欧盟, 北约, 世卫组织), or with a foreign side (美方宣布…) or a country right before the
    speech verb (美国宣布…). (slogan.quoted.foreign_speech)

    A foreign state speaks through its offices as well as through its named leaders; the name recogniser may miss the
    leader's name (达恩) or read the office as a body (委内瑞拉外交部), and neither makes the words China's."""
    rs, text = doc.lex.ruleset("slogan"), doc.text
    # what may open the sentence before its subject: a date and a time word (29日，, 当地时间5月3日，, 当天)
    time = rs.regex("sentence_time", r"(?:当地时间)?(?:[0-9０-９]+年)?(?:[0-9０-９]+月)?(?:[0-9０-９]+日)?(?:{sentence_times})?[，,]?")
    lead = time.match(text, s_start, slot_end)
    at = lead.end() if lead else s_start
    if text.startswith(rs.words("international_bodies"), at):
        return True  # 欧盟委员会…表示, 世卫组织…宣布, 北约称: a body of other states speaks, not China
    if text[at + 1:at + 2] == "方" and text[at:at + 1] in _country_abbreviations(doc.lex):
        return True  # 美方宣布…, 日方称…: a foreign side speaks (中方 is no abbreviation here)
    place = next((p for p in _listed_places(doc.lex) if text.startswith(p, at)), None)
    if place is None or place in rs.words("china_actors"):
        return False
    # 罗马尼亚总统…宣布: the office after the country; 美国宣布…: the country itself before the verb
    return text.startswith(rs.words("foreign_office_heads"), at + len(place)) or at + len(place) == slot_end


def _bare_noun(label: str, clause: str, after: str, lex: Lexicons) -> bool:
    """A quoted noun phrase that nothing in its sentence states as a formulation: no promotion verb in the
    clause before it (坚持/落实/推进/践行/弘扬/建设…“…”), no policy head after it (“…”构想, “…”的理念, also
    after the other quoted items of its enumeration: “…”、“…”等重大倡议), no formulation head of its own
    (上海精神, 浦江经验, 山水工程), no numeral (“四铁”). (slogan.quoted.bare_noun)

    News quotes such phrases for names of things, titles and designations (“宝宝屋”, “雄才卡”, “汉语桥”,
    专精特新“小巨人”企业, “最美医生”), metaphors (把“中国精度”镌刻在…) and scare-quoted words in narrative:
    what makes a quoted noun a formulation is that a body promotes it, and the sentence says so.
    """
    rs = lex.ruleset("slogan")
    if not re.fullmatch(r"[\u4e00-\u9fff]{3,8}", label) or any(ch in rs.words("short_quote_numerals") for ch in label):
        return False
    if label.endswith(rs.words("formulation_heads")):
        return False
    items = re.match(r"(?:[、和与及]?“[^“”\n]{1,20}”)*(等)?的?", after)
    assert items is not None  # the pattern matches the empty string
    heads = (*rs.words("formulation_heads"), *rs.words("short_quote_heads"), *rs.words("policy_after_heads"))
    rest = after[items.end():]
    # 等 closes an enumeration whose head may carry modifiers: “…”、“…”等重大发展倡议
    if any(rest[:6 if items.group(1) else len(h)].find(h) == 0 or (items.group(1) and h in rest[:6]) for h in heads):
        return False
    if rs.regex("promotion_verb", r"(?:{promotion_verbs})").search(clause):
        return False
    return _noun_phrase(label, lex) or _name_phrase(label, lex)


def _name_phrase(label: str, lex: Lexicons) -> bool:
    """Every word of the label a word of the dictionary that names or qualifies (nouns, place and time words,
    localisers, abbreviations, numerals and measures, modifiers; 的 and 和 between them), the last one a noun, a
    place word or an abbreviation (绿色中东, 大虹桥, 下半篇文章, 诗和远方, 轨道上的京津冀). (slogan.quoted.name_phrase)

    Wider than _noun_phrase (a place name, a measure, 的 or 和 inside): with no promotion verb, no policy head and
    no numeral (_bare_noun's conditions), such a quote names a place, a thing or an event, or is an epithet.
    A verb, an adverb, a preposition or a word jieba does not know keeps it (“由腐纠风”, “做大蛋糕”, “专精特新”:
    a coined requirement may be a formulation the text quotes without a cue).
    """
    rs = lex.ruleset("slogan")
    tags = [word_tag(w) for w in cut(label, lex)]
    if len(tags) < 2 or not tags[-1].startswith(rs.words("name_head_tags")):
        return False
    return all(t and t.startswith(rs.words("name_word_tags")) for t in tags[:-1])


def _in_quoted_name(doc: Doc, start: int, end: int, rules: dict[str, list]) -> bool:
    """The span lies inside a longer quotation that the quote rules read as a name or a theme by what follows it
    (slogan.lexicon.in_quoted_name)
    (“…”主题成就展, 以“…”为主题, “…”系列发布会), by the cue of a theme before it (主题为“…”) or as a word of a
    meeting's name (国新办举行“奋进新时代的…”中外记者见面会: slogan.quoted.meeting_name); not a quotation of
    words (横幅上写着：“…”, 俗话说“…”), whose formulations are still stated."""
    text = doc.text
    open_ = text.rfind("“", max(0, start - 40), start)
    close = text.find("”", end, end + 40)
    if open_ < 0 or close < 0 or "”" in text[open_:start] or "“" in text[end:close] or "\n" in text[open_:close]:
        return False
    if (open_, close) == (start - 1, end):
        return False  # the whole quotation is the formulation (“一带一路”科技交流大会)
    cue = text[max(0, open_ - _CUE_SPAN):open_]
    return (any(r.match(text, close + 1) for r in rules["reject_after"]) or _event_theme(doc, open_, close + 1, cue, rules)
            or _meeting_name(doc, open_, close + 1))


def _event_theme(doc: Doc, start: int, end: int, cue: str, rules: dict[str, list]) -> bool:
    """The quotation text[start:end] is announced as the theme of a public event (slogan.reject.theme): a theme
    rule of quote_rules.tsv matches (以“…”为主题, 主题为“…”, 围绕“…”这一主题) and the sentence names such an event
    (博览会, 论坛, 电影节, 发布会…: theme_events). A fair's or a forum's theme is the motto it is held under, not a
    formulation a body states; the theme of a party body's own meeting (以“…”为主题的专题民主生活会) is what it studies."""
    if not (any(r.match(doc.text, end) for r in rules["theme_after"]) or any(r.search(cue) for r in rules["theme_cue"])):
        return False
    s_start, s_end = doc.sentence_at(start)
    sentence = doc.text[s_start:start] + doc.text[end:s_end]
    return doc.lex.ruleset("slogan").regex("theme_event", r"(?:{theme_events})").search(sentence) is not None


def _briefing_topic(doc: Doc, start: int, end: int) -> bool:
    """The span is in the topic a press conference or a briefing presents: its sentence names such an event
    (presentation_events) and the span lies between 介绍 and what closes a topic (有关情况, 的成效: briefing_topic_ends)
    in one clause (发布会上，交通运输部负责人介绍了交通运输服务经济高质量发展有关情况; 国新办举行发布会，介绍“…”的相关
    情况). (slogan.briefing_topic)

    A briefing reports on a field of work under a heading; the heading's words are no formulation that the body
    presenting it calls for. A numbered formulation stays (介绍实施“两新”政策的新举措).
    """
    text, rs = doc.text, doc.lex.ruleset("slogan")
    inner = text[start:end].lstrip("“")
    if _numbered(doc.lex).match(inner) or re.match(r"十[一二三四五]五", inner):
        return False  # “两新”, 两个维护; not a numeral of an ordinary word (介绍“一揽子…”有关情况)
    s_start, s_end = doc.sentence_at(start)
    if not rs.regex("presentation_event", r"(?:{presentation_events})").search(text[s_start:s_end]):
        return False
    before = re.split(r"[，。；：！？\n]", text[s_start:start])[-1]
    after = re.split(r"[，。；：！？\n]", text[end:s_end])[0]
    return "介绍" in before and rs.regex("briefing_topic_end", r"(?:{briefing_topic_ends})").search(after) is not None


def _era_of_other(doc: Doc, start: int, end: int) -> bool:
    """An era word of the lexicon (新时代) that the text makes the era of something else: of a relation between
    states or their partnership (新时代中越全面战略合作伙伴关系, 构建新时代中非命运共同体, 新时代的中巴关系, 中阿关系
    进入新时代, 把两国关系带入崭新时代), or of the topic a press conference presents (发布会上介绍了新时代…的成效).
    (slogan.lexicon.era_of_other)

    The era is the party's formulation where it dates the party's line, thought or tasks (新时代中国特色社会主义,
    新时代党的建设总要求, 新时代新征程党的中心任务, 中国特色社会主义进入新时代); dating a relation, it is part of the
    relation's name (the partnership is what the two sides state), and a press conference's topic is what it reports on.
    """
    text, rs = doc.text, doc.lex.ruleset("slogan")
    if _in_quoted_name(doc, start, end, _rules(doc.lex)):
        return True  # “奋进新时代”主题成就展, 以“新时代·新报业”为主题: the era of an event's theme or a thing's name
    if start > 0 and text[start - 1] == "崭":
        return True  # 崭新时代: the adjective 崭新 and 时代, no era named
    heads = rs.regex("relation_head", r"(?<!人类)(?:{relation_heads})")
    phrase = re.match(r"[^，。；：！？“”（）《》\n]{0,24}", text[end:])
    assert phrase is not None  # the pattern matches the empty string
    if heads.search(phrase.group()):
        return True  # 新时代中俄全面战略协作伙伴关系, 构建新时代命运共同体, 新时代平等、互利…的中拉关系
    clause = re.split(r"[，。；：！？\n]", text[max(0, start - _CLAUSE_SPAN):start])[-1]
    if re.match(r"的?(?:[，。；：！？”\n]|$)", text[end:end + 2]) and heads.search(clause):
        return True  # 中阿关系进入新时代, 合作伙伴关系迈入高水平的新时代: the era the relation enters
    s_start, _ = doc.sentence_at(start)
    return rs.regex("presentation_event", r"(?:{presentation_events})").search(text[s_start:start]) is not None


def _quality_of_relation(doc: Doc, start: int) -> bool:
    """A quality word of the lexicon (高质量发展) whose clause is about a relation between two states: its subject or
    object is a pair of countries' relation (中俄关系, 两国关系, 双边关系; the countries written by their one-character
    abbreviations, ner_abbrev.tsv) (推动中俄关系更高质量发展, 中哈关系…实现高质量发展). (slogan.lexicon.quality_of_relation)

    As 新时代 dating a relation (_era_of_other), the quality the two sides give their relation is how they describe it,
    not the party's formulation of development (经济高质量发展, 推动共建“一带一路”高质量发展 stay: no relation of states).
    """
    text, rs = doc.text, doc.lex.ruleset("slogan")
    clause = re.split(r"[，。；：！？\n]", text[max(0, start - _CLAUSE_SPAN):start])[-1]
    abbrevs = "".join(sorted(_country_abbreviations(doc.lex) | {"中"}))
    pair = rs.regex("state_pair", rf"(?:[{abbrevs}]{{2,3}}|{{state_pair_words}})(?:{{relation_heads}})")
    return pair.search(clause) is not None


def _meeting_name(doc: Doc, start: int, end: int) -> bool:
    """The quotation text[start:end] is a word of a meeting's or an event's name that the meeting component read
    around it (国务院新闻办公室“…”中外记者见面会, 教育部“…”主题活动, “…”系列发布会): the name the event is held
    under, not a formulation it states (slogan.quoted.meeting_name).

    What a meeting states is said in its sentences (会议强调，要坚持“…”); its name is the label of the meeting
    node, and the same words again as a PolicySlogan it mentions would say the meeting mentions its own name. A
    numbered formulation (“两新”工作推进会) and a lexicon formulation (“一带一路”国际合作高峰论坛, found by the
    lexicon) stay, and so does a quote the name itself states: after a promotion verb (深化“千万工程”…现场会,
    学习贯彻“…”座谈会) or a campaign named by its requirements, a verb first (“喜迎…、奋进…”主题党日活动, “争做…”).
    """
    text, rs = doc.text, doc.lex.ruleset("slogan")
    inner = text[start:end].strip("“”")
    if re.search(r"[、，]", inner) or not inner or ("的" not in inner and word_tag(cut(inner, doc.lex)[0]).startswith("v")):
        return False  # a requirement, or requirements, the activity is named by (“争做…好党员”主题党日活动; not “奋进…的建设者”)
    verb = rs.regex("promotion_verb", r"(?:{promotion_verbs})")
    return any(mt.start <= start and end <= mt.end and (mt.start, mt.end) != (start, end)
               and not verb.search(text[mt.start:start]) for mt in doc.touching("Meeting", start, end))


def _counted_item(doc: Doc, end: int) -> bool:
    """The quote is one item of an enumeration a numbered formulation closes (建设“先行区”、“领跑者”、“桥头堡”的
    三大发展目标): a named part of a formulation, however ordinary the word."""
    pattern = _re(doc.lex, "counted_item", rf"(?:[、和与及]?“[^“”\n]{{1,20}}”)*等?的?[{_NUM}]+(?:{{counters}})")
    return pattern.match(doc.text, end) is not None


def _carried_out(text: str, end: int, cue: str, lex: Lexicons) -> bool:
    """Rule ``slogan.quoted.title_carried_out``: a title- or epithet-shaped quote (slogan.reject.subtitle, dotted_title,
    epithet, honorary_title) right after a verb of carrying out or building (深入开展“建功新时代·奋进新征程”劳动和技能
    竞赛, 深化“中国梦·劳动美”主题宣传教育, 广泛开展“最美家庭”寻访活动, 努力建设“科技工作者之家”) names what a body
    carries out or builds: its campaign or its goal, a formulation (SCHEMA §5.4), not the title of an event it attends
    or a name it is given; so does one whose story a body sets out to tell (story_verbs before it, story_heads after
    it: 讲好“运河之都”故事). A campaign noun after the quote is no such sign on its own: news names the events it
    reports so (“国际茶日”活动, “温暖迎春·共庆中国年”活动), which the held-in 新闻联播 build showed (39 restored, ~35 events).
    A day (slogan.reject.day, kind reject_name) is not kept by a verb: 开展“世界气象日”主题活动 is an event on that day."""
    words = lex.ruleset("slogan").words
    if cue.endswith(words("story_verbs")) and text.startswith(words("story_heads"), end):
        return True  # 讲好“运河之都”故事: the place's story a body sets out to tell, its goal (not the epithet given it)
    return cue.endswith(words("title_goal_verbs"))


def _partner_programme(label: str, cue: str, lex: Lexicons) -> bool:
    """A quote that 对接 follows (slogan.reject.partner_programme) is a partner's programme unless the text introduces it
    as China's (partner_own_cues right before it: 同共建“一带一路”对接, 同中国“一带一路”倡议对接) or it is numbered (中非合作论坛
    “九项工程”): docking joins two sides' programmes, and the news names the partner's in its own words (沙特“2030愿景”,
    土方“复兴丝绸之路”战略, 柬方的“五角战略”), a formulation of the other state, not one the party states."""
    if _numbered(lex).match(label):
        return False  # 中非合作论坛“九项工程”; not a numeral of a name (“五角战略”, “两廊一圈”)
    return not cue.endswith(lex.ruleset("slogan").words("partner_own_cues"))


def _partner_side(label: str, cue: str, lex: Lexicons) -> bool:
    """A quote right after a foreign side, a country's one-character abbreviation and 方 (沙方“2030愿景”, 蒙方“种植十亿棵树”
    计划, 土方“中间走廊”计划, 巴方“零饥饿”计划): the other state's programme, named in its own words, not a formulation the
    party states; as slogan.reject.partner_programme without the 对接. A numbered quote stays (“九项工程”), and so do the
    sides that are no foreign state (partner_side_excluded: 台方, 港方; 中方, 双方, 地方 are no abbreviation of one).
    (slogan.reject.partner_side)"""
    if _numbered(lex).match(label):
        return False
    m = re.search(r"([\u4e00-\u9fff])方的?$", cue)
    return (m is not None and m.group(1) in _country_abbreviations(lex)
            and m.group(1) not in lex.ruleset("slogan").words("partner_side_excluded"))


def _role_figure(label: str, lex: Lexicons) -> bool:
    """A quote before a role word (发挥“…”作用) that names the role by a figure: a noun (压舱石, 半边天, 桥头堡, 平准基金), no
    numeral (“四个机关”作用), no formulation head (“…协调工作机制”作用), no requirement (“抓系统、管行业”作用: a verb first,
    or several parts). (slogan.reject.role)"""
    rs = lex.ruleset("slogan")
    if re.match(rf"[{_NUM}]", label) or re.search(r"[、，,]", label) or label.endswith(rs.words("formulation_heads")):
        return False
    tags = [word_tag(w) for w in cut(label, lex)]
    return bool(tags) and not tags[0].startswith("v") and (tags[-1].startswith("n") or tags[-1] in ("i", "l"))


def _counted_things(doc: Doc, end: int) -> bool:
    """The quote is one of the items a count of things closes (“…”“…”“…”三项文献档案入选…, “…”、“…”等五处遗址): the
    names of things counted, not formulations. (slogan.reject.counted_things)

    The count is written with a counter of things (named_thing_counters: 项, 处, 件, 部…) and the noun it counts
    holds no policy word; a formulation's parts are counted as what the party sets (“…”“…”的三大发展目标, 两项改革,
    三项举措: formulation_heads, short_quote_heads, policy_after_heads, counted_policy_words), and stay (_counted_item), as
    do a numbered quote and one a formulation head closes (“…准入制度”“…管控机制”等四项成果).
    """
    rs = doc.lex.ruleset("slogan")
    m = rs.regex("counted_things", rf"(?:[、和与及]?“[^“”\n]{{1,20}}”)*等?的?[{_NUM}]+(?:{{named_thing_counters}})"
                 r"(?P<noun>[^，。；：！？、“”《》\n]{1,8})").match(doc.text, end)
    if m is None:
        return False
    heads = (*rs.words("formulation_heads"), *rs.words("short_quote_heads"), *rs.words("policy_after_heads"),
             *rs.words("counted_policy_words"))
    return not any(h in m.group("noun") for h in heads)


def clean(label: str) -> str:
    """Slogan label as SCHEMA.md §3 wants it: no quotes, ASCII comma → 、 kept as written."""
    return label.replace("“", "").replace("”", "").replace("‘", "").replace("’", "").strip()


class SloganExtractor:
    name = "slogan"
    requires: tuple[str, ...] = ("Theory", "Document", "Meeting")
    assigns: tuple[str, ...] = ("PolicySlogan", "relations")

    def __call__(self, doc: Doc) -> None:
        text, lex = doc.text, doc.lex
        rules = _rules(lex)
        # 1. quotations
        for m in _QUOTE.finditer(text):
            inner = m.group(1).strip()
            after = text[m.end():m.end() + 8]
            if inner in rules["reject_exact"] or any(r.search(inner) for r in rules["reject_regex"]):
                continue
            if any(after.startswith(b) for b in rules["reject_before"]):
                continue
            if any(r.match(text, m.end()) for r in rules["reject_after"]):
                continue  # the quote names a thing: “中国航天这十年”摄影艺术展, “天和”号
            if any(r.match(text, m.end()) for r in rules["figure_after"]) and _role_figure(inner, lex):
                continue  # 发挥“压舱石”作用: a figure of what something does (slogan.reject.role)
            cue = text[max(0, m.start() - _CUE_SPAN):m.start()]
            if any(r.match(text, m.end()) for r in rules["partner_after"]) and _partner_programme(inner, cue, lex):
                continue  # 同沙特“2030愿景”对接: another state's programme a formulation is docked with
            if any(r.search(cue) for r in rules["reject_cue"]):
                continue  # introduced as a name or a title: 题为“…”的报告, 被誉为“…”
            if _partner_side(inner, cue, lex):
                continue  # 中方支持沙方“2030愿景”: the programme of the other side, in its own words
            if _event_theme(doc, m.start(), m.end(), cue, rules) and not re.match(rf"[{_NUM}]", inner):
                continue  # the theme of an event (以“…”为主题, 主题为“…”, “…”这一主题), unless a numbered formulation (“五联”主题)
            if _meeting_name(doc, m.start(), m.end()) and not re.match(rf"[{_NUM}]", inner):
                continue  # 国新办举行“…”中外记者见面会: the quote names the meeting, not a formulation it states
            if "，" in inner and any(len(part) > 10 for part in inner.split("，")):
                continue  # a quoted sentence (“全体起立，奏唱中华人民共和国国歌”), not a formulation
            if doc.blocked("slogan.quoted", "PolicySlogan", m.start(1), m.end(1)):
                continue
            label = clean(inner)
            if not label:
                continue  # “ ”: nothing quoted
            # “两在两同”建新功行动: the quote plus a campaign suffix within a few characters
            tail = _campaign_tail(text, m.end(), rules["extend"])
            carried = False  # a title-shaped quote kept as what a body carries out or builds
            if tail is None and not label.endswith(lex.ruleset("slogan").words("formulation_heads")):
                if any(r.search(label) for r in rules["reject_name"]):
                    continue  # 开展“世界气象日”主题活动: a day is a date, whatever a body carries out on it (slogan.reject.day)
                if any(r.search(label) for r in rules["reject_title"]):
                    if not _carried_out(text, m.end(), cue, lex):
                        continue  # “意大利之源——古罗马文明展”, 以“融合·创新·共享”为主题, “双奥之城”: a title or an epithet
                    carried = True
            bare = _ordinary_word(label, text[m.end():m.end() + 4], lex)
            if bare and tail is None:
                continue  # “天和”遨游, 实行“环内”“环外”分开: a two-character word, no formulation
            clause = re.split(r"[，。；：！？\n]", text[max(0, m.start() - _CLAUSE_SPAN):m.start()])[-1]
            if tail is None and (_dictionary_noun(label, cue, after, lex) or _figurative(label, cue, after, lex)
                             or _demonstrative(label, cue, after, lex) or _foreign_speech(doc, m.start(), label, after)
                             or _bare_noun(label, clause, text[m.end():m.end() + 30], lex)) and not _counted_item(doc, m.end()):
                # “保护伞”, 这个“牛鼻子”, 中日关系的“压舱石”: a figure of speech or a thing's name; “宝宝屋”, 申领“雄才卡”,
                # 专精特新“小巨人”企业: a name or a designation no body promotes
                continue
            if (_counted_things(doc, m.end()) and not re.match(rf"[{_NUM}]", inner)
                    and not label.endswith(lex.ruleset("slogan").words("formulation_heads"))):
                continue  # “…”“…”“…”三项文献档案: the names of things a count closes
            if _briefing_topic(doc, m.start(), m.end()):
                continue  # 发布会上介绍了“…”的相关情况: the heading of what a briefing reports on
            if not bare:  # “里子”工程: the bare word is no formulation of its own, the campaign below is
                doc.add(Mention("PolicySlogan", label, m.start(1), m.end(1), inner, subtypes=_subtypes(label, lex),
                                attrs={"quoted": True}, rule="slogan.quoted.title_carried_out" if carried
                                else "slogan.quoted.whole_scope" if _whole_scope(label, cue, lex)
                                and not after.startswith(lex.ruleset("slogan").words("short_quote_heads")) else "slogan.quoted"))
            if tail is not None:
                end = m.end() + len(tail)
                full = text[m.start():end]
                doc.add(Mention("PolicySlogan", clean(full), m.start(), end, full,
                                aliases=(label + tail,), subtypes=tuple(sorted({"Campaign", *_subtypes(label, lex)})), rule="slogan.quoted.campaign_suffix"))
        # 2. lexicon formulations, quoted or not
        lex_hits = sorted(_lexicon(lex).iter(text), key=lambda h: (h[0], -(h[1] - h[0])))
        titles = [(t.start(), t.end()) for t in _TITLE.finditer(text)]
        for start, end, surface, rows in lex_hits:
            row = rows[0]
            if any(s <= start and end <= e for s, e in titles):
                continue  # 《新时代进行曲》, 《…共创全球发展新时代——…联合声明》: a word of a title, not a formulation stated
            inside_theory = any(t.start <= start and end <= t.end for t in doc.touching("Theory", start, end))
            near = doc.touching("PolicySlogan", start, end)
            # the same formulation again, or a shorter alias of the entry already taken, adds nothing
            same = any(s.start <= start and end <= s.end and (s.label == row["label"] or (s.start, s.end) == (start, end))
                       for s in near)
            crossing = any(s.start < end and start < s.end and not (s.start <= start and end <= s.end)
                           and not (start <= s.start and s.end <= end) for s in near)
            head = any(s.start < start and end == s.end for s in near)
            if inside_theory or same or crossing or head:
                continue
            if row["label"] in lex.ruleset("slogan").words("era_entries") and _era_of_other(doc, start, end):
                continue  # 新时代中越全面战略合作伙伴关系: the era of a relation, not the party's formulation
            if row["label"] in lex.ruleset("slogan").words("quality_entries") and _quality_of_relation(doc, start):
                continue  # 推动中俄关系实现更高质量发展: the quality of a relation between states, not the party's formulation
            named = re.match(rf"[{_NUM}]", row["label"]) is None and text[start - 1:start] != "‘"
            if named and (_in_quoted_name(doc, start, end, rules) or _briefing_topic(doc, start, end)):
                # “中国经济高质量发展成效”系列新闻发布会, 介绍…服务高质量发展有关情况: a word of a name or a briefing's topic;
                # a numbered formulation or one quoted inside the name (争做‘四个自信’好孩子, 共建‘一带一路’) stays
                continue
            doc.add(Mention("PolicySlogan", row["label"], start, end, surface, aliases=split_multi(row["aliases"]),
                            subtypes=_subtypes(row["label"], lex, row.get("subtype", "")),
                            attrs={"label_en": row.get("label_en", "")}, rule="slogan.lexicon"))
        # 3. campaigns written without quotes
        for m in _campaign(lex).finditer(text):
            name = m.group("name")
            for lead in lex.ruleset("slogan").words("campaign_adverbs"):
                if name.startswith(lead):
                    name = name[len(lead):]
            # 开展为期半年的…专项整治: how long it runs is said of the campaign, no word of its name (slogan.campaign.duration)
            name = re.sub(r"^(?:为期|历时)[^的，]{1,8}的", "", name)
            start = m.end("name") - len(name)
            # 部署进一步做好学习教育…: the kind alone, or a verb before it, names no campaign (slogan.campaign.kind_only)
            if name.startswith(lex.ruleset("slogan").words("campaign_verbs")):
                continue
            # …暨师德集中学习教育, 正在开展的…专项行动: a list or a clause before the name is no word of it
            # (slogan.campaign.clause_cut); what is left must be more than the kind
            clause = _re(lex, "campaign_clause", r"^.*(?:{campaign_joiners}|(?:{campaign_clause_verbs})的)")
            if (cut := clause.match(name)) is not None:
                name = name[cut.end():]
                if len(name) < 4 or name in lex.ruleset("slogan").words("campaign_kinds"):
                    continue
            start = m.end("name") - len(name)
            if len(name) >= 4 and not doc.blocked("slogan.campaign", "PolicySlogan", start, m.end("name")):
                doc.add(Mention("PolicySlogan", name, start, m.end("name"), name, subtypes=("Campaign",), rule="slogan.campaign"))
        # 4. five-year-plan periods written without quotes: 十四五
        for m in finditer(_FIVE_YEAR, text):
            if not doc.blocked("slogan.five_year_plan", "PolicySlogan", m.start(), m.end()):
                doc.add(Mention("PolicySlogan", m.group(), m.start(), m.end(), m.group(), subtypes=("NumberedFormulation",), rule="slogan.five_year_plan"))
        self._components(doc)

    def _components(self, doc: Doc) -> None:
        """学习研究、真抓实干、攻坚克难、改革创新、勇争一流“五种风气” → five hasPart relations."""
        text = doc.text
        for m in list(doc.of_type("PolicySlogan")):
            n = numbered_count(m.label, doc.lex)
            if not n or n < 2:
                continue
            q = 1 if m.attrs.get("quoted") else 0
            left_end = m.start - q
            s_start, _ = doc.sentence_at(m.start)
            seg = text[max(s_start, left_end - 12 * n):left_end]
            seg = re.split(r"[，。；：！？]", seg)[-1]
            closer = _re(doc.lex, "enumeration_closer", r"(?:{enumeration_closers})$").search(seg)
            if closer:
                # 强基固边、…、团结稳边等“六大工程”: 等 closes the enumeration, it is no part of its last item
                seg, left_end = seg[:closer.start()], left_end - len(closer.group())
            quoted = re.search(r"“([^“”]+)”的?$", seg)
            if quoted and quoted.group(1).count("、") == n - 1:
                # “组织联建、党员联管、…”的“五联”: the enumeration is the quotation before it
                left_end = left_end - len(seg) + quoted.end(1)
                seg = quoted.group(1)
            parts = seg.split("、")
            if len(parts) < n:
                continue
            items = parts[-n:]
            # the first item may carry a verb before it (弘扬学习研究): keep its last 2-6 characters of the same length as the others
            lens = [len(x) for x in items[1:]]
            if not all(_ENUM_ITEM.fullmatch(x) for x in items[1:]):
                continue
            first = items[0]
            if not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", first):
                continue  # 坚定“四个自信”、做到“两个维护”: quoted neighbours, not an enumeration
            target = max(set(lens), key=lens.count)
            if len(first) > target:
                first = first[-target:]
            items[0] = first
            pos = left_end
            spans = []
            for item in reversed(items):
                pos = text.rfind(item, 0, pos)
                if pos < 0:
                    break
                spans.append((pos, pos + len(item)))
            if len(spans) != len(items):
                continue
            ev = doc.evidence(doc.sentence_at(m.start))
            for item, (s, e) in zip(items, reversed(spans)):
                doc.add(Mention("PolicySlogan", item, s, e, item, attrs={"component_of": m.label}, rule="slogan.component"))
                doc.relations.append(Relation("hasPart", m.key, ("PolicySlogan", item), ev, rule="slogan.has_part.enumeration"))
