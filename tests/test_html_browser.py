"""The explorer in a real headless Chromium, opened from file:// with every host blocked."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from html_fixtures import CHROMIUM, CHROMIUM_ARGS, XSS_LABEL, XSS_SENTENCE, hostile_graph, synthetic_graph, xuzhou_graph
from kg.iri import entity_iri
from kg.readwrite.html import notebook_html, write_html

LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")

pytestmark = pytest.mark.browser


@dataclass
class Log:
    """What the page did that it should not have."""

    console_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium fonts-noto-cjk)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright python package not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def watch(page: Any) -> Log:
    """Record console errors and dialogs; abort (and record) any request leaving the machine."""
    log = Log()
    page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.console_errors.append(str(e)))

    def on_dialog(dialog: Any) -> None:
        log.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def route(r: Any) -> None:
        if r.request.url.startswith(LOCAL_SCHEMES):
            r.continue_()
        else:
            log.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return log


def wait_ready(target: Any, timeout_ms: int = 60000) -> None:
    """Poll rather than ``wait_for_function``: the page's CSP (rightly) forbids eval."""
    waited = 0
    while not target.evaluate("!!(window.kgExplorer && window.kgExplorer.ready)"):
        assert waited < timeout_ms, "explorer never became ready"
        target.wait_for_timeout(50)
        waited += 50


def open_page(browser: Any, path: Path, width: int = 1280, height: int = 800) -> tuple[Any, Log]:
    page = browser.new_page(viewport={"width": width, "height": height})
    log = watch(page)
    page.goto(path.as_uri())
    wait_ready(page)
    return page, log


def node_id(page: Any, iri: str) -> int:
    return page.evaluate("(iri) => Number(Object.keys(kgExplorer.info).find(k => kgExplorer.info[k].iri === iri))",
                         iri)


def painted_pixels(page: Any) -> int:
    return page.evaluate("""() => {
        const c = document.querySelector('#kg-canvas canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 16) if (d[i] > 0) n++;
        return n;
    }""")


@pytest.fixture(scope="module")
def xuzhou_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "xuzhou.html"
    write_html(xuzhou_graph(), path, title="徐州市总工会")
    return path


def test_loads_offline_and_draws(browser: Any, xuzhou_file: Path) -> None:
    page, log = open_page(browser, xuzhou_file)
    assert page.evaluate("kgExplorer.network.body.nodeIndices.length") == 15
    assert page.evaluate("kgExplorer.network.body.edgeIndices.length") == 30
    assert page.evaluate("kgExplorer.network.physics.physicsEnabled") is False  # stabilised, then stopped
    assert painted_pixels(page) > 500
    assert page.evaluate("document.fonts.check('14px \"Noto Sans CJK SC\"', '五种风气')")
    assert log.console_errors == [] and log.blocked == [] and log.dialogs == []
    page.close()


def test_search_focuses_node_by_alias(browser: Any, xuzhou_file: Path) -> None:
    page, log = open_page(browser, xuzhou_file)
    page.fill("#kg-search", "市总工会")
    assert page.is_visible("#kg-results")
    page.press("#kg-search", "Enter")
    expected = node_id(page, entity_iri("Organization", "徐州市总工会"))
    assert page.evaluate("kgExplorer.selected()") == [expected]
    assert page.evaluate("kgExplorer.highlighted") == expected
    assert page.is_visible("#kg-details")
    assert page.text_content("#kg-details h2.kg-entity") == "徐州市总工会"
    panel = page.text_content("#kg-details")
    assert "市总工会传达学习市委全会精神" in panel  # article title
    assert "要大力弘扬“五种风气”" in panel  # evidence sentence of an edge
    page.fill("#kg-search", "两在两同”建新功")
    page.press("#kg-search", "Enter")
    assert page.evaluate("kgExplorer.selected()") == [node_id(page, entity_iri("PolicySlogan", "两在两同"))]
    assert log.console_errors == [] and log.blocked == []
    page.close()


def test_filters_hide_class_and_relation(browser: Any, xuzhou_file: Path) -> None:
    page, log = open_page(browser, xuzhou_file)
    slogans = page.evaluate("Object.keys(kgExplorer.info).filter(k => kgExplorer.info[k].type === 'PolicySlogan')"
                            ".map(Number)")
    assert len(slogans) == 5
    page.click('input[data-cls="PolicySlogan"]')
    drawn = page.evaluate("kgExplorer.network.body.nodeIndices.map(Number)")
    assert len(drawn) == 10 and not set(slogans) & set(drawn)
    page.click('input[data-cls="PolicySlogan"]')
    assert page.evaluate("kgExplorer.network.body.nodeIndices.length") == 15
    page.click('input[data-rel="mentionedIn"]')
    assert page.evaluate("kgExplorer.network.body.edgeIndices.length") == 14
    assert log.console_errors == []
    page.close()


