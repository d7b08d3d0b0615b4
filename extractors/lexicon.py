"""Lexicon sets: the data folder a pipeline reads its word lists and rules from, and shared tokenisers.

Rules and word lists live in ``extractors/data`` as TSV/text so that a user can
extend them without touching code (see ``extractors/data/README.md``). A :class:`Lexicons`
names one such folder (the bundled one by default) and is passed to the pipeline on the
``Doc`` (``doc.lex``): two builds with two folders run side by side in one process. What is
derived from a folder (scanners, compiled patterns, the jieba tokenizer) is memoised by
functions taking the ``Lexicons`` as an argument, so the caches are keyed on the folder and
nothing process-global is ever mutated.
"""
from __future__ import annotations

import re

import csv
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import ahocorasick_rs

from extractors.rules import Precedence, RuleSet

if TYPE_CHECKING:
    from extractors.segment import Segmenter


@dataclass(frozen=True)
class Lexicons:
    """One set of lexicons and rules: a folder laid out like ``extractors/data`` (``None``: the bundled one).

    A plain, hashable value (equal when the folder is), cheap to pickle to worker processes.
    A file missing from a custom folder reads as empty, so a folder holds the whole set.
    """

    folder: Path | None = None
    #: the rule sets read so far, by kind: ``ruleset`` is asked at every use of a rule's words (some eighty
    #: times an article), and a cached function keyed on the set hashes it (a Python call) each time
    _rulesets: dict[str, RuleSet] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.folder is not None:
            object.__setattr__(self, "folder", Path(self.folder).resolve())

    def __hash__(self) -> int:
        # every memoised word list is keyed on the set: the generated dataclass hash builds a tuple per look-up
        return hash(self.folder)

    def __getstate__(self) -> dict[str, Path | None]:
        return {"folder": self.folder}  # the folder only: what is read from it is read again where it is used

    def __setstate__(self, state: dict[str, Path | None]) -> None:
        object.__setattr__(self, "folder", state["folder"])
        object.__setattr__(self, "_rulesets", {})

    def canonical(self) -> Lexicons:
        """The one instance equal to this set, so that cache look-ups succeed by identity, not ``__eq__``."""
        return _CANONICAL.setdefault(self, self)

    def text(self, name: str) -> str:
        """The text of data file ``name`` (a path relative to the folder, e.g. ``slogans.tsv``)."""
        if self.folder is None:
            return resources.files("extractors").joinpath("data").joinpath(name).read_text(encoding="utf-8")
        return (self.folder / name).read_text(encoding="utf-8")

    def read_list(self, name: str) -> list[str]:
        """A one-item-per-line list; ``#`` starts a comment."""
        out = []
        for line in self.text(name).splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
        return out

    def read_tsv(self, name: str) -> list[dict[str, str]]:
        """A TSV file with a header row; lines starting with ``#`` are comments."""
        lines = [line for line in self.text(name).splitlines() if line.strip() and not line.startswith("#")]
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]

    def ruleset(self, kind: str) -> RuleSet:
        """The word lists and structured rules of ``kind`` (folder ``KIND/``), read once per lexicon set."""
        found = self._rulesets.get(kind)
        if found is None:
            found = self._rulesets[kind] = _ruleset(self, kind)
        return found

    def precedence(self) -> Precedence:
        """The overlap table (``precedence.tsv``) of this lexicon set."""
        return _precedence(self)


_CANONICAL: dict[Lexicons, Lexicons] = {}


@cache
def _ruleset(lex: Lexicons, kind: str) -> RuleSet:
    return RuleSet.load(kind, None if lex.folder is None else lex.folder / kind)


@cache
def _precedence(lex: Lexicons) -> Precedence:
    return Precedence.parse(lex.text("precedence.tsv"))


@lru_cache(maxsize=1 << 14)  # a pure function of a table cell; components split the same cells per hit
def split_multi(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip()) if value else ()


