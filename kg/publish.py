"""Publish a built graph to a SPARQL 1.1 store over HTTP (standard library only).

Two protocols, because stores differ in what they enable:

* **Graph Store Protocol** (default): ``POST`` N-Triples to ``ENDPOINT?default``
  (or ``?graph=IRI``) and to ``ENDPOINT?graph=<article IRI>`` for each article
  graph. POST appends, so large graphs go in batches.
* **SPARQL Update** (``update=True``): ``INSERT DATA { ... }`` /
  ``INSERT DATA { GRAPH <g> { ... } }`` batches to an update endpoint.

Only ``urllib`` is used: publishing is occasional and a client library would
add a dependency for two request shapes.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

DEFAULT_BATCH = 50_000


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
    if has_store(source):  # the build's store holds the named graphs even when only graph.ttl was written
        file, quads = Path(source), open_store(source)
    else:
        file = find_graph_file(source)
        quads = ox.parse(open_rdf(file), format=rdf_format_of(file))
    try:
        for q in quads:
            g = q.graph_name
            name = "" if isinstance(g, ox.DefaultGraph) else g.value
            groups[name].append(ox.Triple(q.subject, q.predicate, q.object))
    except SyntaxError as exc:
        raise ValueError(f"{file}: {exc}") from exc
    return file, dict(groups)


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _send(url: str, body: bytes, content_type: str, timeout: float) -> None:
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:500].decode("utf-8", "replace")
        raise PublishError(f"POST {url}: HTTP {exc.code} {exc.reason}: {detail}") from None
    except urllib.error.URLError as exc:
        raise PublishError(f"POST {url}: {exc.reason}") from None


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
    timeout: float = 120.0,
) -> PublishReport:
    """Send the graph at ``source`` (built dir or RDF file) to ``endpoint``.

    ``endpoint`` is the Graph Store Protocol URL (Oxigraph: ``http://host:7878/store``)
    or, with ``update=True``, the SPARQL Update URL (``http://host:7878/update``).
    ``graph`` redirects the default-graph content into that named graph;
    ``article_graphs=False`` skips the per-article named graphs.
    """
    import pyoxigraph as ox

    _, groups = _graphs(source)
    report = PublishReport()
    for name in sorted(groups):
        if name and not article_graphs:
            continue
        target = graph if (not name and graph) else name
        triples = groups[name]
        for chunk in _batches(triples, batch_size):
            body = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES) or b""  # None only when writing to a file
            if update:
                inner = body.decode("utf-8")
                text = f"INSERT DATA {{ GRAPH <{target}> {{\n{inner}}} }}" if target else f"INSERT DATA {{\n{inner}}}"
                _send(endpoint, text.encode("utf-8"), "application/sparql-update", timeout)
            else:
                _send(_gsp_url(endpoint, target), body, "application/n-triples", timeout)
            report.requests += 1
        report.triples[target] = report.triples.get(target, 0) + len(triples)
    return report
