"""``kg timeline``, ``kg adopters``, ``kg cooccur`` and ``kg trends``: diffusion analytics on a built graph.

Each reads a ``kg build`` directory (or RDF file) once and prints a table, CSV or
JSON; the work is :mod:`kg.analytics`, this module only parses options and formats.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable

import click

from kg.query import OUTPUT_FORMATS, QueryResult, format_result

_FORMAT = click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)


def _read(load: Callable[[str], Any], graph: str) -> Any:
    """``load(graph)``; a path that cannot be read or parsed is a clean CLI error (exit 1), not a traceback."""
    try:
        return load(graph)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


def _index(graph: str) -> Any:
    """A build directory's analytics index (``graph.analytics.json.gz``, written by ``kg build``), else the graph's."""
    from kg.readwrite.analytics_index import load

    return _read(load, graph)


def _read_graph(graph: str) -> Any:
    """The contract graph of a build directory or RDF file."""
    from kg.readwrite.rdf import read

    return _read(read, graph)


def _beside(graph: str, name: str) -> Path:
    """``name`` inside the build directory ``graph``, or beside the RDF file ``graph``: where an export goes by default."""
    return (Path(graph) if Path(graph).is_dir() else Path(graph).parent) / name


def _table(records: list[dict[str, Any]], columns: list[str]) -> QueryResult:
    return QueryResult(columns, [tuple(r.get(c) for c in columns) for r in records])


@click.command("timeline")
@click.argument("graph", metavar="GRAPH")
@click.argument("slogan")
@click.option("--by", type=click.Choice(["month", "week", "year", "day"]), default="month", show_default=True)
@click.option("--all-periods/--mentioned-only", default=True, show_default=True,
              help="List every period of the corpus (zeros included) or only those mentioning SLOGAN.")
@_FORMAT
def timeline_cmd(graph: str, slogan: str, by: str, all_periods: bool, fmt: str) -> None:
    """SLOGAN over time in GRAPH: its first appearance, then per period the articles mentioning it,
    their share of the period's articles and the organizations promoting it.

    \b
    Example:  kg timeline out/ 新质生产力 --by month
    """
    from kg.analytics import timeline

    tl = timeline(_index(graph), slogan, by=by, fill=all_periods)
    if not tl.matched:
        raise click.ClickException(f"no formulation {slogan!r} in {graph}")
    if fmt == "json":
        click.echo(json.dumps({"term": tl.term, "by": by, "matched": tl.matched, "undated": tl.undated,
                               "first": asdict(tl.first) if tl.first else None, "periods": tl.records()},
                              ensure_ascii=False, indent=1))
        return
    if fmt == "table":
        f = tl.first
        click.echo(f"{slogan}: {len(tl.matched)} formulation(s) folded: {'、'.join(f'“{m}”' for m in tl.matched)}")
        if f:
            click.echo(f"first appearance: {f.date}  article {f.article}  {f.title}")
            click.echo(f"  organization: {f.organization or '-'}")
            click.echo(f"  evidence: {f.evidence}")
        if tl.undated:
            click.echo(f"({tl.undated} undated article(s) not counted)")
    click.echo(format_result(_table(tl.records(), ["period", "articles", "total", "share", "organizations"]), fmt), nl=False)


@click.command("adopters")
@click.argument("graph", metavar="GRAPH")
@click.argument("slogan")
@_FORMAT
def adopters_cmd(graph: str, slogan: str, fmt: str) -> None:
    """Who adopted SLOGAN and when: the first date each organization, then each province, promotes it,
    with the lag in days after its first central-level appearance."""
    from kg.analytics import adopters

    rows = [asdict(a) for a in adopters(_index(graph), slogan)]
    click.echo(format_result(_table(rows, ["kind", "name", "first_date", "lag_days", "place", "central", "article"]), fmt), nl=False)


@click.command("cooccur")
@click.argument("graph", metavar="GRAPH")
@click.argument("slogan")
@click.option("--min-count", type=click.IntRange(1), default=2, show_default=True)
@click.option("--limit", type=click.IntRange(1), default=30, show_default=True)
@_FORMAT
def cooccur_cmd(graph: str, slogan: str, min_count: int, limit: int, fmt: str) -> None:
    """Formulations that travel with SLOGAN: articles in common, lift and PMI."""
    from kg.analytics import cooccurring

    rows = [asdict(c) for c in cooccurring(_index(graph), slogan, min_count=min_count, limit=limit)]
    click.echo(format_result(_table(rows, ["term", "articles", "term_articles", "lift", "pmi"]), fmt), nl=False)


@click.command("trends")
@click.argument("graph", metavar="GRAPH")
@click.option("--from", "start", required=True, help="First day of the window (2023-01-01, 20230101 ...).")
@click.option("--to", "end", required=True, help="Last day of the window.")
@click.option("--min-articles", type=click.IntRange(1), default=2, show_default=True)
@_FORMAT
def trends_cmd(graph: str, start: str, end: str, min_articles: int, fmt: str) -> None:
    """Formulations born (first appearance) or gone (last appearance) inside a window."""
    from kg.analytics import trends
    from kg.dates import parse_date

    for name, value in (("--from", start), ("--to", end)):
        if not parse_date(value).iso:
            raise click.BadParameter(f"{value!r} is not a date", param_hint=name)
    rows = [asdict(t) for t in trends(_index(graph), start, end, min_articles=min_articles)]
    click.echo(format_result(_table(rows, ["status", "term", "first_date", "last_date", "articles", "in_window"]), fmt), nl=False)


@click.command("series")
@click.argument("graph", metavar="GRAPH")
@click.argument("series", required=False)
@click.option("--by", type=click.Choice(["month", "week", "year", "day"]), default="month", show_default=True)
@click.option("--top", type=click.IntRange(1), default=None, help="Only the N formulations stated at most sittings per period.")
@_FORMAT
def series_cmd(graph: str, series: str | None, by: str, top: int | None, fmt: str) -> None:
    """Recurring meetings: without SERIES, every meeting series of GRAPH (sittings, dates); with it, what
    the series stressed per period (the sittings whose report states each formulation).

    \b
    Example:  kg series out/ 中共中央政治局会议 --by month --top 5
    """
    from kg.analytics import match_series, meeting_series, series_formulations

    idx = _index(graph)
    if series is None:
        rows = [asdict(r) for r in meeting_series(idx)]
        click.echo(format_result(_table(rows, ["series", "sittings", "dated", "first_date", "last_date", "formulations"]), fmt), nl=False)
        return
    if not match_series(idx, series):
        raise click.ClickException(f"no meeting series {series!r} in {graph} (kg series {graph} lists them)")
    rows = [asdict(r) for r in series_formulations(idx, series, by=by, top=top)]
    click.echo(format_result(_table(rows, ["series", "period", "term", "sittings", "total_sittings", "share"]), fmt), nl=False)


@click.command("report")
@click.argument("graph", metavar="GRAPH")
@click.option("-o", "--out", "out_file", default="report.html", show_default=True, help="The page to write.")
@click.option("--slogan", default=None, help="The formulation whose adoption curve is drawn [default: the top one].")
@click.option("--by", type=click.Choice(["month", "week", "year"]), default="month", show_default=True)
@click.option("--top", type=click.IntRange(1, 10), default=8, show_default=True, help="Formulations drawn over time.")
def report_cmd(graph: str, out_file: str, slogan: str | None, by: str, top: int) -> None:
    """One offline HTML page: the top formulations over time, the adoption curve of one formulation
    (organizations that have promoted it so far), and the tables behind them (inline SVG, no network).

    \b
    Example:  kg report out/ -o report.html --slogan 新质生产力
    """
    from kg.report import write_report

    write_report(_index(graph), out_file, slogan=slogan, by=by, top=top)
    click.echo(f"wrote {out_file}")


@click.group("export")
def export_cmd() -> None:
    """Export a built graph in other shapes (tables for pandas, R, spreadsheets; dynamic GEXF for Gephi)."""


@export_cmd.command("tables")
@click.argument("graph", metavar="GRAPH")
@click.option("-o", "--out", "out_dir", default=None, help="Folder for the tables [default: GRAPH/tables].")
@click.option("--format", "formats", type=click.Choice(["csv", "parquet"]), multiple=True,
              help="Only these formats (repeatable) [default: both].")
def export_tables_cmd(graph: str, out_dir: str | None, formats: tuple[str, ...]) -> None:
    """Write entities, relations, evidence, mentions and articles as CSV and Parquet."""
    from kg.tables import export_tables

    g = _read_graph(graph)
    target = Path(out_dir) if out_dir else _beside(graph, "tables")
    written = export_tables(g, target, formats or ("csv", "parquet"))
    click.echo(f"wrote {len(written)} files to {target}")


@export_cmd.command("gexf")
@click.argument("graph", metavar="GRAPH")
@click.option("-o", "--out", "out_file", default=None, help="File to write [default: GRAPH/graph.gexf].")
@click.option("--articles/--no-articles", default=False, show_default=True,
              help="Also the Article nodes and their mentionedIn edges (most of a corpus graph).")
def export_gexf_cmd(graph: str, out_file: str | None, articles: bool) -> None:
    """A dynamic GEXF for Gephi: each node and edge from its first to its last article date."""
    from kg.readwrite.gexf import write_gexf

    g = _read_graph(graph)
    target = Path(out_file) if out_file else _beside(graph, "graph.gexf")
    write_gexf(g, target, articles=articles)
    click.echo(f"wrote {target}")
