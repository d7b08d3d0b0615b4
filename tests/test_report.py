"""``kg report``: one offline page, its charts and tables, on a small synthetic dated corpus; rendered in a
real headless Chromium with every host blocked."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kg
from kg.model import Article
from kg.report import collect, cumulative_adopters, render
from test_html_browser import browser, watch  # noqa: F401 - the module's Chromium fixture and request log

ARTICLES = [
    Article("r1", "中共中央召开会议，强调要坚定拥护“两个确立”，坚决做到“两个维护”。", date="2022-01-10"),
    Article("r2", "江苏省委召开常委会会议，强调要深刻领悟“两个确立”的决定性意义，增强“四个意识”。", date="2022-01-25"),
    Article("r3", "徐州市委召开会议，要求全市坚决做到“两个维护”。", date="2022-02-03"),
    Article("r4", "浙江省委召开会议，强调深刻领悟“两个确立”，坚决做到“两个维护”。", date="2022-03-20"),
    Article("r5", "今天天气晴朗，市民出游。", date="2022-03-21"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    kg.build(ARTICLES).write(out, html=False, formats="ttl")
    return out


def test_report_from_the_analytics_index_is_the_graphs(built, tmp_path):
    """``kg report`` on a build directory reads its analytics index (seconds on the full corpus, where parsing
    the graph took minutes); the page is byte for byte the one the graph gives."""
    from kg.cli import cli

    kg.build(ARTICLES).write(tmp_path, html=False, formats="index")  # no graph file at all: the index only
    assert CliRunner().invoke(cli, ["report", str(tmp_path), "-o", str(tmp_path / "i.html")]).exit_code == 0
    assert (tmp_path / "i.html").read_text(encoding="utf-8") == render(collect(kg.load(built).graph))


def test_collect_counts(built):
    data = collect(kg.load(built).graph)
    assert data.periods == ["2022-01", "2022-02", "2022-03"]
    assert data.top[:2] == [("两个确立", 3), ("两个维护", 3)]
    assert data.slogan == "两个确立"  # the default: the top formulation
    assert data.counts["两个确立"] == [2, 0, 1] and data.shares["两个维护"] == [0.5, 1.0, 0.5]
    assert cumulative_adopters(data.adopters, data.periods, "month") == [2, 2, 3]
    assert [(a.name, a.first_date, a.lag_days) for a in data.adopters if a.kind == "organization"] == [
        ("中共中央", "2022-01-10", 0), ("中共江苏省委", "2022-01-25", 15), ("中共浙江省委", "2022-03-20", 69)]


def test_page_is_offline_and_holds_charts_and_tables(built):
    page = render(collect(kg.load(built).graph, slogan="两个维护"))
    assert page.count("<svg") == 2
    assert re.findall(r'<polyline class="series" data-term="([^"]+)"', page)[:2] == ["两个确立", "两个维护"]
    assert "Adoption of “两个维护”" in page and "<b>2022-01-10</b>" in page
    assert "<td>中共徐州市委</td><td>2022-02-03</td>" in page  # the adopters table
    assert not re.search(r"https?://|<script|<link|src=", page)  # nothing to fetch, nothing to run


def test_report_cli(built, tmp_path):
    from kg.cli import cli

    target = tmp_path / "report.html"
    res = CliRunner().invoke(cli, ["report", str(built), "-o", str(target), "--slogan", "四个意识", "--by", "year"])
    assert res.exit_code == 0, res.output
    page = target.read_text(encoding="utf-8")
    assert "Adoption of “四个意识”" in page and "<td>2022</td>" in page
    again = tmp_path / "again.html"
    assert CliRunner().invoke(cli, ["report", str(built), "-o", str(again), "--slogan", "四个意识", "--by", "year"]).exit_code == 0
    assert again.read_bytes() == target.read_bytes()
    res = CliRunner().invoke(cli, ["report", str(built), "-o", str(tmp_path / "none.html"), "--slogan", "不存在的提法"])
    assert res.exit_code == 0 and "No formulation" in (tmp_path / "none.html").read_text(encoding="utf-8")


def test_undated_build_says_so():
    page = render(collect(kg.build([Article("u1", "徐州市委召开会议，强调“两个确立”。")]).graph))
    assert "No dated formulation in this build." in page and 'class="series"' not in page


@pytest.mark.browser
def test_report_renders_in_chromium(browser: Any, built: Path, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "report.html"
    path.write_text(render(collect(kg.load(built).graph)), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    log = watch(page)
    page.goto(path.as_uri())
    assert page.evaluate("document.querySelectorAll('svg polyline.series').length") == 3
    box = page.evaluate("(() => { const b = document.querySelector('svg').getBoundingClientRect(); return [b.width, b.height]; })()")
    assert box == [760, 260]
    assert page.evaluate("document.querySelectorAll('svg rect.bar').length") == 2  # 两个确立: Jan and Mar
    assert not log.blocked and not log.console_errors
    page.close()
