"""The HTML explorer: one self-contained, offline, deterministic page per graph.

Why not ``pyvis.Network.write_html``: its ``in_line`` mode still links Bootstrap from a CDN,
``local`` copies a ``lib/`` folder into the working directory, the heading is inserted
unescaped (twice), titles containing "href" switch to an HTML popup (XSS with article
text), and ``add_edge`` is quadratic. pyvis's node/edge/option data model is kept
(:mod:`._html_payload`, without importing pyvis); this module renders its own template in which

* vis-network (from pyvis's bundled copy), the CSS and the app script are inlined,
  a Content-Security-Policy allows only those exact scripts (by hash) and no host at all;
* graph data travels as JSON in a ``<script type="application/json">`` with ``<``, ``>``,
  ``&``, U+2028/9 escaped, and reaches the DOM only through ``textContent``;
* the same graph always gives byte-identical output (sorted data, fixed seeds, no clock).
"""
from __future__ import annotations

import base64
import hashlib
import html as _html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomicfile import atomic_write

from ._html_payload import build_payload
from ._html_dated import article_dates
from ._html_select import CORPUS_VIEW_ARTICLES, corpus_view, ego_graph, find_nodes, nearest_labels, select_nodes

__all__ = ["HtmlReport", "write_html", "render_html", "ego_graph", "find_nodes", "nearest_labels", "notebook_html"]

#: Entities not drawn in the corpus view that search still finds (label, class, mentions, articles, first, last).
HIDDEN_SEARCHABLE = 4000

DEFAULT_TITLE = "policy-slogan-kg 知识图谱"
VIS_VERSION = "9.1.2"
_KG_DIR = Path(__file__).resolve().parent.parent
_TEMPLATE = _KG_DIR / "templates" / "explorer.html"
_ASSETS = _KG_DIR / "assets"


@dataclass(frozen=True)
class HtmlReport:
    """What was written and what was left out, for the CLI to print and tests to check."""

    path: str | None
    bytes: int
    nodes_total: int
    nodes_shown: int
    edges_total: int
    edges_shown: int
    omitted_nodes: tuple[str, ...]
    evidence_omitted: int
    layout: str
    focus: str | None = None
    view: str = "graph"

    @property
    def nodes_omitted(self) -> int:
        return self.nodes_total - self.nodes_shown

    @property
    def edges_omitted(self) -> int:
        return self.edges_total - self.edges_shown

    def summary(self) -> str:
        """One line for humans, e.g. for ``kg build``/``kg show`` output."""
        text = (f"{self.nodes_shown}/{self.nodes_total} nodes, {self.edges_shown}/{self.edges_total} edges, "
                f"{self.layout} layout, {self.bytes / 1e6:.2f} MB")
        if self.view == "corpus":
            text += (f"; corpus view: top formulations × the organizations promoting them, {self.nodes_omitted} other nodes "
                     "found by search (kg show --focus NAME draws any of them)")
        elif self.nodes_omitted:
            text += f"; left out {self.nodes_omitted} lowest-ranked nodes (raise --max-nodes to show them)"
        if self.evidence_omitted:
            text += f"; {self.evidence_omitted} evidence sentences beyond 5 per edge not embedded"
        return text


