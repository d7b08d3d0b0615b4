"""The library API the CLI is a thin layer over (``import kg; kg.build([...])``)."""
from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import networkx as nx

from kg.cache import REWRITE_SHARE, ExtractionCache
from kg.graph import assemble, extend, merged
from kg.graphcache import GraphCache, Kept
from kg.ingest import IdRegistry, InputProblem, read_inputs, text_article
from kg.model import Article, ArticleResult
from extractors.base import Extractor, check_order
from extractors.gcpause import no_gc
from extractors.lexicon import Lexicons
from kg.pipeline import extract
from kg.progress import Progress, as_progress, quiet_jieba


@dataclass
class BuildResult:
    """A built knowledge graph plus what could not be read."""

    graph: nx.MultiDiGraph
    results: list[ArticleResult]
    problems: list[InputProblem] = field(default_factory=list)
    #: the build directory this result was loaded from (:func:`load`), else None
    source: Path | None = None
    _store: Any = field(default=None, init=False, repr=False, compare=False)
    _file_store: Any = field(default=None, init=False, repr=False, compare=False)
    _index: Any = field(default=None, init=False, repr=False, compare=False)
    #: times this build's phases (and its :meth:`write`); see :mod:`kg.progress`
    progress: Progress = field(default_factory=Progress, repr=False, compare=False)
    #: the articles' rendered RDF blocks (:mod:`kg.blockcache`) when built with a cache; ``kg build`` writes with them
    fragments: Any = field(default=None, repr=False, compare=False)

    # -- tables (pandas DataFrames; see kg.tables)
    def entities(self) -> Any:
        """Every entity: IRI, class, label, aliases, subclasses, mention and article counts."""
        from kg.tables import entities

        return entities(self.graph)

    def relations(self, provenance: bool = False) -> Any:
        """Plain triples with labels and evidence counts (``provenance`` adds ``mentionedIn``)."""
        from kg.tables import relations

        return relations(self.graph, provenance=provenance)

    def evidence(self) -> Any:
        """One row per sentence backing a relation, with article, date and offsets."""
        from kg.tables import evidence

        return evidence(self.graph)

    def mentions(self) -> Any:
        """One row per surface form found, with article, date and offsets."""
        from kg.tables import mentions

        return mentions(self.graph)

    def articles(self) -> Any:
        """One row per article, ``date`` as a pandas datetime."""
        from kg.tables import articles

        return articles(self.graph)

    def sparql(self, query: str | Path, **params: Any) -> Any:
        """A SPARQL SELECT (text, or a .rq file's name or ``Path``) as a DataFrame; ``params`` are BOUND to ``?name`` variables."""
        import pandas as pd

        from kg import query as Q

        text = Q.read_query(query)
        Q.check_params(text, params)
        from kg.store import has_store, store_covers

        if self.source is not None and has_store(self.source) and not store_covers(text):
            if self._file_store is None:  # mentions or named graphs: the store holds neither (kg.store)
                self._file_store = Q.load(self.source, sparql=text)
            handle = self._file_store
        else:
            if self._store is None:
                self._store = Q.load(self.source) if self.source is not None else _store_of(self.to_rdf())
            handle = self._store
        res = Q.run_query(handle, text, params)
        return pd.DataFrame(res.rows, columns=res.variables)

    # -- analytics (kg.analytics) as DataFrames
    def _idx(self) -> Any:
        if self._index is None:
            from kg.analytics import index

            self._index = index(self.graph)
        return self._index

    def timeline(self, slogan: str, by: str = "month", fill: bool = True) -> Any:
        """Per period: articles mentioning ``slogan``, share of the period's articles, promoting organizations.
        The first appearance is in ``df.attrs['first']``."""
        import dataclasses

        import pandas as pd

        from kg.analytics import timeline

        tl = timeline(self._idx(), slogan, by=by, fill=fill)
        df = pd.DataFrame(tl.records(), columns=["period", "articles", "total", "share", "organizations"])
        df.attrs.update(term=slogan, matched=tl.matched, undated=tl.undated,
                        first=dataclasses.asdict(tl.first) if tl.first else None)
        return df

    def adopters(self, slogan: str) -> Any:
        """First date each organization / province promotes ``slogan``, lag after the centre."""
        from kg.analytics import Adopter, adopters
        from kg.tables import to_frame

        return to_frame(adopters(self._idx(), slogan), Adopter)

    def cooccurring(self, slogan: str, min_count: int = 2, limit: int = 30) -> Any:
        """Formulations sharing articles with ``slogan``: count, lift, PMI."""
        from kg.analytics import CoOccurrence, cooccurring
        from kg.tables import to_frame

        return to_frame(cooccurring(self._idx(), slogan, min_count=min_count, limit=limit), CoOccurrence)

    def trends(self, start: str, end: str, min_articles: int = 2) -> Any:
        """Formulations born or gone within [start, end]."""
        from kg.analytics import Trend, trends
        from kg.tables import to_frame

        return to_frame(trends(self._idx(), start, end, min_articles=min_articles), Trend)

    def meeting_series(self) -> Any:
        """Every meeting series (中共中央政治局会议, 国务院常务会议 ...): sittings, date range, formulations."""
        from kg.analytics import SeriesSummary, meeting_series
        from kg.tables import to_frame

        return to_frame(meeting_series(self._idx()), SeriesSummary)

    def series(self, series: str | None = None, by: str = "month", top: int | None = None) -> Any:
        """What a series stressed per period: sittings stating each formulation, of the period's sittings."""
        from kg.analytics import SeriesRow, series_formulations
        from kg.tables import to_frame

        return to_frame(series_formulations(self._idx(), series, by=by, top=top), SeriesRow)

    def to_rdf(self):
        """The graph as an :class:`rdflib.Dataset` (default graph + one named graph per article)."""
        from kg.readwrite.rdf import to_rdf

        return to_rdf(self.graph)

    def write(self, out_dir: str | Path, *, html: bool = True, html_max_nodes: int | None = None,
              formats: str | Sequence[str] | None = None, gzip: bool = False, jobs: int = 1) -> dict[str, Path]:
        """Write the exports into ``out_dir`` (created if missing); returns {name: path}.

        ``formats``: names from :data:`ALL_FORMATS`, ``"all"``, or ``None`` for :data:`DEFAULT_FORMATS`;
        ``jobs > 1`` writes the store in a second process meanwhile (same files).
        """
        return write_outputs(self.graph, out_dir, html=html, html_max_nodes=html_max_nodes, formats=formats, gzip=gzip,
                             progress=self.progress, jobs=jobs)

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


