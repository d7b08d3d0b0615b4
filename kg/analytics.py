"""Diffusion analytics over a dated build: when a formulation appears, how its share moves, who adopts it.

Everything reads the networkx contract graph (a fresh build or ``kg.load(DIR)``):
Article nodes carry ISO dates (:mod:`kg.dates`), formulations carry their mentions
(article + offsets) and ``mentionedIn`` evidence sentences, organizations their
``promotes`` edges with evidence and their ``locatedIn`` places.

Variants are folded before counting (:func:`fold`): NFKC (full- and half-width forms
are one), quotes and spaces removed. A formulation matches a query term when its
label or an alias folds to the term, or when it *contains* the term as a quoted
part of a longer quote (增强“四个意识” → 四个意识, seen in the mention's surface),
or when it is the term with a leading verb (树牢四个意识) or a trailing banner word
(乡村振兴战略, 十四五规划) — the shortened banner and the full one count as one.
Undated articles are left out of every period count (and said so in ``undated``).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Iterable

import networkx as nx

from kg.dates import normalize_date
from kg.wordlists import items

PERIODS = ("month", "week", "year", "day")
_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』《》〈〉 \u3000\t\n")
_QUOTED = re.compile(r"[“‘「『\"']([^“”‘’「」『』\"']{2,30})[”’」』\"']")
#: A verb in front of a formulation that does not make it another one (增强四个意识 is 四个意识).
LEAD_VERBS = items("lead_verbs")
#: A banner word after a formulation (乡村振兴战略 is 乡村振兴).
TAIL_WORDS = items("tail_words")
#: Central-level organizations: the national Party, state, legislature, judiciary and their organs ...
CENTRAL_PREFIXES = items("central_prefixes")


@lru_cache(maxsize=1)
def central_names() -> frozenset[str]:
    """... and the State Council's departments and agencies, written without a place: the extractors' national
    lexicon rows of kind ``ministry`` (names and short names; defined there once), plus ``central_names.txt``."""
    from extractors.lexicon import Lexicons, split_multi

    rows = [r for r in Lexicons().read_tsv("org_national.tsv") if r.get("kind") == "ministry"]
    return frozenset(items("central_names")) | {n for r in rows for n in (r["label"], *split_multi(r["aliases"]))}


def fold(text: str) -> str:
    """The comparison key of a formulation: NFKC, no quotes, no spaces."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


def _core(label: str) -> str:
    """``label`` without one leading verb or one trailing banner word (when something of 2+ chars remains)."""
    key = fold(label)
    for v in LEAD_VERBS:
        if key.startswith(v) and len(key) - len(v) >= 2:
            key = key[len(v):]
            break
    for w in TAIL_WORDS:
        if key.endswith(w) and len(key) - len(w) >= 2:
            key = key[: -len(w)]
            break
    return key


_DIGITS = re.compile(r"(\d+)")


def article_sort_key(article_id: str) -> tuple[Any, ...]:
    """Natural order of ids: nqp-2 before nqp-10 (the analytics and the explorer's dated views sort alike).

    The split alternates text and digit runs, so the same position holds the same type in every key and
    two keys always compare; a digit run is read by position, not by ``str.isdigit`` (true for ``²``,
    which ``int`` refuses)."""
    return tuple(int(p) if i % 2 else p for i, p in enumerate(_DIGITS.split(article_id)))


def period_of(iso: str, by: str = "month") -> str:
    """The period an ISO day falls in: 2022-03 (month), 2022-W09 (ISO week), 2022 (year), the day itself."""
    if by == "month":
        return iso[:7]
    if by == "year":
        return iso[:4]
    if by == "day":
        return iso
    if by == "week":
        import datetime as dt

        y, w, _ = dt.date.fromisoformat(iso).isocalendar()
        return f"{y}-W{w:02d}"
    raise ValueError(f"unknown period {by!r}; choose from {', '.join(PERIODS)}")


# ------------------------------------------------------------------ the index

@dataclass
class Index:
    """What the analytics need, pulled out of the graph once."""

    dates: dict[str, str]                          # article id → ISO date ('' when undated)
    titles: dict[str, str]
    slogans: dict[str, dict[str, Any]]             # slogan IRI → node data
    slogan_articles: dict[str, set[str]]           # slogan IRI → article ids
    sentences: dict[tuple[str, str], list[tuple[int, str]]]  # (slogan IRI, article) → [(start, sentence)]
    promoters: dict[str, list[tuple[str, str, str]]]         # slogan IRI → [(org IRI, article, sentence)]
    org_label: dict[str, str]
    org_place: dict[str, str]                      # org IRI → place label
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    meeting_mentions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # slogan → [(meeting, article)]
    held_by: dict[str, set[str]] = field(default_factory=dict)                         # meeting → org IRIs
    meeting_articles: dict[str, set[str]] = field(default_factory=dict)                # meeting → article ids
    in_series: dict[str, str] = field(default_factory=dict)                            # meeting → series IRI
    series: dict[str, dict[str, Any]] = field(default_factory=dict)                    # series IRI → node data

    @property
    def dated(self) -> list[str]:
        return [a for a, d in self.dates.items() if d]


