"""The ``kg`` command: a thin click layer over :mod:`kg.api`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from extractors import default_pipeline
from extractors.lexicon import Lexicons
from kg.api import build as build_graph
from kg.api import parse_formats, write_outputs
from kg.builddir import OutputError
from kg.cache import ExtractionCache
from kg.progress import DEFAULT_EVERY, Progress
from kg.commands_analytics import adopters_cmd, cooccur_cmd, export_cmd, report_cmd, series_cmd, timeline_cmd, trends_cmd
from kg.commands_eval import eval_cmd, explain_cmd
from kg.commands_html import show_cmd
from kg.commands_rdf import publish_cmd, query_cmd, validate_cmd

EPILOG = """\b
Examples:
  kg build samples/ -o outputs/            build every export from a folder of .txt
  kg build news.jsonl -o out/ --jobs 2     JSONL records with id, title, date, text
  kg query out/ queries/promoters_of_slogan.rq --param slogan=五种风气
  kg query out/ "SELECT ?s WHERE { ?s a kg:PolicySlogan }" --format csv
  kg show out/ --focus 五种风气 --depth 2 -o focus.html
  kg validate out/graph.ttl
  kg timeline out/ 新质生产力 --by month   first appearance and share per month
  kg eval --gold gold/ --texts corpus/
