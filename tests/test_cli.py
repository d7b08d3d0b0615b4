"""``kg build`` exit codes and messages on bad input (click's CliRunner, real extractors)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kgtest import SAMPLES, sample_articles

GOOD = "市总工会召开主席办公会，学习贯彻市委全会精神，大兴“五种风气”。\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def good(tmp_path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


def _build(runner, *args):
    return runner.invoke(cli, ["build", *map(str, args), "--no-html"], catch_exceptions=False)


def test_help_shows_examples(runner):
    res = runner.invoke(cli, ["--help"])
    assert res.exit_code == 0
    assert "Examples:" in res.output and "kg build samples/ -o outputs/" in res.output
    build_help = runner.invoke(cli, ["build", "--help"])
    assert build_help.exit_code == 0 and "Exit status" in build_help.output


def test_build_samples(runner, tmp_path):
    res = _build(runner, SAMPLES, "-o", tmp_path / "out")
    assert res.exit_code == 0, res.stderr
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0
    assert f"{sample_articles()} articles" in res.stderr


def test_missing_path_exit_2_others_built(runner, good, tmp_path):
    missing = tmp_path / "no-such-file.txt"
    out = tmp_path / "out"
    res = _build(runner, missing, good, "-o", out)
    assert res.exit_code == 2
    assert str(missing) in res.stderr and "no such file" in res.stderr
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "五种风气" in ttl  # the good input was still built


def test_empty_file(runner, good, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = _build(runner, empty, good, "-o", tmp_path / "out")
    assert res.exit_code == 2
    assert str(empty) in res.stderr and "empty" in res.stderr
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\u3000\n", encoding="utf-8")
    res = _build(runner, blank, "-o", tmp_path / "out2")
    assert res.exit_code == 1


def test_non_utf8_names_file_and_offset(runner, good, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("第一行\n".encode() + "市总工会召开主席办公会".encode("gb18030"))
    res = _build(runner, gbk, good, "-o", tmp_path / "out")
    assert res.exit_code == 2
    line = next(ln for ln in res.stderr.splitlines() if str(gbk) in ln)
    assert "UTF-8" in line
    assert "offset 10" in line and "line 2" in line  # b"\xe5\xb8\x82" ... first bad byte after 10 UTF-8 bytes


def test_malformed_jsonl_line_names_file_and_line(runner, tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "title": "t", "date": "2021-07-20", "text": GOOD}, ensure_ascii=False),
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": "团市委召开全委会议，推进“两在两同”建新功行动。"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = _build(runner, p, "-o", out)
    assert res.exit_code == 2
    assert f"{p}:2" in res.stderr and "malformed JSON" in res.stderr
    assert f"{p}:3" in res.stderr
    assert "2 articles" in res.stderr
    assert (out / "graph.ttl").exists()


def test_all_bad_input_exit_1_nothing_written(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))  # binary: no text encoding fits
    out = tmp_path / "out"
    res = _build(runner, tmp_path / "missing.txt", empty, bad, "-o", out)
    assert res.exit_code == 1
    assert "nothing written" in res.stderr
    for name in ("missing.txt", "empty.txt", "bad.txt"):
        assert name in res.stderr
    assert not out.exists() or not any(out.iterdir())


def test_folder_without_texts(runner, tmp_path):
    (tmp_path / "emptydir").mkdir()
    res = _build(runner, tmp_path / "emptydir", "-o", tmp_path / "out")
    assert res.exit_code == 1
    assert "emptydir" in res.stderr


def test_no_paths_is_a_usage_error(runner, tmp_path):
    res = runner.invoke(cli, ["build", "-o", str(tmp_path / "out")])
    assert res.exit_code == 2
    assert "PATHS" in res.output or "PATHS" in res.stderr


def test_build_skip_component(tmp_path):
    """--skip ner leaves out the general-news names; an unknown component is a usage error (exit 2)."""
    from click.testing import CliRunner

    from kg.cli import cli

    text = tmp_path / "a.txt"
    text.write_text("市总工会召开主席办公会，学习贯彻市委全会精神。会议要求，大兴“五种风气”。", encoding="utf-8")
    ok = CliRunner().invoke(cli, ["build", str(text), "-o", str(tmp_path / "out"), "--no-html", "--skip", "ner"])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "out" / "graph.ttl").exists()
    bad = CliRunner().invoke(cli, ["build", str(text), "-o", str(tmp_path / "bad"), "--skip", "nonsense"])
    assert bad.exit_code == 2 and "nonsense" in bad.output
    assert not (tmp_path / "bad").exists()
