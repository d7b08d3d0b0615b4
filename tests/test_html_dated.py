"""The explorer on a dated corpus: timeline, keyword in context, date filter, corpus view, 'did you mean'."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import kg
from kg.model import Article
from kg.readwrite.html import nearest_labels, render_html, write_html
from test_html_browser import browser, open_page  # noqa: F401  (the shared Chromium fixture)

ARTICLES = [
    Article("d1", "中共中央召开会议，强调要坚定拥护“两个确立”，坚决做到“两个维护”。", date="2022-01-10"),
    Article("d10", "江苏省委召开常委会会议，强调要深刻领悟“两个确立”的决定性意义。", date="2022-03-25"),
    Article("d2", "浙江省委召开会议，强调坚定拥护“两个确立”。", date="2022-02-20"),
]


@pytest.fixture(scope="module")
def graph() -> Any:
    return kg.build(ARTICLES).graph


def _data(page: str) -> dict:
    return json.loads(page.split('id="kg-data">', 1)[1].split("</script>", 1)[0])


def test_payload_has_dates_series_and_kwic(graph: Any) -> None:
    data = _data(render_html(graph)[0])
    info = data["info"]
    sid = next(k for k, v in info.items() if v["label"] == "两个确立")
    assert info[sid]["articles"] == ["d1", "d2", "d10"]  # date order, not text order
    assert data["spans"][sid] == ["2022-01-10", "2022-03-25"]
    assert data["series"][sid] == {"2022-01": 1, "2022-02": 1, "2022-03": 1}
    rows = data["kwic"][sid]["rows"]
    assert [r[0] for r in rows] == ["2022-01-10", "2022-02-20", "2022-03-25"]
    assert all(r[4] == "两个确立" for r in rows) and rows[0][2] == "中共中央"
    assert data["meta"]["range"] == ["2022-01-10", "2022-03-25"] and data["meta"]["view"] == "graph"


def test_corpus_view_draws_formulations_and_organizations_only(graph: Any) -> None:
    page, report = render_html(graph, view="corpus")
    data = _data(page)
    assert {c["name"] for c in data["classes"]} <= {"PolicySlogan", "Organization"}
    assert report.view == "corpus" and "corpus view" in report.summary()
    assert any(h[1] == "Article" for h in data["hidden"]) is False  # articles are not searchable noise


def test_corpus_view_sets_organizations_facing_their_formulations_on_a_ring() -> None:
    """Organizations on the left half, formulations on the right, each ordered by its neighbours' rank."""
    import networkx as nx

    from kg.readwrite._html_layout import corpus_layout

    g = nx.MultiDiGraph()
    orgs, slogans = ["o1", "o2", "o3"], ["s1", "s2", "s3"]
    for n, c in zip(orgs, (30, 20, 10)):
        g.add_node(n, type="Organization", count=c)
    for n, c in zip(slogans, (30, 20, 10)):
        g.add_node(n, type="PolicySlogan", count=c)
    # o1 promotes only s3, o3 only s1: uncrossed, s3 faces o1 (top) and s1 faces o3 (bottom)
    g.add_edge("o1", "s3", key="promotes", predicate="promotes")
    g.add_edge("o2", "s2", key="promotes", predicate="promotes")
    g.add_edge("o3", "s1", key="promotes", predicate="promotes")
    pos = corpus_layout(g, sorted(g.nodes))
    assert all(pos[o][0] < 0 for o in orgs) and all(pos[s][0] > 0 for s in slogans)
    assert pos["o1"][1] < pos["o2"][1] < pos["o3"][1]  # most mentioned first, top to bottom
    assert pos["s3"][1] < pos["s2"][1] < pos["s1"][1]  # each facing its promoter
    assert corpus_layout(g, sorted(g.nodes)) == pos
    page, _ = render_html(g, view="corpus")
    data = _data(page)
    assert data["meta"]["layout"] == "ring" and data["meta"]["edge_opacity"] < 1
    assert all("x" in n and "y" in n for n in data["nodes"]) and not any("label" in e for e in data["edges"])


def test_nearest_labels(graph: Any) -> None:
    assert nearest_labels(graph, "两个确")[0] == "两个确立"


def test_timeline_kwic_and_date_filter_in_chromium(browser: Any, graph: Any, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "dated.html"
    write_html(graph, path)
    page, log = open_page(browser, path)
    page.fill("#kg-search", "两个确立")
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-timeline rect.bar").count() == 3
    marks = page.locator("#kg-kwic mark")
    assert marks.count() == 3 and marks.first.text_content() == "两个确立"
    first_src = page.locator("#kg-kwic .kg-src").first.text_content()
    assert first_src.startswith("2022-01-10")
    page.locator("#kg-kwic button[data-sort=org]").click()
    assert "中共中央" in page.locator("#kg-kwic .kg-src").first.text_content()
    before = page.evaluate("kgExplorer.stats.nodes")
    page.evaluate("kgExplorer.setRange('2022-03-01', '2022-03-31')")
    after = page.evaluate("kgExplorer.stats.nodes")
    assert after < before
    assert page.locator("#kg-kwic mark").count() == 1
    assert str(after) in page.locator("#kg-stats").text_content()
    assert not log.console_errors and not log.blocked
