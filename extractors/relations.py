"""Relations attributed by the structure of the article (SCHEMA.md §5.8).

A paragraph that reports one organisation's meeting makes that meeting and
organisation the subject of what follows (会议指出/强调/要求), until another
meeting is reported: heldBy from the described meeting, studies for what it
conveys (传达学习…精神, 学习《…》), promotes/mentions for every slogan.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache

from extractors.base import Doc
from extractors.lexicon import Lexicons, cut, word_tag
from extractors.meeting import meeting_types, visited
from extractors.model import Mention, Relation
from extractors.prefilter import finditer_opening



_COORDINATION_GAP = 16  # longer than any 》和《 / ”以及“ between two coordinated names


def _re(lex: Lexicons, name: str, template: str) -> re.Pattern[str]:
    """A pattern of this component, its word lists (extractors/data/relations/words.tsv) filled in."""
    return lex.ruleset("relations").regex(name, template)


def _study_before(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "study_before", r"(?:{study_verbs})[^，。；]{0,14}$")


def _voice_after(lex: Lexicons) -> re.Pattern[str]:
    """What follows a speaker's name when he speaks (日, adverbs, 在…, a speech verb)."""
    return _re(lex, "voice_after", r"(?:\d{1,2}日|{acting_times})?(?:{speech_adverbs})?(?:在[^，。]{0,20})?(?:{speech_verbs}|{speech_acts}|{speech_reports})")


def _chair(lex: Lexicons) -> re.Pattern[str]:
    """A chair's verb right after a person's name (主持)."""
    return _re(lex, "chair", r"^(?:{chair_verbs})")


def _study_span(lex: Lexicons) -> re.Pattern[str]:
    """传达学习A、B和C精神: the objects of one study verb, up to the 精神 that closes them."""
    return _re(lex, "study_span", r"(?:{study_verbs})(?P<objs>[^，。；！？\n]{2,90}?)(?:{spirit_qualifiers})?精神")


def _studied_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of [start, end) that a study verb governs (its objects, before 精神)."""
    spans = []
    more = _re(doc.lex, "study_span_more", r"(?:以及|和|、|及)(?P<objs>[^，。；！？\n]{2,90}?)(?:{spirit_qualifiers})?精神")
    for m in _study_span(doc.lex).finditer(doc.text, start, end):
        s, e = m.start("objs"), m.end("objs")
        # the list goes on after 精神: 学习了A讲话精神、B会议和C会议主要精神
        nxt = more.match(doc.text, m.end(), end)
        while nxt:
            e = nxt.end("objs")
            nxt = more.match(doc.text, nxt.end(), end)
        spans.append((s, e))
    return spans


def _in_studied_span(doc: Doc, x: Mention, spans: list[tuple[int, int]], pool: list[Mention]) -> bool:
    """x is one of the studied objects: inside a span, not nested in a longer name, not the venue of a
    speech (在X上的讲话)."""
    for s, e in spans:
        if s <= x.start and x.end <= e:
            if any(y is not x and y.start <= x.start and x.end <= y.end and (y.start, y.end) != (x.start, x.end) for y in pool):
                return False
            return not _re(doc.lex, "venue_after", r"(?:{venue_after})").match(doc.text, x.end)
    return False


def _studying_clause(doc: Doc, x: Mention) -> bool:
    """The clause that names document x opens with the meeting's study verb (会议还传达学习了中共中央办公厅、
    国务院办公厅印发的《…》): x is what it studied, however long the way to it."""
    clause = doc.text[doc.clause_start(x.start):x.start]
    return bool(_re(doc.lex, "studying_clause", r"^(?:{study_clause_leads})*(?:{study_verbs})").match(clause))


def _studied_discourse(doc: Doc, x: Mention) -> bool:
    """A named body of thought x is what the meeting studied: its clause opens with a verb of study, not of
    carrying out (专题学习…, 会议深入学习领会…; not 认真贯彻…), and no one in the sentence urges it (要学习…,
    希望…深入学习…, 他强调，…)."""
    lex = doc.lex
    s_start, _ = doc.sentence_at(x.start)
    clause_start = doc.clause_start(x.start)
    opens = _re(lex, "discourse_clause", r"(?:{study_clause_leads})*(?:{discourse_study_verbs})").match(doc.text, clause_start, x.start) \
        or _study_topic(doc, x, clause_start)
    return bool(opens) and not _re(lex, "urged", "{urging_words}").search(doc.text, s_start, x.start)


def _study_topic(doc: Doc, x: Mention, clause_start: int) -> bool:
    """围绕习近平总书记关于党的建设的重要思想进行专题学习研讨 (relations.studies.paragraph): x, a named body of thought
    or a document, is the topic the clause's study is about (围绕 opens the clause, a verb of study comes right
    after x): the meeting studies it."""
    lex = doc.lex
    return bool(_re(lex, "topic_lead", r"(?:{study_clause_leads})*(?:{study_topic_leads})$").match(doc.text[clause_start:x.start])) \
        and bool(_re(lex, "topic_study", r"(?:{topic_study_verbs})").match(doc.text, x.end))


def _venue_also_studied(doc: Doc, x: Mention, objects: list[Mention]) -> bool:
    """习近平总书记在中央农村工作会议上的重要讲话和会议精神: the meeting where the studied speech was given is
    studied too when its own spirit follows the speech (和会议精神)."""
    speech = next((y for y in objects if y.type == "Document" and y.start <= x.start and x.end <= y.end and y is not x), None)
    return speech is not None and bool(_re(doc.lex, "venue_spirit", r"[》”]?(?:{coordinators})(?:{venue_spirits})").match(doc.text, speech.end))


def _sits_here(doc: Doc, m: Mention, held_here: re.Pattern[str]) -> bool:
    """m is a meeting this text reports as sitting: described by its convening verb (召开…会议, …会议召开),
    or a name written with one (召开县委常委会第58次会议, 市委常委会会议在…举行); not a meeting named as what
    is studied (…会议精神) or spoken of (会议指出，市委常委会会议对…作出部署), which reports nothing of its own."""
    text = doc.text
    if text.startswith(("精神", "会议精神", "》精神"), m.end):
        return False
    if m.rule.startswith(("meeting.described", "meeting.subject")) or held_here.match(text, m.end):
        return True
    before = text[max(doc.clause_start(m.start), m.start - 8):m.start]
    return bool(_re(doc.lex, "convened_before", r"(?:{held_verbs})了?(?:{held_demonstratives})?$").search(before))


def _acts_re(lex: Lexicons) -> re.Pattern[str]:
    """What an organisation does when it adopts a formulation (江苏省委第一时间出台…, 市委印发…)."""
    return _re(lex, "acts", r"(?:\d{1,2}月\d{1,2}日|{act_times})?(?:{act_verbs})")


def _gov_titles(lex: Lexicons) -> dict[str, str]:
    """Government leaders' titles and their level: 常务副市长 → 市 (the character before 长)."""
    return {t: t[-2] for t in lex.ruleset("relations").words("gov_titles")}


def _acts(doc: Doc, o: Mention) -> bool:
    """An organisation that is the subject of its clause, right before what it does (江苏省委…出台)."""
    if o.type != "Organization" or o.label == "中国共产党":
        return False
    text = doc.text
    return not text[doc.clause_start(o.start):o.start].strip("　 0123456789月日上午下午近日日前") and bool(_acts_re(doc.lex).match(text, o.end))  # noqa: B005


# what may stand between an acting organisation and its verb: its organ, a time word (九郎山集团党委高度重视)
def _organ_or_time(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "organ_or_time", r"(?:{acting_organs})?(?:\d{1,2}月\d{1,2}日|{acting_times})?")


def _person_title(lex: Lexicons) -> re.Pattern[str]:
    """A title written right after a person's name (习近平主席, 李强总理, 王毅部长)."""
    return _re(lex, "person_title", r"(?:{speaker_titles}|{leader_titles})")


def _in_subject_position(doc: Doc, o: Mention) -> bool:
    """The organisation opens its clause and a verb follows (生命学院党委近日出台方案, 市政协高举…旗帜)."""
    text = doc.text
    if text[doc.clause_start(o.start):o.start].strip("　 0123456789年月日上午下午近日日前"):  # noqa: B005
        return False
    gap = _organ_or_time(doc.lex).match(text, o.end)
    pos = gap.end() if gap else o.end
    words = cut(text[pos:pos + 8], doc.lex)
    return bool(words) and (word_tag(words[0]).startswith("v") or words[0] in doc.lex.ruleset("relations").words("acting_starts"))


_HEADLINE_MAX = 40  # characters: a digest item's headline is one short line
_HEADLINE_PARAGRAPHS = 4  # headline, subtitles and site lines above the lead of a report
_HEADLINE = re.compile(r"[^。！？；：:]+(?<![。！？；：:”）)])")
_SENTENCE_END = re.compile(r"[。！？][”’）)]*$")
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》")


def _blank_quote(q: re.Match[str]) -> str:
    """A quoted span with its inside blanked (its punctuation is the title's, not the line's)."""
    return q.group()[0] + "　" * (len(q.group()) - 2) + q.group()[-1]


_SECTION = re.compile(r"[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]|第[一二三四五六七八九十]{1,3}[部章节篇]")


