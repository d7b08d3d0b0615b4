"""``kg show``: render a built graph (or the neighbourhood of one entity) as an HTML explorer.

Kept out of ``kg/cli.py`` so the CLI group only registers it (``cli.add_command(show_cmd)``);
RDF loading is delegated to :func:`kg.readwrite.rdf.from_rdf`, imported lazily so this
module imports (and ``kg --help`` works) even where the RDF reader is not installed yet.
"""
from __future__ import annotations

from pathlib import Path

import click
import networkx as nx

#: Files looked for, in order, when GRAPH is a ``kg build`` output directory.
def load_graph(path: Path) -> nx.MultiDiGraph:
    """Read a ``kg build`` output (its store, else its richest RDF file) into the networkx contract graph."""
    from kg.readwrite.rdf import read

    try:
        return read(path)
    except FileNotFoundError as exc:
        raise click.BadParameter(str(exc), param_hint="GRAPH") from None


@click.command("show")
@click.argument("graph_path", metavar="GRAPH", type=click.Path(exists=True, path_type=Path))
@click.option("--focus", metavar="NAME", help="Only this entity (label or alias) and its neighbourhood.")
@click.option("--depth", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Hops around --focus, in either direction.")
@click.option("--through-articles", is_flag=True,
              help="Let --depth walk through Article nodes (links everything in the same article).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to write [default: explorer.html next to GRAPH].")
@click.option("--max-nodes", type=click.IntRange(1), default=None,
              help="Keep only the best-ranked nodes (entities first, then by mentions).")
@click.option("--title", default=None, help="Page title [default: the focus or 'policy-slogan-kg'].")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option("--view", type=click.Choice(["auto", "graph", "corpus"]), default="auto", show_default=True,
              help="corpus: formulations × organizations overview (auto from 1,000 articles on); graph: every node.")
def show_cmd(graph_path: Path, focus: str | None, depth: int, through_articles: bool, output: Path | None,
             max_nodes: int | None, title: str | None, open_browser: bool, view: str) -> None:
    """Write a self-contained, offline HTML explorer for GRAPH (a build directory or an RDF file).

    \b
    Example:  kg show outputs --focus 五种风气 --depth 2 -o page.html
    """
    from kg.readwrite.html import DEFAULT_TITLE, ego_graph, nearest_labels, write_html

    from kg.readwrite.rdf_around import read_ego

    # a focus on a build with a store reads only the neighbourhood (kg.readwrite.rdf_around)
    around = read_ego(graph_path, focus, depth, through_articles) if focus else None
    graph = around if around is not None else load_graph(graph_path)
    if focus:
        try:
            graph = ego_graph(graph, focus, depth, through_articles=through_articles)
        except KeyError:
            near = nearest_labels(graph, focus)
            hint = f"; did you mean: {'、'.join(near)}" if near else ""
            raise click.BadParameter(f"no entity labelled or aliased {focus!r}{hint}", param_hint="--focus") from None
    if output is None:
        output = (graph_path if graph_path.is_dir() else graph_path.parent) / "explorer.html"
    page_title = title or (f"{focus} · policy-slogan-kg" if focus else DEFAULT_TITLE)
    report = write_html(graph, output, max_nodes=max_nodes, title=page_title, view=view)
    click.echo(f"wrote {report.path}: {report.summary()}")
    if open_browser:
        click.launch(str(output))
