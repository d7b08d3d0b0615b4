"""What extraction reads and writes: an article in, mentions and relations out.

These plain dataclasses are the contract between the extractors and everything downstream
(:mod:`kg` resolves, graphs and exports them). They live here, in the lower layer, so that
imports flow one way: ``kg`` imports ``extractors``, never the reverse.
Offsets of a finished :class:`Mention` index the *original* article text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
    #: provenance: the id of the rule that made this mention (``meeting.plenum.central``) and the
    #: pipeline component that ran it (set by the pipeline when the rule does not say)
    rule: str = ""
    component: str = ""

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
    rule: str = ""       # provenance, as on Mention
    component: str = ""
