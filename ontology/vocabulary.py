"""The project's vocabulary, defined once: classes and relations of ``kg:`` with their labels and colours.

The model, the RDF writers and reader, the HTML explorer, ``kg eval`` and the tests read these
tables instead of restating the names. Names are the local names of the ontology namespace
(``ontology/kg.ttl``, ``ontology.namespace.KG``; a test checks both agree); order is meaningful:
``ENTITY_CLASSES`` is the scorer's report order, ``RELATIONS`` the schema's (SCHEMA.md §2, §4).
"""
from __future__ import annotations

from dataclasses import dataclass

#: The ``kg:`` namespace IRI (``ontology.namespace.KG`` is the rdflib view of the same terms).
KG_NS = "https://w3id.org/policy-slogan-kg/ontology#"


@dataclass(frozen=True)
class ClassTerm:
    """One class: local name, Chinese and English labels, the explorer's colour and shape."""

    name: str
    zh: str
    en: str
    color: str
    shape: str

    @property
    def iri(self) -> str:
        return KG_NS + self.name


@dataclass(frozen=True)
class RelationTerm:
    """One relation: local name, labels, the explorer's colour; ``scored`` by ``kg eval`` and the scorer;
    ``dashes`` for provenance-only edges."""

    name: str
    zh: str
    en: str
    color: str
    scored: bool = False
    dashes: bool = False

    @property
    def iri(self) -> str:
        return KG_NS + self.name


#: The classes extractors produce (SCHEMA.md §2), in report order. Colours: Tableau-10.
ENTITY_CLASSES: tuple[ClassTerm, ...] = (
    ClassTerm("Organization", "组织机构", "organization", "#4E79A7", "dot"),
    ClassTerm("Meeting", "会议", "meeting", "#F28E2B", "diamond"),
    ClassTerm("PolicySlogan", "提法/口号", "policy slogan", "#E15759", "star"),
    ClassTerm("Person", "人物", "person", "#59A14F", "triangle"),
    ClassTerm("Place", "地名", "place", "#76B7B2", "triangleDown"),
    ClassTerm("Theory", "指导思想", "theory", "#B07AA1", "hexagon"),
    ClassTerm("Document", "讲话/文件", "document", "#EDC948", "square"),
)
#: Classes the ``kg`` layer derives from extracted ones (never scored): a recurring meeting's series,
#: made from its sittings' holder and kind (:mod:`kg.series`).
DERIVED_CLASSES: tuple[ClassTerm, ...] = (
    ClassTerm("MeetingSeries", "会议系列", "meeting series", "#FFBE7D", "diamond"),
)
#: One input document (provenance rather than content).
ARTICLE = ClassTerm("Article", "来源文章", "article", "#BAB0AC", "box")

#: The relations of SCHEMA.md §4, in schema order, then the project's own (``inSeries``: a sitting → its
#: series; ``voices``: a person → a formulation he states); ``mentionedIn`` is provenance.
RELATIONS: tuple[RelationTerm, ...] = (
    RelationTerm("heldBy", "召开", "held by", "#F28E2B", scored=True),
    RelationTerm("studies", "学习", "studies", "#B07AA1", scored=True),
    RelationTerm("promotes", "倡导", "promotes", "#E15759", scored=True),
    RelationTerm("mentions", "提及", "mentions", "#FF9DA7"),
    RelationTerm("hasPart", "包含", "has part", "#9C755F", scored=True),
    RelationTerm("subOrganizationOf", "下属", "sub-organization of", "#4E79A7"),
    RelationTerm("locatedIn", "位于", "located in", "#76B7B2"),
    RelationTerm("chairedBy", "主持", "chaired by", "#59A14F"),
    RelationTerm("attendedBy", "出席", "attended by", "#8CD17D"),
    RelationTerm("inSeries", "属于系列", "in series", "#FFBE7D"),
    RelationTerm("voices", "表述", "voices", "#D37295"),
    RelationTerm("mentionedIn", "出处", "mentioned in", "#C9C9C9", dashes=True),
)

ENTITY_CLASS_NAMES: tuple[str, ...] = tuple(c.name for c in ENTITY_CLASSES)
DERIVED_CLASS_NAMES: tuple[str, ...] = tuple(c.name for c in DERIVED_CLASSES)
RELATION_NAMES: tuple[str, ...] = tuple(r.name for r in RELATIONS)
SCORED_RELATION_NAMES: tuple[str, ...] = tuple(r.name for r in RELATIONS if r.scored)