#: the largest scanner built as a DFA (:meth:`Scanner._implementation`)
_DFA_MAX = 2_000


class Scanner:
    """Aho-Corasick over many surface forms: one pass finds every lexicon hit.

    The automata are ahocorasick-rs's (Rust): a leftmost-longest one for :meth:`longest`, the
    very definition of that method's result, and a standard one for :meth:`iter`'s overlapping
    hits, each built on first use. On 新闻联播 text the gazetteer's scan is about twelve times
    faster than pyahocorasick's was (0.015 s instead of 0.19 s for 1,000 items).
    """

    def __init__(self, items: Iterable[tuple[str, object]]):
        values: dict[str, tuple] = {}
        for surface, value in items:
            if surface:
                values[surface] = values.get(surface, ()) + (value,)
        self._surfaces = list(values)
        self._values = [values[s] for s in self._surfaces]
        self._empty = not values
        self._leftmost: ahocorasick_rs.AhoCorasick | None = None
        self._all: ahocorasick_rs.AhoCorasick | None = None

    def _implementation(self) -> ahocorasick_rs.Implementation | None:
        """A DFA up to :data:`_DFA_MAX` surfaces, else the library's choice (the same hits either way).

        ahocorasick-rs picks a DFA by itself only for about a hundred patterns; above that its contiguous
        NFA scanned 新闻联播 text at half the speed (titles.txt, 114 surfaces: 7.4 against 3.5 µs an
        article; the national bodies, 205: 7.0 against 3.4 µs) for a DFA built in ~1 ms. The gazetteer
        (~6,000 surfaces) keeps the library's choice: its DFA takes 10 ms and 10 MB more to build, which a
        short build would not win back."""
        return ahocorasick_rs.Implementation.DFA if len(self._surfaces) <= _DFA_MAX else None

    def iter(self, text: str) -> Iterator[tuple[int, int, str, tuple]]:
        """(start, end, surface, values) for every occurrence, overlapping ones included.

        In the order of end, then longest first at one end (a scan's order: 副市长 before 市长)."""
        if self._empty:
            return
        if self._all is None:
            self._all = ahocorasick_rs.AhoCorasick(self._surfaces, implementation=self._implementation())
        surfaces, values = self._surfaces, self._values
        for k, start, end in sorted(self._all.find_matches_as_indexes(text, overlapping=True), key=lambda h: (h[2], h[1])):
            yield start, end, surfaces[k], values[k]

    def longest(self, text: str) -> list[tuple[int, int, str, tuple]]:
        """Leftmost-longest non-overlapping hits."""
        if self._empty:
            return []
        if self._leftmost is None:
            self._leftmost = ahocorasick_rs.AhoCorasick(self._surfaces, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                                        implementation=self._implementation())
        surfaces, values = self._surfaces, self._values
        return [(start, end, surfaces[k], values[k]) for k, start, end in self._leftmost.find_matches_as_indexes(text)]


@cache
def _added_words(lex: Lexicons) -> tuple[tuple[str, int], ...]:
    """The (word, frequency) pairs the lexicon set adds to jieba's dictionary, in the order added."""
    added = [(word, 200000) for word in lex.read_list("jieba_user.txt")]
    for row in lex.read_tsv("slogans.tsv"):
        for s in (row["label"], *split_multi(row.get("aliases", ""))):
            if 2 <= len(s) <= 12:
                added.append((s, 100000))
    return tuple(added)


@cache
def _dictionary(lex: Lexicons) -> tuple[dict[str, int], int, str]:
    from extractors.dictcache import tokenizer_dictionary

    return tokenizer_dictionary(_added_words(lex))


@cache
def tokenizer(lex: Lexicons):
    """A jieba tokenizer that knows the lexicon set's names (市委全会, 五种风气, ...).

    Its dictionary is jieba's initialised one with the set's words added by ``add_word``, read
    back from a content-keyed snapshot when there is one (``extractors.dictcache``: the same value).
    """
    from extractors.jiebaimport import import_jieba

    jieba = import_jieba()

    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, _ = _dictionary(lex)
    tok.initialized = True  # what initialize() leaves: FREQ and total set (add_word changes nothing else here)
    return tok


