"""``kg eval``: score the extractors against gold annotations, in-process.

The matching is the reference scorer's (``../shared/tools/score.py`` and
SCHEMA.md §7), re-implemented here so that ``kg eval`` works where ``../shared``
is absent:

* every gold file ``NAME.json`` is scored against ``TEXTS/NAME.txt``, built
  *alone* exactly as ``kg build TEXTS/NAME.txt -o DIR`` would build it;
* the graph is serialised to ``graph.ttl`` and parsed back with rdflib, so the
  names, classes and relations compared are those an analyst (or the scorer)
  reads from the file, not an in-memory shortcut;
* names are compared after Unicode NFKC with whitespace, quote characters and
  book-title marks removed; a prediction of class C matches a gold entity whose
  label or alias equals one of its ``rdfs:label``/``skos:prefLabel``/
  ``skos:altLabel`` and whose ``type`` (or ``also``) is C;
* predictions that match only optional gold items are neutral (neither TP nor FP);
* relations are compared on (property, subject, object) after mapping both ends
  through the entity matching.

Library use::

    from kg.evaluate import evaluate, format_report
    report = evaluate("gold/", "texts/")
    print(format_report(report, verbose=True))
    report.as_dict()["entities"]["micro"]["f1"]
"""
from __future__ import annotations

import json
import re
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ontology import vocabulary

__all__ = ["CLASSES", "RELATIONS", "EvalReport", "Gold", "Miss", "evaluate", "format_report", "norm", "prf",
           "score_article", "score_graph_file", "graph_rules"]

KG_NS = vocabulary.KG_NS
#: Entity classes scored, in report order (the scorer's order).
CLASSES: tuple[str, ...] = vocabulary.ENTITY_CLASS_NAMES
#: Relations scored, in report order.
RELATIONS: tuple[str, ...] = vocabulary.SCORED_RELATION_NAMES

_DROP = re.compile(r"[\s“”‘’\"'「」『』《》〈〉]")
_COUNT_KEYS = ("tp", "fp", "gold", "found")


def norm(name: str) -> str:
    """A name as compared: NFKC, no whitespace, no quote characters or title marks."""
    return _DROP.sub("", unicodedata.normalize("NFKC", str(name)))


# ------------------------------------------------------------------ data


@dataclass(frozen=True)
class Miss:
    """One false positive (``FP``) or missed gold item (``FN``)."""

    article: str
    kind: str            # "FP" or "FN"
    what: str            # class or relation name
    names: tuple[str, ...]
    #: provenance: the rules that made a false positive; for a miss, the rules of what was found
    #: under the same name instead (wrong class, other relation), empty when nothing fired
    rules: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.article} {self.kind} {self.what} {' | '.join(self.names)}"


def _zero() -> dict[str, int]:
    return {"tp": 0, "fp": 0, "gold": 0, "found": 0}


@dataclass
class EvalReport:
    """Counts per class and relation, plus every miss; ``as_dict()`` has the scorer's JSON layout."""

    articles: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(_zero))
    misses: list[Miss] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    duplicates: int = 0
    seconds: float = 0.0

    def figures(self, name: str) -> tuple[float, float, float]:
        """(precision, recall, F1) of one class or relation."""
        return prf(self.counts[name])

    def micro(self, group: str) -> tuple[float, float, float]:
        """Micro-averaged (P, R, F1) over ``"entities"`` or ``"relations"``."""
        names = CLASSES if group == "entities" else RELATIONS
        tot = _zero()
        for n in names:
            for k in _COUNT_KEYS:
                tot[k] += self.counts[n][k]
        return prf(tot)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles, "failures": [list(f) for f in self.failures],
                               "skipped": [list(s) for s in self.skipped], "seconds": round(self.seconds, 2),
                               "entities": {}, "relations": {}}
        for group, names in (("entities", CLASSES), ("relations", RELATIONS)):
            for n in names:
                p, r, f = self.figures(n)
                out[group][n] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                                 **{k: self.counts[n][k] for k in _COUNT_KEYS}}
            p, r, f = self.micro(group)
            out[group]["micro"] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}
        out["duplicates"] = self.duplicates
        out["misses"] = [{"article": m.article, "kind": m.kind, "what": m.what, "names": list(m.names), "rules": list(m.rules)}
                         for m in self.misses]
        return out


