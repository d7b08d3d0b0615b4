"""``kg report``: one offline HTML page of a dated build, for reading or mailing as a single file.

The page holds (all charts inline SVG, no script, no font or style sheet fetched, no link off the page):

1. the top formulations over time: each one's share of the period's articles, one line each;
2. the adoption curve of one formulation (``slogan``, default the top one): organizations that have
   promoted it so far (cumulative, a step line) over the articles mentioning it per period (bars);
3. the tables behind them: the period × formulation counts, the timeline, the adopters (organizations
   and provinces, lag after the centre), co-occurring formulations and the meeting series.

Everything is computed by :mod:`kg.analytics` on one :class:`~kg.analytics.Index`; this module only lays
it out. The same build gives byte-identical pages (sorted rows, no timestamp).
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Sequence

import networkx as nx

from kg.atomicfile import atomic_write
from kg import analytics as A

#: Tableau-10, as in the explorer (ontology/vocabulary.py).
PALETTE = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC")
_W, _H, _PAD_L, _PAD_R, _PAD_T, _PAD_B = 760, 260, 48, 12, 12, 40

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:980px;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}h3{font-size:15px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}
th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}.legend span{margin-right:14px;font-size:13px;white-space:nowrap}
.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}.muted{color:#777;font-size:13px}
svg text{font-size:11px;fill:#555}details{margin:6px 0}
"""


@dataclass
class ReportData:
    """What the page shows, computed once (also handy for tests and notebooks)."""

    by: str
    periods: list[str]
    articles: int
    dated: int
    top: list[tuple[str, int]]
    shares: dict[str, list[float]]          # formulation → share per period
    counts: dict[str, list[int]]            # formulation → articles per period
    slogan: str
    timeline: A.Timeline | None
    adopters: list[A.Adopter]
    cooccurring: list[A.CoOccurrence]
    series: list[A.SeriesSummary]


def collect(graph: nx.MultiDiGraph | A.Index, slogan: str | None = None, by: str = "month", top: int = 8) -> ReportData:
    """Compute everything the report shows, from a graph or from its analytics index (a build's
    ``graph.analytics.json.gz``: the same figures without parsing the graph)."""
    idx = graph if isinstance(graph, A.Index) else A.index(graph)
    best = [t for t in A.top_formulations(idx, limit=top) if t[1] > 0]  # an undated build has nothing to draw
    chosen = slogan or (best[0][0] if best else "")
    periods: list[str] = []
    shares: dict[str, list[float]] = {}
    counts: dict[str, list[int]] = {}
    for term, _ in best:
        tl = A.timeline(idx, term, by=by)
        periods = [r.period for r in tl.rows]
        shares[term] = [r.share for r in tl.rows]
        counts[term] = [r.articles for r in tl.rows]
    tl_chosen = A.timeline(idx, chosen, by=by) if chosen else None
    if tl_chosen is not None and not tl_chosen.matched:
        tl_chosen = None
    return ReportData(by, periods, len(idx.dates), len(idx.dated), best, shares, counts, chosen, tl_chosen,
                      A.adopters(idx, chosen) if tl_chosen else [], A.cooccurring(idx, chosen, min_count=1, limit=15) if tl_chosen else [],
                      A.meeting_series(idx))


# ------------------------------------------------------------------ SVG

def _x(i: int, n: int) -> float:
    span = _W - _PAD_L - _PAD_R
    return _PAD_L + (span * i / (n - 1) if n > 1 else span / 2)


def _y(v: float, top: float) -> float:
    return _PAD_T + (_H - _PAD_T - _PAD_B) * (1 - (v / top if top else 0))


