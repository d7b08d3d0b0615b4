"""The networkx MultiDiGraph every exporter reads (contract: docs/ARCHITECTURE.md)."""
from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

import networkx as nx

from kg.iri import article_iri
from kg.model import ArticleResult
from kg.text import trim_span
from kg.resolve import merge
from kg.series import add_series

#: Rule of the ``mentionedIn`` evidence derived from each mention ("the sentence this mention is in");
#: the RDF exporter folds it into the mention instead of writing an Assertion (kg.readwrite.rdf_blocks).
MENTIONED_IN_RULE = "graph.mentioned_in"


def _sorted_unique(dicts: list[dict], keys: tuple[str, ...]) -> tuple[dict, ...]:
    """``dicts`` sorted by ``keys``, one per key (the last one given); called once per node and edge."""
    key = itemgetter(*keys)  # a tuple for two keys or more: all callers pass three
    seen = {key(d): d for d in dicts}
    return tuple(map(seen.__getitem__, sorted(seen)))


def build_graph(results: list[ArticleResult]) -> nx.MultiDiGraph:
    """Merge per-article results into one graph with types, labels, counts and evidence."""
    g = nx.MultiDiGraph(name="policy-slogan-kg")
    nodes, edges = merge(results)
    for res in sorted(results, key=lambda r: r.article.id):
        a = res.article
        g.add_node(article_iri(a.id), type="Article", label=a.title or a.id, aliases=(), subtypes=(), label_en="",
                   count=1, articles=(a.id,), mentions=(), article_id=a.id, title=a.title, date=a.date, source=a.source)
    for iri in sorted(nodes):
        n = nodes[iri]
        mentions = _sorted_unique(n.mentions, ("article", "start", "end"))
        g.add_node(iri, type=n.type, label=n.label, aliases=tuple(sorted(n.aliases)), subtypes=tuple(sorted(n.subtypes)),
                   label_en=n.label_en, count=len(mentions), articles=tuple(sorted({m["article"] for m in mentions})),
                   mentions=mentions)
    grouped: dict[tuple[str, str, str], list[dict]] = {}
    for s, p, o, ev in edges:
        grouped.setdefault((s, p, o), []).append(ev)
    # provenance: every entity → the articles it was found in, with the sentences it occurs in
    texts = {r.article.id: r.article for r in results}
    component = MENTIONED_IN_RULE.split(".", 1)[0]
    sentences: dict[str, str] = {}  # one string per distinct sentence, not one per mention (memory at corpus scale)
    stops_of: dict[str, list[int]] = {}  # article id -> where its sentences end, found once per article
    iri_of = {a: article_iri(a) for a in texts}
    for iri in sorted(nodes):
        for m in g.nodes[iri]["mentions"]:
            art = m["article"]
            text = texts[art].text
            stops = stops_of.get(art)
            if stops is None:
                stops = stops_of[art] = _stops(text)
            ev = _sentence_evidence(text, art, m["start"], m["end"], stops)
            ev["sentence"] = sentences.setdefault(ev["sentence"], ev["sentence"])
            ev["rule"], ev["component"] = MENTIONED_IN_RULE, component
            grouped.setdefault((iri, "mentionedIn", iri_of[art]), []).append(ev)
    for (s, p, o) in sorted(grouped):
        evidence = _sorted_unique(grouped[(s, p, o)], ("article", "start", "end"))
        g.add_edge(s, o, key=p, predicate=p, count=len(evidence), evidence=evidence)
    add_series(g)  # recurring meetings (kg.series): derived from the merged graph, never from one article
    return g


_STOP = re.compile("[。！？\n]")


def _stops(text: str) -> list[int]:
    """Positions of the characters that end a sentence (。！？ and line ends), in order."""
    return [m.start() for m in _STOP.finditer(text)]


def _sentence_evidence(text: str, article_id: str, start: int, end: int, stops: list[int] | None = None) -> dict:
    """The sentence of the original text around [start, end): from after the last stop before ``start``
    to the first stop at or after ``end`` included (``stops``: :func:`_stops` of ``text``, found by bisection)."""
    if stops is None:
        stops = _stops(text)
    i = bisect_left(stops, start)
    s = stops[i - 1] + 1 if i else 0
    j = bisect_left(stops, end)
    e = stops[j] + 1 if j < len(stops) else len(text)
    s, e = trim_span(text, s, e)
    return {"article": article_id, "start": s, "end": e, "sentence": text[s:e]}
