"""Lexicon sets are values, not process-wide singletons: two builds with two data folders in one process.

A copy of the bundled ``extractors/data`` with one extra slogan gives that slogan; the bundled set,
run before and after it in the same process, does not, and its output does not move.
"""
from __future__ import annotations

import pickle
import shutil
from importlib import resources
from pathlib import Path

import kg
from extractors.lexicon import Lexicons

TEXT = "徐州市总工会召开主席办公会，传达学习市委十二届十三次全会精神。会议要求，推动链长制和链主制协同发力，大力弘扬“五种风气”。"
EXTRA = "链长制和链主制"


def _custom(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("extractors").joinpath("data"))), folder)
    with (folder / "slogans.tsv").open("a", encoding="utf-8") as f:
        f.write(f"{EXTRA}\t\tGoal\t\ta test entry\n")
    return folder


def _slogans(result: kg.BuildResult) -> set[str]:
    return {d["label"] for _, d in result.graph.nodes(data=True) if d.get("type") == "PolicySlogan"}


def test_two_lexicon_sets_in_one_process_give_different_results(tmp_path):
    folder = _custom(tmp_path)
    before = kg.build([TEXT])
    custom = kg.build([TEXT], lexicons=folder)
    after = kg.build([TEXT], lexicons=Lexicons())
    assert EXTRA in _slogans(custom)
    assert EXTRA not in _slogans(before) and "五种风气" in _slogans(before)
    assert _slogans(custom) == _slogans(before) | {EXTRA}
    # the custom set left nothing behind: the bundled build is what it was
    assert sorted(before.graph.nodes(data="label")) == sorted(after.graph.nodes(data="label"))
    assert sorted(before.graph.edges(keys=True)) == sorted(after.graph.edges(keys=True))


def test_a_lexicon_set_is_a_value_keyed_on_its_folder(tmp_path):
    folder = _custom(tmp_path)
    lex = Lexicons(folder)
    assert lex == Lexicons(str(folder)) and hash(lex) == hash(Lexicons(folder))  # caches are keyed on the folder
    assert lex != Lexicons()
    assert pickle.loads(pickle.dumps(lex)) == lex  # it travels to worker processes (kg build --jobs)
    assert EXTRA in lex.text("slogans.tsv") and EXTRA not in Lexicons().text("slogans.tsv")
    assert lex.ruleset("meeting").words("convene_verbs") == Lexicons().ruleset("meeting").words("convene_verbs")


def test_kg_build_lexicons_dir_on_the_cli(tmp_path):
    """``kg build --lexicons DIR`` is ``kg.build(lexicons=DIR)``: the edited copy's slogan appears, even
    through a cache filled by a bundled build; a folder that is no lexicon set is refused up front."""
    from click.testing import CliRunner

    from kg.cli import cli

    folder = _custom(tmp_path)
    src = tmp_path / "in" / "a.txt"
    src.parent.mkdir()
    src.write_text(TEXT, encoding="utf-8")
    cache = tmp_path / "cache"
    runner = CliRunner()

    def label_count(*extra: str) -> int:
        out = tmp_path / f"out{len(list(tmp_path.glob('out*')))}"
        r = runner.invoke(cli, ["build", str(src), "-o", str(out), "--formats", "ttl", "--no-progress", "--cache", str(cache), *extra])
        assert r.exit_code == 0, r.output
        return (out / "graph.ttl").read_text(encoding="utf-8").count(f'"{EXTRA}"')

    assert label_count() == 0
    assert label_count("--lexicons", str(folder)) > 0
    assert label_count() == 0  # the bundled set again: nothing of the custom one stayed behind
    empty = tmp_path / "empty"
    empty.mkdir()
    r = runner.invoke(cli, ["build", str(src), "-o", str(tmp_path / "x"), "--lexicons", str(empty)])
    assert r.exit_code == 2 and "not a lexicon set" in r.output and "jieba_user.txt" in r.output
    assert not (tmp_path / "x").exists()
