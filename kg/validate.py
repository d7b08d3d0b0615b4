"""Validation of an exported graph against ``ontology/shapes.ttl``.

Two engines read the same shapes file:

* ``sparql`` (default): each constraint of the shapes is compiled into one SPARQL
  query that selects its violations, run on an in-memory pyoxigraph store. A
  3,000-article build (millions of triples) validates in seconds, where pySHACL
  walks every focus node in Python and takes many minutes. It understands the
  SHACL subset the shapes use (listed in :data:`SUPPORTED`); a shapes file using
  anything else is refused with the name of the unsupported term, never silently
  half-checked.
* ``pyshacl``: the full SHACL engine, for other shapes files and as a cross-check.

How a constraint is compiled decides the time (a 3,000-article build: 80 s → seconds):
pyoxigraph reads a predicate's triples in one index scan at well under a microsecond a row,
but a lookup per focus node (``OPTIONAL``/``FILTER NOT EXISTS`` per row) costs 10–20 µs
and an ``EXISTS`` filter far more. So each check scans the constrained predicate, keeps the
bad values (a ``FILTER``, or ``MINUS`` the instances of a class), and only then joins the
few survivors with the shape's targets; missing values are the targets ``MINUS`` the
subjects of the predicate; counts are grouped over the predicate's scan.

Validation reads the default graph, which the exporter makes complete (every triple; the
per-article named graphs only repeat some); a dataset whose default graph is empty is read
as the *union* of its named graphs (an article's named graph alone lacks the resource types
its assertions point to).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import rdflib
from rdflib import RDF, Namespace
from rdflib.collection import Collection

from ontology import ONTOLOGY_DIR

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ENGINES = ("sparql", "pyshacl")
SH = Namespace("http://www.w3.org/ns/shacl#")
#: How many violations per shape the report spells out (the summary counts them all).
DETAILS_PER_SHAPE = 10

_SHAPE_KEYS = {SH.targetClass, SH.targetSubjectsOf, SH["class"], SH.nodeKind, SH.property, SH.sparql, SH.message}
_PROPERTY_KEYS = {SH.path, SH.minCount, SH.maxCount, SH.datatype, SH.nodeKind, SH["class"], SH.hasValue, SH["in"],
                  SH.uniqueLang, SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.minInclusive,
                  SH.lessThanOrEquals, SH.minLength, SH["or"], SH.message}
#: The SHACL terms the SPARQL engine compiles (anything else in a shapes file is refused).
SUPPORTED = tuple(sorted(str(k).split("#")[1] for k in _SHAPE_KEYS | _PROPERTY_KEYS))
_IGNORED = {RDF.type, rdflib.RDFS.comment, rdflib.RDFS.label, SH.deactivated, SH.name, SH.description}

# lexical forms that a datatype constraint also checks (pySHACL rejects ill-formed literals)
_LEXICAL = {
    "http://www.w3.org/2001/XMLSchema#date": r"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    "http://www.w3.org/2001/XMLSchema#integer": r"^[+-]?[0-9]+$",
}


@dataclass
class Violation:
    shape: str
    component: str
    focus: str
    path: str
    value: str
    message: str

    def __str__(self) -> str:
        on = f" {self.path}" if self.path else ""
        val = f" → {self.value}" if self.value else ""
        return f"  {self.focus}{on}{val}: {self.message} [{self.component}]"


@dataclass
class Report:
    """Violations grouped by shape; ``text()`` puts the counts per shape before the details."""

    checks: dict[str, int] = field(default_factory=dict)  # shape → focus nodes checked
    violations: list[Violation] = field(default_factory=list)
    engine: str = "sparql"

    @property
    def conforms(self) -> bool:
        return not self.violations

    def text(self, details: int = DETAILS_PER_SHAPE) -> str:
        by_shape: dict[str, list[Violation]] = {}
        for v in self.violations:
            by_shape.setdefault(v.shape, []).append(v)
        lines = [f"Conforms: {self.conforms} ({len(self.violations)} violations, engine {self.engine})",
                 "Summary (shape: violations / focus nodes checked):"]
        for shape in sorted(self.checks):
            lines.append(f"  {shape}: {len(by_shape.get(shape, ()))} / {self.checks[shape]}")
        for shape in sorted(by_shape):
            vs = by_shape[shape]
            lines.append(f"{shape}: {len(vs)} violation(s)")
            lines.extend(str(v) for v in vs[:details])
            if len(vs) > details:
                lines.append(f"  ... and {len(vs) - details} more")
        return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ loading

def load_union(source: str | Path | rdflib.Graph) -> rdflib.Graph:
    """Every triple of ``source`` (a built directory, an RDF file, a Graph or a Dataset) in one rdflib Graph."""
    if isinstance(source, rdflib.Graph):
        union = rdflib.Graph()
        triples = (q[:3] for q in source.quads((None, None, None, None))) if isinstance(source, rdflib.Dataset) else source
        for t in triples:
            union.add(t)
        return union
    from kg.query import load_rdflib

    return load_union(load_rdflib(source))


def _validation_file(source: str | Path) -> Path:
    """For a build directory, the cheapest complete file (the default graph holds every triple)."""
    from kg.readwrite.rdf import find_graph_file

    p = Path(source)
    if p.is_dir():
        for ext in ("nt", "ttl", "nq"):
            if (p / f"graph.{ext}").is_file():
                return p / f"graph.{ext}"
    return find_graph_file(p)


def load_store(source: str | Path | rdflib.Graph) -> Any:
    """A pyoxigraph store holding ``source``; queries run over the union of its graphs."""
    import pyoxigraph as ox

    from kg.store import has_store, load_file, open_store

    if not isinstance(source, rdflib.Graph) and has_store(source):
        return open_store(source)  # the build's on-disk store: nothing to parse
    if isinstance(source, rdflib.Graph):
        store = ox.Store()
        fmt, data = (ox.RdfFormat.N_QUADS, source.serialize(format="nquads")) if isinstance(source, rdflib.Dataset) \
            else (ox.RdfFormat.N_TRIPLES, source.serialize(format="nt"))
        store.bulk_load(data.encode("utf-8") if isinstance(data, str) else data, format=fmt)
        return store
    return load_file(_validation_file(source))


# ------------------------------------------------------------------ compiling shapes to SPARQL

@dataclass
class _Check:
    shape: str
    component: str
    path: str
    message: str
    sparql: str  # selects ?this (and optionally ?value)


def _n3(term: Any) -> str:
    return term.n3()


def _short(term: Any, g: rdflib.Graph) -> str:
    try:
        return g.namespace_manager.normalizeUri(term) if isinstance(term, rdflib.URIRef) else str(term)
    except Exception:  # noqa: BLE001 - a name that cannot be shortened is shown in full
        return str(term)


def _list(g: rdflib.Graph, head: Any) -> list[Any]:
    return list(Collection(g, head))


def _refuse(unknown: Iterable[Any], where: str) -> None:
    bad = sorted(str(u) for u in unknown)
    if bad:
        raise NotImplementedError(f"{where}: the sparql engine does not compile {', '.join(bad)}; use --engine pyshacl")


def _targets(g: Any, shape: Any) -> str:  # Any: rdflib types terms as Node, which sorts but has no __lt__ in its stubs
    parts = [f"{{ ?this a {_n3(c)} }}" for c in sorted(g.objects(shape, SH.targetClass))]
    # one row per subject (a subject of many kg:mentionedIn must not multiply every later join)
    parts += [f"{{ SELECT DISTINCT ?this WHERE {{ ?this {_n3(p)} ?_t }} }}" for p in sorted(g.objects(shape, SH.targetSubjectsOf))]
    return " UNION ".join(parts)


def _value_filter(g: rdflib.Graph, key: Any, obj: Any) -> tuple[str, str] | None:
    """(component, FILTER expression true for a bad ?value) for the per-value constraints that a
    filter decides (sh:class and sh:or are ``MINUS`` patterns, :func:`_bad_values`)."""
    if key == SH.datatype:
        if obj == RDF.langString:
            return "DatatypeConstraintComponent", '(!isLiteral(?value) || lang(?value) = "")'
        lexical = _LEXICAL.get(str(obj))
        extra = f' || !REGEX(STR(?value), "{lexical}")' if lexical else ""
        return "DatatypeConstraintComponent", f"(!isLiteral(?value) || datatype(?value) != {_n3(obj)}{extra})"
    if key == SH.nodeKind:
        kinds = {SH.IRI: "!isIRI(?value)", SH.Literal: "!isLiteral(?value)", SH.BlankNode: "!isBlank(?value)"}
        if obj not in kinds:
            _refuse([obj], "sh:nodeKind")
        return "NodeKindConstraintComponent", kinds[obj]
    if key == SH["in"]:
        return "InConstraintComponent", f"(?value NOT IN ({', '.join(_n3(v) for v in _list(g, obj))}))"
    if key == SH.minInclusive:
        return "MinInclusiveConstraintComponent", f"(!(?value >= {_n3(obj)}))"
    if key == SH.minLength:
        return "MinLengthConstraintComponent", f"(isBlank(?value) || STRLEN(STR(?value)) < {int(obj)})"
    return None


def _bad_values(g: rdflib.Graph, key: Any, obj: Any, p: str) -> tuple[str, str] | None:
    """(component, pattern binding ``?this ?value`` for every bad value of ``p``) for the per-value
    constraints: the predicate's scan filtered, or ``MINUS`` the instances of the required class(es)."""
    if key == SH["class"]:
        return "ClassConstraintComponent", f"{{ ?this {p} ?value }} MINUS {{ ?value a {_n3(obj)} }}"
    if key == SH["or"]:
        classes = []
        for member in _list(g, obj):
            keys = set(g.predicates(member, None))
            _refuse(keys - {SH["class"]}, "sh:or member")
            classes.append(g.value(member, SH["class"]))
        # a value that is an instance of any alternative is removed; what is left matches none
        return "OrConstraintComponent", f"{{ ?this {p} ?value }}" + "".join(f" MINUS {{ ?value a {_n3(c)} }}" for c in classes)
    bad = _value_filter(g, key, obj)
    if bad is None:
        return None
    return bad[0], f"?this {p} ?value FILTER ({bad[1]})"


