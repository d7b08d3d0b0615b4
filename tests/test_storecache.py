"""The store kept in the cache folder (kg.storecache): a rebuild changes a copy of it and holds a clean load's quads."""
from __future__ import annotations

import shutil
from pathlib import Path

from kg import storecache
from kg.readwrite.rdf_blocks import Blocks
from kg.store import open_store, write_kept
from kgtest import APPENDED as EXTRA
from kgtest import SAMPLES, cli_build, store_dump, summary_count


def _build(out: Path, *inputs: Path, cache: Path | None = None) -> str:
    return cli_build(out, *inputs, cache=cache)


def _delta(stderr: str) -> int | None:
    return summary_count(stderr, "store delta subjects")


_dump = store_dump


def test_rebuild_changes_the_kept_store_into_a_clean_ones(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    cache = tmp_path / "cache"
    assert _delta(_build(tmp_path / "first", corpus, cache=cache)) is None  # nothing kept yet: a clean load
    assert (storecache.entry_dir(cache) / "store" / "CURRENT").is_file()
    assert _delta(_build(tmp_path / "again", corpus, cache=cache)) == 0
    _build(tmp_path / "clean", corpus)
    assert _dump(tmp_path / "first") == _dump(tmp_path / "again") == _dump(tmp_path / "clean")

    (corpus / "zz_appended.txt").write_text(EXTRA, encoding="utf-8")
    assert _delta(_build(tmp_path / "appended", corpus, cache=cache)) > 0
    _build(tmp_path / "appended-clean", corpus)
    assert _dump(tmp_path / "appended") == _dump(tmp_path / "appended-clean")
    assert _dump(tmp_path / "appended") != _dump(tmp_path / "clean")

    (corpus / "zz_appended.txt").unlink()  # subjects removed: back to the first corpus's quads
    assert _delta(_build(tmp_path / "removed", corpus, cache=cache)) > 0
    assert _dump(tmp_path / "removed") == _dump(tmp_path / "clean")
    assert _dump(tmp_path / "appended") == _dump(tmp_path / "appended-clean")  # the earlier output is its own copy


def _blocks(n: int, value: str = "v") -> Blocks:
    return Blocks(default=[(f"http://e/s{i}", [("http://e/p", f'"{value}{i}"'), ("http://e/q", "<http://e/o>")])
                           for i in range(n)])


def _quads(out: Path) -> set[str]:
    return {str(q) for q in open_store(out).quads_for_pattern(None, None, None)}


def test_large_delta_torn_entry_and_other_versions_load_clean(tmp_path):
    cache = tmp_path / "cache"
    _, delta = write_kept(_blocks(20), tmp_path / "a", cache)
    assert delta is None
    changed = _blocks(20)
    changed.default[3] = ("http://e/s3", [("http://e/p", '"other"')])
    changed.default.append(("http://e/new", [("http://e/p", '"n"')]))
    del changed.default[0]
    _, delta = write_kept(changed, tmp_path / "b", cache)
    assert delta is not None and (delta.subjects, delta.removed, delta.added) == (3, 4, 2)
    write_kept(changed, tmp_path / "b-clean")
    assert _quads(tmp_path / "b") == _quads(tmp_path / "b-clean")

    _, delta = write_kept(_blocks(20, "w"), tmp_path / "c", cache)  # every subject changed: a clean load
    assert delta is None and _quads(tmp_path / "c") == {q.replace('"v', '"w') for q in _quads(tmp_path / "a")}

    entry = storecache.entry_dir(cache)
    (entry / "subjects").write_bytes(b"torn")
    _, delta = write_kept(_blocks(20, "w"), tmp_path / "d", cache)
    assert delta is None and _quads(tmp_path / "d") == _quads(tmp_path / "c")
    _, delta = write_kept(_blocks(20, "w"), tmp_path / "e", cache)  # the clean load above was kept again
    assert delta is not None and delta.subjects == 0

    stale = cache / f"{storecache.PREFIX}0-0.0.0"
    stale.mkdir()
    storecache.prune(cache)
    assert not stale.exists() and entry.is_dir()
