"""``kg explain``: which rule made an entity or a relation, from which sentence, at which offsets.

Every mention and every relation's evidence carries the id of the extraction rule that made it
(``kg:rule`` in the RDF; ``rule``/``component`` in the graph's attributes). This reads a built
graph back and prints that provenance, so a false positive on an unseen article can be traced
to the rule (and the data file row) responsible.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from kg.evaluate import norm


def _matches(data: dict[str, Any], wanted: str) -> bool:
    names = {data.get("label", ""), *data.get("aliases", ())}
    return wanted in {norm(n) for n in names if n}


def find_nodes(g: nx.MultiDiGraph, label: str) -> list[str]:
    """Nodes whose label or an alias equals ``label`` (compared as the scorer does)."""
    wanted = norm(label)
    return sorted(n for n, d in g.nodes(data=True) if d.get("type") != "Article" and _matches(d, wanted))


def _sentences(g: nx.MultiDiGraph, node: str) -> dict[str, list[tuple[int, int, str]]]:
    """The sentences of a node's ``mentionedIn`` evidence by article, in the order a search meets them.

    Built once per node: looking each mention up in all of the node's evidence was quadratic
    (3,670 mentions of one place on a corpus build: 4 s)."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    for _, _, key, data in g.out_edges(node, keys=True, data=True):
        if key == "mentionedIn":
            for ev in data.get("evidence", ()):
                found.setdefault(ev["article"], []).append((ev["start"], ev["end"], str(ev.get("sentence", ""))))
    return found


def _sentence(found: dict[str, list[tuple[int, int, str]]], article: str, start: int, end: int) -> str:
    """The first sentence of the node's evidence in ``article`` that holds the span."""
    return next((text for s, e, text in found.get(article, ()) if s <= start and end <= e), "")


def _label(g: nx.MultiDiGraph, node: str) -> str:
    return str(g.nodes[node].get("label", node))


def _evidence_lines(ev: dict[str, Any]) -> Iterator[str]:
    yield f"      [{ev.get('rule') or '?'}] {ev['article']} {ev['start']}–{ev['end']}: {ev.get('sentence', '')}"


def explain_node(g: nx.MultiDiGraph, node: str) -> Iterator[str]:
    """Lines describing one entity: its rules, its mentions with sentences, its relations with evidence."""
    d = g.nodes[node]
    mentions = list(d.get("mentions", ()))
    rules = Counter(m.get("rule") or "?" for m in mentions)
    yield f"{d.get('type')} {d.get('label')}  <{node}>"
    yield "  rules: " + ", ".join(f"{r} ×{n}" for r, n in sorted(rules.items()))
    yield f"  mentions ({len(mentions)}):"
    found = _sentences(g, node)
    for m in mentions:
        sentence = _sentence(found, m["article"], m["start"], m["end"])
        yield f"    [{m.get('rule') or '?'}] {m['article']} {m['start']}–{m['end']} “{m.get('surface', '')}”: {sentence}"
    for direction, edges in (("→", g.out_edges(node, keys=True, data=True)), ("←", g.in_edges(node, keys=True, data=True))):
        for s, o, key, data in sorted(edges, key=lambda e: (e[2], e[0], e[1])):
            if key == "mentionedIn":
                continue
            other = o if direction == "→" else s
            yield f"  {direction} {key} {_label(g, other)}"
            for ev in data.get("evidence", ()):
                yield from _evidence_lines(ev)


def explain_relation(g: nx.MultiDiGraph, subject: str, predicate: str, obj: str) -> Iterator[str]:
    """Lines for ``SUBJECT PREDICATE OBJECT``: the rules and evidence of every matching edge."""
    subjects, objects = set(find_nodes(g, subject)), set(find_nodes(g, obj))
    found = False
    for s, o, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        if key == predicate and s in subjects and o in objects:
            found = True
            yield f"{_label(g, s)} {key} {_label(g, o)}"
            for ev in data.get("evidence", ()):
                yield from _evidence_lines(ev)
    if not found:
        yield f"no {predicate} edge from {subject!r} to {obj!r}"


def explain(g: nx.MultiDiGraph, label: str, is_relation: Callable[[str], bool] | None = None) -> list[str]:
    """``LABEL`` is an entity name, or ``SUBJECT PREDICATE OBJECT`` (e.g. ``主席办公会 heldBy 市总工会``).

    It is a relation when its middle word is a predicate the graph has edges of (``is_relation``
    answers that for a subgraph, from the whole build).
    """
    parts = label.split()
    if is_relation is None:
        predicates = {k for _, _, k in g.edges(keys=True)}
        is_relation = predicates.__contains__
    if len(parts) == 3 and is_relation(parts[1]):
        return list(explain_relation(g, *parts))
    nodes = find_nodes(g, label)
    if not nodes:
        return []
    lines: list[str] = []
    for node in nodes:
        lines += explain_node(g, node)
    return lines


def explain_build(path: str | Path, label: str) -> list[str]:
    """:func:`explain` on a build directory or RDF file, reading only what it prints where the build allows.

    A build with a store and its ``graph.ttl`` gives the named entities' neighbourhood in about a
    second (:func:`kg.readwrite.rdf_around.read_around`); anything else is read whole.
    """
    from kg.readwrite.rdf import read
    from kg.readwrite.rdf_around import has_edges, read_around

    parts = label.split()
    relation = len(parts) == 3 and bool(has_edges(path, parts[1]))
    around = read_around(path, (parts[0], parts[2]) if relation else (label,))
    if around is None:
        return explain(read(path), label)
    return explain(around, label, lambda _middle: relation)  # asked only of parts[1], answered above
