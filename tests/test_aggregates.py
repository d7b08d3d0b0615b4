"""The corpus-wide figures the exporter stores (kg/readwrite/rdf_aggregates.py) on a small dated corpus.

Exact values, and the same values as the live SPARQL aggregation they replace, so the
stored figures cannot drift from the triples they summarise.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg import query as Q
from kg.iri import article_iri, entity_iri
from kg.readwrite import rdf
from kg.readwrite.rdf_aggregates import CLASS_PARTITION_BASE, MIN_SHARED_ARTICLES

QUERIES = Path(__file__).resolve().parent.parent / "queries"
KG = "https://w3id.org/policy-slogan-kg/ontology#"
#: article id → date ("" = undated)
DATES = {"a1": "2022-01-05", "a2": "2022-03-01", "a3": "", "a4": "2021-12-31"}
#: slogan → articles it is mentioned in
SLOGANS = {"两个确立": ["a1", "a2", "a3"], "四个意识": ["a1", "a2"], "新质生产力": ["a3"], "两个维护": ["a2", "a4"]}
#: (organization, slogan, [(article, sentence start)]) — one evidence sentence each
PROMOTES = [("中共中央", "两个确立", [("a1", 0), ("a2", 0)]), ("国务院", "两个确立", [("a2", 10)]),
            ("中共中央", "四个意识", [("a1", 0)])]


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for art, date in DATES.items():
        g.add_node(article_iri(art), type="Article", label=art, article_id=art, date=date, count=0)
    for org in ("中共中央", "国务院"):
        g.add_node(entity_iri("Organization", org), type="Organization", label=org, count=1)
    for slogan, arts in SLOGANS.items():
        iri = entity_iri("PolicySlogan", slogan)
        g.add_node(iri, type="PolicySlogan", label=slogan, count=len(arts),
                   subtypes=("NumberedFormulation",) if slogan[0] in "两四" else ())
        for art in arts:
            g.add_edge(iri, article_iri(art), key="mentionedIn", predicate="mentionedIn")
    for org, slogan, evs in PROMOTES:
        ev = tuple({"article": a, "start": s, "end": s + 5, "sentence": f"{org}{slogan}"} for a, s in evs)
        g.add_edge(entity_iri("Organization", org), entity_iri("PolicySlogan", slogan), key="promotes",
                   predicate="promotes", evidence=ev)
    return g


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("dated")
    rdf.write(_graph(), d, formats=("ttl", "nq"))
    return d


@pytest.fixture(scope="module", params=Q.ENGINES)
def store(request, built):
    return Q.load(built, request.param)


def _run(store, name: str) -> list[tuple]:
    return Q.run_query(store, (QUERIES / name).read_text(encoding="utf-8")).rows


def test_slogan_dates_and_counts(store):
    assert _run(store, "slogan_first_appearance.rq") == [
        ("两个维护", "2021-12-31", "2022-03-01", 2),
        ("两个确立", "2022-01-05", "2022-03-01", 3),  # a3 is undated: counted, but gives no date
        ("四个意识", "2022-01-05", "2022-03-01", 2),
    ]  # 新质生产力 is only in the undated a3: no first date, left out


def test_undated_slogan_has_count_but_no_date(store):
    rows = Q.run_query(store, "SELECT ?s ?p ?v WHERE { ?s ?p ?v FILTER (STRSTARTS(STR(?p), STR(kg:))) }",
                       {"s": f"<{entity_iri('PolicySlogan', '新质生产力')}>"}).rows
    rows = [r[1:] for r in rows]
    assert sorted(rows) == [(KG + "articleCount", 1), (KG + "mentionCount", 1),
                            (KG + "mentionedIn", article_iri("a3")), (KG + "promoterCount", 0),
                            (KG + "promotionCount", 0)]


def test_promoter_figures(store):
    assert _run(store, "most_promoted_slogans.rq") == [("两个确立", 2, 3), ("四个意识", 1, 1)]


def test_cooccurring_pairs_share_two_articles(store):
    assert MIN_SHARED_ARTICLES == 2
    # 两个确立+四个意识 share a1, a2; every other pair shares one article or none
    assert _run(store, "cooccurring_slogans.rq") == [("两个确立", "四个意识", 2)]


def test_class_counts(store):
    assert dict(_run(store, "class_overview.rq")) == {
        KG + "Article": 4, KG + "PolicySlogan": 4, KG + "NumberedFormulation": 3, KG + "Organization": 2,
        KG + "Assertion": 4, KG + "Sentence": 3}
    rows = Q.run_query(store, "SELECT ?p WHERE { ?p kg:ofClass kg:Article }").rows
    assert rows == [(CLASS_PARTITION_BASE + "Article",)]


#: The live aggregations the stored figures replace (what the bundled queries computed before).
LIVE = {
    "slogan_first_appearance.rq": """
        SELECT ?sloganLabel ?firstSeen ?lastSeen ?articles WHERE {
          { SELECT ?slogan (MIN(?date) AS ?firstSeen) (MAX(?date) AS ?lastSeen)
            WHERE { ?slogan a kg:PolicySlogan ; kg:mentionedIn ?article . ?article dcterms:date ?date } GROUP BY ?slogan }
          { SELECT ?slogan (COUNT(DISTINCT ?article) AS ?articles) WHERE { ?slogan kg:mentionedIn ?article } GROUP BY ?slogan }
          ?slogan rdfs:label ?sloganLabel }""",
    "most_promoted_slogans.rq": """
        SELECT ?sloganLabel (COUNT(DISTINCT ?org) AS ?organizations) (COUNT(DISTINCT ?evidence) AS ?evidenceCount)
        WHERE { ?org kg:promotes ?slogan . ?slogan a kg:PolicySlogan ; rdfs:label ?sloganLabel .
                OPTIONAL { ?evidence kg:subject ?org ; kg:object ?slogan ; kg:predicate kg:promotes } }
        GROUP BY ?sloganLabel""",
    "class_overview.rq": """
        SELECT ?class (COUNT(DISTINCT ?s) AS ?resources) WHERE { ?s a ?class . FILTER (STRSTARTS(STR(?class), STR(kg:))) }
        GROUP BY ?class""",
    "cooccurring_slogans.rq": """
        SELECT ?aLabel ?bLabel (COUNT(DISTINCT ?article) AS ?sharedArticles)
        WHERE { ?a a kg:PolicySlogan ; kg:mentionedIn ?article ; rdfs:label ?aLabel .
                ?b a kg:PolicySlogan ; kg:mentionedIn ?article ; rdfs:label ?bLabel . FILTER (STR(?a) < STR(?b)) }
        GROUP BY ?aLabel ?bLabel HAVING (COUNT(DISTINCT ?article) >= 2)""",
}


@pytest.mark.parametrize("name", sorted(LIVE))
def test_stored_figures_equal_the_live_aggregation(store, name):
    assert Q.sorted_rows(_run(store, name)) == Q.sorted_rows(Q.run_query(store, LIVE[name]).rows)


def test_figures_survive_a_round_trip(built, tmp_path):
    """Read back and exported again: the same bytes (the figures are recomputed, not copied)."""
    rdf.write(rdf.read(built), tmp_path, formats=("ttl", "nq"))
    for name in ("graph.ttl", "graph.nq"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name