def _pyvis_dir() -> Path:
    """pyvis's package folder, found without importing it (its ``__init__`` imports IPython and jinja2: ~0.3 s)."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed: graph.html inlines its copy of vis-network")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def _vis_js() -> str:
    path = _pyvis_dir() / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js"
    return path.read_text(encoding="utf-8")


def json_for_script(data: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``</script>``, ``<!--``, or JS line breaks."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _inline_script(code: str) -> str:
    """Guard an inlined library against ending its own ``<script>`` element."""
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def _csp(scripts: list[str]) -> str:
    """No host at all; only the page's own scripts (by hash) may run, so even injected
    markup could not execute event-handler attributes."""
    return ("default-src 'none'; script-src " + " ".join(_sha256(s) for s in scripts)
            + "; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; "
            "base-uri 'none'; form-action 'none'")


def _hidden_entries(graph: nx.MultiDiGraph, omitted: list[str]) -> list[list[Any]]:
    """Search-only rows for entities the corpus view does not draw, most mentioned first (bounded)."""
    dates = article_dates(graph)
    rows: list[tuple[str, str, int, int, str, str]] = []
    for n in omitted:
        d = graph.nodes[n]
        if d.get("type") == "Article":
            continue
        days = sorted(dates[a] for a in d.get("articles") or () if dates.get(a))
        rows.append((str(d.get("label", "")), str(d.get("type", "")), int(d.get("count", 0) or 0),
                     len(d.get("articles") or ()), days[0] if days else "", days[-1] if days else ""))
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    return [list(r) for r in rows[:HIDDEN_SEARCHABLE]]


def render_html(graph: nx.MultiDiGraph, *, max_nodes: int | None = None, title: str = DEFAULT_TITLE,
                focus: str | None = None, layout: str = "auto", view: str = "auto") -> tuple[str, HtmlReport]:
    """Render the explorer page as a string, with its report (``path`` is ``None``).

    ``focus`` (a node id, label or alias) is selected when the page opens; it defaults to
    ``graph.graph["focus"]`` as set by :func:`ego_graph`. ``layout`` is ``"auto"``
    (the corpus view on a ring, else in-browser physics up to 500 nodes, precomputed above),
    ``"physics"``, ``"precomputed"`` or ``"ring"`` (organizations facing their formulations).
    """
    if layout not in ("auto", "physics", "precomputed", "ring"):
        raise ValueError(f"layout must be auto, physics, precomputed or ring, not {layout!r}")
    if view not in ("auto", "graph", "corpus"):
        raise ValueError(f"view must be auto, graph or corpus, not {view!r}")
    focus_id = focus if focus is not None else graph.graph.get("focus")
    if view == "auto":
        n_articles = sum(1 for _, d in graph.nodes(data=True) if d.get("type") == "Article")
        view = "corpus" if focus_id is None and n_articles >= CORPUS_VIEW_ARTICLES else "graph"
    if view == "corpus":
        kept = corpus_view(graph, max_nodes)
        keep = set(kept)
        omitted = sorted(n for n in graph.nodes if n not in keep)
    else:
        kept, omitted = select_nodes(graph, max_nodes)
    shown = graph.subgraph(kept) if omitted else graph
    if focus_id is not None and focus_id not in shown:
        matches = [n for n in find_nodes(graph, str(focus_id)) if n in shown]
        focus_id = matches[0] if matches else None
    payload = build_payload(shown, graph, title=title, focus=focus_id, layout=layout,
                            omitted=len(omitted), edges_total=graph.number_of_edges(), view=view,
                            hidden=_hidden_entries(graph, omitted) if view == "corpus" else None)
    vis_js = _inline_script(_vis_js())
    app_js = _inline_script((_ASSETS / "explorer.js").read_text(encoding="utf-8"))
    css = (_ASSETS / "explorer.css").read_text(encoding="utf-8").replace("</", "<\\/")
    values = {
        "CSP": _html.escape(_csp([vis_js, app_js]), quote=False),  # holds no '"'; keeps ' legible
        "TITLE": _html.escape(title, quote=True),
        "PYVIS_VERSION": _html.escape(_pyvis_version(), quote=True),
        "VIS_VERSION": VIS_VERSION,
        "CSS": css,
        "DATA": json_for_script(payload.data),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    template = _TEMPLATE.read_text(encoding="utf-8")
    # One pass, so a value can never be re-scanned for placeholders.
    page = re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], template)
    report = HtmlReport(
        path=None, bytes=len(page.encode("utf-8")),
        nodes_total=graph.number_of_nodes(), nodes_shown=shown.number_of_nodes(),
        edges_total=graph.number_of_edges(), edges_shown=shown.number_of_edges(),
        omitted_nodes=tuple(omitted), evidence_omitted=payload.evidence_omitted,
        layout=payload.layout, focus=focus_id, view=view)
    return page, report


def _pyvis_version() -> str:
    """``pyvis.__version__`` (the version of the vis-network copy inlined), read from its distribution's metadata."""
    from importlib import metadata

    try:
        return metadata.version("pyvis")
    except metadata.PackageNotFoundError:
        return "?"


def write_html(graph: nx.MultiDiGraph, path: str | Path, *, max_nodes: int | None = None,
               title: str = DEFAULT_TITLE, focus: str | None = None, layout: str = "auto", view: str = "auto") -> HtmlReport:
    """Write the explorer for ``graph`` to ``path`` (one file, nothing else is created).

    ``max_nodes`` keeps the best-ranked nodes (entities before articles, then by mention
    count and degree); the report lists the ids of the rest.
    """
    page, report = render_html(graph, max_nodes=max_nodes, title=title, focus=focus, layout=layout, view=view)
    target = atomic_write(path, page)
    return HtmlReport(**{**report.__dict__, "path": str(target)})


def notebook_html(graph: nx.MultiDiGraph, *, max_nodes: int | None = 2000, height: int = 650,
                  title: str = DEFAULT_TITLE, focus: str | None = None) -> str:
    """An ``<iframe srcdoc>`` holding the whole page, for ``IPython.display.HTML``.

    An iframe keeps the page's CSP and scripts away from the notebook's DOM (and vice
    versa) and works in classic Notebook, JupyterLab and VS Code without a server or
    a file next to the notebook, so the cell is never blank.
    """
    page, _ = render_html(graph, max_nodes=max_nodes, title=title, focus=focus)
    return (f'<iframe srcdoc="{_html.escape(page, quote=True)}" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
            f'sandbox="allow-scripts" title="{_html.escape(title, quote=True)}"></iframe>')
