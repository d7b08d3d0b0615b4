#!/usr/bin/env python3
"""Write ``extractors/data/ner/name_chars.tsv``: how name-like each character is, from jieba's dictionary.

jieba's dictionary tags tens of thousands of Chinese personal names ``nr`` (张敬涛, 李铁辰). A
character's *given-name score* is the log ratio of its share among the given-name characters of
those names (a listed surname + one or two characters) to its share, weighted by word frequency,
among the characters of every other dictionary word; its *surname score* is the same ratio for
the first character of those names against the first characters of other words. 芳, 昕, 伟 score
high as given names, 的, 说, 火 low. Scores are clipped (a character seen in neither population
would otherwise look like a name: a character never seen in a name scores at most 0) and rounded;
a character not listed reads 0. The file is data of ``extractors/ner.py``'s ``ner.name-score`` rule; it is regenerated only
when jieba's dictionary or ``surnames.txt`` changes (deterministic: sorted by character).

    .venv/bin/python benchmarks/make_name_chars.py [--out extractors/data/ner/name_chars.tsv]
"""
from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIP = (-6.0, 4.0)


def scores() -> dict[str, tuple[float, float]]:
    import jieba

    from extractors.lexicon import Lexicons, word_tag
    from extractors.person import surnames

    single, _ = surnames(Lexicons())
    given, given_bg, first, first_bg = Counter(), Counter(), Counter(), Counter()
    with open(jieba.get_dict_file().name, encoding="utf-8") as fh:
        for line in fh:
            word, freq, *_ = line.split()
            tag = word_tag(word)
            if tag == "nr" and 2 <= len(word) <= 3 and word[0] in single:
                given.update(word[1:])
                first[word[0]] += 1
            elif not tag.startswith("nr"):
                f = int(freq)
                for c in word:
                    given_bg[c] += f
                first_bg[word[0]] += f
    g, gb, s, sb = (sum(c.values()) for c in (given, given_bg, first, first_bg))

    def ratio(k: str, a: Counter, an: int, b: Counter, bn: int) -> float:
        v = math.log((a[k] + 0.5) / an) - math.log((b[k] + 0.5) / bn)
        if not a[k]:
            v = min(v, 0.0)  # never seen in a name: rarity alone is no evidence (丂)
        return round(min(CLIP[1], max(CLIP[0], v)), 2)

    out = {}
    for c in sorted(set(given) | set(given_bg) | set(first)):
        if len(c.encode("utf-8")) == 3 and "\u4e00" <= c <= "\u9fff":
            row = (ratio(c, first, s, first_bg, sb), ratio(c, given, g, given_bg, gb))
            if row != (0.0, 0.0):
                out[c] = row
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "extractors" / "data" / "ner" / "name_chars.tsv")
    args = ap.parse_args(argv)
    rows = scores()
    lines = ["# How name-like each character is (benchmarks/make_name_chars.py, from jieba's dictionary): "
             "log ratios, clipped to [-6, 4]; a character not listed reads 0.",
             "char\tsurname\tgiven"]
    lines += [f"{c}\t{s}\t{g}" for c, (s, g) in rows.items()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rows)} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
