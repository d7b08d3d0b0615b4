"""SPARQL over a built graph, with pyoxigraph (default, fast) or rdflib (pure Python).

Both engines see the same data: the default graph holds the whole knowledge
graph and, when ``graph.nq``/``graph.trig`` is read, each article is also a
named graph (``GRAPH ?article { ... }``). The build's store, which queries on a build
directory open, leaves out the mention nodes and the named graphs (:mod:`kg.store`); a
query naming them is answered from the build's RDF file instead. Cells are normalised to plain Python
values (``str``, ``int`` for integer literals, ``bool`` for ASK, ``None`` for
unbound) so results compare equal across engines and over HTTP.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

ENGINES = ("oxigraph", "rdflib")
OUTPUT_FORMATS = ("table", "csv", "json")

#: Prefixes added to a query that uses them without declaring them (handy on the command line).
DEFAULT_PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/policy-slogan-kg/ontology#",
    "kgr": "https://w3id.org/policy-slogan-kg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
}
_INTEGER_TYPES = {
    "http://www.w3.org/2001/XMLSchema#" + t
    for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "unsignedInt")
}
_DECLARED = re.compile(r"(?im)^\s*PREFIX\s+([\w\-.]*)\s*:")
#: ``# param NAME: what it is`` lines declare a query's parameters (bound with ``--param NAME=VALUE``);
#: ``# param NAME@zh: ...`` binds the value as a ``"…"@zh`` literal, so the query can match
#: ``rdfs:label ?NAME`` directly (an index lookup) instead of scanning every label with
#: ``FILTER (STR(?label) = ?NAME)``.
_PARAM = re.compile(r"(?m)^#\s*param\s+([A-Za-z_]\w*)(?:@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*))?\s*:")


@dataclass
class QueryResult:
    """Variables and rows of a SELECT (ASK: one ``ask`` column; CONSTRUCT: ``s``, ``p``, ``o``)."""

    variables: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        """Rows as ``{variable: value}`` dicts."""
        return [dict(zip(self.variables, row)) for row in self.rows]


def with_prefixes(sparql: str) -> str:
    """Prepend ``PREFIX`` lines for the well-known prefixes the query uses but does not declare."""
    declared = set(_DECLARED.findall(sparql))
    missing = [p for p in DEFAULT_PREFIXES if p not in declared and re.search(rf"(?<![\w<#/]){re.escape(p)}:", sparql)]
    return "".join(f"PREFIX {p}: <{DEFAULT_PREFIXES[p]}>\n" for p in missing) + sparql


def read_query(text_or_file: str | Path) -> str:
    """The query text: the argument itself, or the content of a ``.rq``/``.sparql`` file it names (a ``Path``
    always names a file: a notebook passes ``repo / "queries" / "x.rq"``)."""
    p = Path(text_or_file)
    if isinstance(text_or_file, Path) or text_or_file.endswith((".rq", ".sparql")) \
            or (len(text_or_file) < 4096 and "\n" not in text_or_file and p.is_file()):
        if not p.is_file():
            raise FileNotFoundError(f"{p}: query file not found")
        return p.read_text(encoding="utf-8")
    return text_or_file


def declared_params(sparql: str) -> list[str]:
    """The parameters a query declares in ``# param NAME: ...`` comment lines."""
    return [name for name, _lang in _PARAM.findall(sparql)]


def param_languages(sparql: str) -> dict[str, str]:
    """The language tag of each parameter declared as ``# param NAME@LANG: ...``."""
    return {name: lang for name, lang in _PARAM.findall(sparql) if lang}


def check_params(sparql: str, params: Mapping[str, str] | None) -> None:
    """Every declared parameter given, and no given one the query does not use (a typo would match nothing)."""
    params = params or {}
    missing = [p for p in declared_params(sparql) if p not in params]
    if missing:
        raise ValueError(f"the query needs --param {' '.join(f'{m}=...' for m in missing)}")
    unknown = [p for p in params if not re.search(rf"[?$]{re.escape(p)}\b", sparql)]
    if unknown:
        raise ValueError(f"the query has no variable ?{', ?'.join(unknown)}")


