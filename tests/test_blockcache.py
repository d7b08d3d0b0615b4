"""The per-article RDF blocks (kg.blockcache): a cached rebuild of the default formats is the same bytes and store."""
from __future__ import annotations

import shutil
from pathlib import Path

from kgtest import APPENDED as EXTRA
from kgtest import SAMPLES, cli_build, sample_articles, store_dump, summary_count

FILES = ("graph.ttl", "graph.html", "graph.analytics.json.gz")


def _build(out: Path, *inputs: Path, cache: Path | None = None) -> str:
    return cli_build(out, *inputs, cache=cache)  # the default formats: the store, no named graphs


def _block_hits(stderr: str) -> int:
    n = summary_count(stderr, "block hits")
    assert n is not None, stderr
    return n


def _same(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert store_dump(a) == store_dump(b)


def test_rebuild_from_cached_blocks_is_identical(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    cache = tmp_path / "cache"
    assert _block_hits(_build(tmp_path / "first", corpus, cache=cache)) == 0
    assert len(list(cache.glob("r-*/*.pack"))) == 1
    assert _block_hits(_build(tmp_path / "again", corpus, cache=cache)) == sample_articles()
    _build(tmp_path / "clean", corpus)
    _same(tmp_path / "first", tmp_path / "clean")
    _same(tmp_path / "again", tmp_path / "clean")

    (corpus / "zz_appended.txt").write_text(EXTRA, encoding="utf-8")
    assert _block_hits(_build(tmp_path / "appended", corpus, cache=cache)) == sample_articles()
    assert len(list(cache.glob("r-*/*.pack"))) == 2  # the new article's blocks in a pack of their own
    _build(tmp_path / "appended-clean", corpus)
    _same(tmp_path / "appended", tmp_path / "appended-clean")


def test_broken_pack_is_rendered_again_and_old_versions_pruned(tmp_path):
    cache = tmp_path / "cache"
    _build(tmp_path / "first", SAMPLES, cache=cache)
    [pack] = cache.glob("r-*/*.pack")
    stale = cache / "r-0123456789abcdef01234567"
    stale.mkdir()
    (stale / "x.pack").write_bytes(b"a pack of another renderer")
    raw = pack.read_bytes()
    pack.write_bytes(raw[:100] + b"garbage" + raw[107:])  # the first entry fails its checksum
    assert _block_hits(_build(tmp_path / "second", SAMPLES, cache=cache)) == sample_articles() - 1
    assert not stale.exists()
    _build(tmp_path / "clean", SAMPLES)
    _same(tmp_path / "second", tmp_path / "clean")
    pack.write_bytes(raw[:-20])  # truncated: no index, no entry of it is read
    for base in cache.glob("r-*/base"):  # "second" kept its entries merged: without that they are read one by one
        base.unlink()
    assert _block_hits(_build(tmp_path / "third", SAMPLES, cache=cache)) == 1  # the one re-rendered in "second"
    _same(tmp_path / "third", tmp_path / "clean")


def test_the_base_of_merged_entries_is_used_while_it_holds_only_this_builds_articles(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    cache = tmp_path / "cache"
    n = sample_articles()
    _build(tmp_path / "first", corpus, cache=cache)
    assert not list(cache.glob("r-*/base"))  # every entry rendered: nothing read one by one yet
    assert _block_hits(_build(tmp_path / "second", corpus, cache=cache)) == n  # read from the pack, then kept merged
    [base] = cache.glob("r-*/base")
    kept = base.read_bytes()
    assert _block_hits(_build(tmp_path / "third", corpus, cache=cache)) == n  # from the base
    assert base.read_bytes() == kept
    _same(tmp_path / "second", tmp_path / "first")
    _same(tmp_path / "third", tmp_path / "first")

    (corpus / "zz_appended.txt").write_text(EXTRA, encoding="utf-8")
    _build(tmp_path / "appended", corpus, cache=cache)
    _build(tmp_path / "appended-clean", corpus)
    _same(tmp_path / "appended", tmp_path / "appended-clean")
    assert _block_hits(_build(tmp_path / "appended-again", corpus, cache=cache)) == n + 1  # base + its pack entry
    _same(tmp_path / "appended-again", tmp_path / "appended-clean")

    sorted(corpus.glob("*.txt"))[0].unlink()  # an article the base holds is gone: its entries are read one by one
    assert _block_hits(_build(tmp_path / "removed", corpus, cache=cache)) == n
    _build(tmp_path / "removed-clean", corpus)
    _same(tmp_path / "removed", tmp_path / "removed-clean")
    assert base.read_bytes() != kept  # and kept merged again, for these articles
    base.write_bytes(kept[:-5] + b"xxxxx")  # torn: ignored
    assert _block_hits(_build(tmp_path / "torn", corpus, cache=cache)) == n
    _same(tmp_path / "torn", tmp_path / "removed-clean")


def test_turtle_texts_are_handed_on_only_when_turtle_is_written(tmp_path):
    """The texts rendered for the packs go to the Turtle writer (Blocks.ttl) only when graph.ttl is written;
    the blocks themselves are the same either way."""
    import kg
    from kg.readwrite.rdf_blocks import graph_blocks

    def blocks(turtle: bool):
        built = kg.build([SAMPLES], cache=tmp_path / "cache")
        return graph_blocks(built.graph, named=False, fragments=built.fragments, turtle=turtle)

    with_ttl, without = blocks(True), blocks(False)
    assert with_ttl.ttl and without.ttl == {}
    assert with_ttl.default == without.default
