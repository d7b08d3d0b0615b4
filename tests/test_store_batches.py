"""The store is loaded in bounded batches (kg.store.LOAD_BATCH): every quad still arrives, once."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import store


def _nquads(n: int) -> str:
    return "".join(f'<http://e/s{i}> <http://e/p> "v{i}" <http://e/g{i % 3}> .\n<http://e/s{i}> <http://e/p> "v{i}" .\n'
                   for i in range(n))


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_batched_load_keeps_every_quad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    monkeypatch.setattr(store, "LOAD_BATCH", batch)
    text = _nquads(25)
    nq = tmp_path / "graph.nq"
    nq.write_text(text, encoding="utf-8")
    expected = {str(q) for q in ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS)}
    for source, out in ((nq, tmp_path / "a"), ([text[:100], text[100:].encode()], tmp_path / "b")):
        store.write_store(source, out)
        got = {str(q) for q in store.open_store(out).quads_for_pattern(None, None, None)}
        assert got == expected and len(expected) == 50
