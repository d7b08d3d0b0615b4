"""networkx graph contract -> a sorted, format-neutral RDF dataset ("blocks").

Every RDF writer (N-Triples, N-Quads, Turtle, TriG, JSON-LD, RDF/XML) and
:func:`kg.readwrite.rdf.to_rdf` render the same :class:`Blocks`, so the formats
cannot drift apart and the output order is decided in exactly one place.

Why not build rdflib or pyoxigraph term objects here: constructing one
``pyoxigraph.Quad`` costs ~7 µs and an rdflib triple more, i.e. 7+ s for a
1M-triple graph before anything is written. Plain ``str`` tuples cost a
fraction of that and the writers turn them into text directly.

Layout of the dataset (see docs in ``ontology/kg.ttl``):

* the **default graph** holds *everything*: resource descriptions, the plain
  triple ``s p o`` of every edge, one ``kg:Assertion`` node per (edge,
  evidence) and one ``kg:Mention`` node per mention. The evidence of a
  ``kg:mentionedIn`` edge that only restates a mention (rule
  :data:`MENTIONED_IN_RULE`: "the sentence this mention is in") is no
  Assertion: the mention says it with ``kg:inSentence`` and ``kg:sentenceStart``
  (the sentence's offset; its end is that plus the sentence's length), and the
  reader derives the evidence back. Those were 93% of all assertions;
* one **named graph per article** (named by the article IRI) holds the claims
  of that article: the plain triple ``s p o`` of every edge it evidences.
  ``GRAPH ?article { ?s kg:promotes ?o }`` answers "which article says so"
  while ordinary queries (and evidence via ``kg:Assertion``) need no ``GRAPH``
  clause. Provenance nodes live only in the default graph, which keeps
  N-Quads/TriG barely larger than N-Triples/Turtle.

The build's store holds less (:func:`store_blocks`): no mention nodes, no named graphs.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Iterable

import networkx as nx

from extractors.gcpause import no_gc
from kg.dates import normalize_date
from kg.graph import MENTIONED_IN_RULE
from kg.readwrite.rdf_aggregates import AGGREGATE_PROPERTIES, aggregate_pairs
from ontology import vocabulary
from kg.iri import BASE as KGR_BASE
from kg.iri import article_iri

KG_NS = "https://w3id.org/policy-slogan-kg/ontology#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
DCT_NS = "http://purl.org/dc/terms/"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

#: Prefixes used by every writer, in output order.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgr": KGR_BASE,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "skos": SKOS_NS,
    "dcterms": DCT_NS,
    "xsd": XSD_NS,
}
#: Turtle and TriG also name each kind of resource (``place:北京``, ``assertion:00a1…``): most of a
#: corpus graph's bytes are resource IRIs, and a prefixed name is a third of the length.
TTL_PREFIXES: dict[str, str] = {
    **PREFIXES,
    **{kind.lower(): f"{KGR_BASE}{kind}/" for kind in (
        "Article", "Organization", "Meeting", "PolicySlogan", "Person", "Place", "Theory", "Document", "MeetingSeries")},
    "assertion": f"{KGR_BASE}assertion/",
    "mention": f"{KGR_BASE}mention/",
    "sentence": f"{KGR_BASE}sentence/",
}

RDF_TYPE = RDF_NS + "type"
RDFS_LABEL = RDFS_NS + "label"
SKOS_ALT = SKOS_NS + "altLabel"
DCT_ID = DCT_NS + "identifier"
DCT_TITLE = DCT_NS + "title"
DCT_DATE = DCT_NS + "date"
DCT_SOURCE = DCT_NS + "source"
XSD_STRING = XSD_NS + "string"
XSD_INTEGER = XSD_NS + "integer"
XSD_DATE = XSD_NS + "date"

#: Main classes of the contract (``type`` attribute); order = priority when reading back.
CLASSES: tuple[str, ...] = (vocabulary.ARTICLE.name, *vocabulary.ENTITY_CLASS_NAMES, *vocabulary.DERIVED_CLASS_NAMES)
#: Relations of the contract (edge keys).
RELATIONS: tuple[str, ...] = vocabulary.RELATION_NAMES
_DERIVED = frozenset(vocabulary.DERIVED_CLASS_NAMES)

K = {name: KG_NS + name for name in (
    *CLASSES, *RELATIONS, "Assertion", "Mention", "Sentence", "subject", "predicate", "object", "refersTo",
    "inArticle", "evidenceSentence", "inSentence", "sentenceStart", "sentenceText", "startOffset", "endOffset", "surfaceForm", "mentionCount", "rule",
)}

#: Order of predicates inside a subject block: type, names, counts, metadata, relations, provenance.
_PRED_ORDER = [
    RDF_TYPE, RDFS_LABEL, SKOS_ALT, K["mentionCount"], *AGGREGATE_PROPERTIES, DCT_ID, DCT_TITLE, DCT_DATE, DCT_SOURCE,
    *(K[r] for r in RELATIONS),
    K["subject"], K["predicate"], K["object"], K["refersTo"], K["inArticle"],
    K["startOffset"], K["endOffset"], K["inSentence"], K["sentenceStart"], K["evidenceSentence"], K["sentenceText"], K["surfaceForm"], K["rule"],
]
PRED_RANK: dict[str, int] = {p: i for i, p in enumerate(_PRED_ORDER)}

#: An RDF object as data: ``(iri, None)``, ``(text, "@lang")`` or ``(lexical, datatype_iri)``.
Obj = tuple[str, "str | None"]
#: An RDF object in N-Triples syntax (``<iri>``, ``"text"@zh``, ``"5"^^<...#integer>``).
#: Blocks hold objects in this form: it *is* the N-Triples/Turtle output for most
#: terms, and ``str`` keys (cached hashes) make the writers' memo lookups cheap.
Term = str
#: One subject IRI with its (predicate IRI, object term) pairs, grouped by predicate.
Block = tuple[str, list[tuple[str, Term]]]

_NT_ESC = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_NT_UNESC = re.compile(r"\\([\\\"nr])")
_UNESC = {"\\": "\\", '"': '"', "n": "\n", "r": "\r"}

_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass
class Blocks:
    """A sorted RDF dataset: the complete default graph plus per-article named graphs."""

    default: list[Block] = field(default_factory=list)
    named: list[tuple[str, list[Block]]] = field(default_factory=list)
    #: the Turtle text of some default-graph subjects, rendered ahead (:mod:`kg.blockcache`); the Turtle
    #: writer takes each one instead of rendering it and drops it (the same bytes: a block's text is its own)
    ttl: dict[str, str] = field(default_factory=dict)

    def triple_count(self) -> int:
        """Number of triples of the default (= union) graph."""
        return sum(len(pairs) for _, pairs in self.default)

    def quad_count(self) -> int:
        """Number of quads written to N-Quads/TriG (default graph plus named graphs)."""
        return self.triple_count() + sum(len(p) for _, blocks in self.named for _, p in blocks)


def nt_escape(text: str) -> str:
    """Escape for an N-Triples/Turtle/SPARQL string: only ``\\ " LF CR`` need it."""
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        return text.translate(_NT_ESC)
    return text


