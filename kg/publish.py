"""Publish a built graph to a SPARQL 1.1 store over HTTP (standard library only).

Two protocols, because stores differ in what they enable:

* **Graph Store Protocol** (default): ``POST`` N-Triples to ``ENDPOINT?default``
  (or ``?graph=IRI``) and to ``ENDPOINT?graph=<article IRI>`` for each article
  graph. POST appends, so large graphs go in batches.
* **SPARQL Update** (``update=True``): ``INSERT DATA { ... }`` /
  ``INSERT DATA { GRAPH <g> { ... } }`` batches to an update endpoint.

Only ``urllib`` is used: publishing is occasional and a client library would
add a dependency for two request shapes.

Safety: a graph name is checked as an absolute IRI (pyoxigraph's parser) and written
as a term, never spliced as text, so ``>``, quotes, ``}`` or ``#`` cannot end the
``GRAPH <…>`` and run ``DROP ALL``. Credentials come from the endpoint's
``user:pass@``, the environment (``KG_PUBLISH_USER``/``KG_PUBLISH_PASSWORD`` or
``KG_PUBLISH_TOKEN``) or a netrc file, and are redacted from every message, as are
``token=``/``key=``/``password=`` query values. Only http(s) endpoints are accepted.
``replace=True`` puts each graph in place of the old one (GSP ``PUT`` / ``CLEAR GRAPH``).
"""
from __future__ import annotations

import base64
import netrc
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

DEFAULT_BATCH = 50_000
DEFAULT_TIMEOUT = 30.0
_SECRET_KEYS = re.compile(r"(?i)^(?:.*token|.*key|.*secret|password|passwd|pwd|auth.*|sig|signature|credential.*)$")


class PublishError(RuntimeError):
    """The endpoint refused a request; the message names URL, status and the server's reply."""


@dataclass
class PublishReport:
    """What was sent: triples per target graph (``""`` = default graph) and request count."""

    triples: dict[str, int] = field(default_factory=dict)
    requests: int = 0

    @property
    def total(self) -> int:
        return sum(self.triples.values())


def _graphs(source: str | Path) -> tuple[Path, dict[str, list[Any]]]:
    """Triples of the built graph grouped by graph name (``""`` = default), in file order."""
    import pyoxigraph as ox

    from kg.readwrite.rdf import find_graph_file, open_rdf, rdf_format_of
    from kg.store import has_store, open_store

    groups: dict[str, list[Any]] = defaultdict(list)
    try:
        file = find_graph_file(source)  # the RDF files hold everything; the store leaves out the mentions
        quads = ox.parse(open_rdf(file), format=rdf_format_of(file))
    except FileNotFoundError:
        if not has_store(source):
            raise
        file, quads = Path(source), open_store(source)
    try:
        for q in quads:
            g = q.graph_name
            name = "" if isinstance(g, ox.DefaultGraph) else g.value
            groups[name].append(ox.Triple(q.subject, q.predicate, q.object))
    except SyntaxError as exc:
        raise ValueError(f"{file}: {exc}") from exc
    if len(groups) == 1 and "" in groups:  # graph.ttl / graph.nt: the article graphs from the provenance nodes
        groups.update(article_graphs(groups[""]))
    return file, dict(groups)


def article_graphs(triples: list[Any]) -> dict[str, list[Any]]:
    """The per-article named graphs of ``graph.nq`` rebuilt from the default graph's provenance nodes.

    An article's graph holds the plain triple of each ``kg:Assertion`` in it and ``?r kg:mentionedIn
    ?article`` for each ``kg:Mention`` that carries its sentence (the mentionedIn evidence folded
    into the mention, :mod:`kg.readwrite.rdf_blocks`): the same triples the exporter puts there.
    """
    import pyoxigraph as ox

    kg = "https://w3id.org/policy-slogan-kg/ontology#"
    wanted = {kg + n: n for n in ("subject", "predicate", "object", "inArticle", "refersTo", "inSentence")}
    rdf_type, assertion, mention = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", kg + "Assertion", kg + "Mention"
    nodes: dict[Any, dict[str, Any]] = defaultdict(dict)
    for t in triples:
        p = t.predicate.value
        if p in wanted:
            nodes[t.subject][wanted[p]] = t.object
        elif p == rdf_type and t.object.value in (assertion, mention):
            nodes[t.subject]["type"] = t.object.value
    mentioned_in = ox.NamedNode(kg + "mentionedIn")
    graphs: dict[str, dict[Any, None]] = defaultdict(dict)
    for node in nodes.values():
        article = node.get("inArticle")
        if article is None:
            continue
        if node.get("type") == assertion and {"subject", "predicate", "object"} <= node.keys():
            graphs[article.value][ox.Triple(node["subject"], node["predicate"], node["object"])] = None
        elif node.get("type") == mention and "refersTo" in node and "inSentence" in node:
            graphs[article.value][ox.Triple(node["refersTo"], mentioned_in, article)] = None
    return {g: list(ts) for g, ts in graphs.items()}


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass(frozen=True)
class Endpoint:
    """Where to send, the Authorization header, and the secrets to keep out of every message."""

    url: str                      # without user:pass@
    authorization: str = ""
    secrets: tuple[str, ...] = ()

    def redact(self, text: str) -> str:
        """``text`` with every secret, URL userinfo and secret-looking query value replaced by ***."""
        text = re.sub(r"(?<=://)[^/@\s]*@", "***@", text)
        text = re.sub(r"(?i)([?&](?:[^=&\s]*(?:token|key|secret|password|passwd|pwd|auth|sig)[^=&\s]*)=)[^&\s#]*", r"\1***", text)
        for secret in self.secrets:
            if secret:
                text = text.replace(secret, "***")
        return text


