"""Meeting series and speakers on a small synthetic dated corpus: exact series, sittings, counts per period,
``voices`` links, and their round trip through RDF, SHACL and the CLI."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kg
from kg.analytics import index, meeting_series, series_formulations
from kg.model import Article
from kg.series import find_series, meeting_kind

ARTICLES = [
    Article("p1", "中共中央政治局1月24日召开会议。会议强调，要坚定拥护“两个确立”，坚决做到“两个维护”。", date="2022-01-24"),
    Article("p2", "中共中央政治局2月25日召开会议。会议指出，要坚决做到“两个维护”。", date="2022-02-25"),
    Article("p3", "中共中央政治局2月28日召开会议。会议要求，要坚定拥护“两个确立”，坚决做到“两个维护”。", date="2022-02-28"),
    Article("s1", "国务院召开常务会议。会议要求，持续深化“放管服”改革。", date="2022-03-02"),
    Article("s2", "国务院召开常务会议。会议强调，深化“放管服”改革。李强在会上表示，要发展“新质生产力”。", date="2022-03-09"),
    Article("x1", "市科协召开动员大会，强调大兴“五种风气”。", date="2022-03-10"),
    Article("v1", "习近平强调，要坚定拥护“两个确立”、坚决做到“两个维护”。", date="2022-03-11"),
]


@pytest.fixture(scope="module")
def built():
    return kg.build(ARTICLES)


def _series(graph) -> dict[str, set[str]]:
    return {d["label"]: {graph.nodes[m]["articles"][0] for m, _, k in graph.in_edges(n, keys=True) if k == "inSeries"}
            for n, d in graph.nodes(data=True) if d["type"] == "MeetingSeries"}


def test_kind_drops_the_numbering_of_sittings():
    assert meeting_kind("第十五次集体学习") == "集体学习"
    assert meeting_kind("2022年第一次集体学习") == "集体学习"
    assert meeting_kind("常委（扩大）会议") == "常委会议"
    assert meeting_kind("第三次") == ""


def test_recurring_meetings_form_series_one_offs_do_not(built):
    graph = built.graph
    assert _series(graph) == {"中共中央政治局会议": {"p1", "p2", "p3"}, "国务院常务会议": {"s1", "s2"}}
    sittings = [m for m, _, k in graph.in_edges("https://w3id.org/policy-slogan-kg/id/MeetingSeries/国务院常务会议", keys=True)
                if k == "inSeries"]
    assert len(sittings) == 2 and all(graph.nodes[m]["type"] == "Meeting" for m in sittings)  # each sitting stays an event
    node = graph.nodes["https://w3id.org/policy-slogan-kg/id/MeetingSeries/中共中央政治局会议"]
    assert node["count"] == 3 and node["articles"] == ("p1", "p2", "p3") and "中央政治局会议" in node["aliases"]
    ev = next(d for _, _, k, d in graph.edges(keys=True, data=True) if k == "inSeries")
    assert {e["rule"] for e in ev["evidence"]} == {"series.holder_kind"} and "召开" in ev["evidence"][0]["sentence"]


def test_one_sitting_is_no_series():
    assert find_series(kg.build(ARTICLES[:1]).graph) == []


def test_series_formulations_month_by_month(built):
    rows = [(r.series, r.period, r.term, r.sittings, r.total_sittings, r.share)
            for r in series_formulations(built.graph, "中共中央政治局会议")]
    assert rows == [("中共中央政治局会议", "2022-01", "两个确立", 1, 1, 1.0),
                    ("中共中央政治局会议", "2022-01", "两个维护", 1, 1, 1.0),
                    ("中共中央政治局会议", "2022-02", "两个维护", 2, 2, 1.0),
                    ("中共中央政治局会议", "2022-02", "两个确立", 1, 2, 0.5)]
    assert [(r.period, r.term) for r in series_formulations(built.graph, "政治局会议", top=1)] == [
        ("2022-01", "两个确立"), ("2022-02", "两个维护")]
    assert [(r.period, r.term, r.sittings, r.total_sittings) for r in series_formulations(built.graph, "国务院常务会议", by="year")] == [
        ("2022", "放管服", 2, 2), ("2022", "新质生产力", 1, 2)]


def test_series_summary(built):
    got = {(s.series, s.sittings, s.dated, s.first_date, s.last_date, s.formulations) for s in meeting_series(index(built.graph))}
    assert got == {("中共中央政治局会议", 3, 3, "2022-01-24", "2022-02-28", 2),
                   ("国务院常务会议", 2, 2, "2022-03-02", "2022-03-09", 2)}


def test_voices_person_to_formulation(built):
    graph = built.graph
    voiced = sorted((graph.nodes[s]["label"], graph.nodes[o]["label"], d["evidence"][0]["rule"])
                    for s, o, k, d in graph.edges(keys=True, data=True) if k == "voices")
    assert voiced == [("习近平", "两个确立", "speakers.voices.subject"), ("习近平", "两个维护", "speakers.voices.subject"),
                      ("李强", "新质生产力", "speakers.voices.subject")]


def test_scored_relations_do_not_see_speakers():
    """The speaker component adds only voices: heldBy/studies/promotes/mentions are those of the pipeline without it."""
    from extractors import default_pipeline

    with_speakers = kg.build(ARTICLES).graph
    without = kg.build(ARTICLES, pipeline=[c for c in default_pipeline() if c.name != "speakers"]).graph
    def edges(g):
        return sorted((s, o, k) for s, o, k in g.edges(keys=True) if k not in ("voices",))
    assert edges(with_speakers) == edges(without)


def test_series_and_voices_survive_rdf_and_validate(built, tmp_path):
    from kg.validate import validate_report

    built.write(tmp_path, html=False, formats=["ttl", "store"])
    back = kg.load(tmp_path)
    assert _series(back.graph) == _series(built.graph)
    assert back.meeting_series().set_index("series")["sittings"].to_dict() == {"中共中央政治局会议": 3, "国务院常务会议": 2}
    df = back.series("中共中央政治局会议", top=1)
    assert df[["period", "term", "sittings"]].values.tolist() == [["2022-01", "两个确立", 1], ["2022-02", "两个维护", 2]]
    rows = back.sparql("""PREFIX kg: <https://w3id.org/policy-slogan-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?p ?slogan WHERE { ?person kg:voices ?s ; rdfs:label ?p . ?s rdfs:label ?name .
                                   FILTER (STR(?name) = ?slogan) } ORDER BY ?p""", slogan="新质生产力")
    assert rows["p"].tolist() == ["李强"]
    report = validate_report(tmp_path)
    assert report.conforms, report.text()


def test_series_cli(built, tmp_path):
    built.write(tmp_path, html=False, formats=["ttl"])
    from kg.cli import cli

    res = CliRunner().invoke(cli, ["series", str(tmp_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert {r["series"]: r["sittings"] for r in json.loads(res.output)} == {"中共中央政治局会议": 3, "国务院常务会议": 2}
    res = CliRunner().invoke(cli, ["series", str(tmp_path), "中共中央政治局会议", "--top", "1", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[1:] == ["中共中央政治局会议,2022-01,两个确立,1,1,1.0", "中共中央政治局会议,2022-02,两个维护,2,2,1.0"]
    res = CliRunner().invoke(cli, ["series", str(tmp_path), "全国人大常委会会议"])
    assert res.exit_code != 0 and "no meeting series" in res.output
