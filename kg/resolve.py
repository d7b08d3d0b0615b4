"""Alias resolution and cross-article merging.

Inside an article, an entity whose label is another same-type entity's alias is
the same thing (市委全会 → the article's 市委十二届十三次全会). Across articles,
entities merge by (type, canonical label) — canonical labels carry the place
(徐州市总工会), and names that only make sense inside one article (市委 with no
known city, a described meeting) are scoped to that article.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.iri import entity_iri
from kg.model import ArticleResult, Entity


@dataclass
class Node:
    """An entity of the whole build."""

    iri: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    subtypes: set[str] = field(default_factory=set)
    label_en: str = ""
    mentions: list[dict] = field(default_factory=list)
    #: the article whose entity gave the label (the first by id), and the one that gave ``label_en`` ("" if none):
    #: :func:`kg.graph.extend` needs them to add articles in any order and keep these first-article answers
    label_from: str = ""
    label_en_from: str = ""


# 政府工作报告 after 2018年政府工作报告, 主题教育 after 不忘初心、牢记使命主题教育, 人大常委会 after
# 老城区人大常委会: the short name is the article's one long name that specialises it
_SUFFIX_FOLDED = ("Document", "PolicySlogan", "Organization")


def _specialises(long: str, short: str) -> bool:
    """``long`` is ``short`` with a qualifier in front (not the last item of an enumeration)."""
    if len(short) < 4 or len(long) <= len(short) or not long.endswith(short):
        return False
    return long[-len(short) - 1] not in "、，,；"


def fold_aliases(result: ArticleResult) -> dict[tuple[str, str], tuple[str, str]]:
    """Map each entity key of one article to the key it is an alias of (itself if none)."""
    by_alias: dict[tuple[str, str], list[tuple[str, str]]] = {}
    by_type: dict[str, list[tuple[tuple[str, str], str]]] = {}  # the suffix fold's candidates, in entity order
    for key, ent in result.entities.items():
        for a in ent.aliases:
            by_alias.setdefault((ent.type, a), []).append(key)
        if ent.type in _SUFFIX_FOLDED:
            by_type.setdefault(ent.type, []).append((key, ent.label))
    out = {}
    for key, ent in result.entities.items():
        owners = [k for k in by_alias.get((ent.type, ent.label), []) if k != key]
        if not owners:
            # 江苏省作协 listing 江苏省作家协会 among its names, beside an entity of that label: the full name's
            owners = [(ent.type, a) for a in sorted(ent.aliases) if a != ent.label and (ent.type, a) in result.entities]
        if not owners and ent.type == "Meeting" and (ent.type, ent.label + "议") in result.entities:
            owners = [(ent.type, ent.label + "议")]  # 理论中心组学习（扩大）会 and …会议 written in one article: one meeting
        if not owners and ent.type in _SUFFIX_FOLDED and len(ent.label) >= 4:  # (_specialises: no shorter name)
            owners = [k for k, label in by_type[ent.type] if k != key and _specialises(label, ent.label)]
        # fold a short name into the single longer entity that lists it (never into several)
        if len(owners) == 1 and len(owners[0][1]) > len(ent.label):
            out[key] = owners[0]
        else:
            out[key] = key
    # follow chains
    for k in out:
        seen = {k}
        while out[out[k]] != out[k] and out[k] not in seen:
            seen.add(out[k])
            out[k] = out[out[k]]
    return out


def node_id(ent: Entity) -> str:
    """Article-scoped names (scope = article id) get their own IRI; the rest merge by label."""
    scope = ent.attrs.get("scope", "")
    return entity_iri(ent.type, f"{ent.label}@{scope}" if scope else ent.label)


def merge(results: list[ArticleResult], discard_label: bool = True) -> tuple[dict[str, Node], list[tuple[str, str, str, dict]]]:
    """All entities keyed by IRI, and relations as (subject IRI, predicate, object IRI, evidence dict).

    ``discard_label=False`` leaves a node's own label among its aliases (the raw union), for a merge that is
    combined with another one afterwards (:func:`kg.graph.extend`)."""
    nodes: dict[str, Node] = {}
    edges: list[tuple[str, str, str, dict]] = []
    for res in sorted(results, key=lambda r: r.article.id):
        fold = fold_aliases(res)
        iri_of: dict[tuple[str, str], str] = {}
        for key in sorted(res.entities):
            target = res.entities[fold[key]]
            ent = res.entities[key]
            iri = node_id(target)
            iri_of[key] = iri
            node = nodes.get(iri)
            if node is None:
                node = nodes[iri] = Node(iri, target.type, target.label, label_from=res.article.id)
            node.aliases |= ent.aliases | ({ent.label} if ent is not target else set())
            node.subtypes |= ent.subtypes
            if not node.label_en:
                node.label_en = ent.attrs.get("label_en", "")
                if node.label_en:
                    node.label_en_from = res.article.id
            for m in ent.mentions:
                node.mentions.append({"article": res.article.id, "start": m.start, "end": m.end, "surface": m.surface,
                                      "rule": m.rule, "component": m.component})
        for r in res.relations:
            s, o = iri_of[r.subject], iri_of[r.object]
            if s != o:
                edges.append((s, r.predicate, o, {**r.evidence.as_dict(), "rule": r.rule, "component": r.component}))
    if discard_label:
        for node in nodes.values():
            node.aliases.discard(node.label)
    return nodes, edges
