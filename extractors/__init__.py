"""Extractors: one module per kind of thing, all with the same call signature (``component(doc)``)."""
from __future__ import annotations

from extractors.base import Context, Doc, Extractor


def default_pipeline() -> list[Extractor]:
    """The components in the order they depend on each other."""
    from extractors.document import DocumentExtractor
    from extractors.meeting import MeetingExtractor
    from extractors.ner import NameExtractor
    from extractors.organization import OrganizationExtractor
    from extractors.person import PersonExtractor
    from extractors.place import ContextExtractor, PlaceExtractor
    from extractors.relations import RelationExtractor
    from extractors.slogan import SloganExtractor
    from extractors.theory import TheoryExtractor

    return [
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
    ]


__all__ = ["Context", "Doc", "Extractor", "default_pipeline"]
