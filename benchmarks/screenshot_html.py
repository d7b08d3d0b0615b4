"""Regenerate docs/screenshot.png: the explorer for a built graph, in headless Chromium.

Run:  .venv/bin/kg build samples -o /tmp/out
      PYTHONPATH=. .venv/bin/python benchmarks/screenshot_html.py /tmp/out docs/screenshot.png --focus 五种风气

``--as-built`` shoots the build's own ``graph.html`` (its corpus-scale default view, its node cap) instead of
drawing the graph again: that is the page a user of a corpus build opens.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path, help="kg build output directory or RDF file")
    parser.add_argument("output", type=Path, help="PNG to write")
    parser.add_argument("--focus", help="select this entity (label or alias) before the shot")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--as-built", action="store_true", help="shoot GRAPH/graph.html as the build wrote it")
    parser.add_argument("--full-page", action="store_true", help="capture the whole scrollable page")
    args = parser.parse_args(argv)
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from html_fixtures import CHROMIUM, CHROMIUM_ARGS  # the one headless Chromium setup
    from playwright.sync_api import sync_playwright

    from kg.commands_html import load_graph
    from kg.readwrite.html import write_html

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        if args.as_built:
            page_path = args.graph / "graph.html"
        else:
            page_path = Path(tmp) / "explorer.html"
            write_html(load_graph(args.graph), page_path, title="policy-slogan-kg · 样例知识图谱 sample graph")
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:"))
                   else r.abort())
        page.goto(page_path.as_uri())
        started = time.perf_counter()
        while not page.evaluate("!!(window.kgExplorer && window.kgExplorer.ready)"):
            page.wait_for_timeout(50)
        print(f"{page_path.name} ready in {time.perf_counter() - started:.1f} s "
              f"({page_path.stat().st_size / 1e6:.1f} MB)")
        if args.focus:
            page.fill("#kg-search", args.focus)
            page.press("#kg-search", "Enter")
            page.mouse.move(5, args.height - 5)
            page.wait_for_timeout(600)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.output), full_page=args.full_page)
        browser.close()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