def digest_items(doc: Doc) -> list[int]:
    """Where each item after the first of a digest (快讯, a war report with its sub-stories) starts: at a
    headline, a short paragraph without closing punctuation between two paragraphs of sentences
    (民政部要求做好…保障 / 匈牙利官员：欧盟十国将用卢布结算俄天然气). A numbered section heading
    (一、…, （二）…) divides one report, not a digest, and a text of one story has no item boundary."""
    # punctuation inside a quoted or a book title is the title's (“红星照耀中国：从…走向…”网络主题宣传活动举行 is a
    # headline: relations.digest.quoted_headline)
    heads = [len(doc.text[s:e]) <= _HEADLINE_MAX and bool(_HEADLINE.fullmatch(_QUOTED.sub(_blank_quote, doc.text[s:e])))
             and not _SECTION.match(doc.text[s:e]) for s, e in doc.paragraphs]
    # the article's own title lines (one or several, above its first sentence) open no item
    body = [not h and bool(_SENTENCE_END.search(doc.text[s:e])) for h, (s, e) in zip(heads, doc.paragraphs)]
    return [s for i, (s, _) in enumerate(doc.paragraphs)
            if heads[i] and any(body[:i]) and i + 1 < len(body) and body[i + 1]]


_YEAR = re.compile(r"((?:19|20)\d{2})年")
# 今年4月，… / 4月，…: a month without its day, the way a feature dates what it recalls (a report dates its day)
_MONTH = re.compile(r"(?<![\d年])(?:(?:今年)?(\d{1,2})月)(?![\d一二三四五六七八九十]{1,3}[日号])|((?:19|20)\d{2})年(\d{1,2})月(?![\d]{1,2}[日号])")
# 先后7次主持召开…, 召开了三千多次的专题分析会, 三次座谈会: a count of sittings (第七次 numbers one; 一次 is 召开一次…会议)
_COUNT = re.compile(r"(?<![第\d一二三四五六七八九十百千])(?:\d+|[两二三四五六七八九十百千][一二三四五六七八九十百千]*)[多余]?次(?![会全])"
                    # 连续8年举办进博会, 连续三届: sittings counted by the years or editions they ran
                    r"|连续(?:\d+|[两二三四五六七八九十百千][一二三四五六七八九十百千]*)[多余]?(?:年|届)")


# 从创立双周协商座谈会到探索举办远程协商会: the ends of a range of kinds (not a date range: 从3日到5日)
_RANGE = re.compile(r"从(?![\d一二三四五六七八九十今明本上下去前])[^，。；！？]{2,30}?到")


def _recall_reason(doc: Doc, m: Mention, first: bool) -> str | None:
    """Why the meeting m is only named, not reported as sitting in this text: the id of the first cue
    found in the text before it, or None. A meeting only named (recalled in a feature or a speech,
    counted, looked forward to, congratulated on) is no setting: its holder speaks for none of the
    paragraphs after it, and what they say is not mentioned at it.

    * ``recall.year``: the sentence dates it in an earlier year than the article (2018年4月，党中央…召开…);
    * ``recall.year_before``: the sentence before it, in its paragraph, dates it so, and its own sentence has no date
      of its own (1938年11月，…。在杨家岭期间，我们党召开了…);
    * ``recall.month``: it dates it by a month without a day, before the article's month (今年4月，…主持召开…);
    * ``recall.strong`` / ``recall.first``: the first in history (召开党的历史上第一次…), or, after another meeting,
      the first of its kind (党中央首次召开人大工作会议);
    * ``recall.span``: the sentence opens with a stretch of time up to now (党的十八大以来，…召开; 十年来，…);
    * ``recall.adverb``: its clause tells of repeated or earlier sittings (先后主持召开, 多次召开, 此前举行了);
    * ``recall.count``: its clause or its name counts sittings (先后7次主持召开…, 三次座谈会, 连续8年举办…);
    * ``recall.range``: it is an end of a range of kinds (从创立双周协商座谈会到探索举办远程协商会: formats, no sitting);
    * ``recall.future``: it is looked forward to (将于…召开, 支持…主持召开, 提请…召开, 即将召开的…, …召开在即);
    * ``recall.congratulated``: it is congratulated on (祝贺…成功举办…, 祝贺…会议在…召开): held by others, elsewhere;
    * ``recall.after``: it is the time the report starts from (党代会召开后，…; 全会闭幕以来): it sat before.
    """
    text, words = doc.text, doc.lex.ruleset("relations").words
    c_start = doc.clause_start(m.start)
    clause = text[c_start:m.start]
    s_start, _ = doc.sentence_at(m.start)
    before = text[s_start:m.start]
    year = _YEAR.search(text, s_start, m.start)
    art_year = int(doc.article.date[:4]) if doc.article.date[:4].isdigit() else None
    if year and art_year is not None and int(year.group(1)) < art_year:
        return "recall.year"
    # a date of the sentence's own (今天, 29日, 近日): what it reports sits now, whatever the sentences before recall
    own_date = _re(doc.lex, "own_date", r"\d{1,2}[日号]|{own_dates}")
    if art_year is not None and not own_date.search(before):
        # 1938年11月，中共中央机关迁到杨家岭。在杨家岭期间，我们党召开了…: dated by the sentence before, in its paragraph
        p_start, _ = doc.paragraph_at(m.start)
        prev = doc.sentence_at(s_start - 1) if s_start > p_start else None
        if prev is not None and prev[0] >= p_start:
            years = [int(y) for y in _YEAR.findall(text, prev[0], prev[1])]
            if years and max(years) < art_year and not own_date.search(text, prev[0], prev[1]):
                return "recall.year_before"
    if art_year is not None and doc.article.date[5:7].isdigit():
        for mo in _MONTH.finditer(before):
            y = int(mo.group(2)) if mo.group(2) else art_year
            month = int(mo.group(1) or mo.group(3))
            if (y, month) < (art_year, int(doc.article.date[5:7])):
                return "recall.month"
    if any(c in clause for c in words("recall_cues_strong")):
        return "recall.strong"
    if not first and any(c in clause for c in words("recall_cues")):
        return "recall.first"
    if _re(doc.lex, "recall_span", r"(?:{recall_spans})[，,]").search(before):
        return "recall.span"
    # 县总工会、县妇联先后召开党组会议: after bodies enumerated, 先后 tells that each sat in turn (meeting.described.each)
    distributive = doc.lex.ruleset("meeting").words("distributive_adverbs") if m.attrs.get("each_of") else ()
    if any(c in clause and c not in distributive for c in words("recall_adverbs")):
        return "recall.adverb"
    if _COUNT.search(clause) or _COUNT.match(m.surface):
        return "recall.count"
    if _RANGE.search(clause) or ("从" in clause and text.startswith("到", m.end)):
        return "recall.range"
    # 县计划生育协会召开…: a cue that is a word of an organisation's name is no cue of the clause
    names = [(o.start - c_start, o.end - c_start) for o in doc.touching("Organization", c_start, m.start)]
    future = next((f for f in _re(doc.lex, "future_before", r"(?:{future_cues})[^，。；！？]{0,30}(?:{held_verbs}|举办|主持召开)").finditer(clause)
                   if not any(a <= f.start() < b for a, b in names)), None)
    if future is not None \
            or _re(doc.lex, "future_after", r"(?:即将|将于[^，。；]{0,12}|将在[^，。；]{0,12})(?:{held_verbs}|举办)|(?:{held_verbs})在即").match(text, m.end):
        return "recall.future"
    if any(c in clause for c in words("congratulation_cues")):
        return "recall.congratulated"
    if _re(doc.lex, "held_after", r"(?:胜利|顺利)?(?:{held_verbs}|闭幕)(?:{after_words})").match(text, m.end):
        return "recall.after"
    return None


def _recalled(doc: Doc, m: Mention, first: bool) -> bool:
    """The meeting is only named or recalled, not reported as sitting here (:func:`_recall_reason`)."""
    return _recall_reason(doc, m, first) is not None


# between a body and its leader's title: its party organ, a seat in it, a deputy's 副 (交通运输部党组成员、副部长X)
_TITLE_GAP = re.compile(r"(?:党组|党委|党工委)?(?:成员、|书记、|副书记、)?(?:常务)?副?")


def speaker_orgs(doc: Doc) -> dict[str, Mention]:
    """Person label → the organisation the title right before the name belongs to (市委书记X → 市委; a deputy
    speaks for it too: 交通运输部副部长X → 交通运输部)."""
    out: dict[str, Mention] = {}
    orgs = doc.of_type("Organization")
    for p in sorted(doc.of_type("Person"), key=lambda m: m.start):
        before = doc.text[max(0, p.start - 8):p.start]
        m = _re(doc.lex, "title_before", r"(?P<title>{leader_titles})$").search(before)
        if not m:
            continue
        title_start = p.start - len(m.group("title"))
        org = None
        gov_titles = _gov_titles(doc.lex)
        if m.group("title") in gov_titles:
            lvl = gov_titles[m.group("title")]
            org = next((o for o in orgs if o.attrs.get("kind") == "gov" and o.attrs.get("level") == lvl), None)
        else:
            org = next((o for o in orgs if title_start - 8 <= o.end <= title_start
                        and _TITLE_GAP.fullmatch(doc.text[o.end:title_start])), None)
        # 省委书记、省人大常委会主任石宗源: of a chain of posts the first one, the party's, is whose voice he is
        while org is not None and doc.text[org.start - 1:org.start] == "、":
            prev = _re(doc.lex, "title_before", r"(?P<title>{leader_titles})$").search(doc.text[max(0, org.start - 9):org.start - 1])
            if not prev:
                break
            t_start = org.start - 1 - len(prev.group("title"))
            first = next((o for o in orgs if t_start - 8 <= o.end <= t_start
                          and _TITLE_GAP.fullmatch(doc.text[o.end:t_start])), None)
            if first is None or first is org:
                break
            org = first
        if org is not None and org.attrs.get("kind") != "national":
            # a national body in a leader's title (中共中央总书记) is not the voice of every speech he gives
            out.setdefault(p.label, org)
    return out


