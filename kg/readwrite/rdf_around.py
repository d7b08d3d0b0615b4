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

from kg.readwrite.rdf_blocks import DCT_ID, DCT_TITLE, K, RDF_TYPE, RDFS_LABEL, RELATIONS, SKOS_ALT, Obj

__all__ = ["EGO_LIMIT", "has_edges", "read_around", "read_ego"]

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


def _ttl_names(iris: Iterable[str]) -> set[bytes]:
    """The IRIs as graph.ttl's writer prints them (one compactor for all: it sorts the prefixes when made)."""
    from kg.readwrite.rdf_formats import _ttl_compactor

    compact = _ttl_compactor()
    return {(compact(iri) or f"<{iri}>").encode("utf-8") for iri in iris}


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
    wanted = sorted(set(subjects))
    if len(wanted) > _BISECTIONS:
        return _run_blocks(data, wanted)
    out, runs = [], {}
    for subject in wanted:
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


#: Up to this many subjects are found by bisection; more by one pass over their namespace's run.
_BISECTIONS = 2_000


def _run_blocks(data: Any, subjects: list[bytes]) -> list[bytes]:
    """The blocks of ``subjects`` by one pass over every block of their namespaces."""
    wanted, out = set(subjects), []
    for prefix in sorted({b"\n\n" + s.split(b":", 1)[0] + b":" for s in subjects}):
        pos = data.find(prefix)
        while pos >= 0:
            name = data[pos + 2:data.find(b" ", pos + 2)]
            if name in wanted:
                wanted.discard(name)
                out.append(_block_at(data, pos + 2))
            pos = data.find(prefix, pos + 2)
    return out + _subject_blocks(data, sorted(wanted)) if wanted and len(wanted) <= _BISECTIONS else out


def _parse(header: bytes, blocks: list[bytes]) -> list[tuple[str, str, Obj]]:
    import pyoxigraph as ox

    from kg.readwrite.rdf import plain_triples

    return list(plain_triples(ox.parse(header + b"\n".join(blocks), format=ox.RdfFormat.TURTLE)))


_REFERS = b"\n    kg:refersTo "
#: Up to this many entities each get their own byte search of the file; more share one pass over its mentions.
_SEARCHES = 8


def _blocks_referring(data: Any, names: set[bytes]) -> list[bytes]:
    """The mention blocks whose ``kg:refersTo`` is one of ``names``: one pass over every such line."""
    out = []
    pos = data.find(_REFERS)
    while pos >= 0:
        end = data.find(b" ;\n", pos + len(_REFERS))
        if data[pos + len(_REFERS):end] in names:
            out.append(_block_at(data, pos))
        pos = data.find(_REFERS, end)
    return out


