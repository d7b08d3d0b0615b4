"""extractors.prefilter: the condition read from a pattern is necessary (a text it rejects has no match)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors import prefilter
from extractors.lexicon import Lexicons


@pytest.mark.parametrize("pattern, sets", [
    (r"(?:中国共产党|中共)?第?[一二]+届中央", [{"届中央"}, {"一", "二"}]),
    (r"a(?:b|c)d", [{"a"}, {"b", "c"}, {"d"}]),
    (r"(?:召开了|召开|举行)", [{"召开", "举行"}]),  # 召开了 contains 召开: implied
    (r"(?:ab|)c", [{"c"}]),  # an empty branch requires nothing
    (r"[^a]b", [{"b"}]),
    (r"(?=xy)z", [{"xy"}, {"z"}]),  # a lookahead reads the text too
    (r"(?!q)z", [{"z"}]),
    (r"a{0,3}b", [{"b"}]),
    (r"x?", []),
    (r"(?i)abc", []),  # case-insensitive: no condition rather than a wrong one
    (r"[a-z]+", []),
])
def test_condition(pattern: str, sets: list[set[str]]) -> None:
    got = [set(s) for s in prefilter.condition(re.compile(pattern))]
    assert sorted(map(sorted, got)) == sorted(map(sorted, sets))


def _component_patterns() -> list[re.Pattern[str]]:
    from extractors import meeting, organization, person, place, slogan

    lex = Lexicons()
    return [meeting._CENTRAL_PLENUM, meeting._CCDI_PLENUM, meeting._LOCAL_PLENUM, meeting._CONGRESS,
            meeting._LOCAL_CONGRESS, meeting._BARE, meeting._people_session(lex), meeting._lianghui(lex),
            meeting._subject_meeting(lex), organization._CENTRAL_COMMITTEE, person._occupation(lex),
            person._opening_name(lex), place._town(lex), slogan._FIVE_YEAR,
            *(meeting._re(lex, f"rule:{r.id}", r.pattern) for r in lex.ruleset("meeting").rules)]


def test_gated_scans_find_what_the_scans_find(samples: Path) -> None:
    """On the bundled samples, sentence by sentence: every gated pattern finds exactly its plain matches."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    texts += [line for t in texts for line in t.splitlines()]
    found = 0
    for pattern in _component_patterns():
        for text in texts:
            plain = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in prefilter.finditer(pattern, text)] == plain, pattern.pattern
            found += bool(plain)
            if plain:
                assert prefilter.may_match(pattern, text)
    assert found > 0


def test_scanner_orders_as_a_scan() -> None:
    """Scanner.iter: every occurrence, by end, longest first at one end; longest: leftmost-longest, no overlap."""
    from extractors.lexicon import Scanner

    sc = Scanner([("市长", 1), ("副市长", 2), ("长", 3), ("市长", 4), ("长江", 5)])
    text = "副市长江"
    assert list(sc.iter(text)) == [(0, 3, "副市长", (2,)), (1, 3, "市长", (1, 4)), (2, 3, "长", (3,)), (2, 4, "长江", (5,))]
    assert sc.longest(text) == [(0, 3, "副市长", (2,))]
    assert sc.longest("市长江") == [(0, 2, "市长", (1, 4))]
    assert Scanner([]).longest(text) == [] and list(Scanner([("", 1)]).iter(text)) == []


def test_subject_meeting_at_its_possible_openings(samples: Path) -> None:
    """meeting's subject-meeting scan tried only where a held verb can end it finds what the full scan finds."""
    from extractors import meeting

    lex = Lexicons()
    pattern, verbs = meeting._subject_meeting(lex), meeting._w(lex, "held_verbs")
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    texts += [line for t in texts for line in t.splitlines()]
    texts += ["召开", "，召开", "11月2日上午，省委全会在长沙召开。", "一，二，三召开幕", "会议召开幕式，会召开", ""]
    found = 0
    for text in texts:
        plain = [m.span() for m in pattern.finditer(text)]
        starts = meeting._subject_meeting_starts(text, verbs)
        assert starts is not None
        assert [m.span() for m in prefilter.finditer_at(pattern, text, starts)] == plain, text[:40]
        found += len(plain)
    assert found > 0


def test_finditer_at_refuses_an_empty_match() -> None:
    with pytest.raises(ValueError):
        list(prefilter.finditer_at(re.compile("a*"), "bbb", [0]))
    assert [m.span() for m in prefilter.finditer_at(re.compile("ab"), "abab", [0, 1, 2])] == [(0, 2), (2, 4)]


