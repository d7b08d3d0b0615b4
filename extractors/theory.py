"""Guiding theories (指导思想) from a lexicon; they run first so places and slogans nested in them are not split out."""
from __future__ import annotations

import re
from functools import cache

from extractors.base import Doc
from extractors.lexicon import Lexicons, Scanner, inside_title, split_multi
from extractors.model import Mention


@cache
def _scanner(lex: Lexicons) -> Scanner:
    return Scanner((s, row) for row in lex.read_tsv("theories.tsv") for s in (row["label"], *split_multi(row["aliases"])))


# 习近平总书记关于巡视工作的重要论述: a named body of thought
_DISCOURSE = re.compile(r"习近平(?:总书记|同志)?关于[^，。；“”\n]{2,24}?的重要(?:论述|思想)")


class TheoryExtractor:
    name = "theory"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("Theory",)

    def __call__(self, doc: Doc) -> None:
        for m in _DISCOURSE.finditer(doc.text):
            doc.add(Mention("Theory", m.group(), m.start(), m.end(), m.group(),
                            aliases=(m.group().replace("总书记", "").replace("同志", ""),), rule="theory.discourse"))
        for start, end, surface, rows in _scanner(doc.lex).longest(doc.text):
            if doc.blocked("theory.lexicon", "Theory", start, end):
                continue
            row = rows[0]
            if any(doc.text.startswith(w, end) for w in split_multi(row.get("not_before") or "")) or inside_title(doc.text, start):
                continue  # 中国特色社会主义事业, 《…中国特色社会主义民主监督优势》: part of another name
            label = row["label"].replace("“", "").replace("”", "")
            doc.add(Mention("Theory", label, start, end, surface, aliases=split_multi(row["aliases"]),
                            attrs={"label_en": row.get("label_en", "")}, rule="theory.lexicon"))
