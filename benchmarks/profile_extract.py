#!/usr/bin/env python3
"""Where extraction time goes: seconds per pipeline component, as ratios of raw ``jieba.lcut``.

Runs the default pipeline on the first ``--xwlb N`` 新闻联播 items (HTML stripped, as
``bench_extract.py``), timing each component's ``__call__`` and, item by item in the same loop,
``jieba.lcut`` over the same normalised text. Times are CPU time of this process
(``time.process_time``), and jieba is timed right after each item: on a shared machine the
wall clock of two separate passes moves with other load, the ratios here do not. The line
``(ner: its jieba segmentation)`` is the cost of the name component's one segmentation of every
sentence, measured apart on a twin of its segmenter (it is included in ``ner``). With ``--profile FILE`` it also writes a
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
    from extractors.gcpause import no_gc
    from extractors.lexicon import Lexicons, tokenizer
    from extractors.segment import Segmenter
    from kg.model import Article
    from kg.pipeline import extract, make_doc

    docs = [Article(id=i, text=t) for i, t in load_xwlb(args.xwlb)]
    extract(docs[0])  # warm every lexicon, jieba's dictionary, OpenCC
    jieba.lcut("预热")
    tokenizer(Lexicons())
    pipeline = default_pipeline()
    spent: dict[str, float] = defaultdict(float)

    def run() -> None:
        clock = time.process_time
        for a in docs:
            t = clock()
            doc = make_doc(a)
            spent["(normalise, sentences)"] += clock() - t
            for c in pipeline:
                t = clock()
                c(doc)
                spent[c.name] += clock() - t
            t = clock()
            extract(a, pipeline=[_noop])  # grouping into entities, offsets back to the original
            spent["(grouping, normalise again)"] += clock() - t
            t = clock()
            jieba.lcut(doc.text)
            spent["(jieba.lcut)"] += clock() - t
            if "ner" in names:  # a twin of the pipeline's segmenter: same sentences, so the same memo hits
                t = clock()
                for s, e in doc.sentences:
                    twin.lcut(doc.text[s:e])
                spent["(ner: its jieba segmentation)"] += clock() - t

    names = {c.name for c in pipeline}
    twin = Segmenter(tokenizer(Lexicons().canonical()))
    t0 = time.process_time()
    with no_gc():  # as kg build extracts (kg.api.extract_all): jieba.lcut in the same loop, so also paused
        if args.profile:
            prof = cProfile.Profile()
            prof.runcall(run)
            prof.dump_stats(str(args.profile))
        else:
            run()
    jieba_s = spent.pop("(jieba.lcut)")
    seg_s = spent.pop("(ner: its jieba segmentation)", 0.0)
    # extract() with no component repeats normalising and sentence splitting before it groups: count them once
    total = sum(spent.values()) - spent["(normalise, sentences)"]
    mb = sum(len(make_doc(a).text.encode()) for a in docs) / 1e6
    print(f"{len(docs)} items, {mb:.2f} MB; CPU s: jieba.lcut {jieba_s:.2f} s ({mb / jieba_s:.2f} MB/s); "
          f"extraction {total:.2f} s{' (under cProfile)' if args.profile else ''}; whole loop {time.process_time() - t0:.2f} s")
    print(f"{'component':28} {'seconds':>8} {'share':>6} {'× jieba.lcut':>13}")
    for name, s in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:28} {s:8.2f} {s / total:6.1%} {s / jieba_s:13.2f}")
    if seg_s:
        print(f"{'(ner: its jieba segmentation)':28} {seg_s:8.2f} {seg_s / total:6.1%} {seg_s / jieba_s:13.2f}")
    print(f"extraction throughput = {jieba_s / total:.2f}× jieba.lcut")
    from extractors import native

    print(f"name component: {'compiled (extractors.native)' if native.active() else 'pure Python (KG_NATIVE=0, or no current build)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
