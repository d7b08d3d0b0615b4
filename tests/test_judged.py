"""Precision on real news: relations drawn at random from 新闻联播 builds and judged by hand (issue 9).

Each ``tests/judged_xwlb*/sample.json`` holds 200 assertions (article, predicate, both ends) drawn with a
fixed seed by ``benchmarks/sample_relations.py`` from a build of a slice of
``../shared/corpus/bulk/xwlb_cctv_2022_2026.jsonl`` (or of several, less the articles earlier samples drew
from), each judged correct or wrong against its evidence sentence and article (SCHEMA.md §4–§5), wrong ones with an error class (:data:`judged.ERROR_CLASSES`);
how each was drawn and judged is in its README. Only these short facts are stored: the test rebuilds the
judged articles from ``../shared`` and runs the real extractors on just those (``tests/judged.py``).

What each sample holds: among the judged assertions still produced, the share judged correct stays at or
above a floor, and most of the correct ones are still produced. A failure lists the wrong ones that are
back (by error class) or the correct ones that are gone. New assertions that were never judged do not
count: for a fresh figure, draw and judge a new sample from a slice no rule was tuned on.

The first three samples were used to tune rules, so their figures are biased upward; ``held_out`` ones
(xwlb4, xwlb5, xwlb9, xwlb10) come from later slices and must not be tuned on: read their figure, not their
rows (xwlb9 is drawn from the held-out slices' articles that xwlb4-8 did not draw from, xwlb10 from those
xwlb4-9 did not). xwlb6 was held out until stop 21, whose precision rules were written from its rows; xwlb7
(drawn from the held-out slices' articles that xwlb4-6 did not draw from) until stop 22, and xwlb8 (from those
xwlb4-7 did not) until prec7: all three are tuned samples now.
The floors sit a few points under the figures on the newest main, so a rule that brings back judged-wrong
assertions fails here.
One table of samples, one set of tests: a new sample is a new row.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from judged import ERROR_CLASSES, assert_precision, assert_retained, check_well_formed, load, sampler
from judged import produced as rebuild

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Sample:
    """One judged sample: where it came from, its honest figure and the floors a change must keep."""

    name: str
    #: the judged-correct count when it was drawn (out of 200): the honest figure of ``drawn_on``
    correct: int
    drawn_on: str
    #: records of the JSONL it was drawn from: (first, last) line numbers, inclusive, one pair per range
    lines: tuple[tuple[int, int], ...]
    #: share correct among the judged assertions still produced
    precision_floor: float
    #: share of the judged-correct still produced
    retained_floor: float
    held_out: bool = False
    #: every judgement carries the judge's reason (samples from xwlb5 on)
    notes: bool = False
    #: earlier samples whose articles were left out of the draw (``--exclude-articles``)
    excludes: tuple[str, ...] = ()

    @property
    def path(self) -> Path:
        return HERE / self.name / "sample.json"


SAMPLES = (
    # seed 9: 72 / 200 = 0.36 on 2026-12-01; after the generalisation and precision rules of issue 9,
    # 67 / 75 = 0.893 still produced (tuned on)
    Sample("judged_xwlb", 72, "2026-12-01", ((1, 3000),), 0.87, 0.90),
    # seed 20261202: 120 / 200 = 0.60 on fe54f7a; 116 / 121 = 0.959 still produced after tuning
    Sample("judged_xwlb2", 120, "fe54f7a", ((1, 3000),), 0.94, 0.95),
    # seed 20261203: 142 / 200 = 0.71 on 0d2aad9; 0.797 still produced on 25e10ae after tuning
    Sample("judged_xwlb3", 142, "0d2aad9", ((1, 3000),), 0.67, 0.95),
    # seed 20261204, records 12,001-15,000: 152 / 200 = 0.76 on b03ca15 (0.777 still produced on 25e10ae)
    Sample("judged_xwlb4", 152, "b03ca15", ((12001, 15000),), 0.86, 0.95, held_out=True),
    # seed 20261205, records 18,001-21,000: 144 / 200 = 0.72 on 25e10ae (142 / 198 = 0.717 still produced:
    # the two not made are inSeries judged correct whose series needs sittings elsewhere in the slice)
    Sample("judged_xwlb5", 144, "25e10ae", ((18001, 21000),), 0.81, 0.95, held_out=True, notes=True),
    # seed 20261206, records 21,001-23,254 (the end of the file): 147 / 200 = 0.735 on 946522c, all 200
    # still produced when the 148 articles are rebuilt alone. Tuned on from stop 21 (its rows were the precision
    # rules' worklist): 147 / 151 = 0.974 still produced on a6e4c79
    Sample("judged_xwlb6", 147, "946522c", ((21001, 23254),), 0.93, 0.95, notes=True),
    # seed 20261207, records 12,001-15,000 and 18,001-23,254 less the 443 articles xwlb4-6 drew from: 161 / 200
    # = 0.805 on 8e9fa36 (159 / 198 = 0.803 still produced: the two not made are inSeries judged correct
    # whose series needs sittings elsewhere in the slices); 158 / 190 = 0.832 on a6e4c79
    # Tuned on from stop 22 (its rows were that stop's worklist): 158 / 164 = 0.963 still produced on 4e14643, 0.969 on prec7
    Sample("judged_xwlb7", 161, "8e9fa36", ((12001, 15000), (18001, 23254)), 0.94, 0.95, notes=True,
           excludes=("judged_xwlb4", "judged_xwlb5", "judged_xwlb6")),
    # seed 20261208, the same records less the 621 articles xwlb4-7 drew from: 169 / 200 = 0.845 on 81ab183
    # (166 / 197 = 0.843 still produced: the three not made are inSeries judged correct whose series needs
    # sittings elsewhere in the slices). Held out while stop 22's rules were tuned on xwlb7; tuned on from prec7
    # (its rows were that step's worklist): 166 / 196 = 0.847 still produced on 243bf55, 166 / 185 = 0.897 on prec7
    Sample("judged_xwlb8", 169, "81ab183", ((12001, 15000), (18001, 23254)), 0.87, 0.95, notes=True,
           excludes=("judged_xwlb4", "judged_xwlb5", "judged_xwlb6", "judged_xwlb7")),
    # seed 20261209, the same records less the 795 articles xwlb4-8 drew from: 166 / 200 = 0.830 on eeb5b5d
    # (before the rules prec7 writes from xwlb8's rows). Held out
    Sample("judged_xwlb9", 166, "eeb5b5d", ((12001, 15000), (18001, 23254)), 0.79, 0.95, held_out=True, notes=True,
           excludes=("judged_xwlb4", "judged_xwlb5", "judged_xwlb6", "judged_xwlb7", "judged_xwlb8")),
    # seed 20261250, the same records less the 976 articles xwlb4-9 drew from: 167 / 200 = 0.835 on 813a7fe
    # (drawn while four precision helpers wrote rules from the held-in population). Held out
    Sample("judged_xwlb10", 167, "813a7fe", ((12001, 15000), (18001, 23254)), 0.79, 0.95, held_out=True, notes=True,
           excludes=("judged_xwlb4", "judged_xwlb5", "judged_xwlb6", "judged_xwlb7", "judged_xwlb8",
                     "judged_xwlb9")),
)
IDS = [s.name for s in SAMPLES]


@cache
def judged(sample: Sample) -> tuple[dict, ...]:
    return load(sample.path)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_sample_is_well_formed(sample: Sample) -> None:
    rows = judged(sample)
    check_well_formed(rows, 200, ERROR_CLASSES)
    assert sum(r["judgement"] == "correct" for r in rows) == sample.correct, (
        f"the honest figure of {sample.drawn_on} is {sample.correct} / 200")
    spans = ", ".join(f"{first:,}-{last:,}" for first, last in sample.lines)
    assert all(any(first <= r["line"] <= last for first, last in sample.lines) for r in rows), (
        f"drawn from records {spans} only")
    if sample.notes:
        assert all(r.get("note") for r in rows), "every judgement carries the judge's reason"


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s.excludes], ids=[s.name for s in SAMPLES if s.excludes])
def test_sample_draws_from_no_article_an_excluded_sample_drew_from(sample: Sample) -> None:
    """A draw made with ``--exclude-articles`` shares no article with the samples it left out."""
    others = {s.name: {r["article"] for r in judged(s)} for s in SAMPLES if s.name in sample.excludes}
    assert set(others) == set(sample.excludes), "an excluded sample is not in the table"
    shared = {r["article"] for r in judged(sample)} & set().union(*others.values())
    assert not shared, f"{sorted(shared)} were drawn before"


def test_every_error_class_is_used() -> None:
    """The vocabulary of error classes has no dead entries."""
    used = {r["error"] for s in SAMPLES for r in judged(s) if r["judgement"] == "wrong"}
    assert used == set(ERROR_CLASSES), set(ERROR_CLASSES) ^ used


def test_sampler_is_reproducible_and_leaves_out_provenance(samples: Path) -> None:
    """Our own samples: the same graph and seed give the same draw; entity → Article links are not drawn."""
    import kg

    tool = sampler()
    population = tool.assertions(kg.build([samples]).graph)
    assert population and all(r["predicate"] != "mentionedIn" for r in population)
    assert {"heldBy", "promotes"} <= {r["predicate"] for r in population}
    first = tool.sample(population, 10, seed=9)
    assert len(first) == 10 and all(r in population for r in first)
    assert first == tool.sample(list(reversed(population)), 10, seed=9), "the draw depends on input order"
    assert first != tool.sample(population, 10, seed=10), "the seed does not change the draw"
    assert all(r["sentence"] and r["start"] < r["end"] for r in first)


def test_sampler_slice_starts_after_the_skipped_records(tmp_path: Path) -> None:
    """``--start S --items N`` reads records S+1 … S+N, and ``start=0`` is the old first-N draw."""
    src = tmp_path / "five.jsonl"
    src.write_text("".join(f'{{"id": "r{i}", "title": "标题{i}", "text": "第{i}条新闻。"}}\n' for i in range(1, 6)),
                   encoding="utf-8")
    first = sampler().first_articles
    assert [a.id for a in first(src, 2, start=3)] == ["r4", "r5"]
    assert [a.id for a in first(src, 2)] == [a.id for a in first(src, 2, start=0)] == ["r1", "r2"]


def test_sampler_ranges_and_exclusions(tmp_path: Path) -> None:
    """``--range`` pairs are 1-based and inclusive; ``--exclude-articles`` drops a sample's line ids."""
    import json

    src = tmp_path / "seven.jsonl"
    src.write_text("".join(f'{{"title": "标题{i}", "text": "第{i}条新闻。", "url": "http://x/{i}"}}\n'
                           for i in range(1, 8)), encoding="utf-8")
    tool = sampler()
    numbered = tool.records(src, [(2, 3), (6, 7)])
    assert [n for n, _ in numbered] == [2, 3, 6, 7]
    assert [a.id for _, a in tool.records(src, [(4, 5)])] == [a.id for a in tool.first_articles(src, 2, start=3)]
    drawn = tmp_path / "drawn.json"
    drawn.write_text(json.dumps([{"article": "seven-3"}, {"article": numbered[3][1].id}]), encoding="utf-8")
    kept = tool.excluding(numbered, "seven", tool.named_articles([drawn]))
    assert [n for n, _ in kept] == [2, 6], "a line id or an article's own id leaves it out"
    assert tool.parse_range("12001:15000") == (12001, 15000)
    for bad in ("3:1", "0:5", "7", "a:b"):
        with pytest.raises(Exception, match="FIRST:LAST"):
            tool.parse_range(bad)


@pytest.fixture(scope="module", params=SAMPLES, ids=IDS)
def rebuilt(request, corpus: Path, tmp_path_factory) -> tuple[Sample, set[tuple[str, ...]]]:
    """A sample and the keys of every assertion the extractor makes today on its articles."""
    sample = request.param
    return sample, rebuild(judged(sample), corpus, tmp_path_factory.mktemp(sample.name))


def test_precision(rebuilt: tuple[Sample, set[tuple[str, ...]]]) -> None:
    sample, made = rebuilt
    assert_precision(judged(sample), made, sample.precision_floor)


def test_judged_correct_are_still_produced(rebuilt: tuple[Sample, set[tuple[str, ...]]]) -> None:
    sample, made = rebuilt
    assert_retained(judged(sample), made, sample.retained_floor, sample.path.relative_to(HERE.parent))