def report_authors(doc: Doc) -> dict[str, Mention]:
    """Person label → the body whose report he presents, where the text says so (rule
    relations.promotes.report_author): X在B（工作）报告中指出/表示 names B as the report's author, so X speaks for
    B wherever he goes on to speak (X在报告中表示, X回顾了…). A report presented at another body's meeting
    (最高人民法院院长X在最高人民法院工作报告中指出 at the NPC's plenary) is addressed to that body, not stated by it;
    the title before the name need not be a leader's title of the lexicons, and the body may be national."""
    out: dict[str, Mention] = {}
    pattern = _re(doc.lex, "report_author", r"在(?P<what>[^，。；！？\n]{2,24}?)报告中(?:{speech_verbs})")
    for p in sorted(doc.of_type("Person"), key=lambda m: m.start):
        m = pattern.match(doc.text, p.end)
        if m is None:
            continue
        body = next((o for o in doc.touching("Organization", m.start("what"), m.end("what"))
                     if o.start == m.start("what") and o.end <= m.end("what")), None)
        if body is not None:
            out.setdefault(p.label, body)
    return out


def _place_acts(doc: Doc, x: Mention, subject: Mention) -> bool:
    """x is in a clause of its own place (上海…；深圳实行…，启动全市全员“七天三检”核酸检测；吉林加快…): a place
    other than the subject's own opens the sentence or its ；-part and acts, so the measure is that place's,
    not what the paragraph's organisation calls for."""
    text = doc.text
    s_start, _ = doc.sentence_at(x.start)
    part = max(s_start, text.rfind("；", s_start, x.start) + 1)
    place = next((p for p in doc.touching("Place", part, part + 1) if p.start == part), None)
    if place is None or place.label == subject.attrs.get("place") or place.label in subject.label \
            or any(n and n in subject.label for n in (place.surface, *place.aliases)):
        return False  # 徐州要…, in the report of 徐州市委: the subject's own place speaks for it
    words = cut(text[place.end:place.end + 8], doc.lex)
    return bool(words) and word_tag(words[0]).startswith("v")


def subject_scope(doc: Doc, subject: Mention, item_starts: list[int]) -> Callable[[int], bool]:
    """Where the report subject speaks when no meeting is the setting (rule ``relations.report_subject.lead``):
    throughout a digest item whose lead (its headline and first paragraph of sentences) names it, or, for the
    article's first item, whose title does; elsewhere only in the paragraphs that name it. A body the text
    first names deep in its course (a company in a province's feature, a trade partner in the customs figures,
    the WTO in a leader's life story) is not what the report is about: it states only what its own paragraphs say."""
    names = tuple(n for n in {subject.label, subject.surface, *subject.aliases} if len(n) >= 2)
    named = {doc.paragraph_at(o.start)[0] for o in doc.of_type("Organization") if o.label == subject.label}
    bounds = [0, *item_starts]
    whole: set[int] = {0} if any(n in doc.article.title for n in names) else set()
    for k, start in enumerate(bounds):
        end = bounds[k + 1] if k + 1 < len(bounds) else len(doc.text)
        for s, e in doc.paragraphs:
            if s < start or s >= end:
                continue
            if s in named or any(n in doc.text[s:e] for n in names):  # written inside a longer name too (…江苏代表团审议)
                whole.add(k)
            if _SENTENCE_END.search(doc.text[s:e]):
                break  # the item's first paragraph of sentences closes its lead

    def speaks(pos: int) -> bool:
        return bisect_right(item_starts, pos) in whole or doc.paragraph_at(pos)[0] in named

    return speaks


def speech_end(doc: Doc, p_index: int, speaker: str, names: tuple[str, ...], item_starts: list[int]) -> int:
    """Where the speech that starts in paragraph p_index ends (rule ``relations.report_subject.speech_goes_on``):
    a leader's speech goes on through the paragraphs after it that open with no one else (第一，加大相互支持。… /
    要走和平发展之路。… / 习近平建议重点推进以下工作。…), up to one that opens with another named person, an
    organisation or a place, or with the report's subject, or the next digest item."""
    end = doc.paragraphs[p_index][1]
    for s, e in doc.paragraphs[p_index + 1:]:
        if s in item_starts or doc.text.startswith(names, s) \
                or any(m.start == s and m.label != speaker for t in ("Person", "Organization", "Place") for m in doc.touching(t, s, s + 1)):
            break
        end = max(end, e)
    return end


_PLACE_LEVELS = "省市县区"  # the level a place's name may be written with (河西省) when its mention is the bare name


def other_actor(doc: Doc, pos: int, subject: Mention, own: dict[str, Mention], members: frozenset[str] = frozenset()) -> bool:
    """A clause before pos in its sentence (or its ；-part) opens with someone else who acts (rule
    ``relations.report_subject.other_actor``): a place other than the subject's own, an organisation other than
    the subject, or a person who is not its leader, right before a verb (落实总书记要求，黑龙江深入实施“…”战略;
    合肥高新区依托高校开展“…”; 习近平走进展馆，依次参观了…). What that actor does is its own, not what the
    report's subject states."""
    text = doc.text
    s_start, _ = doc.sentence_at(pos)
    part = max(s_start, text.rfind("；", s_start, pos) + 1)
    opens = [part] + [i + 1 for i in range(part, pos) if text[i] == "，"]
    names = {subject.label, subject.surface, *subject.aliases}
    own_names = tuple(n for n in names if n)
    other = False
    for c in opens:
        if text.startswith(own_names, c):
            other = False  # …，退役军人事务部副部长X介绍了…: the subject acts again in a later clause
            continue
        if _opens_with_actor(doc, c, pos, subject, names, own, members):
            other = True
    return other


def _opens_with_actor(doc: Doc, c: int, pos: int, subject: Mention, names: set[str], own: dict[str, Mention], members: frozenset[str]) -> bool:
    """The clause at c opens with a place, organisation or person other than the subject, right before a verb."""
    text = doc.text
    for t in ("Place", "Organization", "Person"):
        for m in doc.touching(t, c, c + 1):
            if m.start != c or m.end > pos:
                continue
            if t == "Place" and (m.label == subject.attrs.get("place") or any(n and n in subject.label for n in (m.label, m.surface, *m.aliases))):
                continue  # 徐州要…, in the report of 徐州市委: the subject's own place
            if t == "Organization" and (m.label == subject.label or m.label in subject.label or subject.label in m.label
                                        or any(n and n in m.surface for n in names)):
                continue
            if t == "Person" and ((own.get(m.label) is not None and own[m.label].label == subject.label) or m.label in members):
                continue  # the subject's own leader, official or member
            after = m.end + (t == "Place" and text[m.end:m.end + 1] in _PLACE_LEVELS)  # 河西省深入实施…
            gap = _organ_or_time(doc.lex).match(text, after)
            after = gap.end() if gap else after
            if t == "Person":
                # relations.report_subject.other_actor.titled: 习近平主席着眼…, 习近平总书记亲自谋划…: the title written
                # after a person's name, and an adverb before his verb, still open what he does
                title = _person_title(doc.lex).match(text, after)
                after = title.end() if title else after
            words = cut(text[after:after + 8], doc.lex)
            if words and (word_tag(words[0]).startswith("v") or words[0] in doc.lex.ruleset("relations").words("acting_starts")
                          or (t == "Person" and word_tag(words[0]) == "d")):
                return True
    return False


def _other_subject_studies(doc: Doc, x: Mention) -> bool:
    """relations.studies.other_subject: the sentence (or what the meeting says in it: 会议指出，…) opens with a
    demonstrative subject other than a meeting (这次推动高质量发展综合督查，围绕深入贯彻落实…精神，…; meeting/words.tsv
    demonstratives), and x comes after it: what that subject implemented, not what the meeting studies. A
    demonstrative meeting (此次全会，…; 这次会议…; 本次研讨会设…) is the meeting itself and keeps the relation."""
    text = doc.text
    s_start, _ = doc.sentence_at(x.start)
    said = _re(doc.lex, "meeting_says", r"(?:会议|会上)?(?:{speech_verbs})[，：:]").match(text, s_start)
    start = said.end() if said else s_start
    demonstratives = [w for w in doc.lex.ruleset("meeting").words("demonstratives") if len(w) == 2 and w.endswith("次")]
    lead = next((w for w in demonstratives if text.startswith(w, start)), "")
    if not lead:
        return False
    comma = text.find("，", start, x.start)
    if comma < 0:
        return False
    subject = text[start + len(lead):comma]
    types = meeting_types(doc.lex)
    # 本次研讨会设…分论坛，…: a subject that opens with a meeting's name is the meeting itself
    opens_meeting = any(subject[:k].endswith(types) for k in range(2, min(len(subject), 10) + 1))
    return 2 <= len(subject) <= 24 and not opens_meeting and not doc.covered(start, comma, "Meeting")


def _agenda_titles(doc: Doc, p_start: int, p_end: int) -> list[tuple[int, int]]:
    """relations.mentions.agenda_title: the spans of report and bill titles a meeting hears or reviews in
    [p_start, p_end) (审议国务院关于应对气候变化和碳达峰碳中和工作情况的报告, 听取…关于…的汇报): a formulation in such a
    title names the report's topic; the meeting that lists it on its agenda neither mentions nor promotes it."""
    text = doc.text
    if "关于" not in text[p_start:p_end]:
        return []
    title = _re(doc.lex, "agenda_title", r"关于[^，。；：！？《》\n]{2,60}?(?:{agenda_title_heads})")
    hears = _re(doc.lex, "agenda_verbs", r"(?:{agenda_verbs})")
    spans = []
    for m in title.finditer(text, p_start, p_end):
        s_start, _ = doc.sentence_at(m.start())
        if hears.search(text, s_start, m.start()):
            spans.append((m.start(), m.end()))
    return spans


