"""The rule engine's data side: word lists and structured rules read from ``extractors/data/<kind>/``.

A kind's folder holds (format: ``extractors/data/README.md``)

* ``words.tsv`` — ``id, words, why``: named word lists. The order of the words is kept, because a
  regex alternation built from them tries them left to right (召开了 before 召开).
* ``rules.tsv`` — ``id, pattern, label, aliases, subtypes, why``: structured rules (a pattern with
  named groups and label/alias templates), run by the component of that kind.
* ``examples.tsv`` — ``rule, sentence, type, label``: the rule tests, one row per case, run by
  ``tests/test_rule_tables.py``.

Python keeps what data cannot say (numeral parsing, place context, segmentation) behind named
functions; the lists and patterns it applies come from here. A :class:`RuleSet` is a plain value:
two pipelines can hold two rule sets (``RuleSet.load(kind, folder)``); components reach theirs
through the article's lexicon set (``doc.lex.ruleset(kind)``, :class:`extractors.lexicon.Lexicons`),
which reads each once per folder.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

#: Chinese numerals as written in 第十二届, 十三次 (the numbers are read by ``meeting.num``).
NUMERALS = "一二两三四五六七八九十〇零百"


def _read_tsv(text: str) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


@dataclass(frozen=True)
class Rule:
    """One structured rule: ``pattern`` (a regex with ``{N}`` for a Chinese numeral class) and templates."""

    id: str
    pattern: str
    label: str
    aliases: tuple[str, ...] = ()
    subtypes: tuple[str, ...] = ()
    why: str = ""
    #: what a match needs to become a mention (``holder``: an organisation that holds it)
    requires: tuple[str, ...] = ()

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern.replace("{N}", NUMERALS))


@dataclass(frozen=True)
class RuleSet:
    """The word lists and structured rules of one kind (``meeting``, ``document``, ...)."""

    kind: str
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    #: the compiled patterns of :meth:`regex`, by name
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, kind: str, folder: str | Path | None = None) -> RuleSet:
        """Read ``folder`` (default: the bundled ``extractors/data/<kind>``)."""
        def read(name: str) -> str:
            if folder is not None:
                p = Path(folder) / name
                return p.read_text(encoding="utf-8") if p.exists() else ""
            res = resources.files("extractors").joinpath("data").joinpath(kind).joinpath(name)
            return res.read_text(encoding="utf-8") if res.is_file() else ""

        lists: dict[str, tuple[str, ...]] = {}
        for row in _read_tsv(read("words.tsv")):
            if row["id"] in lists:
                raise ValueError(f"{kind}/words.tsv: list {row['id']!r} defined twice")
            lists[row["id"]] = tuple(row["words"].split())
        rules = tuple(Rule(row["id"], row["pattern"], row["label"], tuple(a for a in row.get("aliases", "").split("|") if a),
                           tuple(row.get("subtypes", "").split()), row.get("why", ""),
                           tuple(row.get("requires", "").split()))
                      for row in _read_tsv(read("rules.tsv")))
        return cls(kind, lists, rules)

    def words(self, name: str) -> tuple[str, ...]:
        """A named word list, in file order."""
        try:
            return self.lists[name]
        except KeyError:
            raise KeyError(f"no word list {name!r} in {self.kind}/words.tsv") from None

    def alt(self, name: str) -> str:
        """The list as a regex alternation (``召开了|召开``), words escaped, file order kept."""
        return "|".join(map(re.escape, self.words(name)))

    def regex(self, name: str, template: str) -> re.Pattern[str]:
        """``template`` with ``{LIST}`` placeholders replaced by alternations, compiled once per rule set.

        ``{N}`` stands for the Chinese numeral class; other ``{name}`` are word lists.
        """
        found = self._patterns.get(name)  # one probe: the components ask some seventy times an article
        if found is None:
            pattern = re.sub(r"\{([a-z_]+)\}", lambda m: self.alt(m.group(1)), template.replace("{N}", NUMERALS))
            found = self._patterns[name] = re.compile(pattern)
        return found


@dataclass(frozen=True)
class Precedence:
    """Which kinds win when spans collide (``extractors/data/precedence.tsv``), like spaCy's SpanRuler filter.

    Each row says, for a new mention of ``kind`` made by ``rule``, which kinds of earlier mention
    block it on any overlap (``yields_to``) and which only when the spans cross (``nests``: the new
    span may contain them). ``rule`` is ``*``, a component or a rule id; the most specific applies.
    """

    rows: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    #: lookup's answers: every mention a component proposes asks, with a few dozen distinct (rule, kind)
    _memo: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def parse(cls, text: str) -> Precedence:
        rows: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        for row in _read_tsv(text):
            key = (row["rule"], row["kind"])
            if key in rows:
                raise ValueError(f"precedence.tsv: {key} given twice")
            rows[key] = (tuple(row["yields_to"].split()), tuple(row.get("nests", "").split()))
        return cls(rows)

    def lookup(self, rule: str, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(yields_to, nests) for ``kind`` made by ``rule``: its own row, else its component's prefix rows, else ``*``."""
        key = (rule, kind)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._lookup(rule, kind)
        return found

    def _lookup(self, rule: str, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        parts = rule.split(".")
        for n in range(len(parts), 0, -1):
            found = self.rows.get((".".join(parts[:n]), kind))
            if found is not None:
                return found
        return self.rows.get(("*", kind), ((), ()))
