"""Namespaces of SCHEMA.md §1.

``KG`` is a closed :class:`rdflib.namespace.DefinedNamespace`: a typo such as
``KG.heldby`` raises at once instead of silently minting a term no query will
ever match. Every term of ``kg.ttl`` is listed here and nothing else
(``tests/test_ontology.py`` checks both directions).
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

#: Folder holding ``kg.ttl``, ``shapes.ttl`` and ``context.jsonld``.
ONTOLOGY_DIR = Path(__file__).resolve().parent

#: Namespace of extracted resources (entities, articles, assertions, mentions).
KGR = Namespace("https://w3id.org/policy-slogan-kg/id/")


class KG(DefinedNamespace):
    """Classes and properties of the policy-slogan-kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace("https://w3id.org/policy-slogan-kg/ontology#")
    _fail = True

    # classes (SCHEMA.md §2)
    Organization: URIRef
    Meeting: URIRef
    PlenarySession: URIRef
    Congress: URIRef
    Session: URIRef
    PolicySlogan: URIRef
    NumberedFormulation: URIRef
    Campaign: URIRef
    Vision: URIRef
    Goal: URIRef
    Style: URIRef
    Person: URIRef
    Place: URIRef
    Theory: URIRef
    Document: URIRef
    Speech: URIRef
    Article: URIRef
    MeetingSeries: URIRef
    # provenance classes
    Assertion: URIRef
    Mention: URIRef
    Sentence: URIRef

    # relations (SCHEMA.md §4)
    heldBy: URIRef
    studies: URIRef
    promotes: URIRef
    mentions: URIRef
    hasPart: URIRef
    subOrganizationOf: URIRef
    locatedIn: URIRef
    chairedBy: URIRef
    attendedBy: URIRef
    mentionedIn: URIRef
    inSeries: URIRef
    voices: URIRef

    # provenance properties
    subject: URIRef
    predicate: URIRef
    object: URIRef
    refersTo: URIRef
    inArticle: URIRef
    evidenceSentence: URIRef
    inSentence: URIRef
    sentenceStart: URIRef
    sentenceText: URIRef
    startOffset: URIRef
    endOffset: URIRef
    surfaceForm: URIRef
    mentionCount: URIRef
    rule: URIRef

    # corpus-wide figures precomputed at export (kg/readwrite/rdf_aggregates.py)
    articleCount: URIRef
    firstMentioned: URIRef
    lastMentioned: URIRef
    promoterCount: URIRef
    promotionCount: URIRef
    pairFirst: URIRef
    pairSecond: URIRef
    sharedArticleCount: URIRef
    ofClass: URIRef
    instanceCount: URIRef


#: The ontology's own IRI (not a ``kg:`` term: it has no ``#``).
ONTOLOGY_IRI = URIRef("https://w3id.org/policy-slogan-kg/ontology")
