"""Diffusion analytics on a small synthetic dated corpus: exact first dates, counts, shares, lags, co-occurrences."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

import kg
from kg.analytics import _core, adopters, cooccurring, fold, index, match, period_of, timeline, trends
from kg.model import Article

ARTICLES = [
    Article("a1", "中共中央召开会议，强调要坚定拥护“两个确立”，坚决做到“两个维护”。", date="2022-01-10"),
    Article("a2", "江苏省委召开常委会会议，强调要深刻领悟“两个确立”的决定性意义，增强“四个意识”。", date="20220125"),
    Article("a3", "徐州市委召开会议，要求全市坚决做到“两个维护”，推进乡村振兴。", date="2022年2月3日"),
    Article("a4", "浙江省委召开会议，强调深刻领悟“两个确立”，坚决做到“两个维护”。", date="2022-02-20"),
    Article("a5", "今天天气晴朗，市民出游。", date="2022-02-21"),
    Article("a6", "国务院召开常务会议，部署推进乡村振兴战略。", date="2022-03-01"),
    Article("a7", "杭州市委召开会议，强调坚定拥护“两个确立”。", date=""),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = kg.build(ARTICLES)
    out = tmp_path_factory.mktemp("dated")
    result.write(out, html=False, formats=["ttl", "nt"])
    return result.graph, out


def test_timeline_counts_shares_and_first_appearance(built):
    graph, _ = built
    tl = timeline(graph, "两个确立")
    assert [(r.period, r.articles, r.total, r.share, r.organizations) for r in tl.rows] == [
        ("2022-01", 2, 2, 1.0, 2), ("2022-02", 1, 3, 0.333333, 1), ("2022-03", 0, 1, 0.0, 0)]
    assert tl.undated == 1
    f = tl.first
    assert (f.date, f.article, f.organization) == ("2022-01-10", "a1", "中共中央")
    assert "“两个确立”" in f.evidence
    assert [r.period for r in timeline(graph, "两个确立", by="year").rows] == ["2022"]
    assert [r.period for r in timeline(graph, "两个确立", fill=False).rows] == ["2022-01", "2022-02"]


def test_adopters_and_lags(built):
    graph, _ = built
    rows = [(a.kind, a.name, a.first_date, a.lag_days, a.central) for a in adopters(graph, "两个确立")]
    assert rows == [("organization", "中共中央", "2022-01-10", 0, True),
                    ("organization", "中共江苏省委", "2022-01-25", 15, False),
                    ("organization", "中共浙江省委", "2022-02-20", 41, False),
                    ("province", "江苏", "2022-01-25", 15, False),
                    ("province", "浙江", "2022-02-20", 41, False)]


def test_cooccurrence_lift_and_pmi(built):
    graph, _ = built
    got = {c.term: (c.articles, c.term_articles, c.lift, c.pmi) for c in cooccurring(graph, "两个确立", min_count=1)}
    # 7 articles; 两个确立 in 4 (a1 a2 a4 a7), 两个维护 in 3 (a1 a3 a4), both in 2: lift 2*7/(4*3)
    assert got == {"两个维护": (2, 3, 1.1667, 0.2224), "四个意识": (1, 1, 1.75, 0.8074)}
    assert [c.term for c in cooccurring(graph, "两个确立")] == ["两个维护"]


def test_trends_born_and_gone(built):
    graph, _ = built
    got = {(t.status, t.term, t.first_date, t.last_date, t.in_window) for t in trends(graph, "2022-02-01", "2022-02-20", 1)}
    assert got == {("born", "乡村振兴", "2022-02-03", "2022-03-01", 1),
                   ("gone", "两个确立", "2022-01-10", "2022-02-20", 1),
                   ("gone", "两个维护", "2022-01-10", "2022-02-20", 2)}
    # nothing is "gone" in a window that reaches the end of the corpus
    assert not [t for t in trends(graph, "2022-02-01", "2022-03-31", 1) if t.status == "gone"]


def test_variants_fold():
    assert fold("“两个确立”") == fold("两个确立 ") == "两个确立"
    assert fold("１４５") == "145" and fold("ＡＩ＋") == "AI+"
    assert _core("增强“四个意识”") == _core("四个意识") == "四个意识"
    assert _core("乡村振兴战略") == "乡村振兴" and _core("战略") == "战略"
    g = nx.MultiDiGraph()
    g.add_node("art", type="Article", article_id="x", date="2022-01-01", label="x")
    for iri, label, surface in (("s1", "四个意识", "“四个意识”"), ("s2", "牢固树立四个意识", "牢固树立“四个意识”"),
                                ("s3", "四个自信", "四个自信"), ("s4", "乡村振兴战略", "乡村振兴战略")):
        g.add_node(iri, type="PolicySlogan", label=label, aliases=(), articles=("x",),
                   mentions=({"article": "x", "start": 0, "end": 2, "surface": surface},))
    idx = index(g)
    assert match(idx, "四个意识") == ["s1", "s2"]
    assert match(idx, "乡村振兴") == ["s4"] and match(idx, "乡村振兴战略") == ["s4"]


def test_periods():
    assert period_of("2022-03-09", "month") == "2022-03"
    assert period_of("2022-01-02", "week") == "2021-W52"
    assert period_of("2022-03-09", "year") == "2022"


def test_cli_on_a_written_build(built):
    from kg.cli import cli

    _, out = built
    runner = CliRunner()
    res = runner.invoke(cli, ["timeline", str(out), "两个确立", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["first"]["date"] == "2022-01-10" and data["first"]["article"] == "a1"
    assert [p["articles"] for p in data["periods"]] == [2, 1, 0]
    table = runner.invoke(cli, ["timeline", str(out), "两个确立"])
    assert "first appearance: 2022-01-10" in table.output and "2022-02 " in table.output
    csv = runner.invoke(cli, ["adopters", str(out), "两个确立", "--format", "csv"])
    assert csv.output.splitlines()[2].startswith("organization,中共江苏省委,2022-01-25,15,")
    assert "两个维护" in runner.invoke(cli, ["cooccur", str(out), "两个确立"]).output
    assert "乡村振兴" in runner.invoke(cli, ["trends", str(out), "--from", "2022-02-01", "--to", "20220220"]).output
    missing = runner.invoke(cli, ["timeline", str(out), "不存在的提法"])
    assert missing.exit_code == 1 and "不存在的提法" in missing.output


def test_article_ids_sort_naturally_whatever_their_characters():
    """One natural order for the analytics and the explorer's dated views (kg.analytics.article_sort_key)."""
    from kg.analytics import article_sort_key

    ids = ["nqp-10", "nqp-2", "nqp-2b", "nqp", "a²", "x-３", "x-12"]
    assert sorted(ids, key=article_sort_key) == ["a²", "nqp", "nqp-2", "nqp-2b", "nqp-10", "x-３", "x-12"]
