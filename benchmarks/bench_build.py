#!/usr/bin/env python3
"""``kg build`` end to end: a clean build, an incremental rebuild, ``--jobs 2``, against ``jieba.lcut``.

On the first ``--items N`` 新闻联播 records of ``../shared/corpus/bulk/xwlb_cctv_2022_2026.jsonl``
(5,000 by default), each build a real ``kg build`` process (default formats), timed by wall clock:

1. ``jieba.lcut`` over the same stripped text in a fresh process, dictionary load included
   (the yardstick: machines are noisy, so figures are ratios to it, measured in the same run);
2. clean build of N items, ``--jobs 1``, filling an empty ``--cache``;
3. rebuild of N + ``--append`` items with that cache (target < 10 % of 2), then of N + 2 × ``--append``
   with the cache as that left it (a news archive's next append: the kept state of a rebuild);
4. clean build of the N + append items with ``--jobs 2`` and no cache (target: 2 / 4 ≥ 1.7);
   its files must be byte-identical to 3's (cache and jobs change nothing).

Peak RSS and the time per phase come from each build's ``--report``. The project's modules are
byte-compiled first (as an installation does): with ``PYTHONDONTWRITEBYTECODE`` set, as in some
shells, every build would otherwise compile them from source again (~0.2-0.5 s of each start-up).

    .venv/bin/python benchmarks/bench_build.py [--items 5000] [--append 10] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk" / "xwlb_cctv_2022_2026.jsonl"
JIEBA = """
import json, sys, time
from kg.ingest import html_text
t0 = time.perf_counter()
import jieba
jieba.setLogLevel(60)
for line in open(sys.argv[1], encoding="utf-8"):
    jieba.lcut(html_text(json.loads(line).get("content_html") or ""))
print(time.perf_counter() - t0)
"""


def _head(n: int, path: Path) -> None:
    with open(BULK, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)


def _kg(args: list[str], report: Path) -> tuple[float, dict]:
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", *args, "--no-progress", "--report", str(report)],
                         cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if run.returncode not in (0, 2):
        raise SystemExit(run.stderr)
    print("   ", run.stderr.strip().splitlines()[-1], flush=True)
    return wall, json.loads(report.read_text(encoding="utf-8"))["timings"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--append", type=int, default=10)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not BULK.is_file():
        print(f"{BULK} is absent: this benchmark reads ../shared/corpus/bulk", file=sys.stderr)
        return 2
    subprocess.run([sys.executable, "-m", "compileall", "-q", "kg", "extractors", "ontology"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        d = Path(tmp)
        small, big, bigger = d / "small.jsonl", d / "big.jsonl", d / "bigger.jsonl"
        _head(args.items, small)
        _head(args.items + args.append, big)
        _head(args.items + 2 * args.append, bigger)
        jieba = float(subprocess.run([sys.executable, "-c", JIEBA, str(small)], capture_output=True, text=True,
                                     check=True).stdout)
        print(f"jieba.lcut, {args.items} items, dictionary load included: {jieba:.1f} s", flush=True)
        clean, t_clean = _kg([str(small), "-o", str(d / "clean"), "--cache", str(d / "cache")], d / "r1.json")
        print(f"clean build --jobs 1: {clean:.1f} s", flush=True)
        rebuild, t_rebuild = _kg([str(big), "-o", str(d / "rebuild"), "--cache", str(d / "cache")], d / "r2.json")
        print(f"rebuild after appending {args.append}: {rebuild:.1f} s", flush=True)
        again, t_again = _kg([str(bigger), "-o", str(d / "again"), "--cache", str(d / "cache")], d / "r4.json")
        print(f"rebuild after appending {args.append} more (the cache as the first rebuild left it): {again:.1f} s",
              flush=True)
        jobs2, t_jobs2 = _kg([str(big), "-o", str(d / "jobs2"), "--jobs", "2"], d / "r3.json")
        print(f"clean build --jobs 2 of {args.items + args.append}: {jobs2:.1f} s", flush=True)
        identical = all((d / "rebuild" / f).read_bytes() == (d / "jobs2" / f).read_bytes()
                        for f in ("graph.ttl", "graph.html"))
    row = {
        "items": args.items, "append": args.append, "jieba_s": round(jieba, 2), "clean_s": round(clean, 2),
        "rebuild_s": round(rebuild, 2), "rebuild_again_s": round(again, 2), "jobs2_s": round(jobs2, 2),
        "build_vs_jieba": round(jieba / clean, 3), "rebuild_share_of_clean": round(rebuild / clean, 3),
        "rebuild_again_share_of_clean": round(again / clean, 3),
        "jobs2_speedup": round(clean / jobs2 * (args.items + args.append) / args.items, 3),
        "rebuild_identical_to_clean_jobs2": identical,
        "timings": {"clean": t_clean, "rebuild": t_rebuild, "rebuild_again": t_again, "jobs2": t_jobs2},
    }
    print(f"kg build / jieba.lcut throughput: {row['build_vs_jieba']:.3f}x; rebuild = {row['rebuild_share_of_clean']:.1%} "
          f"of clean (again: {row['rebuild_again_share_of_clean']:.1%}); --jobs 2 speed-up {row['jobs2_speedup']:.2f}x; identical: {identical}")
    if args.json:
        args.json.write_text(json.dumps(row, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
