#!/usr/bin/env python3
"""Where extraction time goes: seconds per pipeline component, as ratios of raw ``jieba.lcut``.

Runs the default pipeline on the first ``--xwlb N`` 新闻联播 items (HTML stripped, as
``bench_extract.py``), timing each component's ``__call__`` with ``perf_counter`` and, in the
same run, ``jieba.lcut`` over the same normalised text. With ``--profile FILE`` it also writes a
cProfile of the whole loop (``python -m pstats FILE`` or snakeviz to read it).

    .venv/bin/python benchmarks/profile_extract.py [--xwlb 1000] [--profile /tmp/extract.prof]
"""
from __future__ import annotations

import argparse
import cProfile
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import load_xwlb  # noqa: E402


def _noop(doc) -> None:
    """A component that adds nothing: times what ``extract`` does around the pipeline."""


_noop.name = "noop"  # type: ignore[attr-defined]
_noop.requires = ()  # type: ignore[attr-defined]
_noop.assigns = ()  # type: ignore[attr-defined]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xwlb", type=int, default=1000, help="first N 新闻联播 items (default 1000)")
    ap.add_argument("--profile", type=Path, help="also write a cProfile of the extraction loop here")
    args = ap.parse_args(argv)

    import jieba

    from extractors import default_pipeline
    from extractors.lexicon import Lexicons, tokenizer
    from kg.model import Article
    from kg.pipeline import extract, make_doc

    docs = [Article(id=i, text=t) for i, t in load_xwlb(args.xwlb)]
    extract(docs[0])  # warm every lexicon, jieba's dictionary, OpenCC
    jieba.lcut("预热")
    tokenizer(Lexicons())
    pipeline = default_pipeline()
    spent: dict[str, float] = defaultdict(float)

    def run() -> None:
        for a in docs:
            t = time.perf_counter()
            doc = make_doc(a)
            spent["(normalise, sentences)"] += time.perf_counter() - t
            for c in pipeline:
                t = time.perf_counter()
                c(doc)
                spent[c.name] += time.perf_counter() - t
            t = time.perf_counter()
            extract(a, pipeline=[_noop])  # grouping into entities, offsets back to the original
            spent["(grouping, normalise again)"] += time.perf_counter() - t

    t0 = time.perf_counter()
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(run)
        prof.dump_stats(str(args.profile))
    else:
        run()
    total = time.perf_counter() - t0
    texts = [make_doc(a).text for a in docs]
    t = time.perf_counter()
    for s in texts:
        jieba.lcut(s)
    jieba_s = time.perf_counter() - t
    mb = sum(len(s.encode()) for s in texts) / 1e6
    print(f"{len(docs)} items, {mb:.2f} MB; jieba.lcut {jieba_s:.2f} s ({mb / jieba_s:.2f} MB/s); "
          f"extraction loop {total:.2f} s{' (under cProfile)' if args.profile else ''}")
    print(f"{'component':28} {'seconds':>8} {'share':>6} {'× jieba.lcut':>13}")
    for name, s in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:28} {s:8.2f} {s / total:6.1%} {s / jieba_s:13.2f}")
    print(f"extraction throughput = {jieba_s / total:.2f}× jieba.lcut")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