def index(graph: nx.MultiDiGraph) -> Index:
    """Pull dates, formulations, mentions, promoters and places out of ``graph``."""
    dates: dict[str, str] = {}
    titles: dict[str, str] = {}
    article_of_node: dict[str, str] = {}
    slogans: dict[str, dict[str, Any]] = {}
    slogan_articles: dict[str, set[str]] = {}
    surfaces: dict[str, set[str]] = defaultdict(set)
    org_label: dict[str, str] = {}
    meeting_articles: dict[str, set[str]] = {}
    series: dict[str, dict[str, Any]] = {}
    for n, d in graph.nodes(data=True):
        t = d.get("type")
        if t == "Article":
            aid = d.get("article_id") or d.get("label") or n
            article_of_node[n] = aid
            dates[aid] = normalize_date(d.get("date"))
            titles[aid] = d.get("title") or ""
        elif t == "PolicySlogan":
            slogans[n] = d
            slogan_articles[n] = set(d.get("articles") or ())
            for m in d.get("mentions") or ():
                surfaces[n].add(m.get("surface", ""))
        elif t == "Organization":
            org_label[n] = d.get("label", "")
        elif t == "Meeting":
            meeting_articles[n] = set(d.get("articles") or ())
        elif t == "MeetingSeries":
            series[n] = d
    sentences: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    promoters: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    org_place: dict[str, str] = {}
    meeting_mentions: dict[str, list[tuple[str, str]]] = defaultdict(list)
    held_by: dict[str, set[str]] = defaultdict(set)
    in_series: dict[str, str] = {}
    for s, o, d in graph.edges(data=True):
        p = d.get("predicate")
        if p == "mentionedIn" and s in slogans:
            aid = article_of_node.get(o, "")
            slogan_articles[s].add(aid)
            for ev in d.get("evidence") or ():
                sentences[(s, ev["article"])].append((int(ev["start"]), ev["sentence"]))
        elif p == "promotes" and s in org_label and o in slogans:
            for ev in d.get("evidence") or ():
                promoters[o].append((s, ev["article"], ev["sentence"]))
        elif p == "locatedIn" and s in org_label:
            org_place.setdefault(s, graph.nodes[o].get("label", ""))
        elif p == "mentions" and o in slogans:
            meeting_mentions[o].extend((s, ev["article"]) for ev in d.get("evidence") or ())
        elif p == "heldBy":
            held_by[s].add(o)
        elif p == "inSeries" and o in series:
            in_series[s] = o
    for v in sentences.values():
        v.sort()
    return Index(dates, titles, slogans, slogan_articles, dict(sentences), dict(promoters), org_label, org_place, dict(surfaces),
                 dict(meeting_mentions), dict(held_by), meeting_articles, in_series, series)


def match(idx: Index, term: str) -> list[str]:
    """The formulation IRIs that are ``term`` or a variant of it (see the module docstring)."""
    key, core = fold(term), _core(term)
    out = []
    for iri, d in idx.slogans.items():
        names = [d.get("label", ""), *(d.get("aliases") or ())]
        if any(fold(n) == key or _core(n) == core for n in names):
            out.append(iri)
            continue
        if any(fold(q) == key for s in idx.surfaces.get(iri, ()) for q in _QUOTED.findall(s)):
            out.append(iri)
    return sorted(out)


