"""``--jobs N`` parallelises the export too (the store in a forked child): same files, errors still reported."""
from __future__ import annotations

import errno
import subprocess
import sys

import pytest

from kg.forked import Forked, can_fork
from kg.store import open_store
from kgtest import ROOT, SAMPLES

pytestmark = pytest.mark.skipif(not can_fork(), reason="the forked writer needs fork")


def _build(out, jobs: int) -> str:
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLES), "-o", str(out), "--formats", "all",
                          "--jobs", str(jobs), "--no-progress"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return run.stderr


def test_jobs_do_not_change_the_files(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    _build(one, 1)
    summary = _build(two, 2)
    assert "store (forked)" in summary and "store wait" in summary, summary
    files = sorted(p.name for p in one.iterdir() if p.is_file())
    assert files == sorted(p.name for p in two.iterdir() if p.is_file()) and "graph.ttl" in files
    for name in files:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert [r[0].value for r in open_store(one).query(count)] == [r[0].value for r in open_store(two).query(count)]


def test_child_errors_come_back():
    def full() -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "graph.oxigraph")

    with pytest.raises(OSError) as info:
        Forked(full).join()
    assert info.value.errno == errno.ENOSPC and info.value.filename == "graph.oxigraph"
    with pytest.raises(RuntimeError, match="ValueError: bad"):
        Forked(lambda: (_ for _ in ()).throw(ValueError("bad"))).join()
    assert Forked(lambda: None).join() >= 0
