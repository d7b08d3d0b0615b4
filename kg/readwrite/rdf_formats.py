"""Serialise :class:`~kg.readwrite.rdf_blocks.Blocks` to text, one generator per format.

Hand-written rather than rdflib/pyoxigraph serialisers because (a) rdflib's
Turtle writer needs ~33 s for 1M triples, (b) building pyoxigraph term objects
from Python costs ~7 µs per quad, and (c) writing text straight from sorted
blocks makes byte-identical output trivial. Every output is parsed back by
rdflib in ``tests/test_rdf_export.py`` and compared for isomorphism.

Each generator yields ``str`` chunks (a few thousand subject blocks each), or
``bytes`` where it copies an already written file (N-Quads reuses N-Triples,
TriG reuses Turtle); :func:`kg.atomicfile.atomic_write` writes them to a temp file and
renames it into place.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.readwrite.rdf_blocks import (
    PRED_RANK, PREFIXES, RDF_TYPE, TTL_PREFIXES, XSD_INTEGER, XSD_STRING, Block, Blocks, Term, nt_escape, parse_term,
)

_XML_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_XML_ATTR_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_XML_SPECIAL = re.compile(r'[&<>"\r]')
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def _xml_escape(text: str, table: dict[int, str]) -> str:
    """``str.translate`` with a dict walks every character; most text needs no escaping at all."""
    return text.translate(table) if _XML_SPECIAL.search(text) else text


# a Turtle local name (PN_LOCAL) without escapes, '.' or '%': Han characters and hex hashes are
_PN_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
            "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_TTL_LOCAL = re.compile(f"[{_PN_BASE}_0-9][{_PN_BASE}_0-9\\-\u00B7\u0300-\u036F\u203F-\u2040]*")


class _Compactor:
    """IRI -> ``prefix:local`` when the local part is a plain name, else ``None`` (memoised).

    Turtle/TriG use :data:`TTL_PREFIXES` and Turtle's wider local names (Han characters,
    a leading digit): a third smaller file than full IRIs, for the same triples."""

    def __init__(self, prefixes: dict[str, str] = PREFIXES, local: re.Pattern[str] = _LOCAL) -> None:
        self._cache: dict[str, str | None] = {}
        self._prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))  # the longest namespace wins
        self._local = local
        # all namespaces end in '/' or '#': the longest one an IRI can start with is its text up to its last
        # '/' or '#', so that one is a dict look-up; the scan below decides only when it gives no name
        self._by_ns = {ns: prefix for prefix, ns in reversed(self._prefixes)} \
            if all(ns[-1:] in ("/", "#") for _, ns in self._prefixes) else {}

    def __call__(self, iri: str) -> str | None:
        try:
            return self._cache[iri]
        except KeyError:
            pass
        out = self._cache[iri] = self.uncached(iri)
        return out

    def uncached(self, iri: str) -> str | None:
        """The same answer, not remembered: for subject IRIs, most of which (mentions, assertions)
        occur once; caching them held ~100 bytes per mention for the whole export."""
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self._by_ns.get(iri[:cut])
        if prefix is not None and self._local.fullmatch(iri, cut):
            return f"{prefix}:{iri[cut:]}"
        for prefix, ns in self._prefixes:
            if iri.startswith(ns) and self._local.fullmatch(iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return None


def _ttl_compactor() -> _Compactor:
    return _Compactor(TTL_PREFIXES, _TTL_LOCAL)


def _batched(chunks: Iterable[str], size: int = 2000) -> Iterator[str]:
    buf: list[str] = []
    for c in chunks:
        buf.append(c)
        if len(buf) >= size:
            yield "".join(buf)
            buf.clear()
    if buf:
        yield "".join(buf)


# ----------------------------------------------------------------- line formats
#
# Block objects are already N-Triples terms. The other writers memoise their
# rendering per distinct term: IRIs, offsets and evidence sentences repeat many
# times and a ``str``-keyed dict hit is far cheaper than re-rendering.

def nt_lines(blocks: list[Block], graph_suffix: str) -> Iterator[str]:
    """Each block's N-Triples (N-Quads with a graph in ``graph_suffix``) lines as one string."""
    pred = {p: f"<{p}>" for p in PRED_RANK}
    for s, pairs in blocks:
        head = f"<{s}> "
        out = []
        for p, o in pairs:
            pt = pred.get(p)
            if pt is None:
                pt = pred[p] = f"<{p}>"
            out.append(f"{head}{pt} {o}{graph_suffix}")
        yield "".join(out)


