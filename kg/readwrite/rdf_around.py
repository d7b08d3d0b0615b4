"""Read one entity's neighbourhood of a build, not the whole graph: what ``kg explain`` prints.

Why: ``kg explain DIR NAME`` parsed the build's whole Turtle file into networkx to print a few
hundred lines about one entity — 70 s and over a gigabyte on the full 新闻联播 build (486k mentions,
240 MB of Turtle). Everything it prints but the mentions is in the build's store (:mod:`kg.store`),
which answers in milliseconds, and the mentions are blocks of the build's own ``graph.ttl``, whose
writer (:mod:`kg.readwrite.rdf_formats`) puts one subject per block, separated by a blank line, with
``kg:refersTo`` on a line of its own: a byte search finds them without parsing the rest.

:func:`read_around` returns a small graph in which every entity labelled (or aliased) with one of
the names has exactly the attributes, mentions, edges and evidence it has in :func:`kg.readwrite.rdf.read`'s
graph, and its neighbours (the other ends of its edges, its articles) have their type and labels; the
subgraph comes from :func:`kg.readwrite.rdf.from_triples`, the same reader as the whole graph's.
It returns None where the build is not laid out so (no store, no uncompressed ``graph.ttl``), and the
caller reads the whole graph as before.
"""
from __future__ import annotations

import mmap
from pathlib import Path
from typing import Any, Iterable, Iterator

import networkx as nx

from kg.readwrite.rdf_blocks import DCT_ID, K, RDF_TYPE, RDFS_LABEL, RELATIONS, SKOS_ALT, Obj

__all__ = ["read_around", "has_edges"]

#: What a neighbour needs in the subgraph to be the node it is in the whole graph, as far as
#: :mod:`kg.explain` reads it: its class (a node at all), its labels, an article's id.
_NEIGHBOUR_PREDICATES = (RDF_TYPE, RDFS_LABEL, SKOS_ALT, DCT_ID)
_NODE_LINKS = frozenset(K[r] for r in RELATIONS)
_ASSERTION_ENDS = (K["subject"], K["object"])


def _build_files(path: Path) -> tuple[Path, Path] | None:
    from kg.store import STORE_NAME, has_store

    ttl = path / "graph.ttl"
    if not (path.is_dir() and has_store(path) and ttl.is_file()):
        return None
    return path / STORE_NAME, ttl


def _triples(store: Any, s: Any = None, p: Any = None, o: Any = None) -> Iterator[tuple[str, str, Obj]]:
    import pyoxigraph as ox

    from kg.readwrite.rdf import plain_triples

    return plain_triples(store.quads_for_pattern(s, p, o, ox.DefaultGraph()))


def _named(store: Any, names: set[str]) -> list[str]:
    """IRIs of the non-article nodes whose label or alias is one of ``names`` (compared as :func:`kg.evaluate.norm`)."""
    import pyoxigraph as ox

    from kg.evaluate import norm

    found = {q.subject.value for predicate in (RDFS_LABEL, SKOS_ALT)
             for q in store.quads_for_pattern(None, _node(predicate), None, ox.DefaultGraph())
             if isinstance(q.subject, ox.NamedNode) and norm(q.object.value) in names}
    article = _node(K["Article"])
    return sorted(s for s in found if not any(True for _ in store.quads_for_pattern(_node(s), _node(RDF_TYPE), article)))


def _node(iri: str) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def _ttl_name(iri: str) -> str:
    from kg.readwrite.rdf_formats import _ttl_compactor

    return _ttl_compactor()(iri) or f"<{iri}>"


def _block_at(data: Any, pos: int) -> bytes:
    """The subject block holding byte ``pos`` (blocks are separated by one blank line)."""
    start = data.rfind(b"\n\n", 0, pos + 1) + 2
    end = data.find(b"\n\n", pos)
    return bytes(data[start:end if end >= 0 else len(data)])


def _blocks_with(data: Any, lines: Iterable[bytes]) -> list[bytes]:
    """The blocks holding one of ``lines``: one ``find`` pass over the file per line (a C scan)."""
    out: dict[int, bytes] = {}
    for line in sorted(set(lines)):
        pos = data.find(line)
        while pos >= 0:
            block = _block_at(data, pos)
            out[data.rfind(b"\n\n", 0, pos + 1)] = block
            pos = data.find(line, pos + len(line))
    return [out[k] for k in sorted(out)]


