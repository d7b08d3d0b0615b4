"""The library API: ``kg.build([...])`` → ``.graph``, ``.to_rdf()``, ``.write(dir)``."""
from __future__ import annotations

import networkx as nx
import rdflib

import kg
from kgtest import SAMPLES

TEXT = ("市总工会召开主席办公会，学习贯彻市委十二届十三次全会精神。会议要求，要以“全省领先、全国一流”的目标定位，"
        "大兴学习研究、真抓实干、攻坚克难、改革创新、勇争一流“五种风气”。")
KG = "https://w3id.org/policy-slogan-kg/ontology#"


def test_build_from_text_returns_a_multidigraph():
    result = kg.build([TEXT])
    g = result.graph
    assert isinstance(g, nx.MultiDiGraph)
    assert not result.problems and len(result.results) == 1
    by_type = {}
    for _, d in g.nodes(data=True):
        by_type.setdefault(d["type"], set()).add(d["label"])
    assert "五种风气" in by_type["PolicySlogan"]
    assert len(by_type["Article"]) == 1
    preds = {k for _, _, k in g.edges(keys=True)}
    assert {"hasPart", "heldBy", "mentionedIn"} <= preds
    # the contract's attributes
    for _, d in g.nodes(data=True):
        assert {"type", "label", "aliases", "subtypes", "count", "articles", "mentions"} <= set(d)
        assert d["label"] not in d["aliases"]
    for _, _, k, d in g.edges(keys=True, data=True):
        assert d["predicate"] == k and d["count"] == len(d["evidence"]) > 0


def test_text_ids_are_stable():
    a = kg.build([TEXT]).results[0].article.id
    b = kg.build([TEXT]).results[0].article.id
    assert a == b and a.startswith("doc-")


def test_to_rdf():
    ds = kg.build([TEXT]).to_rdf()
    assert isinstance(ds, rdflib.Dataset)
    slogans = {str(o) for s in ds.subjects(rdflib.RDF.type, rdflib.URIRef(KG + "PolicySlogan"))
               for o in ds.objects(s, rdflib.RDFS.label)}
    assert "五种风气" in slogans


def test_write(tmp_path):
    written = kg.build([TEXT]).write(tmp_path / "out", formats="all")
    for name in ("graph.ttl", "graph.nq", "graph.jsonld", "graph.graphml", "graph.html"):
        assert (tmp_path / "out" / name).stat().st_size > 0, name
    assert written["graph.ttl"] == tmp_path / "out" / "graph.ttl"
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    assert (None, rdflib.URIRef(KG + "hasPart"), None) in g


def test_build_mixes_texts_articles_and_paths():
    art = kg.Article(id="mine", text=TEXT, title="标题", date="2021-07-20")
    result = kg.build([art, SAMPLES / "county_standing_committee.txt", "县委召开常委会议，学习“两个确立”。"])
    ids = {r.article.id for r in result.results}
    assert {"mine", "county_standing_committee"} <= ids and len(ids) == 3
    node = result.graph.nodes["https://w3id.org/policy-slogan-kg/id/Article/mine"]
    assert node["title"] == "标题" and node["date"] == "2021-07-20"


def test_duplicate_ids_are_reported_not_fatal():
    art = kg.Article(id="same", text=TEXT)
    result = kg.build([art, art])
    assert len(result.results) == 1
    assert any("duplicate" in str(p) for p in result.problems)


def test_extract_is_pure():
    art = kg.Article(id="x", text=TEXT)
    one, two = kg.extract(art), kg.extract(art)
    assert sorted(one.entities) == sorted(two.entities)
    assert [(r.predicate, r.subject, r.object) for r in one.relations] == \
        [(r.predicate, r.subject, r.object) for r in two.relations]


# ---------------------------------------------------------------- merging across articles


def _orgs(result) -> dict[str, list]:
    out: dict[str, list] = {}
    for iri, d in result.graph.nodes(data=True):
        if d["type"] == "Organization":
            out.setdefault(d["label"], []).append((iri, d["articles"]))
    return out


def test_same_named_organization_merges_across_articles():
    result = kg.build(["徐州市总工会召开主席办公会，学习贯彻市委全会精神。", "徐州市总工会召开党组会议，传达学习“两个确立”。"])
    assert len(_orgs(result)["徐州市总工会"]) == 1


def test_zhenjiang_organization_merges_across_articles():
    result = kg.build(["镇江市总工会召开主席办公会，学习贯彻市委全会精神。", "镇江市总工会召开党组会议，传达学习“两个确立”。"])
    assert len(_orgs(result)["镇江市总工会"]) == 1


def test_bare_party_committee_is_not_shared_across_articles():
    result = kg.build(["九郎山集团党委召开会议。集团党委要求，推进“三个一”工程。",
                       "金控集团党委召开会议。集团党委强调，推进“五个一”工程。"])
    for iri, articles in _orgs(result).get("集团党委", []):
        assert len(articles) == 1, (iri, articles)


def test_extractors_import_on_their_own():
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", "from extractors.person import PersonExtractor"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-400:]


def test_control_characters_do_not_break_xml_exports(tmp_path):
    """A vertical tab or form feed in an article must not stop RDF/XML (XML 1.0 cannot hold them)."""
    import rdflib

    import kg

    text = "市总工会召开主席办公会，\x0b学习贯彻市委全会精神。\x0c会议要求，大兴“五种风气”。"
    result = kg.build([text])
    out = result.write(tmp_path, html=False, formats="all")
    g = rdflib.Graph().parse(out["graph.rdf"], format="xml")
    assert len(g) > 0
    art = result.results[0].article
    assert len(art.text) == len(text) and "\x0b" not in art.text


def test_show_returns_inline_explorer():
    """result.show() is the notebook view: an iframe with the whole page, never a blank cell."""
    import kg

    shown = kg.build(["市总工会召开主席办公会，学习贯彻市委全会精神。会议要求，大兴“五种风气”。"]).show()
    markup = shown if isinstance(shown, str) else shown.data
    assert "<iframe" in markup and "srcdoc=" in markup and "五种风气" in markup
