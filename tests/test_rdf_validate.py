"""SHACL: every exported graph conforms; broken graphs fail with a readable report."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.commands_rdf import validate_cmd
from kg.readwrite import rdf
from kg.validate import validate
from ontology import KG
from rdf_fixtures import iri_of, sample_graph


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("built")
    rdf.write(sample_graph(), d)
    return d


def _default():
    ds = rdf.to_rdf(sample_graph())
    g = rdflib.Graph()
    for t in ds.graph(DATASET_DEFAULT_GRAPH_ID):
        g.add(t)
    return g


def test_dataset_conforms():
    conforms, report = validate(rdf.to_rdf(sample_graph()))
    assert conforms, report


@pytest.mark.parametrize("ext", rdf.FORMATS)
def test_every_written_file_conforms(built, ext):
    conforms, report = validate(built / f"graph.{ext}")
    assert conforms, report


UNION = URIRef(iri_of("Organization", "徐州市总工会"))
MEETING = URIRef(iri_of("Meeting", "徐州市总工会主席办公会"))


def _first_assertion(g):
    return sorted(g.subjects(RDF.type, KG.Assertion))[0]


def _untyped(g):
    g.remove((UNION, RDF.type, None))


def _two_zh_labels(g):
    g.add((UNION, RDFS.label, Literal("另一个名字", lang="zh")))


def _untagged_label(g):
    g.remove((UNION, RDFS.label, None))
    g.add((UNION, RDFS.label, Literal("徐州市总工会")))


def _held_by_place(g):
    g.add((MEETING, KG.heldBy, URIRef(iri_of("Place", "徐州"))))


def _string_offset(g):
    a = _first_assertion(g)
    g.remove((a, KG.startOffset, None))
    g.add((a, KG.startOffset, Literal("12")))


def _offsets_reversed(g):
    a = _first_assertion(g)
    g.remove((a, KG.startOffset, None))
    g.add((a, KG.startOffset, Literal(10**6)))


def _plain_triple_missing(g):
    g.remove((MEETING, KG.heldBy, UNION))


def _article_without_id(g):
    for a in list(g.subjects(RDF.type, KG.Article)):
        g.remove((a, rdflib.namespace.DCTERMS.identifier, None))


def _subclass_without_superclass(g):
    g.remove((URIRef(iri_of("PolicySlogan", "五种风气")), RDF.type, KG.PolicySlogan))


def _malformed_date(g):
    a = sorted(g.subjects(RDF.type, KG.Article))[0]
    g.remove((a, rdflib.namespace.DCTERMS.date, None))
    g.add((a, rdflib.namespace.DCTERMS.date, Literal("2022010", datatype=rdflib.XSD.date)))


SLOGAN = URIRef(iri_of("PolicySlogan", "走在前列"))


def _two_en_labels(g):
    g.add((UNION, RDFS.label, Literal("Trade Union", lang="en")))


def _two_surface_forms(g):
    m = sorted(g.subjects(RDF.type, KG.Mention))[0]
    g.add((m, KG.surfaceForm, Literal("另一个")))


def _studies_a_place(g):  # sh:or ( Meeting Document Theory )
    g.add((MEETING, KG.studies, URIRef(iri_of("Place", "徐州"))))


def _figures_counted_twice(g):
    g.add((SLOGAN, KG.articleCount, Literal(99)))


def _first_after_last(g):
    g.remove((SLOGAN, KG.firstMentioned, None))
    g.add((SLOGAN, KG.firstMentioned, Literal("2030-01-01", datatype=rdflib.XSD.date)))


def _figures_missing(g):
    g.remove((SLOGAN, KG.promoterCount, None))


def _pair_of_a_place(g):
    pair = sorted(g.subjects(KG.sharedArticleCount, None))[0]
    g.remove((pair, KG.pairSecond, None))
    g.add((pair, KG.pairSecond, URIRef(iri_of("Place", "徐州"))))


BREAKAGES = {
    "two_en_labels": (_two_en_labels, "one per language"),
    "two_surface_forms": (_two_surface_forms, "at most 1 value(s) of kg:surfaceForm"),
    "studies_a_place": (_studies_a_place, "OrConstraintComponent"),
    "figures_counted_twice": (_figures_counted_twice, "at most 1 value(s) of kg:articleCount"),
    "first_after_last": (_first_after_last, "kg:firstMentioned must be <= kg:lastMentioned"),
    "figures_missing": (_figures_missing, "at least 1 value(s) of kg:promoterCount"),
    "pair_of_a_place": (_pair_of_a_place, "kg:pairSecond"),
    "malformed_date": (_malformed_date, "Datatype"),
    "untyped": (_untyped, "no rdf:type"),
    "two_zh_labels": (_two_zh_labels, "exactly one rdfs:label@zh"),
    "untagged_label": (_untagged_label, "language-tagged"),
    "held_by_place": (_held_by_place, "kg:Organization"),
    "string_offset": (_string_offset, "xsd:integer"),
    "offsets_reversed": (_offsets_reversed, "endOffset"),
    "plain_triple_missing": (_plain_triple_missing, "plain triple"),
    "article_without_id": (_article_without_id, "dcterms:identifier"),
    "subclass_without_superclass": (_subclass_without_superclass, "also be typed kg:PolicySlogan"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_graph_fails(name):
    g = _default()
    breaker, expected = BREAKAGES[name]
    breaker(g)
    conforms, report = validate(g)
    assert not conforms
    assert expected in report, report


@pytest.mark.parametrize("name", ["held_by_place", "two_zh_labels", "plain_triple_missing", "two_en_labels",
                                  "studies_a_place", "first_after_last", "figures_missing", "pair_of_a_place"])
def test_engines_agree(name):
    g = _default()
    BREAKAGES[name][0](g)
    assert validate(g, engine="sparql")[0] is validate(g, engine="pyshacl")[0] is False


def test_summary_comes_before_details():
    g = _default()
    _held_by_place(g)
    _, report = validate(g)
    assert report.index("Summary") < report.index("kgsh:HeldByShape: 1 violation")
    assert "kgsh:HeldByShape: 1 / " in report


def test_cli_validate_exit_codes(built, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(validate_cmd, [str(built)])
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.output
    g = _default()
    _held_by_place(g)
    bad = tmp_path / "graph.ttl"
    g.serialize(bad, format="turtle")
    res = runner.invoke(validate_cmd, [str(tmp_path)])
    assert res.exit_code == 1
    assert "does NOT conform" in res.output and "ClassConstraintComponent" in res.output


def test_cli_validate_missing_graph(tmp_path):
    res = CliRunner().invoke(validate_cmd, [str(tmp_path / "nope")])
    assert res.exit_code == 1 and "nope" in res.output


SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def real_build(tmp_path_factory):
    """``kg.build`` on samples/ (the real pipeline); a failing build fails the tests that use it."""
    from kg import build

    assert SAMPLES, "samples/*.txt are part of the repository"
    result = build(SAMPLES)
    d = tmp_path_factory.mktemp("real")
    rdf.write(result.graph, d)
    return result.graph, d


def test_real_build_conforms(real_build):
    _, d = real_build
    conforms, report = validate(d)
    assert conforms, report[:3000]


def test_real_build_round_trips_and_queries_agree(real_build):
    from rdflib.compare import isomorphic

    from kg import query as Q

    graph, d = real_build
    first = rdf.to_rdf(graph)
    second = rdf.to_rdf(rdf.read(d))
    for name in {str(c.identifier) for c in first.graphs()}:
        assert isomorphic(first.graph(URIRef(name)), second.graph(URIRef(name))), name
    stores = {e: Q.load(d, e) for e in Q.ENGINES}
    queries = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))
    for q in queries:
        text = q.read_text(encoding="utf-8")
        a, b = (Q.run_query(stores[e], text) for e in Q.ENGINES)
        if q.name == "slogans_per_organization.rq":
            a.rows = [r[:-1] + (sorted(r[-1].split(" | ")),) for r in a.rows]
            b.rows = [r[:-1] + (sorted(r[-1].split(" | ")),) for r in b.rows]
            assert sorted(map(str, a.rows)) == sorted(map(str, b.rows)), q.name
        else:
            assert Q.sorted_rows(a.rows) == Q.sorted_rows(b.rows), q.name
