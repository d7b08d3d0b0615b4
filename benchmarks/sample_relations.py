#!/usr/bin/env python3
"""Draw a reproducible random sample of extracted relations from a 新闻联播 build, for judging by hand.

Builds the first ``--items N`` records of ``../shared/corpus/bulk/xwlb_cctv_2022_2026.jsonl``
(or the ``--items N`` records after the first ``--start S``: a slice no rule was tuned on) with the package (``kg.build`` on exactly the articles ``kg build FILE.jsonl`` reads; no
export is written: only the graph is needed), then draws ``--n`` relations with a fixed
``--seed`` and writes one JSON object per line: article id, predicate, subject and object
(type and label), the evidence sentence and its offsets into the article text.

The unit drawn is an *assertion*: one relation ``subject --predicate--> object`` as stated in
one article (a graph edge seen in three articles is three assertions), because that is what
the extractor emits and what the evidence sentence can confirm or refute. Every relation
between entities is in the population (heldBy, studies, promotes, mentions, hasPart,
subOrganizationOf, locatedIn, chairedBy, attendedBy); the provenance links entity →
Article (``mentionedIn``) are not.

The output holds sentences of the corpus (CCTV's writing): write it outside the repository.
The judged facts (ids, labels, judgement) live in ``tests/judged_xwlb/``.

    .venv/bin/python benchmarks/sample_relations.py -o /tmp/sample.jsonl [--start 0] [--items 3000] [--n 200] [--seed 9]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
XWLB = SHARED / "corpus" / "bulk" / "xwlb_cctv_2022_2026.jsonl"
#: graph edges that are provenance, not relations between entities
PROVENANCE = frozenset({"mentionedIn"})


def first_articles(path: Path, n: int, start: int = 0) -> list:
    """The articles ``kg build PATH`` would read among its records ``start`` … ``start + n - 1``.

    Records are counted as ``kg build`` reads them (unreadable ones count and are skipped, as there), so
    ``start=0`` is the first ``n`` and a later ``start`` a slice that earlier samples never saw.
    """
    from kg.ingest import read_inputs
    from kg.model import Article

    return [a for a in islice(read_inputs([path]), start, start + n) if isinstance(a, Article)]


def assertions(graph) -> list[dict]:
    """Every (article, predicate, subject, object) of the graph with its first evidence in that article."""
    out = []
    for s, o, data in graph.edges(data=True):
        if data["predicate"] in PROVENANCE:
            continue
        sn, on = graph.nodes[s], graph.nodes[o]
        by_article: dict[str, dict] = {}
        for ev in data["evidence"]:  # sorted by (article, start, end)
            by_article.setdefault(ev["article"], ev)
        for aid, ev in by_article.items():
            out.append({"article": aid, "predicate": data["predicate"],
                        "subject_type": sn["type"], "subject": sn["label"],
                        "object_type": on["type"], "object": on["label"],
                        "start": ev["start"], "end": ev["end"], "sentence": ev["sentence"],
                        "evidence_count": sum(1 for e in data["evidence"] if e["article"] == aid)})
    out.sort(key=lambda r: (r["article"], r["predicate"], r["subject"], r["object"], r["start"]))
    return out


def sample(population: list[dict], n: int, seed: int) -> list[dict]:
    """``n`` assertions drawn without replacement; the same population (in any order) and seed give the same sample."""
    ordered = sorted(population, key=lambda r: (r["article"], r["predicate"], r["subject"], r["object"], r["start"]))
    picked = random.Random(seed).sample(ordered, min(n, len(ordered)))
    return sorted(picked, key=lambda r: (r["article"], r["predicate"], r["subject"], r["object"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jsonl", type=Path, default=XWLB)
    ap.add_argument("--start", type=int, default=0, help="skip the first S records of the JSONL")
    ap.add_argument("--items", type=int, default=3000, help="N records of the JSONL (after --start)")
    ap.add_argument("--n", type=int, default=200, help="assertions to draw")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("-o", "--out", type=Path, required=True, help="JSONL of the sample (outside the repository)")
    args = ap.parse_args(argv)
    if not args.jsonl.exists():
        print(f"{args.jsonl} is absent: ../shared beside the repository holds the corpus", file=sys.stderr)
        return 1

    from kg.api import build

    articles = first_articles(args.jsonl, args.items, args.start)
    result = build(articles, jobs=args.jobs)
    population = assertions(result.graph)
    picked = sample(population, args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for r in picked:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    per = Counter(r["predicate"] for r in population)
    got = Counter(r["predicate"] for r in picked)
    print(f"{len(articles)} articles → {len(population)} assertions; drew {len(picked)} (seed {args.seed}) → {args.out}")
    for p in sorted(per, key=lambda p: -per[p]):
        print(f"  {p:18} population {per[p]:6}  sample {got[p]:4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