def _axes(periods: Sequence[str], top: float, fmt: str) -> list[str]:
    """Grid lines with y labels, and at most ~12 period labels on the x axis."""
    out = []
    for k in range(5):
        v = top * k / 4
        y = _y(v, top)
        out.append(f'<line x1="{_PAD_L}" x2="{_W - _PAD_R}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>')
        out.append(f'<text x="{_PAD_L - 4}" y="{y + 4:.1f}" text-anchor="end">{fmt.format(v)}</text>')
    step = max(1, -(-len(periods) // 12))
    for i, p in enumerate(periods):
        if i % step == 0 or (i == len(periods) - 1 and i % step >= step / 2 + 1):
            out.append(f'<text x="{_x(i, len(periods)):.1f}" y="{_H - _PAD_B + 16}" text-anchor="middle">{escape(p)}</text>')
    return out


def _svg(parts: list[str], title: str) -> str:
    return (f'<svg role="img" aria-label="{escape(title)}" width="{_W}" height="{_H}" viewBox="0 0 {_W} {_H}">'
            f"<title>{escape(title)}</title>" + "".join(parts) + "</svg>")


def line_chart(periods: Sequence[str], lines: dict[str, list[float]], title: str, percent: bool = True) -> str:
    """One polyline per series over the periods (values as shares unless ``percent`` is False)."""
    top = max((v for vs in lines.values() for v in vs), default=0.0) or 1.0
    parts = _axes(periods, top, "{:.0%}" if percent else "{:.0f}")
    for k, (name, values) in enumerate(lines.items()):
        pts = " ".join(f"{_x(i, len(values)):.1f},{_y(v, top):.1f}" for i, v in enumerate(values))
        color = PALETTE[k % len(PALETTE)]
        parts.append(f'<polyline class="series" data-term="{escape(name)}" fill="none" stroke="{color}" stroke-width="2" points="{pts}">'
                     f"<title>{escape(name)}</title></polyline>")
    return _svg(parts, title)


def adoption_chart(periods: Sequence[str], per_period: Sequence[int], cumulative: Sequence[int], title: str) -> str:
    """Bars: articles mentioning the formulation per period; step line: organizations that adopted it so far."""
    top = float(-(-max([*per_period, *cumulative, 4]) // 4) * 4)  # a multiple of 4: whole-number ticks
    parts = _axes(periods, top, "{:.0f}")
    n = len(periods)
    width = max(2.0, (_W - _PAD_L - _PAD_R) / max(n, 1) * 0.6)
    for i, v in enumerate(per_period):
        if v:
            x, y = _x(i, n) - width / 2, _y(v, top)
            parts.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{_y(0, top) - y:.1f}" fill="#BAB0AC">'
                         f"<title>{escape(periods[i])}: {v}</title></rect>")
    pts: list[str] = []
    for i, v in enumerate(cumulative):
        x, y = _x(i, n), _y(v, top)
        if pts:
            pts.append(f"{x:.1f},{float(pts[-1].split(',')[1]):.1f}")
        pts.append(f"{x:.1f},{y:.1f}")
    parts.append(f'<polyline class="adoption" fill="none" stroke="#E15759" stroke-width="2.5" points="{" ".join(pts)}"/>')
    return _svg(parts, title)


def cumulative_adopters(adopters: Sequence[A.Adopter], periods: Sequence[str], by: str) -> list[int]:
    """Organizations that have promoted the formulation by the end of each period."""
    firsts = sorted(A.period_of(a.first_date, by) for a in adopters if a.kind == "organization")
    out, k = [], 0
    for p in periods:
        while k < len(firsts) and firsts[k] <= p:
            k += 1
        out.append(k)
    return out


# ------------------------------------------------------------------ HTML

def _table(header: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[bool] | None = None) -> str:
    num = list(numeric or [isinstance(v, (int, float)) and not isinstance(v, bool) for v in (rows[0] if rows else [])])
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td class="n">{escape(_fmt(v))}</td>' if num[i] else f"<td>{escape(_fmt(v))}</td>"
                                    for i, v in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _fmt(v: object) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


def _legend(names: Sequence[str]) -> str:
    return '<p class="legend">' + "".join(f'<span><i style="background:{PALETTE[k % len(PALETTE)]}"></i>{escape(n)}</span>'
                                          for k, n in enumerate(names)) + "</p>"


def render(data: ReportData, title: str = "提法报告 · formulation report") -> str:
    """The whole page as one string."""
    out = [f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>'
           f'<meta name="viewport" content="width=device-width"><style>{_CSS}</style></head><body>',
           f"<h1>{escape(title)}</h1>",
           f'<p class="muted">{data.articles} articles ({data.dated} dated), periods by {escape(data.by)}: '
           f'{escape(data.periods[0]) if data.periods else "–"} … {escape(data.periods[-1]) if data.periods else "–"}.</p>']
    out.append('<h2 id="top">Top formulations over time</h2>')
    if data.top:
        out.append('<p class="muted">Share of the period\'s dated articles that mention each formulation (variants folded).</p>')
        out.append(line_chart(data.periods, data.shares, "top formulations, share of articles per period"))
        out.append(_legend([t for t, _ in data.top]))
        out.append("<details><summary>Articles per period (the table behind the chart)</summary>")
        out.append(_table(["period", *[t for t, _ in data.top]],
                          [[p, *[data.counts[t][i] for t, _ in data.top]] for i, p in enumerate(data.periods)],
                          [False, *[True] * len(data.top)]))
        out.append("</details>")
    else:
        out.append("<p>No dated formulation in this build.</p>")
    out.append(f'<h2 id="adoption">Adoption of “{escape(data.slogan)}”</h2>')
    tl = data.timeline
    if tl is None:
        out.append(f"<p>No formulation {escape(data.slogan)!s} in this build.</p>")
    else:
        periods = [r.period for r in tl.rows]
        cum = cumulative_adopters(data.adopters, periods, data.by)
        f = tl.first
        if f:
            out.append(f'<p>First appearance: <b>{escape(f.date)}</b>, article {escape(f.article)} {escape(f.title)}'
                       f'{" — " + escape(f.organization) if f.organization else ""}<br><span class="muted">{escape(f.evidence)}</span></p>')
        out.append(adoption_chart(periods, [r.articles for r in tl.rows], cum, f"adoption of {data.slogan}"))
        out.append('<p class="legend"><span><i style="background:#BAB0AC"></i>articles mentioning it</span>'
                   '<span><i style="background:#E15759"></i>organizations that have promoted it (cumulative)</span></p>')
        out.append("<h3>Timeline</h3>")
        out.append(_table(["period", "articles", "of all", "share", "organizations", "adopted so far"],
                          [[r.period, r.articles, r.total, r.share, r.organizations, c] for r, c in zip(tl.rows, cum)],
                          [False, True, True, True, True, True]))
        out.append("<h3>Adopters</h3>")
        out.append(_table(["kind", "name", "first date", "lag (days)", "place", "central", "article"],
                          [[a.kind, a.name, a.first_date, a.lag_days, a.place, "yes" if a.central else "", a.article] for a in data.adopters],
                          [False, False, False, True, False, False, False]))
        out.append("<h3>Travels with</h3>")
        out.append(_table(["formulation", "articles with both", "its articles", "lift", "PMI"],
                          [[c.term, c.articles, c.term_articles, c.lift, c.pmi] for c in data.cooccurring],
                          [False, True, True, True, True]))
    if data.series:
        out.append('<h2 id="series">Meeting series</h2>')
        out.append(_table(["series", "sittings", "dated", "first", "last", "formulations"],
                          [[s.series, s.sittings, s.dated, s.first_date, s.last_date, s.formulations] for s in data.series],
                          [False, True, True, False, False, True]))
    out.append('<p class="muted">Made by policy-slogan-kg (kg report). Every count comes from the evidence-backed graph: '
               "kg timeline / kg adopters / kg cooccur / kg series print the same tables.</p></body></html>")
    return "\n".join(out) + "\n"


def write_report(graph: nx.MultiDiGraph | A.Index, path: str | Path, slogan: str | None = None, by: str = "month",
                 top: int = 8) -> Path:
    """Write the report page for ``graph`` (or its analytics index) to ``path`` (atomic)."""
    return atomic_write(path, render(collect(graph, slogan=slogan, by=by, top=top)))
