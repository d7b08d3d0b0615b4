"""``kg explain`` on a build reads one entity's neighbourhood (store + a byte search of graph.ttl), and
prints exactly what reading the whole graph prints: every entity of the samples build, relations, misses."""
from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.explain import explain, explain_build
from kg.readwrite.rdf import read
from kg.readwrite.rdf_around import read_around
from kgtest import SAMPLES


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    kg.build([SAMPLES]).write(out, formats=("ttl", "store"), html=False)
    return out


def _queries(g) -> list[str]:
    labels = sorted({d["label"] for _, d in g.nodes(data=True) if d["type"] != "Article" and d["label"]})
    aliases = sorted({a for _, d in g.nodes(data=True) if d["type"] != "Article" for a in d["aliases"]})
    relations = sorted(f"{g.nodes[s]['label']} {k} {g.nodes[o]['label']}" for s, o, k in g.edges(keys=True)
                       if k != "mentionedIn" and " " not in g.nodes[s]["label"] + g.nodes[o]["label"])
    return labels[::3] + aliases[:30] + relations[::9] + ["不存在的名字", "甲 heldBy 乙", "甲 noSuchRelation 乙"]


def test_the_neighbourhood_explains_as_the_whole_graph_does(built: Path) -> None:
    whole = read(built)
    queries = _queries(whole)
    assert len(queries) > 200
    differ = [q for q in queries if explain_build(built, q) != explain(whole, q)]
    assert not differ, differ[:5]


def test_the_neighbourhood_is_small_and_complete_for_its_entities(built: Path) -> None:
    whole = read(built)
    node, data = max(((n, d) for n, d in whole.nodes(data=True) if d["type"] == "PolicySlogan"),
                     key=lambda nd: len(nd[1]["mentions"]))
    around = read_around(built, [data["label"]])
    assert around is not None and node in around
    assert around.number_of_nodes() < whole.number_of_nodes() / 2
    assert around.nodes[node] == whole.nodes[node]
    for edges in ("out_edges", "in_edges"):
        mine = sorted((s, o, k, d["evidence"]) for s, o, k, d in getattr(around, edges)(node, keys=True, data=True))
        theirs = sorted((s, o, k, d["evidence"]) for s, o, k, d in getattr(whole, edges)(node, keys=True, data=True))
        assert mine == theirs


def test_a_build_without_store_or_with_gzip_is_read_whole(tmp_path: Path) -> None:
    text = "徐州市总工会召开主席办公会，传达学习市委十二届十三次全会精神。会议要求，大力弘扬“五种风气”。"
    plain, zipped = tmp_path / "plain", tmp_path / "zipped"
    kg.build([text]).write(plain, formats=("ttl",), html=False)
    kg.build([text]).write(zipped, formats=("ttl", "store"), html=False, gzip=True)
    assert read_around(plain, ["五种风气"]) is None and read_around(zipped, ["五种风气"]) is None
    for out in (plain, zipped):
        lines = explain_build(out, "五种风气")
        assert lines and lines == explain(read(out), "五种风气")
        assert any("[slogan.quoted]" in line and "大力弘扬" in line for line in lines)


def _dump(g) -> tuple:
    return (sorted((n, repr(sorted(d.items()))) for n, d in g.nodes(data=True)),
            sorted((s, o, k, repr(sorted(d.items()))) for s, o, k, d in g.edges(keys=True, data=True)), g.graph.get("focus"))


def test_kg_show_focus_reads_the_ego_graph_the_whole_graph_has(built: Path) -> None:
    from kg.readwrite._html_select import ego_graph
    from kg.readwrite.rdf_around import read_ego

    whole = read(built)
    labels = sorted({d["label"] for _, d in whole.nodes(data=True) if d["label"]})[::12]
    assert len(labels) > 40
    for label in labels:
        for depth, through in ((0, False), (1, False), (2, False), (2, True)):
            around = read_ego(built, label, depth, through)
            assert around is not None, label
            assert around.number_of_nodes() <= whole.number_of_nodes()
            assert _dump(ego_graph(around, label, depth, through_articles=through)) == \
                _dump(ego_graph(whole, label, depth, through_articles=through)), (label, depth, through)
    assert read_ego(built, "不存在的名字", 1) is None


def test_kg_show_focus_page_is_the_same_bytes(built: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    slogan = next(label for label in sorted({d["label"] for _, d in read(built).nodes(data=True) if d["type"] == "PolicySlogan"}))
    runner = CliRunner()
    fast = runner.invoke(cli, ["show", str(built), "--focus", slogan, "--depth", "1", "-o", str(tmp_path / "fast.html")])
    slow = runner.invoke(cli, ["show", str(built / "graph.ttl"), "--focus", slogan, "--depth", "1", "-o", str(tmp_path / "slow.html")])
    assert fast.exit_code == 0 and slow.exit_code == 0, fast.output + slow.output
    assert (tmp_path / "fast.html").read_bytes() == (tmp_path / "slow.html").read_bytes()
    missing = runner.invoke(cli, ["show", str(built), "--focus", "不存在的名字xyz"])
    assert missing.exit_code == 2 and "no entity labelled" in missing.output