def _subject_blocks(data: Any, subjects: Iterable[bytes]) -> list[bytes]:
    """The blocks of ``subjects`` (Turtle names of one namespace), found by bisection.

    The writer sorts blocks by subject IRI, so one namespace's blocks are a run ordered by their
    local names; a subject not found where the order puts it is searched for in the whole file.
    """
    out, runs = [], {}
    for subject in sorted(set(subjects)):
        head = b"\n\n" + subject + b" "
        prefix = b"\n\n" + subject.split(b":", 1)[0] + b":"
        if prefix not in runs:  # the run's first and last block: each step below then scans a block or two
            runs[prefix] = (data.find(prefix), data.rfind(prefix))
        lo, hi = runs[prefix][0], runs[prefix][1] + 1
        while 0 <= lo < hi:  # the first block at or after `lo` whose name is >= subject
            mid = (lo + hi) // 2
            at = data.find(prefix, mid, runs[prefix][1] + len(prefix))
            if at < 0 or data[at + 2:data.find(b" ", at + 2)] >= subject:
                hi = mid
            else:
                lo = mid + 1
        at = data.find(prefix, lo) if lo >= 0 else -1
        if at < 0 or data[at:at + len(head)] != head:
            at = data.find(head)
        if at >= 0:
            out.append(_block_at(data, at + 2))
    return out


def _parse(header: bytes, blocks: list[bytes]) -> list[tuple[str, str, Obj]]:
    import pyoxigraph as ox

    from kg.readwrite.rdf import plain_triples

    return list(plain_triples(ox.parse(header + b"\n".join(blocks), format=ox.RdfFormat.TURTLE)))


def _mention_triples(ttl: Path, nodes: list[str]) -> list[tuple[str, str, Obj]]:
    """The mention blocks of ``nodes`` in ``ttl`` and the sentence blocks they quote, as triples."""
    with open(ttl, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        header = bytes(data[:data.find(b"\n\n") + 1])  # the @prefix lines
        refers = (b"\n    kg:refersTo " + _ttl_name(n).encode("utf-8") + b" ;\n" for n in nodes)
        mentions = _parse(header, _blocks_with(data, refers))
        quoted = {o for _, p, (o, _) in mentions if p == K["inSentence"]}
        sentences = _subject_blocks(data, (_ttl_name(s).encode("utf-8") for s in quoted))
        return mentions + _parse(header, sentences)


def read_around(path: str | Path, names: Iterable[str]) -> nx.MultiDiGraph | None:
    """The subgraph of the build in ``path`` around the entities named ``names`` (None: read the whole graph)."""
    from kg.evaluate import norm
    from kg.readwrite.rdf import from_triples
    from kg.store import open_store

    files = _build_files(Path(path))
    if files is None:
        return None
    store = open_store(files[0])
    nodes = _named(store, {norm(n) for n in names})
    triples: list[tuple[str, str, Obj]] = []
    neighbours: set[str] = set()
    assertions: set[str] = set()
    for n in nodes:
        for t in _triples(store, _node(n)):
            triples.append(t)
            if t[1] in _NODE_LINKS and t[2][1] is None:
                neighbours.add(t[2][0])
        for t in _triples(store, o=_node(n)):
            if t[1] in _ASSERTION_ENDS:
                assertions.add(t[0])
            elif t[1] in _NODE_LINKS:
                triples.append(t)
                neighbours.add(t[0])
    quoted = set()
    for a in sorted(assertions):
        for t in _triples(store, _node(a)):
            triples.append(t)
            if t[1] == K["inSentence"]:
                quoted.add(t[2][0])
    for s in sorted(quoted):
        triples += _triples(store, _node(s))
    if nodes:
        mentions = _mention_triples(files[1], nodes)
        triples += mentions
        neighbours.update(o for _, p, (o, _) in mentions if p == K["inArticle"])
    for n in sorted(neighbours - set(nodes)):
        for p in _NEIGHBOUR_PREDICATES:
            triples += _triples(store, _node(n), _node(p))
    return from_triples(triples)


def has_edges(path: str | Path, relation: str) -> bool | None:
    """Whether the build in ``path`` states any ``relation`` between nodes (None: no store to ask)."""
    files = _build_files(Path(path))
    if files is None or relation not in RELATIONS:
        return None if files is None else False
    from kg.store import open_store

    store = open_store(files[0])
    return next(iter(store.quads_for_pattern(None, _node(K[relation]), None)), None) is not None
