"""Bounded build output: ``--formats``, ``--gzip`` and the on-disk store that queries open."""
from __future__ import annotations

import gzip

import pytest
from click.testing import CliRunner

import kg
from kg.api import ALL_FORMATS, DEFAULT_FORMATS, parse_formats
from kg.cli import cli
from kg.store import STORE_NAME, has_store, open_store

TEXT = "2021年7月20日，徐州市总工会召开主席办公会，传达学习市委十二届十三次全会精神。会议要求，大兴“五种风气”。"
SELECT = "SELECT ?l WHERE { ?s a kg:PolicySlogan ; rdfs:label ?l }"


def test_parse_formats():
    assert parse_formats(None) == DEFAULT_FORMATS == ("ttl", "html", "store", "index")
    assert parse_formats("all") == ALL_FORMATS
    assert parse_formats("nq, ttl") == ("ttl", "nq")  # canonical order, whatever was typed
    assert parse_formats("default,nq") == ("ttl", "nq", "html", "store", "index")
    with pytest.raises(ValueError, match="xml"):
        parse_formats("ttl,xml")


def test_default_build_writes_turtle_html_store_and_index(tmp_path):
    res = CliRunner().invoke(cli, ["build", "samples", "-o", str(tmp_path), "--no-progress"])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["graph.analytics.json.gz", "graph.html", STORE_NAME, "graph.ttl"]
    store = open_store(tmp_path)
    assert len(store) > 1000
    res = CliRunner().invoke(cli, ["query", str(tmp_path), SELECT, "--format", "csv"])
    assert res.exit_code == 0 and "五种风气" in res.output


def test_store_answers_like_the_files(tmp_path):
    """The store is the query index: graph.nq's default graph without the mention nodes (and the sentences
    only they quote) and without named graphs; a query naming those is answered from the file."""
    import pyoxigraph as ox

    from kg.query import query
    from kg.readwrite import rdf
    from kg.readwrite.rdf_blocks import store_blocks
    from kg.store import store_covers

    result = kg.build([TEXT])
    result.write(tmp_path / "a", formats="nq,store")
    result.write(tmp_path / "b", formats="nq")
    assert has_store(tmp_path / "a") and not has_store(tmp_path / "b")
    parsed = set(ox.parse(path=str(tmp_path / "b" / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    stored = set(open_store(tmp_path / "a"))
    assert stored < parsed and all(isinstance(q.graph_name, ox.DefaultGraph) for q in stored)
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    mention = ox.NamedNode("https://w3id.org/policy-slogan-kg/ontology#Mention")
    is_mention = lambda q: q.predicate == rdf_type and q.object == mention  # noqa: E731
    assert any(map(is_mention, parsed)) and not any(map(is_mention, stored))
    view = "".join(c if isinstance(c, str) else c.decode() for c in rdf.format_chunks("nt", store_blocks(rdf.graph_blocks(result.graph))))
    assert stored == set(ox.parse(view.encode(), format=ox.RdfFormat.N_QUADS))
    for q in ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",  # named graphs: from graph.nq
              "SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Mention ; kg:surfaceForm ?f }",  # mentions: from graph.nq
              "SELECT (COUNT(*) AS ?n) WHERE { ?s kg:mentionedIn ?a }",
              "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Assertion ; kg:inSentence/kg:sentenceText ?t }"):
        assert query(tmp_path / "a", q).rows == query(tmp_path / "b", q).rows != [(0,)], q
    assert not store_covers("SELECT * { GRAPH ?g { ?s ?p ?o } }") and store_covers("SELECT * { ?s kg:mentions ?o } # graph")
    assert result.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Mention }")["n"][0] > 0
    again = kg.load(tmp_path / "a")
    assert again.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Mention }")["n"][0] > 0


def test_a_build_without_store_removes_the_stale_one(tmp_path):
    kg.build([TEXT]).write(tmp_path, formats="ttl,store")
    assert has_store(tmp_path)
    kg.build(["中共中央召开会议。"]).write(tmp_path, formats="ttl")
    assert not has_store(tmp_path)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp folders left


def test_rebuilding_the_store_replaces_it(tmp_path):
    kg.build([TEXT]).write(tmp_path, formats="store")
    kg.build(["中共中央召开会议。"]).write(tmp_path, formats="store")
    from kg.query import query

    assert query(tmp_path, SELECT).rows == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_NAME]


def test_gzip_is_deterministic_and_readable(tmp_path):
    from kg.query import query
    from kg.readwrite.rdf import read

    result = kg.build([TEXT])
    plain = result.write(tmp_path / "plain", formats="ttl,nt,nq,trig,jsonld,rdf", html=False)
    packed = result.write(tmp_path / "gz", formats="ttl,nt,nq,trig,jsonld,rdf", gzip=True)
    again = result.write(tmp_path / "gz2", formats="ttl,nt,nq,trig,jsonld,rdf", gzip=True)
    for name, path in plain.items():
        gz = packed[name + ".gz"]
        assert gzip.decompress(gz.read_bytes()) == path.read_bytes(), name
        assert gz.read_bytes() == again[name + ".gz"].read_bytes(), name  # no time or name in the header
    assert query(tmp_path / "gz", SELECT).rows == query(tmp_path / "plain", SELECT).rows
    assert read(tmp_path / "gz").number_of_nodes() == read(tmp_path / "plain").number_of_nodes()


def test_show_and_validate_open_the_store(tmp_path):
    kg.build([TEXT]).write(tmp_path, formats="store")  # no RDF file at all: only the store can answer
    res = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(cli, ["show", str(tmp_path), "--focus", "五种风气", "-o", str(tmp_path / "p.html")])
    assert res.exit_code == 0, res.output
    assert "五种风气" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_bad_formats_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(cli, ["build", "samples", "-o", str(tmp_path), "--formats", "ttl,pdf"])
    assert res.exit_code == 2 and "pdf" in res.output
    assert not tmp_path.exists() or not any(tmp_path.iterdir())
