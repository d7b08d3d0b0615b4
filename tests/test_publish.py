"""kg publish against a real `oxigraph serve`: the store answers every query like the embedded engine."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import query as Q
from kg.commands_rdf import publish_cmd
from kg.publish import PublishError, publish
from kg.readwrite import rdf
from rdf_fixtures import sample_graph

QUERIES = Path(__file__).resolve().parent.parent / "queries"
ALL = sorted(QUERIES.glob("*.rq"))


def _oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


OXIGRAPH = _oxigraph_binary()
pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(OXIGRAPH is None, reason="`oxigraph` server binary not installed (pip install oxigraph)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A fresh Oxigraph server on a free port; yields its base URL, then stops it."""
    port = _free_port()
    proc = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode(errors='replace')}")
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("oxigraph serve did not answer within 20 s")
            time.sleep(0.1)
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("built")
    rdf.write(sample_graph(), d)
    return d


def _same_answers(built: Path, base: str) -> None:
    local = Q.load(built, "oxigraph")
    for path in ALL:
        text = path.read_text(encoding="utf-8")
        if Q.declared_params(text):  # parameters are bound locally; the SPARQL protocol has no bindings
            continue
        here, there = Q.run_query(local, text), Q.query(f"{base}/query", text)
        assert there.variables == here.variables, path.name
        if path.name == "slogans_per_organization.rq":
            norm = lambda rows: [r[:-1] + (" | ".join(sorted(r[-1].split(" | "))),) for r in rows]  # noqa: E731
            assert norm(Q.sorted_rows(there.rows)) == norm(Q.sorted_rows(here.rows)), path.name
        else:
            assert Q.sorted_rows(there.rows) == Q.sorted_rows(here.rows), path.name
        assert here.rows, f"{path.name} returned nothing; the comparison would be vacuous"


def _count(base: str, sparql: str) -> int:
    return Q.query(f"{base}/query", sparql).rows[0][0]


def test_publish_graph_store_protocol(built, server):
    report = publish(built, f"{server}/store", batch_size=100)
    blocks = rdf.graph_blocks(sample_graph())
    assert report.total == blocks.quad_count()
    assert report.requests > 3  # batching happened
    assert _count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == blocks.triple_count()
    assert _count(server, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 2
    _same_answers(built, server)


def test_publish_sparql_update(built, server):
    report = publish(built, f"{server}/update", update=True, batch_size=250)
    assert report.total == rdf.graph_blocks(sample_graph()).quad_count()
    _same_answers(built, server)


def test_publish_into_one_named_graph_without_articles(built, server):
    target = "https://w3id.org/policy-slogan-kg/graph/test"
    res = CliRunner().invoke(publish_cmd, [str(built), "--endpoint", f"{server}/store", "--graph", target,
                                           "--no-article-graphs"])
    assert res.exit_code == 0, res.output
    assert "0 named graphs" not in res.output and "published" in res.output
    assert _count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == 0
    n = _count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{target}> {{ ?s ?p ?o }} }}")
    assert n == rdf.graph_blocks(sample_graph()).triple_count()


def test_unreachable_endpoint_names_the_url(built):
    url = f"http://127.0.0.1:{_free_port()}/store"
    with pytest.raises(PublishError, match=url.replace(".", r"\.")):
        publish(built, url)
    res = CliRunner().invoke(publish_cmd, [str(built), "--endpoint", url])
    assert res.exit_code == 1 and url in res.output


def test_http_error_is_reported(built, server):
    with pytest.raises(PublishError, match="HTTP 4"):
        publish(built, f"{server}/query", update=True)


def test_article_graphs_are_rebuilt_from_the_default_graph(tmp_path):
    """A build without graph.nq (the default: graph.ttl and the store) still publishes the article graphs."""
    import pyoxigraph as ox

    from kg.publish import _graphs

    rdf.write(sample_graph(), tmp_path / "ttl", formats=("ttl",))
    rdf.write(sample_graph(), tmp_path / "nq", formats=("nq",))
    _, derived = _graphs(tmp_path / "ttl")
    _, written = _graphs(tmp_path / "nq")
    assert sorted(derived) == sorted(written) and len(written) > 1
    assert all(set(derived[g]) == set(written[g]) for g in written)
    assert all(isinstance(t, ox.Triple) for t in derived[next(g for g in derived if g)])
