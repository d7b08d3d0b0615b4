"""Hand-built graphs that follow the networkx contract of docs/ARCHITECTURE.md.

The HTML tests must not depend on the extractors (which change daily), so they build
the graph the exporters read directly: a small Xuzhou-like graph, a hostile one whose
labels and sentences are HTML/JS, and synthetic graphs of any size for benchmarks.
"""
from __future__ import annotations

import random

import networkx as nx

from kg.iri import article_iri, entity_iri

#: Debian's Chromium and the flags every headless run of the explorer uses (the browser tests, benchmarks/bench_html.py,
#: benchmarks/screenshot_html.py): no first-run, sync or background traffic, so "every host blocked" holds.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

XSS_LABEL = "<img src=x onerror=alert(1)>"
XSS_SENTENCE = "会议强调</script><script>alert(1)</script>要落实“五种风气”。"


def _add_entity(g: nx.MultiDiGraph, type_: str, label: str, *, aliases: tuple[str, ...] = (),
                subtypes: tuple[str, ...] = (), label_en: str = "", articles: tuple[str, ...] = ("A1",),
                count: int = 1) -> str:
    node = entity_iri(type_, label)
    mentions = tuple({"article": a, "start": i * 10, "end": i * 10 + len(label), "surface": label}
                     for i, a in enumerate(sorted(articles)) for _ in range(1))
    g.add_node(node, type=type_, label=label, aliases=tuple(sorted(aliases)), subtypes=tuple(sorted(subtypes)),
               label_en=label_en, count=count, articles=tuple(sorted(articles)), mentions=mentions)
    return node


def _add_article(g: nx.MultiDiGraph, article_id: str, title: str, date: str = "2021-11-05") -> str:
    node = article_iri(article_id)
    g.add_node(node, type="Article", label=title or article_id, aliases=(), subtypes=(), label_en="",
               count=0, articles=(article_id,), mentions=(), article_id=article_id, title=title,
               date=date, source=f"seeds/{article_id}.txt")
    return node


def _add_edge(g: nx.MultiDiGraph, u: str, v: str, predicate: str, sentences: list[tuple[str, str]]) -> None:
    evidence = tuple(sorted(({"article": a, "start": 5 * i, "end": 5 * i + len(s), "sentence": s}
                             for i, (a, s) in enumerate(sentences)),
                            key=lambda e: (e["article"], e["start"], e["end"])))
    g.add_edge(u, v, key=predicate, predicate=predicate, count=len(evidence), evidence=evidence)


def xuzhou_graph() -> nx.MultiDiGraph:
    """Union meeting in Xuzhou: the running example of SCHEMA.md, with Chinese labels."""
    g = nx.MultiDiGraph(name="policy-slogan-kg")
    s1 = "11月5日，市总工会召开主席办公会，传达学习市委十二届十三次全会精神。"
    s2 = "会议强调，要大力弘扬“五种风气”，做到真抓实干、敢于担当。"
    s3 = "要以“两在两同”建新功行动为抓手，推动“强富美高”新徐州建设。"
    art = _add_article(g, "A1", "市总工会传达学习市委全会精神")
    art2 = _add_article(g, "A2", "团市委召开党史学习教育动员会", date="2021-03-01")
    union = _add_entity(g, "Organization", "徐州市总工会", aliases=("市总工会", "徐州市总工会党组"),
                        label_en="Xuzhou Federation of Trade Unions", count=4)
    cyl = _add_entity(g, "Organization", "共青团徐州市委", aliases=("团市委",), articles=("A2",), count=2)
    meeting = _add_entity(g, "Meeting", "市总工会主席办公会", aliases=("主席办公会",), count=2)
    plenum = _add_entity(g, "Meeting", "市委十二届十三次全会", aliases=("中共徐州市委十二届十三次全会",),
                         subtypes=("PlenarySession",), count=3)
    wzfq = _add_entity(g, "PolicySlogan", "五种风气", subtypes=("NumberedFormulation",), count=5,
                       articles=("A1", "A2"))
    zsgs = _add_entity(g, "PolicySlogan", "真抓实干", count=1)
    lzlt = _add_entity(g, "PolicySlogan", "两在两同", aliases=("“两在两同”建新功行动",),
                       subtypes=("Campaign",), count=2)
    qfmg = _add_entity(g, "PolicySlogan", "强富美高", count=3, articles=("A1", "A2"))
    dsxx = _add_entity(g, "PolicySlogan", "党史学习教育", subtypes=("Campaign",), articles=("A2",), count=2)
    xz = _add_entity(g, "Place", "徐州", count=6, articles=("A1", "A2"))
    xi = _add_entity(g, "Person", "习近平", count=1, articles=("A2",))
    theory = _add_entity(g, "Theory", "习近平新时代中国特色社会主义思想", articles=("A2",))
    doc = _add_entity(g, "Document", "习近平总书记“七一”重要讲话", articles=("A2",))
    _add_edge(g, meeting, union, "heldBy", [("A1", s1)])
    _add_edge(g, meeting, plenum, "studies", [("A1", s1)])
    _add_edge(g, union, wzfq, "promotes", [("A1", s2)])
    _add_edge(g, union, lzlt, "promotes", [("A1", s3)])
    _add_edge(g, union, qfmg, "promotes", [("A1", s3)])
    _add_edge(g, meeting, wzfq, "mentions", [("A1", s2)])
    _add_edge(g, wzfq, zsgs, "hasPart", [("A1", s2)])
    _add_edge(g, union, xz, "locatedIn", [("A1", s1)])
    _add_edge(g, cyl, xz, "locatedIn", [("A2", "团市委召开动员会。")])
    _add_edge(g, cyl, dsxx, "promotes", [("A2", "团市委部署党史学习教育。")])
    _add_edge(g, cyl, theory, "promotes", [("A2", "深入学习习近平新时代中国特色社会主义思想。")])
    _add_edge(g, cyl, qfmg, "promotes", [("A2", "奋力谱写“强富美高”新徐州建设青春篇章。")])
    _add_edge(g, cyl, doc, "promotes", [("A2", "学习习近平总书记“七一”重要讲话。")])
    _add_edge(g, cyl, xi, "mentions", [("A2", "学习习近平总书记“七一”重要讲话。")])
    for node, data in list(g.nodes(data=True)):
        if data["type"] == "Article":
            continue
        for a in data["articles"]:
            target = art if a == "A1" else art2
            _add_edge(g, node, target, "mentionedIn", [(a, f"{data['label']}出现在此文。")])
    return g