def _param_term(value: Any, ox_terms: bool, lang: str | None = None) -> Any:
    """``<iri>`` → an IRI, an int → xsd:integer, with ``lang`` a ``"…"@lang`` literal, anything else a
    plain string literal; never query text."""
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
        if ox_terms:
            import pyoxigraph as ox

            return ox.NamedNode(iri)
        import rdflib

        return rdflib.URIRef(iri)
    if lang and not isinstance(value, int):
        if ox_terms:
            import pyoxigraph as ox

            return ox.Literal(str(value), language=lang)
        import rdflib

        return rdflib.Literal(str(value), lang=lang)
    if ox_terms:
        import pyoxigraph as ox

        return ox.Literal(str(value)) if not isinstance(value, int) else ox.Literal(str(value), datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#integer"))
    import rdflib

    return rdflib.Literal(value) if isinstance(value, int) else rdflib.Literal(str(value))


# ------------------------------------------------------------------ loading

def load_oxigraph(source: str | Path, sparql: str | None = None) -> Any:
    """A ``pyoxigraph.Store`` with the built graph at ``source``: the build's on-disk store when
    there is one (opened in milliseconds), else an in-memory store parsed from the richest file.

    With ``sparql``, a query the store cannot answer (mentions, named graphs: :func:`kg.store.store_covers`)
    gets the parsed file even when there is a store."""
    from kg.readwrite.rdf import find_graph_file
    from kg.store import has_store, load_file, open_store, store_covers

    if has_store(source) and (sparql is None or store_covers(sparql) or not _has_graph_file(source)):
        return open_store(source)
    return load_file(find_graph_file(source))


def _has_graph_file(source: str | Path) -> bool:
    from kg.readwrite.rdf import find_graph_file

    try:
        find_graph_file(source)
    except FileNotFoundError:
        return False
    return True


def load_rdflib(source: str | Path) -> Any:
    """An ``rdflib.Dataset`` holding the built graph at ``source`` (dir or file)."""
    import rdflib

    from kg.readwrite.rdf import find_graph_file

    file = find_graph_file(source)
    ds = rdflib.Dataset()
    try:
        ds.parse(file)
    except Exception as exc:  # rdflib raises parser-specific exception types
        raise ValueError(f"{file}: cannot parse RDF ({exc})") from exc
    return ds


def load(source: str | Path, engine: str = "oxigraph", sparql: str | None = None) -> Any:
    """Load ``source`` for ``engine``; the handle can be passed to :func:`run_query` many times.

    ``sparql``: the query the handle is for, when known (see :func:`load_oxigraph`); without it the
    handle is the build's store, which holds no mention nodes and no named graphs."""
    if engine == "oxigraph":
        return load_oxigraph(source, sparql)
    if engine == "rdflib":
        return load_rdflib(source)
    raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")


# ------------------------------------------------------------------ running

def _ox_cell(term: Any) -> Any:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.datatype.value in _INTEGER_TYPES:
            try:
                return int(term.value)
            except ValueError:
                return term.value
        return term.value
    return term.value  # NamedNode / BlankNode


def _rdflib_cell(term: Any) -> Any:
    import rdflib

    if term is None:
        return None
    if isinstance(term, rdflib.Literal):
        if term.datatype is not None and str(term.datatype) in _INTEGER_TYPES:
            try:
                return int(str(term))
            except ValueError:
                return str(term)
        return str(term)
    return str(term)


def run_query(store: Any, sparql: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run ``sparql`` on a handle from :func:`load` (engine inferred from its type).

    ``params`` are BOUND to the query's variables (pyoxigraph substitutions, rdflib initBindings),
    never spliced into its text, so a value cannot change what the query does.
    """
    sparql = with_prefixes(sparql)
    langs = param_languages(sparql)
    import pyoxigraph as ox

    if isinstance(store, ox.Store):
        subs = {ox.Variable(k): _param_term(v, True, langs.get(k)) for k, v in (params or {}).items()}
        try:
            res = store.query(sparql, substitutions=subs or None)
        except SyntaxError as exc:
            raise ValueError(f"invalid SPARQL: {exc}") from exc
        except RuntimeError as exc:  # SEP-0007: a substituted variable must be projected
            raise ValueError(f"{exc}: list each parameter in the SELECT clause (SELECT ?name ...)") from exc
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(["ask"], [(bool(res),)])
        if isinstance(res, ox.QueryTriples):
            return QueryResult(["s", "p", "o"], [tuple(_ox_cell(t) for t in (x.subject, x.predicate, x.object)) for x in res])
        variables = [v.value for v in res.variables]
        return QueryResult(variables, [tuple(_ox_cell(sol[v]) for v in variables) for sol in res])
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(sparql)
    except Exception as exc:  # pyparsing errors and friends; evaluation errors are not caught
        raise ValueError(f"invalid SPARQL: {exc}") from exc
    import rdflib

    res = store.query(prepared, initBindings={rdflib.Variable(k): _param_term(v, False, langs.get(k))
                                                   for k, v in (params or {}).items()})
    if res.type == "ASK":
        return QueryResult(["ask"], [(bool(res.askAnswer),)])
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(["s", "p", "o"], [tuple(_rdflib_cell(t) for t in triple) for triple in res])
    variables = [str(v) for v in res.vars]
    return QueryResult(variables, [tuple(_rdflib_cell(row[v]) for v in variables) for row in res])


def is_endpoint(source: str | Path) -> bool:
    """True when ``source`` is an ``http(s)://`` SPARQL endpoint rather than a local graph."""
    return str(source).startswith(("http://", "https://"))


def query_endpoint(endpoint: str, sparql: str, timeout: float = 60.0) -> QueryResult:
    """Run ``sparql`` on a remote SPARQL 1.1 endpoint (e.g. ``http://host:7878/query``)."""
    import urllib.error
    import urllib.request

    req = urllib.request.Request(
        endpoint,
        data=with_prefixes(sparql).encode("utf-8"),
        method="POST",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            data = json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise ValueError(f"POST {endpoint}: HTTP {exc.code}: {exc.read()[:500].decode('utf-8', 'replace')}") from None
    except urllib.error.URLError as exc:
        raise ValueError(f"POST {endpoint}: {exc.reason}") from None
    if "boolean" in data:
        return QueryResult(["ask"], [(bool(data["boolean"]),)])
    variables = list(data["head"].get("vars", []))

    def cell(b: dict[str, Any] | None) -> Any:
        if b is None:
            return None
        if b.get("type") in ("literal", "typed-literal") and b.get("datatype") in _INTEGER_TYPES:
            try:
                return int(b["value"])
            except ValueError:
                return b["value"]
        return b["value"]

    return QueryResult(variables, [tuple(cell(row.get(v)) for v in variables) for row in data["results"]["bindings"]])


def query(source: str | Path, sparql: str, engine: str = "oxigraph", params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run ``sparql`` (text) on the graph at ``source`` with ``engine``, or on a remote endpoint URL."""
    if is_endpoint(source):
        if params:
            raise ValueError("--param binds values locally; a remote endpoint cannot take them without splicing the query")
        return query_endpoint(str(source), sparql)
    return run_query(load(source, engine, sparql), sparql, params)


# ------------------------------------------------------------------ output

def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render as an aligned ``table`` (CJK-width aware), ``csv`` or ``json`` (list of records)."""
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(result.variables)
        w.writerows([[_cell_text(c) for c in row] for row in result.rows])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    rows = [[_cell_text(c).replace("\n", " ") for c in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in rows]) for i, v in enumerate(result.variables)]

    def line(cells: Sequence[str]) -> str:
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(result.variables), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def sorted_rows(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows in a total order (mixed ``None``/``int``/``str`` cells), for order-insensitive comparison."""
    return sorted(rows, key=lambda r: tuple((c is None, type(c).__name__, str(c)) for c in r))
