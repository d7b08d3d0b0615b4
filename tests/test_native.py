"""The compiled name component (extractors.native): used only when current, and its output is the pure module's.

The comparison runs where a build is present (``python -m extractors.native_build``); in CI
(``CI`` set) a missing or stale build fails instead of skipping, since ``.ci/run`` makes it, unless
``.ci/run`` said that mypyc could not compile the module (then the pure module is what runs).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractors import native

ROOT = Path(__file__).resolve().parents[1]

# every bundled sample, extracted whole; the reprs with a fixed hash seed (set order in the aliases)
_EXTRACT = """
import json, sys
from pathlib import Path
from extractors import native
from kg.model import Article
from kg.pipeline import extract
root = Path(sys.argv[1])
texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((root / "samples").rglob("*.txt"))]
for line in (root / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
    if line.strip():
        row = json.loads(line)
        texts.append((row["id"], row["text"]))
texts.append(("edge", "习近平主持会议。李强、赵乐际出席。1-11月，全国规模以上工业增加值同比增长5.2%。BQ.1.1毒株。"))
print(json.dumps({"active": native.active(), "results": [repr(extract(Article(id=n, text=t))) for n, t in texts]}))
"""


def _run(native_on: bool) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0", KG_NATIVE="1" if native_on else "0")
    out = subprocess.run([sys.executable, "-c", _EXTRACT, str(ROOT)], env=env, cwd=ROOT, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.splitlines()[-1])


def test_compiled_equals_pure():
    if not native.usable():
        if os.environ.get("KG_NATIVE_BUILD_FAILED"):
            pytest.skip("the compiled build failed in .ci/run (its log is above the tests): the pure module ran")
        if os.environ.get("CI"):
            pytest.fail("no current compiled build: .ci/run makes it (python -m extractors.native_build)")
        pytest.skip("no current compiled build (python -m extractors.native_build)")
    compiled, pure = _run(True), _run(False)
    assert compiled["active"] and not pure["active"]
    assert len(compiled["results"]) == len(pure["results"]) > 10
    assert compiled["results"] == pure["results"]


def test_key_covers_every_module(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "b.py").write_text("y = 2\n")
    key = native.source_key(tmp_path)
    assert native.source_key(tmp_path) == key
    (tmp_path / "b.py").write_text("y = 3\n")  # not a compiled module: its types may be compiled in all the same
    assert native.source_key(tmp_path) != key
    (tmp_path / "b.py").write_text("y = 2\n")
    assert native.source_key(tmp_path) == key
    (tmp_path / "c.py").write_text("")
    assert native.source_key(tmp_path) != key


def test_stale_or_absent_build_is_not_used(tmp_path, monkeypatch):
    package, build = tmp_path / "pkg", tmp_path / "build"
    package.mkdir()
    (package / "a.py").write_text("x = 1\n")
    assert not native.usable(build, package)  # absent
    build.mkdir()
    (build / "MANIFEST").write_text(native.source_key(package) + "\n")
    assert native.usable(build, package)
    (package / "a.py").write_text("x = 2\n")
    assert not native.usable(build, package)  # the source changed after the build

    monkeypatch.setattr(native, "usable", lambda *a: True)
    path: list[str] = []
    monkeypatch.setenv("KG_NATIVE", "0")
    assert not native.enable(path) and path == []
    monkeypatch.setenv("KG_NATIVE", "1")
    assert native.enable(path) and path == [str(native.folder())]
