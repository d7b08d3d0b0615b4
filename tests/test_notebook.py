"""examples/analyst_tour.ipynb runs top to bottom (nbclient, a real kernel) on a slice of 新闻联播, and says what it should."""
from __future__ import annotations

import re
import time

import pytest

from kgtest import ROOT, need_shared

NOTEBOOK = ROOT / "examples" / "analyst_tour.ipynb"


def _text(cell) -> str:
    parts = []
    for o in cell.get("outputs", ()):
        parts.append(o.get("text") or o.get("data", {}).get("text/plain", ""))
    return "".join(parts)


@pytest.fixture(scope="module")
def executed():
    need_shared("corpus", "bulk", "xwlb_cctv_2022_2026.jsonl")
    nbformat = pytest.importorskip("nbformat", reason="the [test] extra installs nbformat")
    nbclient = pytest.importorskip("nbclient", reason="the [test] extra installs nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    started = time.monotonic()
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return nb, time.monotonic() - started


def test_notebook_is_committed_without_outputs():
    import json

    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in cells if c["cell_type"] == "code")


def test_notebook_runs_and_reports(executed):
    nb, seconds = executed
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert not [o for c in code for o in c.outputs if o.get("output_type") == "error"]
    out = "\n".join(_text(c) for c in code)
    n_items = int(re.search(r"items in the slice: (\d+)", out).group(1))
    assert 100 <= n_items <= 200
    assert re.search(rf"articles: {n_items} dated: {n_items}\b", out)  # every 新闻联播 item carries its date
    for cls in ("Organization", "PolicySlogan", "Person", "Meeting"):
        assert re.search(rf"^{cls}\s+\d+$", out, re.M), cls
    first = re.search(r"first appearance: (\d{4}-\d{2}-\d{2}) (\S+)", out)
    assert first and "2023-09-01" <= first.group(1) <= "2024-06-30"  # 新质生产力 is first said in September 2023
    assert int(re.search(r"adopters: (\d+)", out).group(1)) >= 1
    assert int(re.search(r"promoting organizations: (\d+)", out).group(1)) >= 1
    busiest = re.search(r"series: (\S+)", out).group(1)
    assert busiest.endswith(("会议", "学习", "全会")) and busiest in _text(code[-1]) and "total_sittings" in _text(code[-1])
    assert "Building prefix dict" not in out
    assert seconds < 120, f"the tour took {seconds:.0f} s"
