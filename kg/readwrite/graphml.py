"""GraphML for Gephi and yEd: list and dict attributes become JSON strings (GraphML has no lists)."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.atomicfile import atomic_path


def _flat(value):
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def to_flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for n, d in graph.nodes(data=True):
        flat.add_node(n, **{k: _flat(v) for k, v in sorted(d.items())})
    for s, o, k, d in graph.edges(keys=True, data=True):
        flat.add_edge(s, o, key=k, **{a: _flat(v) for a, v in sorted(d.items())})
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write atomically: a crash never leaves a half-written file behind."""
    with atomic_path(path) as tmp:
        nx.write_graphml(to_flat_graph(graph), tmp, encoding="utf-8", prettyprint=True)
    return Path(path)