def _store_of(dataset: Any) -> Any:
    """A pyoxigraph store holding an rdflib dataset (for :meth:`BuildResult.sparql` on a fresh build)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(dataset.serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return store


class LoadedBuild(BuildResult):
    """A build reopened from disk, read a part at a time as it is asked for.

    Why: parsing the whole graph of the full 新闻联播 build into networkx takes 30–60 s and gigabytes,
    while what a notebook asks first is usually an analytics table or a SPARQL query. So the graph is
    parsed on the first use of :attr:`graph` (tables, explorer, ``to_rdf``); the analytics read the
    build's ``graph.analytics.json.gz`` (the same :class:`kg.analytics.Index` the graph gives, in a
    second) and SPARQL its store, when the build wrote them; the entity, relation and article
    tables read the store's skeleton (the nodes and edges without mentions and evidence), so only
    :meth:`evidence`, :meth:`mentions` and ``relations(provenance=True)`` parse the graph.
    """

    _skeleton: nx.MultiDiGraph | None

    def __init__(self, source: Path) -> None:
        # no dataclass __init__: ``graph`` stays unset until __getattr__ parses it
        self.results, self.problems, self.source = [], [], source
        self._store = self._file_store = self._index = self._skeleton = None
        self.progress = Progress()

    def __getattr__(self, name: str) -> Any:
        if name != "graph":
            raise AttributeError(name)
        from kg.readwrite.rdf import read

        self.graph = read(self._path())
        return self.graph

    def _path(self) -> Path:
        assert self.source is not None  # set by __init__; typed Optional on the base class only
        return self.source

    def __repr__(self) -> str:
        loaded = "graph parsed" if "graph" in self.__dict__ else "graph not parsed yet"
        return f"LoadedBuild(source={str(self.source)!r}, {loaded})"

    def _tables_graph(self) -> nx.MultiDiGraph:
        """The parsed graph once it is parsed, else the store's skeleton (kg.readwrite.store_skeleton)."""
        if "graph" in self.__dict__:
            return self.graph
        if self._skeleton is None:
            from kg.store import has_store, open_store

            if not has_store(self._path()):
                return self.graph
            from kg.readwrite.store_skeleton import read_skeleton

            self._skeleton = read_skeleton(open_store(self._path()))
        return self._skeleton

    def entities(self) -> Any:
        from kg.tables import entities

        return entities(self._tables_graph())

    def relations(self, provenance: bool = False) -> Any:
        from kg.tables import relations

        return relations(self.graph if provenance else self._tables_graph(), provenance=provenance)

    def articles(self) -> Any:
        from kg.tables import articles

        return articles(self._tables_graph())

    def _idx(self) -> Any:
        if self._index is None and "graph" not in self.__dict__:
            from kg.readwrite.analytics_index import NAME, read_index

            if (self._path() / NAME).is_file():
                self._index = read_index(self._path() / NAME)
        return super()._idx()


