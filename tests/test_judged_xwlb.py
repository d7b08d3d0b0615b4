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

import importlib.util
import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged_xwlb" / "sample.json"
SAMPLER = HERE.parent / "benchmarks" / "sample_relations.py"
XWLB = Path("bulk") / "xwlb_cctv_2022_2026.jsonl"

#: measured 72 / 200 = 0.36 on 2026-12-01 (Wilson 95% interval 0.30–0.43); after the generalisation rules
#: 70 of the 115 judged relations still produced are correct (0.61): raise it as rules improve
PRECISION_FLOOR = 0.58
#: share of the 72 relations judged correct that must still be produced (labels may move on purpose:
#: then update sample.json, keeping the judgement)
RETAINED_FLOOR = 0.80

ERROR_CLASSES = {
    "not-a-slogan", "promoter-named-elsewhere", "wrong-class", "media-source", "name-boundary",
    "promoter-host", "meeting-holder-level", "generic-organization", "promoter-addressee",
    "promoter-from-title", "meeting-label-from-title", "relation-not-stated",
}
KEY = ("article", "predicate", "subject_type", "subject", "object_type", "object")


@lru_cache(maxsize=None)
def judged() -> tuple[dict, ...]:
    return tuple(json.loads(JUDGED.read_text(encoding="utf-8")))


def key(r: dict) -> tuple[str, ...]:
    return tuple(r[k] for k in KEY)


def sampler():
    spec = importlib.util.spec_from_file_location("sample_relations", SAMPLER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_judged_sample_is_well_formed() -> None:
    rows = judged()
    assert len(rows) == 200
    assert len({key(r) for r in rows}) == 200, "an assertion is judged twice"
    for r in rows:
        assert r["judgement"] in ("correct", "wrong"), r
        assert r["article"] == f"xwlb_cctv_2022_2026-{r['line']}", r
        if r["judgement"] == "wrong":
            assert r["error"] in ERROR_CLASSES, r
        else:
            assert "error" not in r, r


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


def _articles(corpus: Path, tmp_path: Path, lines: set[int]) -> list:
    """The judged articles exactly as ``kg build`` reads them: the records go through kg.ingest with their ids."""
    from kg.ingest import read_inputs
    from kg.model import Article

    src = corpus / XWLB
    if not src.exists():
        pytest.skip(f"{src} is absent: the judged relations are rebuilt from it")
    picked = []
    with src.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if n in lines:
                rec = json.loads(line)
                rec["id"] = f"{src.stem}-{n}"  # the id `kg build` gives line n of this file
                picked.append(json.dumps(rec, ensure_ascii=False))
            if n >= max(lines):
                break
    subset = tmp_path / "judged.jsonl"
    subset.write_text("\n".join(picked) + "\n", encoding="utf-8")
    articles = [a for a in read_inputs([subset]) if isinstance(a, Article)]
    assert len(articles) == len(lines), f"{len(lines) - len(articles)} judged articles could not be read from {src}"
    return articles


def _listing(rows: list[dict], by: str) -> str:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r.get(by, "")].append(r)
    out = []
    for name in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        out.append(f"  {name or '-'} ({len(groups[name])}):")
        out += [f"    {r['article']}: {r['subject']} --{r['predicate']}--> {r['object']}" for r in groups[name]]
    return "\n".join(out)


@pytest.fixture(scope="module")
def produced(corpus: Path, tmp_path_factory) -> set[tuple[str, ...]]:
    import kg

    rows = judged()
    articles = _articles(corpus, tmp_path_factory.mktemp("judged"), {r["line"] for r in rows})
    return {key(r) for r in sampler().assertions(kg.build(articles).graph)}


def test_precision_on_judged_xwlb_relations(produced: set[tuple[str, ...]]) -> None:
    rows = judged()
    still = [r for r in rows if key(r) in produced]
    assert still, "none of the 200 judged relations is produced any more: the extractor or the id scheme changed"
    wrong = [r for r in still if r["judgement"] == "wrong"]
    precision = 1 - len(wrong) / len(still)
    counts = Counter(r["error"] for r in wrong)
    assert precision >= PRECISION_FLOOR, (
        f"precision {precision:.3f} < {PRECISION_FLOOR} on the {len(still)} judged relations still produced; "
        f"{len(wrong)} judged wrong are produced ({dict(counts)}):\n{_listing(wrong, 'error')}")


def test_relations_judged_correct_are_still_produced(produced: set[tuple[str, ...]]) -> None:
    correct = [r for r in judged() if r["judgement"] == "correct"]
    lost = [r for r in correct if key(r) not in produced]
    kept = 1 - len(lost) / len(correct)
    assert kept >= RETAINED_FLOOR, (
        f"only {kept:.2f} of the {len(correct)} relations judged correct are still produced (< {RETAINED_FLOOR}); "
        f"if a label changed on purpose, update tests/judged_xwlb/sample.json. Lost:\n{_listing(lost, 'predicate')}")
