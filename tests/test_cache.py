"""The per-article extraction cache: reused results give the same bytes, and a stale or broken entry is never used."""
from __future__ import annotations

import multiprocessing as mp
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.lexicon import Lexicons
from kg.cache import ExtractionCache, article_key, fingerprint
from kg.cli import cli
from kg.model import Article
from kg.pipeline import extract
from kgtest import APPENDED as EXTRA
from kgtest import ROOT, SAMPLES, cli_build, sample_articles

FILES = ("graph.ttl", "graph.nq", "graph.html")


def _build(out: Path, *inputs: Path, cache: Path | None = None) -> str:
    return cli_build(out, *inputs, cache=cache, formats="ttl,nq,html")


def _counts(stderr: str) -> tuple[int, int]:
    m = re.search(r"cache hits (\d+); extracted (\d+)", stderr)
    assert m, stderr
    return int(m.group(1)), int(m.group(2))


def _same(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_cached_rebuild_is_byte_identical_and_extracts_only_new(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    cache = tmp_path / "cache"
    n = sample_articles()
    assert _counts(_build(tmp_path / "first", corpus, cache=cache)) == (0, n)
    assert _counts(_build(tmp_path / "again", corpus, cache=cache)) == (n, 0)
    _build(tmp_path / "clean", corpus)
    _same(tmp_path / "again", tmp_path / "clean")
    _same(tmp_path / "first", tmp_path / "clean")

    (corpus / "zz_appended.txt").write_text(EXTRA, encoding="utf-8")
    assert _counts(_build(tmp_path / "appended", corpus, cache=cache)) == (n, 1)
    _build(tmp_path / "appended-clean", corpus)
    _same(tmp_path / "appended", tmp_path / "appended-clean")


def test_no_cache_unless_asked_and_old_versions_pruned(tmp_path):
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(SAMPLES), "-o", str(out), "--no-html", "--no-progress"],
                             catch_exceptions=False)
    assert res.exit_code == 0 and "cache hits" not in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing written beside -o unasked
    cache = tmp_path / "cache"
    stale = cache / "v-0123456789abcdef01234567" / "ab"
    stale.mkdir(parents=True)
    (stale / "ab00").write_bytes(b"an entry of another code version")
    _build(tmp_path / "cached", SAMPLES, cache=cache)
    assert [p.name for p in cache.iterdir()] != [] and not stale.exists()
    assert len(list(cache.glob("v-*/*/*"))) == sample_articles()


def test_corrupted_entry_is_extracted_again(tmp_path):
    cache = tmp_path / "cache"
    _build(tmp_path / "first", SAMPLES, cache=cache)
    entries = sorted(cache.glob("v-*/*/*"))
    n = sample_articles()
    assert len(entries) == n
    entries[0].write_bytes(entries[0].read_bytes()[:-7] + b"garbage")  # same length, wrong bytes
    entries[1].write_bytes(entries[1].read_bytes()[:40])  # truncated
    entries[2].write_bytes(b"")
    for kept in cache.glob("g-*"):  # the kept merge (kg.graphcache) holds them: without it the entries are read
        kept.unlink()
    assert _counts(_build(tmp_path / "second", SAMPLES, cache=cache)) == (n - 3, 3)
    _build(tmp_path / "clean", SAMPLES)
    _same(tmp_path / "second", tmp_path / "clean")
    assert _counts(_build(tmp_path / "third", SAMPLES, cache=cache)) == (n, 0)  # the broken entries were rewritten


def _copy_code(dst: Path) -> Path:
    for entry in ("extractors", "kg"):
        shutil.copytree(ROOT / entry, dst / entry, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def test_changing_rule_data_or_pipeline_changes_the_version(tmp_path):
    root = _copy_code(tmp_path / "code")
    before = fingerprint(root=root)
    assert fingerprint(root=root) == before
    assert fingerprint(("ner",), root=root) != before
    rules = sorted((root / "extractors" / "data").rglob("*.tsv"))[0]
    rules.write_text(rules.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert fingerprint(root=root) != before
    (root / "kg" / "graph.py").write_text("# not used by extraction\n", encoding="utf-8")
    changed = fingerprint(root=root)
    rules.write_text(rules.read_text(encoding="utf-8")[:-1], encoding="utf-8")
    assert fingerprint(root=root) == before != changed
    custom = tmp_path / "lexicons"
    shutil.copytree(root / "extractors" / "data", custom)
    with_custom = fingerprint(lexicons=Lexicons(custom), root=root)
    assert with_custom != before
    (custom / rules.relative_to(root / "extractors" / "data")).write_text("", encoding="utf-8")
    assert fingerprint(lexicons=Lexicons(custom), root=root) != with_custom

    article = Article(id="a", text=EXTRA)
    old = ExtractionCache(tmp_path / "cache", before)
    old.put(extract(article))
    assert old.get(article) is not None
    assert ExtractionCache(tmp_path / "cache", changed).get(article) is None  # another version never reads it


def test_key_covers_every_field():
    base = Article(id="a", text="文本", title="t", date="2024-01-01", source="s")
    keys = {article_key(base)}
    for changed in (Article(id="b", text="文本", title="t", date="2024-01-01", source="s"),
                    Article(id="a", text="文本。", title="t", date="2024-01-01", source="s"),
                    Article(id="a", text="文本", title="", date="2024-01-01", source="s"),
                    Article(id="a", text="文本", title="t", date="2024-01-02", source="s"),
                    Article(id="a", text="文本", title="t", date="2024-01-01", source=""),
                    Article(id="a文", text="本", title="t", date="2024-01-01", source="s")):
        keys.add(article_key(changed))
    assert len(keys) == 7


def _hammer(root: str, version: str, n: int) -> int:
    cache = ExtractionCache(root, version)
    result = extract(Article(id="a", text=EXTRA))
    bad = 0
    for _ in range(n):
        cache.put(result)
        if cache.get(result.article) is None:
            bad += 1
    return bad


@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs fork")
def test_concurrent_writers_never_leave_a_broken_entry(tmp_path):
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        bad = pool.starmap(_hammer, [(str(tmp_path), "v", 40)] * 2)
    assert bad == [0, 0]
    assert [p.name for p in tmp_path.rglob("*") if p.is_file() and p.name.endswith(".tmp")] == []
    assert ExtractionCache(tmp_path, "v").get(Article(id="a", text=EXTRA)) is not None
