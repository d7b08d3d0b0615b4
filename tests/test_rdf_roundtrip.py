"""RDF -> networkx -> RDF is isomorphic; networkx -> RDF -> networkx keeps the contract's attributes."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.readwrite import rdf
from rdf_fixtures import sample_graph


def _graphs(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    out: dict[str, rdflib.Graph] = {}
    for s, p, o, c in ds.quads((None, None, None, None)):
        out.setdefault(str(c), rdflib.Graph()).add((s, p, o))
    return out


def test_rdf_networkx_rdf_isomorphic_graph_by_graph():
    first = rdf.to_rdf(sample_graph())
    second = rdf.to_rdf(rdf.from_rdf(first))
    a, b = _graphs(first), _graphs(second)
    assert sorted(a) == sorted(b)
    for name in a:
        assert isomorphic(a[name], b[name]), name


def test_networkx_rdf_networkx_preserves_attributes():
    g = sample_graph()
    back = rdf.from_rdf(rdf.to_rdf(g))
    assert sorted(back.nodes) == sorted(g.nodes)
    for n, data in g.nodes(data=True):
        got = back.nodes[n]
        for key, value in data.items():
            assert got[key] == value, (n, key)
    want_edges = {(s, o, k): d for s, o, k, d in g.edges(keys=True, data=True)}
    got_edges = {(s, o, k): d for s, o, k, d in back.edges(keys=True, data=True)}
    assert got_edges.keys() == want_edges.keys()
    for key, d in want_edges.items():
        assert got_edges[key] == d, key
    assert back.graph == {"name": "policy-slogan-kg"}


@pytest.mark.parametrize("ext", rdf.FORMATS)
def test_read_from_each_written_file(tmp_path, ext):
    g = sample_graph()
    paths = rdf.write(g, tmp_path)
    back = rdf.read(paths[ext])
    assert isomorphic(_graphs(rdf.to_rdf(back))[str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)],
                      _graphs(rdf.to_rdf(g))[str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)])


def test_read_directory_prefers_nquads_and_is_byte_stable(tmp_path):
    g = sample_graph()
    rdf.write(g, tmp_path / "a")
    assert rdf.find_graph_file(tmp_path / "a").name == "graph.nq"
    rdf.write(rdf.read(tmp_path / "a"), tmp_path / "b")
    for ext in rdf.FORMATS:
        assert (tmp_path / "a" / f"graph.{ext}").read_bytes() == (tmp_path / "b" / f"graph.{ext}").read_bytes()


def test_from_rdf_parsed_turtle(tmp_path):
    g = sample_graph()
    rdf.write(g, tmp_path, formats=("ttl",))
    back = rdf.from_rdf(rdflib.Graph().parse(tmp_path / "graph.ttl"))
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()


def test_missing_graph_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        rdf.read(tmp_path)


def test_kg_build_output_round_trips(tmp_path):
    """The real pipeline's output round-trips too (a failing build fails the test)."""
    from kg import build

    text = "徐州市总工会召开主席办公会，传达学习市委十二届十三次全会精神，要求大力弘扬“五种风气”。"
    g = build([text]).graph
    first = rdf.to_rdf(g)
    second = rdf.to_rdf(rdf.from_rdf(first))
    a, b = _graphs(first), _graphs(second)
    assert sorted(a) == sorted(b)
    for name in a:
        assert isomorphic(a[name], b[name]), name
