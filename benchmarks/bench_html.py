"""Benchmark the HTML explorer: page size, Python render time, time to a stable layout in Chromium.

Run:  PYTHONPATH=. .venv/bin/python benchmarks/bench_html.py [--sizes 200 2000 5000] [--json]

Synthetic contract-shaped graphs (tests/html_fixtures.py) are written to a temporary
directory and opened from file:// in Debian's headless Chromium with every host blocked.
"ready" is the page's own clock from script start to a stable layout (physics stabilised
and stopped, or first draw of a precomputed layout); "open" is wall time from navigation.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(browser, n: int, workdir: Path) -> dict:
    """One size: render in Python, open in Chromium, time layout and two interactions."""
    sys.path.insert(0, str(ROOT / "tests"))
    from html_fixtures import synthetic_graph

    from kg.readwrite.html import write_html

    graph = synthetic_graph(n)
    started = time.perf_counter()
    report = write_html(graph, workdir / f"bench_{n}.html")
    render_s = time.perf_counter() - started

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    blocked: list[str] = []
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:"))
               else (blocked.append(r.request.url), r.abort()))
    started = time.perf_counter()
    page.goto(Path(report.path).as_uri())
    while not page.evaluate("!!(window.kgExplorer && window.kgExplorer.ready)"):
        page.wait_for_timeout(20)
    open_s = time.perf_counter() - started
    timings = page.evaluate("""() => {
        const t0 = performance.now();
        kgExplorer.focusByName(kgExplorer.info['1'].label);
        const t1 = performance.now();
        kgExplorer.setClassVisible('PolicySlogan', false);
        const t2 = performance.now();
        kgExplorer.setClassVisible('PolicySlogan', true);
        return {ready: kgExplorer.readyMs, focus: t1 - t0, filter: t2 - t1};
    }""")
    page.close()
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "layout": report.layout,
            "page_mb": round(report.bytes / 1e6, 2), "render_s": round(render_s, 2),
            "ready_s": round(timings["ready"] / 1000, 2), "open_s": round(open_s, 2),
            "focus_ms": round(timings["focus"]), "filter_ms": round(timings["filter"]),
            "blocked_requests": len(blocked), "console_errors": len(errors)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 5000])
    parser.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    args = parser.parse_args(argv)
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from html_fixtures import CHROMIUM, CHROMIUM_ARGS  # the one headless Chromium setup
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in args.sizes:
            rows.append(measure(browser, n, Path(tmp)))
            if args.json:
                print(json.dumps(rows[-1]), flush=True)
        browser.close()
    if not args.json:
        cols = list(rows[0])
        print(" | ".join(cols))
        for row in rows:
            print(" | ".join(str(row[c]) for c in cols))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
