"""Unit tests on the generated explorer HTML: offline, escaped, deterministic, complete."""
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import time
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from html_fixtures import XSS_LABEL, XSS_SENTENCE, hostile_graph, synthetic_graph, xuzhou_graph
from kg.iri import entity_iri
from kg.readwrite.html import ego_graph, json_for_script, notebook_html, render_html, write_html

SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "data block missing"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def xuzhou_page() -> str:
    return render_html(xuzhou_graph(), title="徐州 test")[0]


def test_no_remote_resources(xuzhou_page: str) -> None:
    assert not re.search(r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", xuzhou_page, re.I)
    assert not re.search(r"<link\b", xuzhou_page, re.I)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", xuzhou_page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", xuzhou_page, re.I)
    assert "bootstrap" not in xuzhou_page.lower()
    assert "cdnjs" not in xuzhou_page and "jsdelivr" not in xuzhou_page


def test_csp_forbids_hosts_and_allows_only_own_scripts(xuzhou_page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', xuzhou_page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    executable = [body for attrs, body in SCRIPT_RE.findall(xuzhou_page) if "application/json" not in attrs]
    assert len(executable) == 2
    for body in executable:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_cjk_font_stack_and_single_heading(xuzhou_page: str) -> None:
    assert '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC"' in xuzhou_page
    assert "Microsoft YaHei" in xuzhou_page
    assert xuzhou_page.count("<h1>") == 1
    assert "<h1>徐州 test</h1>" in xuzhou_page


def test_data_is_complete(xuzhou_page: str) -> None:
    data = page_data(xuzhou_page)
    labels = {d["label"] for d in data["info"].values()}
    assert {"徐州市总工会", "五种风气", "市委十二届十三次全会"} <= labels
    union = next(d for d in data["info"].values() if d["label"] == "徐州市总工会")
    assert union["aliases"] == sorted(["徐州市总工会党组", "市总工会"])
    assert union["iri"] == entity_iri("Organization", "徐州市总工会")
    assert len(data["nodes"]) == 15 and len(data["edges"]) == 30
    assert {c["name"] for c in data["classes"]} >= {"Organization", "Meeting", "PolicySlogan", "Article"}
    shapes = {c["name"]: c["shape"] for c in data["classes"]}
    colours = {c["name"]: c["color"] for c in data["classes"]}
    assert len(set(shapes.values())) == len(shapes) and len(set(colours.values())) == len(colours)
    assert data["options"]["groups"]["PolicySlogan"]["shape"] == "star"
    sentences = [item[1] for ev in data["evidence"].values() for item in ev["items"]]
    assert any("五种风气" in s for s in sentences)
    sizes = {data["info"][str(n["id"])]["label"]: n["size"] for n in data["nodes"]}
    assert sizes["五种风气"] > sizes["真抓实干"]  # size follows mention count


def test_hostile_strings_are_escaped_but_intact() -> None:
    page, _ = render_html(hostile_graph(), title="<script>alert('t')</script>")
    assert XSS_LABEL not in page
    assert "<img" not in page
    assert "<script>alert" not in page
    assert "\u2028" not in page and "\u2029" not in page
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in page
    assert len(re.findall(r"</script", page, re.I)) == 3  # data, vis-network, app: nothing else closes
    assert [attrs for attrs, _ in SCRIPT_RE.findall(page)] == [' type="application/json" id="kg-data"', "", ""]
    assert "<script" not in SCRIPT_RE.sub("", page)
    data = page_data(page)  # the JSON still decodes to the original strings
    labels = {d["label"] for d in data["info"].values()}
    assert XSS_LABEL in labels
    sentences = {item[1] for ev in data["evidence"].values() for item in ev["items"]}
    assert XSS_SENTENCE in sentences


def test_json_for_script_escapes_breakouts() -> None:
    text = json_for_script({"a": "</script><!-- & \u2028\u2029 >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def _shuffled(graph: nx.MultiDiGraph, seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    nodes = list(graph.nodes(data=True))
    edges = list(graph.edges(keys=True, data=True))
    rng.shuffle(nodes)
    rng.shuffle(edges)
    out = nx.MultiDiGraph(**graph.graph)
    out.add_nodes_from(nodes)
    out.add_edges_from(edges)
    return out


@pytest.mark.parametrize("make", [xuzhou_graph, lambda: synthetic_graph(700)])
def test_output_is_deterministic(make, tmp_path: Path) -> None:
    graph = make()
    write_html(graph, tmp_path / "a.html")
    write_html(_shuffled(graph, 3), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_write_html_creates_one_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = write_html(xuzhou_graph(), tmp_path / "out" / "page.html")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["out", "out/page.html"]
    assert report.bytes == (tmp_path / "out" / "page.html").stat().st_size
    assert report.nodes_shown == report.nodes_total == 15 and report.layout == "physics"


def test_max_nodes_reports_what_was_left_out() -> None:
    graph = xuzhou_graph()
    page, report = render_html(graph, max_nodes=10)
    assert report.nodes_total == 15 and report.nodes_shown == 10 and report.nodes_omitted == 5
    assert len(report.omitted_nodes) == 5
    omitted_types = [graph.nodes[n]["type"] for n in report.omitted_nodes]
    assert omitted_types.count("Article") == 2  # provenance goes first
    assert report.edges_shown < report.edges_total
    assert "left out 5" in report.summary()
    meta = page_data(page)["meta"]
    assert meta["nodes_omitted"] == 5 and meta["edges_total"] == 30


def test_big_graph_gets_precomputed_layout_without_physics() -> None:
    page, report = render_html(synthetic_graph(800))
    data = page_data(page)
    assert report.layout == "precomputed"
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > 0.95 * len(data["nodes"])


def test_small_graph_physics_stabilises_with_fixed_seed(xuzhou_page: str) -> None:
    options = page_data(xuzhou_page)["options"]
    assert options["physics"]["enabled"] is True
    assert options["physics"]["stabilization"]["enabled"] is True
    assert isinstance(options["layout"]["randomSeed"], int)


def test_bulk_build_is_not_quadratic() -> None:
    graph = synthetic_graph(9000, edges_per_node=2.6)
    assert graph.number_of_edges() > 20000
    started = time.perf_counter()
    _, report = render_html(graph)
    assert report.edges_shown == graph.number_of_edges()
    assert time.perf_counter() - started < 20


def test_ego_graph_by_alias_and_depth() -> None:
    graph = xuzhou_graph()
    sub = ego_graph(graph, "市总工会", 1)  # an alias
    union = entity_iri("Organization", "徐州市总工会")
    assert sub.graph["focus"] == union
    labels = {d["label"] for _, d in sub.nodes(data=True)}
    assert {"徐州市总工会", "五种风气", "市总工会主席办公会", "徐州"} <= labels
    assert "真抓实干" not in labels  # two hops away
    assert "真抓实干" in {d["label"] for _, d in ego_graph(graph, "徐州市总工会", 2).nodes(data=True)}
    # Articles are reached but not walked through: 习近平 shares only article A2 with 五种风气.
    assert "习近平" not in {d["label"] for _, d in ego_graph(graph, "“五种风气”", 2).nodes(data=True)}
    assert "习近平" in {d["label"] for _, d in
                        ego_graph(graph, "五种风气", 2, through_articles=True).nodes(data=True)}
    with pytest.raises(KeyError):
        ego_graph(graph, "不存在的实体", 1)


def test_focus_is_preselected() -> None:
    graph = xuzhou_graph()
    page, report = render_html(ego_graph(graph, "五种风气", 1))
    data = page_data(page)
    assert report.focus == entity_iri("PolicySlogan", "五种风气")
    assert data["info"][str(data["meta"]["focus"])]["label"] == "五种风气"


def test_notebook_html_is_an_isolated_iframe() -> None:
    snippet = notebook_html(hostile_graph())
    assert snippet.startswith("<iframe srcdoc=\"") and snippet.endswith("</iframe>")
    assert 'sandbox="allow-scripts"' in snippet
    assert snippet.count("<") == 2  # everything inside the attribute is escaped


def test_show_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.commands_html as commands

    monkeypatch.setattr(commands, "load_graph", lambda path: xuzhou_graph())
    out = tmp_path / "page.html"
    result = CliRunner().invoke(commands.show_cmd, [str(tmp_path), "--focus", "五种风气", "--depth", "1",
                                                    "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and out.is_file()
    labels = {d["label"] for d in page_data(out.read_text(encoding="utf-8"))["info"].values()}
    assert {"五种风气", "徐州市总工会", "真抓实干"} <= labels and "共青团徐州市委" not in labels

    result = CliRunner().invoke(commands.show_cmd, [str(tmp_path), "--focus", "没有这个"])
    assert result.exit_code == 2 and "没有这个" in result.output


def test_show_reads_a_build_without_rdf_as_a_clear_error(tmp_path: Path) -> None:
    """One find_graph_file (kg.readwrite.rdf) serves every command; a folder without a graph is a usage error."""
    import click

    from kg.commands_html import load_graph

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(click.BadParameter, match="no graph"):
        load_graph(empty)