def nt_term(o: Obj) -> Term:
    """``(value, kind)`` -> N-Triples term (plain ``xsd:string`` literals carry no datatype)."""
    value, kind = o
    if kind is None:
        return f"<{value}>"
    if kind[0] == "@":
        return f'"{nt_escape(value)}"{kind}'
    if kind == XSD_STRING:
        return f'"{nt_escape(value)}"'
    return f'"{nt_escape(value)}"^^<{kind}>'


def parse_term(term: Term) -> Obj:
    """Inverse of :func:`nt_term` for the terms this module writes."""
    if term[0] == "<":
        return term[1:-1], None
    end = term.rindex('"')
    raw, suffix = term[1:end], term[end + 1 :]
    value = _NT_UNESC.sub(lambda m: _UNESC[m.group(1)], raw) if "\\" in raw else raw
    if not suffix:
        return value, XSD_STRING
    if suffix[0] == "@":
        return value, suffix
    return value, suffix[3:-1]


def check_iri(iri: str, where: str) -> str:
    """Refuse strings that would break N-Triples/Turtle/XML instead of writing a corrupt file."""
    if not isinstance(iri, str) or not _SCHEME.match(iri) or _BAD_IRI.search(iri):
        raise ValueError(f"{where}: {iri!r} is not a valid absolute IRI (use kg.iri.entity_iri)")
    return iri


_sha1 = hashlib.sha1


def assertion_iri(s: str, predicate: str, o: str, article: str, start: int, end: int) -> str:
    """Deterministic IRI of the evidence node of one (edge, evidence) pair (no blank nodes)."""
    key = f"{s}\x1f{predicate}\x1f{o}\x1f{article}\x1f{start}\x1f{end}".encode()
    return f"{KGR_BASE}assertion/{_sha1(key).hexdigest()[:24]}"