def _default_message(component: str, key: Any, obj: Any, g: rdflib.Graph) -> str:
    name = component.replace("ConstraintComponent", "")
    if isinstance(obj, rdflib.term.Node) and not isinstance(obj, rdflib.BNode):
        return f"{name} {_short(obj, g)} not satisfied"
    return f"{name} not satisfied"


def _property_checks(g: Any, shape_name: str, target: str, prop: Any) -> list[_Check]:
    keys = set(g.predicates(prop, None)) - _IGNORED
    _refuse(keys - _PROPERTY_KEYS, f"{shape_name} property")
    path = g.value(prop, SH.path)
    if not isinstance(path, rdflib.URIRef):
        raise NotImplementedError(f"{shape_name}: only single-IRI sh:path is compiled; use --engine pyshacl")
    p, pname = _n3(path), _short(path, g)
    message = str(g.value(prop, SH.message) or "")
    checks: list[_Check] = []

    def add(component: str, sparql: str, key: Any = None, obj: Any = None) -> None:
        checks.append(_Check(shape_name, component, pname, message or _default_message(component, key, obj, g), sparql))

    for key in sorted(keys):
        for obj in g.objects(prop, key):
            if key == SH.minCount:
                if int(obj) == 1:  # the targets that are no subject of p
                    sparql = f"SELECT ?this WHERE {{ {target} MINUS {{ ?this {p} ?v }} }}"
                else:
                    sparql = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {p} ?v }} }} "
                              f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(obj)})")
                add("MinCountConstraintComponent", sparql, key, obj)
                if not message:
                    checks[-1].message = f"at least {int(obj)} value(s) of {pname} required"
            elif key == SH.maxCount:
                add("MaxCountConstraintComponent", f"SELECT ?this WHERE {{ {{ SELECT ?this WHERE {{ ?this {p} ?v }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(obj)}) }} {target} }}", key, obj)
                if not message:
                    checks[-1].message = f"at most {int(obj)} value(s) of {pname} allowed"
            elif key == SH.hasValue:
                add("HasValueConstraintComponent", f"SELECT ?this WHERE {{ {target} MINUS {{ ?this {p} {_n3(obj)} }} }}",
                    key, obj)
            elif key == SH.uniqueLang:
                if obj.toPython() is True:
                    add("UniqueLangConstraintComponent", f"SELECT DISTINCT ?this WHERE {{ {{ SELECT ?this WHERE {{ "
                        f'?this {p} ?value FILTER (lang(?value) != "") }} GROUP BY ?this (lang(?value) AS ?lang) '
                        f"HAVING (COUNT(DISTINCT ?value) > 1) }} {target} }}", key, obj)
            elif key == SH.lessThanOrEquals:
                # two scans joined by hashing, then the few bad pairs joined with the targets
                pairs = (f"{{ SELECT ?this ?value WHERE {{ ?this {p} ?value }} }} "
                         f"{{ SELECT ?this ?w WHERE {{ ?this {_n3(obj)} ?w }} }}")
                add("LessThanOrEqualsConstraintComponent", f"SELECT ?this ?value WHERE {{ {{ SELECT ?this ?value WHERE "
                    f"{{ {pairs} FILTER (!(?value <= ?w)) }} }} {target} }}", key, obj)
                if not message:
                    checks[-1].message = f"{pname} must be <= {_short(obj, g)}"
            elif key == SH.qualifiedValueShape:
                inner = set(g.predicates(obj, None)) - _IGNORED
                _refuse(inner - {SH.languageIn}, f"{shape_name} qualifiedValueShape")
                langs = ", ".join(f'"{lang}"' for lang in _list(g, g.value(obj, SH.languageIn)))
                counted = f"OPTIONAL {{ ?this {p} ?v FILTER(lang(?v) IN ({langs})) }}"
                low, high = g.value(prop, SH.qualifiedMinCount), g.value(prop, SH.qualifiedMaxCount)
                bounds = [f"COUNT(DISTINCT ?v) < {int(low)}"] if low is not None else []
                bounds += [f"COUNT(DISTINCT ?v) > {int(high)}"] if high is not None else []
                add("QualifiedValueShapeConstraintComponent",
                    f"SELECT ?this WHERE {{ {target} {counted} }} GROUP BY ?this HAVING ({' || '.join(bounds)})")
            elif key in (SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.message, SH.path):
                continue
            else:
                bad = _bad_values(g, key, obj, p)
                assert bad is not None, key
                component, pattern = bad
                add(component, f"SELECT ?this ?value WHERE {{ {{ SELECT ?this ?value WHERE {{ {pattern} }} }} {target} }}",
                    key, obj)
    return checks


