#!/usr/bin/env python3
"""Time every bundled query (``queries/*.rq``) on the store of a build.

    python benchmarks/bench_queries.py DIR [--repeat 3] [--only NAME ...] [--param NAME=VALUE ...] [--json FILE]

Issue 11 asks that each bundled query answers in well under a second on a
full-corpus build; this prints, per query, the first run (cold caches of the
store), the best of ``--repeat`` runs and the number of rows, on any build
directory (its ``graph.oxigraph`` store, else the parsed RDF file).

Parameterised queries get defaults that exist in a 新闻联播 build
(slogan=两个确立, organization=中共中央); the article of ``article_statements.rq``
and the relation of ``relation_evidence.rq`` are picked from the build itself
(the first article with statements, and the ``kg:promotes`` edge of the default
organization and slogan), so the script works on any corpus. Override any of them
with ``--param``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import query as Q  # noqa: E402

QUERIES = ROOT / "queries"
KG = "https://w3id.org/policy-slogan-kg/ontology#"
DEFAULTS = {"slogan": "两个确立", "organization": "中共中央", "subject": "中共中央",
            "property": f"<{KG}promotes>", "object": "两个确立"}
#: The first article that states a relation besides kg:mentionedIn, for article_statements.rq.
_ARTICLE = """SELECT ?id WHERE { ?e a kg:Assertion ; kg:inArticle ?doc ; kg:predicate ?p . FILTER (?p != kg:mentionedIn)
?doc dcterms:identifier ?id } ORDER BY ?id LIMIT 1"""


#: The title of the first article mentioning the default subject, for mention_evidence.rq (on the RDF file).
_TITLE = """# param subject@zh: the resource
SELECT ?subject ?t WHERE { ?s rdfs:label ?subject . ?m kg:refersTo ?s ; kg:inArticle ?d ; kg:sentenceStart ?x .
?d rdfs:label ?t ; dcterms:identifier ?id } ORDER BY ?id LIMIT 1"""


def default_params(store: Any, given: dict[str, str]) -> dict[str, str]:
    """:data:`DEFAULTS` with ``given`` on top, and an article id found in the build."""
    params = {**DEFAULTS, **given}
    if "article" not in params:
        rows = Q.run_query(store, _ARTICLE).rows
        params["article"] = str(rows[0][0]) if rows else ""
    return params


def bench(store: Any, names: list[str], params: dict[str, str], repeat: int, build: Path | None = None) -> list[dict[str, Any]]:
    """One record per query: first and best time (s), rows, parameters bound, and what answered it.

    A query the store cannot answer (mentions: :func:`kg.store.store_covers`) runs where ``kg query``
    runs it, on the build's RDF file parsed in memory; the parse is timed apart (``load_s``)."""
    from kg.store import has_store, store_covers

    out = []
    parsed: Any = None
    for name in names:
        text = (QUERIES / name).read_text(encoding="utf-8")
        handle, on, load_s = store, "store", 0.0
        if build is not None and has_store(build) and not store_covers(text):
            if parsed is None:
                t0 = time.perf_counter()
                parsed = Q.load(build, sparql=text)
                load_s = time.perf_counter() - t0
            handle, on = parsed, "file"
        if "title" in Q.declared_params(text) and "title" not in params:
            rows = Q.run_query(handle, _TITLE, {"subject": params["subject"]}).rows
            params = {**params, "title": str(rows[0][1]) if rows else ""}
        bound = {p: params[p] for p in Q.declared_params(text)}
        times, rows = [], 0
        for _ in range(max(1, repeat)):
            t0 = time.perf_counter()
            rows = len(Q.run_query(handle, text, bound).rows)
            times.append(time.perf_counter() - t0)
        out.append({"query": name, "first_s": round(times[0], 4), "best_s": round(min(times), 4), "rows": rows,
                    "params": bound, "on": on, "load_s": round(load_s, 2)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", type=Path, help="a kg build directory (or an RDF file)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per query (best is reported)")
    ap.add_argument("--only", nargs="*", default=None, help="query file names to run (default: all)")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="override a default parameter")
    ap.add_argument("--json", type=Path, default=None, help="also write the records here")
    args = ap.parse_args(argv)
    given = dict(p.split("=", 1) for p in args.param)

    t0 = time.perf_counter()
    store = Q.load(args.build)
    opened = time.perf_counter() - t0
    names = args.only or sorted(p.name for p in QUERIES.glob("*.rq"))
    records = bench(store, names, default_params(store, given), args.repeat, args.build)

    print(f"{args.build}: store opened in {opened:.3f} s")
    print(f"{'query':34} {'first s':>8} {'best s':>8} {'rows':>7}  params")
    for r in records:
        flag = "" if r["best_s"] < 1.0 else "  SLOW"
        if r["on"] != "store":
            flag += f"  (on the RDF file, parsed in {r['load_s']:.1f} s)"
        shown = " ".join(f"{k}={v}" for k, v in r["params"].items())
        print(f"{r['query']:34} {r['first_s']:8.3f} {r['best_s']:8.3f} {r['rows']:7d}  {shown}{flag}")
    fast = sum(r["best_s"] < 1.0 for r in records)
    print(f"{fast}/{len(records)} under 1 s; total best {sum(r['best_s'] for r in records):.2f} s")
    if args.json:
        args.json.write_text(json.dumps({"build": str(args.build), "open_s": round(opened, 4), "queries": records},
                                        ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
