"""Extractors: one module per kind of thing, all with the same call signature (``component(doc)``)."""
from __future__ import annotations

from typing import Iterable

from extractors import native

native.enable(__path__)  # the compiled name component, only when built from this very source (extractors.native)

from extractors.base import Context, Doc, Extractor, check_order
from extractors.document import DocumentExtractor
from extractors.meeting import MeetingExtractor
from extractors.ner import NameExtractor
from extractors.organization import OrganizationExtractor
from extractors.person import PersonExtractor
from extractors.place import ContextExtractor, PlaceExtractor
from extractors.relations import RelationExtractor
from extractors.slogan import SloganExtractor
from extractors.speakers import SpeakerExtractor
from extractors.theory import TheoryExtractor


def default_pipeline(skip: Iterable[str] = ()) -> list[Extractor]:
    """The components in the order they depend on each other, less those named in ``skip``.

    Each component declares ``requires``/``assigns``; the order is checked (``check_order``), so a
    reordered or custom pipeline that runs a component too early fails at once, naming it.

    ``skip=("ner",)`` drops the general-news name recogniser, which needs a full jieba
    segmentation and costs most of the extraction time; the political extractors do not need it.
    """
    components: list[Extractor] = [
        TheoryExtractor(),
        PlaceExtractor(),
        ContextExtractor(),
        OrganizationExtractor(),
        PersonExtractor(),
        DocumentExtractor(),
        NameExtractor(),
        MeetingExtractor(),
        SloganExtractor(),
        RelationExtractor(),
        SpeakerExtractor(),
    ]
    unknown = set(skip) - {c.name for c in components}
    if unknown:
        raise ValueError(f"unknown pipeline component(s) {sorted(unknown)}; known: {[c.name for c in components]}")
    chosen = [c for c in components if c.name not in set(skip)]
    check_order(chosen)
    return chosen


__all__ = ["Context", "Doc", "Extractor", "check_order", "default_pipeline"]
