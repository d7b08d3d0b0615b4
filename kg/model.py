"""The document model: what one article yields, before any cross-article merging.

Everything here is plain data so that extraction of one article can run in any
process (or on a Dask worker) and be merged later by :mod:`kg.resolve`.
Offsets always index the *original* article text: ``text[start:end] == surface``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The classes of SCHEMA.md §2 that extractors produce (Article is implicit).
ENTITY_CLASSES: tuple[str, ...] = (
    "Organization",
    "Meeting",
    "PolicySlogan",
    "Person",
    "Place",
    "Theory",
    "Document",
)

#: The relations of SCHEMA.md §4 that extractors produce.
RELATIONS: tuple[str, ...] = (
    "heldBy",
    "studies",
    "promotes",
    "mentions",
    "hasPart",
    "subOrganizationOf",
    "locatedIn",
    "chairedBy",
    "attendedBy",
)


@dataclass(frozen=True)
class Article:
    """One input document. ``id`` must be unique within a build."""

    id: str
    text: str
    title: str = ""
    date: str = ""
    source: str = ""


@dataclass
class Mention:
    """A surface form found in an article, already assigned a canonical label.

    ``key`` identifies the entity inside the article (type + canonical label),
    so mentions with the same key are the same thing.
    """

    type: str
    label: str
    start: int
    end: int
    surface: str
    aliases: tuple[str, ...] = ()
    subtypes: tuple[str, ...] = ()
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.label)


@dataclass(frozen=True)
class Evidence:
    """Where a relation is stated: the sentence and the character offsets."""

    article: str
    start: int
    end: int
    sentence: str

    def as_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "sentence": self.sentence}


@dataclass(frozen=True)
class Relation:
    """``subject --predicate--> object`` between two entity keys of one article."""

    predicate: str
    subject: tuple[str, str]
    object: tuple[str, str]
    evidence: Evidence


@dataclass
class Entity:
    """An entity of one article: all mentions sharing a key, merged."""

    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    subtypes: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.label)


@dataclass
class ArticleResult:
    """Everything extracted from one article; the unit that is merged into a graph."""

    article: Article
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
