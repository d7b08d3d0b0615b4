"""Two builds of the same input give byte-identical files, whatever the process's hash seed."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kgtest import ROOT, SAMPLES

FILES = ("graph.ttl", "graph.nq", "graph.jsonld", "graph.graphml", "graph.html")


def _build(out: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLES), "-o", str(out), "--no-progress",
                          "--formats", "all"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr


def test_two_builds_are_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    _build(a, "1")
    _build(b, "2")  # a different hash seed: set/dict order must never leak into output
    for name in FILES:
        fa, fb = a / name, b / name
        assert fa.exists() and fb.exists(), name
        assert fa.stat().st_size > 0, name
        assert fa.read_bytes() == fb.read_bytes(), f"{name} differs between two builds of samples/"


def test_in_process_build_is_deterministic(tmp_path):
    import kg

    first = kg.build([SAMPLES]).write(tmp_path / "x", html=False, formats=("ttl", "nq"))
    second = kg.build([SAMPLES]).write(tmp_path / "y", html=False, formats=("ttl", "nq"))
    for name in ("graph.ttl", "graph.nq"):
        assert first[name].read_bytes() == second[name].read_bytes(), name