def _articles_of(idx: Index, iris: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for i in iris:
        out |= idx.slogan_articles.get(i, set())
    return out


def _first(idx: Index, articles: Iterable[str]) -> list[str]:
    """Dated articles in date order (ties in natural id order)."""
    return sorted((a for a in articles if idx.dates.get(a)), key=lambda a: (idx.dates[a], article_sort_key(a)))


def is_central(label: str, place: str = "") -> bool:
    """A national organ (中共中央, 国务院, 全国人大常委会, 国家发展改革委 ...) and not a local one."""
    return not place and (label in central_names() or label.startswith(CENTRAL_PREFIXES))


@lru_cache(maxsize=4096)
def province_of(place: str) -> str:
    """The province (short name) a place belongs to, by the national adcode table; '' if not a Chinese division."""
    if not place:
        return ""
    from extractors.gazetteer import divisions, lookup
    from extractors.lexicon import Lexicons

    div = lookup(place, Lexicons())  # the bundled division names: analytics read any graph the same way
    if div is None:
        return ""
    code = div.adcode[:2] + "0" * (len(div.adcode) - 2)
    for d in divisions(Lexicons()):
        if d.adcode == code:
            return d.short
    return ""


def _org_place(idx: Index, org: str) -> str:
    """The organization's place: its locatedIn, else the longest division name its label opens with."""
    if org in idx.org_place:
        return idx.org_place[org]
    label = idx.org_label.get(org, "")
    from extractors.gazetteer import by_name
    from extractors.lexicon import Lexicons

    names = by_name(Lexicons())
    for n in range(min(len(label) - 1, 8), 1, -1):
        if label[:n] in names and label[n] in "省市县区州盟旗委人政党":  # 江苏省委, 徐州市政府; not 新兴产业
            return label[:n]
    return ""


# ------------------------------------------------------------------ results

@dataclass
class FirstAppearance:
    date: str
    article: str
    title: str
    organization: str
    evidence: str


@dataclass
class PeriodRow:
    period: str
    articles: int
    total: int
    share: float
    organizations: int


@dataclass
class Timeline:
    term: str
    by: str
    matched: list[str]          # labels of the formulations folded into the term
    rows: list[PeriodRow]
    first: FirstAppearance | None
    undated: int                # articles mentioning it without a date

    def records(self) -> list[dict[str, Any]]:
        return [asdict(r) for r in self.rows]


def timeline(graph_or_index: nx.MultiDiGraph | Index, term: str, by: str = "month", fill: bool = True) -> Timeline:
    """Per period: articles mentioning ``term``, their share of the period's dated articles, promoting organizations.

    ``fill`` lists every period between the first and last dated article of the corpus, zeros included.
    """
    idx = graph_or_index if isinstance(graph_or_index, Index) else index(graph_or_index)
    iris = match(idx, term)
    arts = _articles_of(idx, iris)
    totals = Counter(period_of(d, by) for d in idx.dates.values() if d)
    hits = Counter(period_of(idx.dates[a], by) for a in arts if idx.dates.get(a))
    orgs: dict[str, set[str]] = defaultdict(set)
    for i in iris:
        for org, art, _ in idx.promoters.get(i, ()):
            if idx.dates.get(art):
                orgs[period_of(idx.dates[art], by)].add(org)
    periods = sorted(totals) if fill else sorted(hits)
    rows = [PeriodRow(p, hits.get(p, 0), totals[p], round(hits.get(p, 0) / totals[p], 6) if totals[p] else 0.0,
                      len(orgs.get(p, ()))) for p in periods]
    return Timeline(term, by, sorted({idx.slogans[i]["label"] for i in iris}), rows, first_appearance(idx, iris),
                    sum(1 for a in arts if not idx.dates.get(a)))


def first_appearance(idx: Index, iris: list[str]) -> FirstAppearance | None:
    """The earliest dated article mentioning any of ``iris``, its promoting organization and evidence sentence."""
    ordered = _first(idx, _articles_of(idx, iris))
    if not ordered:
        return None
    art = ordered[0]
    sents = sorted(s for i in iris for s in idx.sentences.get((i, art), ()))
    orgs = sorted({idx.org_label[o] for i in iris for o, a, _ in idx.promoters.get(i, ()) if a == art})
    if not orgs:  # no organization promotes it there: the organizations holding a meeting that mentions it
        orgs = sorted({idx.org_label[o] for i in iris for m, a in idx.meeting_mentions.get(i, ()) if a == art
                       for o in idx.held_by.get(m, ()) if o in idx.org_label})
    return FirstAppearance(idx.dates[art], art, idx.titles.get(art, ""), "、".join(orgs), sents[0][1] if sents else "")


@dataclass
class Adopter:
    kind: str            # organization | province
    name: str
    first_date: str
    article: str
    lag_days: int | None  # after the first central-level appearance (None when there is none)
    place: str = ""      # the organization's place; for a province row, the organization that adopted first
    central: bool = False
    evidence: str = ""


def adopters(graph_or_index: nx.MultiDiGraph | Index, term: str) -> list[Adopter]:
    """First date each organization (and each province, by the organization's place) promotes ``term``."""
    import datetime as dt

    idx = graph_or_index if isinstance(graph_or_index, Index) else index(graph_or_index)
    iris = match(idx, term)
    first: dict[str, tuple[str, tuple[Any, ...], str, str]] = {}
    for i in iris:
        for org, art, sent in idx.promoters.get(i, ()):
            d = idx.dates.get(art)
            if not d:
                continue
            cand = (d, article_sort_key(art), art, sent)
            if org not in first or cand[:2] < first[org][:2]:
                first[org] = cand  # type: ignore[assignment]
    places = {o: _org_place(idx, o) for o in first}
    central = {o: is_central(idx.org_label[o], places[o]) for o in first}
    centre_dates = sorted(first[o][0] for o in first if central[o])
    centre = dt.date.fromisoformat(centre_dates[0]) if centre_dates else None

    def lag(day: str) -> int | None:
        return (dt.date.fromisoformat(day) - centre).days if centre else None

    out = [Adopter("organization", idx.org_label[o], first[o][0], first[o][2], lag(first[o][0]), places[o], central[o], first[o][3])
           for o in first]
    provinces: dict[str, Adopter] = {}
    for a in out:
        prov = province_of(a.place)
        if prov and not a.central and (prov not in provinces or (a.first_date, article_sort_key(a.article))
                                       < (provinces[prov].first_date, article_sort_key(provinces[prov].article))):
            provinces[prov] = Adopter("province", prov, a.first_date, a.article, a.lag_days, a.name, False, a.evidence)
    rows = out + list(provinces.values())
    rows.sort(key=lambda a: (a.kind != "organization", a.first_date, article_sort_key(a.article), a.name))
    return rows


@dataclass
class CoOccurrence:
    term: str
    articles: int        # articles with both
    term_articles: int   # articles with the other formulation
    lift: float
    pmi: float


def _group_labels(idx: Index) -> dict[str, str]:
    """Formulation IRI → the label of its variant group (the group's most widespread label)."""
    names: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for iri, d in idx.slogans.items():
        label = d.get("label", "")
        names[_core(label)].append((-len(idx.slogan_articles.get(iri, set())), label))
    return {iri: min(names[_core(d.get("label", ""))])[1] for iri, d in idx.slogans.items()}


def _groups(idx: Index) -> dict[str, set[str]]:
    """Formulations folded by variant key → their articles, keyed by the most widespread label of the group."""
    arts: dict[str, set[str]] = defaultdict(set)
    for iri, label in _group_labels(idx).items():
        arts[label] |= idx.slogan_articles.get(iri, set())
    return dict(arts)


def cooccurring(graph_or_index: nx.MultiDiGraph | Index, term: str, min_count: int = 2, limit: int = 30) -> list[CoOccurrence]:
    """Formulations found in the same articles as ``term``: joint count, lift = P(a,b)/(P(a)P(b)), PMI = log2 lift."""
    idx = graph_or_index if isinstance(graph_or_index, Index) else index(graph_or_index)
    mine = _articles_of(idx, match(idx, term))
    key = _core(term)
    n = len(idx.dates)
    if not mine:
        return []
    out = []
    for other, arts in _groups(idx).items():
        if _core(other) == key or not arts:
            continue
        both = len(mine & arts)
        if both < min_count:
            continue
        lift = both * n / (len(mine) * len(arts))
        out.append(CoOccurrence(other, both, len(arts), round(lift, 4), round(math.log2(lift), 4)))
    out.sort(key=lambda c: (-c.articles, -c.lift, c.term))
    return out[:limit]


@dataclass
class Trend:
    term: str
    status: str          # born | gone
    first_date: str
    last_date: str
    articles: int        # over the whole corpus
    in_window: int


def trends(graph_or_index: nx.MultiDiGraph | Index, start: str, end: str, min_articles: int = 2) -> list[Trend]:
    """Formulations born (first dated appearance) or gone (last appearance, none after) within [start, end].

    A formulation is "gone" only when the corpus has dated articles after ``end``: silence at the end of the
    corpus says nothing.
    """
    idx = graph_or_index if isinstance(graph_or_index, Index) else index(graph_or_index)
    start, end = normalize_date(start) or start, normalize_date(end) or end
    last_day = max((d for d in idx.dates.values() if d), default="")
    out = []
    for term, arts in sorted(_groups(idx).items()):
        days = sorted(idx.dates[a] for a in arts if idx.dates.get(a))
        if len(days) < min_articles:
            continue
        inside = sum(1 for d in days if start <= d <= end)
        if start <= days[0] <= end:
            out.append(Trend(term, "born", days[0], days[-1], len(days), inside))
        if start <= days[-1] <= end < last_day:  # gone only if the corpus goes on after the window
            out.append(Trend(term, "gone", days[0], days[-1], len(days), inside))
    out.sort(key=lambda t: (t.status, -t.in_window, t.term))
    return out


def top_formulations(graph_or_index: nx.MultiDiGraph | Index, limit: int = 20) -> list[tuple[str, int]]:
    """The formulations (variants folded) in the most dated articles."""
    idx = graph_or_index if isinstance(graph_or_index, Index) else index(graph_or_index)
    counts = [(t, sum(1 for a in arts if idx.dates.get(a))) for t, arts in _groups(idx).items()]
    counts.sort(key=lambda c: (-c[1], c[0]))
    return counts[:limit]


# ------------------------------------------------------------------ meeting series

@dataclass
class SeriesSummary:
    series: str
    sittings: int        # sittings in the build
    dated: int           # sittings with a dated report
    first_date: str
    last_date: str
    formulations: int    # distinct formulations (variants folded) stated in its sittings' reports


@dataclass
class SeriesRow:
    series: str
    period: str
    term: str
    sittings: int        # sittings of the period whose report states the term
    total_sittings: int  # sittings of the series in the period
    share: float         # sittings / total_sittings


def _sitting_date(idx: Index, meeting: str) -> str:
    """A sitting's day: the earliest date of the articles reporting it ('' if none is dated)."""
    days = [idx.dates[a] for a in idx.meeting_articles.get(meeting, ()) if idx.dates.get(a)]
    return min(days) if days else ""


def match_series(idx: Index, name: str | None) -> list[str]:
    """Series IRIs named ``name`` (label or alias, folded), else containing it; every series for None."""
    if name is None:
        return sorted(idx.series)
    key = fold(name)
    names = {iri: [fold(n) for n in (d.get("label", ""), *(d.get("aliases") or ()))] for iri, d in idx.series.items()}
    exact = sorted(i for i, ns in names.items() if key in ns)
    return exact or sorted(i for i, ns in names.items() if any(key in n for n in ns))


def _sittings(idx: Index) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for m, s in idx.in_series.items():
        out[s].append(m)
    return out


def _stated(idx: Index) -> dict[str, set[str]]:
    """Meeting IRI → the formulation groups its reports state (``mentions``)."""
    group = _group_labels(idx)
    out: dict[str, set[str]] = defaultdict(set)
    for slogan, pairs in idx.meeting_mentions.items():
        for meeting, _ in pairs:
            out[meeting].add(group[slogan])
    return out


def meeting_series(graph_or_index: nx.MultiDiGraph | Index) -> list[SeriesSummary]:
    """Every meeting series of the build: its sittings, their date range, the formulations they state."""
    idx = graph_or_index if isinstance(graph_or_index, Index) else index(graph_or_index)
    stated = _stated(idx)
    out = []
    for s, ms in _sittings(idx).items():
        days = sorted(d for d in (_sitting_date(idx, m) for m in ms) if d)
        terms = set().union(*(stated.get(m, set()) for m in ms))
        out.append(SeriesSummary(idx.series[s].get("label", ""), len(ms), len(days), days[0] if days else "",
                                 days[-1] if days else "", len(terms)))
    out.sort(key=lambda r: (-r.sittings, r.series))
    return out


def series_formulations(graph_or_index: nx.MultiDiGraph | Index, series: str | None = None, by: str = "month",
                        top: int | None = None) -> list[SeriesRow]:
    """What a series stressed, period by period: per (series, period, formulation) the sittings stating it.

    A sitting counts once per formulation however often its report repeats it; its period is that of its
    earliest dated report (undated sittings are left out). ``top`` keeps the N most stated per period.
    """
    idx = graph_or_index if isinstance(graph_or_index, Index) else index(graph_or_index)
    stated = _stated(idx)
    wanted = set(match_series(idx, series))
    rows: list[SeriesRow] = []
    for s, ms in sorted(_sittings(idx).items()):
        if s not in wanted:
            continue
        label = idx.series[s].get("label", "")
        totals: Counter[str] = Counter()
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for m in ms:
            day = _sitting_date(idx, m)
            if not day:
                continue
            p = period_of(day, by)
            totals[p] += 1
            counts[p].update(stated.get(m, set()))
        for p in sorted(totals):
            ranked = sorted(counts[p].items(), key=lambda tc: (-tc[1], tc[0]))
            for term, n in ranked[:top] if top else ranked:
                rows.append(SeriesRow(label, p, term, n, totals[p], round(n / totals[p], 6)))
    return rows
