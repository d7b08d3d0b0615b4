"""The extractor protocol and the per-article working document it operates on.

Like spaCy's pipeline components, every extractor is a callable taking the same
``Doc`` and adding to it; the order of components is the only coupling between
them (places before organisations, entities before relations).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from kg.model import Article, Evidence, Mention, Relation
from kg.text import NormText, normalize, paragraphs, sentences


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
    norm: NormText
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    context: Context = field(default_factory=Context)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    @classmethod
    def from_article(cls, article: Article) -> "Doc":
        norm = normalize(article.text)
        return cls(article, norm, sentences(norm.text), paragraphs(norm.text))

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)

    def of_type(self, *types: str) -> list[Mention]:
        return [m for m in self.mentions if m.type in types]

    def covered(self, start: int, end: int, *types: str) -> bool:
        """True when [start, end) overlaps an existing mention (of ``types`` if given)."""
        return any(m.start < end and start < m.end and (not types or m.type in types) for m in self.mentions)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos

    def evidence(self, span: tuple[int, int]) -> "Evidence":
        """Evidence for a normalised span: original offsets and the original sentence text."""
        start, end = self.norm.to_original(*span)
        return Evidence(self.article.id, start, end, self.article.text[start:end])

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        for s, e in self.paragraphs:
            if s <= pos < e:
                return s, e
        return pos, pos


@runtime_checkable
class Extractor(Protocol):
    """A pipeline component: reads the ``Doc`` and adds mentions or relations to it."""

    name: str

    def __call__(self, doc: Doc) -> None: ...
