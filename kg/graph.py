"""The networkx MultiDiGraph every exporter reads (contract: docs/ARCHITECTURE.md)."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import itemgetter

import networkx as nx

from kg.iri import article_iri
from kg.model import ArticleResult
from kg.text import trim_span
from kg.resolve import Node, merge
from kg.series import add_series

#: Rule of the ``mentionedIn`` evidence derived from each mention ("the sentence this mention is in");
#: the RDF exporter folds it into the mention instead of writing an Assertion (kg.readwrite.rdf_blocks).
MENTIONED_IN_RULE = "graph.mentioned_in"


def _sorted_unique(dicts: list[dict], keys: tuple[str, ...]) -> tuple[dict, ...]:
    """``dicts`` sorted by ``keys``, one per key (the last one given); called once per node and edge."""
    key = itemgetter(*keys)  # a tuple for two keys or more: all callers pass three
    seen = {key(d): d for d in dicts}
    return tuple(map(seen.__getitem__, sorted(seen)))


@dataclass
class Merged:
    """The merged corpus before the derived meeting series: what :func:`assemble` turns into the graph.

    Kept in the cache folder by ``kg build --cache`` (:mod:`kg.graphcache`), so that a rebuild which only
    adds articles merges just those (:func:`extend`) instead of every result again.
    """

    #: article id -> the attributes of its node
    articles: dict[str, dict]
    #: entity IRI -> the attributes of its node
    nodes: dict[str, dict]
    #: (subject IRI, predicate, object IRI) -> the edge's evidence, sorted by (article, start, end), one per key
    edges: dict[tuple[str, str, str], tuple[dict, ...]]
    #: entity IRI -> (the article that gave its label, the one that gave its ``label_en`` or "")
    sources: dict[str, tuple[str, str]]


def build_graph(results: list[ArticleResult]) -> nx.MultiDiGraph:
    """Merge per-article results into one graph with types, labels, counts and evidence."""
    return assemble(merged(results))


def merged(results: list[ArticleResult]) -> Merged:
    """The results merged (:func:`kg.resolve.merge`), every node's and edge's attributes final."""
    articles, nodes, grouped = _contributions(results)
    return Merged(articles, {iri: _node_attrs(nodes[iri]) for iri in nodes},
                  {k: _sorted_unique(v, _EVIDENCE_KEY) for k, v in grouped.items()},
                  {iri: (n.label_from, n.label_en_from) for iri, n in nodes.items()})


def extend(base: Merged, results: list[ArticleResult]) -> Merged | None:
    """``base`` with ``results`` (articles not in it) merged in: the same as :func:`merged` of all of them.

    Why it can be: every attribute of the merge is a union, a count or a sorted list of per-article parts
    (mentions, evidence, aliases, subtypes, articles), except two first-article answers, a node's label and
    its ``label_en``: the first article by id gives them (:func:`kg.resolve.merge`), and :attr:`Merged.sources`
    says which article that was. None when a new article would give an existing node another label (its old
    label could then be one of its aliases, which the merged node no longer says): merge everything again.
    ``base`` is changed in place and returned.
    """
    articles, nodes, grouped = _contributions(results, discard_label=False)
    for aid in articles:
        if aid in base.articles:
            raise ValueError(f"article {aid!r} is in the merged graph already")
    for iri, new in nodes.items():
        old = base.nodes.get(iri)
        if old is not None:
            label_from, label_en_from = base.sources[iri]
            if new.label_from < label_from:  # a new article comes first: its label, unless that differs
                if new.label != old["label"]:
                    return None
            else:
                new.type, new.label, new.label_from = old["type"], old["label"], label_from
            if old["label_en"] and (not new.label_en or label_en_from < new.label_en_from):
                new.label_en, new.label_en_from = old["label_en"], label_en_from
            new.aliases.update(old["aliases"])
            new.subtypes.update(old["subtypes"])
            new.mentions[:0] = old["mentions"]
        base.nodes[iri] = _node_attrs(new)
        base.sources[iri] = (new.label_from, new.label_en_from)
    base.articles.update(articles)
    for key, evidence in grouped.items():
        old_ev = base.edges.get(key)
        base.edges[key] = _sorted_unique([*old_ev, *evidence] if old_ev else evidence, _EVIDENCE_KEY)
    return base


def assemble(m: Merged) -> nx.MultiDiGraph:
    """The graph of ``m`` plus the meeting series derived from it, its nodes and edges added in sorted order
    (the same graph, insertion order included, however ``m`` was made)."""
    g = nx.MultiDiGraph(name="policy-slogan-kg")
    for aid in sorted(m.articles):
        g.add_node(article_iri(aid), **m.articles[aid])
    for iri in sorted(m.nodes):
        g.add_node(iri, **m.nodes[iri])
    edges = m.edges
    for (s, p, o) in sorted(edges):
        evidence = edges[(s, p, o)]
        g.add_edge(s, o, key=p, predicate=p, count=len(evidence), evidence=evidence)
    add_series(g)  # recurring meetings (kg.series): derived from the merged graph, never from one article
    return g


_EVIDENCE_KEY = ("article", "start", "end")


def _node_attrs(n: Node) -> dict:
    """A merged node's attributes (its aliases without its label)."""
    mentions = _sorted_unique(n.mentions, _EVIDENCE_KEY)
    return dict(type=n.type, label=n.label, aliases=tuple(sorted(n.aliases - {n.label})), subtypes=tuple(sorted(n.subtypes)),
                label_en=n.label_en, count=len(mentions), articles=tuple(sorted({m["article"] for m in mentions})),
                mentions=mentions)


def _contributions(results: list[ArticleResult], discard_label: bool = True
                   ) -> tuple[dict[str, dict], dict[str, Node], dict[tuple[str, str, str], list[dict]]]:
    """The article nodes' attributes, the merged entities and every edge's evidence (unsorted) of ``results``:
    their relations' and, for each mention, the sentence it is in (``mentionedIn``)."""
    articles: dict[str, dict] = {}
    for res in sorted(results, key=lambda r: r.article.id):
        a = res.article
        articles[a.id] = dict(type="Article", label=a.title or a.id, aliases=(), subtypes=(), label_en="", count=1,
                              articles=(a.id,), mentions=(), article_id=a.id, title=a.title, date=a.date, source=a.source)
    nodes, edges = merge(results, discard_label)
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
        node = nodes[iri]
        node.mentions = list(_sorted_unique(node.mentions, _EVIDENCE_KEY))  # sorted again in _node_attrs, in one pass
        for m in node.mentions:
            art = m["article"]
            text = texts[art].text
            stops = stops_of.get(art)
            if stops is None:
                stops = stops_of[art] = _stops(text)
            ev = _sentence_evidence(text, art, m["start"], m["end"], stops)
            ev["sentence"] = sentences.setdefault(ev["sentence"], ev["sentence"])
            ev["rule"], ev["component"] = MENTIONED_IN_RULE, component
            grouped.setdefault((iri, "mentionedIn", iri_of[art]), []).append(ev)
    return articles, nodes, grouped


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