def endpoint_from(url: str, *, netrc_file: str | Path | None = None, env: dict[str, str] | None = None) -> Endpoint:
    """Parse ``url`` and find its credentials (URL userinfo, then environment, then netrc)."""
    env = dict(os.environ) if env is None else env
    parts = urllib.parse.urlsplit(url)
    secrets = [v for k, v in urllib.parse.parse_qsl(parts.query) if _SECRET_KEYS.match(k)]
    bare = Endpoint(url, secrets=tuple(secrets + [parts.password or ""]))
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise PublishError(f"{bare.redact(url)}: only http:// and https:// endpoints can be published to "
                           f"({parts.scheme or 'no'} scheme given; nothing sent)")
    user, password = urllib.parse.unquote(parts.username or ""), urllib.parse.unquote(parts.password or "")
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    if "[" in parts.netloc:  # IPv6 literal
        netloc = parts.netloc.rsplit("@", 1)[-1]
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    token = env.get("KG_PUBLISH_TOKEN", "")
    if not user and env.get("KG_PUBLISH_USER"):
        user, password = env["KG_PUBLISH_USER"], env.get("KG_PUBLISH_PASSWORD", "")
    if not user and not token and netrc_file is not None:
        try:
            found = netrc.netrc(str(netrc_file)).authenticators(parts.hostname)
        except (OSError, netrc.NetrcParseError) as exc:
            raise PublishError(f"cannot read the netrc file {netrc_file}: {getattr(exc, 'strerror', None) or exc}") from None
        if found:
            user, password = found[0] or "", found[2] or ""
    auth = ""
    if user:
        auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    elif token:
        auth = f"Bearer {token}"
    return Endpoint(clean, auth, tuple(s for s in (*secrets, password, token, auth) if s))


def graph_term(iri: str) -> str:
    """``<iri>`` for SPARQL, after checking it is one absolute IRI (so nothing can be spliced through it)."""
    import pyoxigraph as ox

    try:
        node = ox.NamedNode(iri)
    except ValueError as exc:
        raise PublishError(f"--graph {iri!r} is not a valid IRI ({exc}); nothing sent") from None
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", iri):
        raise PublishError(f"--graph {iri!r} is not an absolute IRI; nothing sent")
    return str(node)


def _send(ep: Endpoint, url: str, body: bytes, content_type: str, timeout: float, method: str = "POST") -> None:
    headers = {"Content-Type": content_type}
    if ep.authorization:
        headers["Authorization"] = ep.authorization
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    where = f"{method} {ep.redact(url)}"
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:500].decode("utf-8", "replace")
        raise PublishError(ep.redact(f"{where}: HTTP {exc.code} {exc.reason}: {detail}")) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise PublishError(f"{where}: no answer within {timeout:g} s (--timeout)") from None
        raise PublishError(ep.redact(f"{where}: {reason}")) from None
    except TimeoutError:
        raise PublishError(f"{where}: no answer within {timeout:g} s (--timeout)") from None
    except OSError as exc:
        raise PublishError(ep.redact(f"{where}: {exc.strerror or exc}")) from None


def _gsp_url(endpoint: str, graph: str) -> str:
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}default" if not graph else f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def publish(
    source: str | Path,
    endpoint: str,
    *,
    update: bool = False,
    graph: str | None = None,
    article_graphs: bool = True,
    batch_size: int = DEFAULT_BATCH,
    timeout: float = DEFAULT_TIMEOUT,
    replace: bool = False,
    netrc_file: str | Path | None = None,
) -> PublishReport:
    """Send the graph at ``source`` (built dir or RDF file) to ``endpoint``.

    ``endpoint`` is the Graph Store Protocol URL (Oxigraph: ``http://host:7878/store``)
    or, with ``update=True``, the SPARQL Update URL (``http://host:7878/update``).
    ``graph`` redirects the default-graph content into that named graph;
    ``article_graphs=False`` skips the per-article named graphs; ``replace=True`` puts each
    graph sent in place of the store's (the first request of a graph replaces, the rest add).
    Credentials and the ``netrc_file`` option: see the module docstring.
    """
    import pyoxigraph as ox

    ep = endpoint_from(endpoint, netrc_file=netrc_file)
    if graph:
        graph_term(graph)  # checked before anything is read or sent
    _, groups = _graphs(source)
    report = PublishReport()
    for name in sorted(groups):
        if name and not article_graphs:
            continue
        target = graph if (not name and graph) else name
        term = graph_term(target) if target else ""
        triples = groups[name]
        for i, chunk in enumerate(_batches(triples, batch_size)):
            body = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES) or b""  # None only when writing to a file
            first = replace and i == 0
            if update:
                inner = body.decode("utf-8")
                clear = (f"CLEAR SILENT GRAPH {term} ;\n" if term else "CLEAR SILENT DEFAULT ;\n") if first else ""
                text = f"{clear}INSERT DATA {{ GRAPH {term} {{\n{inner}}} }}" if term else f"{clear}INSERT DATA {{\n{inner}}}"
                _send(ep, ep.url, text.encode("utf-8"), "application/sparql-update", timeout)
            else:
                _send(ep, _gsp_url(ep.url, target), body, "application/n-triples", timeout, "PUT" if first else "POST")
            report.requests += 1
        report.triples[target] = report.triples.get(target, 0) + len(triples)
    return report
