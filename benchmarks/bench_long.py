#!/usr/bin/env python3
"""Cost of one long article: does ``kg.pipeline.extract`` stay linear in the article's size?

Builds single articles of growing size from the project's own samples/ texts (repeated, so
every rule keeps firing), and for each prints seconds for ``extract`` and for raw
``jieba.lcut`` on the same text, in the same run, and their ratio. Linear cost shows as a
ratio that stays flat as the size doubles; anything that scans all mentions per candidate
makes it grow with the size. ``--one-line`` joins everything into a single line (no
paragraphs: the worst case for per-paragraph work).

    .venv/bin/python benchmarks/bench_long.py [--sizes 0.25,0.5,1,2,10] [--one-line]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def long_text(megabytes: float, one_line: bool) -> str:
    base = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    if one_line:
        base = base.replace("\n", "")
    want = int(megabytes * 1_000_000)
    text = base * (want // len(base.encode("utf-8")) + 1)
    return text.encode("utf-8")[:want].decode("utf-8", "ignore")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.25,0.5,1", help="article sizes in MB (10^6 bytes of UTF-8), comma-separated")
    ap.add_argument("--one-line", action="store_true", help="the whole article on one line")
    args = ap.parse_args()

    import jieba

    from kg.ingest import text_article
    from kg.pipeline import extract

    jieba.lcut("预热")
    extract(text_article("中共中央政治局召开会议，学习贯彻“两个维护”。"))
    print(f"{'MB':>6}{'chars':>10}{'extract s':>11}{'jieba s':>9}{'ratio':>7}{'s/MB':>7}")
    for mb in (float(s) for s in args.sizes.split(",")):
        text = long_text(mb, args.one_line)
        t0 = time.perf_counter()
        extract(text_article(text))
        t1 = time.perf_counter()
        jieba.lcut(text)
        t2 = time.perf_counter()
        print(f"{mb:6.2f}{len(text):10d}{t1 - t0:11.1f}{t2 - t1:9.1f}{(t1 - t0) / (t2 - t1):7.1f}{(t1 - t0) / mb:7.1f}")


if __name__ == "__main__":
    main()
