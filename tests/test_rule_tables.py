"""Rule tests as tables: every ``extractors/data/<kind>/examples.tsv`` row is one case.

A row says: running the pipeline on ``sentence`` yields ``type`` ``label`` made by ``rule``.
For a relation, ``type`` is the predicate and ``label`` is ``SUBJECT → OBJECT``. Adding a rule
is one entry in the kind's rule or word file plus one row here (extractors/data/README.md).
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kgtest import extract_text

DATA = Path(__file__).resolve().parents[1] / "extractors" / "data"
RELATIONS = {"heldBy", "studies", "promotes", "mentions", "hasPart", "subOrganizationOf", "locatedIn", "chairedBy", "attendedBy", "voices"}


def _rows() -> list[tuple[str, dict[str, str]]]:
    rows = []
    for table in sorted(DATA.glob("*/examples.tsv")):
        lines = [line for line in table.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
        for n, row in enumerate(csv.DictReader(lines, delimiter="\t")):
            rows.append((f"{table.parent.name}:{n + 1}:{row['rule']}", row))
    return rows


ROWS = _rows()


def test_every_rule_folder_has_a_table():
    kinds = {p.name for p in DATA.iterdir() if p.is_dir()}
    assert kinds and kinds == {p.parent.name for p in DATA.glob("*/examples.tsv")}


@pytest.mark.parametrize("row", [r for _, r in ROWS], ids=[i for i, _ in ROWS])
def test_rule_table_row(row: dict[str, str]) -> None:
    res = extract_text(row["sentence"])
    if row["type"].startswith("!"):
        # a negative row: the rule must NOT make this (a boundary or a precision case)
        kind = row["type"][1:]
        if kind in RELATIONS:
            subject, obj = (s.strip() for s in row["label"].split("→"))
            made = {(r.subject[1], r.object[1]) for r in res.relations if r.predicate == kind}
            assert (subject, obj) not in made, f"{kind} {subject} → {obj} is made, and must not be"
        else:
            assert (kind, row["label"]) not in res.entities, f"{kind} {row['label']!r} is made, and must not be"
        return
    if row["type"] in RELATIONS:
        subject, obj = (s.strip() for s in row["label"].split("→"))
        found = {(r.subject[1], r.object[1]): r.rule for r in res.relations if r.predicate == row["type"]}
        assert (subject, obj) in found, f"no {row['type']} {subject} → {obj}; have {sorted(found)}"
        assert found[(subject, obj)] == row["rule"]
        return
    ent = res.entities.get((row["type"], row["label"]))
    have = sorted(label for (t, label) in res.entities if t == row["type"])
    assert ent is not None, f"no {row['type']} {row['label']!r}; have {have}"
    assert row["rule"] in {m.rule for m in ent.mentions}, [m.rule for m in ent.mentions]
