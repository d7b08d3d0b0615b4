"""``graph.analytics.json.gz``: the analytics :class:`~kg.analytics.Index` of a build, written beside its graph.

Why: ``kg timeline`` / ``adopters`` / ``cooccur`` / ``trends`` / ``series`` need a small part of the
graph (article dates and titles, the formulations with their names and evidence sentences, who
promotes them, which meetings mention them and who held those). Re-reading ``graph.ttl`` for that
takes about a minute on the full 新闻联播 build, and the store holds no mentions (``kg.store``), so
the build writes the index itself: a few megabytes of gzip'd JSON that load in about a second.

The file is derived from the graph and nothing else: the same graph gives the same bytes (sorted
keys, no time or name in the gzip header). Each evidence sentence is stored once and referred to by
number. A formulation or series keeps only what the analytics read (label and aliases).
``read_index(path)`` returns an :class:`Index` equal, field by field, to
``kg.analytics.index(graph)`` restricted to those node fields (``tests/test_analytics_index.py``).
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from kg.analytics import Index, index
from kg.atomicfile import atomic_write

NAME = "graph.analytics.json.gz"  # graph.*: a build product (kg.builddir)
#: what the file says it is; a reader refuses any other kind or a newer version
KIND, VERSION = "policy-slogan-kg analytics index", 1
def _node(d: dict[str, Any], kind: str) -> dict[str, Any]:
    out: dict[str, Any] = {"type": kind, "label": d.get("label", "")}
    if d.get("aliases"):
        out["aliases"] = tuple(d["aliases"])
    return out


def slim(idx: Index) -> Index:
    """``idx`` with formulation and series data cut to what the analytics read (what the file keeps)."""
    return Index(idx.dates, idx.titles, {k: _node(v, "PolicySlogan") for k, v in idx.slogans.items()},
                 idx.slogan_articles, idx.sentences, idx.promoters, idx.org_label, idx.org_place, idx.surfaces,
                 idx.meeting_mentions, idx.held_by, idx.meeting_articles, idx.in_series,
                 {k: _node(v, "MeetingSeries") for k, v in idx.series.items()})


def to_json(idx: Index) -> dict[str, Any]:
    """The index as plain JSON values: sets sorted, sentences numbered in first-use order over sorted keys."""
    text: dict[str, int] = {}

    def ref(sentence: str) -> int:
        return text.setdefault(sentence, len(text))

    sentences = [[s, a, [[start, ref(t)] for start, t in idx.sentences[(s, a)]]] for s, a in sorted(idx.sentences)]
    promoters = {k: [[org, art, ref(t)] for org, art, t in idx.promoters[k]] for k in sorted(idx.promoters)}
    return {
        "kind": KIND, "version": VERSION,
        "dates": idx.dates, "titles": idx.titles,
        "slogans": {k: [v.get("label", ""), list(v.get("aliases") or ())] for k, v in idx.slogans.items()},
        "slogan_articles": {k: sorted(v) for k, v in idx.slogan_articles.items()},
        "sentences": sentences, "promoters": promoters,
        "org_label": idx.org_label, "org_place": idx.org_place,
        "surfaces": {k: sorted(v) for k, v in idx.surfaces.items()},
        "meeting_mentions": {k: [list(x) for x in v] for k, v in idx.meeting_mentions.items()},
        "held_by": {k: sorted(v) for k, v in idx.held_by.items()},
        "meeting_articles": {k: sorted(v) for k, v in idx.meeting_articles.items()},
        "in_series": idx.in_series,
        "series": {k: [v.get("label", ""), list(v.get("aliases") or ())] for k, v in idx.series.items()},
        "sentence_text": list(text),
    }


def from_json(doc: dict[str, Any]) -> Index:
    """The :class:`Index` of :func:`to_json`'s document."""
    text = doc["sentence_text"]

    def node(kind: str, label: str, aliases: list[str]) -> dict[str, Any]:
        return _node({"label": label, "aliases": aliases}, kind)

    return Index(
        dates=doc["dates"], titles=doc["titles"],
        slogans={k: node("PolicySlogan", *v) for k, v in doc["slogans"].items()},
        slogan_articles={k: set(v) for k, v in doc["slogan_articles"].items()},
        sentences={(s, a): [(start, text[i]) for start, i in rows] for s, a, rows in doc["sentences"]},
        promoters={k: [(org, art, text[i]) for org, art, i in v] for k, v in doc["promoters"].items()},
        org_label=doc["org_label"], org_place=doc["org_place"],
        surfaces={k: set(v) for k, v in doc["surfaces"].items()},
        meeting_mentions={k: [(m, a) for m, a in v] for k, v in doc["meeting_mentions"].items()},
        held_by={k: set(v) for k, v in doc["held_by"].items()},
        meeting_articles={k: set(v) for k, v in doc["meeting_articles"].items()},
        in_series=doc["in_series"],
        series={k: node("MeetingSeries", *v) for k, v in doc["series"].items()},
    )


def write_index(idx: Index, path: str | Path) -> Path:
    """Write ``idx`` to ``path`` (gzip'd JSON, deterministic), atomically."""
    return atomic_write(path, json.dumps(to_json(idx), ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                        compress=True)


def read_index(path: str | Path) -> Index:
    """The index in ``path``; ``ValueError`` naming the file when it is not one this version can read."""
    p = Path(path)
    try:
        with gzip.open(p, "rb") as fh:
            doc = json.loads(fh.read().decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{p}: not a readable analytics index ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("kind") != KIND:
        raise ValueError(f"{p}: not a policy-slogan-kg analytics index")
    if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
        raise ValueError(f"{p}: analytics index version {doc.get('version')!r}; this kg reads up to {VERSION}")
    try:
        return from_json(doc)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"{p}: malformed analytics index ({exc!r})") from exc


def load(source: str | Path) -> Index:
    """The analytics index of a build directory (its ``graph.analytics.json.gz`` when present) or of an RDF file."""
    from kg.readwrite.rdf import read

    p = Path(source)
    if p.is_dir() and (p / NAME).is_file():
        return read_index(p / NAME)
    return index(read(p))