"""


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policy-slogan-kg")
def cli() -> None:
    """Turn Chinese party and government news into a knowledge graph of
    organizations, meetings and policy slogans (提法)."""


@cli.command(epilog="Exit status: 0 all inputs built, 2 some inputs skipped or a value dropped (each named on stderr), "
                     "1 nothing built or the output folder could not be written (the previous build is left intact), "
                     "130 interrupted. The folder is replaced as a whole; a second build into it refuses while one runs.")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the outputs (graph.ttl, graph.html, the graph.oxigraph store, … see --formats).")
@click.option("--formats", "formats", default="default", show_default=True, metavar="LIST",
              help="Comma-separated outputs: ttl, nt, nq, trig, jsonld, rdf, graphml, gexf, html, store; "
                   "'all'; 'default' = ttl,html,store,index (the smallest set for a corpus).")
@click.option("--gzip", "gzip", is_flag=True, help="Write the RDF files gzip-compressed (graph.ttl.gz, …).")
@click.option("--jobs", "-j", default=1, show_default=True, help="Worker processes: extraction, then the store written beside the files and the explorer.")
@click.option("--html/--no-html", default=True, show_default=True, help="Write graph.html.")
@click.option("--max-nodes", "--html-max-nodes", "html_max_nodes", type=int, default=None,
              help="Keep only the N best-ranked nodes in graph.html [default: 2000; 0 = all].")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="A one-line status on stderr every --progress-every seconds (terminal or log file).")
@click.option("--progress-every", "progress_every", type=click.FloatRange(min=0), default=DEFAULT_EVERY, show_default=True,
              metavar="SECONDS", help="Seconds between two status lines.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this process (with --jobs) or Dask.")
@click.option("--scheduler", default=None,
              help="With --engine dask: processes, threads, synchronous, or a distributed scheduler address (tcp://host:8786).")
@click.option("--skip", "skip", multiple=True, metavar="COMPONENT",
              help="Leave out a pipeline component, e.g. --skip ner (general-news names; about 3x faster).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="Keep per-article extraction results in DIR: the next build extracts only new or changed articles.")
@click.option("--lexicons", "lexicons_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              metavar="DIR", help="Read word lists and rules from DIR, an edited copy of extractors/data, instead of the "
                                  "bundled set (as kg.build(lexicons=DIR)).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a JSON run report here: every article built, every input skipped and why, counts per class.")
def build(paths: tuple[str, ...], out_dir: Path, formats: str, gzip: bool, jobs: int, html: bool,
          html_max_nodes: int | None, progress: bool, progress_every: float, engine: str, scheduler: str | None,
          skip: tuple[str, ...], cache_dir: Path | None, lexicons_dir: Path | None, report_path: Path | None) -> None:
    """Build the graph from PATHS: .txt files, folders of them, or JSONL files."""
    try:
        default_pipeline(skip)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--skip") from None
    try:
        chosen = parse_formats(formats)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--formats") from None

    lexicons = None if lexicons_dir is None else _lexicon_set(lexicons_dir)
    prog = Progress(sys.stderr if progress else None, every=progress_every)
    cache = None if cache_dir is None else _open_cache(cache_dir, skip, lexicons)
    result = build_graph([Path(p) for p in paths], jobs=jobs, progress=prog, engine=engine, scheduler=scheduler, skip=skip,
                         lexicons=lexicons, cache=cache, keep_results=False)
    for problem in result.problems:
        verb = {"note": "note:", "warning": "warning:"}.get(problem.severity, "skipped")
        click.echo(f"kg build: {verb} {problem}", err=True)
    status = 2 if any(p.severity != "note" for p in result.problems) else 0

    def finish(code: int, error: str = "") -> None:
        if report_path is not None:
            from kg.runreport import run_report, write_report

            try:
                write_report(report_path, run_report(result.results, result.problems, out_dir, code, error,
                                                      timings=prog.report()))
            except OSError as exc:
                click.echo(f"kg build: cannot write the report {report_path}: {exc.strerror or exc}", err=True)
                code = code or 2
        if code:
            sys.exit(code)

    if not result.results:
        click.echo("kg build: no article could be read; nothing written", err=True)
        finish(1, "no article could be read")
        return
    try:
        written = write_outputs(result.graph, out_dir, html=html, html_max_nodes=html_max_nodes, formats=chosen, gzip=gzip,
                                progress=prog, jobs=jobs, fragments=result.fragments)
    except OutputError as exc:
        click.echo(f"kg build: {exc}", err=True)
        finish(1, str(exc))
        return
    except KeyboardInterrupt:
        click.echo(f"kg build: interrupted; {out_dir} is left as it was", err=True)
        sys.exit(130)
    report = written.html_report
    g = result.graph
    n_ent = sum(1 for _, d in g.nodes(data=True) if d["type"] != "Article")
    click.echo(f"{len(result.results)} articles → {n_ent} entities, {g.number_of_edges()} edges → {out_dir}", err=True)
    if report is not None and report.nodes_omitted:
        click.echo(f"graph.html: {report.summary()}", err=True)
    if cache is not None:
        cache.prune()  # results of other code or rule versions can never be used again
        if result.fragments is not None:
            from kg import storecache

            from kg.graphcache import GraphCache

            result.fragments.prune()
            storecache.prune(result.fragments.root)
            GraphCache.beside(result.fragments).prune()
    click.echo(prog.summary(), err=True)
    finish(status)


def _lexicon_set(folder: Path) -> Lexicons:
    """``folder`` as a lexicon set, refused up front (not as a traceback mid-build) when it is not one.

    A lexicon set is a whole folder laid out like ``extractors/data`` (the library's rule: a file
    missing from a kind's folder reads as empty, so rules can be left out; the top-level lexicon
    files are read as such and must be there).
    """
    lex = Lexicons(folder)
    missing = sorted(name for name in _bundled_top_level() if not (folder / name).is_file())
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise click.BadParameter(f"{folder} is not a lexicon set: it lacks {shown}; start from a copy of extractors/data "
                                 f"(see extractors/data/README.md)", param_hint="--lexicons")
    return lex


def _bundled_top_level() -> list[str]:
    from importlib import resources

    data = resources.files("extractors").joinpath("data")
    return [f.name for f in data.iterdir() if f.is_file() and f.name != "README.md"]


def _open_cache(folder: Path, skip: tuple[str, ...], lexicons: Lexicons | None = None) -> ExtractionCache | None:
    """The extraction cache in ``folder``; a folder that cannot be made only means no cache (said on stderr)."""
    try:
        return ExtractionCache.open(folder, skip, lexicons)
    except OSError as exc:
        click.echo(f"kg build: note: no extraction cache ({folder}: {exc.strerror or exc})", err=True)
        return None


for _command in (eval_cmd, explain_cmd, query_cmd, validate_cmd, publish_cmd, show_cmd,
                 timeline_cmd, adopters_cmd, cooccur_cmd, trends_cmd, series_cmd, report_cmd, export_cmd):
    cli.add_command(_command)


def main() -> None:
    """The ``kg`` program (the console script, ``python -m kg.cli``)."""
    try:
        cli()
    finally:
        _leave_to_exit()


def _leave_to_exit() -> None:
    """What is alive at exit is left to the operating system, not to the collector's final passes.

    Why: as the interpreter exits it runs full collections, each a walk over every object still
    tracked: the tokenizer's dictionaries, the extraction memos, the results, the graph. That was
    ~0.3 s CPU of a 1,000-item ``kg build`` (4.5 s) after the last file was written. Frozen objects
    are not walked (``gc.freeze``). Nothing a command writes depends on it: every file is closed and
    renamed into place before ``cli()`` returns, and Python never promised ``__del__`` for objects
    alive at exit; ``atexit`` hooks (``weakref.finalize``, ``multiprocessing``) run as before.
    """
    import gc

    gc.freeze()


if __name__ == "__main__":
    main()
