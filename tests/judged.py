"""Judged relation samples of the 新闻联播 corpus (tests/judged_xwlb*/sample.json): load, rebuild, compare.

A judged sample stores short facts only (article id, predicate, both ends, judgement, error class);
the articles are read again from ``../shared`` and the real extractors run on just those, so a test
compares what the extractor produces today with what a judge decided once.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from kgtest import load_script

HERE = Path(__file__).resolve().parent
SAMPLER = HERE.parent / "benchmarks" / "sample_relations.py"
XWLB = Path("bulk") / "xwlb_cctv_2022_2026.jsonl"
KEY = ("article", "predicate", "subject_type", "subject", "object_type", "object")

#: Why a judged assertion is wrong: the first fault that makes it so (the samples' READMEs give cases)
ERROR_CLASSES: dict[str, str] = {
    "not-a-slogan": "the string is no official formulation (metaphor, ordinary word, name, topic, scare quote)",
    "promoter-named-elsewhere": "credited to a meeting or body the text only names or recalls",
    "promoter-host": "credited to the host or venue of an event rather than to who states it",
    "promoter-addressee": "credited to the addressee of a letter or message, not its sender",
    "promoter-digest-item": "credited across the items of a news digest",
    "promoter-from-title": "the promoter comes from a headline or title, not the sentence",
    "media-source": "credited to the outlet that reports it",
    "meeting-holder": "the meeting is held by another body",
    "meeting-holder-level": "the meeting's holder is a level above or below the right one",
    "meeting-label-from-title": "the meeting's label comes from a title, not a meeting named in the text",
    "name-boundary": "an end's label is cut short or runs on (words glued on, 党组/全国 dropped)",
    "generic-organization": "a generic head noun taken as a named organisation",
    "wrong-class": "an end of the wrong class (a document as a person, a place as an organisation)",
    "relation-not-stated": "the text does not state this relation between the two ends",
}


def load(path: Path) -> tuple[dict, ...]:
    """The judged rows of one sample file."""
    return tuple(json.loads(path.read_text(encoding="utf-8")))


def key(r: dict) -> tuple[str, ...]:
    """What identifies an assertion: article, predicate and both ends (type and label)."""
    return tuple(r[k] for k in KEY)


def sampler() -> ModuleType:
    """benchmarks/sample_relations.py, the tool that drew the samples (its ``assertions`` lists a graph's)."""
    return load_script(SAMPLER)


def articles(corpus: Path, tmp_path: Path, lines: set[int]) -> list:
    """The judged articles exactly as ``kg build`` reads them, with the id ``<file stem>-<line>``."""
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
                rec["id"] = f"{src.stem}-{n}"  # a line-number id: stable whatever id scheme kg build uses by default
                picked.append(json.dumps(rec, ensure_ascii=False))
            if n >= max(lines):
                break
    subset = tmp_path / "judged.jsonl"
    subset.write_text("\n".join(picked) + "\n", encoding="utf-8")
    got = [a for a in read_inputs([subset]) if isinstance(a, Article)]
    assert len(got) == len(lines), f"{len(lines) - len(got)} judged articles could not be read from {src}"
    return got


def produced(rows: tuple[dict, ...], corpus: Path, tmp_path: Path) -> set[tuple[str, ...]]:
    """The keys of every assertion the extractor makes today on the judged articles."""
    import kg

    built = kg.build(articles(corpus, tmp_path, {r["line"] for r in rows}))
    return {key(r) for r in sampler().assertions(built.graph)}


def listing(rows: list[dict], by: str) -> str:
    """Rows grouped by one field (error class, predicate), largest group first: for failure messages."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r.get(by, "")].append(r)
    out = []
    for name in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        out.append(f"  {name or '-'} ({len(groups[name])}):")
        out += [f"    {r['article']}: {r['subject']} --{r['predicate']}--> {r['object']}" for r in groups[name]]
    return "\n".join(out)


def precision(rows: tuple[dict, ...], made: set[tuple[str, ...]]) -> tuple[float, list[dict], list[dict]]:
    """Share judged correct among the judged assertions still produced, with those still produced and the wrong ones."""
    still = [r for r in rows if key(r) in made]
    wrong = [r for r in still if r["judgement"] == "wrong"]
    return (1 - len(wrong) / len(still) if still else 0.0), still, wrong


def check_well_formed(rows: tuple[dict, ...], n: int, classes: dict[str, str] | set[str]) -> None:
    """n distinct assertions, each judged, wrong ones with a known error class, correct ones without."""
    assert len(rows) == n
    assert len({key(r) for r in rows}) == n, "an assertion is judged twice"
    for r in rows:
        assert r["judgement"] in ("correct", "wrong"), r
        assert r["article"] == f"xwlb_cctv_2022_2026-{r['line']}", r
        if r["judgement"] == "wrong":
            assert r["error"] in classes, r
        else:
            assert "error" not in r, r


def assert_precision(rows: tuple[dict, ...], made: set[tuple[str, ...]], floor: float) -> None:
    """Among the judged assertions still produced, the share judged correct is at least ``floor``."""
    value, still, wrong = precision(rows, made)
    assert still, "none of the 200 judged relations is produced any more: the extractor or the id scheme changed"
    counts = Counter(r["error"] for r in wrong)
    assert value >= floor, (
        f"precision {value:.3f} < {floor} on the {len(still)} judged relations still produced; "
        f"{len(wrong)} judged wrong are produced ({dict(counts)}):\n{listing(wrong, 'error')}")


def assert_retained(rows: tuple[dict, ...], made: set[tuple[str, ...]], floor: float, sample: Path) -> None:
    """At least ``floor`` of the relations judged correct are still produced."""
    correct = [r for r in rows if r["judgement"] == "correct"]
    lost = [r for r in correct if key(r) not in made]
    kept = 1 - len(lost) / len(correct)
    assert kept >= floor, (
        f"only {kept:.2f} of the {len(correct)} relations judged correct are still produced (< {floor}); "
        f"if a label changed on purpose, update {sample}. Lost:\n{listing(lost, 'predicate')}")
