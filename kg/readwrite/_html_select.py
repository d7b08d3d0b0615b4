"""Choosing what the explorer shows: the top-N cut for big graphs and ego graphs around a focus.

A browser page stays usable to a few thousand nodes; beyond that the exporter must leave
nodes out, and it must do so deterministically (same graph → same cut) and say what it
left out. Focus look-up matches labels *and* aliases after the same normalisation the
scorer uses, so ``--focus 市总工会`` finds 徐州市总工会.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import networkx as nx

_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』《》")


def normalise_name(text: str) -> str:
    """Compare names the way SCHEMA.md §7 does: NFKC, no whitespace, no quote marks."""
    return "".join(unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).split())


def _names(data: dict) -> Iterable[str]:
    yield str(data.get("label", ""))
    yield from (str(a) for a in data.get("aliases", ()) or ())
    if data.get("title"):
        yield str(data["title"])
    if data.get("article_id"):
        yield str(data["article_id"])


def find_nodes(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Node ids whose label, alias (or article title/id, or IRI) equals ``name``.

    Exact label matches come first, then alias matches; within each, the most mentioned
    node first, ties broken by id so the answer never depends on insertion order.
    """
    wanted = normalise_name(name)
    if not wanted:
        return []
    by_label: list[tuple[int, str]] = []
    by_alias: list[tuple[int, str]] = []
    for node, data in graph.nodes(data=True):
        count = -int(data.get("count", 0) or 0)
        if node == name or normalise_name(data.get("label", "")) == wanted:
            by_label.append((count, str(node)))
        elif any(normalise_name(n) == wanted for n in _names(data)):
            by_alias.append((count, str(node)))
    return [n for _, n in sorted(by_label)] + [n for _, n in sorted(by_alias)]


def ego_graph(graph: nx.MultiDiGraph, focus_label: str, depth: int = 1, *,
              through_articles: bool = False) -> nx.MultiDiGraph:
    """Sub-graph of everything within ``depth`` hops (either direction) of a named node.

    ``focus_label`` may be a label or an alias. Article nodes are included when adjacent
    but, unless ``through_articles`` is set, not walked through: every entity of an article
    is two hops from every other one via ``mentionedIn``, which would turn any ego graph
    into the whole article collection. Raises ``KeyError`` when nothing matches.
    """
    matches = find_nodes(graph, focus_label)
    if not matches:
        raise KeyError(f"no node labelled or aliased {focus_label!r}")
    focus = matches[0]
    seen = {focus}
    frontier = [focus]
    for _ in range(max(0, int(depth))):
        nxt: list[str] = []
        for node in frontier:
            if not through_articles and node != focus and graph.nodes[node].get("type") == "Article":
                continue
            for other in sorted(set(graph.successors(node)) | set(graph.predecessors(node))):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    sub = graph.subgraph(seen).copy()
    sub.graph["focus"] = focus
    return sub


def rank_nodes(graph: nx.MultiDiGraph) -> list[str]:
    """All node ids, most worth showing first.

    Content before provenance (Article nodes last), then by mention count and degree;
    ties by id so the order is total and reproducible.
    """
    def key(node: str) -> tuple[int, int, int, str]:
        data = graph.nodes[node]
        is_article = 1 if data.get("type") == "Article" else 0
        return (is_article, -int(data.get("count", 0) or 0), -graph.degree(node), str(node))

    return sorted(graph.nodes, key=key)


def select_nodes(graph: nx.MultiDiGraph, max_nodes: int | None) -> tuple[list[str], list[str]]:
    """Split node ids into (kept, omitted), both sorted by id, keeping the ``max_nodes`` best."""
    if max_nodes is None or max_nodes >= graph.number_of_nodes():
        return sorted(graph.nodes), []
    ranked = rank_nodes(graph)
    cut = max(0, int(max_nodes))
    return sorted(ranked[:cut]), sorted(ranked[cut:])


#: From this many articles on, the default page is the corpus view (see :func:`corpus_view`).
CORPUS_VIEW_ARTICLES = 1000
#: Nodes drawn in the corpus view: enough to read, few enough to read them.
CORPUS_VIEW_NODES = 100


def corpus_view(graph: nx.MultiDiGraph, max_nodes: int | None = None) -> list[str]:
    """The legible default of a big corpus: formulations × the organizations promoting them.

    The formulations found in the most articles (about half the budget), then the organizations
    with the most ``promotes`` evidence towards them; Articles, Places and everything else are
    left to search. Deterministic: ties by id.
    """
    budget = min(CORPUS_VIEW_NODES, max_nodes) if max_nodes else CORPUS_VIEW_NODES
    slogans = sorted((n for n, d in graph.nodes(data=True) if d.get("type") == "PolicySlogan"),
                     key=lambda n: (-len(graph.nodes[n].get("articles") or ()), -int(graph.nodes[n].get("count") or 0), str(n)))
    pool = set(slogans[: budget * 2])
    weight: dict[str, int] = {}
    links: dict[str, set[str]] = {}
    for u, v, d in graph.edges(data=True):
        if d.get("predicate") == "promotes" and v in pool and graph.nodes[u].get("type") == "Organization":
            weight[u] = weight.get(u, 0) + int(d.get("count") or 1)
            links.setdefault(v, set()).add(u)
    orgs = set(sorted(weight, key=lambda n: (-weight[n], str(n)))[: max(1, budget // 2)])
    # formulations linked to a drawn organization, most widespread first; no formulation floats alone
    linked = [n for n in slogans if n in pool and links.get(n, set()) & orgs]
    chosen = linked[: budget - len(orgs)] or slogans[: budget - len(orgs)]
    return sorted(set(chosen) | orgs)


def nearest_labels(graph: nx.MultiDiGraph, name: str, limit: int = 8) -> list[str]:
    """Labels close to ``name`` (containing it, contained in it, or similar), most mentioned first: for 'did you mean'."""
    import difflib

    wanted = normalise_name(name)
    if not wanted:
        return []
    scored: dict[str, tuple[int, float, int]] = {}
    for _, data in graph.nodes(data=True):
        if data.get("type") == "Article":
            continue
        label = str(data.get("label", ""))
        count = int(data.get("count", 0) or 0)
        for n in [label, *(str(a) for a in data.get("aliases", ()) or ())]:
            key = normalise_name(n)
            if not key:
                continue
            if wanted in key or (len(key) >= 2 and key in wanted):
                score = (0, -len(set(key) & set(wanted)) / max(len(key), 1), -count)
            else:
                ratio = difflib.SequenceMatcher(None, wanted, key).ratio()
                if ratio < 0.5:
                    continue
                score = (1, -ratio, -count)
            if label not in scored or score < scored[label]:
                scored[label] = score
    return [label for label, _ in sorted(scored.items(), key=lambda kv: (kv[1], kv[0]))[:limit]]
