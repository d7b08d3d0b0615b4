"""kg.readwrite.rdf export: every format parses back, agrees with to_rdf, is deterministic and atomic."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, SKOS, XSD

from kg.iri import article_iri
from kg.readwrite import rdf
from ontology import KG
from rdf_fixtures import A1, A2, iri_of, sample_graph

TRIPLE_FORMATS = ("ttl", "nt", "jsonld", "rdf")
QUAD_FORMATS = ("nq", "trig")


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return sample_graph()


@pytest.fixture(scope="module")
def dataset(graph) -> rdflib.Dataset:
    return rdf.to_rdf(graph)


@pytest.fixture(scope="module")
def default(dataset) -> rdflib.Graph:
    g = rdflib.Graph()
    for t in dataset.graph(DATASET_DEFAULT_GRAPH_ID):
        g.add(t)
    return g


@pytest.fixture(scope="module")
def out_dir(graph, tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("rdf")
    rdf.write(graph, d)
    return d


def _graphs_of(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    out: dict[str, rdflib.Graph] = {}
    for s, p, o, c in ds.quads((None, None, None, None)):
        name = "" if c is None or str(c) == str(DATASET_DEFAULT_GRAPH_ID) else str(c)
        out.setdefault(name, rdflib.Graph()).add((s, p, o))
    return out


def test_all_files_written(out_dir):
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f"graph.{e}" for e in rdf.FORMATS)


@pytest.mark.parametrize("ext", TRIPLE_FORMATS)
def test_triple_formats_parse_back_isomorphic(out_dir, default, ext):
    parsed = rdflib.Graph().parse(out_dir / f"graph.{ext}")
    assert len(parsed) == len(default)
    assert isomorphic(parsed, default)


@pytest.mark.parametrize("ext", QUAD_FORMATS)
def test_quad_formats_parse_back_graph_by_graph(out_dir, dataset, ext):
    parsed = rdflib.Dataset()
    parsed.parse(out_dir / f"graph.{ext}")
    want, got = _graphs_of(dataset), _graphs_of(parsed)
    assert sorted(got) == sorted(want) == ["", article_iri(A1), article_iri(A2)]
    for name in want:
        assert isomorphic(got[name], want[name]), name


@pytest.mark.parametrize("ext", rdf.FORMATS)
def test_pyoxigraph_parses_every_format(out_dir, default, ext):
    quads = list(ox.parse(path=str(out_dir / f"graph.{ext}")))
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(triples) == len(default)


def test_default_graph_is_complete_union(dataset):
    graphs = _graphs_of(dataset)
    for name, g in graphs.items():
        assert all(t in graphs[""] for t in g), name


def test_every_node_typed_and_labelled(graph, default):
    for node, data in graph.nodes(data=True):
        s = URIRef(node)
        assert (s, RDF.type, KG[data["type"]]) in default
        for sub in data["subtypes"]:
            assert (s, RDF.type, KG[sub]) in default
        zh = [o for o in default.objects(s, RDFS.label) if o.language == "zh"]
        assert zh == [Literal(data["label"], lang="zh")]
        assert {str(o) for o in default.objects(s, SKOS.altLabel)} == set(data["aliases"])
        assert (s, KG.mentionCount, Literal(data["count"])) in default
        if data["label_en"]:
            assert (s, RDFS.label, Literal(data["label_en"], lang="en")) in default


def test_articles_described(default):
    a = URIRef(article_iri(A1))
    assert (a, DCTERMS.title, Literal("扛起使命担当 谱写崭新篇章", lang="zh")) in default
    assert (a, DCTERMS.date, Literal("2021-07-10", datatype=XSD.date)) in default
    assert (a, DCTERMS.identifier, Literal(A1)) in default
    assert (a, DCTERMS.source, Literal("seeds/000_e8dd6484fe976b41.txt")) in default
    assert (URIRef(article_iri(A2)), DCTERMS.title, None) not in default  # untitled


def test_plain_triple_and_assertions_for_every_edge(graph, default):
    for s, o, key, data in graph.edges(keys=True, data=True):
        subj, pred, obj = URIRef(s), KG[key], URIRef(o)
        assert (subj, pred, obj) in default
        found = set(default.subjects(KG.subject, subj)) & set(default.subjects(KG.predicate, pred)) & set(default.subjects(KG.object, obj))
        assert len(found) == len(data["evidence"]), (s, key, o)
        for a in found:
            assert (a, RDF.type, KG.Assertion) in default
            start = default.value(a, KG.startOffset)
            assert start.datatype == XSD.integer and isinstance(start.toPython(), int)
            ev = next(e for e in data["evidence"] if e["start"] == start.toPython())
            assert default.value(default.value(a, KG.inSentence), KG.sentenceText) == Literal(ev["sentence"])
            assert default.value(a, KG.inArticle) == URIRef(article_iri(ev["article"]))


def test_named_graph_holds_what_the_article_states(dataset):
    g2 = _graphs_of(dataset)[article_iri(A2)]
    union = iri_of("Organization", "徐州市总工会")
    assert (URIRef(union), KG.promotes, URIRef(iri_of("PolicySlogan", "走在前列"))) in g2
    assert (URIRef(union), KG.promotes, URIRef(iri_of("PolicySlogan", "五种风气"))) not in g2


def test_mentions_exported(graph, default):
    node = iri_of("PolicySlogan", "走在前列")
    ms = set(default.subjects(KG.refersTo, URIRef(node)))
    assert len(ms) == len(graph.nodes[node]["mentions"]) == 2
    assert {str(default.value(m, KG.surfaceForm)) for m in ms} == {"走在前列"}


def test_no_blank_nodes(default):
    assert not any(isinstance(t, rdflib.BNode) for triple in default for t in triple)


def _shuffled(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Same content, reversed insertion order of nodes, edges and evidence."""
    h = nx.MultiDiGraph(**g.graph)
    for n, d in reversed(list(g.nodes(data=True))):
        h.add_node(n, **d)
    for s, o, k, d in reversed(list(g.edges(keys=True, data=True))):
        h.add_edge(s, o, key=k, **{**d, "evidence": tuple(reversed(d["evidence"]))})
    return h