def ntriples(blocks: Blocks) -> Iterator[str]:
    """N-Triples of the default (= complete) graph."""
    return _batched(nt_lines(blocks.default, " .\n"))


def nquads(blocks: Blocks, nt_file: Path | None = None) -> Iterator[str | bytes]:
    """N-Quads: the complete default graph, then each article's named graph.

    The default-graph part is byte-identical to ``graph.nt``; pass ``nt_file``
    to copy it instead of rendering a million lines twice.
    """
    if nt_file is not None:
        yield from _file_chunks(nt_file)
    else:
        yield from _batched(nt_lines(blocks.default, " .\n"))
    for g, gblocks in blocks.named:
        yield from _batched(nt_lines(gblocks, f" <{g}> .\n"))


def _file_chunks(path: Path, skip: int = 0, size: int = 1 << 22) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        fh.seek(skip)
        while chunk := fh.read(size):
            yield chunk


# ----------------------------------------------------------------- Turtle/TriG

class TtlRenderer:
    """Subject blocks as Turtle text (``subject p o ;\n    p o , o .\n\n``), terms and predicates memoised.

    A block's text depends on its own subject and pairs alone (and on :data:`TTL_PREFIXES`), so it
    can be rendered ahead of the file and kept (:mod:`kg.blockcache`) without changing a byte."""

    def __init__(self, compact: _Compactor | None = None) -> None:
        self.compact = compact if compact is not None else _ttl_compactor()
        self._memo: dict[Term, str] = {}
        self._preds: dict[str, str] = {RDF_TYPE: "a"}

    def _term(self, t: Term) -> str:
        compact = self.compact
        if t[0] == "<":
            return compact(t[1:-1]) or t
        if t[-1] != ">":  # plain or language-tagged literal: same syntax as N-Triples
            return t
        value, kind = parse_term(t)
        if kind == XSD_INTEGER:
            return value
        assert kind is not None  # a typed literal: parse_term gives its datatype
        return f'"{nt_escape(value)}"^^{compact(kind) or f"<{kind}>"}'

    def block(self, s: str, pairs: list[tuple[str, Term]]) -> str:
        """The text of one subject block."""
        memo, pred_cache, compact = self._memo, self._preds, self.compact
        out = [compact.uncached(s) or f"<{s}>"]
        last = None
        for p, o in pairs:
            ot = memo.get(o)
            if ot is None:
                ot = memo[o] = self._term(o)
            if p == last:
                out.append(f" , {ot}")
                continue
            pt = pred_cache.get(p)
            if pt is None:
                pt = pred_cache[p] = compact(p) or f"<{p}>"
            out.append(f" {pt} {ot}" if last is None else f" ;\n    {pt} {ot}")
            last = p
        out.append(" .\n\n")
        return "".join(out)


def _ttl_blocks(blocks: list[Block], compact: _Compactor, ready: dict[str, str] | None = None) -> Iterator[str]:
    """Each block's Turtle text; a subject in ``ready`` (:attr:`Blocks.ttl`) is taken from it (and dropped from it)."""
    block = TtlRenderer(compact).block
    if not ready:
        for s, pairs in blocks:
            yield block(s, pairs)
        return
    take = ready.pop
    for s, pairs in blocks:
        text = take(s, None)
        yield block(s, pairs) if text is None else text


def _prefix_lines() -> str:
    return "".join(f"@prefix {k}: <{v}> .\n" for k, v in TTL_PREFIXES.items()) + "\n"


def turtle(blocks: Blocks) -> Iterator[str]:
    """Turtle of the default (= complete) graph: one block per subject, prefixed predicates."""
    yield _prefix_lines()
    yield from _batched(_ttl_blocks(blocks.default, _ttl_compactor(), blocks.ttl))


def trig(blocks: Blocks, ttl_file: Path | None = None) -> Iterator[str | bytes]:
    """TriG: the default graph in ``{ }``, then ``<article> { ... }`` per article.

    The default-graph body is byte-identical to ``graph.ttl`` minus its prefix
    header; pass ``ttl_file`` to copy it.
    """
    compact = _ttl_compactor()
    header = _prefix_lines()
    yield header + "{\n"
    hb = header.encode("utf-8")
    if ttl_file is not None and _starts_with(ttl_file, hb):
        yield from _file_chunks(ttl_file, skip=len(hb))
    else:
        yield from _batched(_ttl_blocks(blocks.default, compact))
    yield "}\n"
    for g, gblocks in blocks.named:
        yield f"\n<{g}> {{\n"
        yield from _batched(_ttl_blocks(gblocks, compact))
        yield "}\n"


