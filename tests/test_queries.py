"""Every analyst query in queries/ runs as-is, gives the expected answer on the fixture, same on both engines."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import query as Q
from kg.commands_rdf import query_cmd
from kg.readwrite import rdf
from rdf_fixtures import A1, A2, ARTICLES, sample_graph

QUERIES = Path(__file__).resolve().parent.parent / "queries"
ALL = sorted(p.name for p in QUERIES.glob("*.rq"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("built")
    rdf.write(sample_graph(), d)
    return d


@pytest.fixture(scope="module")
def stores(built):
    return {engine: Q.load(built, engine) for engine in Q.ENGINES}


def col(result: Q.QueryResult, name: str) -> list:
    i = result.variables.index(name)
    return [row[i] for row in result.rows]


def records(result: Q.QueryResult, *names: str) -> list[tuple]:
    return [tuple(r[n] for n in names) for r in result.records()]


KG = "https://w3id.org/policy-slogan-kg/ontology#"

EXPECTED = {
    "promoters_of_slogan.rq": lambda r: records(r, "orgLabel", "evidenceCount", "articles") == [
        ("中共徐州市委", 1, 1), ("中共徐州市委宣传部", 1, 1), ("徐州市总工会", 1, 1)],
    "meetings_studying_plenum.rq": lambda r: records(r, "plenumLabel", "meetingLabel", "organizerLabel") == [
        ("中共徐州市委十二届十三次全会", "徐州市妇联专题学习交流会", "徐州市妇联"),
        ("中共徐州市委十二届十三次全会", "徐州市总工会主席办公会", "徐州市总工会")],
    # only pairs sharing two or more articles are stored (the 20 others share one)
    "cooccurring_slogans.rq": lambda r: records(r, "aLabel", "bLabel", "sharedArticles") == [("党史学习教育", "走在前列", 2)],
    "slogan_first_appearance.rq": lambda r: dict(records(r, "sloganLabel", "lastSeen"))["走在前列"] == "2021-09-01"
        and set(col(r, "firstSeen")) == {"2021-07-10"} and len(r.rows) == 2,
    "organization_hierarchy.rq": lambda r: records(r, "direction", "relatedLabel") == [("descendant", "中共徐州市委宣传部")],
    # the fixture's mentionedIn evidence is kg:Assertions (no mention rule): nothing on the mentions; a real
    # build's is on them (test_mention_evidence_on_a_build_directory_reads_the_file)
    "mention_evidence.rq": lambda r: r.rows == [] and r.variables[-1] == "sentence",
    "relation_evidence.rq": lambda r: records(r, "articleId", "start", "end") == [(A1, 40, 82)]
        and "五种风气" in col(r, "sentence")[0],
    "slogans_per_organization.rq": lambda r: [(a, n, sorted(w.split(" | "))) for a, n, w in records(r, "orgLabel", "slogans", "which")] == [
        ("徐州市总工会", 3, ["五种风气", "党史学习教育", "走在前列"]),
        ("中共徐州市委", 2, ["十四五", "走在前列"]),
        ("中共徐州市委宣传部", 2, ["强富美高", "走在前列"]),
        ("徐州市妇联", 1, ["党史学习教育"])],
    "meetings_by_organization.rq": lambda r: records(r, "meetingLabel", "studiedLabel") == [
        ("徐州市妇联专题学习交流会", '"七一"重要讲话'),
        ("徐州市妇联专题学习交流会", "中共徐州市委十二届十三次全会"),
        ("徐州市妇联专题学习交流会", "习近平新时代中国特色社会主义思想")],
    "most_promoted_slogans.rq": lambda r: records(r, "sloganLabel", "organizations")[:2] == [("走在前列", 3), ("党史学习教育", 2)],
    "numbered_formulation_parts.rq": lambda r: records(r, "formulationLabel", "partLabel") == [
        ("五种风气", "敢于担当"), ("五种风气", "真抓实干")],
    "article_statements.rq": lambda r: records(r, "subjectLabel", "property", "objectLabel") == [
        ("徐州市总工会", KG + "promotes", "党史学习教育"), ("徐州市总工会", KG + "promotes", "走在前列")],
    "class_overview.rq": lambda r: dict(records(r, "class", "resources")) == {
        KG + "Assertion": 41, KG + "Mention": 20, KG + "PolicySlogan": 7, KG + "Organization": 4, KG + "Meeting": 3,
        KG + "Article": 2, KG + "Campaign": 1, KG + "Document": 1, KG + "NumberedFormulation": 1,
        KG + "PlenarySession": 1, KG + "Place": 1, KG + "Theory": 1, KG + "Sentence": 7},
    "slogan_timeline.rq": lambda r: records(r, "slogan", "month", "articles") == [
        ("走在前列", "2021-07", 1), ("走在前列", "2021-09", 1)],
}


#: The values bound to each parameterised query on the fixture (the queries hard-wire no name).
PARAMS = {
    "promoters_of_slogan.rq": {"slogan": "走在前列"},
    "meetings_by_organization.rq": {"organization": "徐州市妇联"},
    "organization_hierarchy.rq": {"organization": "中共徐州市委"},
    "article_statements.rq": {"article": A2},
    "slogan_timeline.rq": {"slogan": "走在前列"},
    "relation_evidence.rq": {"subject": "徐州市总工会", "property": f"<{KG}promotes>", "object": "五种风气"},
    "mention_evidence.rq": {"subject": "五种风气", "title": ARTICLES[A1]["title"]},
}


def test_params_are_declared_and_nothing_is_hard_wired():
    for name in ALL:
        text = (QUERIES / name).read_text(encoding="utf-8")
        assert sorted(Q.declared_params(text)) == sorted(PARAMS.get(name, {})), name
        assert "VALUES" not in text, f"{name}: take a parameter instead of VALUES"


def test_params_are_bound_not_spliced(stores):
    text = (QUERIES / "promoters_of_slogan.rq").read_text(encoding="utf-8")
    hostile = '走在前列") || true || ("'
    for engine in Q.ENGINES:
        assert Q.run_query(stores[engine], text, {"slogan": hostile}).rows == []
    with pytest.raises(ValueError, match="--param slogan"):
        Q.check_params(text, {})
    with pytest.raises(ValueError, match="no variable"):
        Q.check_params(text, {"slogan": "x", "slgan": "y"})


def test_at_least_ten_queries_each_with_expectation():
    assert len(ALL) >= 10
    assert sorted(EXPECTED) == ALL, "add an expectation for every query in queries/"


@pytest.mark.parametrize("name", ALL)
def test_query_is_documented(name):
    head = (QUERIES / name).read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# ") and len(head) > 15, f"{name}: first line must say what it answers"


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("engine", Q.ENGINES)
def test_query_answers(stores, name, engine):
    result = Q.run_query(stores[engine], (QUERIES / name).read_text(encoding="utf-8"), PARAMS.get(name))
    assert EXPECTED[name](result), Q.format_result(result)


@pytest.mark.parametrize("name", ALL)
def test_engines_agree(stores, name):
    text = (QUERIES / name).read_text(encoding="utf-8")
    a, b = (Q.run_query(stores[e], text, PARAMS.get(name)) for e in Q.ENGINES)
    assert a.variables == b.variables
    if name == "slogans_per_organization.rq":  # GROUP_CONCAT order is engine-defined
        norm = lambda rows: [r[:-1] + (" | ".join(sorted(r[-1].split(" | "))),) for r in rows]  # noqa: E731
        assert norm(a.rows) == norm(b.rows)
    else:
        assert Q.sorted_rows(a.rows) == Q.sorted_rows(b.rows)


def test_queries_work_on_turtle_alone(built):
    """Without named graphs (graph.ttl) every query but the per-article one answers the same."""
    for name in ALL:
        if name == "article_statements.rq":
            continue
        text = (QUERIES / name).read_text(encoding="utf-8")
        a = Q.query(built / "graph.ttl", text, params=PARAMS.get(name))
        b = Q.query(built, text, params=PARAMS.get(name))
        assert Q.sorted_rows(a.rows) == Q.sorted_rows(b.rows), name


def test_undeclared_prefixes_are_added():
    q = Q.with_prefixes("SELECT ?s WHERE { ?s a kg:Organization ; rdfs:label ?l }")
    assert "PREFIX kg:" in q and "PREFIX rdfs:" in q and "PREFIX skos:" not in q
    q2 = Q.with_prefixes("PREFIX kg: <urn:x#>\nSELECT * WHERE { ?s a kg:X }")
    assert q2.count("PREFIX kg:") == 1


def test_ask_and_construct(built):
    assert Q.query(built, "ASK { ?s a kg:Organization }").rows == [(True,)]
    res = Q.query(built, "CONSTRUCT { ?s a kg:Place } WHERE { ?s a kg:Place }", engine="rdflib")
    assert len(res.rows) == 1 and res.variables == ["s", "p", "o"]


def test_bad_query_is_a_value_error(built):
    for engine in Q.ENGINES:
        with pytest.raises(ValueError, match="invalid SPARQL"):
            Q.query(built, "SELEC nothing", engine=engine)


@pytest.mark.parametrize("fmt", Q.OUTPUT_FORMATS)
def test_cli_query_formats(built, fmt):
    res = CliRunner().invoke(query_cmd, [str(built), str(QUERIES / "promoters_of_slogan.rq"), "--format", fmt,
                                        "--param", "slogan=走在前列"])
    assert res.exit_code == 0, res.output
    if fmt == "json":
        data = json.loads(res.output)
        assert [r["orgLabel"] for r in data] == ["中共徐州市委", "中共徐州市委宣传部", "徐州市总工会"]
        assert data[0]["evidenceCount"] == 1
    elif fmt == "csv":
        assert res.output.splitlines()[0] == "slogan,org,orgLabel,evidenceCount,articles"
        assert len(res.output.splitlines()) == 4
    else:
        assert "徐州市总工会" in res.output and "(3 rows)" in res.output


def test_cli_query_inline_with_rdflib(built):
    res = CliRunner().invoke(query_cmd, [str(built), "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:PolicySlogan }",
                                         "--engine", "rdflib", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["n", "7"]


def test_cli_query_errors_name_the_file(tmp_path):
    res = CliRunner().invoke(query_cmd, [str(tmp_path), "SELECT * WHERE { ?s ?p ?o }"])
    assert res.exit_code == 1 and str(tmp_path) in res.output
    res = CliRunner().invoke(query_cmd, [str(tmp_path), "missing.rq"])
    assert res.exit_code == 1 and "missing.rq" in res.output


def test_named_graph_per_article(built):
    res = Q.query(built, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert [r[0].rsplit("/", 1)[1] for r in res.rows] == [A1, A2]


def test_cli_query_param_errors(built):
    q = str(QUERIES / "promoters_of_slogan.rq")
    res = CliRunner().invoke(query_cmd, [str(built), q])
    assert res.exit_code == 1 and "--param slogan=" in res.output
    res = CliRunner().invoke(query_cmd, [str(built), q, "--param", "slogan"])
    assert res.exit_code == 2 and "NAME=VALUE" in res.output


@pytest.mark.parametrize("engine", Q.ENGINES)
def test_relation_evidence_of_a_mention(stores, engine):
    """The fixture's kg:mentionedIn evidence is made by no mention rule, so it stays kg:Assertions, which
    relation_evidence.rq reads: one row per sentence, the same offsets as the graph's evidence."""
    from rdf_fixtures import iri_of
    from kg.iri import article_iri
    graph = sample_graph()
    edge = graph.edges[iri_of("PolicySlogan", "五种风气"), article_iri(A1), "mentionedIn"]
    expected = [(e["article"], e["start"], e["end"], e["sentence"]) for e in edge["evidence"]]
    params = {"subject": "五种风气", "property": f"<{KG}mentionedIn>", "object": ARTICLES[A1]["title"]}
    result = Q.run_query(stores[engine], (QUERIES / "relation_evidence.rq").read_text(encoding="utf-8"), params)
    assert records(result, "articleId", "start", "end", "sentence") == expected
    assert expected


def test_mention_evidence_on_a_build_directory_reads_the_file(tmp_path):
    """The store holds no mentions: kg query on a build answers mention_evidence.rq from graph.ttl, with the
    offsets of the graph's mentionedIn evidence."""
    import kg

    text, sentence = "2021年7月20日，徐州市总工会召开主席办公会。会议要求，大兴“五种风气”。", "会议要求，大兴“五种风气”。"
    kg.build([text]).write(tmp_path, formats="ttl,store")
    query = (QUERIES / "mention_evidence.rq").read_text(encoding="utf-8")
    title = Q.query(tmp_path, "SELECT ?t WHERE { ?a a kg:Article ; rdfs:label ?t }").rows[0][0]
    rows = Q.query(tmp_path, query, params={"subject": "五种风气", "title": title}).records()
    start = text.index(sentence)
    assert [(r["start"], r["end"], r["sentence"]) for r in rows] == [(start, start + len(sentence), sentence)]