def prf(c: dict[str, int]) -> tuple[float, float, float]:
    """Precision over predictions, recall over required gold items, and their harmonic mean."""
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["found"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Gold:
    """One gold file (SCHEMA.md §6) with normalised names."""

    def __init__(self, doc: dict[str, Any]):
        self.entities: dict[str, dict[str, Any]] = {e["id"]: e for e in doc.get("entities", [])}
        self.names = {i: {norm(e["label"])} | {norm(a) for a in e.get("aliases", [])} for i, e in self.entities.items()}
        self.types = {i: {e["type"], *e.get("also", [])} for i, e in self.entities.items()}
        self.relations: list[dict[str, Any]] = list(doc.get("relations", []))

    def ids_named(self, names: set[str]) -> set[str]:
        return {i for i, n in self.names.items() if n & names}


# ------------------------------------------------------------------ reading predictions

Names = dict[Any, set[str]]
Typed = dict[str, set[Any]]
Rels = dict[str, set[tuple[Any, Any]]]
#: rule ids per predicted resource and per (predicate, subject, object), from kg:rule annotations
Rules = dict[Any, set[str]]


def _empty() -> tuple[Names, Typed, Rels]:
    return {}, {c: set() for c in CLASSES}, {r: set() for r in RELATIONS}


def score_graph_file(path: str | Path) -> tuple[Names, Typed, Rels]:
    """Names, typed resources and relations of a serialised graph (any rdflib-readable file)."""
    from rdflib import RDF, RDFS, Graph, URIRef
    from rdflib.namespace import SKOS

    g = Graph()
    g.parse(str(path))
    names: Names = defaultdict(set)
    for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
        for s, o in g.subject_objects(p):
            names[s].add(norm(str(o)))
    typed: Typed = {c: set(g.subjects(RDF.type, URIRef(KG_NS + c))) for c in CLASSES}
    rels: Rels = {r: set(g.subject_objects(URIRef(KG_NS + r))) for r in RELATIONS}
    return names, typed, rels


def graph_rules(path: str | Path) -> Rules:
    """Rule ids of a serialised graph: resource → rules of its mentions; (p, s, o) → rules of its evidence."""
    from rdflib import RDF, Graph, URIRef

    g = Graph()
    g.parse(str(path))
    k = {n: URIRef(KG_NS + n) for n in ("rule", "refersTo", "subject", "predicate", "object", "Assertion")}
    out: Rules = defaultdict(set)
    for node, rule in g.subject_objects(k["rule"]):
        target = g.value(node, k["refersTo"])
        if target is not None:
            out[target].add(str(rule))
        elif (node, RDF.type, k["Assertion"]) in g:
            p = str(g.value(node, k["predicate"]))
            out[(p[len(KG_NS):], g.value(node, k["subject"]), g.value(node, k["object"]))].add(str(rule))
    return out


def _build_one(text_path: Path, workdir: Path) -> tuple[tuple[Names, Typed, Rels] | None, str]:
    """Build one file as ``kg build FILE -o DIR`` does; returns its parsed graph.ttl or the reason it failed."""
    from kg.api import build
    from kg.readwrite import rdf

    try:
        result = build([text_path])
    except Exception as exc:  # a crash of the extractor is a failure of this article, not of the evaluation
        return None, f"{type(exc).__name__}: {exc}"
    if not result.results:
        return None, "; ".join(str(p) for p in result.problems) or "nothing built"
    written = rdf.write(result.graph, workdir, formats=("ttl",))
    return score_graph_file(written["ttl"]), str(written["ttl"])


# ------------------------------------------------------------------ matching (the scorer's)


def score_article(gold: Gold, names: Names, typed: Typed, rels: Rels, report: EvalReport, article: str,
                  rules: Rules | None = None) -> None:
    """Add one article's counts and misses to ``report`` (same rules as ``score.py``).

    ``rules`` (from :func:`graph_rules`) attaches rule ids to each false positive and miss.
    """
    counts, misses = report.counts, report.misses
    rules = rules or {}

    def rules_of(*keys: Any) -> tuple[str, ...]:
        return tuple(sorted({r for k in keys for r in rules.get(k, ())}))
    for c in CLASSES:
        found: set[str] = set()
        for e in sorted(typed.get(c, ()), key=str):
            hit = {i for i in gold.ids_named(names.get(e, set())) if c in gold.types[i]}
            required = {i for i in hit if not gold.entities[i].get("optional")}
            found |= hit
            if required:
                counts[c]["tp"] += 1
            elif hit:
                pass  # matches only optional gold: neutral
            else:
                counts[c]["fp"] += 1
                misses.append(Miss(article, "FP", c, tuple(sorted(names.get(e, {str(e)}))[:3]), rules_of(e)))
        for i, e in gold.entities.items():
            if e["type"] == c and not e.get("optional"):
                counts[c]["gold"] += 1
                if i in found:
                    counts[c]["found"] += 1
                else:
                    same_name = [r for r in names if names[r] & gold.names[i]]
                    misses.append(Miss(article, "FN", c, (e["label"],), rules_of(*same_name)))
    for i, e in gold.entities.items():
        if e.get("optional"):
            continue
        matched = {r for c in gold.types[i] for r in typed.get(c, ()) if gold.names[i] & names.get(r, set())}
        report.duplicates += max(0, len(matched) - 1)
    for r in RELATIONS:
        gold_r = [x for x in gold.relations if x["type"] == r]
        found_idx: set[int] = set()
        for s, o in sorted(rels.get(r, ()), key=str):
            ss, oo = gold.ids_named(names.get(s, set())), gold.ids_named(names.get(o, set()))
            hits = [k for k, x in enumerate(gold_r) if x["subject"] in ss and x["object"] in oo]
            found_idx |= set(hits)
            if any(not gold_r[k].get("optional") for k in hits):
                counts[r]["tp"] += 1
            elif hits:
                pass
            else:
                counts[r]["fp"] += 1
                misses.append(Miss(article, "FP", r, (sorted(names.get(s, {str(s)}))[0], sorted(names.get(o, {str(o)}))[0]),
                                   rules_of((r, s, o))))
        for k, x in enumerate(gold_r):
            if x.get("optional"):
                continue
            counts[r]["gold"] += 1
            if k in found_idx:
                counts[r]["found"] += 1
            else:
                s_cands = [n for n in names if names[n] & gold.names[x["subject"]]]
                o_cands = [n for n in names if names[n] & gold.names[x["object"]]]
                other = [key for key in rules if isinstance(key, tuple) and key[1] in s_cands and key[2] in o_cands]
                misses.append(Miss(article, "FN", r, (gold.entities[x["subject"]]["label"], gold.entities[x["object"]]["label"]),
                                   rules_of(*other)))


def evaluate(gold_dir: str | Path, texts_dir: str | Path) -> EvalReport:
    """Build each ``TEXTS/NAME.txt`` alone and score it against ``GOLD/NAME.json``."""
    gold_dir, texts_dir = Path(gold_dir), Path(texts_dir)
    golds = sorted(gold_dir.glob("*.json"))
    report = EvalReport(articles=len(golds))
    for gf in golds:
        try:
            doc = json.loads(gf.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or "entities" not in doc:
                # a manifest or other JSON beside the gold files: not an annotation
                report.articles -= 1
                report.skipped.append((gf.stem, f"{gf} is not a gold file (no 'entities')"))
                continue
            gold = Gold(doc)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            report.skipped.append((gf.stem, f"bad gold file {gf}: {exc}"))
            continue
        text = texts_dir / f"{gf.stem}.txt"
        if not text.exists():
            report.skipped.append((gf.stem, f"no {text}"))
            continue
        with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
            t0 = time.perf_counter()
            parsed, why = _build_one(text, Path(tmp))
            report.seconds += time.perf_counter() - t0
            rules = graph_rules(why) if parsed is not None else {}
        if parsed is None:
            report.failures.append((gf.stem, why))
            parsed = _empty()
        score_article(gold, *parsed, report, gf.stem, rules)
    return report


# ------------------------------------------------------------------ output


def _rows(report: EvalReport) -> Iterable[str]:
    yield f"{'':16}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'gold':>6}{'found':>6}"
    for group, names in (("entities", CLASSES), ("relations", RELATIONS)):
        for n in names:
            c = report.counts[n]
            p, r, f = prf(c)
            yield f"{n:16}{p:7.3f}{r:7.3f}{f:7.3f}{c['tp']:6}{c['fp']:6}{c['gold']:6}{c['found']:6}"
        p, r, f = report.micro(group)
        yield f"{group + ' micro':16}{p:7.3f}{r:7.3f}{f:7.3f}"


def format_report(report: EvalReport, verbose: bool = False) -> str:
    """The per-class table (and, when ``verbose``, every FN and FP) as text."""
    lines = [f"{report.articles} gold articles, built in {report.seconds:.1f} s", *_rows(report),
             f"duplicate resources for one gold entity: {report.duplicates}"]
    lines += [f"SKIPPED {name}: {why}" for name, why in report.skipped]
    lines += [f"FAILED {name}: {why}" for name, why in report.failures]
    if verbose:
        fn = [m for m in report.misses if m.kind == "FN"]
        fp = [m for m in report.misses if m.kind == "FP"]
        lines.append(f"misses (FN): {len(fn)}")
        lines += [f"  {m}" for m in fn]
        lines.append(f"false positives (FP): {len(fp)}")
        lines += [f"  {m}" for m in fp]
        lines += _by_rule(fp, "false positives by rule")
        lines += _by_rule(fn, "misses by rule (what was found under the gold name instead)")
    return "\n".join(lines)


def _by_rule(misses: list[Miss], title: str) -> list[str]:
    """Misses grouped by the rule ids attached to them, largest group first."""
    groups: dict[str, list[Miss]] = defaultdict(list)
    for m in misses:
        for rule in m.rules or ("(no rule fired)",):
            groups[rule].append(m)
    lines = [f"{title}:"]
    for rule, ms in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"  {rule} ({len(ms)})")
        lines += [f"    {m}" for m in ms]
    return lines