def _starts_with(path: Path, prefix: bytes) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(prefix)) == prefix


# ----------------------------------------------------------------- JSON-LD

def jsonld(blocks: Blocks) -> Iterator[str]:
    """Flattened JSON-LD of the default graph: one node object per line, keys as compact IRIs.

    The embedded ``@context`` only declares prefixes; ``ontology/context.jsonld``
    has friendlier term names for consumers that re-compact.
    """
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    compact = _Compactor()
    memo: dict[Term, str] = {}
    keys: dict[str, str] = {}

    def obj(t: Term) -> str:
        value, kind = parse_term(t)
        if kind is None:
            return f'{{"@id":{dumps(value)}}}'
        if kind[0] == "@":
            return f'{{"@value":{dumps(value)},"@language":{dumps(kind[1:])}}}'
        if kind == XSD_STRING:
            return f'{{"@value":{dumps(value)}}}'
        return f'{{"@value":{dumps(value)},"@type":{dumps(compact(kind) or kind)}}}'

    def nodes() -> Iterator[str]:
        sep = ""
        for s, pairs in blocks.default:
            parts = [f'{sep}{{"@id":{dumps(s)}']
            sep = ",\n"
            types = [dumps(compact(o[1:-1]) or o[1:-1]) for p, o in pairs if p == RDF_TYPE]
            if types:
                parts.append(f',"@type":[{",".join(types)}]')
            last = None
            for p, o in pairs:
                if p == RDF_TYPE:
                    continue
                ot = memo.get(o)
                if ot is None:
                    ot = memo[o] = obj(o)
                if p == last:
                    parts.append(f",{ot}")
                    continue
                key = keys.get(p)
                if key is None:
                    key = keys[p] = dumps(compact(p) or p)
                parts.append(f",{key}:[{ot}" if last is None else f"],{key}:[{ot}")
                last = p
            parts.append("]}" if last is not None else "}")
            yield "".join(parts)

    yield '{\n"@context":' + dumps(PREFIXES) + ',\n"@graph":[\n'
    yield from _batched(nodes())
    yield "\n]\n}\n"


# ----------------------------------------------------------------- RDF/XML

def rdfxml(blocks: Blocks) -> Iterator[str]:
    """RDF/XML of the default graph: one ``rdf:Description`` per subject."""
    compact = _Compactor()
    qnames: dict[str, str] = {}

    def obj(t: Term, s: str) -> tuple[str, bool]:
        value, kind = parse_term(t)
        if kind is None:
            return f' rdf:resource="{_xml_escape(value, _XML_ATTR_ESC)}"/>\n', False
        if _XML_BAD.search(value):
            raise ValueError(f"literal of <{s}> holds a control character that XML 1.0 cannot represent: {value[:60]!r}")
        text = _xml_escape(value, _XML_ESC)
        if kind[0] == "@":
            return f' xml:lang="{kind[1:]}">{text}</', True
        if kind == XSD_STRING:
            return f">{text}</", True
        return f' rdf:datatype="{kind}">{text}</', True

    ns = "".join(f'\n    xmlns:{k}="{v}"' for k, v in PREFIXES.items())
    yield f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{ns}>\n'

    lines: dict[str, dict[Term, str]] = {}  # predicate -> object term -> element line

    def line(p: str, o: Term, s: str) -> str:
        q = qnames.get(p)
        if q is None:
            q = compact(p)
            if q is None:
                raise ValueError(f"predicate <{p}> of <{s}> has no XML QName")
            qnames[p] = q
        mid, closes = obj(o, s)
        return f"    <{q}{mid}{q}>\n" if closes else f"    <{q}{mid}"

    def descriptions() -> Iterator[str]:
        for s, pairs in blocks.default:
            out = [f'  <rdf:Description rdf:about="{_xml_escape(s, _XML_ATTR_ESC)}">\n']
            for p, o in pairs:
                by_obj = lines.get(p)
                if by_obj is None:
                    by_obj = lines[p] = {}
                text = by_obj.get(o)
                if text is None:
                    text = by_obj[o] = line(p, o, s)
                out.append(text)
            out.append("  </rdf:Description>\n")
            yield "".join(out)

    yield from _batched(descriptions())
    yield "</rdf:RDF>\n"


#: File extension -> serialiser. ``graph.<ext>`` is written for each.
WRITERS: dict[str, Callable[..., Iterator[str | bytes]]] = {
    "ttl": turtle,
    "nt": ntriples,
    "nq": nquads,
    "trig": trig,
    "jsonld": jsonld,
    "rdf": rdfxml,
}