def hostile_graph() -> nx.MultiDiGraph:
    """Labels, aliases, titles and sentences that are markup or script, plus odd characters."""
    g = nx.MultiDiGraph(name="policy-slogan-kg")
    art = _add_article(g, "X1", "<script>alert('title')</script>\u2028标题")
    evil = _add_entity(g, "PolicySlogan", XSS_LABEL, aliases=("</script><script>alert(2)</script>", "a&b<!--"),
                       articles=("X1",), count=3)
    org = _add_entity(g, "Organization", "市委<b>宣传部</b>", aliases=('" onmouseover="alert(3)',),
                      articles=("X1",), count=2)
    href = _add_entity(g, "Meeting", '<a href="javascript:alert(4)">会议</a>', articles=("X1",))
    _add_edge(g, org, evil, "promotes", [("X1", XSS_SENTENCE)])
    _add_edge(g, href, evil, "mentions", [("X1", "<img src=x onerror=alert(5)>\u2029句子")])
    _add_edge(g, href, org, "heldBy", [("X1", "{{DATA}} ${alert(6)} `x`")])
    for node in (evil, org, href):
        _add_edge(g, node, art, "mentionedIn", [("X1", "<svg onload=alert(7)>")])
    return g


def synthetic_graph(n_nodes: int, *, edges_per_node: float = 2.0, seed: int = 1) -> nx.MultiDiGraph:
    """A contract-shaped graph of ``n_nodes`` with roughly scale-free degrees, for benchmarks."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph(name="policy-slogan-kg")
    types = ["Organization", "Meeting", "PolicySlogan", "Person", "Place", "Theory", "Document"]
    n_articles = max(1, n_nodes // 20)
    arts = [_add_article(g, f"S{i:05d}", f"合成文章{i}号") for i in range(n_articles)]
    ents: list[str] = []
    for i in range(n_nodes - n_articles):
        t = types[i % len(types)] if i % 3 else "PolicySlogan"
        a = f"S{rng.randrange(n_articles):05d}"
        ents.append(_add_entity(g, t, f"{t[:3]}实体{i}号", aliases=(f"别名{i}",), articles=(a,),
                                count=1 + int(rng.paretovariate(1.5))))
    preds = ["heldBy", "studies", "promotes", "mentions", "hasPart", "subOrganizationOf", "locatedIn"]
    weights = [1.0 / (1 + i) ** 0.8 for i in range(len(ents))]
    n_edges = int(len(ents) * edges_per_node)
    us = rng.choices(ents, k=n_edges)
    vs = rng.choices(ents, weights=weights, k=n_edges)
    for u, v in zip(us, vs):
        if u != v:
            p = rng.choice(preds)
            if not g.has_edge(u, v, key=p):
                _add_edge(g, u, v, p, [("S00000", f"{g.nodes[u]['label']}与{g.nodes[v]['label']}有关。")])
    for e in ents[: len(ents) // 4]:
        a = g.nodes[e]["articles"][0]
        _add_edge(g, e, arts[int(a[1:])], "mentionedIn", [(a, "出现。")])
    return g