def pixel_at(page: Any, node: int) -> list[int]:
    """RGB of the canvas at a node's centre (device pixels)."""
    return page.evaluate("""(id) => {
        const net = kgExplorer.network, c = document.querySelector('#kg-canvas canvas');
        const p = net.canvasToDOM(net.getPositions([id])[id]), r = window.devicePixelRatio || 1;
        return Array.from(c.getContext('2d').getImageData(Math.round(p.x * r), Math.round(p.y * r), 1, 1).data)
            .slice(0, 3);
    }""", node)


def test_click_highlights_neighbourhood(browser: Any, xuzhou_file: Path) -> None:
    page, _ = open_page(browser, xuzhou_file)
    target = node_id(page, entity_iri("PolicySlogan", "五种风气"))
    near = node_id(page, entity_iri("Organization", "徐州市总工会"))
    far = node_id(page, entity_iri("Person", "习近平"))
    before = pixel_at(page, far)
    assert before[1] > before[0] + 40  # green triangle
    box = page.locator("#kg-canvas").bounding_box()
    pos = page.evaluate("(id) => kgExplorer.network.canvasToDOM(kgExplorer.network.getPositions([id])[id])", target)
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_timeout(100)
    assert page.evaluate("kgExplorer.highlighted") == target
    assert page.evaluate("(id) => kgExplorer.dimmed(id)", far) is True
    assert page.evaluate("(id) => kgExplorer.dimmed(id)", near) is False
    assert min(pixel_at(page, far)) > 190  # veiled
    assert pixel_at(page, near) == [0x4E, 0x79, 0xA7]  # neighbour drawn again, unveiled
    assert page.text_content("#kg-details h2.kg-entity") == "五种风气"
    page.mouse.click(box["x"] + 5, box["y"] + 5)  # empty canvas clears
    page.wait_for_timeout(100)
    assert page.evaluate("kgExplorer.highlighted") is None
    page.close()


def test_hostile_labels_never_execute(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "evil.html"
    write_html(hostile_graph(), path, title="<img src=x onerror=alert('title')>")
    page, log = open_page(browser, path)
    ids = page.evaluate("kgExplorer.network.body.nodeIndices.map(Number)")
    box = page.locator("#kg-canvas").bounding_box()
    for nid in ids:  # hover (tooltip), click (panel), then focus through search
        pos = page.evaluate("(id) => kgExplorer.network.canvasToDOM(kgExplorer.network.getPositions([id])[id])", nid)
        page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
        page.wait_for_timeout(350)
        page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
        page.wait_for_timeout(100)
        page.evaluate("document.querySelectorAll('#kg-details .kg-edge button').forEach(b => b.click())")
    page.fill("#kg-search", "img")
    page.press("#kg-search", "Enter")
    page.wait_for_timeout(300)
    assert page.text_content("#kg-details h2.kg-entity") == XSS_LABEL
    assert XSS_SENTENCE in page.text_content("#kg-details")
    assert page.evaluate("document.querySelectorAll('img, svg script, iframe, a').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert log.dialogs == [] and log.blocked == []
    page.close()


def test_big_graph_precomputed_and_responsive(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    write_html(synthetic_graph(5000), path)
    page, log = open_page(browser, path)
    assert page.evaluate("kgExplorer.network.body.nodeIndices.length") == 5000
    assert page.evaluate("kgExplorer.readyMs") < 20000
    assert painted_pixels(page) > 500
    hit = page.evaluate("kgExplorer.focusByName('PolicySlogan'.slice(0, 3) + '实体42号')")
    assert hit is not None and page.evaluate("kgExplorer.selected()") == [hit]
    assert log.console_errors == [] and log.blocked == []
    page.close()


def test_notebook_iframe_renders(browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    log = watch(page)
    page.set_content("<!DOCTYPE html><body>" + notebook_html(xuzhou_graph(), height=600) + "</body>")
    frame = page.frames[1]
    wait_ready(frame)
    assert frame.evaluate("kgExplorer.network.body.nodeIndices.length") == 15
    assert log.console_errors == [] and log.blocked == []
    page.close()
