"""kg publish under attack, against a real `oxigraph serve`: no injection, no leaked secret, bounded waits."""
from __future__ import annotations

import base64
import http.server
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import query as Q
from kg.commands_rdf import publish_cmd
from kg.publish import PublishError, endpoint_from, publish
from kg.readwrite import rdf
from rdf_fixtures import sample_graph
from test_publish import OXIGRAPH, _free_port, server  # noqa: F401  (the real-server fixture)

ATTACKS = [
    "http://example.org/g> { <http://a/s> <http://a/p> <http://a/o> } } ; DROP ALL ; INSERT DATA { GRAPH <http://x/y",
    'http://example.org/g" } DROP ALL #',
    "http://example.org/g} DROP ALL",
    "http://example.org/g#> } DROP ALL #",
    "DROP ALL",
    "http://example.org/g>\nDROP ALL",
]
ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("built")
    rdf.write(sample_graph(), d)
    return d


def _store(base: str) -> list:
    return Q.sorted_rows(Q.query(f"{base}/query", ALL_QUADS).rows)


@pytest.mark.server
@pytest.mark.skipif(OXIGRAPH is None, reason="`oxigraph` server binary not installed (pip install oxigraph)")
@pytest.mark.parametrize("update", [True, False], ids=["update", "gsp"])
def test_crafted_graph_names_leave_the_store_unchanged(built, server, update):  # noqa: F811
    publish(built, f"{server}/store", batch_size=1000)
    before = _store(server)
    assert before
    url = f"{server}/update" if update else f"{server}/store"
    for attack in ATTACKS:
        args = [str(built), "--endpoint", url, "--graph", attack] + (["--update"] if update else [])
        res = CliRunner().invoke(publish_cmd, args)
        assert res.exit_code == 1 and ("not a valid IRI" in res.output or "not an absolute IRI" in res.output), res.output
        assert _store(server) == before, attack


@pytest.mark.server
@pytest.mark.skipif(OXIGRAPH is None, reason="`oxigraph` server binary not installed (pip install oxigraph)")
@pytest.mark.parametrize("update", [True, False], ids=["update", "gsp"])
def test_replace_leaves_no_stale_triples(built, server, tmp_path, update):  # noqa: F811
    import kg

    small = tmp_path / "small"
    kg.build(["市总工会召开主席办公会，大兴“五种风气”。"]).write(small, formats=["nq"], html=False)
    url = f"{server}/update" if update else f"{server}/store"
    publish(built, url, update=update)
    publish(small, url, update=update, replace=True)
    here = Q.sorted_rows(Q.query(str(small), ALL_QUADS).rows)
    graphs = {r[3] for r in here}
    there = [r for r in _store(server) if r[3] in graphs]  # every graph sent now holds exactly what was sent
    assert there == here and any(r[3] is None for r in here)


def test_credentials_never_appear_in_messages(built):
    url = f"http://alice:s3cret-pw@127.0.0.1:{_free_port()}/store?access_token=tok-123&x=1"
    with pytest.raises(PublishError) as err:
        publish(built, url, timeout=2)
    msg = str(err.value)
    assert "127.0.0.1" in msg and "s3cret-pw" not in msg and "tok-123" not in msg and "alice:" not in msg
    res = CliRunner(env={"KG_PUBLISH_TOKEN": "env-token-9"}).invoke(publish_cmd, [str(built), "--endpoint", url])
    assert res.exit_code == 1
    assert "s3cret-pw" not in res.output and "tok-123" not in res.output and "env-token-9" not in res.output
    assert "Traceback" not in res.output


def test_file_endpoint_is_refused(built, tmp_path):
    res = CliRunner().invoke(publish_cmd, [str(built), "--endpoint", f"file://{tmp_path}/x"])
    assert res.exit_code == 1 and "only http:// and https://" in res.output and "triples" not in res.output


def test_silent_server_times_out_naming_the_endpoint(built):
    with socket.socket() as s:  # accepts connections (backlog) and never answers
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        url = f"http://bob:pw-77@127.0.0.1:{s.getsockname()[1]}/store"
        res = CliRunner().invoke(publish_cmd, [str(built), "--endpoint", url, "--timeout", "0.5"])
    assert res.exit_code == 1, res.output
    assert "no answer within 0.5 s" in res.output and "127.0.0.1" in res.output and "pw-77" not in res.output


class _Capture(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_POST(self):  # noqa: N802
        self.seen.append(self.headers.get("Authorization", ""))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()

    do_PUT = do_POST  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("how", ["url", "env", "netrc", "token"])
def test_credentials_are_sent_from_url_environment_or_netrc(built, tmp_path, how, monkeypatch):
    srv = http.server.HTTPServer(("127.0.0.1", 0), _Capture)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    _Capture.seen = []
    port = srv.server_address[1]
    url, netrc_file = f"http://127.0.0.1:{port}/store", None
    monkeypatch.delenv("KG_PUBLISH_USER", raising=False)
    monkeypatch.delenv("KG_PUBLISH_TOKEN", raising=False)
    if how == "url":
        url = f"http://carol:pw%40x@127.0.0.1:{port}/store"
    elif how == "env":
        monkeypatch.setenv("KG_PUBLISH_USER", "carol")
        monkeypatch.setenv("KG_PUBLISH_PASSWORD", "pw@x")
    elif how == "netrc":
        netrc_file = tmp_path / "netrc"
        netrc_file.write_text("machine 127.0.0.1 login carol password pw@x\n")
        netrc_file.chmod(0o600)
    else:
        monkeypatch.setenv("KG_PUBLISH_TOKEN", "t0k")
    try:
        publish(built, url, article_graphs=False, netrc_file=netrc_file)
    finally:
        srv.shutdown()
        srv.server_close()
    want = "Bearer t0k" if how == "token" else "Basic " + base64.b64encode(b"carol:pw@x").decode()
    assert _Capture.seen and set(_Capture.seen) == {want}


def test_redaction_of_query_secrets():
    ep = endpoint_from("https://u:p4ss@h.example/store?apikey=K1&graph=x", env={})
    assert ep.url == "https://h.example/store?apikey=K1&graph=x"
    shown = ep.redact("POST https://u:p4ss@h.example/store?apikey=K1&graph=x failed; server said K1")
    assert "p4ss" not in shown and "K1" not in shown and "graph=x" in shown
