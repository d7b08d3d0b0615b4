"""Precision on a real corpus: relations drawn at random from a 新闻联播 build and judged by hand.

``tests/judged_xwlb/sample.json`` holds 200 assertions (article, predicate, subject, object)
drawn with a fixed seed by ``benchmarks/sample_relations.py`` from a build of the first 3,000
items of ``../shared/corpus/bulk/xwlb_cctv_2022_2026.jsonl``, each judged correct or wrong
against its evidence sentence and article (SCHEMA.md §4–§5), wrong ones with an error class
(see ``tests/judged_xwlb/README.md``). Only these short facts are stored; the test rebuilds
the 146 articles from ``../shared`` and runs the real extractors on just those.

What it holds: among the judged assertions the extractor still produces, the share judged
correct stays at or above a floor set from the measurement, and most of the correct ones are
still produced. A failure lists the wrong ones that are back (by error class) or the correct
ones that are gone. New assertions that were never judged do not count: for a fresh figure,
draw and judge a new sample.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from judged import assert_precision, assert_retained, check_well_formed, load, sampler
from judged import produced as rebuild

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged_xwlb" / "sample.json"

#: measured 72 / 200 = 0.36 on 2026-12-01 (Wilson 95% interval 0.30–0.43); after the generalisation rules
#: 70 of the 115 judged relations still produced are correct (0.61); 67 / 81 = 0.827 on 2026-12-02 (quote
#: classes); 67 / 79 = 0.848 after the enumeration closer, digest scope and session-organ sittings; 67 / 77
#: = 0.870 after titles, performances and other voices; 67 / 75 = 0.893 after A-x-A words, findings as other
#: voices and places acting on their own: raise it as rules improve
PRECISION_FLOOR = 0.87
#: share of the 72 relations judged correct that must still be produced (labels may move on purpose:
#: then update sample.json, keeping the judgement; 0.931 on 2026-12-02)
RETAINED_FLOOR = 0.90

ERROR_CLASSES = {
    "not-a-slogan", "promoter-named-elsewhere", "wrong-class", "media-source", "name-boundary",
    "promoter-host", "meeting-holder-level", "generic-organization", "promoter-addressee",
    "promoter-from-title", "meeting-label-from-title", "relation-not-stated",
}


@cache
def judged() -> tuple[dict, ...]:
    return load(JUDGED)


def test_judged_sample_is_well_formed() -> None:
    check_well_formed(judged(), 200, ERROR_CLASSES)


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


@pytest.fixture(scope="module")
def produced(corpus: Path, tmp_path_factory) -> set[tuple[str, ...]]:
    return rebuild(judged(), corpus, tmp_path_factory.mktemp("judged"))


def test_precision_on_judged_xwlb_relations(produced: set[tuple[str, ...]]) -> None:
    assert_precision(judged(), produced, PRECISION_FLOOR)


def test_relations_judged_correct_are_still_produced(produced: set[tuple[str, ...]]) -> None:
    assert_retained(judged(), produced, RETAINED_FLOOR, Path("tests/judged_xwlb/sample.json"))
