"""The graph as pandas tables, for notebooks and ``kg export tables``.

One row per thing an analyst counts: entities, relations (plain triples with
their evidence count), evidence (one row per sentence backing a relation),
mentions (one row per surface form found) and articles (dated). Articles'
``date`` column is a pandas datetime (``NaT`` when undated) so it resamples
directly; every other cell is a plain string or integer. Rows are sorted, so
the same build gives the same tables.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import networkx as nx

from kg.atomicfile import atomic_path
from kg.dates import normalize_date

if TYPE_CHECKING:
    import pandas as pd

#: The tables ``kg export tables`` writes, by file stem.
TABLES = ("entities", "relations", "evidence", "mentions", "articles")


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def _article_ids(graph: nx.MultiDiGraph) -> dict[str, str]:
    return {n: d.get("article_id") or d.get("label", "") for n, d in graph.nodes(data=True) if d.get("type") == "Article"}


def _dates(graph: nx.MultiDiGraph) -> dict[str, str]:
    return {d.get("article_id") or d.get("label", ""): normalize_date(d.get("date"))
            for _, d in graph.nodes(data=True) if d.get("type") == "Article"}


def entities(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Every extracted entity (Articles excluded): IRI, class, label, aliases, subclasses, mention and article counts."""
    rows = [{"iri": n, "type": d["type"], "label": d.get("label", ""), "label_en": d.get("label_en", ""),
             "aliases": " | ".join(d.get("aliases") or ()), "subtypes": " | ".join(d.get("subtypes") or ()),
             "mentions": int(d.get("count") or 0), "articles": len(d.get("articles") or ())}
            for n, d in graph.nodes(data=True) if d.get("type") != "Article"]
    rows.sort(key=lambda r: (r["type"], r["label"], r["iri"]))
    return _frame(rows, ["iri", "type", "label", "label_en", "aliases", "subtypes", "mentions", "articles"])


def relations(graph: nx.MultiDiGraph, provenance: bool = False) -> pd.DataFrame:
    """Plain triples with labels and evidence counts; ``provenance`` adds the (many) ``mentionedIn`` links."""
    rows = []
    for s, o, d in graph.edges(data=True):
        p = d.get("predicate", "")
        if p == "mentionedIn" and not provenance:
            continue
        rows.append({"subject": s, "subject_label": graph.nodes[s].get("label", ""), "subject_type": graph.nodes[s].get("type"),
                     "predicate": p, "object": o, "object_label": graph.nodes[o].get("label", ""),
                     "object_type": graph.nodes[o].get("type"), "evidence": int(d.get("count") or 0)})
    rows.sort(key=lambda r: (r["predicate"], r["subject_label"], r["object_label"], r["subject"], r["object"]))
    return _frame(rows, ["subject", "subject_label", "subject_type", "predicate", "object", "object_label", "object_type", "evidence"])


def evidence(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per sentence backing a relation (``mentionedIn`` excluded): who, what, whom, where, when."""
    dates = _dates(graph)
    rows = []
    for s, o, d in graph.edges(data=True):
        p = d.get("predicate", "")
        if p == "mentionedIn":
            continue
        for ev in d.get("evidence") or ():
            rows.append({"subject_label": graph.nodes[s].get("label", ""), "predicate": p, "object_label": graph.nodes[o].get("label", ""),
                         "article": ev["article"], "date": dates.get(ev["article"], ""), "start": int(ev["start"]),
                         "end": int(ev["end"]), "sentence": ev["sentence"], "subject": s, "object": o})
    rows.sort(key=lambda r: (r["date"] or "9999", r["article"], r["start"], r["predicate"], r["subject"], r["object"]))
    return _frame(rows, ["subject_label", "predicate", "object_label", "article", "date", "start", "end", "sentence", "subject", "object"])


def mentions(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per surface form found: entity, class, label, article, its date, offsets, the text as written."""
    dates = _dates(graph)
    rows = [{"iri": n, "type": d["type"], "label": d.get("label", ""), "article": m["article"], "date": dates.get(m["article"], ""),
             "start": int(m["start"]), "end": int(m["end"]), "surface": m.get("surface", "")}
            for n, d in graph.nodes(data=True) if d.get("type") != "Article" for m in d.get("mentions") or ()]
    rows.sort(key=lambda r: (r["article"], r["start"], r["end"], r["iri"]))
    return _frame(rows, ["iri", "type", "label", "article", "date", "start", "end", "surface"])


def articles(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per article: id, IRI, title, date (pandas datetime, NaT when undated), source, entities found in it."""
    import pandas as pd

    found: dict[str, int] = {}
    for _, d in graph.nodes(data=True):
        if d.get("type") != "Article":
            for a in d.get("articles") or ():
                found[a] = found.get(a, 0) + 1
    rows = [{"article": aid, "iri": n, "title": graph.nodes[n].get("title", ""), "date": normalize_date(graph.nodes[n].get("date")) or None,
             "source": graph.nodes[n].get("source", ""), "entities": found.get(aid, 0)} for n, aid in _article_ids(graph).items()]
    rows.sort(key=lambda r: (r["date"] or "9999", r["article"]))
    df = _frame(rows, ["article", "iri", "title", "date", "source", "entities"])
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d", errors="coerce")
    return df


#: name → builder, in the order ``kg export tables`` writes them.
BUILDERS: dict[str, Callable[[nx.MultiDiGraph], pd.DataFrame]] = {
    "entities": entities, "relations": relations, "evidence": evidence, "mentions": mentions, "articles": articles}


def export_tables(graph: nx.MultiDiGraph, out_dir: str | Path, formats: tuple[str, ...] = ("csv", "parquet")) -> list[Path]:
    """Write every table as ``NAME.csv`` (UTF-8, opens in Excel with its BOM) and ``NAME.parquet`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in BUILDERS.items():
        df = build(graph)
        if "csv" in formats:
            path = out / f"{name}.csv"
            frame = df.assign(date=df["date"].dt.strftime("%Y-%m-%d")) if name == "articles" else df
            with atomic_path(path) as tmp:
                frame.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n")
            written.append(path)
        if "parquet" in formats:
            path = out / f"{name}.parquet"
            with atomic_path(path) as tmp:
                df.to_parquet(tmp, index=False)
            written.append(path)
    return written


def to_frame(records: list[Any], cls: type | None = None) -> pd.DataFrame:
    """A list of analytics dataclasses as a DataFrame (columns in ``cls`` field order, even when empty)."""
    import dataclasses

    import pandas as pd

    columns = [f.name for f in dataclasses.fields(cls)] if cls is not None and dataclasses.is_dataclass(cls) else None
    return pd.DataFrame([dataclasses.asdict(r) for r in records], columns=columns)