def test_byte_identical_across_runs_and_insertion_orders(graph, out_dir, tmp_path):
    rdf.write(_shuffled(graph), tmp_path)
    for ext in rdf.FORMATS:
        assert (tmp_path / f"graph.{ext}").read_bytes() == (out_dir / f"graph.{ext}").read_bytes(), ext


def test_parallel_and_sequential_writers_agree(graph, out_dir, tmp_path):
    rdf.write(graph, tmp_path / "par", parallel=True)
    rdf.write(graph, tmp_path / "seq", parallel=False)
    for ext in rdf.FORMATS:
        data = (out_dir / f"graph.{ext}").read_bytes()
        assert (tmp_path / "par" / f"graph.{ext}").read_bytes() == data, ext
        assert (tmp_path / "seq" / f"graph.{ext}").read_bytes() == data, ext
    assert not [p for p in (tmp_path / "par").iterdir() if p.name.startswith(".")]


def test_parallel_child_error_is_raised(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("https://w3id.org/policy-slogan-kg/id/Place/x", type="Place", label="x\x0b")
    with pytest.raises(ValueError, match=r"graph\.rdf.*control character"):
        rdf.write(g, tmp_path, parallel=True)
    assert not (tmp_path / "graph.rdf").exists()
    assert (tmp_path / "graph.ttl").exists()  # files of the other writer are complete, never partial


def test_subset_of_formats_and_unknown_format(graph, tmp_path):
    paths = rdf.write(graph, tmp_path, formats=("ttl",))
    assert list(paths) == ["ttl"] and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    with pytest.raises(ValueError, match="unknown RDF format"):
        rdf.write(graph, tmp_path, formats=("xml",))


def test_bad_iri_and_type_are_reported_with_the_node(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("https://w3id.org/policy-slogan-kg/id/Organization/a b", type="Organization", label="a b")
    with pytest.raises(ValueError, match="a b"):
        rdf.write(g, tmp_path)
    g = nx.MultiDiGraph()
    g.add_node("https://w3id.org/policy-slogan-kg/id/Thing/x", type="Thing", label="x")
    with pytest.raises(ValueError, match="Thing/x.*type"):
        rdf.write(g, tmp_path)
    assert not list(tmp_path.iterdir())


def test_xml_rejects_control_characters_naming_the_file(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("https://w3id.org/policy-slogan-kg/id/Place/x", type="Place", label="x\x0b")
    with pytest.raises(ValueError, match=r"graph\.rdf"):
        rdf.write(g, tmp_path, formats=("rdf",))
    rdf.write(g, tmp_path, formats=("nt", "ttl"))  # fine elsewhere
    assert list(rdflib.Graph().parse(tmp_path / "graph.ttl").objects(None, RDFS.label)) == [Literal("x\x0b", lang="zh")]


def test_jsonld_is_plain_json_with_prefix_context(out_dir):
    doc = json.loads((out_dir / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["kg"] == str(KG._NS)
    assert any(n.get("@type") == ["kg:Organization"] for n in doc["@graph"])


def test_empty_graph(tmp_path):
    rdf.write(nx.MultiDiGraph(), tmp_path)
    for ext in TRIPLE_FORMATS:
        assert len(rdflib.Graph().parse(tmp_path / f"graph.{ext}")) == 0


SCORER = Path("/work/shared/tools/score.py")


@pytest.mark.shared
@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score.py not available")
def test_reference_scorer_reads_graph_ttl(out_dir):
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    names, typed, rels = score.load_graph(out_dir / "graph.ttl")
    union = URIRef(iri_of("Organization", "徐州市总工会"))
    assert names[union] >= {"徐州市总工会", "市总工会"}
    assert union in typed["Organization"]
    assert len(typed["PolicySlogan"]) == 7 and len(typed["Meeting"]) == 3
    assert (URIRef(iri_of("Meeting", "徐州市总工会主席办公会")), union) in rels["heldBy"]
    assert (union, URIRef(iri_of("PolicySlogan", "五种风气"))) in rels["promotes"]
