"""Dynamic GEXF: parsed back by networkx and by ElementTree, node and edge spells are the article dates."""
from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

import kg
from kg.iri import entity_iri
from kg.model import Article

ARTICLES = [
    Article("g1", "中共中央召开会议，强调要坚定拥护“两个确立”。", date="2022-01-10"),
    Article("g2", "江苏省委召开会议，强调坚定拥护“两个确立”，增强“四个意识”。", date="2022-03-05"),
    Article("g3", "江苏省委召开会议，强调增强“四个意识”。", date="2022-06-30"),
    Article("g4", "江苏省委召开会议，强调增强“四个意识”。"),
]


@pytest.fixture(scope="module")
def gexf(tmp_path_factory):
    out = tmp_path_factory.mktemp("gexf")
    kg.build(ARTICLES).write(out, html=False, formats="ttl,gexf")
    return out / "graph.gexf"


def test_gexf_reads_back_with_spells(gexf):
    g = nx.read_gexf(gexf)
    slogan, org = entity_iri("PolicySlogan", "两个确立"), entity_iri("Organization", "中共江苏省委")
    assert g.graph["mode"] == "dynamic"
    assert (g.nodes[slogan]["start"], g.nodes[slogan]["end"]) == ("2022-01-10", "2022-03-05")
    assert (g.nodes[entity_iri("PolicySlogan", "四个意识")]["start"], g.nodes[entity_iri("PolicySlogan", "四个意识")]["end"]) == (
        "2022-03-05", "2022-06-30")  # g4 is undated: it widens nothing
    assert g.nodes[slogan]["type"] == "PolicySlogan" and g.nodes[slogan]["label"] == "两个确立"
    promotes = [d for s, o, d in g.edges(data=True) if s == org and o == slogan and d["predicate"] == "promotes"]
    assert [(d["start"], d["end"]) for d in promotes] == [("2022-03-05", "2022-03-05")]
    assert not any(d["type"] == "Article" for _, d in g.nodes(data=True))


def test_gexf_header_and_determinism(gexf, tmp_path):
    from xml.etree import ElementTree

    root = ElementTree.parse(gexf).getroot()
    graph = root.find("{http://www.gexf.net/1.2draft}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == ("dynamic", "date", "directed")
    kg.build(ARTICLES).write(tmp_path, html=False, formats="gexf")
    assert (tmp_path / "graph.gexf").read_bytes() == gexf.read_bytes()


def test_export_gexf_cli(gexf, tmp_path):
    from kg.cli import cli

    target = tmp_path / "with_articles.gexf"
    res = CliRunner().invoke(cli, ["export", "gexf", str(gexf.parent), "-o", str(target), "--articles"])
    assert res.exit_code == 0, res.output
    g = nx.read_gexf(target)
    art = g.nodes["https://w3id.org/policy-slogan-kg/id/Article/g2"]
    assert (art["start"], art["end"]) == ("2022-03-05", "2022-03-05")
    assert "start" not in g.nodes["https://w3id.org/policy-slogan-kg/id/Article/g4"]
