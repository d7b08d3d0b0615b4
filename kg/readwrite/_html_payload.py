"""From the graph contract to the data the explorer page reads: vis-network nodes/edges, options, details.

The data is pyvis's model (a ``pyvis.node.Node``'s and ``pyvis.edge.Edge``'s ``options`` dicts, the
``Network`` options after ``barnes_hut``), written here as the plain dicts they are: importing pyvis
imports IPython, jinja2 and jsonpickle (~0.3 s of every ``kg build``) for three small classes, and its
``add_node``/``add_edge`` check membership in lists, which is quadratic (20k edges ≈ 30 s).
``tests/test_html_payload_pyvis.py`` checks the dicts against pyvis's. Its HTML template is *not* used
(remote Bootstrap, unescaped heading, HTML popups); :mod:`kg.readwrite.html` renders its own.

Everything here is sorted and free of randomness so the same graph yields the same bytes.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ._html_dated import article_dates, article_order, dated_payload
from ._html_layout import corpus_layout, precomputed_layout
from ._html_style import (
    FONT_STACK, class_order, class_style, node_size, relation_order, relation_style,
)

#: The corpus view's ring: node radii scaled so the biggest (60) fits between neighbours, and edge opacity.
RING_NODE_SCALE = 0.3
RING_EDGE_OPACITY = 0.35
#: Above this many nodes the layout is computed in Python and physics is switched off.
PHYSICS_MAX_NODES = 500
#: Evidence sentences kept per edge in the page (the rest are counted in the report).
MAX_EVIDENCE_PER_EDGE = 5
#: Characters of a label drawn on the canvas; the full label is in tooltip and panel.
CANVAS_LABEL_CHARS = 14
LAYOUT_SEED = 7
#: Above this many edges, edges carry no canvas label (see ``build_payload``).
EDGE_LABEL_MAX = 1000
#: Articles listed per node in the page (date order; the total is kept): bounds the page on a corpus.
MAX_ARTICLES_PER_NODE = 60


@dataclass
class Payload:
    """Everything the page needs, plus the counts :class:`HtmlReport` reports."""

    data: dict[str, Any]
    layout: str
    evidence_omitted: int = 0


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_label(data: dict) -> str:
    if data.get("type") == "Article":
        return str(data.get("title") or data.get("label") or data.get("article_id") or "")
    return str(data.get("label", ""))


def _article_titles(graph: nx.MultiDiGraph, cited: set[str]) -> dict[str, str]:
    """Titles of the articles the shown nodes and evidence cite, so the panel can name them."""
    titles: dict[str, str] = {}
    for _, data in graph.nodes(data=True):
        if data.get("type") == "Article" and str(data.get("article_id", "")) in cited:
            titles[str(data["article_id"])] = str(data.get("title") or data.get("label") or "")
    return dict(sorted(titles.items()))


#: The JSON of pyvis's ``Network(directed=True).options`` after ``barnes_hut(gravity=-6000, central_gravity=0.25,
#: spring_length=120, spring_strength=0.04, damping=0.3, overlap=0.2)`` (pyvis 0.3.2): the physics block the
#: explorer starts from (``tests/test_html_payload_pyvis.py`` compares it with pyvis's own).
PYVIS_OPTIONS = """{"configure": {"enabled": false}, "edges": {"color": {"inherit": true}, "smooth": {"enabled": true,
"type": "dynamic"}}, "interaction": {"dragNodes": true, "hideEdgesOnDrag": false, "hideNodesOnDrag": false},
"physics": {"barnesHut": {"avoidOverlap": 0.2, "centralGravity": 0.25, "damping": 0.3, "gravitationalConstant": -6000,
"springConstant": 0.04, "springLength": 120}, "enabled": true, "stabilization": {"enabled": true, "fit": true,
"iterations": 1000, "onlyDynamicEdges": false, "updateInterval": 50}}}"""


def vis_node(n_id: int, shape: str, label: str, **opts: Any) -> dict[str, Any]:
    """``pyvis.node.Node(n_id, shape, label, **opts).options`` (no ``font_color``)."""
    return {**opts, "id": n_id, "label": label, "shape": shape}


def vis_edge(source: int, dest: int, **options: Any) -> dict[str, Any]:
    """``pyvis.edge.Edge(source, dest, **options).options`` (undirected: the options carry the arrows)."""
    return {**options, "from": source, "to": dest}


def _options(n_nodes: int, layout: str) -> dict[str, Any]:
    """vis-network options: pyvis's physics block, then the explorer's own settings."""
    options: dict[str, Any] = json.loads(PYVIS_OPTIONS)
    physics = layout == "physics"
    options["physics"].update({
        "enabled": physics,
        "solver": "barnesHut",
        "minVelocity": 1.0,
        "stabilization": {"enabled": physics, "iterations": 600 if n_nodes <= 200 else 300,
                          "updateInterval": 50, "fit": True},
    })
    options["layout"] = {"randomSeed": LAYOUT_SEED, "improvedLayout": physics and n_nodes <= 150}
    options["interaction"] = {"hover": True, "tooltipDelay": 200, "navigationButtons": False,
                              "keyboard": False, "multiselect": False,
                              "hideEdgesOnDrag": n_nodes > 1000, "hideEdgesOnZoom": n_nodes > 1000}
    options["nodes"] = {"borderWidth": 1, "font": {"face": FONT_STACK, "size": 14, "color": "#222222",
                                                     "strokeWidth": 3, "strokeColor": "#ffffff"}}
    options["edges"] = {
        "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3} if n_nodes <= 1000 and layout != "ring" else False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "font": {"face": FONT_STACK, "size": 10, "align": "middle", "strokeWidth": 3,
                 "strokeColor": "#ffffff"},
        "selectionWidth": 2, "hoverWidth": 1,
    }
    options.pop("configure", None)
    return options


def build_payload(graph: nx.MultiDiGraph, full_graph: nx.MultiDiGraph, *, title: str,
                  focus: str | None = None, layout: str = "auto",
                  omitted: int = 0, edges_total: int | None = None, view: str = "graph",
                  hidden: list[list[Any]] | None = None) -> Payload:
    """Build the page data for ``graph`` (already cut); ``full_graph`` names articles."""
    node_ids = sorted(graph.nodes)
    index = {n: i for i, n in enumerate(node_ids)}
    if view == "corpus" and layout == "auto":
        layout = "ring"
    if layout == "auto":
        layout = "physics" if len(node_ids) <= PHYSICS_MAX_NODES else "precomputed"
    if layout == "ring":
        positions = corpus_layout(graph, node_ids)
    else:
        positions = precomputed_layout(graph, node_ids, seed=LAYOUT_SEED) if layout == "precomputed" else {}

    types = sorted({str(graph.nodes[n].get("type", "")) for n in node_ids}, key=class_order)
    groups: dict[str, Any] = {}
    classes = []
    for t in types:
        st = class_style(t)
        groups[t] = {"shape": st.shape, "color": {
            "background": st.color, "border": "#555555",
            "highlight": {"background": st.color, "border": "#111111"},
            "hover": {"background": st.color, "border": "#111111"}}}
        if st.shape == "box":
            groups[t]["font"] = {"size": 11, "color": "#222222", "strokeWidth": 0}
            groups[t]["margin"] = 4
        classes.append({"name": t, "zh": st.zh, "color": st.color, "shape": st.shape,
                        "count": sum(1 for n in node_ids if graph.nodes[n].get("type", "") == t)})

    nodes = []
    info: dict[str, Any] = {}
    dates = article_dates(full_graph)
    for n in node_ids:
        data = graph.nodes[n]
        t = str(data.get("type", ""))
        st = class_style(t)
        limit = 12 if t == "Article" else CANVAS_LABEL_CHARS
        size = node_size(int(data.get("count", 0) or 0))
        opts: dict[str, Any] = {"group": t, "size": max(4, round(size * RING_NODE_SCALE)) if layout == "ring" else size}
        if n in positions:
            opts["x"], opts["y"] = positions[n]
        node = vis_node(index[n], st.shape, _short(_node_label(data), limit), **opts)
        del node["shape"]  # the group carries it; tooltips are built in the page from ``info``
        nodes.append(node)
        entry: dict[str, Any] = {"iri": str(n), "label": _node_label(data), "type": t,
                                 "count": int(data.get("count", 0) or 0)}
        for key in ("subtypes", "aliases"):
            if data.get(key):
                entry[key] = [str(x) for x in data[key]]
        if data.get("articles"):
            arts = article_order([str(x) for x in data["articles"]], dates)
            entry["articles"] = arts[:MAX_ARTICLES_PER_NODE]
            if len(arts) > MAX_ARTICLES_PER_NODE:
                entry["n_articles"] = len(arts)
        for key in ("label_en", "article_id", "date", "source"):
            if data.get(key):
                entry[key] = str(data[key])
        info[str(index[n])] = entry

    edge_keys = sorted(graph.edges(keys=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    predicates = sorted({str(k) for _, _, k in edge_keys}, key=relation_order)
    # vis draws every edge label on every frame, on screen or not (1.4 s per frame at 4k
    # edges): big graphs name relations by colour, tooltip and panel only.
    edge_labels = len(edge_keys) <= EDGE_LABEL_MAX and layout != "ring"
    edges = []
    evidence: dict[str, Any] = {}
    evidence_omitted = 0
    cited = {a for entry in info.values() for a in entry.get("articles", ())}
    for i, (u, v, k) in enumerate(edge_keys):
        data = graph.edges[u, v, k]
        pred = str(data.get("predicate", k))
        rs = relation_style(pred)
        count = int(data.get("count", 0) or 0)
        # Colour, dashes and tooltip come from the relation table in the page: ~5x smaller.
        # Provenance edges (dashed) go unlabelled: the legend names them, the canvas stays legible.
        label = {} if rs.dashes or not edge_labels else {"label": pred}
        edges.append(vis_edge(index[u], index[v], id=i, rel=pred, **label,
                              width=round(1 + min(4.0, math.log2(count)), 2) if count > 1 else 1))
        ev = list(data.get("evidence", ()) or ())
        kept = [[str(e.get("article", "")), str(e.get("sentence", "")), str(e.get("rule", ""))] for e in ev[:MAX_EVIDENCE_PER_EDGE]]
        evidence_omitted += max(0, len(ev) - len(kept))
        cited.update(item[0] for item in kept)
        if ev:
            evidence[str(i)] = {"items": kept, "more": len(ev) - len(kept)}


    relations = []
    for p in predicates:
        rs = relation_style(p)
        relations.append({"name": p, "zh": rs.zh, "color": rs.color, "dashes": rs.dashes,
                          "count": sum(1 for _, _, k in edge_keys if str(k) == p)})

    focus_index = index.get(focus) if focus is not None else None
    dated = dated_payload(graph, full_graph, index)
    cited.update(r[1] for k in dated["kwic"].values() for r in k["rows"])
    titles = _article_titles(full_graph, cited)
    data = {
        "meta": {"title": title, "nodes_shown": len(node_ids), "nodes_omitted": omitted,
                 "edges_shown": len(edge_keys),
                 "edges_total": len(edge_keys) if edges_total is None else edges_total,
                 "layout": layout, "focus": focus_index, "view": view, "range": dated["range"],
                 # the ring's hundreds of chords: faint until a node is selected
                 "edge_opacity": RING_EDGE_OPACITY if layout == "ring" else 1.0},
        "classes": classes, "relations": relations,
        "nodes": nodes, "edges": edges,
        "options": {**_options(len(node_ids), layout), "groups": groups},
        "info": info, "evidence": evidence, "articles": titles,
        "dates": {a: dates[a] for a in titles if dates.get(a)},
        "spans": dated["spans"], "series": dated["series"], "kwic": dated["kwic"],
        "hidden": hidden or [],
    }
    return Payload(data=data, layout=layout, evidence_omitted=evidence_omitted)
