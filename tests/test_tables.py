"""Tables for notebooks: kg.load reopens a build; DataFrames, bound SPARQL, analytics, CSV/Parquet export."""
from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

import kg
from kg.model import Article
from kgtest import ROOT

ARTICLES = [
    Article("t1", "中共中央召开会议，强调要坚定拥护“两个确立”，坚决做到“两个维护”。", date="2022-01-10"),
    Article("t2", "江苏省委召开常委会会议，强调要深刻领悟“两个确立”的决定性意义。", date="2022-02-25"),
    Article("t3", "今天天气晴朗。", date=""),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("tables")
    kg.build(ARTICLES).write(d, html=False, formats=["ttl", "nq"])
    return d


def test_load_gives_the_same_tables_as_the_build(out):
    fresh, loaded = kg.build(ARTICLES), kg.load(out)
    for name in ("entities", "relations", "evidence", "mentions", "articles"):
        a, b = getattr(fresh, name)(), getattr(loaded, name)()
        pd.testing.assert_frame_equal(a, b, check_like=False, obj=name)
    assert loaded.results == [] and loaded.source == out


def test_table_contents(out):
    r = kg.load(out)
    arts = r.articles()
    assert list(arts["article"]) == ["t1", "t2", "t3"]
    assert str(arts["date"].dtype).startswith("datetime64") and pd.isna(arts["date"].iloc[2])
    ents = r.entities().set_index("label")
    assert ents.loc["两个确立", "type"] == "PolicySlogan" and ents.loc["两个确立", "articles"] == 2
    rel = r.relations()
    assert "mentionedIn" not in set(rel["predicate"]) and "promotes" in set(rel["predicate"])
    ev = r.evidence()
    assert (ev["date"] == "2022-01-10").any() and ev["sentence"].str.contains("两个确立").any()
    m = r.mentions()
    assert set(m.columns) >= {"iri", "article", "start", "end", "surface", "date"}


def test_sparql_binds_parameters(out):
    r = kg.load(out)
    q = "SELECT ?name ?label WHERE { ?s a kg:PolicySlogan ; rdfs:label ?label . FILTER(STR(?label) = ?name) }"
    assert list(r.sparql(q, name="两个确立")["label"]) == ["两个确立"]
    assert r.sparql(q, name='两个确立" || true || "').empty
    fresh = kg.build(ARTICLES)
    assert list(fresh.sparql(q, name="两个维护")["label"]) == ["两个维护"]
    bundled = ROOT / "queries" / "promoters_of_slogan.rq"  # a Path names a file, as its str does
    assert r.sparql(bundled, slogan="两个确立").equals(r.sparql(str(bundled), slogan="两个确立"))
    assert not r.sparql(bundled, slogan="两个确立").empty


def test_analytics_frames(out):
    r = kg.load(out)
    tl = r.timeline("两个确立")
    assert list(tl["period"]) == ["2022-01", "2022-02"] and list(tl["articles"]) == [1, 1]
    assert tl.attrs["first"]["date"] == "2022-01-10" and tl.attrs["undated"] == 0
    ad = r.adopters("两个确立")
    assert list(ad[ad.kind == "organization"]["lag_days"]) == [0, 46]
    assert list(r.cooccurring("两个确立", min_count=1)["term"]) == ["两个维护"]
    born = r.trends("2022-01-01", "2022-01-31", min_articles=1)
    assert set(zip(born["status"], born["term"])) == {("born", "两个确立"), ("born", "两个维护"), ("gone", "两个维护")}
    with pytest.raises(ValueError, match="SELECT"):
        r.sparql("SELECT ?label WHERE { ?s rdfs:label ?label FILTER(STR(?label) = ?name) }", name="x")


def test_export_tables(out, tmp_path):
    from kg.cli import cli

    res = CliRunner().invoke(cli, ["export", "tables", str(out), "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    for name in ("entities", "relations", "evidence", "mentions", "articles"):
        csv = pd.read_csv(tmp_path / f"{name}.csv", encoding="utf-8-sig")
        parquet = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert len(csv) == len(parquet) > 0, name
    again = tmp_path / "again"
    CliRunner().invoke(cli, ["export", "tables", str(out), "-o", str(again), "--format", "csv"])
    assert (again / "entities.csv").read_bytes() == (tmp_path / "entities.csv").read_bytes()
    assert not (again / "entities.parquet").exists()


@pytest.fixture(scope="module")
def default_out(tmp_path_factory):
    d = tmp_path_factory.mktemp("tables_default")
    kg.build(ARTICLES).write(d, html=False)  # the default formats: Turtle, store, analytics index
    return d


def test_load_parses_the_graph_only_when_asked(default_out):
    """Analytics come from the build's analytics index and SPARQL from its store: no graph parse for either."""
    fresh, r = kg.build(ARTICLES), kg.load(default_out)
    assert "not parsed" in repr(r)
    for name, args in (("timeline", ("两个确立",)), ("adopters", ("两个确立",)), ("meeting_series", ()),
                       ("cooccurring", ("两个确立", 1)), ("trends", ("2022-01-01", "2022-01-31", 1))):
        pd.testing.assert_frame_equal(getattr(r, name)(*args), getattr(fresh, name)(*args), obj=name)
    q = "SELECT ?label WHERE { ?s a kg:PolicySlogan ; rdfs:label ?label } ORDER BY ?label"
    assert list(r.sparql(q)["label"]) == ["两个确立", "两个维护"]
    for name in ("entities", "relations", "articles"):  # from the store's skeleton
        pd.testing.assert_frame_equal(getattr(r, name)(), getattr(fresh, name)(), obj=name)
    assert "graph" not in vars(r), "kg.load parsed the graph for analytics, a store query or a store table"
    pd.testing.assert_frame_equal(r.evidence(), fresh.evidence())  # evidence and mentions parse it, once
    assert "graph parsed" in repr(r) and r.graph is r.graph
    assert r.graph.number_of_nodes() == fresh.graph.number_of_nodes() > 0
    pd.testing.assert_frame_equal(r.relations(provenance=True), fresh.relations(provenance=True))


def test_store_tables_equal_the_parsed_graph_tables(samples, tmp_path):
    """On the samples (aliases, subclasses, meetings in series, shared articles) the store's skeleton gives the
    parsed graph's entity, relation and article tables cell for cell."""
    kg.build([samples]).write(tmp_path, html=False)
    skeleton, parsed = kg.load(tmp_path), kg.load(tmp_path)
    parsed.graph  # noqa: B018 - parse it: its tables then come from the whole graph
    for name in ("entities", "relations", "articles"):
        a, b = getattr(skeleton, name)(), getattr(parsed, name)()
        assert len(a) > 5, name
        pd.testing.assert_frame_equal(a, b, obj=name)
    assert "graph" not in vars(skeleton)
    entities = skeleton.entities()
    assert (entities["aliases"] != "").any() and (entities["subtypes"] != "").any() and (entities["articles"] > 1).any()


def test_load_of_a_folder_without_a_graph_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        kg.load(tmp_path)
