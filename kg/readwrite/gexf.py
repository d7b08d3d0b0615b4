"""Dynamic GEXF for Gephi: every node and edge lives from its first to its last article date.

Gephi's timeline plays a dynamic GEXF (``mode="dynamic"``, ``timeformat="date"``): a node's
``start``/``end`` are the first and last dates of the articles it is found in, an edge's those of the
articles of its evidence sentences. Undated things get no interval (Gephi shows them throughout).

Written by hand rather than with ``networkx.write_gexf``: the contract's attributes (tuples of
evidence dicts) are not GEXF values, and the file must be byte-identical for the same build. Only
scalar attributes are kept: class, count, English label, and for edges the predicate and its count
(the ``weight``). Articles and their ``mentionedIn`` edges are left out unless asked for: on a corpus
they are most of the graph and none of the content.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import quoteattr

import networkx as nx

from kg.atomicfile import atomic_write
from kg.dates import normalize_date

GEXF_NS = "http://www.gexf.net/1.2draft"
_NODE_ATTRS = (("0", "type", "string"), ("1", "count", "integer"), ("2", "label_en", "string"))
_EDGE_ATTRS = (("0", "predicate", "string"), ("1", "evidence", "integer"))


def _interval(days: Iterable[str]) -> str:
    """`` start="…" end="…"`` over the dated days, or '' when none is dated."""
    dated = sorted(d for d in days if d)
    return f' start="{dated[0]}" end="{dated[-1]}"' if dated else ""


def _attvalues(pairs: Iterable[tuple[str, object]]) -> str:
    return "".join(f'<attvalue for="{k}" value={quoteattr(str(v))}/>' for k, v in pairs)


def gexf_lines(graph: nx.MultiDiGraph, articles: bool = False) -> Iterable[str]:
    """The GEXF document, line by line, nodes and edges in sorted order."""
    dates = {d.get("article_id") or d.get("label", ""): normalize_date(d.get("date"))
             for _, d in graph.nodes(data=True) if d.get("type") == "Article"}
    keep = {n for n, d in graph.nodes(data=True) if articles or d.get("type") != "Article"}
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield f'<gexf xmlns="{GEXF_NS}" version="1.2">'
    yield '  <meta><creator>policy-slogan-kg</creator><description>formulations, organizations and meetings over time</description></meta>'
    yield '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">'
    for cls, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        yield f'    <attributes class="{cls}" mode="static">'
        for i, name, kind in attrs:
            yield f'      <attribute id="{i}" title="{name}" type="{kind}"/>'
        yield "    </attributes>"
    yield "    <nodes>"
    for n in sorted(keep):
        d = graph.nodes[n]
        own = (d.get("article_id") or d.get("label", ""),) if d.get("type") == "Article" else d.get("articles") or ()
        span = _interval(dates.get(a, "") for a in own)
        values = _attvalues((("0", d.get("type", "")), ("1", int(d.get("count") or 0)), ("2", d.get("label_en", ""))))
        yield f'      <node id={quoteattr(n)} label={quoteattr(str(d.get("label", "")))}{span}><attvalues>{values}</attvalues></node>'
    yield "    </nodes>"
    yield "    <edges>"
    edges = sorted((s, o, k, d) for s, o, k, d in graph.edges(keys=True, data=True) if s in keep and o in keep)
    for num, (s, o, k, d) in enumerate(edges):
        span = _interval(dates.get(e["article"], "") for e in d.get("evidence") or ())
        count = int(d.get("count") or 0)
        values = _attvalues((("0", k), ("1", count)))
        yield (f'      <edge id="{num}" source={quoteattr(s)} target={quoteattr(o)} label={quoteattr(k)} weight="{max(count, 1)}"'
               f"{span}><attvalues>{values}</attvalues></edge>")
    yield "    </edges>"
    yield "  </graph>"
    yield "</gexf>"


def write_gexf(graph: nx.MultiDiGraph, path: str | Path, articles: bool = False) -> Path:
    """Write ``graph`` as a dynamic GEXF file (atomic: a temporary file renamed into place)."""
    return atomic_write(path, "\n".join(gexf_lines(graph, articles=articles)) + "\n")
