#!/usr/bin/env python3
"""Draw a reproducible random sample of extracted relations from a 新闻联播 build, for judging by hand.

Builds the first ``--items N`` records of ``../shared/corpus/bulk/xwlb_cctv_2022_2026.jsonl``
(or the ``--items N`` records after the first ``--start S``: a slice no rule was tuned on; or the records
of one or more ``--range FIRST:LAST``, 1-based and inclusive, once the file's slices are all used) with
the package (``kg.build`` on exactly the articles ``kg build FILE.jsonl`` reads; no export is written:
only the graph is needed), then draws ``--n`` relations with a fixed ``--seed`` and writes one JSON
object per line: article id, the record's number (``line``), predicate, subject and object (type and
label), the evidence sentence and its offsets into the article text.

``--exclude-articles SAMPLE.json ...`` leaves out, before the build, every article an earlier judged
sample drew from, so a new draw is of relations no judge or rule has seen. A judged sample names its
articles by the line id ``<file stem>-<record number>`` the tests rebuild them with (``tests/judged.py``);
an article is left out when that id, or its own id, is named.

The unit drawn is an *assertion*: one relation ``subject --predicate--> object`` as stated in
one article (a graph edge seen in three articles is three assertions), because that is what
the extractor emits and what the evidence sentence can confirm or refute. Every relation
between entities is in the population (heldBy, studies, promotes, mentions, hasPart,
subOrganizationOf, locatedIn, chairedBy, attendedBy); the provenance links entity →
Article (``mentionedIn``) are not.

The output holds sentences of the corpus (CCTV's writing): write it outside the repository.
The judged facts (ids, labels, judgement) live in ``tests/judged_xwlb/``.

    .venv/bin/python benchmarks/sample_relations.py -o /tmp/sample.jsonl [--start 0] [--items 3000] [--n 200] [--seed 9]
    .venv/bin/python benchmarks/sample_relations.py -o /tmp/s.jsonl --range 12001:15000 --range 18001:23254 \\
        --exclude-articles tests/judged_xwlb4/sample.json tests/judged_xwlb5/sample.json [--n 200] [--seed 9]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Any

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


def records(path: Path, ranges: list[tuple[int, int]]) -> list[tuple[int, Any]]:
    """``(record number, article)`` of every article ``kg build PATH`` reads among the records of ``ranges``.

    Ranges are 1-based and inclusive (``(1, 3000)`` is the first 3,000; ``start=S, n=N`` of
    :func:`first_articles` is ``(S + 1, S + N)``); records are counted as ``kg build`` reads them.
    """
    from kg.ingest import read_inputs
    from kg.model import Article

    last = max(end for _, end in ranges)
    return [(n, item) for n, item in enumerate(islice(read_inputs([path]), last), 1)
            if isinstance(item, Article) and any(first <= n <= end for first, end in ranges)]


def parse_range(text: str) -> tuple[int, int]:
    """``FIRST:LAST`` (1-based, inclusive) as a pair; argparse reports a bad one."""
    first, sep, last = text.partition(":")
    try:
        pair = int(first), int(last)
    except ValueError:
        pair = (0, 0)
    if not sep or not 1 <= pair[0] <= pair[1]:
        raise argparse.ArgumentTypeError(f"{text!r} is not FIRST:LAST with 1 <= FIRST <= LAST")
    return pair


def named_articles(paths: list[Path]) -> set[str]:
    """Every article id the judged samples at ``paths`` (``sample.json``: a list of rows) drew from."""
    return {row["article"] for p in paths for row in json.loads(p.read_text(encoding="utf-8"))}


def excluding(numbered: list[tuple[int, Any]], stem: str, named: set[str]) -> list[tuple[int, Any]]:
    """The numbered articles whose line id ``<stem>-<number>`` and own id are both unnamed."""
    return [(n, a) for n, a in numbered if f"{stem}-{n}" not in named and a.id not in named]


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
    ap.add_argument("--range", dest="ranges", action="append", type=parse_range, metavar="FIRST:LAST",
                    help="records FIRST … LAST of the JSONL, 1-based and inclusive (repeatable; "
                         "replaces --start/--items)")
    ap.add_argument("--exclude-articles", nargs="+", type=Path, default=[], metavar="SAMPLE.json",
                    help="leave out every article these judged samples drew from")
    ap.add_argument("--n", type=int, default=200, help="assertions to draw")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("-o", "--out", type=Path, required=True, help="JSONL of the sample (outside the repository)")
    args = ap.parse_args(argv)
    if not args.jsonl.exists():
        print(f"{args.jsonl} is absent: ../shared beside the repository holds the corpus", file=sys.stderr)
        return 1

    from kg.api import build

    ranges = args.ranges or [(args.start + 1, args.start + args.items)]
    numbered = records(args.jsonl, ranges)
    read = len(numbered)
    numbered = excluding(numbered, args.jsonl.stem, named_articles(args.exclude_articles))
    articles = [a for _, a in numbered]
    line = {a.id: n for n, a in numbered}
    result = build(articles, jobs=args.jobs)
    population = assertions(result.graph)
    picked = sample(population, args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for r in picked:
            fh.write(json.dumps({"line": line[r["article"]], **r}, ensure_ascii=False) + "\n")
    if args.exclude_articles:
        print(f"{read} articles read, {read - len(articles)} left out as drawn by {len(args.exclude_articles)} samples")
    per = Counter(r["predicate"] for r in population)
    got = Counter(r["predicate"] for r in picked)
    print(f"{len(articles)} articles → {len(population)} assertions; drew {len(picked)} (seed {args.seed}) → {args.out}")
    for p in sorted(per, key=lambda p: -per[p]):
        print(f"  {p:18} population {per[p]:6}  sample {got[p]:4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
