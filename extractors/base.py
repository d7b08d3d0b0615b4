"""The extractor protocol and the per-article working document it operates on.

A ``Doc`` is made by the caller (``kg.pipeline.make_doc``: text normalisation, sentences and
paragraphs are input preparation, owned by ``kg``); the extractors only read and add to it.

Like spaCy's pipeline components, every extractor is a callable taking the same
``Doc`` and adding to it; the order of components is the only coupling between
them (places before organisations, entities before relations).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from extractors.lexicon import Lexicons
from extractors.model import Article, Evidence, Mention, Relation
from extractors.rules import Precedence


class NormalizedText(Protocol):
    """The normalised article text and its way back to original offsets (``kg.text.NormText``)."""

    @property
    def text(self) -> str: ...

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...


_NEAR = 64  # bucket width of Doc.touching (characters): longer than most mentions


@dataclass
class Context:
    """What the article says about where it is from, used to expand abbreviations."""

    province: str = ""   # short name, e.g. 江苏
    city: str = ""       # short name, e.g. 徐州
    county: str = ""     # short name of a county/district, e.g. 阜城
    county_suffix: str = ""  # 县 / 区 / 市 (county-level city)
    town: str = ""


@dataclass
class Doc:
    """One article being analysed. Mention offsets here index ``text`` (normalised)."""

    article: Article
    norm: NormalizedText
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    context: Context = field(default_factory=Context)
    #: the lexicon set every component reads its word lists and rules from (default: the bundled data)
    lex: Lexicons = field(default_factory=Lexicons)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    # per-type index of ``mentions`` (kept by ``add``) and sentence/paragraph starts for bisection:
    # long documents (a 300,000-character report) would otherwise rescan everything per lookup
    _by_type: dict[str, list[Mention]] = field(default_factory=dict, repr=False)
    _cover: dict[str, bytearray] = field(default_factory=dict, repr=False)  # characters each type covers
    # per-type buckets of _NEAR characters -> (order added, mention): "which mentions touch this span" without a scan
    _near: dict[str, dict[int, list[tuple[int, Mention]]]] = field(default_factory=dict, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)
    #: ``lex``'s precedence table and the lexicon set it was read for (``blocked`` asks it for every proposed mention)
    _precedence: tuple[Lexicons, Precedence] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s for s, _ in self.sentences]
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        for m in self.mentions:
            self._index(m)

    def _index(self, mention: Mention) -> None:
        kind, start, end = mention.type, mention.start, mention.end
        pool = self._by_type.get(kind)
        if pool is None:
            pool = self._by_type[kind] = []
        pool.append(mention)
        near = self._near.get(kind)
        if near is None:
            near = self._near[kind] = {}
        lo, hi = (start, end) if start <= end else (end, start)
        entry = (len(pool), mention)
        for b in range(lo // _NEAR, hi // _NEAR + 1):
            near.setdefault(b, []).append(entry)
        n = len(self.norm.text)
        if 0 <= start < end <= n:
            cover = self._cover.get(kind)
            if cover is None:  # (made once per kind: a setdefault's default is a text-long bytearray per mention)
                cover = self._cover[kind] = bytearray(n)
            cover[start:end] = b"\x01" * (end - start)

    @property
    def text(self) -> str:
        return self.norm.text

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self._index(mention)

    def of_type(self, *types: str) -> list[Mention]:
        """Mentions of these types, in the order they were added."""
        if len(types) == 1:
            return list(self._by_type.get(types[0], ()))
        return [m for m in self.mentions if m.type in types]

    def touching(self, type_: str, start: int, end: int) -> list[Mention]:
        """Mentions of ``type_`` with ``m.start <= end and start <= m.end``, in the order added.

        A superset of those containing, crossing or sharing an end with [start, end), found
        through the buckets: callers filter it with their own test instead of scanning them all.
        """
        near = self._near.get(type_)
        if not near:
            return []
        found: dict[int, Mention] = {}
        for b in range(start // _NEAR, end // _NEAR + 1):
            for seq, m in near.get(b, ()):
                if m.start <= end and start <= m.end:
                    found[seq] = m
        return [found[k] for k in sorted(found)]

    def covered(self, start: int, end: int, *types: str) -> bool:
        """True when [start, end) overlaps an existing mention (of ``types`` if given)."""
        if end <= start:  # a point: inside a mention?
            pools = [self._by_type.get(t, ()) for t in types] if types else [self.mentions]
            return any(m.start < end and start < m.end for pool in pools for m in pool)
        covers = [self._cover[t] for t in types if t in self._cover] if types else list(self._cover.values())
        lo = max(0, start)
        return any(cover.find(1, lo, end) >= 0 for cover in covers)  # (a search in place, not a slice's copy)

    def blocked(self, rule: str, kind: str, start: int, end: int) -> bool:
        """The one overlap policy: True when a new ``kind`` mention over [start, end) made by ``rule``
        loses to an earlier mention, by the lexicon set's precedence table (``precedence.tsv``)."""
        held = self._precedence
        if held is None or held[0] is not self.lex:
            held = self._precedence = (self.lex, self.lex.precedence())
        yields_to, nests = held[1].lookup(rule, kind)
        if yields_to:
            if end <= start:
                if self.covered(start, end, *yields_to):
                    return True
            else:  # covered(start, end, *yields_to), inlined
                lo, covers = max(0, start), self._cover
                for t in yields_to:
                    cover = covers.get(t)
                    if cover is not None and cover.find(1, lo, end) >= 0:
                        return True
        # a mention of a nested kind that crosses the span (overlaps it without lying inside it): the
        # buckets of ``touching`` read directly, since any one such mention answers (every component asks this)
        for t in nests:
            near = self._near.get(t)
            if near:
                for b in range(start // _NEAR, end // _NEAR + 1):
                    for _, m in near.get(b, ()):
                        if m.start < end and start < m.end and not (start <= m.start and m.end <= end):
                            return True
        return False

    @staticmethod
    def _span_at(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and spans[i][0] <= pos < spans[i][1]:
            return spans[i]
        return pos, pos

    def clause_start(self, pos: int) -> int:
        """Start of the clause holding ``pos``: after the last ，；： of its sentence."""
        s, _ = self.sentence_at(pos)
        return max(s, max(self.text.rfind(c, s, pos) for c in "，；：") + 1)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        return self._span_at(self.sentences, self._sentence_starts, pos)

    def evidence(self, span: tuple[int, int]) -> Evidence:
        """Evidence for a normalised span: original offsets and the original sentence text."""
        start, end = self.norm.to_original(*span)
        return Evidence(self.article.id, start, end, self.article.text[start:end])

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        return self._span_at(self.paragraphs, self._paragraph_starts, pos)


@runtime_checkable
class Extractor(Protocol):
    """A pipeline component: reads the ``Doc`` and adds mentions or relations to it."""

    name: str
    #: what must already be on the Doc (mention types, "context", "relations") and what this adds;
    #: ``check_order`` verifies a pipeline against them
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> None: ...


def check_order(components: Sequence[Extractor]) -> None:
    """Raise ``ValueError`` when a component runs before everything it requires.

    A requirement is met by any earlier component that assigns it; one that no component of the
    pipeline assigns is not required (``--skip ner`` leaves the rest valid).
    """
    assigned_anywhere = {a for c in components for a in c.assigns}
    seen: set[str] = set()
    for c in components:
        missing = [r for r in c.requires if r in assigned_anywhere and r not in seen]
        if missing:
            later = [d.name for d in components if set(d.assigns) & set(missing)]
            raise ValueError(f"pipeline order: {c.name!r} requires {missing}, assigned later by {later}")
        seen.update(c.assigns)
