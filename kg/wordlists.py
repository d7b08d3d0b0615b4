"""The word lists and patterns of ``kg/`` itself, read from ``kg/data/*.txt`` (rules are data here too).

The extractors keep theirs in ``extractors/data/`` behind :class:`extractors.lexicon.Lexicons`;
what ``kg`` decides with words — which page lines are site furniture (:mod:`kg.text`), which
verbs and banner words a formulation is compared without, which organizations are central
(:mod:`kg.analytics`) — is listed in ``kg/data/`` so that a reader can review and change the
words without reading Python, and ``tests/test_no_inline_word_lists.py`` keeps it that way.

Format: one item per line, in the order it is used; blank lines and lines starting with ``#``
are ignored; the rest of a line is the item, stripped (a pattern is a regular expression).
The files are package data (``pyproject.toml``), so a wheel install has them.
"""
from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def items(name: str) -> tuple[str, ...]:
    """The items of ``kg/data/NAME.txt`` in file order."""
    text = resources.files("kg").joinpath("data").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return tuple(s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#"))


def alternation(name: str) -> str:
    """The patterns of ``kg/data/NAME.txt`` as one non-capturing group ``(?:P1|P2|...)``, in file order."""
    return "(?:" + "|".join(items(name)) + ")"