def _mention_triples(ttl: Path, nodes: list[str]) -> list[tuple[str, str, Obj]]:
    """The mention blocks of ``nodes`` in ``ttl`` and the sentence blocks they quote, as triples."""
    with open(ttl, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        header = bytes(data[:data.find(b"\n\n") + 1])  # the @prefix lines
        names = _ttl_names(nodes)
        if len(names) > _SEARCHES:
            blocks = _blocks_referring(data, names)
        else:
            blocks = _blocks_with(data, (_REFERS + n + b" ;\n" for n in names))
        mentions = _parse(header, blocks)
        quoted = {o for _, p, (o, _) in mentions if p == K["inSentence"]}
        sentences = _subject_blocks(data, _ttl_names(quoted))
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
    asserted = _described(store, assertions)
    triples += asserted + _described(store, {o for _, p, (o, _) in asserted if p == K["inSentence"]})
    if nodes:
        mentions = _mention_triples(files[1], nodes)
        triples += mentions
        neighbours.update(o for _, p, (o, _) in mentions if p == K["inArticle"])
    triples += _described(store, neighbours - set(nodes), _NEIGHBOUR_PREDICATES)
    return from_triples(triples)


def _described(store: Any, nodes: Iterable[str], predicates: Iterable[str] | None = None) -> list[tuple[str, str, Obj]]:
    """The triples of ``nodes`` (only those of ``predicates``, if given)."""
    wanted = None if predicates is None else [_node(p) for p in predicates]
    out: list[tuple[str, str, Obj]] = []
    for n in sorted(set(nodes)):
        if wanted is None:
            out += _triples(store, _node(n))
        else:
            for p in wanted:
                out += _triples(store, _node(n), p)
    return out


#: What :func:`kg.readwrite._html_select.find_nodes` compares: labels, aliases, an article's title and id, and the count.
_FINDING = (RDF_TYPE, RDFS_LABEL, SKOS_ALT, DCT_TITLE, DCT_ID, K["mentionCount"])


def _focus(store: Any, name: str) -> str | None:
    """The node ``kg show --focus NAME`` centres on, chosen by the whole graph's rule from the nodes any of
    whose names (or IRI) equals ``name``."""
    import pyoxigraph as ox

    from kg.readwrite._html_select import find_nodes, normalise_name
    from kg.readwrite.rdf import from_triples

    wanted = normalise_name(name)
    found = {q.subject.value for p in (RDFS_LABEL, SKOS_ALT, DCT_TITLE, DCT_ID)
             for q in store.quads_for_pattern(None, _node(p), None, ox.DefaultGraph())
             if isinstance(q.subject, ox.NamedNode) and normalise_name(q.object.value) == wanted}
    if name.startswith("http") and any(True for _ in store.quads_for_pattern(_node(name), None, None, ox.DefaultGraph())):
        found.add(name)
    matches = find_nodes(from_triples(_described(store, found, _FINDING)), name)
    return matches[0] if matches else None


def _linked(store: Any, node: str) -> set[str]:
    """The nodes an edge joins to ``node``, in either direction (every edge has its plain triple in the store)."""
    import pyoxigraph as ox

    out = {q.object.value for q in store.quads_for_pattern(_node(node), None, None, ox.DefaultGraph())
           if q.predicate.value in _NODE_LINKS and isinstance(q.object, ox.NamedNode)}
    out.update(q.subject.value for q in store.quads_for_pattern(None, None, _node(node), ox.DefaultGraph())
               if q.predicate.value in _NODE_LINKS and isinstance(q.subject, ox.NamedNode))
    return out


def _is_article(store: Any, node: str) -> bool:
    return any(True for _ in store.quads_for_pattern(_node(node), _node(RDF_TYPE), _node(K["Article"])))


#: Beyond this many nodes an ego graph is most of the corpus: reading the whole file is then as fast.
EGO_LIMIT = 20_000


def read_ego(path: str | Path, name: str, depth: int, through_articles: bool = False) -> nx.MultiDiGraph | None:
    """A graph in which :func:`kg.readwrite._html_select.ego_graph` around ``name`` is what it is in the whole graph.

    Walks the store from the focus as ``ego_graph`` walks the graph (articles are not walked through unless
    ``through_articles``), then reads the nodes reached whole (their mentions from ``graph.ttl``) and, for the
    ``articles`` every entity lists, the type and id of its articles. None: the build has no store and plain
    ``graph.ttl``, nothing is named so, or the neighbourhood is too large to be worth it (read the whole graph).
    """
    from kg.readwrite.rdf import from_triples
    from kg.store import open_store

    files = _build_files(Path(path))
    if files is None:
        return None
    store = open_store(files[0])
    focus = _focus(store, name)
    if focus is None:
        return None
    seen, frontier = {focus}, [focus]
    for _ in range(max(0, int(depth))):
        nxt = []
        for node in frontier:
            if not through_articles and node != focus and _is_article(store, node):
                continue
            for other in sorted(_linked(store, node) - seen):
                seen.add(other)
                nxt.append(other)
        if len(seen) > EGO_LIMIT:
            return None
        frontier = nxt
    triples = _described(store, seen)
    assertions = sorted({q.subject.value for n in seen for q in store.quads_for_pattern(None, _node(K["subject"]), _node(n))})
    asserted = _described(store, assertions)
    sentences = {o for _, p, (o, _) in asserted if p == K["inSentence"]}
    entities = sorted(n for n in seen if not _is_article(store, n))
    mentions = _mention_triples(files[1], entities) if entities else []
    articles = {o for s, p, (o, _) in triples if p == K["mentionedIn"]}
    articles.update(o for _, p, (o, _) in mentions if p == K["inArticle"])
    return from_triples(triples + asserted + _described(store, sentences) + mentions
                        + _described(store, articles - seen, (RDF_TYPE, RDFS_LABEL, DCT_ID)))


def has_edges(path: str | Path, relation: str) -> bool | None:
    """Whether the build in ``path`` states any ``relation`` between nodes (None: no store to ask)."""
    files = _build_files(Path(path))
    if files is None or relation not in RELATIONS:
        return None if files is None else False
    from kg.store import open_store

    store = open_store(files[0])
    return next(iter(store.quads_for_pattern(None, _node(K[relation]), None)), None) is not None
