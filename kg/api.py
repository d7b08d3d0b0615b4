"""The library API the CLI is a thin layer over (``import kg; kg.build([...])``)."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import networkx as nx

from kg.graph import build_graph
from kg.ingest import IdRegistry, InputProblem, read_inputs, text_article
from kg.model import Article, ArticleResult
from kg.pipeline import extract


@dataclass
class BuildResult:
    """A built knowledge graph plus what could not be read."""

    graph: nx.MultiDiGraph
    results: list[ArticleResult]
    problems: list[InputProblem] = field(default_factory=list)

    def to_rdf(self):
        """The graph as an :class:`rdflib.Dataset` (default graph + one named graph per article)."""
        from kg.readwrite.rdf import to_rdf

        return to_rdf(self.graph)

    def write(self, out_dir: str | Path, *, html: bool = True, html_max_nodes: int | None = None,
              formats: Sequence[str] | None = None) -> dict[str, Path]:
        """Write every export into ``out_dir`` (created if missing); returns {name: path}."""
        return write_outputs(self.graph, out_dir, html=html, html_max_nodes=html_max_nodes, formats=formats)

    def show(self, height: int = 650, max_nodes: int = 2000):
        """The explorer inline in Jupyter: a sandboxed iframe holding the whole offline page."""
        from kg.readwrite.html import notebook_html

        page = notebook_html(self.graph, max_nodes=max_nodes, height=height)
        try:
            from IPython.display import HTML
        except ImportError:  # outside Jupyter: hand back the markup instead of failing
            return page
        import warnings

        with warnings.catch_warnings():
            # IPython suggests IFrame for any <iframe>; ours is a srcdoc iframe, which IFrame cannot make
            warnings.filterwarnings("ignore", message="Consider using IPython.display.IFrame")
            return HTML(page)


def write_outputs(graph: nx.MultiDiGraph, out_dir: str | Path, *, html: bool = True, html_max_nodes: int | None = None,
                  formats: Sequence[str] | None = None) -> dict[str, Path]:
    from kg.readwrite import rdf
    from kg.readwrite.graphml import write_graphml

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {f"graph.{ext}": p for ext, p in rdf.write(graph, out, formats or rdf.FORMATS).items()}
    written["graph.graphml"] = write_graphml(graph, out / "graph.graphml")
    if html:
        from kg.readwrite.html import write_html

        report = write_html(graph, out / "graph.html", max_nodes=html_max_nodes)
        written["graph.html"] = out / "graph.html"
        written["_html_report"] = report  # type: ignore[assignment]
    return written


def _extract_one(article: Article, skip: tuple[str, ...] = ()) -> ArticleResult:
    """Module-level so process pools can pickle it (jieba's own functions do not pickle)."""
    return extract(article, skip=skip)


def extract_all(articles: Sequence[Article], jobs: int = 1, progress: bool = False, engine: str = "local",
                scheduler: str | None = None, skip: Sequence[str] = ()) -> list[ArticleResult]:
    """Extract every article, in parallel processes when ``jobs > 1`` or on Dask; order of results = order of input."""
    if engine == "dask":
        from kg.distributed import extract_with_dask

        return extract_with_dask(articles, scheduler=scheduler, skip=tuple(skip))
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    if progress:
        from tqdm import tqdm
    else:
        def tqdm(it, **_):
            return it
    if jobs <= 1 or len(articles) < 2:
        return [_extract_one(a, tuple(skip)) for a in tqdm(articles, desc="extract", unit="article")]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        work = pool.map(_extract_one, articles, [tuple(skip)] * len(articles), chunksize=8)
        return list(tqdm(work, total=len(articles), desc="extract", unit="article"))


def build(inputs: Iterable[str | Path | Article], *, jobs: int = 1, progress: bool = False, engine: str = "local",
          scheduler: str | None = None, skip: Sequence[str] = ()) -> BuildResult:
    """Build a graph from texts, ``Article`` objects, or paths (files, folders, JSONL).

    Strings that are existing paths are read as files; any other string is article text.
    """
    unique: list[Article] = []
    problems: list[InputProblem] = []
    paths: list[str | Path] = []
    ids = IdRegistry()
    for item in inputs:
        if isinstance(item, Article):
            got: Article | InputProblem = ids.claim(item)
        elif isinstance(item, Path) or (isinstance(item, str) and _is_path(item)):
            paths.append(item)
            continue
        else:
            got = ids.claim(text_article(str(item)))
        (problems if isinstance(got, InputProblem) else unique).append(got)  # type: ignore[arg-type]
    for got in read_inputs(paths, ids):
        (problems if isinstance(got, InputProblem) else unique).append(got)  # type: ignore[arg-type]
    results = extract_all(unique, jobs=jobs, progress=progress, engine=engine, scheduler=scheduler, skip=skip)
    return BuildResult(build_graph(results), results, problems)


def _is_path(s: str) -> bool:
    """An existing path, or one named like an input file (to report it missing); any other string is text."""
    if len(s) >= 4096 or "\n" in s or "\x00" in s:
        return False
    try:
        if Path(s).exists():
            return True
    except (OSError, ValueError):
        return False
    return s.endswith((".txt", ".jsonl", ".ndjson"))  # not "/": "…两个维护”/" is a sentence