def load(build_dir: str | Path) -> BuildResult:
    """Reopen a ``kg build`` directory (or RDF file) without re-extracting: graph, tables, SPARQL, analytics.

    Nothing is parsed yet (see :class:`LoadedBuild`); a path that holds no graph fails here, naming it."""
    from kg.readwrite.rdf import find_graph_file
    from kg.store import has_store

    path = Path(build_dir)
    if not has_store(path):
        find_graph_file(path)  # FileNotFoundError naming the path when there is nothing to read
    return LoadedBuild(path)


#: Everything a build can write; ``ttl``…``rdf`` are the RDF files ``graph.<ext>``.
ALL_FORMATS: tuple[str, ...] = ("ttl", "nt", "nq", "trig", "jsonld", "rdf", "graphml", "gexf", "html", "store", "index")
#: Written unless asked otherwise. Chosen for size on a corpus: Turtle is the smallest RDF text
#: (and what the scorer reads), the store answers queries without re-parsing, the explorer is
#: capped; the analytics index (``graph.analytics.json.gz``, ~1% of Turtle) lets ``kg timeline`` and the
#: other analytics start in a second instead of re-reading the graph; N-Triples/N-Quads are 3×
#: Turtle, RDF/XML and JSON-LD 1.5×, GraphML 0.6× (on request).
DEFAULT_FORMATS: tuple[str, ...] = ("ttl", "html", "store", "index")
#: The explorer keeps this many best-ranked nodes unless told otherwise, so the page opens in
#: seconds whatever the size of the corpus (the RDF files and the store keep everything).
DEFAULT_HTML_MAX_NODES = 2000


