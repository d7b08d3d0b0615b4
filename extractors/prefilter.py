"""A necessary condition for a regular expression to match, read from the pattern: skip a scan that cannot match.

Why: the rule components run dozens of patterns over each whole article, and Python's ``re``
tries each at every position even when the article lacks a word the pattern cannot match
without (届 for a plenum, 大会 for a congress). A substring test (``in``) is a C search many times
faster than a regex scan, so :func:`finditer` first checks that the text holds, for every one of
a few sets of strings read from the pattern, at least one member, and scans only then.

The condition is derived from the parsed pattern (``re._parser``): a literal run must occur; a
character class of a few characters, one of them; an alternation, one string of each branch's
condition; a repeat of at least one, its body's; a lookahead or lookbehind, its body's (it reads
the text too). Anything else (optional parts, negated classes, ranges, categories, back
references, case-insensitive patterns) gives no condition, never a wrong one: when the
condition fails there is no match, so skipping the scan changes no result.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

#: a character class of more characters than this gives no condition (too many ``in`` tests)
_MAX_CLASS = 8
#: sets kept per pattern, the most selective first
_MAX_SETS = 3

Cond = list[frozenset[str]]  # every set must have a member in the text


def _score(s: frozenset[str]) -> tuple[int, int]:
    """Higher is more selective: longer shortest string, then fewer strings."""
    return (min(map(len, s)), -len(s))


def _best(cond: Cond) -> frozenset[str]:
    """The most selective set of a condition."""
    return sorted(cond, key=_score)[-1]


def _seq(items: Any) -> Cond:
    out: Cond = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append(frozenset({run}))
            run = ""
        out += _item(op, av)
    if run:
        out.append(frozenset({run}))
    return out


def _item(op: Any, av: Any) -> Cond:
    if op is _c.LITERAL:
        return [frozenset({chr(av)})]
    if op is _c.IN:
        if all(o is _c.LITERAL for o, _ in av) and 0 < len(av) <= _MAX_CLASS:
            return [frozenset(chr(a) for _, a in av)]
        return []
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, p = av
        return [] if add_flags & _c.SRE_FLAG_IGNORECASE else _seq(p)
    if op is _c.BRANCH:
        union: set[str] = set()
        for alt in av[1]:
            cond = _seq(alt)
            if not cond:
                return []
            union.update(_best(cond))
        # a member containing another adds nothing (召开了 after 召开): fewer ``in`` tests
        return [frozenset(w for w in union if not any(x != w and x in w for x in union))]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, p = av
        return _seq(p) if lo >= 1 else []
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(av)
    if op is _c.ASSERT:
        return _seq(av[1])
    return []


def condition(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """The sets of strings, each of which must have a member in any text the pattern matches in ('()': none known)."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return ()
    cond = _seq(_p.parse(pattern.pattern, pattern.flags))
    # a set implied by a stronger one adds nothing; keep the most selective few, distinct
    uniq = sorted(set(cond), key=_score, reverse=True)
    return tuple(uniq[:_MAX_SETS])


_CONDITIONS: dict[re.Pattern[str], tuple[frozenset[str], ...]] = {}


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text``."""
    cond = _CONDITIONS.get(pattern)
    if cond is None:
        cond = _CONDITIONS[pattern] = condition(pattern)
    for need in cond:  # all(any(s in text for s in need) for need in cond), without two generators per call
        for s in need:
            if s in text:
                break
        else:
            return False
    return True


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, without the scan when the text lacks what every match needs."""
    return pattern.finditer(text) if may_match(pattern, text) else iter(())


def starts_before(text: str, words: Iterable[str], leads: Iterable[int]) -> list[int]:
    """Ascending positions ``i - k`` for every occurrence ``i`` of one of ``words`` and every ``k`` of ``leads``
    (``i - k >= 0``): where a match may open when it holds one of the words ``k`` characters in."""
    leads = tuple(leads)
    out: set[int] = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            out.update(i - k for k in leads if i >= k)
            i = text.find(w, i + 1)
    return sorted(out)


def finditer_opening(pattern: re.Pattern[str], text: str, words: Iterable[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match opens with one of ``words``, tried only where one is written.

    The scan tries the pattern at every character, and an opening alternation of words is a set of first
    characters ``re`` tests at each of them; a few ``str.find`` of the words find the positions instead."""
    return finditer_at(pattern, text, starts_before(text, words, (0,)))


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at one of ``starts`` (ascending).

    ``pattern.match(text, p)`` is the scan's attempt at ``p`` (lookbehinds read the text before
    ``p``; ``^`` matches only at 0 in both), so trying only the given positions, from the end
    of the last match on, yields the same matches when the other positions cannot match: for
    a pattern that is tried at every position and fails at almost all of them (one opening
    with a lookbehind, or one whose matches need a word the caller can look for first).
    A pattern that can match the empty string is refused (the scan's rule after an empty match differs).
    """
    pos = 0
    for p in starts:
        if p < pos:
            continue
        m = pattern.match(text, p)
        if m is not None:
            if m.end() == m.start():
                raise ValueError(f"finditer_at: {pattern.pattern!r} matched the empty string")
            yield m
            pos = m.end()
