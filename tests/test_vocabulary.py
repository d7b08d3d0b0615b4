"""One vocabulary: ontology/vocabulary.py agrees with the ontology, and every reader of names uses it."""
from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib import OWL, RDF

from kg import evaluate
from kg.readwrite import _html_style, rdf_blocks
from ontology import vocabulary
from ontology.namespace import KG

TTL = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"


def test_vocabulary_terms_are_the_ontologys():
    g = rdflib.Graph().parse(TTL)
    for c in (*vocabulary.ENTITY_CLASSES, *vocabulary.DERIVED_CLASSES, vocabulary.ARTICLE):
        assert (rdflib.URIRef(c.iri), RDF.type, OWL.Class) in g, c.name
        assert str(KG[c.name]) == c.iri
    for r in vocabulary.RELATIONS:
        assert (rdflib.URIRef(r.iri), RDF.type, OWL.ObjectProperty) in g, r.name
        assert str(KG[r.name]) == r.iri


def test_readers_share_the_vocabulary():
    assert rdf_blocks.CLASSES == ("Article", *vocabulary.ENTITY_CLASS_NAMES, "MeetingSeries")
    assert rdf_blocks.RELATIONS == vocabulary.RELATION_NAMES
    assert evaluate.CLASSES == vocabulary.ENTITY_CLASS_NAMES
    assert evaluate.RELATIONS == vocabulary.SCORED_RELATION_NAMES == ("heldBy", "studies", "promotes", "hasPart")
    assert [s.name for s in _html_style.CLASS_STYLES] == [*vocabulary.ENTITY_CLASS_NAMES, "MeetingSeries", "Article"]
    assert {s.name: s.color for s in _html_style.RELATION_STYLES} == {r.name: r.color for r in vocabulary.RELATIONS}