def parse_formats(spec: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"ttl,nq"`` / ``["ttl", "nq"]`` / ``"all"`` / ``None`` (the defaults) → checked format names."""
    if spec is None:
        return DEFAULT_FORMATS
    items = [f.strip().lower() for f in (spec.split(",") if isinstance(spec, str) else spec) if f.strip()]
    if "all" in items:
        return ALL_FORMATS
    if "default" in items:
        items = [*DEFAULT_FORMATS, *(f for f in items if f != "default")]
    unknown = sorted(set(items) - set(ALL_FORMATS))
    if unknown or not items:
        raise ValueError(f"unknown output format(s) {unknown or spec!r}; choose from {', '.join(ALL_FORMATS)}, all, default")
    return tuple(f for f in ALL_FORMATS if f in items)


class Written(dict[str, Path]):
    """{file name: path} of one build's outputs; ``html_report`` says what graph.html left out (or None)."""

    html_report: Any = None


def write_outputs(graph: nx.MultiDiGraph, out_dir: str | Path, **options: Any) -> Written:
    """Write the build into ``out_dir`` as one whole: staged, then swapped in (:mod:`kg.builddir`).

    ``options`` as for :func:`_write_outputs_into` (``jobs``, ``progress``, ``formats``…). Raises :class:`kg.builddir.OutputError` when the
    folder cannot be written; the previous build stays as it was.
    """
    from kg.builddir import transaction

    final = Path(out_dir)
    with transaction(final) as stage, no_gc():  # the writers make acyclic strings and tuples by the million
        written = _write_outputs_into(graph, stage, **options)
    out = Written({k: final / v.relative_to(stage) for k, v in written.items()})
    out.html_report = written.html_report
    return out


def _write_outputs_into(graph: nx.MultiDiGraph, out_dir: str | Path, *, html: bool = True, html_max_nodes: int | None = None,
                        formats: str | Sequence[str] | None = None, gzip: bool = False,
                        progress: Progress | None = None, jobs: int = 1, fragments: Any = None) -> Written:
    """Write the chosen ``formats`` (default :data:`DEFAULT_FORMATS`) into ``out_dir``; returns {name: path}.

    ``gzip`` compresses the RDF text files (``graph.ttl.gz``, …; deterministic: no name or
    time in the header). ``html=False`` drops the explorer whatever ``formats`` says.
    ``progress`` times each step: ``rdf`` (graph → sorted triples), each file (``graph.ttl``…), ``store``, ``html``.
    The store is loaded in a background thread (:mod:`kg.background`: Oxigraph's loader releases the
    GIL); with ``jobs > 1`` while the RDF files and the explorer are written; with one job after the
    RDF files and before the explorer, so that the loader, the writers and the explorer never share
    memory (the peak of a corpus build).
    The files are the same bytes either way.
    ``fragments``: the :class:`kg.blockcache.BlockCache` of the build that made ``graph`` (its articles'
    provenance blocks are read from it or stored in it; same bytes).
    """
    from kg import store
    from kg.background import Background
    from kg.readwrite import rdf
    from kg.readwrite.rdf_blocks import graph_blocks, store_blocks

    prog = progress or Progress()
    chosen = parse_formats(formats)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rdf_formats = [f for f in chosen if f in rdf.FORMATS]
    written = Written()
    loader: Background | None = None

    def wait_for_store() -> None:
        nonlocal loader
        if loader is None:
            return
        with prog.phase("store wait"):
            (path, delta), seconds = loader.join()
        loader = None
        prog.add("store", seconds)  # the load itself, in the background
        stored(path, delta)

    def stored(path: Path, delta: Any) -> None:
        if delta is not None:
            prog.count("store delta subjects", delta.subjects)
        written[store.STORE_NAME] = path

    cap = DEFAULT_HTML_MAX_NODES if html_max_nodes is None else html_max_nodes
    want_html, want_index = html and "html" in chosen, "index" in chosen
    # with jobs > 1 a forked child writes the explorer and the index (they only read the graph) while this
    # process converts and writes the RDF; forked before the store's loader thread starts (never fork beside it)
    side = _SideWriter(graph, out, want_html, cap, want_index) if jobs > 1 and (want_html or want_index) \
        and _can_fork() else None
    try:
        if rdf_formats or "store" in chosen:
            with prog.phase("rdf"):  # the named graphs only for the formats that write them
                blocks = graph_blocks(graph, named=bool({"nq", "trig"} & set(rdf_formats)), fragments=fragments,
                                      turtle="ttl" in rdf_formats)
            if fragments is not None:
                prog.count("block hits", fragments.hits)

            kept = fragments.root if fragments is not None else None  # the previous store is kept beside the blocks

            def start_store(triples: Any) -> Background:  # not graph.nq's bytes: the store holds less (store_blocks)
                return Background(lambda cancelled: store.write_kept(store_blocks(triples), out, kept, cancelled),
                                  name="kg-store")

            forks = _rdf_files_fork(blocks, rdf_formats)
            # one job: the store after the files, so the loader's memory never adds to the writers'
            # (overlapped, the full 新闻联播 build peaked at 2.10 GB instead of 1.8)
            overlap = jobs > 1 and not forks  # never fork while the loader thread runs
            if "store" in chosen and overlap:
                loader = start_store(blocks)
            files = _write_rdf_files(blocks, out, rdf_formats, gzip, prog)
            written.update({p.name: p for p in files.values()})
            if "store" in chosen and not overlap and jobs <= 1:
                # one job: loaded here, not in a thread, with the rest of the blocks let go first. A thread's
                # allocations come from a malloc arena of its own, which reuses none of the memory this thread
                # freed: the loader's buffers and RocksDB's tables came on top of the blocks' high-water mark
                # (the store phase set the peak of a build filling a cache: +106 MB at 5,000 新闻联播 items)
                indexed = store_blocks(blocks)
                del blocks
                with prog.phase("store"):
                    stored(*store.write_kept(indexed, out, kept))
                del indexed
            else:
                if "store" in chosen and not overlap:
                    loader = start_store(blocks)
                del blocks
                if jobs <= 1:
                    wait_for_store()
        if "store" not in chosen:
            store.remove_store(out)  # a store from an earlier build would answer queries with old data
        if side is not None:
            with prog.phase("html wait"):
                report, seconds = side.join()
            side = None
            for name, secs in seconds.items():
                prog.add(name, secs)  # the child's own time, overlapped with this process's
                file = "graph.html" if name == "html" else name
                written[file] = out / file
            written.html_report = report
        else:
            if want_html:
                with prog.phase("html"):
                    written.html_report = _write_html(graph, out, cap)
                written["graph.html"] = out / "graph.html"
            if want_index:
                from kg.readwrite.analytics_index import NAME

                with prog.phase(NAME):
                    written[NAME] = _write_index(graph, out)
        if "graphml" in chosen:
            from kg.readwrite.graphml import write_graphml

            with prog.phase("graph.graphml"):
                written["graph.graphml"] = write_graphml(graph, out / "graph.graphml")
        if "gexf" in chosen:  # dynamic, for Gephi's timeline (kg/readwrite/gexf.py)
            from kg.readwrite.gexf import write_gexf

            with prog.phase("graph.gexf"):
                written["graph.gexf"] = write_gexf(graph, out / "graph.gexf")
        wait_for_store()
    finally:
        if loader is not None:
            loader.cancel()
        if side is not None:
            side.cancel()
        if fragments is not None:
            fragments.wait()  # the blocks' base written by a child meanwhile (kg.blockcache)
    return written


def _write_html(graph: nx.MultiDiGraph, out: Path, cap: int) -> Any:
    from kg.readwrite.html import write_html

    return write_html(graph, out / "graph.html", max_nodes=cap if cap > 0 else None)


def _write_index(graph: nx.MultiDiGraph, out: Path) -> Path:
    from kg.analytics import index
    from kg.readwrite.analytics_index import NAME, write_index

    return write_index(index(graph), out / NAME)


def _can_fork() -> bool:
    """fork is available and safe: no other thread runs here (a Dask client's, a caller's) whose locks the child would inherit."""
    import multiprocessing as mp
    import threading

    return "fork" in mp.get_all_start_methods() and threading.active_count() == 1


class _SideWriter:
    """``graph.html`` and the analytics index written by a forked child (``--jobs`` > 1).

    Why: after extraction a build is one Python thread (RDF conversion, Turtle) plus the store's
    loader; the explorer and the index waited for both, with the second core idle during the RDF
    conversion. The child reads the graph copy-on-write (nothing is pickled but its answer) and
    writes files no other step writes, so the output is the same bytes. It sends back the
    explorer's report and its seconds per file, or the exception it met (raised by :meth:`join`).
    """

    def __init__(self, graph: nx.MultiDiGraph, out: Path, html: bool, cap: int, index: bool) -> None:
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        self._receiver, sender = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_side_child, args=(graph, out, html, cap, index, sender), daemon=True,
                                 name="kg-explorer")
        self._proc.start()
        sender.close()

    def join(self) -> tuple[Any, dict[str, float]]:
        """The explorer's report (None without one) and {file name: seconds}; the child's error raised here."""
        try:
            kind, value = self._receiver.recv()
        except EOFError:
            kind, value = "error", RuntimeError(f"the graph.html writer process died (exit code {self._proc.exitcode})")
        finally:
            self._proc.join()
            self._receiver.close()
        if kind == "error":
            raise value
        return value

    def cancel(self) -> None:
        """Stop the child (the build failed elsewhere); what it wrote is in the staging folder, removed with it."""
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()
        self._receiver.close()


