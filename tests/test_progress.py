"""``kg build`` says what it is doing and how long each phase took; jieba's start-up chatter stays out.

Real CLI runs in a subprocess (stderr is a pipe, not a terminal: the case of a batch log).
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys

from kg.progress import Progress
from kgtest import ROOT, SAMPLES, sample_articles

JIEBA_LINES = ("Building prefix dict", "Loading model", "Prefix dict has been built")


def _kg_build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", "build", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_summary_lines_and_no_jieba_chatter(tmp_path):
    run = _kg_build(str(SAMPLES), "-o", str(tmp_path / "out"), "--report", str(tmp_path / "r.json"))
    assert run.returncode == 0, run.stderr
    for line in JIEBA_LINES:
        assert line not in run.stderr, run.stderr
    summary = [x for x in run.stderr.splitlines() if x.startswith("kg build: timings:")]
    assert len(summary) == 1, run.stderr
    for phase in ("read", "extract", "graph", "rdf", "graph.ttl", "store", "html"):
        assert re.search(rf"(: |, ){re.escape(phase)} \d+\.\d s\b", summary[0]), summary[0]
    assert re.search(r"total \d+\.\d s; peak RSS \d+ MB$", summary[0]), summary[0]
    timings = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["timings"]
    assert set(timings["phases"]) >= {"read", "extract", "graph", "rdf", "graph.ttl", "store", "html"}
    # "store" is the loader thread's own time, spent during "store wait" (the foreground phase that waits for it)
    foreground = sum(v for k, v in timings["phases"].items() if k != "store")
    assert timings["total"] >= foreground * 0.99
    assert timings["peak_rss_mb"] > 10


def test_periodic_status_lines_in_a_log(tmp_path):
    run = _kg_build(str(SAMPLES), "-o", str(tmp_path / "out"), "--formats", "all", "--progress-every", "0")
    assert run.returncode == 0, run.stderr
    status = [x for x in run.stderr.splitlines() if re.match(r"kg build: \[ *\d+ s\] ", x)]
    assert any(re.search(rf"\] extract: \d+/{sample_articles()} articles, [\d.]+ k chars/s$", x) for x in status), run.stderr
    assert any(x.endswith("] graph.graphml") for x in status) and any(x.endswith("] graph.jsonld") for x in status), run.stderr
    for line in JIEBA_LINES:
        assert line not in run.stderr


def test_no_progress_prints_only_the_summary(tmp_path):
    run = _kg_build(str(SAMPLES), "-o", str(tmp_path / "out"), "--no-progress", "--progress-every", "0")
    assert run.returncode == 0, run.stderr
    assert not re.search(r"kg build: \[ *\d+ s\]", run.stderr), run.stderr
    assert "kg build: timings:" in run.stderr


def test_status_line_waits_for_its_interval():
    now = [0.0]
    out = io.StringIO()
    prog = Progress(out, every=10, clock=lambda: now[0])
    prog.total = 3
    with prog.phase("extract"):
        now[0] = 4.0
        prog.article_done(400)
        assert out.getvalue() == ""  # 4 s: too early for a line
        now[0] = 12.0
        prog.article_done(600)
    assert out.getvalue() == "kg build: [    12 s] extract: 2/3 articles, 0.1 k chars/s\n"
    assert prog.times == {"extract": 12.0}