def test_scans_tried_at_their_openings_find_what_the_scans_find(samples: Path) -> None:
    """The levelled names, name lists, sentence-opening names and towns, each tried only where a match can
    open (``finditer_at``), find exactly the plain scan's matches."""
    from extractors import meeting, organization, person, place

    lex = Lexicons()
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    texts += [line for t in texts for line in t.splitlines()]
    texts += ["中国共产党共青团市委", "中共团县委书记", "团市委员", "市委组织部", "张三、李四、王五等", "是张三、李四、王五",
              "白湖乡党委", "镇", "乡乡乡乡", "刘金国出席会议。王宁主持会议", "党的二十大精神", "十九大报告", "十十大",
              "二十三大", "中国共产党第二十次全国代表大会和十九大"]
    openers = person._SENTENCE_OPENERS
    scans = [
        (organization._level_re(lex), lambda t: organization._level_matches(t, lex)),
        (person._name_list(lex), lambda t: prefilter.finditer_at(person._name_list(lex), t, prefilter.starts_before(t, ("、",), (2, 3)))),
        (person._opening_name(lex), lambda t: prefilter.finditer_at(person._opening_name(lex), t, [0, *(m.end() for m in openers.finditer(t))])),
        (place._town(lex), lambda t: prefilter.finditer_at(place._town(lex), t, prefilter.starts_before(t, ("镇", "乡"), (2, 3)))),
        (meeting._CONGRESS, meeting._congress_matches),
    ]
    for pattern, anchored in scans:
        found = 0
        for text in texts:
            plain = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in anchored(text)] == plain, (pattern.pattern[:40], text[:40])
            found += len(plain)
        assert found > 0, pattern.pattern[:40]


def test_scans_tried_where_their_words_are_find_what_the_scans_find(samples: Path) -> None:
    """The scans of speed7 tried only where an opening word is written (``finditer_opening``) or a word they hold
    sits a few characters in, and organisation suffixes by a scanner's leftmost-longest hits, find exactly the
    plain scan's matches."""
    from extractors import meeting, organization, person, relations

    lex = Lexicons()
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    texts += [line for t in texts for line in t.splitlines()]
    texts += ["驾驶员常洪霞，技师韩利萍、工人刘丽", "优秀工程师", "工人", "（文/沙音强 图/米凡军）", "记者/王强", "/",
              "□谈华龙 12月29日", "◎陈思远\n", "传达学习了市委全会精神", "学习教育", "进行第八次集体学习",
              "我所和本院", "县文联、县残联分别召开会议，传达学习", "徐州报业传媒集团有限公司", "集团有限公司有限公司"]
    pw = person._w
    suffixes, rows = organization._suffixes(lex)
    alternation = re.compile("|".join(re.escape(s) for s in sorted(rows, key=len, reverse=True)))
    announce = relations._re(lex, "announce", r"(?:{announce_adverbs})(?:{announce_verbs})[^，。；！？]{0,12}?(?:会议|会)")
    numbered = meeting._re(lex, "body_acts_numbered", rf"(?:{{numbered_session_verbs}})第(?P<n>[{meeting.N}0-9]+)次(?P<kind>集体学习|会议|常务会议)")
    own_unit = lex.ruleset("organization").regex("own_unit", r"(?:{own_unit_pronouns})(?P<head>{own_unit_heads})")
    leads = sorted({len(t) for t in pw(lex, "byline_titles")})
    scans = [
        (person._occupation(lex), lambda t: prefilter.finditer_at(person._occupation(lex), t, prefilter.starts_before(t, pw(lex, "occupations"), range(1, 7)))),
        (person._byline_slash(lex), lambda t: prefilter.finditer_at(person._byline_slash(lex), t, prefilter.starts_before(t, ("/", "／"), leads))),
        (person._byline_mark(lex), lambda t: prefilter.finditer_opening(person._byline_mark(lex), t, pw(lex, "byline_marks"))),
        (meeting._studied(lex), lambda t: prefilter.finditer_opening(meeting._studied(lex), t, meeting._w(lex, "study_verbs_first"))),
        (numbered, lambda t: prefilter.finditer_opening(numbered, t, meeting._w(lex, "numbered_session_verbs"))),
        (own_unit, lambda t: prefilter.finditer_opening(own_unit, t, lex.ruleset("organization").words("own_unit_pronouns"))),
        (announce, lambda t: prefilter.finditer_opening(announce, t, lex.ruleset("relations").words("announce_adverbs"))),
    ]
    for pattern, anchored in scans:
        found = 0
        for text in texts:
            plain = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in anchored(text)] == plain, (pattern.pattern[:40], text[:40])
            found += len(plain)
        assert found > 0, pattern.pattern[:40]
    for text in texts:
        assert [(s, e) for s, e, _, _ in suffixes.longest(text)] == [m.span() for m in alternation.finditer(text)], text[:40]


def test_literal_tests_answer_as_the_escaped_patterns() -> None:
    """person's recurring names by str.find and slogan's campaign suffixes by str.startswith: the answers of
    ``re.finditer(re.escape(name))`` and ``re.match(re.escape(suffix), text[pos:pos + 12])``."""
    from extractors import person, slogan

    for text, name in [("张三说张三张三", "张三"), ("aaaa", "aa"), ("王五", "李四"), ("李四", "李四")]:
        assert list(person._occurrences(text, name)) == [m.start() for m in re.finditer(re.escape(name), text)]
    suffixes = sorted(["建新功行动", "行动", "活动", "月活动", "一二三四五六七八九十一二三"], key=len, reverse=True)
    for text, pos in [("“两在两同”建新功行动", 6), ("“x”月活动", 3), ("“x”", 3), ("“x”一二三四五六七八九十一二三", 3)]:
        plain = next((t for ext in suffixes if (t := re.match(re.escape(ext), text[pos:pos + 12]))), None)
        tail = slogan._campaign_tail(text, pos, suffixes)
        assert (tail is None) == (plain is None) and (plain is None or plain.group() == tail)