def _side_child(graph: nx.MultiDiGraph, out: Path, html: bool, cap: int, index: bool, conn: Any) -> None:
    import time

    from kg.readwrite.analytics_index import NAME
    try:
        seconds: dict[str, float] = {}
        report = None
        with no_gc():  # the child exits when done: nothing it allocates needs collecting
            if html:
                t0 = time.perf_counter()
                report = _write_html(graph, out, cap)
                seconds["html"] = time.perf_counter() - t0
            if index:
                t0 = time.perf_counter()
                _write_index(graph, out)
                seconds[NAME] = time.perf_counter() - t0
        conn.send(("ok", (report, seconds)))
    except BaseException as exc:  # report to the parent, which raises it
        try:
            conn.send(("error", exc))
        except Exception:
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def _rdf_files_fork(blocks: Any, formats: Sequence[str]) -> bool:
    """Whether :func:`_write_rdf_files` forks a child for JSON-LD and RDF/XML (a large graph, other formats besides)."""
    from kg.readwrite import rdf

    return bool({"jsonld", "rdf"} & set(formats) and set(formats) - {"jsonld", "rdf"}
                and blocks.triple_count() >= rdf.PARALLEL_MIN_TRIPLES)


def _write_rdf_files(blocks: Any, out: Path, formats: Sequence[str], gzip: bool, prog: Progress) -> dict[str, Path]:
    """The RDF files, each format timed as its own phase.

    Where the writers would fork a process for JSON-LD and RDF/XML (a large graph and
    other formats besides), they are left to do so and timed together as ``rdf files``.
    """
    from kg.readwrite import rdf
    from kg.atomicfile import atomic_write

    if not formats:
        return {}
    if _rdf_files_fork(blocks, formats):
        with prog.phase("rdf files"):
            return rdf.write_blocks(blocks, out, formats, compress=gzip)
    files: dict[str, Path] = {}
    for ext in formats:  # rdf.FORMATS order: nq copies graph.nt's bytes, trig graph.ttl's
        name = f"{rdf.GRAPH_NAME}.{ext}" + (".gz" if gzip else "")
        with prog.phase(name):
            files[ext] = atomic_write(out / name, rdf.format_chunks(ext, blocks, {} if gzip else files), compress=gzip)
    return files