def sentence_iri(text: str) -> str:
    """IRI of the node holding one distinct evidence sentence (keyed by its text alone, so shared across relations)."""
    return f"{KGR_BASE}sentence/{_sha1(text.encode()).hexdigest()[:24]}"


def mention_iri(node: str, article: str, start: int, end: int) -> str:
    """Deterministic IRI of one mention of ``node``."""
    key = f"{node}\x1f{article}\x1f{start}\x1f{end}".encode()
    return f"{KGR_BASE}mention/{_sha1(key).hexdigest()[:24]}"


def _sort_pairs(pairs: list[tuple[str, Term]]) -> list[tuple[str, Term]]:
    rank = PRED_RANK
    return sorted(set(pairs), key=lambda po: (rank.get(po[0], 999), po[0], po[1]))


def _int(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise ValueError(f"{where}: expected an integer, got {value!r}") from None
    return str(value)


def _node_pairs(iri: str, data: dict[str, Any]) -> list[tuple[str, Obj]]:
    type_ = data.get("type")
    if type_ not in CLASSES:
        raise ValueError(f"node {iri}: attribute 'type' must be one of {', '.join(CLASSES)}, got {type_!r}")
    pairs: list[tuple[str, Obj]] = [(RDF_TYPE, (K[type_], None))]
    for sub in data.get("subtypes", ()) or ():
        pairs.append((RDF_TYPE, (check_iri(KG_NS + sub, f"node {iri} subtype"), None)))
    label = data.get("label") or data.get("article_id") or ""
    if not label:
        raise ValueError(f"node {iri}: empty 'label'")
    pairs.append((RDFS_LABEL, (str(label), "@zh")))
    if data.get("label_en"):
        pairs.append((RDFS_LABEL, (str(data["label_en"]), "@en")))
    for alias in data.get("aliases", ()) or ():
        if alias != label:
            pairs.append((SKOS_ALT, (str(alias), "@zh")))
    pairs.append((K["mentionCount"], (_int(data.get("count", 0), f"node {iri} count"), XSD_INTEGER)))
    if type_ == "Article":
        pairs.append((DCT_ID, (str(data.get("article_id") or label), XSD_STRING)))
        if data.get("title"):
            pairs.append((DCT_TITLE, (str(data["title"]), "@zh")))
        date = normalize_date(data.get("date"))  # a real day as xsd:date, or no date: never a malformed literal
        if date:
            pairs.append((DCT_DATE, (date, XSD_DATE)))
        if data.get("source"):
            pairs.append((DCT_SOURCE, (str(data["source"]), XSD_STRING)))
    return pairs


def _offset(value: Any, where: Any) -> int:
    """``value`` as int; ``where`` (str or tuple) names the place in errors and is formatted only then."""
    if type(value) is int:
        return value
    return int(_int(value, where if isinstance(where, str) else " ".join(map(str, where))))


def graph_blocks(graph: nx.MultiDiGraph, named: bool = True, fragments: Any = None, turtle: bool = True) -> Blocks:
    """Turn the networkx contract (docs/ARCHITECTURE.md) into a sorted RDF dataset.

    Output depends only on node keys and attribute values, never on insertion
    order, so two builds of the same input serialise byte-identically.
    This loop is the export's hot path at 1M triples: constants are bound to
    locals, article IRIs are computed once per article and the GC is paused.
    ``named=False`` leaves :attr:`Blocks.named` empty: only N-Quads, TriG and
    :func:`kg.readwrite.rdf.to_rdf` write the named graphs, and a build of the
    default formats need not hold them.

    Memory (the blocks sit beside the graph at the build's peak): a (predicate, object)
    pair that repeats, such as a mention's type, entity, article, offsets, surface or
    rule, is one shared tuple, not one per mention.

    ``fragments`` (a :class:`kg.blockcache.BlockCache` of the build that made ``graph``; used only
    with ``named=False``): an article's mention, assertion and sentence blocks are taken from it
    when stored there, and stored there when not (the same bytes either way: they are a function
    of the article's result alone). The edges of derived nodes (meeting series) are always computed.
    ``turtle=False`` (no ``graph.ttl`` is written): their Turtle texts are not handed on (:attr:`Blocks.ttl`
    is left empty), as only the Turtle writer reads them.
    """
    with no_gc():
        return _graph_blocks(graph, named, None if named else fragments, turtle)


#: Characters of Turtle text rendered for the block cache's packs that a build keeps for its own graph.ttl
#: (~32 MB: the whole provenance of ~3,500 新闻联播 items); the rest is rendered again by the writer.
KEEP_RENDERED_CHARS = 16_000_000


class _Pairs(dict[tuple[str, Term], tuple[str, Term]]):
    """Interns (predicate, object) pairs: ``pairs(p, o)`` is the one tuple for that pair."""

    def __call__(self, p: str, o: Term) -> tuple[str, Term]:
        key = (p, o)
        return self.setdefault(key, key)


def _graph_blocks(graph: nx.MultiDiGraph, with_named: bool = True, fragments: Any = None,
                  turtle: bool = True) -> Blocks:
    subjects: dict[str, list[tuple[str, Term]]] = {}
    pair = _Pairs()
    # per-article blocks (kg.blockcache): those read from the cache are merged now and skipped below;
    # for the others, the subjects each article makes are noted (in order, once) to be stored
    cached: set[str] = set()
    ttl: dict[str, str] = {}
    fresh: dict[str, dict[str, None]] = {}
    derived: set[str] = set()  # nodes made from the whole graph (kg.series): their edges are never per article
    if fragments is not None:
        intern = pair.setdefault  # pair(p, o) for a pair read back as a tuple, in one C-level map
        base = fragments.base()  # many articles' entries merged already (kept by an earlier build)
        if base is not None:
            in_base, subjects, ttl = base  # adopted: nothing else is in them yet
            cached.update(a for a, k in fragments.keys.items() if k in in_base)
            fragments.hits += len(cached)
            del base, in_base
        for a in fragments.keys:
            if a in cached:
                continue
            entry = fragments.get(a)
            if entry is None:
                fresh[a] = {}
                continue
            cached.add(a)
            for x, pairs, text in entry:
                # one tuple per distinct pair across articles, as when rendered here, interned as each entry is
                # read so that the next one reuses the memory of the copies (at 5,000 items: -40 MB at the peak)
                pairs[:] = list(map(intern, pairs, pairs))
                subjects[x] = pairs  # a sentence quoted in several articles is in each one's entry: the same pairs
                ttl[x] = text
        fragments.keep_base(cached, subjects, ttl)  # when many were read one by one (subjects: only theirs so far)
        derived = {n for n, d in graph.nodes(data=True) if d.get("type") in _DERIVED}
    named: dict[str, dict[str, list[tuple[str, Term]]]] = defaultdict(lambda: defaultdict(list))
    art_terms: dict[Any, tuple[str, Term]] = {}
    int_terms: dict[int, Term] = {}
    str_terms: dict[str, Term] = {}  # rule ids and surfaces repeat
    sentence_terms: dict[str, Term] = {}  # sentence text -> <sentence IRI>; its node is written once

    def art(article: Any) -> tuple[str, Term]:
        t = art_terms.get(article)
        if t is None:
            iri = article_iri(str(article))
            t = art_terms[article] = (iri, f"<{iri}>")
        return t

    def integer(n: int) -> Term:
        t = int_terms.get(n)
        if t is None:
            t = int_terms[n] = f'"{n}"^^<{XSD_INTEGER}>'
        return t

    def string(text: Any) -> Term:
        t = str_terms.get(text)
        if t is None:
            t = str_terms[text] = f'"{nt_escape(str(text))}"'
        return t

    t_mention, t_assertion = f"<{K['Mention']}>", f"<{K['Assertion']}>"
    a_mention, a_assertion = (RDF_TYPE, t_mention), (RDF_TYPE, t_assertion)
    p_refers, p_in, p_start, p_end, p_surface = (
        K["refersTo"], K["inArticle"], K["startOffset"], K["endOffset"], K["surfaceForm"])
    p_subj, p_pred, p_obj = K["subject"], K["predicate"], K["object"]
    p_rule = K["rule"]
    p_in_sentence, p_text, t_sentence = K["inSentence"], K["sentenceText"], f"<{K['Sentence']}>"
    a_sentence = (RDF_TYPE, t_sentence)

    def sentence(text: Any) -> Term:
        """The term of the node of ``text``, described once: a sentence states many relations (at 5,000
        items 51k evidence records quote 21k distinct sentences, and they were most of the bytes)."""
        text = str(text)
        t = sentence_terms.get(text)
        if t is None:
            iri = sentence_iri(text)
            t = sentence_terms[text] = f"<{iri}>"
            subjects[iri] = [a_sentence, (p_text, f'"{nt_escape(text)}"')]
        return t
    p_sentence_start = K["sentenceStart"]
    # (node, article) -> [start, end, pairs of the mention, linked to its sentence yet]
    node_mentions: dict[tuple[str, str], list[list[Any]]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        check_iri(node, "node")
        subjects[node] = [(p, nt_term(o)) for p, o in _node_pairs(node, data)]
        refers = (p_refers, f"<{node}>")
        per_article = node not in derived
        for m in data.get("mentions", ()) or ():
            art_id = str(m["article"])
            if per_article and art_id in cached:
                continue
            where: tuple[str, ...] = ("node", node, "mention")
            start, end = _offset(m["start"], where), _offset(m["end"], where)
            _, art_term = art(m["article"])
            m_iri = mention_iri(node, art_id, start, end)
            if per_article and art_id in fresh:
                fresh[art_id][m_iri] = None
            pairs = subjects[m_iri] = [
                a_mention,
                refers,
                pair(p_in, art_term),
                pair(p_start, integer(start)),
                pair(p_end, integer(end)),
                pair(p_surface, string(m.get("surface", ""))),
            ]
            if m.get("rule"):  # provenance: the extraction rule
                pairs.append(pair(p_rule, string(m["rule"])))
            node_mentions[(node, str(m["article"]))].append([start, end, pairs, False])

    def on_mentions(s: str, article: str, start: int, end: int, text: str) -> bool:
        """Say "the sentence [start, end) of ``article``" on the mentions of ``s`` inside it instead of
        writing an Assertion; False when no mention lies inside (then the Assertion is written)."""
        if end - start != len(text):
            return False
        linked = False
        for entry in node_mentions.get((s, article), ()):
            if not entry[3] and start <= entry[0] and entry[1] <= end:
                entry[3] = linked = True
                entry[2][5:5] = [pair(p_in_sentence, sentence(text)), pair(p_sentence_start, integer(start))]
        return linked

    for s, o, key, data in graph.edges(keys=True, data=True):
        pred = data.get("predicate", key)
        if pred not in RELATIONS:
            raise ValueError(f"edge {s} -> {o}: predicate must be one of {', '.join(RELATIONS)}, got {pred!r}")
        p = K[pred]
        o_term = f"<{o}>"
        plain = (p, o_term)
        subjects[s].append(plain)
        evidence = data.get("evidence", ()) or ()
        if not evidence:
            continue
        where = ("edge", s, pred, o, "evidence")
        if len(evidence) > 1:  # the first of duplicate offsets wins: make "first" independent of input order
            evidence = sorted(evidence, key=lambda e: (str(e["article"]), int(e["start"]), int(e["end"]), str(e.get("sentence", ""))))
        seen: set[tuple[str, int, int]] = set()
        s_term, p_term = f"<{s}>", f"<{p}>"
        per_article = s not in derived and o not in derived
        for ev in evidence:
            article = str(ev["article"])
            if per_article and article in cached:
                continue
            start, end = _offset(ev["start"], where), _offset(ev["end"], where)
            if (article, start, end) in seen:
                continue
            seen.add((article, start, end))
            art_iri, art_term = art(article)
            made = fresh.get(article) if per_article else None
            if pred == "mentionedIn" and ev.get("rule") == MENTIONED_IN_RULE \
                    and on_mentions(s, article, start, end, str(ev.get("sentence", ""))):
                if with_named:
                    named[art_iri][s].append(plain)
                if made is not None:
                    made[sentence(ev.get("sentence", ""))[1:-1]] = None
                continue
            a_iri = assertion_iri(s, pred, o, article, start, end)
            s_ref = sentence(ev.get("sentence", ""))
            if made is not None:
                made[a_iri] = made[s_ref[1:-1]] = None
            pairs = subjects[a_iri] = [
                a_assertion,
                pair(p_subj, s_term),
                pair(p_pred, p_term),
                pair(p_obj, o_term),
                pair(p_in, art_term),
                pair(p_start, integer(start)),
                pair(p_end, integer(end)),
                pair(p_in_sentence, s_ref),
            ]
            if ev.get("rule"):  # provenance: the extraction rule
                pairs.append(pair(p_rule, string(ev["rule"])))
            if with_named:
                named[art_iri][s].append(plain)
    if fresh:
        from kg.readwrite.rdf_formats import TtlRenderer

        render = TtlRenderer().block
        # the texts rendered for the packs are handed to the Turtle writer too (Blocks.ttl: it drops each one as
        # it writes it) up to KEEP_RENDERED_CHARS; past that it renders them again: held for every article of a
        # large clean build they would add ~46 MB per 5,000 items to the build's peak
        budget = KEEP_RENDERED_CHARS if turtle else 0
        for a, made in fresh.items():
            entry = []
            for x in made:
                text = ttl.get(x)
                if text is None:
                    text = render(x, subjects[x])
                    if budget > 0:
                        ttl[x] = text
                        budget -= len(text)
                entry.append((x, subjects[x], text))
            fragments.put(a, entry)
        # the renderer's memo (every distinct object term's Turtle form) and the subjects each article made are
        # not needed any more: freed before the sort below, whose lists would otherwise come on top of them
        del render
        fresh.clear()
    if fragments is not None:
        fragments.flush()
    for done in (node_mentions, pair, str_terms, sentence_terms):  # not needed any more: free them before the sort
        done.clear()
    nodes = graph.nodes
    for s, extra in aggregate_pairs(subjects, nodes).items():  # corpus-wide figures (rdf_aggregates)
        subjects.setdefault(s, []).extend(extra)
    # Assertion and mention pairs are built in PRED_RANK order already; only
    # resource blocks (attributes + edges in arbitrary order) need sorting
    # (popped as they go, so a sorted list never sits beside its unsorted copy).
    blocks = Blocks(ttl=ttl if turtle else {})
    del ttl  # without Turtle an adopted base's texts go now (the base's child, forked already, has its copy)
    blocks.default = [(s, _sort_pairs(subjects.pop(s)) if s in nodes else subjects.pop(s)) for s in sorted(subjects)]
    blocks.named = [
        (g, [(s, named[g][s] if len(named[g][s]) == 1 else _sort_pairs(named[g][s])) for s in sorted(named[g])])
        for g in sorted(named)
    ]
    return blocks


def iter_triples(blocks: Blocks) -> Iterable[tuple[str, str, Obj]]:
    """Triples of the default (= union) graph as data, in output order."""
    for s, pairs in blocks.default:
        for p, o in pairs:
            yield s, p, parse_term(o)


_MENTION_NS = f"{KGR_BASE}mention/"
_SENTENCE_NS = f"{KGR_BASE}sentence/"


def store_blocks(blocks: Blocks) -> Blocks:
    """What the build's store holds (:mod:`kg.store`): the default graph without the ``kg:Mention`` nodes
    and the ``kg:Sentence`` nodes only mentions point to, and no per-article named graphs.

    Why: at 5,000 新闻联播 items the mention nodes were 81% of the triples and 88% of the store on disk
    (RocksDB keeps three index entries of three 17-byte term ids per triple; a mention's IRI, offsets
    and sentence share nothing with its neighbours): 153.6 MB with them, 19.1 MB without. No bundled
    query reads mentions; ``kg:mentionedIn`` stays as the plain triple and every other relation keeps
    its ``kg:Assertion``. The named graphs only repeat the plain triples of the Assertions (and of the
    mentions' ``kg:mentionedIn``), which ``queries/article_statements.rq`` now reads instead. The RDF
    files keep everything; :func:`kg.store.store_covers` sends queries about mentions to them.
    """
    default, in_sentence = blocks.default, K["inSentence"]
    # the blocks are sorted by subject (Blocks), so the mentions (most of a corpus's blocks) and the sentences
    # are two runs found by bisection, and the mentions are skipped without a look at each
    mentions, sentences = _run(default, _MENTION_NS), _run(default, _SENTENCE_NS)
    quoted: set[str] = set()
    for part in (default[:mentions.start], default[mentions.stop:]):
        for _, pairs in part:
            quoted.update(o[1:-1] for p, o in pairs if p == in_sentence)
    kept: list[Block] = []
    pos = 0
    for run in sorted((mentions, sentences), key=lambda r: r.start):
        kept += default[pos:run.start]
        if run is sentences:
            kept += [b for b in default[run] if b[0] in quoted]
        pos = run.stop
    kept += default[pos:]
    return Blocks(default=kept)


def _run(blocks: list[Block], ns: str) -> slice:
    """The blocks whose subject starts with ``ns``, in blocks sorted by subject."""
    after = ns[:-1] + chr(ord(ns[-1]) + 1)  # the first string above every one that starts with ns
    return slice(bisect_left(blocks, ns, key=itemgetter(0)), bisect_left(blocks, after, key=itemgetter(0)))
