"""The document model: what one article yields, before any cross-article merging.

:class:`Article`, :class:`Mention`, :class:`Relation` and :class:`Evidence` are defined by the
extractors (:mod:`extractors.model`) and re-exported here; this module adds the per-article
grouping that :mod:`kg.resolve` merges. Everything here is plain data so that extraction of one article can run in any
process (or on a Dask worker) and be merged later by :mod:`kg.resolve`.
Offsets always index the *original* article text: ``text[start:end] == surface``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractors.model import Article, Evidence, Mention, Relation

__all__ = ["Article", "ArticleResult", "Entity", "Evidence", "Mention", "Relation"]


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