def _extract_one(article: Article, skip: tuple[str, ...] = (), pipeline: Sequence[Extractor] | None = None,
                 lexicons: Lexicons | None = None) -> ArticleResult:
    """Module-level so process pools can pickle it (jieba's own functions do not pickle)."""
    return extract(article, pipeline=pipeline, skip=skip, lexicons=lexicons)


def extract_all(articles: Sequence[Article], jobs: int = 1, progress: bool | Progress = False, engine: str = "local",
                scheduler: str | None = None, skip: Sequence[str] = (), pipeline: Sequence[Extractor] | None = None,
                lexicons: Lexicons | None = None, cache: ExtractionCache | None = None) -> list[ArticleResult]:
    """Extract every article, in parallel processes when ``jobs > 1`` or on Dask; order of results = order of input.

    ``pipeline`` replaces the default components (``extractors.default_pipeline``); its order is checked.
    ``lexicons`` is the data folder they read (default: the bundled ``extractors/data``); on Dask the
    folder must be readable at the same path on every worker.
    ``progress``: True for a status line on stderr every few seconds, or a :class:`kg.progress.Progress`.
    ``cache`` (:mod:`kg.cache`, made for the same ``skip`` and ``lexicons``) supplies the results of
    articles extracted before; only the others are extracted, and stored in it.
    """
    if pipeline is not None:
        check_order(list(pipeline))
        if engine == "dask":
            raise ValueError("a custom pipeline runs locally (engine='local')")
        if cache is not None:
            raise ValueError("the extraction cache is keyed by the default pipeline: no cache with a custom one")
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    prog = as_progress(progress)
    prog.total = len(articles)
    with quiet_jieba(), prog.phase("extract"):
        with no_gc():  # unpickling makes only acyclic objects, which the collector would rescan ~40% of the time
            cached = [cache.get(a) for a in articles] if cache is not None else [None] * len(articles)
        todo = [a for a, r in zip(articles, cached) if r is None]
        if engine == "dask":
            from kg.distributed import extract_with_dask

            fresh: Iterator[ArticleResult] = iter(extract_with_dask(todo, scheduler=scheduler, skip=tuple(skip),
                                                                    lexicons=lexicons))
        else:
            fresh = _extract_local(todo, jobs, tuple(skip), pipeline, lexicons)
        results = []
        with no_gc():  # extraction makes no reference cycle: the collector's passes only rescanned the lexicons and memos
            for r in cached:
                if r is None:
                    r = next(fresh)
                    if cache is not None:
                        cache.put(r)
                prog.article_done(len(r.article.text))
                results.append(r)
        if cache is not None:
            prog.count("cache hits", cache.hits)
            prog.count("extracted", len(todo))
        return results