def compile_shapes(shapes: str | Path) -> tuple[list[_Check], dict[str, str]]:
    """The shapes file as SPARQL checks, and each shape's focus-node query (for the summary counts)."""
    g: Any = rdflib.Graph().parse(str(shapes))  # see _targets
    checks: list[_Check] = []
    focus: dict[str, str] = {}
    for shape in sorted(set(g.subjects(RDF.type, SH.NodeShape))):
        name = _short(shape, g)
        keys = set(g.predicates(shape, None)) - _IGNORED
        _refuse(keys - _SHAPE_KEYS, name)
        target = _targets(g, shape)
        if not target:
            continue
        focus[name] = f"SELECT (COUNT(DISTINCT ?this) AS ?n) WHERE {{ {target} }}"
        message = str(g.value(shape, SH.message) or "")
        for cls in g.objects(shape, SH["class"]):
            checks.append(_Check(name, "ClassConstraintComponent", "", message or f"focus node must be a {_short(cls, g)}",
                                 f"SELECT DISTINCT ?this WHERE {{ {{ {target} }} MINUS {{ ?this a {_n3(cls)} }} }}"))
        for kind in g.objects(shape, SH.nodeKind):
            expr = _value_filter(g, SH.nodeKind, kind)
            assert expr is not None
            checks.append(_Check(name, expr[0], "", message or f"focus node must be a {_short(kind, g)}",
                                 f"SELECT DISTINCT ?this WHERE {{ {target} BIND(?this AS ?value) FILTER ({expr[1]}) }}"))
        for prop in sorted(g.objects(shape, SH.property)):
            checks.extend(_property_checks(g, name, f"{{ {target} }}", prop))
        for constraint in g.objects(shape, SH.sparql):
            select = str(g.value(constraint, SH.select)).replace("$this", "?this")
            prefixes = "".join(f"PREFIX {g.value(d, SH.prefix)}: <{g.value(d, SH.namespace)}>\n"
                               for decl in g.objects(constraint, SH.prefixes) for d in g.objects(decl, SH.declare))
            inner = select.split("WHERE", 1)
            # the constraint first, then its targets: the join hashes the targets (one scan)
            # instead of evaluating the constraint once per target
            query = f"{prefixes}{inner[0]}WHERE {{ {inner[1].strip()} {{ {target} }} }}"
            checks.append(_Check(name, "SPARQLConstraintComponent", "", str(g.value(constraint, SH.message) or ""), query))
    return checks, focus


