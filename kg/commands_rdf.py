"""Click commands ``kg query``, ``kg validate`` and ``kg publish``.

Registered by ``kg.cli`` with ``cli.add_command(query_cmd)`` etc.; kept here so
the RDF tooling can evolve without touching the main CLI module. Errors are
reported as ``click.ClickException`` (exit status 1, message naming the file).
"""
from __future__ import annotations

import sys

import click

from kg.query import ENGINES, OUTPUT_FORMATS


@click.command("query")
@click.argument("graph", metavar="GRAPH")
@click.argument("sparql", metavar='"SPARQL" | FILE.rq')
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
              help="Output format.")
@click.option("--engine", type=click.Choice(ENGINES), default="oxigraph", show_default=True,
              help="SPARQL engine for local graphs.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a string; <iri> for an IRI), e.g. --param slogan=两个确立.")
def query_cmd(graph: str, sparql: str, fmt: str, engine: str, params: tuple[str, ...]) -> None:
    """Run a SPARQL query on GRAPH (a `kg build` directory, an RDF file or an http(s) endpoint).

    Well-known prefixes (kg:, kgr:, rdfs:, skos:, dcterms:, ...) may be used without
    declaring them. Values are bound to variables, never pasted into the query.
    Example: kg query out/ queries/promoters_of_slogan.rq --param slogan=两个确立
    """
    from kg.query import check_params, format_result, query, read_query

    bound: dict[str, str] = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{p!r}: expected NAME=VALUE", param_hint="--param")
        bound[name.strip().lstrip("?$")] = value
    try:
        text = read_query(sparql)
        check_params(text, bound)
        result = query(graph, text, engine=engine, params=bound)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(format_result(result, fmt), nl=False)


@click.command("validate")
@click.argument("graph", metavar="GRAPH")
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False), default=None,
              help="SHACL shapes file (default: ontology/shapes.ttl).")
@click.option("--engine", type=click.Choice(["sparql", "pyshacl"]), default="sparql", show_default=True,
              help="sparql: each shape compiled to SPARQL on pyoxigraph (seconds on big builds); pyshacl: full SHACL.")
@click.option("--details", type=click.IntRange(0), default=10, show_default=True, help="Violations listed per shape.")
def validate_cmd(graph: str, shapes: str | None, engine: str, details: int) -> None:
    """Validate GRAPH against the SHACL shapes: a summary per shape, then details; exit 1 if it does not conform."""
    from kg.validate import SHAPES_PATH, validate_report

    try:
        report = validate_report(graph, shapes or SHAPES_PATH, engine=engine)
    except (OSError, ValueError, NotImplementedError) as exc:
        raise click.ClickException(str(exc)) from exc
    from pathlib import Path

    from kg.store import has_store

    if Path(graph).is_dir() and has_store(graph):  # what load_store reads: the index, not the files
        click.echo(f"{graph}: validated its store, which holds no kg:Mention nodes; "
                   f"`kg validate {Path(graph) / 'graph.ttl'}` checks them too", err=True)
    if report.conforms:
        click.echo(report.text(details), nl=False)
        click.echo(f"{graph}: conforms to {shapes or SHAPES_PATH.name}")
        return
    click.echo(report.text(details) if engine == "sparql" else report.violations[0].message, err=True, nl=False)
    click.echo(f"{graph}: does NOT conform to {shapes or SHAPES_PATH.name}", err=True)
    sys.exit(1)


@click.command("publish")
@click.argument("graph", metavar="GRAPH")
@click.option("--endpoint", required=True,
              help="Graph Store Protocol URL (e.g. http://localhost:7878/store), or the SPARQL Update URL with --update.")
@click.option("--update", is_flag=True, help="Use SPARQL Update INSERT DATA instead of the Graph Store Protocol.")
@click.option("--graph", "target_graph", default=None, metavar="IRI",
              help="Put the default-graph content into this named graph.")
@click.option("--no-article-graphs", is_flag=True, help="Do not send the per-article named graphs.")
@click.option("--batch-size", type=click.IntRange(min=1), default=50_000, show_default=True,
              help="Triples per request.")
@click.option("--replace", is_flag=True, help="Put each graph sent in place of the store's copy (no stale triples).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds to wait for each answer.")
@click.option("--netrc", "netrc_file", type=click.Path(dir_okay=False), default=None,
              help="Read the user and password for the endpoint's host from this netrc file "
                   "(or set KG_PUBLISH_USER/KG_PUBLISH_PASSWORD or KG_PUBLISH_TOKEN).")
def publish_cmd(graph: str, endpoint: str, update: bool, target_graph: str | None, no_article_graphs: bool,
                batch_size: int, replace: bool, timeout: float, netrc_file: str | None) -> None:
    """Publish GRAPH (a `kg build` directory or RDF file) to a SPARQL 1.1 store."""
    from kg.publish import PublishError, endpoint_from, publish

    try:
        shown = endpoint_from(endpoint, env={}).redact(endpoint)
    except PublishError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        report = publish(graph, endpoint, update=update, graph=target_graph, article_graphs=not no_article_graphs,
                         batch_size=batch_size, replace=replace, timeout=timeout, netrc_file=netrc_file)
    except (OSError, ValueError, PublishError) as exc:
        raise click.ClickException(endpoint_from(endpoint).redact(str(exc)) if not isinstance(exc, PublishError)
                                   else str(exc)) from None
    named = sum(1 for g in report.triples if g)
    click.echo(f"published {report.total} triples ({named} named graphs) to {shown} in {report.requests} requests")