@cache
def _dictionary_words(lex: Lexicons) -> tuple[dict[str, int], int, dict[str, str], str]:
    from extractors.dictcache import dictionary_words

    return dictionary_words(_added_words(lex))


def word_frequencies(lex: Lexicons) -> dict[str, int]:
    """The lexicon set's tokenizer's words with their frequencies (``.get(w, 0)`` is ``tokenizer(lex).FREQ``'s),
    without the tokenizer's prefix entries, read from a snapshot shared with the tag table."""
    return _dictionary_words(lex)[0]


@cache
def segmenter(lex: Lexicons) -> Segmenter:
    """The lexicon set's tokenizer behind a faster, token-identical driver (``extractors.segment``).

    It reads the set's words and frequencies (:func:`word_frequencies`); the tokenizer itself, with its
    prefix entries, is loaded only for a block that needs jieba's own route."""
    from extractors.segment import Segmenter

    words, total, _, key = _dictionary_words(lex)
    return Segmenter(lambda: tokenizer(lex), key=key, added=_added_words(lex), words=(words, total))


def cut(text: str, lex: Lexicons) -> list[str]:
    """Segment as the lexicon set's jieba tokenizer does (``tokenizer(lex).lcut``: HMM on, for unseen names)."""
    return segmenter(lex).lcut(text)


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    # jieba.posseg.dt.word_tag_tab (without importing jieba.posseg: it parses dict.txt at import), jieba's alone
    # whatever the set; read with the bundled set's words, whose strings it shares (extractors.dictcache)
    return _dictionary_words(Lexicons().canonical())[2]


def word_tag_table() -> dict[str, str]:
    """jieba's word → tag table itself (read it, never change it): ``.get`` for a caller that tags every token."""
    return _word_tags()


def word_tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag for a word ('' when jieba does not know it)."""
    return _word_tags().get(word, "")


def is_dictionary_word(word: str) -> bool:
    """jieba knows ``word`` as an ordinary word (any tag but a person name's nr*)."""
    tag = word_tag(word)
    return bool(tag) and not tag.startswith("nr")


#: Function characters that never stand inside a person's name (应由该, 从今天).
FUNCTION_CHARS = frozenset("的了是在由该和与及或为把被这那其此")


# what opens a clause but never a name: enumerators (一是, 二要), prepositions and conjunctions fused by jieba (由县, 为国)
_LEAD = re.compile(r"^(?:[一二三四五六七八九十]是|[一二三四五六七八九十]要|其[一二三四五六七八九十]|[由为在对向将把从与和及据使让被])(?=.{2})")


def trim_lead(name: str, lex: Lexicons) -> str:
    """The name without an enumerator or a function character jieba glued to its first word."""
    m = _LEAD.match(name)
    if m is None:
        return name
    rest = name[m.end():]
    # keep a first character that belongs to a dictionary word of the name (和平区, 为民服务中心)
    first = cut(name, lex)[0]
    return name if len(first) > m.end() and is_dictionary_word(first) else rest


@cache
def _titles(lex: Lexicons) -> tuple[str, ...]:
    return tuple(sorted({w for line in lex.read_list("titles.txt") for w in line.split()}, key=len, reverse=True))


def in_title(text: str, end: int, lex: Lexicons) -> bool:
    """True when the organisation ending at ``end`` is part of a person's title (中共中央总书记, 市委书记)."""
    return text.startswith(_titles(lex), end)


def inside_title(text: str, pos: int) -> bool:
    """True inside 《…》 on one line: a name in a document's title belongs to the title."""
    open_ = text.rfind("《", 0, pos)
    return open_ >= 0 and text.find("》", open_) >= pos and "\n" not in text[open_:pos]
