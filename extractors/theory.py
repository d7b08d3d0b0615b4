"""Guiding theories (指导思想) from a lexicon; they run first so places and slogans nested in them are not split out."""
from __future__ import annotations

from functools import lru_cache

from extractors.base import Doc
from extractors.lexicon import Scanner, read_tsv, split_multi
from kg.model import Mention


@lru_cache(maxsize=1)
def _scanner() -> Scanner:
    return Scanner((s, row) for row in read_tsv("theories.tsv") for s in (row["label"], *split_multi(row["aliases"])))


class TheoryExtractor:
    name = "theory"

    def __call__(self, doc: Doc) -> None:
        for start, end, surface, rows in _scanner().longest(doc.text):
            row = rows[0]
            label = row["label"].replace("“", "").replace("”", "")
            doc.add(Mention("Theory", label, start, end, surface, aliases=split_multi(row["aliases"]),
                            attrs={"label_en": row.get("label_en", "")}))