def validate_report(source: str | Path | rdflib.Graph, shapes: str | Path = SHAPES_PATH, engine: str = "sparql") -> Report:
    """Validate ``source``; the :class:`Report` counts violations per shape."""
    if engine == "pyshacl":
        conforms, text = _pyshacl(source, shapes)
        rep = Report(engine="pyshacl")
        if not conforms:
            rep.violations.append(Violation("pyshacl", "", "", "", "", text))
        return rep
    if engine != "sparql":
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    checks, focus = compile_shapes(shapes)
    store = load_store(source)
    # the exporter's default graph holds every triple; read the union only when it is empty
    union = not bool(store.query("ASK { ?s ?p ?o }"))
    rep = Report()
    for name, q in focus.items():
        rep.checks[name] = int(next(iter(store.query(q, use_default_graph_as_union=union)))["n"].value)
    for check in checks:
        seen: set[tuple[str, str]] = set()
        for row in store.query(check.sparql, use_default_graph_as_union=union):
            this = row["this"]
            value = row["value"] if "?value" in check.sparql.split("WHERE", 1)[0] else None
            key = (str(this), str(value) if value is not None else "")
            if key in seen:
                continue
            seen.add(key)
            rep.violations.append(Violation(check.shape, check.component, this.value if this is not None else "",
                                            check.path, str(value) if value is not None else "", check.message))
    rep.violations.sort(key=lambda v: (v.shape, v.component, v.focus, v.path, v.value))
    return rep


def _pyshacl(source: str | Path | rdflib.Graph, shapes: str | Path) -> tuple[bool, str]:
    import pyshacl

    data = load_union(source)
    shapes_graph = rdflib.Graph().parse(shapes)
    conforms, _report_graph, text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=True, allow_warnings=True
    )
    return bool(conforms), str(text)


def validate(source: str | Path | rdflib.Graph, shapes: str | Path = SHAPES_PATH, engine: str = "sparql") -> tuple[bool, str]:
    """Validate ``source``; return ``(conforms, human-readable report)`` (summary first, then details)."""
    rep = validate_report(source, shapes, engine)
    if engine == "pyshacl":
        return rep.conforms, rep.violations[0].message if rep.violations else "Conforms: True\n"
    return rep.conforms, rep.text()
