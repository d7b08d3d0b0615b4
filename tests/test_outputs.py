"""The committed ``outputs/`` is what ``kg build samples -o outputs`` writes today, byte for byte."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.store import STORE_NAME

ROOT = Path(__file__).resolve().parents[1]


def test_outputs_equal_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the input path is written into the graph (dcterms:source "samples/…")
    res = CliRunner().invoke(cli, ["build", "samples", "-o", str(tmp_path), "--no-progress"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    # the graph.oxigraph store is an index rebuilt by every build, not committed (.gitignore)
    committed = sorted(p.name for p in (ROOT / "outputs").iterdir() if p.name != STORE_NAME)
    fresh = sorted(p.name for p in tmp_path.iterdir() if p.name != STORE_NAME)
    assert committed == fresh
    stale = [n for n in fresh if (ROOT / "outputs" / n).read_bytes() != (tmp_path / n).read_bytes()]
    assert not stale, f"outputs/ is stale: {stale}; regenerate with `kg build samples -o outputs` and commit"
