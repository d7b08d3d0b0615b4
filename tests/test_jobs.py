"""The store loads in a background thread (kg.background) whatever ``--jobs``: same files, errors still reported."""
from __future__ import annotations

import errno
import subprocess
import sys

import pytest

from kg.background import Background, Cancelled, checked
from kg.store import open_store
from kgtest import ROOT, SAMPLES


def _build(out, jobs: int) -> str:
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLES), "-o", str(out), "--formats", "all",
                          "--jobs", str(jobs), "--no-progress"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return run.stderr


def test_jobs_do_not_change_the_files(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    _build(one, 1)
    summary = _build(two, 2)
    assert "store" in summary and "store wait" in summary, summary
    files = sorted(p.name for p in one.iterdir() if p.is_file())
    assert files == sorted(p.name for p in two.iterdir() if p.is_file()) and "graph.ttl" in files
    for name in files:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert [r[0].value for r in open_store(one).query(count)] == [r[0].value for r in open_store(two).query(count)]


def test_background_errors_come_back() -> None:
    def full(_cancelled) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "graph.oxigraph")

    with pytest.raises(OSError) as info:
        Background(full).join()
    assert info.value.errno == errno.ENOSPC and info.value.filename == "graph.oxigraph"
    result, seconds = Background(lambda _cancelled: 42).join()
    assert result == 42 and seconds >= 0


def test_cancel_stops_the_step() -> None:
    import threading

    started, seen = threading.Event(), []

    def slow(cancelled) -> None:
        def items():
            started.set()
            while True:
                yield 1
                cancelled.wait(0.01)
        for item in checked(items(), cancelled):
            seen.append(item)

    step = Background(slow)
    assert started.wait(5)
    step.cancel()  # returns: the step stopped at its next item
    with pytest.raises(Cancelled):
        step.join()
    assert seen
