"""Meeting series: the recurring meetings of one kind held by one organization.

Each sitting of 中共中央政治局会议 or 国务院常务会议 is its own dated ``Meeting`` (a described
meeting is scoped to its article); nothing linked them, so "what did the Politburo stress, month by
month" had no handle. A series is derived here, in the ``kg`` layer, from what the graph already
says — no list of meeting names:

* the **holder** of a sitting is its ``heldBy`` organization, else an organization found in the
  same article whose label (or alias) opens the meeting's label (中共中央政治局第十五次集体学习);
* its **kind** is the meeting's label (or alias) after the holder's name, with the numbering
  that tells sittings apart removed (2022年, 第十五次, 第三届, （扩大）): 集体学习, 常务会议, 会议;
* a (holder, kind) is a **series** when the build holds at least ``min_sittings`` sittings of it in
  at least as many articles: a series is what the corpus shows recurring, so a one-off 动员大会
  makes none, and a build of one article makes none (the scored output is unchanged).

The series is a ``MeetingSeries`` node (label = holder + kind, aliases from the holder's aliases;
``count`` = its sittings); each sitting gets an ``inSeries`` edge whose evidence is the sentence
reporting that the holder convened it (its ``heldBy`` evidence, else where it is mentioned), and
the series a ``mentionedIn`` edge per article, so ``articles`` survives an RDF round trip.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from urllib.parse import unquote

from kg.iri import article_iri, entity_iri

#: Sittings a (holder, kind) needs in a build to be a series.
MIN_SITTINGS = 2
RULE = "series.holder_kind"
_NUM = "0-9一二两三四五六七八九十百零〇"
#: What tells sittings of one kind apart: a year, an ordinal (第十五次, 第三届, 三届), a bracketed note.
_NUMBERING = re.compile(rf"(?:[0-9]{{4}}年(?:度)?|第?[{_NUM}]+(?:届|次)|[（(][^）)]{{1,6}}[）)])")


@dataclass
class Series:
    """One derived series: its IRI, holder, kind and sittings (meeting IRIs)."""

    iri: str
    holder: str        # organization IRI
    label: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    sittings: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


def meeting_kind(rest: str) -> str:
    """The kind of meeting ``rest`` (a label after its holder) names, numbering removed; '' if none is left."""
    kind = _NUMBERING.sub("", rest).strip("　 ")
    return kind if len(kind) >= 2 else ""


def _names(data: dict) -> list[str]:
    return [data.get("label", ""), *(data.get("aliases") or ())]


def _holder_and_kind(graph: nx.MultiDiGraph, meeting: str, orgs_by_article: dict[str, list[str]]) -> tuple[str, str, str] | None:
    """(holder IRI, holder name as written in the label, kind) of one sitting, or None."""
    data = graph.nodes[meeting]
    held = sorted(o for _, o, k in graph.out_edges(meeting, keys=True) if k == "heldBy")
    candidates = held or sorted({o for a in data.get("articles") or () for o in orgs_by_article.get(a, ())})
    best: tuple[int, str, str, str] | None = None
    for org in candidates:
        for org_name in _names(graph.nodes[org]):
            if len(org_name) < 2:
                continue
            for name in _names(data):
                if name.startswith(org_name) and (kind := meeting_kind(name[len(org_name):])):
                    cand = (-len(org_name), org, org_name, kind)
                    best = cand if best is None or cand < best else best
    return (best[1], best[2], best[3]) if best else None


def _series_iri(holder: str, holder_label: str, kind: str) -> str:
    """Label-derived like every IRI; an article-scoped holder (市委@article) keeps its scope in the series."""
    if holder == entity_iri("Organization", holder_label):
        return entity_iri("MeetingSeries", holder_label + kind)
    scope = unquote(holder.rsplit("/", 1)[1]).rpartition("@")[2]
    return entity_iri("MeetingSeries", f"{holder_label}{kind}@{scope}")


def find_series(graph: nx.MultiDiGraph, min_sittings: int = MIN_SITTINGS) -> list[Series]:
    """The series of ``graph``'s meetings (see the module docstring), sorted by IRI."""
    orgs_by_article: dict[str, list[str]] = defaultdict(list)
    for n, d in graph.nodes(data=True):
        if d.get("type") == "Organization":
            for a in d.get("articles") or ():
                orgs_by_article[a].append(n)
    found: dict[tuple[str, str], Series] = {}
    for n in sorted(graph.nodes):
        d = graph.nodes[n]
        if d.get("type") != "Meeting":
            continue
        hk = _holder_and_kind(graph, n, orgs_by_article)
        if hk is None:
            continue
        holder, _, kind = hk
        holder_data = graph.nodes[holder]
        s = found.get((holder, kind))
        if s is None:
            label = holder_data.get("label", "") + kind
            s = found[(holder, kind)] = Series(_series_iri(holder, holder_data.get("label", ""), kind), holder, label, kind)
            s.aliases = {a + kind for a in holder_data.get("aliases") or () if len(a) >= 2} - {label}
        s.sittings.add(n)
        s.articles.update(d.get("articles") or ())
    kept = [s for s in found.values() if len(s.sittings) >= min_sittings and len(s.articles) >= min_sittings]
    return sorted(kept, key=lambda s: s.iri)


def _sitting_evidence(graph: nx.MultiDiGraph, meeting: str, holder: str) -> list[dict]:
    """The sentences saying the holder convened the sitting (heldBy), else those mentioning it."""
    for pred, target in (("heldBy", holder), ("mentionedIn", None)):
        ev = [e for _, o, k, d in graph.out_edges(meeting, keys=True, data=True)
              if k == pred and (target is None or o == target) for e in d.get("evidence") or ()]
        if ev:
            return ev
    return []


def add_series(graph: nx.MultiDiGraph, min_sittings: int = MIN_SITTINGS) -> list[Series]:
    """Add the ``MeetingSeries`` nodes and their ``inSeries`` / ``mentionedIn`` edges to ``graph`` (in place)."""
    series = find_series(graph, min_sittings)
    for s in series:
        by_article: dict[str, dict[tuple, dict]] = defaultdict(dict)
        for m in sorted(s.sittings):
            ev = _sitting_evidence(graph, m, s.holder)
            stamped = tuple(sorted(({"article": e["article"], "start": e["start"], "end": e["end"], "sentence": e["sentence"],
                                     "rule": RULE, "component": "series"} for e in ev),
                                   key=lambda e: (e["article"], e["start"], e["end"])))
            graph.add_edge(m, s.iri, key="inSeries", predicate="inSeries", count=len(stamped), evidence=stamped)
            for e in stamped:
                by_article[e["article"]][(e["start"], e["end"])] = {**e, "rule": "series.mentioned_in"}
        graph.add_node(s.iri, type="MeetingSeries", label=s.label, aliases=tuple(sorted(s.aliases)), subtypes=(), label_en="",
                       count=len(s.sittings), articles=tuple(sorted(by_article)), mentions=())
        for art in sorted(by_article):
            sentences = tuple(by_article[art][k] for k in sorted(by_article[art]))
            graph.add_edge(s.iri, article_iri(art), key="mentionedIn", predicate="mentionedIn", count=len(sentences), evidence=sentences)
    return series
