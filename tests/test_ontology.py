"""ontology/: kg.ttl and the KG DefinedNamespace agree both ways; shapes and context load."""
from __future__ import annotations

import json

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from kg.readwrite.rdf_blocks import CLASSES, K, KG_NS, RELATIONS
from ontology import KG, KGR, ONTOLOGY_DIR

SCHEMA_CLASSES = ["Organization", "Meeting", "PolicySlogan", "Person", "Place", "Theory", "Document", "Article",
                  "NumberedFormulation", "Campaign", "PlenarySession", "Congress"]
#: Subclasses the extractors emit beyond SCHEMA.md (extractors/data/slogans.tsv, meeting.py, document.py).
EXTRACTOR_SUBTYPES = {"PolicySlogan": ["NumberedFormulation", "Campaign", "Vision", "Goal", "Style"],
                      "Meeting": ["PlenarySession", "Congress", "Session"], "Document": ["Speech"]}
SCHEMA_PROPERTIES = ["heldBy", "studies", "promotes", "mentions", "hasPart", "subOrganizationOf", "locatedIn",
                     "chairedBy", "attendedBy", "mentionedIn"]
#: What the project adds to the contract (SCHEMA.md: add freely, never rename or drop): recurring meetings and speakers.
PROJECT_CLASSES = ["MeetingSeries"]
PROJECT_PROPERTIES = ["inSeries", "voices"]
TERM_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl")


def _ttl_terms(onto: rdflib.Graph) -> set[str]:
    return {str(s)[len(KG_NS):] for s in onto.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(KG_NS)}


def test_namespace_iri():
    assert str(KG.Organization) == "https://w3id.org/policy-slogan-kg/ontology#Organization"
    assert str(KGR["Organization/徐州"]) == "https://w3id.org/policy-slogan-kg/id/Organization/徐州"


def test_every_ttl_term_is_in_namespace(onto):
    missing = sorted(t for t in _ttl_terms(onto) if t not in KG.__annotations__)
    assert not missing, f"add to ontology/namespace.py: {missing}"


def test_every_namespace_term_is_declared_in_ttl(onto):
    declared = _ttl_terms(onto)
    missing = sorted(t for t in KG.__annotations__ if not t.startswith("_") and t not in declared)
    assert not missing, f"declare in ontology/kg.ttl: {missing}"
    for t in KG.__annotations__:
        if not t.startswith("_"):
            assert set(onto.objects(KG[t], RDF.type)) & TERM_TYPES, f"kg:{t} has no OWL type"


def test_namespace_is_closed():
    with pytest.raises(AttributeError):
        KG.heldby  # noqa: B018 - typo must fail


def test_schema_terms_present(onto):
    for c in SCHEMA_CLASSES:
        assert (KG[c], RDF.type, OWL.Class) in onto
    for p in SCHEMA_PROPERTIES:
        assert (KG[p], RDF.type, OWL.ObjectProperty) in onto
        assert (KG[p], RDFS.range, None) in onto, p
    for sup, subs in EXTRACTOR_SUBTYPES.items():
        for sub in subs:
            assert (KG[sub], RDFS.subClassOf, KG[sup]) in onto, sub


def test_lexicon_subtypes_are_declared():
    """Every subtype the slogan lexicon assigns must be an ontology class (else it is an undeclared kg: IRI)."""
    import csv
    from pathlib import Path

    tsv = Path(__file__).resolve().parent.parent / "extractors" / "data" / "slogans.tsv"
    if not tsv.exists():
        pytest.skip("extractors/data/slogans.tsv not present")
    rows = [r for r in csv.reader(tsv.open(encoding="utf-8"), delimiter="\t") if r and not r[0].startswith("#")]
    subtypes = {r[2] for r in rows[1:] if len(r) > 2 and r[2]}
    assert subtypes <= set(EXTRACTOR_SUBTYPES["PolicySlogan"]), subtypes


@pytest.mark.parametrize("term", sorted(t for t in KG.__annotations__ if not t.startswith("_")))
def test_labels_and_comments_in_zh_and_en(onto, term):
    for prop in (RDFS.label, RDFS.comment):
        langs = {o.language for o in onto.objects(KG[term], prop)}
        assert {"zh", "en"} <= langs, f"kg:{term} needs {prop} in zh and en"


def test_alignment(onto):
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    schema = rdflib.Namespace("https://schema.org/")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert (KG.Organization, RDFS.subClassOf, org.Organization) in onto
    assert (KG.Meeting, RDFS.subClassOf, schema.Event) in onto
    assert (KG.subOrganizationOf, RDFS.subPropertyOf, org.subOrganizationOf) in onto
    assert (KG.mentionedIn, RDFS.subPropertyOf, prov.wasDerivedFrom) in onto


def test_exporter_uses_only_declared_terms():
    for iri in K.values():
        assert iri.startswith(KG_NS)
        KG[iri[len(KG_NS):]]  # raises if undeclared
    assert set(CLASSES) <= set(SCHEMA_CLASSES + PROJECT_CLASSES)
    assert set(RELATIONS) == set(SCHEMA_PROPERTIES + PROJECT_PROPERTIES)


def test_shapes_parse_and_reference_declared_terms():
    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    used = {str(t)[len(KG_NS):] for t in shapes.all_nodes() if isinstance(t, rdflib.URIRef) and str(t).startswith(KG_NS)}
    assert used - {""} <= set(KG.__annotations__)


def test_context_jsonld_maps_to_declared_terms():
    ctx = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert ctx["kg"] == KG_NS
    for value in ctx.values():
        iri = value["@id"] if isinstance(value, dict) else value
        if isinstance(iri, str) and iri.startswith("kg:"):
            KG[iri[3:]]
    # the context really works: expand a compact document with rdflib
    doc = {"@context": ctx, "@id": "kgr:Organization/x", "@type": "kg:Organization",
           "label": {"zh": "徐州市总工会"}, "promotes": "kgr:PolicySlogan/y"}
    g = rdflib.Graph().parse(data=json.dumps(doc, ensure_ascii=False), format="json-ld")
    s = KGR["Organization/x"]
    assert (s, RDF.type, KG.Organization) in g
    assert (s, KG.promotes, KGR["PolicySlogan/y"]) in g
    assert (s, RDFS.label, rdflib.Literal("徐州市总工会", lang="zh")) in g
