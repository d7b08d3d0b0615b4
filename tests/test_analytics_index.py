"""graph.analytics.json.gz: the build's analytics index answers exactly as the graph does, and is rejected when it is not one."""
from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

import kg
from kg.analytics import index
from kg.cli import cli
from kg.model import Article
from kg.readwrite.analytics_index import NAME, load, read_index, slim, write_index
from kg.readwrite.rdf import read

ARTICLES = [
    Article("a1", "中共中央召开会议，强调要坚定拥护“两个确立”，坚决做到“两个维护”。", date="2022-01-10"),
    Article("a2", "江苏省委召开常委会会议，强调要深刻领悟“两个确立”的决定性意义，增强“四个意识”。", date="20220125"),
    Article("a3", "徐州市委召开会议，要求全市坚决做到“两个维护”，推进乡村振兴。", date="2022年2月3日"),
    Article("a4", "浙江省委召开第一次常委会会议，强调深刻领悟“两个确立”，坚决做到“两个维护”。", date="2022-02-20"),
    Article("a5", "杭州市委召开会议，强调坚定拥护“两个确立”。", date=""),
]
COMMANDS = [["timeline", "两个确立", "--format", "json"], ["timeline", "两个维护"], ["adopters", "两个确立", "--format", "csv"],
            ["cooccur", "两个确立"], ["trends", "--from", "2022-02-01", "--to", "20220220"], ["series"]]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("indexed")
    kg.build(ARTICLES).write(d, html=False)  # the default formats: the index among them
    return d


def test_default_build_writes_the_index_and_it_equals_the_graphs(out):
    assert (out / NAME).is_file()
    from_file = read_index(out / NAME)
    from_graph = slim(index(read(out / "graph.ttl")))
    assert from_file.slogans  # not a vacuous equality
    assert from_file == from_graph


def test_same_graph_same_bytes(out, tmp_path):
    again = tmp_path / "again"
    kg.build(ARTICLES).write(again, html=False)
    assert (again / NAME).read_bytes() == (out / NAME).read_bytes()


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_commands_answer_the_same_from_the_index_and_from_the_graph(out, args):
    runner = CliRunner()
    fast = runner.invoke(cli, [args[0], str(out), *args[1:]])
    slow = runner.invoke(cli, [args[0], str(out / "graph.ttl"), *args[1:]])
    assert fast.exit_code == 0, fast.output
    assert fast.output == slow.output and fast.output.strip()


def test_the_index_is_used_when_present(out, tmp_path):
    """A build directory's analytics come from its index, not from re-reading graph.ttl."""
    d = tmp_path / "b"
    kg.build(ARTICLES).write(d, html=False)
    idx = read_index(d / NAME)
    idx.dates["a1"] = "1999-09-09"  # a marker no graph holds
    write_index(idx, d / NAME)
    res = CliRunner().invoke(cli, ["timeline", str(d), "两个确立", "--format", "json"])
    assert json.loads(res.output)["first"]["date"] == "1999-09-09"
    assert load(d / "graph.ttl").dates["a1"] == "2022-01-10"


def test_a_build_without_the_index_removes_an_old_one(out, tmp_path):
    d = tmp_path / "c"
    kg.build(ARTICLES).write(d, html=False)
    kg.build(ARTICLES[:2]).write(d, html=False, formats=["ttl"])
    assert not (d / NAME).exists()
    res = CliRunner().invoke(cli, ["timeline", str(d), "两个维护", "--format", "json"])
    assert json.loads(res.output)["first"]["article"] == "a1"  # read from graph.ttl


@pytest.mark.parametrize("content, says", [
    (b"not gzip at all", "not a readable analytics index"),
    (gzip.compress(b"{\"kind\": \"something else\"}", mtime=0), "not a policy-slogan-kg analytics index"),
    (gzip.compress(b"{\"kind\": \"policy-slogan-kg analytics index\", \"version\": 99}", mtime=0), "version 99"),
    (gzip.compress(b"{\"kind\": \"policy-slogan-kg analytics index\", \"version\": 1}", mtime=0), "malformed"),
])
def test_bad_index_files_name_the_file(tmp_path, content, says):
    p = tmp_path / NAME
    p.write_bytes(content)
    with pytest.raises(ValueError, match=says) as err:
        read_index(p)
    assert str(p) in str(err.value)
    res = CliRunner().invoke(cli, ["timeline", str(tmp_path), "两个确立"])
    assert res.exit_code == 1 and str(p) in res.output
