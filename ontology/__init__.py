"""The project's vocabulary: ``kg:`` terms, ``kgr:`` resources, and the bundled .ttl files.

The rdflib namespaces (:mod:`ontology.namespace`) are imported on first use: the build's writers
read only :mod:`ontology.vocabulary`, and importing rdflib cost every ``kg build`` ~0.15 s.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ontology.namespace import KG, KGR, ONTOLOGY_DIR, ONTOLOGY_IRI

__all__ = ["KG", "KGR", "ONTOLOGY_DIR", "ONTOLOGY_IRI"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from ontology import namespace

        return getattr(namespace, name)
    raise AttributeError(f"module 'ontology' has no attribute {name!r}")