def _extract_local(articles: Sequence[Article], jobs: int, skip: tuple[str, ...], pipeline: Sequence[Extractor] | None,
                   lexicons: Lexicons | None) -> Iterator[ArticleResult]:
    """Results in input order, from this process or a pool of ``jobs`` processes, as they come."""
    if jobs <= 1 or len(articles) < 2:
        yield from (_extract_one(a, skip, pipeline, lexicons) for a in articles)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: with one job a build never imports multiprocessing

    n = len(articles)
    with ProcessPoolExecutor(max_workers=jobs, initializer=gc.disable) as pool:  # as in this process (extract_all)
        yield from pool.map(_extract_one, articles, [skip] * n, [pipeline] * n, [lexicons] * n, chunksize=8)


def build(inputs: Iterable[str | Path | Article], *, jobs: int = 1, progress: bool | Progress = False, engine: str = "local",
          scheduler: str | None = None, skip: Sequence[str] = (), pipeline: Sequence[Extractor] | None = None,
          lexicons: Lexicons | str | Path | None = None, cache: str | Path | ExtractionCache | None = None,
          keep_results: bool = True) -> BuildResult:
    """Build a graph from texts, ``Article`` objects, or paths (files, folders, JSONL).

    Strings that are existing paths are read as files; any other string is article text.
    ``progress`` (True or a :class:`kg.progress.Progress`) prints a status line every few seconds
    and times each phase; the same object times :meth:`BuildResult.write`.
    ``lexicons`` is the lexicon set (a ``Lexicons`` or a folder laid out like ``extractors/data``);
    two builds with different ones can run in one process. ``cache``: a folder (or an
    :class:`kg.cache.ExtractionCache`) of per-article results, so a rebuild extracts only new or changed articles.
    ``keep_results=False`` keeps of each article's result only its metadata (no text, entities or relations) once
    the graph holds them: on a corpus that is most of the memory not needed for writing (``kg build`` does this).
    """
    if lexicons is not None and not isinstance(lexicons, Lexicons):
        lexicons = Lexicons(Path(lexicons))
    prog = as_progress(progress)
    unique: list[Article] = []
    problems: list[InputProblem] = []
    with no_gc():  # reading, the cache look-ups, the merge and writing make acyclic data: the collector only rescans it
        for got in prog.timed("read", _read_all(inputs)):
            (problems if isinstance(got, InputProblem) else unique).append(got)  # type: ignore[arg-type]
    if cache is not None and not isinstance(cache, ExtractionCache):
        cache = ExtractionCache.open(cache, skip, lexicons)
    fragments = graph = None
    if isinstance(cache, ExtractionCache) and pipeline is None:  # keyed by the articles' texts: before they go
        from kg.blockcache import BlockCache
        from kg.cache import article_key

        fragments = BlockCache.beside(cache, unique, {a.id: article_key(a) for a in unique})
        if not keep_results:  # the kept merge holds no results: only a build that drops them can use it
            graph = _build_from_kept(unique, fragments, cache, prog, jobs=jobs, engine=engine, scheduler=scheduler,
                                     skip=skip, lexicons=lexicons)
    if graph is not None:
        results = [ArticleResult(replace(a, text="")) for a in unique]
        del unique
    else:
        results = extract_all(unique, jobs=jobs, progress=prog, engine=engine, scheduler=scheduler, skip=skip,
                              pipeline=pipeline, lexicons=lexicons, cache=cache)
        del unique
        with prog.phase("graph"), no_gc():
            merged_all = merged(results)
        if fragments is not None and not keep_results:  # before the graph is made beside it: the pickler's memory
            with prog.phase("graph keep"), no_gc():
                GraphCache.beside(fragments).keep(Kept(dict(fragments.keys), merged_all))
        with prog.phase("graph"), no_gc():
            graph = assemble(merged_all)
            del merged_all
            if not keep_results:
                results = [ArticleResult(replace(r.article, text="")) for r in results]
    out = BuildResult(graph, results, problems)
    out.progress = prog
    out.fragments = fragments
    return out