def _opening_actor(doc: Doc, p_start: int) -> Mention | None:
    """The place or organisation that opens the paragraph at p_start (内蒙古举办…), if one does."""
    return next((m for t in ("Organization", "Place") for m in doc.touching(t, p_start, p_start + 1) if m.start == p_start), None)


def hosts_only(doc: Doc, meeting: Mention) -> bool:
    """The meeting is a press event (rule ``relations.promotes.press_host``: 新闻发布会, 吹风会, 中外记者见面会,
    记者会): its holder invites the ones who speak there (a ministry's officials, representatives, a minister
    answering questions) and only hosts. What is said at it is theirs, not the holder's."""
    return meeting.label.endswith(doc.lex.ruleset("relations").words("press_events"))


def honours_holder(doc: Doc, meeting: Mention, holder: Mention | None) -> bool:
    """Rule ``relations.promotes.honoured_host``: the meeting celebrates its holder's founding (中央党校建校90周年庆祝大会,
    庆祝中国共产主义青年团成立100周年大会: the holder's name, then 成立/建校/创刊…N周年). The leaders and guests who
    speak there speak to the holder, as the sender of a message does; like the host of a press event, it promotes only
    in the clauses it opens itself (its own leader, named with its title, still speaks for it)."""
    if holder is None:
        return False
    names = tuple(n for n in {holder.label, holder.surface, *holder.aliases} if n)
    founding = _re(doc.lex, "founding", r"(?:{founding_words})[\d一二三四五六七八九十百]+周年")
    return any(meeting.label[:f.start()].endswith(names) for f in founding.finditer(meeting.label))


# 央视网消息（新闻联播）：, the source line before a lead (empty when there is none)
_DATELINE = re.compile(r"(?:[^，。：]{0,16}：)?\s*")


def report_genre(doc: Doc) -> str | None:
    """What the lead paragraph says the text is, when it is no report of a sitting: ``"account"`` for one person's account,
    a signed article (…发表题为《…》的署名文章。文章全文如下：; rule ``relations.setting.signed_article``) or a minister's
    briefing on a leader's trip (…王毅向随行记者介绍此访情况; rule ``relations.setting.trip_briefing``): its author speaks
    throughout, no meeting it names is a setting and no body named in it is the report's subject; or ``"feature"`` for a
    feature that opens by quoting the General Secretary without a date or an occasion (习近平总书记指出，…) or that
    announces an episode of a series report (rule ``relations.setting.feature``: the meetings it recalls, 在中央财经委员会
    第七次会议上，习近平总书记强调，…, state what their own paragraph says of them, not the feature's narration in the
    paragraphs after)."""
    # the first paragraph with more than a dateline (央视网消息（新闻联播）： alone on its line)
    lead = next((t for t in (doc.text[s:e].strip() for s, e in doc.paragraphs) if t and not _DATELINE.fullmatch(t)), "")
    words = doc.lex.ruleset("relations").words
    if any(c in lead for c in (*words("signed_article_cues"), *words("briefing_cues"))):
        return "account"
    opens = _re(doc.lex, "feature_lead", r"(?:{feature_speakers})(?:{feature_verbs})[，：]")
    source = _DATELINE.match(lead)
    if opens.match(lead, source.end() if source else 0) or any(c in lead for c in words("series_cues")):
        return "feature"
    return None


def opened_by(doc: Doc, pos: int, org: Mention) -> bool:
    """The clause of pos opens with org's own name (一年来，全国政协聚焦…): there the host of a press event
    speaks for itself, though not in the name of a press event (its topic, 国务院新闻办公室举行“…”中外记者见面会,
    is the speakers'), nor in a later clause of the sentence that convenes it (…举行吹风会，商务部有关负责人表示…)."""
    text = doc.text
    if any(m.start <= pos < m.end and hosts_only(doc, m) for m in doc.touching("Meeting", pos, pos + 1)):
        return False
    s_start, _ = doc.sentence_at(pos)
    clause = max(s_start, text.rfind("；", s_start, pos) + 1, text.rfind("，", s_start, pos) + 1)
    names = tuple(n for n in {org.label, org.surface, *org.aliases} if n)
    return text.startswith(names, clause)


def _plenum_sits(doc: Doc, m: Mention, held_here: re.Pattern[str]) -> bool:
    """Rule ``relations.setting.plenum_sits``: a local plenary session that is the subject of its own sitting
    (中国共产党东海县第十五届委员会第九次全体会议11月20日召开。全会深入学习贯彻…) is the meeting the article reports:
    the committee whose plenum it is holds it and speaks in the paragraphs that report it (全会指出/强调…). One that
    sat before the report (县委全会召开后，…) is recalled (recall.after), not reported."""
    return m.rule in ("meeting.plenum.local", "meeting.plenum.league_local", "meeting.plenum.body", "meeting.plenum.body_between") and bool(m.attrs.get("body")) \
        and held_here.match(doc.text, m.end) is not None


def _each_own_paragraph(doc: Doc, p_start: int, described: list[Mention], current: Mention) -> list[Mention]:
    """Rule ``relations.setting.each_paragraph``: after 县总工会、县妇联先后召开党组会议 (one sitting each,
    meeting.described.each), a paragraph that opens with one of those bodies (县妇联党组书记王芳在会上要求…,
    县妇联强调…) reports that body's own sitting: it is the setting there, not the first body's."""
    for o in doc.touching("Organization", p_start, p_start + 1):
        if o.start != p_start:
            continue
        own = [m for m in described if m.attrs.get("each_of") and m.attrs.get("holder") == o.label and m.start < p_start]
        if own and own[-1] is not current:
            return own[-1:]
    return []


def opens_for_another(doc: Doc, p_start: int, p_end: int, holder: Mention, setting_start: int) -> bool:
    """The paragraph opens with a place or an organisation other than the meeting's holder, right before a verb
    that is not a directive (rule ``relations.setting.other_opens``): in a roundup (北京市委…召开会议，…。/
    吉林坚持边学习、边查摆… / 云南将学习教育与…结合起来) each paragraph reports its own actor, so the meeting of an
    earlier paragraph is no longer the setting. The meeting goes on after a directive (省政府要…, 各市必须…: what
    it asks of that body), an official of that body (商务部有关负责人表示…: one who speaks at it) and an actor
    already named since the meeting's own paragraph (会议听取了宪法和法律委员会…的报告。/ 宪法和法律委员会认为…:
    a participant)."""
    text, lex = doc.text, doc.lex
    names = {holder.label, holder.surface, *holder.aliases}
    words_of = lex.ruleset("relations").words
    for t in ("Place", "Organization"):
        for m in doc.touching(t, p_start, p_start + 1):
            if m.start != p_start or m.end >= p_end:
                continue
            if any(y.label == m.label and setting_start <= y.start < p_start for y in doc.of_type(t)):
                continue  # a participant of the meeting, named in its report before
            if t == "Place" and (m.label == holder.attrs.get("place") or any(n and n in holder.label for n in (m.label, m.surface, *m.aliases))):
                continue  # 北京要…, in the report of 北京市委: the holder's own place
            if t == "Organization" and (m.label == holder.label or m.label in holder.label or holder.label in m.label
                                        or any(n and n in m.surface for n in names)):
                continue
            clause_end = min((i for i in (text.find(c, m.end, p_end) for c in "，。；：") if i >= 0), default=p_end)
            if any(m.end <= q.start < clause_end for q in doc.touching("Person", m.end, clause_end)):
                continue  # 专项行动领导小组组长、市纪委副书记张某出席…: the body is a person's title, the person acts
            after = m.end + (t == "Place" and text[m.end:m.end + 1] in _PLACE_LEVELS)  # 河北省细化…
            gap = _organ_or_time(lex).match(text, after)
            after = gap.end() if gap else after
            if text.startswith(words_of("official_heads"), after):
                continue  # 国家体育总局相关负责人表示…: its official speaks at the meeting
            words = cut(text[after:after + 8], lex)
            if not words or words[0] in words_of("directive_modals"):
                continue
            # its own predicate: a verb, or an adverb or preposition that opens one (中央宣传部把…作为…, 吉林还…)
            if word_tag(words[0])[:1] in ("v", "d", "p") or words[0] in words_of("acting_starts"):
                return True
    return False


