"""Deterministic layout for graphs too big for in-browser physics.

vis-network's own simulation of 2,000+ nodes takes minutes and reruns on every page
open; networkx's spring layout is O(n²) per iteration in numpy (5,000 nodes ≈ 80 s
without scipy). So: a spring layout of the best-connected ``SKELETON`` nodes (cheap at
that size), then every other node is placed on a sunflower spiral around the
best-connected neighbour already placed, breadth-first; what is not connected to the
skeleton is packed in rows below it. Linear beyond the skeleton, seeded, so stable.
"""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

SKELETON = 300
SPACING = 38.0  # pixels between satellite nodes
_GOLDEN = math.pi * (3 - math.sqrt(5))


def _adjacency(graph: nx.MultiDiGraph, node_ids: list[str]) -> dict[str, list[str]]:
    adj: dict[str, set[str]] = {n: set() for n in node_ids}
    for u, v in graph.edges():
        if u != v and u in adj and v in adj:
            adj[u].add(v)
            adj[v].add(u)
    return {n: sorted(adj[n]) for n in node_ids}


def _sunflower(cx: float, cy: float, k: int, start: int = 1) -> tuple[float, float]:
    r = SPACING * math.sqrt(k + start)
    a = (k + start) * _GOLDEN
    return cx + r * math.cos(a), cy + r * math.sin(a)


def precomputed_layout(graph: nx.MultiDiGraph, node_ids: list[str], *, seed: int = 7
                       ) -> dict[str, tuple[int, int]]:
    """Pixel positions for every node in ``node_ids`` (sorted ids in, same result out)."""
    adj = _adjacency(graph, node_ids)
    degree = {n: len(adj[n]) for n in node_ids}
    ranked = sorted(node_ids, key=lambda n: (-degree[n], n))
    skeleton = [n for n in ranked[:SKELETON] if degree[n] > 0]
    pos: dict[str, tuple[float, float]] = {}

    if skeleton:
        sk = nx.Graph()
        sk.add_nodes_from(sorted(skeleton))
        members = set(skeleton)
        sk.add_edges_from((u, v) for u in sorted(skeleton) for v in adj[u] if v in members and u < v)
        raw = nx.spring_layout(sk, seed=seed, iterations=80)
        scale = SPACING * 1.6 * math.sqrt(len(node_ids))
        pos = {n: (float(raw[n][0]) * scale, float(raw[n][1]) * scale) for n in sorted(skeleton)}

    _grow(pos, sorted(pos, key=lambda n: (-degree[n], n)), adj, degree)

    # Components the skeleton did not reach are packed in rows below it, each grown
    # around its best-connected node like the main component.
    bottom = max((y for _, y in pos.values()), default=0.0) + 4 * SPACING
    left = min((x for x, _ in pos.values()), default=0.0)
    row_width = max(8 * SPACING, 2 * SPACING * math.sqrt(len(node_ids)) * 2)
    x, y, row_height = left, bottom, 0.0
    for root in ranked:
        if root in pos:
            continue
        comp: dict[str, tuple[float, float]] = {root: (0.0, 0.0)}
        _grow(comp, [root], adj, degree)
        radius = max(math.hypot(px, py) for px, py in comp.values()) + SPACING
        if x > left and x + 2 * radius > left + row_width:
            x, y, row_height = left, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        for n, (px, py) in comp.items():
            pos[n] = (cx + px, cy + py)
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return {n: (int(round(pos[n][0])), int(round(pos[n][1]))) for n in node_ids}


def _grow(pos: dict[str, tuple[float, float]], frontier: list[str], adj: dict[str, list[str]],
          degree: dict[str, int]) -> None:
    """Breadth-first: put each unplaced neighbour on a sunflower around its anchor."""
    slots: dict[str, int] = defaultdict(int)
    while frontier:
        nxt: list[str] = []
        for anchor in frontier:
            for other in sorted(adj[anchor], key=lambda n: (-degree[n], n)):
                if other in pos:
                    continue
                ax, ay = pos[anchor]
                pos[other] = _sunflower(ax, ay, slots[anchor])
                slots[anchor] += 1
                nxt.append(other)
        frontier = nxt



#: Pixels between neighbours on the corpus view's ring.
RING_SPACING = 46.0
#: Width over height of the ring: wider than tall like a screen, round enough that labels at the top do not touch.
RING_ASPECT = 1.35


def corpus_layout(graph: nx.MultiDiGraph, node_ids: list[str], *, sweeps: int = 4) -> dict[str, tuple[int, int]]:
    """Organizations on the left half of an ellipse, formulations on the right, ordered to uncross the edges.

    The corpus view is a dense bipartite graph (50 × 50 nodes, ~700 promotes edges): a force layout
    of it collapses into one knot whose labels overlap. On a ring every label has its own place and
    the edges are chords between the halves; the order along each half is the barycentre heuristic
    of layered drawing (Sugiyama et al. 1981): each node moves to the mean rank of its neighbours
    on the other half, a few sweeps, ties by mention count then id — so related nodes face each
    other, and the result is deterministic. The ellipse is a little wider than tall, like a screen.
    """
    adj = _adjacency(graph, node_ids)
    left = [n for n in node_ids if graph.nodes[n].get("type") != "PolicySlogan"]
    right = [n for n in node_ids if graph.nodes[n].get("type") == "PolicySlogan"]

    def weight(n: str) -> tuple[int, str]:
        return -int(graph.nodes[n].get("count", 0) or 0), n

    left.sort(key=weight)
    right.sort(key=weight)

    def reorder(moving: list[str], fixed: list[str]) -> list[str]:
        rank = {n: i / max(1, len(fixed) - 1) for i, n in enumerate(fixed)}

        def bary(n: str) -> float:
            ranks = [rank[m] for m in adj[n] if m in rank]
            return sum(ranks) / len(ranks) if ranks else 2.0

        return sorted(moving, key=lambda n: (bary(n), weight(n)))

    for _ in range(sweeps):
        right = reorder(right, left)
        left = reorder(left, right)
    # ellipse with half-axes a = RING_ASPECT * b whose perimeter (Ramanujan) gives RING_SPACING per node
    per = max(len(left), len(right), 1) * 2 * RING_SPACING
    r = RING_ASPECT
    b = per / (math.pi * (3 * (r + 1) - math.sqrt((3 * r + 1) * (r + 3))))
    a = r * b
    pos: dict[str, tuple[int, int]] = {}
    for column, side in ((left, -1.0), (right, 1.0)):
        k = len(column)
        for i, n in enumerate(column):
            t = math.pi * (i + 0.5) / k - math.pi / 2  # top to bottom of this half
            pos[n] = (int(round(side * a * math.cos(t))), int(round(b * math.sin(t))))
    return pos
