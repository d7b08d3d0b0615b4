"""The graph's skeleton read from a build's store: every node and relation, no mentions and no evidence.

Why: the entity, relation and article tables of a loaded build need each node's label, aliases,
classes, mention count and articles, and each edge's evidence count, but none of the mentions
and evidence sentences that make parsing ``graph.ttl`` slow (the full 新闻联播 build: ~190 s and
gigabytes into networkx, for 67k entities). The store holds exactly those facts (kg.store: the
default graph without the mention nodes), so reading only the predicates the tables use gives
the same tables in a fraction of the time. :func:`kg.tables.entities`, :func:`~kg.tables.relations`
(without provenance) and :func:`~kg.tables.articles` run unchanged on the skeleton; evidence and
mention tables still need the whole graph.

The rules are :func:`kg.readwrite.rdf.from_triples`' own: the node attributes come from the same
:func:`~kg.readwrite.rdf._node_attrs`, an edge exists for every relation triple between two nodes,
its count is the number of ``kg:Assertion`` nodes stating it, and an entity's articles are the
articles it is ``kg:mentionedIn``. Those ``mentionedIn`` links (280k on the full build, more than
all other edges together) are kept only as the nodes' ``articles``, not as edges: the tables that
count them need the mentions anyway. tests/test_store_tables.py checks the tables against the
parsed graph.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

import networkx as nx

from kg.readwrite.rdf import _node_attrs, plain_triples, typed
from kg.readwrite.rdf_blocks import DCT_DATE, DCT_ID, DCT_SOURCE, DCT_TITLE, K, RDF_TYPE, RDFS_LABEL, RELATIONS, \
    SKOS_ALT, Obj

#: What a node's attributes are read from (everything :func:`_node_attrs` looks at).
_NODE_PREDICATES = (RDF_TYPE, RDFS_LABEL, SKOS_ALT, K["mentionCount"], DCT_ID, DCT_TITLE, DCT_DATE, DCT_SOURCE)
#: What an assertion is counted by.
_ASSERTION_PREDICATES = (K["subject"], K["predicate"], K["object"])


def read_skeleton(store: Any) -> nx.MultiDiGraph:
    """Nodes (with ``articles``, without ``mentions``) and relations but ``mentionedIn`` (with ``count``, without
    ``evidence``) of ``store``."""
    import pyoxigraph as ox

    default = ox.DefaultGraph()

    def objects(predicate: str) -> Iterator[tuple[str, Obj]]:
        for s, _, obj in plain_triples(store.quads_for_pattern(None, ox.NamedNode(predicate), None, default)):
            yield s, obj

    props: dict[str, dict[str, set[Obj]]] = defaultdict(lambda: defaultdict(set))
    for p in _NODE_PREDICATES + _ASSERTION_PREDICATES:
        for s, obj in objects(p):
            props[s][p].add(obj)

    nodes: dict[str, dict[str, Any]] = {}
    counts: dict[tuple[str, str, str], int] = {}
    rel_iris = {K[r]: r for r in RELATIONS}
    for s, pv in props.items():
        types, main = typed(pv)
        if main is not None:
            nodes[s] = _node_attrs(s, main, types, pv)
    for pv in props.values():
        if K["Assertion"] in {v for v, _ in pv.get(RDF_TYPE, ())}:
            subj, pred, target = (min(pv.get(k, {("", None)}))[0] for k in _ASSERTION_PREDICATES)
            if subj in nodes and target in nodes and pred in rel_iris and rel_iris[pred] != "mentionedIn":
                key = (subj, target, rel_iris[pred])
                counts[key] = counts.get(key, 0) + 1
    article_ids = {s: a["article_id"] for s, a in nodes.items() if a["type"] == "Article"}
    found_in: dict[str, set[str]] = defaultdict(set)
    for iri, rel in rel_iris.items():
        for s, (o, kind) in objects(iri):
            if kind is None and s in nodes and o in nodes:
                if rel != "mentionedIn":
                    counts.setdefault((s, o, rel), 0)
                elif o in article_ids:
                    found_in[s].add(article_ids[o])

    out = nx.MultiDiGraph(name="policy-slogan-kg")
    for s in sorted(nodes):
        out.add_node(s, **nodes[s])
    for (s, o, pred) in sorted(counts):
        out.add_edge(s, o, key=pred, predicate=pred, count=counts[(s, o, pred)], evidence=())
    for node, arts in found_in.items():
        if out.nodes[node]["type"] != "Article":
            out.nodes[node]["articles"] = tuple(sorted(arts))
    return out
