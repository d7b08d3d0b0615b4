"""SHACL validation of an exported graph against ``ontology/shapes.ttl``.

Validation reads the *union* of the dataset as one plain rdflib ``Graph``:
pyshacl validates each named graph of a ``Dataset`` separately, and an
article's graph alone lacks the resource types its assertions point to.
"""
from __future__ import annotations

from pathlib import Path

import rdflib

from ontology import ONTOLOGY_DIR

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


def load_union(source: str | Path | rdflib.Graph) -> rdflib.Graph:
    """Every triple of ``source`` (a built directory, an RDF file, a Graph or a Dataset) in one Graph."""
    if isinstance(source, rdflib.Graph):
        union = rdflib.Graph()
        triples = (q[:3] for q in source.quads((None, None, None, None))) if isinstance(source, rdflib.Dataset) else source
        for t in triples:
            union.add(t)
        return union
    from kg.readwrite.rdf import find_graph_file

    file = find_graph_file(source)
    ds = rdflib.Dataset()
    try:
        ds.parse(file)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise ValueError(f"{file}: cannot parse RDF ({exc})") from exc
    return load_union(ds)


def validate(source: str | Path | rdflib.Graph, shapes: str | Path = SHAPES_PATH) -> tuple[bool, str]:
    """Validate ``source`` with pyshacl; return ``(conforms, human-readable report)``."""
    import pyshacl

    data = load_union(source)
    shapes_graph = rdflib.Graph().parse(shapes)
    conforms, _report_graph, text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=True, allow_warnings=True
    )
    return bool(conforms), str(text)
