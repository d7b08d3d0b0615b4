"""Every offset the graph reports points at the text it claims, in the original article.

For every mention of every entity and every evidence of every edge built from
every dev/, unlabeled/ and noisy/ article (../shared) and from samples/:
``article.text[start:end] == surface`` and ``article.text[start:end] == sentence``.
Noisy pages matter most here: Traditional script, pinyin glosses and stray commas
are normalised away for extraction, and the offsets must still land on the original.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kgtest import SAMPLES, SHARED, article

FOLDERS = ("corpus/dev", "corpus/unlabeled", "corpus/noisy")


def _inputs(folder: str) -> list[Path]:
    path = SHARED / folder
    return sorted(path.glob("*.txt")) if path.is_dir() else []


def _check(paths: list[Path]) -> int:
    import kg

    result = kg.build(paths)
    assert not result.problems, result.problems
    texts = {r.article.id: r.article.text for r in result.results}
    g = result.graph
    checked = 0
    for node, data in g.nodes(data=True):
        for m in data["mentions"]:
            got = texts[m["article"]][m["start"]:m["end"]]
            assert got == m["surface"], (node, m)
            assert m["surface"].strip(), (node, m)
            checked += 1
    for s, o, key, data in g.edges(keys=True, data=True):
        assert data["evidence"], (s, key, o)
        for ev in data["evidence"]:
            got = texts[ev["article"]][ev["start"]:ev["end"]]
            assert got == ev["sentence"], (s, key, o, ev)
            checked += 1
    # the per-article results too (mentions before merging, relation evidence)
    for r in result.results:
        for ent in r.entities.values():
            for m in ent.mentions:
                assert r.article.text[m.start:m.end] == m.surface, (ent.key, m)
        for rel in r.relations:
            ev = rel.evidence
            assert r.article.text[ev.start:ev.end] == ev.sentence, rel
    return checked


@pytest.mark.parametrize("folder", FOLDERS)
def test_offsets_shared_corpus(shared, folder):
    paths = _inputs(folder)
    if not paths:
        pytest.skip(f"{SHARED / folder} holds no .txt")
    assert _check(paths) > 100


def test_offsets_seed(shared):
    assert _check(sorted((shared / "seeds").glob("*.txt"))) > 100


def test_offsets_samples():
    assert _check([SAMPLES]) > 100


def test_offsets_crlf_and_traditional(tmp_path):
    """Windows line ends and Traditional script with glosses: offsets still index the text as read."""
    p = tmp_path / "crlf.txt"
    p.write_bytes("市總工會召開主席辦公會，傳達(dá)學習市委全會精神。\r\n會議要求，大興“五種風氣”。\r\n".encode())
    assert _check([p]) > 0
    assert "\r" not in article(p).text