class GuestVoice:
    """Who speaks as a guest at the meeting of a body the lexicons do not know (rule
    ``relations.promotes.guest_speaker``): an international organisation, a foreign or a bilateral body found by
    the name recogniser (亚太经合组织, 二十国集团, 中南国家双边委员会), or a body written in a form the lexicons
    lack (统战部, 联谊会), which has no kind to say whose leaders speak for it. A person who speaks there (习近平强调，… /
    李强在讲话中表示，…) and is none of its own (not a leader whose title names a body: :func:`speaker_orgs`, not
    one who chairs a meeting of the text, not one introduced by the holder's name or sitting in its deliberation)
    speaks for himself and his own state: the body that hosts the summit does not promote what he says, from
    where he speaks through the paragraphs that go on with his speech (:func:`speech_end`). The meetings of the
    party's, the state's and the mass organisations' bodies keep their holder's voice (a national leader at a
    Politburo meeting, a provincial secretary at a provincial congress)."""

    def __init__(self, doc: Doc, speakers: dict[str, Mention], item_starts: list[int]) -> None:
        self.doc, self.speakers, self.item_starts = doc, speakers, item_starts
        self.until = -1  # where the speech of the last guest ends
        lex, text = doc.lex, doc.text
        self.voice = _voice_after(lex)
        chair = _chair(lex)
        persons = doc.of_type("Person")
        self.chairs = {p.label for p in persons if chair.match(text[p.end:p.end + 4])}
        self.joins = _re(lex, "joins_sitting_after", r"[^，。；]{0,30}?(?:{member_joins})(?P<what>[^，。；]{2,36}?)(?:{member_sittings})")

    def _own(self, p: Mention, holder: Mention) -> bool:
        if p.label in self.chairs:
            return True
        text = self.doc.text
        names = tuple(n for n in {holder.label, holder.surface, *holder.aliases} if n)
        for y in self.doc.of_type("Person"):
            if y.label != p.label:
                continue
            if any(n in text[max(self.doc.clause_start(y.start), y.start - 16):y.start] for n in names):
                return True  # introduced by the holder's name (市政协委员X, 江苏代表团代表X)
            joins = self.joins.match(text, y.end)
            if joins and any(n in joins.group("what") for n in names):
                return True  # 习近平参加内蒙古代表团审议: he sits in the holder's own deliberation as its member
        return False

    def addressed_from(self, p_index: int, persons: list[Mention], holder: Mention | None) -> int:
        """relations.promotes.addressed_holder: where, in paragraph p_index, a person who is none of the holder's
        own speaks and tells the holder what to do (丁某强调，在新时代新征程上，中国工程院要…): from his name to the
        paragraph's end the words are said to the holder, which does not promote them (-1: nowhere). Only a speech
        that names the holder with a directive after it (``directive_modals``: 要, 应, 必须) is so read; a speech
        that does not address it keeps the holder's voice, as before."""
        if holder is None:
            return -1
        doc, text = self.doc, self.doc.text
        p_start, p_end = doc.paragraphs[p_index]
        names = tuple(n for n in {holder.label, holder.surface, *holder.aliases} if n)
        modals = doc.lex.ruleset("relations").words("directive_modals")
        directive: re.Pattern[str] | None = None  # compiled for the first speaker who may address the holder
        for p in persons:
            if not self.voice.match(text, p.end) or self._own(p, holder):
                continue
            own = self.speakers.get(p.label)
            if own is not None and own.label == holder.label:
                continue  # the holder's own leader (市委书记X强调，市委要…) speaks for it
            if directive is None:
                directive = re.compile("(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + ")(?:"
                                       + "|".join(map(re.escape, modals)) + ")")
            if directive.search(text, p.end, p_end):
                return p.start
        return -1

    def opens(self, p_index: int, persons: list[Mention], holder: Mention | None, meeting: Mention) -> list[int]:
        """Where guests start to speak in paragraph p_index, in order; a guest's speech carried on from an
        earlier paragraph counts as starting at the paragraph's first character."""
        p_start = self.doc.paragraphs[p_index][0]
        out = [p_start] if self.until > p_start else []
        if holder is None or holder.attrs.get("kind"):
            return out  # a Chinese body of the lexicons: its meetings' speakers are its leaders and members
        for p in persons:
            if p.label in self.speakers or (p.start < meeting.start and p_start <= meeting.start) or not self.voice.match(self.doc.text, p.end):
                continue  # a titled leader (speaker_orgs), one named before the meeting in its own paragraph, one who does not speak
            if self._own(p, holder):
                continue
            out.append(p.start)
            names = tuple(n for n in {holder.label, holder.surface, *holder.aliases} if n)
            self.until = max(self.until, speech_end(self.doc, p_index, p.label, names, self.item_starts))
        return sorted(out)


def _team_sitting(lex: Lexicons, rest: str) -> bool:
    """The meeting's name goes on from its holder's name to a team the holder sent before the sitting's own words
    (全国人大常委会 + 种子法执法检查组 + 第一次全体会议; team_heads: 检查组, 调研组, 督导组…): the team holds the sitting,
    and the body that sent it is one level up. (relations.held_by.team_sitting)

    A team is no standing organ of the body (its 常委会, 党组, 委员会 sit for it: 中国致公党…中央委员会第三次全体会议 is the
    party's); it is formed for one task and meets as itself, so heldBy the body that formed it states a holder the
    text does not."""
    return _re(lex, "team_sitting", r"^[^，。；：！？\n]{0,24}?(?:{team_heads})").search(rest) is not None


def behalf_speakers(doc: Doc) -> dict[str, Mention]:
    """Person label → the body he speaks for where the text says so (rule ``relations.promotes.on_behalf``):
    丁某代表党中央、国务院致词, 赵某出席开幕会并代表中共中央致贺词. A guest who addresses another body's congress
    on behalf of his own speaks its words, wherever he goes on to speak (丁某在致词中表示，… / 丁某强调，…): the
    congress that hears him does not promote them. Of a list of bodies (代表A、B和C) the first is the voice."""
    out: dict[str, Mention] = {}
    pattern = _re(doc.lex, "behalf", r"[^，。；！？\n]{0,16}?代表(?P<what>[^，。；！？\n]{2,60}?)(?:{behalf_acts})")
    for p in sorted(doc.of_type("Person"), key=lambda m: m.start):
        m = pattern.match(doc.text, p.end)
        if m is None:
            continue
        body = next((o for o in sorted(doc.touching("Organization", m.start("what"), m.end("what")), key=lambda o: o.start)
                     if m.start("what") <= o.start and o.end <= m.end("what")), None)
        if body is not None:
            out.setdefault(p.label, body)
    return out


def wish_spans(doc: Doc, p_start: int, p_end: int, holder: Mention) -> list[tuple[int, int]]:
    """relations.promotes.wished_holder: 希望民建深入学习…, 希望江苏继续…: a wish whose object is the holder (its
    name, a short name the text gives it, or its place) is said to the holder by another, a congratulatory message
    or a visiting leader; no body wishes itself to do what it calls for. From the wish to its sentence's end the
    holder does not promote what is wished (a wish to others, 希望广大妇女…, stays the holder's own call)."""
    text = doc.text
    wished = _re(doc.lex, "wish_verbs", r"(?:{wish_verbs})")
    place = str(holder.attrs.get("place") or "")
    written = tuple(n for n in {holder.label, holder.surface, *holder.aliases, *_party_short_names(doc.lex, holder.label)} if n)
    spans = []
    for w in wished.finditer(text, p_start, p_end):
        at = w.end()
        names = text.startswith(written, at) or any(o.start == at and o.label == holder.label for o in doc.touching("Organization", at, at + 1))
        places = bool(place) and any(pl.start == at and pl.label == place for pl in doc.touching("Place", at, at + 1))
        if names or places:
            spans.append((w.start(), doc.sentence_at(w.start())[1]))
    return spans


@cache
def _party_short_names(lex: Lexicons, label: str) -> tuple[str, ...]:
    """The short names of a democratic party (民建 for 中国民主建国会, democratic_parties.tsv), which the text writes
    bare where it addresses the party (希望民建…) and the organisation component reads only before 中央/a place."""
    return tuple(r["short"] for r in lex.read_tsv("democratic_parties.tsv") if r["full"] == label)


def message_spans(doc: Doc) -> list[tuple[int, int]]:
    """Where a message speaks (rule ``relations.message_voice``): from a sentence that opens with a letter,
    a congratulatory message or a telegram as the one who states (贺词强调，… / 习近平在贺信中指出，… / 复信说，…)
    to the end of its paragraph. Those are the sender's words, addressed to the body whose meeting reads
    them or that receives them: that body does not promote what they say."""
    opener = _re(doc.lex, "message_opens", r"(?:[^，。；：！？\n]{0,24}?在)?(?:[^，。；：！？\n]{0,12}的)?(?:{message_nouns})(?:中|里)?(?:{speech_verbs})")
    spans = []
    for s, _ in doc.sentences:
        if opener.match(doc.text, s):
            spans.append((s, doc.paragraph_at(s)[1]))
    return spans


