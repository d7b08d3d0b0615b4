"""A hand-built graph that follows the networkx contract (docs/ARCHITECTURE.md).

RDF tests use it instead of ``kg.build`` so they pin the exporter, the queries
and the shapes independently of extractor quality. The facts mirror the seed
article (徐州 departments studying the 市委十二届十三次全会) plus a second, later
article, and a few strings that stress escaping (ASCII quotes, backslash,
newline, ``&``/``<``).
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from kg.iri import article_iri, entity_iri

A1 = "000_e8dd6484fe976b41"
A2 = "dev-002"

S1 = "连日来，我市各部门分别召开会议，认真传达学习贯彻市委十二届十三次全会精神。"
S2 = "市总工会召开主席办公会，传达学习市委十二届十三次全会精神，要求大力弘扬“五种风气”。"
S3 = "“五种风气”即真抓实干、敢于担当的风气。"
S4 = "市委宣传部是市委的工作部门，要坚决落实“走在前列”的使命要求，奋力谱写“强富美高”新徐州建设的现代化篇章。"
S5 = "市妇联党组理论学习中心组召开专题学习交流会，深入学习习近平新时代中国特色社会主义思想，推进党史学习教育。"
S6 = '会议学习了"七一"重要讲话 & <精神>，\\ 强调“走在前列”。\n要实现“十四五”强势开局。'
S7 = "徐州市总工会深入开展党史学习教育，奋力“走在前列”。"

_SENTENCES = {
    A1: [(0, S1), (40, S2), (90, S3), (120, S4), (200, S5), (260, S6)],
    A2: [(0, S7)],
}


def _sentence(article: str, needle: str) -> tuple[int, int, str]:
    for start, text in _SENTENCES[article]:
        if needle in text:
            return start, start + len(text), text
    raise KeyError(needle)


def _ev(article: str, needle: str) -> dict[str, Any]:
    start, end, text = _sentence(article, needle)
    return {"article": article, "start": start, "end": end, "sentence": text}


def _mention(article: str, surface: str) -> dict[str, Any]:
    start, _, text = _sentence(article, surface)
    off = start + text.index(surface)
    return {"article": article, "start": off, "end": off + len(surface), "surface": surface}


ENTITIES: list[dict[str, Any]] = [
    # type, label, aliases, subtypes, label_en, surfaces per article
    dict(type="Organization", label="徐州市总工会", aliases=("市总工会",), label_en="Xuzhou Federation of Trade Unions",
         seen={A1: ["市总工会"], A2: ["徐州市总工会"]}),
    dict(type="Organization", label="中共徐州市委", aliases=("市委",), label_en="CPC Xuzhou Municipal Committee",
         seen={A1: ["市委"]}),
    dict(type="Organization", label="中共徐州市委宣传部", aliases=("市委宣传部",), seen={A1: ["市委宣传部"]}),
    dict(type="Organization", label="徐州市妇联", aliases=("市妇联", "市妇联党组"), seen={A1: ["市妇联党组"]}),
    dict(type="Place", label="徐州", label_en="Xuzhou", seen={A1: ["徐州"]}),
    dict(type="Meeting", label="中共徐州市委十二届十三次全会", aliases=("市委十二届十三次全会",), subtypes=("PlenarySession",),
         seen={A1: ["市委十二届十三次全会"]}),
    dict(type="Meeting", label="徐州市总工会主席办公会", aliases=("主席办公会",), seen={A1: ["主席办公会"]}),
    dict(type="Meeting", label="徐州市妇联专题学习交流会", aliases=("专题学习交流会",), seen={A1: ["专题学习交流会"]}),
    dict(type="PolicySlogan", label="五种风气", subtypes=("NumberedFormulation",), label_en="five styles",
         seen={A1: ["五种风气"]}),
    dict(type="PolicySlogan", label="真抓实干", seen={A1: ["真抓实干"]}),
    dict(type="PolicySlogan", label="敢于担当", seen={A1: ["敢于担当"]}),
    dict(type="PolicySlogan", label="走在前列", seen={A1: ["走在前列"], A2: ["走在前列"]}),
    dict(type="PolicySlogan", label="强富美高", aliases=("强富美高新徐州",), seen={A1: ["强富美高"]}),
    dict(type="PolicySlogan", label="十四五", seen={A1: ["十四五"]}),
    dict(type="PolicySlogan", label="党史学习教育", subtypes=("Campaign",), seen={A1: ["党史学习教育"], A2: ["党史学习教育"]}),
    dict(type="Theory", label="习近平新时代中国特色社会主义思想", seen={A1: ["习近平新时代中国特色社会主义思想"]}),
    dict(type="Document", label='"七一"重要讲话', seen={A1: ['"七一"重要讲话']}),
]

# (subject label, predicate, object label, [(article, needle), ...])
RELATIONS: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    ("徐州市总工会主席办公会", "heldBy", "徐州市总工会", [(A1, "主席办公会")]),
    ("徐州市总工会主席办公会", "studies", "中共徐州市委十二届十三次全会", [(A1, "主席办公会")]),
    ("徐州市总工会主席办公会", "mentions", "五种风气", [(A1, "主席办公会")]),
    ("徐州市妇联专题学习交流会", "heldBy", "徐州市妇联", [(A1, "专题学习交流会")]),
    ("徐州市妇联专题学习交流会", "studies", "习近平新时代中国特色社会主义思想", [(A1, "专题学习交流会")]),
    ("徐州市妇联专题学习交流会", "studies", "中共徐州市委十二届十三次全会", [(A1, "连日来")]),
    ("徐州市妇联专题学习交流会", "mentions", "党史学习教育", [(A1, "专题学习交流会")]),
    ("徐州市妇联专题学习交流会", "studies", '"七一"重要讲话', [(A1, "重要讲话")]),
    ("徐州市总工会", "promotes", "五种风气", [(A1, "主席办公会")]),
    ("徐州市总工会", "promotes", "走在前列", [(A2, "徐州市总工会")]),
    ("徐州市总工会", "promotes", "党史学习教育", [(A2, "徐州市总工会")]),
    ("徐州市妇联", "promotes", "党史学习教育", [(A1, "专题学习交流会")]),
    ("中共徐州市委宣传部", "promotes", "走在前列", [(A1, "市委宣传部")]),
    ("中共徐州市委宣传部", "promotes", "强富美高", [(A1, "市委宣传部")]),
    ("中共徐州市委", "promotes", "十四五", [(A1, "十四五")]),
    ("中共徐州市委", "promotes", "走在前列", [(A1, "十四五")]),
    ("五种风气", "hasPart", "真抓实干", [(A1, "即真抓实干")]),
    ("五种风气", "hasPart", "敢于担当", [(A1, "即真抓实干")]),
    ("中共徐州市委宣传部", "subOrganizationOf", "中共徐州市委", [(A1, "市委宣传部")]),
    ("徐州市总工会", "locatedIn", "徐州", [(A1, "强富美高")]),
    ("徐州市妇联", "locatedIn", "徐州", [(A1, "强富美高")]),
]

ARTICLES = {
    A1: dict(title="扛起使命担当 谱写崭新篇章", date="2021-07-10", source="seeds/000_e8dd6484fe976b41.txt"),
    A2: dict(title="", date="2021-09-01", source="corpus/dev/dev-002.txt"),
}


def sample_graph() -> nx.MultiDiGraph:
    """The fixture graph, built in a shuffled insertion order to exercise sorting."""
    g = nx.MultiDiGraph(name="policy-slogan-kg")
    by_label: dict[str, str] = {}
    for art, meta in sorted(ARTICLES.items(), reverse=True):
        g.add_node(article_iri(art), type="Article", label=meta["title"] or art, aliases=(), subtypes=(),
                   label_en="", count=0, articles=(), mentions=(), article_id=art, **meta)
    for e in reversed(ENTITIES):
        iri = entity_iri(e["type"], e["label"])
        by_label[e["label"]] = iri
        mentions = tuple(sorted(
            (_mention(a, s) for a, surfaces in e["seen"].items() for s in surfaces),
            key=lambda m: (m["article"], m["start"], m["end"], m["surface"]),
        ))
        g.add_node(iri, type=e["type"], label=e["label"], aliases=tuple(sorted(e.get("aliases", ()))),
                   subtypes=tuple(sorted(e.get("subtypes", ()))), label_en=e.get("label_en", ""),
                   count=len(mentions), articles=tuple(sorted(e["seen"])), mentions=mentions)
        for art in sorted(e["seen"]):
            ev = tuple(_ev(art, m["surface"]) for m in mentions if m["article"] == art)
            ev = tuple(sorted({(x["article"], x["start"], x["end"], x["sentence"]) for x in ev}))
            evd = tuple({"article": a, "start": s, "end": t, "sentence": x} for a, s, t, x in ev)
            g.add_edge(iri, article_iri(art), key="mentionedIn", predicate="mentionedIn", count=len(evd), evidence=evd)
    for s, p, o, evs in RELATIONS:
        ev = tuple(sorted((_ev(a, n) for a, n in evs), key=lambda e: (e["article"], e["start"], e["end"])))
        g.add_edge(by_label[s], by_label[o], key=p, predicate=p, count=len(ev), evidence=ev)
    return g


def iri_of(type_: str, label: str) -> str:
    """IRI of a fixture entity (for assertions in tests)."""
    return entity_iri(type_, label)