def _build_from_kept(articles: list[Article], fragments: Any, cache: ExtractionCache, prog: Progress,
                     **options: Any) -> nx.MultiDiGraph | None:
    """The graph from the kept merge (:mod:`kg.graphcache`) and the results of the articles it lacks, when it
    holds only articles of this build, unchanged; else None (the caller merges everything)."""
    with prog.phase("graph cache"), no_gc():
        kept = GraphCache.beside(fragments).load()
    keys = fragments.keys
    if kept is None or any(keys.get(a) != k for a, k in kept.members.items()):
        return None
    new = [a for a in articles if a.id not in kept.members]
    counts, hits, misses = dict(prog.counts), cache.hits, cache.misses
    cache.hits += len(kept.members)  # not extracted: "cache hits" counts them (the summary, the run report)
    prog.count("graph kept", len(kept.members))
    results = extract_all(new, progress=prog, cache=cache, **options)
    with prog.phase("graph"), no_gc():
        merged_all = extend(kept.merged, results)
    if merged_all is None:  # a new article gives an existing node another label: everything is merged again
        prog.counts, cache.hits, cache.misses = counts, hits, misses
        return None
    if len(new) > REWRITE_SHARE * len(articles):  # else the entry stays: the next build merges these in again
        with prog.phase("graph keep"), no_gc():
            GraphCache.beside(fragments).keep(Kept(dict(keys), merged_all))
    with prog.phase("graph"), no_gc():
        return assemble(merged_all)


def _read_all(inputs: Iterable[str | Path | Article]) -> Iterator[Article | InputProblem]:
    """Articles and problems from the mixed inputs of :func:`build`, ids made unique across all of them."""
    paths: list[str | Path] = []
    ids = IdRegistry()
    for item in inputs:
        if isinstance(item, Article):
            yield ids.claim(item)
        elif isinstance(item, Path) or (isinstance(item, str) and _is_path(item)):
            paths.append(item)
        else:
            yield ids.claim(text_article(str(item)))
    yield from read_inputs(paths, ids)


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
