"""Dates in the explorer: per-node first/last dates, a monthly series and a keyword-in-context list per formulation.

The page draws the timeline (inline SVG) and the KWIC list from these, and filters nodes
by date range; everything is computed here so the page does no text processing. Sizes are
bounded: at most :data:`KWIC_PER_NODE` sentences per formulation, each cut to a window
around the keyword.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from kg.analytics import article_sort_key
from kg.dates import normalize_date

#: Evidence sentences per formulation in the KWIC list (earliest first; the count of the rest is kept).
KWIC_PER_NODE = 40
#: Characters kept on each side of the keyword.
KWIC_WINDOW = 36


def article_dates(graph: nx.MultiDiGraph) -> dict[str, str]:
    """article id → ISO date ('' when undated)."""
    return {str(d.get("article_id") or d.get("label", "")): normalize_date(d.get("date"))
            for _, d in graph.nodes(data=True) if d.get("type") == "Article"}


def article_order(ids: list[str], dates: dict[str, str]) -> list[str]:
    """Articles in date order (undated last), ties in natural id order (nqp-2 before nqp-10)."""
    return sorted(ids, key=lambda a: (not dates.get(a), dates.get(a, ""), article_sort_key(a)))


def _keyword_at(sentence: str, names: list[str]) -> tuple[int, int]:
    best = (-1, 0)
    for n in names:
        if not n:
            continue
        i = sentence.find(n)
        if i >= 0 and (best[0] < 0 or i < best[0] or (i == best[0] and len(n) > best[1])):
            best = (i, len(n))
    return best


def dated_payload(shown: nx.MultiDiGraph, full: nx.MultiDiGraph, index: dict[str, int]) -> dict[str, Any]:
    """``first``/``last`` date per shown node, monthly ``series`` and ``kwic`` rows per shown formulation."""
    dates = article_dates(full)
    spans: dict[str, list[str]] = {}
    series: dict[str, dict[str, int]] = {}
    kwic: dict[str, dict[str, Any]] = {}
    promoters: dict[str, dict[str, set[str]]] = {}  # slogan → article → organization labels
    for u, v, d in full.edges(data=True):
        if d.get("predicate") == "promotes" and v in index:
            for ev in d.get("evidence") or ():
                promoters.setdefault(v, {}).setdefault(str(ev["article"]), set()).add(str(full.nodes[u].get("label", "")))
    for n, i in index.items():
        data = shown.nodes[n]
        arts = [str(a) for a in data.get("articles") or ()] if data.get("type") != "Article" else [str(data.get("article_id", ""))]
        days = sorted(dates[a] for a in arts if dates.get(a))
        if days:
            spans[str(i)] = [days[0], days[-1]]
        if data.get("type") != "PolicySlogan":
            continue
        months: dict[str, int] = {}
        for day in days:
            months[day[:7]] = months.get(day[:7], 0) + 1
        series[str(i)] = dict(sorted(months.items()))
        names = sorted({str(data.get("label", "")), *(str(a) for a in data.get("aliases") or ()),
                        *(str(m.get("surface", "")) for m in data.get("mentions") or ())}, key=len, reverse=True)
        rows: list[tuple[str, ...]] = []
        for _, _target, ed in full.out_edges(n, data=True):
            if ed.get("predicate") != "mentionedIn":
                continue
            for ev in ed.get("evidence") or ():
                art, sent = str(ev["article"]), str(ev["sentence"])
                at, length = _keyword_at(sent, names)
                if at < 0:
                    continue
                left, key, right = sent[max(0, at - KWIC_WINDOW):at], sent[at:at + length], sent[at + length:at + length + KWIC_WINDOW]
                orgs = "、".join(sorted(promoters.get(n, {}).get(art, ())))
                rows.append((dates.get(art, ""), art, orgs, ("…" if at > KWIC_WINDOW else "") + left, key,
                             right + ("…" if at + length + KWIC_WINDOW < len(sent) else "")))
        rows = sorted(set(rows), key=lambda r: (not r[0], r[0], article_sort_key(r[1]), r))  # whole row: no tie left to set order
        kwic[str(i)] = {"rows": [list(r) for r in rows[:KWIC_PER_NODE]], "more": max(0, len(rows) - KWIC_PER_NODE)}
    all_days = sorted(d for d in dates.values() if d)
    return {"spans": spans, "series": series, "kwic": kwic,
            "range": [all_days[0], all_days[-1]] if all_days else None}
