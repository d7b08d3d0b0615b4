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
