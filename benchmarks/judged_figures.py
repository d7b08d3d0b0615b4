#!/usr/bin/env python3
"""The judged samples' figures on this checkout: precision of the still-produced, retained, floors, held out.

Why: ``tests/test_judged.py`` only says pass or fail against a floor; choosing a floor, writing a commit
message or a sample's README wants the figure itself. This prints, for each sample of
``tests/test_judged.py``'s table (or only the ones named), what the extractors of this checkout make of
its judged articles, rebuilt from ``../shared`` exactly as the test rebuilds them (``tests/judged.py``):

* precision: the share judged correct among the judged assertions still produced (correct / still);
* retained: the share of the judged-correct still produced;
* the two floors the test holds them to, and ``HELD OUT`` for the held-out samples.

``--rows`` also lists the wrong assertions still produced, by error class, but only for the samples named
on the command line: a held-out sample's rows are read only when a task makes it a tuning sample
(docs/QUALITY.md), so a plain run never prints them.

    .venv/bin/python benchmarks/judged_figures.py                       # every sample's figures
    .venv/bin/python benchmarks/judged_figures.py judged_xwlb6 --rows   # one sample, with its wrong rows
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _tests_on_path() -> None:
    """``tests/`` importable (its helpers are modules of that folder, not of the package)."""
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))


@dataclass(frozen=True)
class Figures:
    """One sample's figures on this checkout, and the wrong assertions it still produces."""

    name: str
    still: int
    still_correct: int
    correct: int
    kept: int
    precision_floor: float
    retained_floor: float
    held_out: bool
    wrong: tuple[dict, ...]

    @property
    def precision(self) -> float:
        return self.still_correct / self.still if self.still else 0.0

    @property
    def retained(self) -> float:
        return self.kept / self.correct if self.correct else 0.0

    def line(self) -> str:
        return (f"{self.name:14s} precision {self.precision:.3f} ({self.still_correct}/{self.still})  retained "
                f"{self.retained:.3f} ({self.kept}/{self.correct})  floors {self.precision_floor}/{self.retained_floor}"
                f"{'  HELD OUT' if self.held_out else ''}")


def figures(sample: Any, rows: tuple[dict, ...], corpus: Path) -> Figures:
    """``sample`` (a row of ``tests/test_judged.py``'s table) measured on its judged ``rows``."""
    _tests_on_path()
    import judged

    with tempfile.TemporaryDirectory() as tmp:
        made = judged.produced(rows, corpus, Path(tmp))
    _, still, wrong = judged.precision(rows, made)
    correct = [r for r in rows if r["judgement"] == "correct"]
    kept = sum(1 for r in correct if judged.key(r) in made)
    return Figures(sample.name, len(still), len(still) - len(wrong), len(correct), kept,
                   sample.precision_floor, sample.retained_floor, sample.held_out, tuple(wrong))


def wrong_rows(f: Figures) -> str:
    """The wrong assertions still produced, by error class (largest first)."""
    _tests_on_path()
    import judged

    counts = dict(Counter(r["error"] for r in f.wrong))
    return f"  wrong still produced by class: {counts}\n{judged.listing(list(f.wrong), 'error')}"


def main(argv: Sequence[str] | None = None, samples: Sequence[Any] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="samples to measure (default: all), e.g. judged_xwlb6")
    ap.add_argument("--rows", action="store_true", help="list the wrong rows still produced of the NAMED samples")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the shared corpus folder (default: %(default)s)")
    args = ap.parse_args(argv)
    _tests_on_path()
    import judged

    if samples is None:
        import test_judged

        samples, load = test_judged.SAMPLES, test_judged.judged
    else:
        load = lambda s: judged.load(s.path)  # noqa: E731
    unknown = sorted(set(args.names) - {s.name for s in samples})
    if unknown:
        ap.error(f"no such sample: {', '.join(unknown)} (known: {', '.join(s.name for s in samples)})")
    if args.rows and not args.names:
        ap.error("--rows lists the rows of named samples only: name them")
    if not (args.corpus / judged.XWLB).is_file():
        print(f"{args.corpus / judged.XWLB} is absent: the judged articles are rebuilt from it", file=sys.stderr)
        return 2
    for sample in samples:
        if args.names and sample.name not in args.names:
            continue
        f = figures(sample, load(sample), args.corpus)
        print(f.line(), flush=True)
        if args.rows:
            print(wrong_rows(f), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
