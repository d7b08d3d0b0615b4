#!/usr/bin/env python3
"""Person / Place / Organization extraction on People's Daily NER, beside plain jieba.posseg.

Data: ../shared/corpus/peoples_daily_ner/example.{dev,test} — one character and
its BIO tag per line (B-PER/I-PER, B-LOC/I-LOC, B-ORG/I-ORG, O), a blank line
between sentences. Scoring is exact-span match per type: a predicted (type,
start, end) counts only if a gold entity has exactly that type and span.

* ours: every sentence is run alone through ``kg.pipeline.extract(kg.Article(...))``;
  the mentions of Person/Place/Organization entities give PER/LOC/ORG spans;
* baseline: ``jieba.posseg.cut`` on the same sentence in the same run, with
  nr* → PER (nr, nrfg, nrt: jieba's person-name tags), ns → LOC, nt → ORG.

Develop on ``--split dev`` (default); ``--split test`` is for the final figure only.

    .venv/bin/python benchmarks/bench_ner.py [--split dev|test] [--limit N] [--errors 20]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "corpus" / "peoples_daily_ner"
TYPES = ("PER", "LOC", "ORG")
OURS = {"Person": "PER", "Place": "LOC", "Organization": "ORG"}

Span = tuple[str, int, int]


def read_bio(path: Path) -> list[tuple[str, set[Span]]]:
    """Sentences as (text, {(type, start, end)}) from a char-per-line BIO file."""
    sentences: list[tuple[str, set[Span]]] = []
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if chars:
            sentences.append(("".join(chars), spans_of(tags)))
        chars.clear()
        tags.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            parts = line.split()
            if len(parts) == 1:  # a line holding only a tag would mean a whitespace char
                ch, tag = " ", parts[0]
            else:
                ch, tag = parts[0], parts[-1]
            chars.append(ch)
            tags.append(tag)
    flush()
    return sentences


def spans_of(tags: list[str]) -> set[Span]:
    out: set[Span] = set()
    start, typ = None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and typ == tag[2:]:
            continue
        if typ is not None:
            out.add((typ, start, i))
            start, typ = None, None
        if tag.startswith(("B-", "I-")):  # a stray I- starts an entity, as conlleval does
            start, typ = i, tag[2:]
    return out


def ours(text: str, i: int) -> set[Span]:
    from kg.model import Article
    from kg.pipeline import extract

    res = extract(Article(id=f"s{i}", text=text))
    spans = {(OURS[e.type], m.start, m.end) for e in res.entities.values() if e.type in OURS for m in e.mentions}
    # The graph keeps nested mentions (徐州 inside 徐州报业传媒集团); People's Daily is flat NER,
    # so for this benchmark a span inside another predicted span is dropped (outermost wins).
    return {s for s in spans if not any(o != s and o[1] <= s[1] and s[2] <= o[2] for o in spans)}


def jieba_posseg(text: str, _i: int) -> set[Span]:
    import jieba.posseg as pseg

    out: set[Span] = set()
    pos = 0
    for pair in pseg.cut(text):
        word, flag = pair.word, pair.flag
        start = text.find(word, pos)
        if start < 0:
            start = pos
        end = start + len(word)
        pos = end
        typ = "PER" if flag.startswith("nr") else "LOC" if flag == "ns" else "ORG" if flag == "nt" else None
        if typ:
            out.add((typ, start, end))
    return out


def score(system, sentences) -> tuple[dict[str, Counter], float, list]:
    counts = {t: Counter() for t in TYPES}
    errors = []
    t0 = time.perf_counter()
    for i, (text, gold) in enumerate(sentences):
        pred = system(text, i)
        for t in TYPES:
            g = {s for s in gold if s[0] == t}
            p = {s for s in pred if s[0] == t}
            counts[t]["tp"] += len(g & p)
            counts[t]["fp"] += len(p - g)
            counts[t]["fn"] += len(g - p)
        if pred != gold:
            errors.append((text, sorted(gold - pred, key=lambda s: s[1]), sorted(pred - gold, key=lambda s: s[1])))
    return counts, time.perf_counter() - t0, errors


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only")
    ap.add_argument("--errors", type=int, default=0, help="print the first N sentences where ours is wrong")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    path = DATA / f"example.{args.split}"
    if not path.exists():
        print(f"{path} is absent: this benchmark reads ../shared/corpus/peoples_daily_ner", file=sys.stderr)
        return 2

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    sentences = read_bio(path)
    if args.limit:
        sentences = sentences[: args.limit]
    gold_n = Counter(s[0] for _, g in sentences for s in g)
    print(f"{path.name}: {len(sentences)} sentences, gold PER {gold_n['PER']}, LOC {gold_n['LOC']}, ORG {gold_n['ORG']}"
          " (exact-span match)")
    ours("预热", -1)  # load lexicons before timing
    results = {}
    for name, system in (("policy-slogan-kg", ours), ("jieba.posseg", jieba_posseg)):
        counts, seconds, errors = score(system, sentences)
        results[name] = (counts, seconds, errors)
    print(f"{'type':6}{'system':18}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>7}{'FN':>7}")
    figures: dict = {}
    for t in (*TYPES, "micro"):
        for name, (counts, _, _) in results.items():
            c = sum(counts.values(), Counter()) if t == "micro" else counts[t]
            p, r, f = prf(c)
            figures.setdefault(name, {})[t] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), **dict(c)}
            print(f"{t:6}{name:18}{p:7.3f}{r:7.3f}{f:7.3f}{c['tp']:7}{c['fp']:7}{c['fn']:7}")
    for name, (_, seconds, _) in results.items():
        print(f"{name}: {seconds:.1f} s ({len(sentences) / seconds:.0f} sentences/s)")
    for text, missed, spurious in results["policy-slogan-kg"][2][: args.errors]:
        print(f"\n{text}\n  missed:   {[(t, text[s:e]) for t, s, e in missed]}\n  spurious: {[(t, text[s:e]) for t, s, e in spurious]}")
    if args.json:
        args.json.write_text(json.dumps({"split": args.split, "sentences": len(sentences), **figures},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
