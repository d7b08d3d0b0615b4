#!/usr/bin/env python3
"""Throughput of ``kg.pipeline.extract`` against raw ``jieba.lcut`` on the same text, in the same run.

Inputs (read from ../shared/corpus/bulk, beside the repository):

* the first ``--xwlb N`` 新闻联播 items of ``xwlb_cctv_2022_2026.jsonl`` (HTML stripped),
  one article each: short news, the genre's typical size;
* the first ``--reports N`` records of ``government_work_reports.jsonl``: long documents
  (tens of thousands of characters each), where anything super-linear shows.

For each corpus it prints MB/s (UTF-8 megabytes of input per second, 1 MB = 10^6 bytes)
and characters/s for both, and extract's speed as a fraction of jieba's.
Both are warmed up first (jieba's dictionary, the lexicons, OpenCC), so the
figures are steady-state throughput, not start-up cost.

    .venv/bin/python benchmarks/bench_extract.py [--xwlb 2000] [--reports 72] [--repeat 1]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
BULK = SHARED / "corpus" / "bulk"


def strip_html(s: str) -> str:
    from kg.ingest import html_text

    return html_text(s).strip()


def load_xwlb(n: int) -> list[tuple[str, str]]:
    out = []
    with open(BULK / "xwlb_cctv_2022_2026.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            rec = json.loads(line)
            text = strip_html(rec.get("content_html") or "")
            if text:
                out.append((f"xwlb-{rec.get('date')}-{rec.get('num')}", text))
    return out


def load_reports(n: int) -> list[tuple[str, str]]:
    out = []
    with open(BULK / "government_work_reports.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if len(out) >= n:
                break
            rec = json.loads(line)
            if rec.get("content"):
                out.append((f"gwr-{i}", rec["content"]))
    return out


def timed(fn, items, repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` passes, the cyclic collector paused as ``kg build`` pauses it
    over extraction (``kg.api.extract_all``); jieba is timed the same way."""
    from extractors.gcpause import no_gc

    best = float("inf")
    for _ in range(repeat):
        with no_gc():
            t0 = time.perf_counter()
            for item in items:
                fn(item)
            best = min(best, time.perf_counter() - t0)
    return best


def bench(name: str, docs: list[tuple[str, str]], repeat: int, skip: tuple[str, ...] = ()) -> dict:
    import jieba

    from kg.model import Article
    from kg.pipeline import extract

    articles = [Article(id=i, text=t) for i, t in docs]
    texts = [t for _, t in docs]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(len(t) for t in texts)
    t_jieba = timed(jieba.lcut, texts, repeat)
    t_extract = timed(lambda a: extract(a, skip=skip), articles, repeat)
    row = {"corpus": name, "docs": len(docs), "MB": round(mb, 3), "chars": chars,
           "jieba_s": round(t_jieba, 2), "extract_s": round(t_extract, 2),
           "jieba_MBps": round(mb / t_jieba, 3), "extract_MBps": round(mb / t_extract, 3),
           "ratio": round(t_jieba / t_extract, 3)}
    print(f"{name:28}{len(docs):6}{mb:8.2f}{mb / t_jieba:12.3f}{mb / t_extract:13.3f}"
          f"{chars / t_jieba / 1e3:12.0f}{chars / t_extract / 1e3:13.0f}{t_jieba / t_extract:9.3f}", flush=True)
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xwlb", type=int, default=2000, help="first N 新闻联播 items (default 2000)")
    ap.add_argument("--reports", type=int, default=72, help="first N government work reports (default 72 = all)")
    ap.add_argument("--repeat", type=int, default=1, help="best of N timings (default 1)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--skip", action="append", default=[], help="leave out a pipeline component (e.g. --skip ner)")
    args = ap.parse_args(argv)
    if not BULK.is_dir():
        print(f"{BULK} is absent: this benchmark reads ../shared/corpus/bulk", file=sys.stderr)
        return 2

    import jieba

    from kg.model import Article
    from kg.pipeline import extract

    jieba.setLogLevel(60)
    jieba.initialize()
    extract(Article(id="warm", text="市总工会召開主席办公会，学习贯彻市委十二届十三次全会精神，大兴“五种风气”。"))
    jieba.lcut("预热")

    corpora = []
    if args.xwlb:
        corpora.append((f"xwlb first {args.xwlb}", load_xwlb(args.xwlb)))
    if args.reports:
        corpora.append((f"gov work reports first {args.reports}", load_reports(args.reports)))
    print(f"{'corpus':28}{'docs':>6}{'MB':>8}{'jieba MB/s':>12}{'extract MB/s':>13}"
          f"{'jieba kc/s':>12}{'extract kc/s':>13}{'ratio':>9}")
    rows = [bench(name, docs, args.repeat, tuple(args.skip)) for name, docs in corpora]
    print("ratio = extract throughput / jieba.lcut throughput (same text, same process)")
    from extractors import native

    print(f"name component: {'compiled (extractors.native)' if native.active() else 'pure Python'}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
