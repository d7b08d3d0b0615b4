"""Corpus-wide figures written as triples at export time, so queries read them instead of aggregating.

Why: on a full-corpus build (23k articles, millions of triples) a query that counts
every slogan's articles and promoters, or every class's resources, has to walk the
whole graph (seconds on pyoxigraph, minutes on rdflib); the figures are known at
export time for free. They are derived from the exported triples themselves, so a
query over the plain triples and the stored figure always agree, and a graph read
back from RDF and exported again writes the same figures.

Per ``kg:PolicySlogan`` (subclasses included, as ``?s a kg:PolicySlogan`` finds them):

* ``kg:articleCount`` — articles it is ``kg:mentionedIn``;
* ``kg:firstMentioned`` / ``kg:lastMentioned`` — the earliest / latest ``dcterms:date``
  of those articles (absent when none is dated);
* ``kg:promoterCount`` — distinct subjects of ``kg:promotes`` pointing at it;
* ``kg:promotionCount`` — ``kg:Assertion`` evidence sentences of those ``kg:promotes`` edges.

Per pair of slogans mentioned together in at least :data:`MIN_SHARED_ARTICLES` articles, one
resource ``kgr:cooccurrence/<hash>`` with ``kg:pairFirst`` and ``kg:pairSecond`` (the two slogans,
in IRI order) and ``kg:sharedArticleCount``. Pairs seen in one article only are most of all pairs
(15k of 16k on 5,000 新闻联播 items) and say little; the threshold keeps the figures to a few
percent of the graph.

Per ``kg:`` class, one resource ``kgr:dataset/class/<Class>`` with ``kg:ofClass`` and
``kg:instanceCount`` (resources typed with it; the VoID ``classPartition`` idea in
``kg:`` terms, so no writer needs another prefix). It has no ``rdf:type``, so it is not
itself counted and the networkx reader ignores it.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any, Collection

from kg.iri import BASE as KGR_BASE

KG_NS = "https://w3id.org/policy-slogan-kg/ontology#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_DCT_DATE = "http://purl.org/dc/terms/date"
_XSD = "http://www.w3.org/2001/XMLSchema#"

#: The properties this module writes, in the order they appear in a subject block.
AGGREGATE_PROPERTIES: tuple[str, ...] = tuple(KG_NS + p for p in (
    "articleCount", "firstMentioned", "lastMentioned", "promoterCount", "promotionCount",
    "pairFirst", "pairSecond", "sharedArticleCount", "ofClass", "instanceCount"))
#: Where the per-class counts live: ``kgr:dataset/class/<Class>``.
CLASS_PARTITION_BASE = f"{KGR_BASE}dataset/class/"
#: Where the co-occurring pairs live: ``kgr:cooccurrence/<hash of the two IRIs>``.
PAIR_BASE = f"{KGR_BASE}cooccurrence/"
#: A pair of slogans is written when they share at least this many articles.
MIN_SHARED_ARTICLES = 2

_SLOGAN = f"<{KG_NS}PolicySlogan>"
_MENTIONED_IN = KG_NS + "mentionedIn"
_PROMOTES = KG_NS + "promotes"
_PROMOTES_TERM = f"<{_PROMOTES}>"
_ASSERTION = f"<{KG_NS}Assertion>"
_PREDICATE = KG_NS + "predicate"
_OBJECT = KG_NS + "object"


def _integer(n: int) -> str:
    return f'"{n}"^^<{_XSD}integer>'


def _date_value(term: str) -> str:
    """``"2022-01-01"^^<…#date>`` → ``2022-01-01`` (dates are written by the exporter: no escapes)."""
    return term[1:term.rindex('"')]


def aggregate_pairs(subjects: dict[str, list[tuple[str, Any]]], nodes: Collection[str]) -> dict[str, list[tuple[str, str]]]:
    """The figures as ``{subject: [(predicate, N-Triples term)]}``: new pairs for existing slogan
    subjects and the class partition subjects. ``subjects`` is the default graph being exported
    (``subject → (predicate, term)`` pairs), ``nodes`` the subjects that are graph resources
    (every other subject is a ``kg:Mention`` or ``kg:Assertion`` whose type is its first pair)."""
    class_counts: dict[str, int] = defaultdict(int)
    slogans: list[str] = []
    promoters: dict[str, set[str]] = defaultdict(set)
    promotions: dict[str, int] = defaultdict(int)
    for s, pairs in subjects.items():
        if s not in nodes:
            first = pairs[0][1]
            class_counts[first] += 1
            # an Assertion's pairs are (type, subject, predicate, object, ...): see rdf_blocks._graph_blocks
            if first == _ASSERTION and pairs[2][1] == _PROMOTES_TERM and pairs[3][0] == _OBJECT:
                promotions[pairs[3][1][1:-1]] += 1
            continue
        for p, o in pairs:
            if p == _RDF_TYPE:
                class_counts[o] += 1
                if o == _SLOGAN:
                    slogans.append(s)
            elif p == _PROMOTES:
                promoters[o[1:-1]].add(s)

    out: dict[str, list[tuple[str, str]]] = {}
    by_article: dict[str, list[str]] = defaultdict(list)
    for s in slogans:
        dates = []
        articles = {o for p, o in subjects[s] if p == _MENTIONED_IN}
        for art in articles:
            by_article[art].append(s)
        for art in articles:
            dates += [_date_value(o) for p, o in subjects.get(art[1:-1], ()) if p == _DCT_DATE]
        pairs = [(KG_NS + "articleCount", _integer(len(articles)))]
        if dates:
            pairs += [(KG_NS + "firstMentioned", f'"{min(dates)}"^^<{_XSD}date>'),
                      (KG_NS + "lastMentioned", f'"{max(dates)}"^^<{_XSD}date>')]
        pairs += [(KG_NS + "promoterCount", _integer(len(promoters.get(s, ())))),
                  (KG_NS + "promotionCount", _integer(promotions.get(s, 0)))]
        out[s] = pairs
    out.update(_pairs(by_article))
    for cls, n in class_counts.items():
        iri = cls[1:-1]
        if iri.startswith(KG_NS):
            out[CLASS_PARTITION_BASE + iri[len(KG_NS):]] = [(KG_NS + "ofClass", cls), (KG_NS + "instanceCount", _integer(n))]
    return out


def _pairs(by_article: dict[str, list[str]]) -> dict[str, list[tuple[str, str]]]:
    """The co-occurrence resources: slogan pairs sharing at least :data:`MIN_SHARED_ARTICLES` articles."""
    shared: Counter[tuple[str, str]] = Counter()
    for members in by_article.values():
        shared.update(combinations(sorted(members), 2))
    out = {}
    for (a, b), n in shared.items():
        if n >= MIN_SHARED_ARTICLES:
            key = hashlib.sha1(f"{a}\x1f{b}".encode()).hexdigest()[:24]
            out[PAIR_BASE + key] = [(KG_NS + "pairFirst", f"<{a}>"), (KG_NS + "pairSecond", f"<{b}>"),
                                    (KG_NS + "sharedArticleCount", _integer(n))]
    return out
