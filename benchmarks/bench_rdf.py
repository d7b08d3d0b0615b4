#!/usr/bin/env python3
"""Benchmark RDF export and SPARQL on a synthetic ~1M-triple graph with Chinese IRIs.

    python benchmarks/bench_rdf.py [--scale 1.0] [--out DIR] [--skip-rdflib] [--json report.json]

The graph follows the networkx contract (docs/ARCHITECTURE.md) with realistic
proportions: articles, organizations, meetings, slogans, people, places,
theories and documents, each mentioned in a few articles, and relations backed
by evidence sentences, every mention and evidence record naming its rule. Its
relations are dense in evidence (~15 records an article, ~15x a 新闻联播 build's),
so its store keeps 805k of its 1.10M triples where a real graph of 1.15M triples
(5,000 新闻联播 items) keeps 200k: a worst case for the store. It times:

* conversion to blocks and the export of each format (the issue's target: all
  six formats of a 1M-triple graph in under 5 s together);
* the export a ``kg build`` does by default (``kg.api.write_outputs``: graph.ttl,
  the store, graph.html), per phase and end to end (issue 11: under 5 s at 1M triples);
* loading the built graph and three analyst queries from ``queries/`` with
  pyoxigraph and rdflib;
* peak resident memory after each phase (``ru_maxrss``; tracemalloc would
  distort the timings it is meant to sit beside).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import query as Q  # noqa: E402
from kg.graph import MENTIONED_IN_RULE  # noqa: E402
from kg.iri import article_iri, entity_iri  # noqa: E402
from kg.readwrite import rdf  # noqa: E402
from kg.readwrite.rdf_blocks import graph_blocks, no_gc  # noqa: E402
from kg.atomicfile import atomic_write  # noqa: E402

QUERIES = ("promoters_of_slogan.rq", "most_promoted_slogans.rq", "slogan_first_appearance.rq")

_REAL = {
    "Organization": ["徐州市总工会", "中共徐州市委", "徐州市妇联", "共青团徐州市委"],
    "PolicySlogan": ["走在前列", "五种风气", "强富美高", "十四五", "党史学习教育"],
    "Meeting": ["中共徐州市委十二届十三次全会", "徐州市总工会主席办公会"],
    "Place": ["徐州", "江苏"],
    "Person": ["吴悠"],
    "Theory": ["习近平新时代中国特色社会主义思想"],
    "Document": ["政府工作报告"],
}
_SUFFIX = {"Organization": "委员会", "PolicySlogan": "行动", "Meeting": "专题学习会", "Place": "区",
           "Person": "张", "Theory": "思想", "Document": "规划"}
#: Every mention and evidence record names the rule that made it (docs/ARCHITECTURE.md), as a build's do: the
#: ``kg:mentionedIn`` evidence carries ``graph.mentioned_in`` and is written on the mentions inside its sentence,
#: as in every real build (without the rules, 31,828 ``mentionedIn`` records were Assertions no build makes:
#: a quarter of the store's quads).
_MENTION_RULE = "ner.synthetic"
_CHARS = "高质量发展乡村振兴共同富裕强富美高走在前列争当表率全省领先全国一流急难愁盼两在两同"


def peak_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_graph(scale: float = 1.0, seed: int = 7) -> nx.MultiDiGraph:
    """A contract-conforming graph of about ``1e6 * scale`` triples, deterministic for ``seed``."""
    rnd = random.Random(seed)
    n_articles = int(4000 * scale)
    counts = {"Organization": 3000, "Meeting": 5000, "PolicySlogan": 5000, "Person": 1500, "Place": 400,
              "Theory": 100, "Document": 1000}
    g = nx.MultiDiGraph(name="policy-slogan-kg")
    articles = [f"art-{i:06d}" for i in range(n_articles)]
    sentences = {}
    for i, a in enumerate(articles):
        g.add_node(article_iri(a), type="Article", label=f"第{i}号文章：谱写崭新篇章", aliases=(), subtypes=(),
                   label_en="", count=0, articles=(), mentions=(), article_id=a, title=f"第{i}号文章：谱写崭新篇章",
                   date=f"20{18 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}", source=f"corpus/{a}.txt")
        sentences[a] = [
            "".join(rnd.choice(_CHARS) for _ in range(rnd.randint(25, 60))) + "。" for _ in range(12)
        ]
    by_type: dict[str, list[str]] = {}
    for type_, n in counts.items():
        labels = list(_REAL.get(type_, []))
        labels += [f"{rnd.choice(_CHARS)}{rnd.choice(_CHARS)}{i}{_SUFFIX[type_]}" for i in range(int(n * scale) - len(labels))]
        by_type[type_] = []
        for label in labels:
            iri = entity_iri(type_, label)
            by_type[type_].append(iri)
            seen = sorted(rnd.sample(articles, k=min(len(articles), rnd.randint(1, 3))))
            mentions, evidence = [], []
            for a in seen:
                k = rnd.randrange(12)
                start = k * 70
                mentions.append({"article": a, "start": start + 3, "end": start + 3 + len(label), "surface": label,
                                 "rule": _MENTION_RULE, "component": _MENTION_RULE.split(".", 1)[0]})
                evidence.append({"article": a, "start": start, "end": start + len(sentences[a][k]), "sentence": sentences[a][k],
                                 "rule": MENTIONED_IN_RULE, "component": MENTIONED_IN_RULE.split(".", 1)[0]})
            subtypes = ()
            if type_ == "PolicySlogan" and label[0] in "两五四":
                subtypes = ("NumberedFormulation",)
            g.add_node(iri, type=type_, label=label, aliases=(f"市{label}",) if rnd.random() < 0.5 else (),
                       subtypes=subtypes, label_en="", count=len(mentions), articles=tuple(seen), mentions=tuple(mentions))
            for ev in evidence:
                g.add_edge(iri, article_iri(ev["article"]), key="mentionedIn", predicate="mentionedIn", count=1, evidence=(ev,))

    def relate(pred: str, src: str, dst: str, n: int) -> None:
        for _ in range(int(n * scale)):
            s, o = rnd.choice(by_type[src]), rnd.choice(by_type[dst])
            if s == o or g.has_edge(s, o, key=pred):
                continue
            ev = []
            for _ in range(rnd.randint(1, 2)):
                a = rnd.choice(articles)
                k = rnd.randrange(12)
                ev.append({"article": a, "start": k * 70, "end": k * 70 + len(sentences[a][k]), "sentence": sentences[a][k],
                           "rule": f"relations.{pred}", "component": "relations"})
            ev.sort(key=lambda e: (e["article"], e["start"], e["end"]))
            g.add_edge(s, o, key=pred, predicate=pred, count=len(ev), evidence=tuple(ev))

    relate("heldBy", "Meeting", "Organization", 5000)
    relate("studies", "Meeting", "Meeting", 3000)
    relate("studies", "Meeting", "Document", 1500)
    relate("promotes", "Organization", "PolicySlogan", 15000)
    relate("mentions", "Meeting", "PolicySlogan", 8000)
    relate("hasPart", "PolicySlogan", "PolicySlogan", 1500)
    relate("subOrganizationOf", "Organization", "Organization", 2000)
    relate("locatedIn", "Organization", "Place", 3000)
    relate("chairedBy", "Meeting", "Person", 2000)
    return g


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def cpu_timed(fn, *args, **kw):
    """Wall and CPU seconds: CPU time is what to compare on a shared, busy machine."""
    w, c = time.perf_counter(), time.process_time()
    out = fn(*args, **kw)
    return out, time.perf_counter() - w, time.process_time() - c


class QueryTimeout(Exception):
    """Raised by SIGALRM when one query exceeds ``--query-timeout``."""


def run_limited(store, text: str, seconds: float):
    """Run a query but give up after ``seconds`` (rdflib can take many minutes at 1M triples)."""
    def alarm(*_):
        raise QueryTimeout

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return Q.run_query(store, text)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def default_formats(graph: nx.MultiDiGraph, out: Path) -> dict:
    """Time what ``kg build`` writes by default (``write_outputs``: ttl, html, store), per phase and in all."""
    import shutil
    import subprocess

    from kg.api import DEFAULT_FORMATS, write_outputs
    from kg.progress import Progress

    prog = Progress()
    _, t = timed(write_outputs, graph, out, progress=prog)
    phases = {k: round(v, 2) for k, v in prog.report()["phases"].items()}
    size = int(subprocess.check_output(["du", "-sb", str(out)]).split()[0])
    entry = {"formats": list(DEFAULT_FORMATS), "s": round(t, 2), "phases": phases, "mb": round(size / 1e6, 1),
             "peak_mb": round(peak_mb(), 0)}
    print(f"default formats ({','.join(DEFAULT_FORMATS)}): {t:.2f} s wall, {size / 1e6:.1f} MB written; "
          + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items()))
    shutil.rmtree(out)
    return entry


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = about one million triples")
    ap.add_argument("--out", type=Path, help="where to write the files (default: a temp dir)")
    ap.add_argument("--skip-rdflib", action="store_true", help="skip loading/querying with rdflib (slow)")
    ap.add_argument("--query-timeout", type=float, default=120, help="seconds before one query is abandoned")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--default-only", action="store_true",
                    help="time only the default formats' export (kg.api.write_outputs), --repeat times")
    ap.add_argument("--repeat", type=int, default=1, help="with --default-only: runs of the default export")
    args = ap.parse_args(argv)

    report: dict = {"scale": args.scale}
    graph, t = timed(synthetic_graph, args.scale)
    report["graph"] = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "build_s": round(t, 2)}
    print(f"synthetic graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({t:.1f} s)")

    out = args.out or Path(tempfile.mkdtemp(prefix="bench_rdf_"))
    if args.default_only:
        report["default_formats_runs"] = [default_formats(graph, out / f"default{i}") for i in range(args.repeat)]
        if args.json:
            args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        if not args.out:
            out.rmdir()
        return 0
    blocks, t_blocks, c_blocks = cpu_timed(graph_blocks, graph)
    report["triples"], report["quads"] = blocks.triple_count(), blocks.quad_count()
    print(f"triples (default graph): {report['triples']:,}   quads (with article graphs): {report['quads']:,}")
    export = {"blocks": {"s": round(t_blocks, 2), "cpu_s": round(c_blocks, 2)}}
    print(f"  {'':<13}{'wall':>7}  {'cpu':>7}")
    print(f"  {'to blocks':<13}{t_blocks:7.2f}  {c_blocks:7.2f} s")
    written: dict[str, Path] = {}
    for ext in rdf.FORMATS:
        with no_gc():
            path, t, c = cpu_timed(atomic_write, out / f"graph.{ext}", rdf.format_chunks(ext, blocks, written))
        written[ext] = path
        export[ext] = {"s": round(t, 2), "cpu_s": round(c, 2), "mb": round(path.stat().st_size / 1e6, 1)}
        print(f"  {'graph.' + ext:<13}{t:7.2f}  {c:7.2f} s  {path.stat().st_size / 1e6:8.1f} MB")
    export["sum_s"] = round(sum(v["s"] for v in export.values() if isinstance(v, dict)), 2)
    export["sum_cpu_s"] = round(sum(v["cpu_s"] for v in export.values() if isinstance(v, dict)), 2)
    print(f"  {'sum':<13}{export['sum_s']:7.2f}  {export['sum_cpu_s']:7.2f} s  (one process, one format after the other)")
    del blocks
    for parallel in (False, True):
        _, t = timed(rdf.write, graph, out / ("par" if parallel else "seq"), parallel=parallel)
        export["write_parallel_s" if parallel else "write_sequential_s"] = round(t, 2)
        print(f"  rdf.write(parallel={parallel}) end to end: {t:.2f} s wall")
    for sub in ("par", "seq"):
        for p in (out / sub).iterdir():
            p.unlink()
        (out / sub).rmdir()
    export["peak_mb"] = round(peak_mb(), 0)
    report["export"] = export
    print(f"  peak RSS {export['peak_mb']:.0f} MB")
    report["default_formats"] = default_formats(graph, out / "default")

    texts = {q: (ROOT / "queries" / q).read_text(encoding="utf-8") for q in QUERIES}
    engines = ["oxigraph"] + ([] if args.skip_rdflib else ["rdflib"])
    report["query"] = {}
    for engine in engines:
        source = out if engine == "oxigraph" else out / "graph.nt"
        store, t_load = timed(Q.load, source, engine)
        entry = {"load_s": round(t_load, 2), "source": Path(source).name}
        print(f"{engine}: load {entry['source']} {t_load:.2f} s")
        for q, text in texts.items():
            try:
                res, t = timed(run_limited, store, text, args.query_timeout)
            except QueryTimeout:
                entry[q] = {"s": None, "timeout_s": args.query_timeout}
                print(f"  {q:<30}  > {args.query_timeout:.0f} s (abandoned)")
                continue
            entry[q] = {"s": round(t, 3), "rows": len(res.rows)}
            print(f"  {q:<30}{t:8.3f} s  {len(res.rows):6} rows")
        entry["peak_mb"] = round(peak_mb(), 0)
        print(f"  peak RSS {entry['peak_mb']:.0f} MB")
        report["query"][engine] = entry
        del store
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.out:
        for p in out.iterdir():
            p.unlink()
        out.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