class RelationExtractor:
    name = "relations"
    requires: tuple[str, ...] = ("Organization", "Meeting", "PolicySlogan", "Person", "Place", "Document", "Theory", "context")
    assigns: tuple[str, ...] = ("relations",)

    def __call__(self, doc: Doc) -> None:
        text, lex = doc.text, doc.lex
        orgs = {m.label: m for m in doc.of_type("Organization")}
        meetings = sorted(doc.of_type("Meeting"), key=lambda m: m.start)
        rels: list[Relation] = []

        def add(pred: str, s: Mention, o: Mention, pos: int, rule: str) -> None:
            if s.key != o.key:
                rels.append(Relation(pred, s.key, o.key, doc.evidence(doc.sentence_at(pos)), rule=rule))

        # heldBy: described meetings (holder found by the meeting extractor) and plenums (their body)
        for m in meetings:
            holder = m.attrs.get("holder") or m.attrs.get("body")
            if holder and m.label.startswith(holder) and _team_sitting(lex, m.label[len(holder):]):
                continue  # relations.held_by.team_sitting: 全国人大常委会…执法检查组第一次全体会议 is the team's, not the committee's
            if holder and holder in orgs:
                add("heldBy", m, orgs[holder], m.start, "relations.held_by.in_name" if m.rule == "meeting.studied" else "relations.held_by.holder")
                for co in m.attrs.get("co_holders", ()):
                    if co in orgs:  # 县科协、县妇联联合召开…: every body that convenes it
                        add("heldBy", m, orgs[co], m.start, "relations.held_by.co_holder")
        # a meeting named for what it studies: 学习贯彻十七大精神领导干部大会, 十七届五中全会精神报告会
        for m in meetings:
            for y in doc.touching("Meeting", m.start, m.end) + doc.touching("Document", m.start, m.end):
                if m.start <= y.start and y.end < m.end and y is not m and re.match(r"[》”]?精神", text[y.end:m.end]):
                    add("studies", m, y, y.start, "relations.studies.in_name")
        # paragraph structure
        speakers = speaker_orgs(doc)
        authors = report_authors(doc)
        behalf = behalf_speakers(doc)
        # a meeting named only as the venue of a speech (在中央政治局第四次集体学习时的讲话) reports nothing here
        # a described meeting whose holder is not named (中国联合召开党委会) still reports what it studied
        # …and a named meeting that is the subject of its own sitting (中央农村工作会议29日至30日在北京召开, 中央经济工作会议
        # 12月15日至16日在北京举行)
        held_here = _re(lex, "held_here", r"(?:(?:\d{1,2}月)?\d{1,2}日(?:至\d{1,2}日)?|{held_times})?(?:在[^，。；！？\n]{1,16})?(?:{held_verbs})")
        described = [m for m in meetings if (m.attrs.get("holder") or m.rule in ("meeting.described", "meeting.subject", "meeting.described.session_sitting")
                                             or (m.rule == "meeting.named" and held_here.match(text, m.end))
                                             or _plenum_sits(doc, m, held_here))
                     and not m.attrs.get("venue")]
        # a meeting recalled as a milestone (2018年4月，党中央第一次召开…) is history, not the report's subject
        described = [m for i, m in enumerate(described) if not _recalled(doc, m, first=i == 0)]
        genre = report_genre(doc)
        if genre == "account":
            described = []  # relations.setting.signed_article / trip_briefing: one person's account reports no sitting
        cur_meeting: Mention | None = None
        cur_org: Mention | None = None
        item_starts = digest_items(doc)

        def item_of(pos: int) -> int:
            return bisect_right(item_starts, pos)
        # no meeting with a named holder: the article's own subject speaks (and holds what is unnamed)
        # (an account has no report subject: the body it names most is one its author tells about)
        fallback = None if genre == "account" or any(m.attrs.get("holder") for m in described) else self._report_subject(doc)
        # the digest items that name the report subject: it speaks in those only (民政部 in one 快讯 item
        # says nothing of the next, nor holds the meeting another item reports)
        named_in = {item_of(o.start) for o in doc.of_type("Organization") if fallback is not None and o.label == fallback.label}
        # 李克强到农业农村部考察，并主持召开座谈会: the body first named as the place of a visit hosts the meeting the
        # visitor convenes there; it neither holds it nor speaks in it (what it states of its own, outside a meeting, stays)
        host = fallback is not None and visited(doc, fallback)
        messages_all = message_spans(doc)
        if fallback is not None:
            for m in described if not host else ():
                if item_of(m.start) in named_in and not _plenum_sits(doc, m, held_here) and not m.attrs.get("organ"):  # a session's 主席团 sits for itself
                    add("heldBy", m, fallback, m.start, "relations.held_by.report_subject")
            if not described:
                # a work report or statement without a described meeting: its subject promotes its slogans
                voiced = self._voiced_by_others(doc, fallback, messages_all, item_starts)
                scope = subject_scope(doc, fallback, item_starts)
                for x in doc.of_type("PolicySlogan"):
                    if "component_of" not in x.attrs and item_of(x.start) in named_in and scope(x.start) and not voiced(x.start):
                        add("promotes", fallback, x, x.start, "relations.promotes.report_subject")
        ordered = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
        starts = [m.start for m in ordered]
        # described meetings and persons of each paragraph, in their own order (one pass, not one per paragraph)
        para_starts = [s for s, _ in doc.paragraphs]
        by_para: dict[int, list[Mention]] = {}
        persons_by_para: dict[int, list[Mention]] = {}
        for group, pool in ((by_para, described), (persons_by_para, doc.of_type("Person"))):
            for m in pool:
                i = bisect_right(para_starts, m.start) - 1
                if i >= 0 and m.start < doc.paragraphs[i][1]:
                    group.setdefault(i, []).append(m)
        self._headline_slogans(doc, by_para, orgs, ordered, add)
        guest = GuestVoice(doc, speakers, item_starts)
        setting_start = 0  # where the paragraph of the meeting that is the setting starts
        for p_index, (p_start, p_end) in enumerate(doc.paragraphs):
            if p_start in item_starts:
                # a digest item's headline: what the items before it reported does not speak here
                cur_meeting = cur_org = None
            para_lo, para_hi = bisect_left(starts, p_start), bisect_left(starts, p_end)
            in_para = ordered[para_lo:para_hi]
            here = by_para.get(p_index, [])
            if cur_meeting is not None:
                # a meeting whose holder is unknown does not take over from one whose holder is known, nor one
                # the reported meeting only speaks of (会议指出，…市委常委会会议对…提出了明确要求)
                here = [m for m in here if m.attrs.get("holder") and _sits_here(doc, m, held_here)]
            if not here and cur_meeting is not None and cur_meeting.attrs.get("each_of"):
                here = _each_own_paragraph(doc, p_start, described, cur_meeting)
            if here:
                guest.until = -1  # a new setting: a guest of the last one speaks no more
                setting_start = p_start
                cur_meeting = here[0]
                cur_org = orgs.get(cur_meeting.attrs.get("holder", "") or (cur_meeting.attrs.get("body", "") if _plenum_sits(doc, cur_meeting, held_here) else ""))
                if cur_org is None and fallback is not None and not host and item_of(cur_meeting.start) in named_in:
                    cur_org = fallback
            elif cur_org is not None and opens_for_another(doc, p_start, p_end, cur_org, setting_start):
                # a roundup's next paragraph (吉林坚持…; 生态环境部注重…): that body's or place's own report
                cur_meeting = cur_org = None
            elif cur_meeting is not None and cur_org is None and (actor := _opening_actor(doc, setting_start)) is not None \
                    and opens_for_another(doc, p_start, p_end, actor, setting_start):
                # relations.setting.other_opens.unheld: a meeting with no holder whose paragraph opens with its actor
                # (内蒙古举办…读书班) is no setting of the next paragraph that opens with another (江西省委把…作为…)
                cur_meeting = None
            if cur_meeting is None:
                self._acting_organisations(doc, in_para, add)
                continue
            last_doc_studied = None
            para_org = cur_org
            host_only = hosts_only(doc, cur_meeting) or honours_holder(doc, cur_meeting, para_org)
            objects = [y for y in in_para if y.type in ("Meeting", "Document", "Theory")]
            spans = _studied_spans(doc, p_start, p_end)
            switch_at = sorted([(x.start, speakers[x.label]) for x in persons_by_para.get(p_index, [])
                                if x.label in speakers and _re(lex, "speaks", r"^(?:在[^，。]{0,20})?(?:{speech_verbs})").match(text[x.end:x.end + 24])]
                               + [(o.start, o) for o in in_para if o.attrs.get("kind") != "national" and _acts(doc, o)],
                               key=lambda so: so[0])
            behalf_at: set[int] = set()  # where a guest starts to speak on behalf of another body
            if behalf and para_org is not None:
                # relations.promotes.on_behalf: a guest who speaks on behalf of another body (丁某代表党中央、国务院致词)
                # speaks for it wherever he speaks in the paragraph (not for the holder whose congress hears him)
                behalf_on = _re(lex, "speaks", r"^(?:在[^，。]{0,20})?(?:{speech_verbs})")
                on_behalf = [(x.start, behalf[x.label]) for x in persons_by_para.get(p_index, [])
                             if x.label in behalf and not behalf[x.label].label.startswith(para_org.label)
                             and x.label not in speakers and behalf_on.match(text[x.end:x.end + 24])]
                behalf_at.update(pos for pos, _ in on_behalf)
                switch_at = sorted(switch_at + on_behalf, key=lambda so: so[0])
            if authors and para_org is not None:
                # relations.promotes.report_author: the author of another body's report speaks for that body (not for
                # the holder's own organ: 全国人大常委会's report at the NPC is the NPC's own body speaking)
                speaks_on = _re(lex, "author_speaks", r"^(?:在[^，。]{0,20})?(?:{speech_verbs}|{author_verbs})")
                switch_at = sorted(switch_at + [
                    (x.start, authors[x.label]) for x in persons_by_para.get(p_index, [])
                    if x.label in authors and not authors[x.label].label.startswith(para_org.label)
                    and speaks_on.match(text[x.end:x.end + 24])], key=lambda so: so[0])
            switch_pos = [pos for pos, _ in switch_at]
            guests = guest.opens(p_index, persons_by_para.get(p_index, []), para_org, cur_meeting)
            addressed = guest.addressed_from(p_index, persons_by_para.get(p_index, []), para_org)
            messages = [(s, e) for s, e in messages_all if s < p_end and p_start < e]
            wishes = wish_spans(doc, p_start, p_end, para_org) if para_org is not None else []
            agenda_titles = _agenda_titles(doc, p_start, p_end)
            for x in in_para:
                if x is cur_meeting:
                    continue
                if x.type in ("Meeting", "Document", "Theory") and x.key != cur_meeting.key:
                    after = text[x.end:x.end + 4]
                    before = text[max(p_start, x.start - 16):x.start]
                    # a named body of thought (习近平总书记关于…的重要思想) is studied like a document, but only where the
                    # clause opens with the meeting's study verb (专题学习…, 会议传达学习了…), not where it is urged (要深入学习…)
                    discourse = x.type == "Theory" and _re(lex, "discourse", r"关于.+(?:{studied_discourses})$").search(x.label) is not None
                    doc_like = x.type == "Document" or discourse
                    studied_doc = doc_like and ((_studied_discourse(doc, x) if discourse else
                                                 _re(lex, "study_words", "{study_words}").search(before[-8:]) or _studying_clause(doc, x)
                                                 or _study_topic(doc, x, doc.clause_start(x.start))) or
                                                (last_doc_studied is not None and last_doc_studied <= x.start
                                                 and re.fullmatch(r"[》、和及与，]*", text[last_doc_studied:x.start]) is not None))
                    if doc_like:
                        last_doc_studied = x.end if studied_doc else None
                    # only a mention a few characters on can be coordinated (和、及…): no scan of the paragraph
                    following = (ordered[k] for k in range(bisect_right(starts, x.end, para_lo, para_hi),
                                                           bisect_right(starts, x.end + _COORDINATION_GAP, para_lo, para_hi)))
                    nxt = next((y for y in following if y.type in ("Meeting", "Document", "Theory") and y.start > x.end
                                and _re(lex, "coordinated", r"[》”]?(?:{coordinators})[《“]?").fullmatch(text[x.end:y.start])), None)
                    coordinated = nxt is not None and text[nxt.end:nxt.end + 4].lstrip("》”").startswith("精神")
                    if (after.startswith(("精神", "》精神", "”精神")) or studied_doc) and _other_subject_studies(doc, x):
                        continue  # relations.studies.other_subject: 这次…督查，围绕深入贯彻落实…重要指示批示精神: the inspection's
                    if after.startswith(("精神", "》精神", "”精神")) or studied_doc or (coordinated and _study_before(lex).search(before)):
                        if (_study_before(lex).search(before) and not discourse) or doc_like or after.startswith("精神"):
                            add("studies", cur_meeting, x, x.start, "relations.studies.paragraph")
                            continue
                    if x.type != "Theory" and _in_studied_span(doc, x, spans, objects):
                        add("studies", cur_meeting, x, x.start, "relations.studies.span")
                    elif x.type == "Meeting" and _venue_also_studied(doc, x, objects):
                        add("studies", cur_meeting, x, x.start, "relations.studies.venue")
                elif x.type == "PolicySlogan" and "component_of" not in x.attrs:
                    if genre == "feature" and not p_start <= cur_meeting.start < p_end:
                        continue  # relations.setting.feature: a meeting a feature recalls states its own paragraph only
                    if p_start <= cur_meeting.start < p_end and doc.sentence_at(x.start)[1] <= doc.sentence_at(cur_meeting.start)[0]:
                        continue  # relations.setting.before_meeting: a sentence before the one that names the meeting is not said at it
                    if any(a <= x.start < b for a, b in agenda_titles):
                        continue  # relations.mentions.agenda_title: the title of a report on its agenda, not what it states
                    add("mentions", cur_meeting, x, x.start, "relations.mentions.paragraph")
                    # a leader speaking (市委书记X强调) speaks for his own organisation from there on
                    k = bisect_right(switch_pos, x.start)
                    speaker = switch_at[k - 1][1] if k else None
                    subject = speaker or para_org
                    g = bisect_right(guests, x.start)
                    if g and guests[g - 1] >= (switch_at[k - 1][0] if k else -1):
                        speaker, subject = None, None  # a guest speaks (rule relations.promotes.guest_speaker)
                    if speaker is None and 0 <= addressed <= x.start:
                        subject = None  # said to the holder by another (rule relations.promotes.addressed_holder)
                    if speaker is None and host_only and para_org is not None and not opened_by(doc, x.start, para_org):
                        subject = None  # the host of a press event: who speaks there is not named as its own
                    if (speaker is None or speaker is para_org) and any(s <= x.start < e for s, e in wishes):
                        subject = None  # wished of the holder by another (rule relations.promotes.wished_holder)
                    read = [s for s, e in messages if s <= x.start < e]  # the messages x is said in
                    if read and (speaker is None or switch_at[k - 1][0] < max(read)):
                        subject = None  # a message read or received here: its sender's words, not its addressee's
                    if subject is not None and (speaker is not None or not _place_acts(doc, x, subject)):
                        add("promotes", subject, x, x.start, "relations.promotes.paragraph" if not speaker else
                            "relations.promotes.on_behalf" if switch_at[k - 1][0] in behalf_at else "relations.promotes.speaker")
                        if speaker is None and subject is para_org and not str(subject.attrs.get("kind", "")).startswith("national"):
                            # 县妇联、县总工会联合召开…: the meeting's call is every local convener's (not the central bodies
                            # that jointly hold a national ceremony, where one leader speaks)
                            for co in cur_meeting.attrs.get("co_holders", ()):
                                if co in orgs and not str(orgs[co].attrs.get("kind", "")).startswith("national"):
                                    add("promotes", orgs[co], x, x.start, "relations.promotes.co_holder")
                elif x.type == "Person" and _chair(lex).match(text[x.end:x.end + 4]) and p_start <= cur_meeting.start < p_end:
                    add("chairedBy", cur_meeting, x, x.start, "relations.chaired_by.paragraph")
        self._announced_studies(doc, described, rels, add)
        self._owned_formulations(doc, add)
        # locatedIn: an organisation named with a place
        places = {m.label: m for m in doc.of_type("Place")}
        for o in doc.of_type("Organization"):
            pl = o.attrs.get("place")
            if pl and pl in places:
                add("locatedIn", o, places[pl], o.start, "relations.located_in.place")
        # subOrganizationOf: a party department under its committee, a bureau under its government
        by_kind_level: dict[tuple[object, object], list[Mention]] = {}
        for p in doc.of_type("Organization"):
            by_kind_level.setdefault((p.attrs.get("kind"), p.attrs.get("level")), []).append(p)
        for o in doc.of_type("Organization"):
            lvl, kind = o.attrs.get("level"), o.attrs.get("kind")
            if kind == "national-unit" and o.attrs.get("parent") in orgs:
                # 国务院新闻办 under 国务院, when the article names both
                add("subOrganizationOf", o, orgs[o.attrs["parent"]], o.start, "relations.sub_organization_of.national_unit")
                continue
            parent_kind = {"party-dept": "party", "bureau": "gov"}.get(kind or "")
            if not parent_kind or not lvl:
                continue
            parent = next((p for p in by_kind_level.get((parent_kind, lvl), ()) if p.label != o.label), None)
            if parent is not None:
                add("subOrganizationOf", o, parent, o.start, "relations.sub_organization_of.parent")
        doc.relations.extend(rels)

    @staticmethod
    def _announced_studies(doc: Doc, described: list[Mention], rels: list[Relation], add) -> None:
        """县文联、县残联分别召开会议，传达学习…精神 (a lead announcing several meetings, each reported in a
        paragraph of its own after it): every meeting it announces, held by a body it names, studies what
        the lead says they studied, unless its own paragraph says what it studied."""
        lex = doc.lex
        announce = _re(lex, "announce", r"(?:{announce_adverbs})(?:{announce_verbs})[^，。；！？]{0,12}?(?:会议|会)")
        studied = {r.subject for r in rels if r.predicate == "studies"}
        for a in finditer_opening(announce, doc.text, lex.ruleset("relations").words("announce_adverbs")):
            s_start, s_end = doc.sentence_at(a.start())
            names = {o.label for o in doc.of_type("Organization") if s_start <= o.start < a.start()}
            spans = _studied_spans(doc, a.end(), s_end)
            pool = [y for y in doc.mentions if y.type in ("Meeting", "Document", "Theory") and a.end() <= y.start and y.end <= s_end]
            objects = [y for y in pool if _in_studied_span(doc, y, spans, pool)]
            if not names or not objects:
                continue
            for m in described:
                # …each reported after it, or each announced by it (县总工会、县妇联先后召开党组会议，传达学习…: meeting.described.each)
                own = m.start >= s_end or (a.start() <= m.end and m.start <= a.end() and m.attrs.get("each_of"))
                if own and m.attrs.get("holder") in names and m.key not in studied:
                    for y in objects:
                        add("studies", m, y, a.start(), "relations.studies.announced")

    @staticmethod
    def _owned_formulations(doc: Doc, add) -> None:
        """省政协“1453”履职总要求, 市委“1376”总体思路, 省委“三高四新”战略: an organisation written right before a
        quoted formulation (its 的 at most) that a policy head noun closes names it as its own: it promotes it
        wherever that stands. Without the head (中国科学院“80后”…) the quote is no programme of the body."""
        slogans = {x.start: x for x in doc.of_type("PolicySlogan") if "component_of" not in x.attrs}
        for o in doc.of_type("Organization"):
            if o.attrs.get("kind") == "national":
                continue
            gap = _re(doc.lex, "owner_gap", r"的?“").match(doc.text, o.end)
            if gap is None:
                continue
            x = slogans.get(gap.end()) or slogans.get(gap.end() - 1)
            close = doc.text.find("”", gap.end())
            if x is not None and close > 0 and _re(doc.lex, "owned_head", r"[\u4e00-\u9fff]{0,4}?(?:{owned_heads})").match(doc.text, close + 1):
                add("promotes", o, x, x.start, "relations.promotes.owner")

    @staticmethod
    def _headline_slogans(doc: Doc, by_para: dict[int, list[Mention]], orgs: dict[str, Mention], ordered: list[Mention], add) -> None:
        """The headline lines above the report of a meeting (以“钉钉子”精神推动… / 市妇联：凝聚“巾帼心向党”奋进力量)
        are that report's: the holder of the first meeting reported promotes their formulations. Only short
        lines without a sentence end count, and only when the report starts within the first few paragraphs."""
        first = min((i for i, ms in by_para.items() if any(m.attrs.get("holder") for m in ms)), default=None)
        if first is None or first > _HEADLINE_PARAGRAPHS:
            return
        meeting = next(m for m in by_para[first] if m.attrs.get("holder"))
        holder = orgs.get(meeting.attrs["holder"])
        if holder is None or digest_items(doc):
            return
        for p_start, p_end in doc.paragraphs[:first]:
            line = doc.text[p_start:p_end].strip()
            if not line or len(line) > _HEADLINE_MAX or re.search(r"[。！？]", line):
                continue
            for x in ordered:
                if p_start <= x.start < p_end and x.type == "PolicySlogan" and "component_of" not in x.attrs:
                    add("promotes", holder, x, x.start, "relations.promotes.headline")

    @staticmethod
    def _acting_organisations(doc: Doc, in_para: list[Mention], add) -> None:
        """Before any reported meeting, an organisation that acts in a sentence (江苏省委出台…实施方案)
        promotes the formulations of that sentence.

        A system named as the actor (人民政协坚持…: ner/words.tsv org_system_names) is no body of its own: it acts as the
        article's one body of that system, named by the system's head (全国政协, 省政协: relations.promotes.acting.system),
        and as none where the article names none or several."""
        systems = frozenset(doc.lex.ruleset("ner").words("org_system_names"))
        for o in in_para:
            if not _acts(doc, o):
                continue
            actor: Mention | None = o
            if o.label in systems:
                bodies = {b.label: b for b in doc.of_type("Organization") if b.label != o.label and b.label.endswith(o.label[-2:])}
                actor = next(iter(bodies.values())) if len(bodies) == 1 else None
            if actor is None:
                continue
            s, e = doc.sentence_at(o.start)
            for x in in_para:
                if x.type == "PolicySlogan" and s <= x.start < e and x.start > o.end and "component_of" not in x.attrs:
                    add("promotes", actor, x, x.start, "relations.promotes.acting")

    @staticmethod
    def _voiced_by_others(doc: Doc, subject: Mention, messages: list[tuple[int, int]], item_starts: list[int]) -> Callable[[int], bool]:
        """Is a position in words someone else speaks? A person who speaks (习近平强调，…; 列兹尼科夫23日说)
        speaks to the end of his paragraph and the paragraphs that go on with his speech (:func:`speech_end`),
        unless his title makes him the voice of the report's subject (市政协主席X指出): a leader's letter to an
        institute, or his visit to a zone, is not theirs."""
        text, lex = doc.text, doc.lex
        own = speaker_orgs(doc)
        voice = _voice_after(lex)
        lead = doc.paragraphs[0] if doc.paragraphs else (0, 0)
        leads = {p.label for p in doc.of_type("Person") if lead[0] <= p.start < lead[1]}
        names = {subject.label, subject.surface, *subject.aliases}
        own_names = tuple(n for n in names if n)
        joins = _re(lex, "joins_sitting", r"(?:{member_joins})(?P<what>[^，。；]{2,36}?)(?:{member_sittings})")
        joined = any(n in m.group("what") for m in joins.finditer(text, *lead) for n in own_names)
        # 交通运输部党组成员、总规划师X / 国家卫生健康委新闻发言人X: an official introduced by the subject's name is its voice
        persons = doc.of_type("Person")  # the two patterns below are the subject's own: compiled only when some person may match
        introduced = re.compile("(?:" + "|".join(re.escape(n) for n in own_names) + r")[^，。；：！？\s的给向对和与同在把被将了是]{0,10}$") \
            if own_names and persons else None
        members = {p.label for p in persons
                   if introduced is not None and introduced.search(text, max(doc.clause_start(p.start), p.start - 16), p.start)}
        # 蔡达峰代表各民主党派中央、全国工商联和无党派人士致辞: who speaks on the subject's behalf is its voice
        on_behalf = re.compile(r"代表[^，。；！？]{0,24}?(?:" + "|".join(re.escape(n) for n in own_names) + ")") if own_names and persons else None
        members |= {p.label for p in persons if on_behalf is not None and on_behalf.match(text, p.end)}
        if joined:
            # 习近平参加内蒙古代表团审议: a leader who sits in the subject's own deliberation speaks as its member
            members |= leads
        spans = []
        para_starts = [s for s, _ in doc.paragraphs]
        for p in doc.of_type("Person"):
            if p.label in leads and p.label not in own and p.label not in members and voice.match(text, p.end):
                p_index = bisect_right(para_starts, p.start) - 1
                spans.append((p.end, speech_end(doc, p_index, p.label, own_names, item_starts)))
        opening = _re(lex, "voice_clause", r"(?P<who>[^，。；：！？\n]{1,30}?)(?:\d{1,2}日)?(?:{speech_adverbs})?(?:在[^，。；]{0,20})?(?:{speech_verbs}|{report_verbs})[，：:]")
        titles = lex.ruleset("relations").words("speaker_titles")
        persons = sorted(doc.of_type("Person"), key=lambda x: x.start)

        def voice_of(s_start: int) -> str | None:
            """Who opens the sentence to speak or see, if it is someone else (乌克兰方面表示，…; 记者在寿光看到，…):
            ``"leader"`` for a leader named by his title alone or by a pronoun who is none of the subject's (总书记强调，…;
            他指出，…), ``"other"`` for a named organisation, place or person that is not the subject's, or a reporter."""
            m = opening.match(text, s_start)
            if not m:
                return None
            who = m.group("who")
            if any(n and n in who for n in names):
                return None
            named = [x for t in ("Organization", "Place", "Person") for x in doc.touching(t, s_start, m.end("who"))
                     if s_start <= x.start and x.end <= m.end("who")]
            if any((own.get(x.label) is not None and own[x.label].label == subject.label) or x.label in members for x in named):
                return None  # the subject's own leader (市长X表示) or official
            if who in titles:
                # 总书记强调，… / 他指出，…: a leader named by his title alone, or the person named last before
                before = [x for x in persons if x.end <= s_start]
                if who in lex.ruleset("relations").words("speaker_pronouns"):
                    last = before[-1].label if before else ""
                    mine = bool(last) and last not in members and not (own.get(last) is not None and own[last].label == subject.label)
                    return "leader" if mine else None
                return "leader"
            return "other" if named or who.startswith(lex.ruleset("relations").words("reporters")) else None

        def other_voice(s_start: int) -> bool:
            return voice_of(s_start) is not None

        # relations.report_subject.speech_goes_on_sentences: a leader named by his title or a pronoun who is none of the
        # subject's (他强调，党和国家事业的希望寄托在青年身上。希望共青团中央…) goes on speaking to the end of his paragraph
        # and through the paragraphs that go on with his speech, as a speaker of the lead does (a named deputy's or
        # guest's words, 某某代表说，…, end with his sentence: the body's next sentence may be its own again)
        for s_start, _ in doc.sentences:
            if voice_of(s_start) == "leader":
                p_index = bisect_right(para_starts, s_start) - 1
                spans.append((s_start, speech_end(doc, p_index, "", own_names, item_starts)))
        spans += messages  # a letter's or message's words are its sender's (message_spans)

        modals = lex.ruleset("relations").words("directive_modals")

        def voiced(pos: int) -> bool:
            s_start = doc.sentence_at(pos)[0]
            in_speech = any(s <= pos < e for s, e in spans)
            if text.startswith(own_names, s_start):
                # 中国人民大学从…就鲜明提出…: inside a speech, a sentence whose subject is the report's own, unless the
                # speaker tells it what to do (全国工商联要引导…: rule relations.report_subject.addressed)
                name = max((n for n in own_names if text.startswith(n, s_start)), key=len)
                return in_speech and text.startswith(modals, s_start + len(name))
            return in_speech or other_voice(s_start) or other_actor(doc, pos, subject, own, frozenset(members))

        return voiced

    @staticmethod
    def _report_subject(doc: Doc) -> Mention | None:
        """The organisation an article without a named meeting holder is about: the most named one that
        acts (or the body holding the session reported), or None."""
        counts: dict[str, list[Mention]] = {}
        for o in doc.of_type("Organization"):
            if o.attrs.get("kind") != "national":
                counts.setdefault(o.label, []).append(o)
        if not counts:
            return None
        ctx = doc.context
        local = {p for p in (ctx.county, ctx.city) if p}

        def weight(k: str) -> int:
            # the article's own level (its county, else its city) outranks bodies above it
            return len(counts[k]) + (2 if counts[k][0].attrs.get("place") in local else 0)

        label = sorted(counts, key=lambda k: (-weight(k), counts[k][0].start))[0]
        # a report to a local session (政协岳阳市第九届委员会第四次会议) speaks for the body holding it
        session_bodies = [m.attrs.get("body") for m in doc.of_type("Meeting") if "Session" in m.subtypes]
        label = next((b for b in session_bodies if b in counts), label)
        if len(counts[label]) < 2:
            return None
        if label not in session_bodies and not any(_in_subject_position(doc, o) for o in counts[label]):
            return None  # named often but never the one acting (国际奥委会主席说…, a digest of several bodies)
        return counts[label][0]
