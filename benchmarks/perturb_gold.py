#!/usr/bin/env python3
"""Metamorphic variants of the gold: same meaning and annotation, new surface names (issue 9).

Why: every gold set we could read became a tuning set, and new gold we write gets absorbed too. A rule
that depends on the exact case it was written for (a place, a body, an ordinal, a slogan of the lexicon)
fails when only that surface changes; a general rule does not. This writes, for each annotated article,
variants in which one kind of name is substituted consistently in the text **and** in the gold (labels and
aliases; the gold has no offsets), builds each variant alone as ``kg build FILE`` does, scores it with the
project's scorer (:mod:`kg.evaluate`, the reference scorer's matching) and prints, per kind of substitution,
the F1 of every class and relation for the originals and the variants, and the rules whose errors appear
only in the variants.

Kinds of substitution (each a table of literal replacements, applied in one left-to-right pass, longest
key first, to the text and to every gold name alike):

* ``place``: a division of the gazetteer (cpca, :mod:`extractors.gazetteer`) named in the gold → another of
  the same level, suffix and parent (徐州/徐州市 → 盐城/盐城市), full and short forms together;
* ``org``: a mass organisation or bureau unit of ``org_units.tsv`` → another unit of the same kind and last
  character, short and official forms together (总工会 → 科协, 妇女联合会 ↔ 科学技术协会; 教育局 → 民政局);
* ``person``: a named person of the gold who is not a lexicon person (``persons.tsv``) → another surname of
  ``surnames.txt`` with a given name taken from another gold person;
* ``number``: the ordinals of local sessions (十二届十三次 → 十四届五次; national plenums and congresses,
  written 二十届三中全会 or 第二十次全国代表大会, are kept);
* ``slogan``: a quoted required slogan (not in ``slogans.tsv``, without parts) → another article's;
* ``date``: years shift by one, month-day dates to another valid date;
* ``all``: every table at once.

A variant is kept only when it is consistent: every gold name found in the original text is found,
transformed, in the variant text (and no two entities' names collide); inconsistent ones are counted and
dropped. Everything is deterministic (``--seed``); texts and gold go to a folder outside the repository
(``--out``, default ``/tmp/kg-perturb``): the dev texts are others' writing.

    .venv/bin/python benchmarks/perturb_gold.py                    # all gold sets, 3 variants per kind
    .venv/bin/python benchmarks/perturb_gold.py --sets kinds dev -n 2 --kinds place org --json figures.json
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: characters that also join or introduce words (沙凤和主持: 和 is read as "and"): no given name ends in one
_FUNCTION_CHARS = "和与及同在等对向为"
KINDS: tuple[str, ...] = ("place", "org", "person", "number", "slogan", "date", "level")
#: words in which the level character stands for the article's own city (全市, 市长): they follow it to 县
_LEVEL_WORDS = ("全{c}", "我{c}", "本{c}", "{c}长", "副{c}长", "{c}直", "{c}级", "{c}属", "{c}委", "团{c}委")
NUMERAL = "〇零一二两三四五六七八九十百"
_NUM = f"[{NUMERAL}]+"


# ------------------------------------------------------------------ substitution


@dataclass(frozen=True)
class Substitution:
    """Literal replacements applied in one pass, longest key first; identity keys protect a context."""

    table: tuple[tuple[str, str], ...]

    @staticmethod
    def of(mapping: dict[str, str]) -> Substitution:
        return Substitution(tuple(sorted(mapping.items())))

    def _pattern(self) -> re.Pattern[str] | None:
        keys = sorted((k for k, _ in self.table if k), key=lambda k: (-len(k), k))
        if not keys:
            return None
        # a numeral key starts a whole numeral: 二次 does not replace inside 第十二次
        alts = [(f"(?<![{NUMERAL}])" if k[0] in NUMERAL else "") + re.escape(k) for k in keys]
        return re.compile("|".join(alts))

    def apply(self, text: str) -> str:
        pattern = self._pattern()
        if pattern is None:
            return text
        mapping = dict(self.table)
        return pattern.sub(lambda m: mapping[m.group(0)], text)

    def inverse(self) -> Substitution:
        return Substitution.of({v: k for k, v in self.table if k != v})

    def changes(self) -> dict[str, str]:
        return {k: v for k, v in self.table if k != v}

    def merged(self, other: Substitution) -> Substitution:
        mine = dict(self.table)
        for k, v in other.table:
            mine.setdefault(k, v)
        return Substitution.of(mine)


def gold_names(gold: dict[str, Any]) -> list[tuple[str, str]]:
    """(entity id, name) for every label and alias of the gold."""
    return [(e["id"], n) for e in gold.get("entities", []) for n in (e["label"], *e.get("aliases", []))]


def transform_gold(gold: dict[str, Any], sub: Substitution) -> dict[str, Any]:
    """The gold with every label and alias substituted (ids, types, relations unchanged)."""
    out = json.loads(json.dumps(gold))
    for e in out.get("entities", []):
        e["label"] = sub.apply(e["label"])
        e["aliases"] = [sub.apply(a) for a in e.get("aliases", [])]
    return out


def _norm(name: str) -> str:
    from kg.evaluate import norm

    return norm(name)


def consistency_problems(text: str, gold: dict[str, Any], new_text: str, new_gold: dict[str, Any]) -> list[str]:
    """Why a variant is not the same annotation of its text (empty when it is).

    Every name of the original gold found in the original text must be found in the variant text
    (transformed); no name of the variant may belong to two entities of one class that did not share it."""
    problems = []
    text_n, new_n = _norm(text), _norm(new_text)
    old = dict(((e["id"], i), n) for e in gold["entities"] for i, n in enumerate((e["label"], *e.get("aliases", []))))
    new = dict(((e["id"], i), n) for e in new_gold["entities"] for i, n in enumerate((e["label"], *e.get("aliases", []))))
    for key, name in old.items():
        if _norm(name) and _norm(name) in text_n and _norm(new[key]) not in new_n:
            problems.append(f"{key[0]}: {name} → {new[key]} not in the variant text")

    def owners(doc: dict[str, Any]) -> dict[tuple[str, str], set[str]]:
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for e in doc["entities"]:
            for n in (e["label"], *e.get("aliases", [])):
                out[(e["type"], _norm(n))].add(e["id"])
        return out
    before, after = owners(gold), owners(new_gold)
    shared_before = {frozenset(ids) for ids in before.values() if len(ids) > 1}
    for (cls, n), ids in after.items():
        if len(ids) > 1 and frozenset(ids) not in shared_before:
            problems.append(f"{cls} name {n} now shared by {sorted(ids)}")
    return problems


# ------------------------------------------------------------------ tables from the lexicons


@dataclass
class Tables:
    """What the substitutions draw on: the project's gazetteer and lexicons, and the pooled gold."""

    divisions: list[Any]
    ambiguous: frozenset[str]
    units: dict[str, list[tuple[str, str]]]      # kind (and last char of a bureau) → [(unit, official form)]
    synonyms: dict[str, set[str]]                # official form → every unit written for it
    level_units: tuple[str, ...]                 # every unit of org_units.tsv (委, 总工会, 教育局 …)
    surnames: list[str]
    known_persons: frozenset[str]
    lexicon_slogans: frozenset[str]
    lexicon_words: frozenset[str]                # lexicon slogans and extra places of 2+ characters
    given_names: list[str] = field(default_factory=list)
    quoted_slogans: list[str] = field(default_factory=list)

    @staticmethod
    def load() -> Tables:
        from extractors import gazetteer
        from extractors.lexicon import Lexicons

        lex = Lexicons()
        units: dict[str, list[tuple[str, str]]] = defaultdict(list)
        slogans: set[str] = set()
        for row in lex.read_tsv("slogans.tsv"):
            slogans.add(row["label"])
            slogans.update(a for a in row.get("aliases", "").split("|") if a)
        # a bureau named after a formulation (乡村振兴局) would bring that formulation into the text
        slogan_words = {w for w in slogans if len(w) >= 3}
        synonyms: dict[str, set[str]] = defaultdict(set)
        seen: set[str] = set()
        rows: list[tuple[str, str, str]] = []
        for row in lex.read_tsv("org_units.tsv"):
            unit, full, kind = row["unit"], row["full"], row["kind"]
            synonyms[full].add(unit)
            if kind in ("mass", "bureau") and len(unit) >= 2 and not any(w in unit for w in slogan_words):
                rows.append((kind, unit, full))
        for kind, unit, full in sorted(rows, key=lambda r: (len(r[1]), r[1])):
            if full in seen:
                continue
            seen.add(full)     # one row per body, its shortest unit: 妇联 (not 妇女联合会 again)
            units[kind if kind == "mass" else f"{kind}:{unit[-1]}"].append((unit, full))
        return Tables(
            divisions=[d for d in gazetteer.divisions(lex) if len(d.short) >= 2],
            ambiguous=gazetteer.ambiguous_short_names(lex),
            units=dict(units),
            synonyms=dict(synonyms),
            level_units=tuple(sorted({r["unit"] for r in lex.read_tsv("org_units.tsv")})),
            surnames=[s for s in " ".join(lex.read_list("surnames.txt")).split() if len(s) == 1],
            known_persons=frozenset(r["label"] for r in lex.read_tsv("persons.tsv")),
            lexicon_slogans=frozenset(slogans),
            lexicon_words=frozenset(w for w in slogans | {r["label"] for r in gazetteer.extra_places(lex)} if len(w) >= 2),
        )

    def pool(self, golds: Iterable[tuple[str, dict[str, Any], set[str], set[str]]]) -> None:
        """Given names and quoted slogans of every gold article (what person and slogan swaps draw).

        A slogan is drawn only where the extractor finds it in its own article (``missed`` lists the
        labels it misses there) and where it holds neither a name of the lexicons (乡村振兴 in a longer
        slogan, 中国) nor a false positive of its own article (``wrong``): a swap then tests the context,
        not a filler that is wrong anywhere."""
        given, quoted = set(), set()
        for text, gold, missed, wrong in golds:
            for e in gold["entities"]:
                if e["type"] == "Person" and self._swappable_person(e["label"]) and e["label"][-1] not in _FUNCTION_CHARS:
                    given.add(e["label"][1:])
                if self._swappable_slogan(e, gold, text) and e["label"] not in missed and not any(
                        w in e["label"] for w in wrong | self.lexicon_words):
                    quoted.add(e["label"])
        self.given_names = sorted(given)
        self.quoted_slogans = sorted(quoted)

    def _swappable_person(self, name: str) -> bool:
        return 2 <= len(name) <= 3 and name[0] in self.surnames and name not in self.known_persons

    def _swappable_slogan(self, e: dict[str, Any], gold: dict[str, Any], text: str) -> bool:
        label = e["label"]
        if e["type"] != "PolicySlogan" or e.get("optional") or not 2 <= len(label) <= 12:
            return False
        if label in self.lexicon_slogans or re.search(r"[\d“”、，]", label):
            return False
        if any(r["type"] == "hasPart" and e["id"] in (r["subject"], r["object"]) for r in gold.get("relations", [])):
            return False
        return f"“{label}”" in text


def _fresh(candidates: list[str], text: str, rng: random.Random, taken: set[str]) -> str | None:
    pool = [c for c in candidates if c not in text and c not in taken]
    return rng.choice(pool) if pool else None


def _token_bounds(text: str) -> tuple[set[int], set[int]]:
    """Start and end offsets of the jieba tokens of ``text`` (the project's tokenizer)."""
    from extractors.lexicon import Lexicons, cut

    starts, ends, pos = set(), set(), 0
    for tok in cut(text, Lexicons()):
        starts.add(pos)
        pos += len(tok)
        ends.add(pos)
    return starts, ends


def _whole_words(name: str, text: str, bounds: tuple[set[int], set[int]]) -> bool:
    """Every occurrence of ``name`` in ``text`` starts a token, and ends one or is followed by a suffix
    of the administrative table (兴文县 may be cut 兴文|县 or 兴文县; 兴|文化 is not the place 兴文)."""
    starts, ends = bounds
    for m in re.finditer(re.escape(name), text):
        if m.start() not in starts:
            return False
        if m.end() not in ends and not any(text.startswith(x, m.end()) for x in ("市", "县", "区", "省", "州", "盟", "旗")):
            return False
    return True


def place_sub(text: str, gold: dict[str, Any], t: Tables, rng: random.Random) -> Substitution:
    # a division is in the article when a gold Place is named by it, or its full name (徐州市, 德清县) is
    # written in a gold name; its short form alone inside a name may be another word (公安 in 市公安局)
    place_names = {n for e in gold["entities"] if e["type"] == "Place" for n in (e["label"], *e.get("aliases", []))}
    names = " ".join(n for _, n in gold_names(gold))
    bounds = _token_bounds(text)
    present = [d for d in t.divisions if d.short not in t.ambiguous
               and ({d.name, d.short} & place_names or (d.name != d.short and d.name in names))
               and (d.name in text or d.short in text) and _whole_words(d.short, text, bounds)]
    # a short name shared by levels (岳阳: 岳阳市 and 岳阳县) is the division whose full name is written,
    # else the highest level (as extractors.gazetteer.lookup reads it)
    rank = {"province": 0, "city": 1, "county": 2}
    claim: dict[str, Any] = {}
    for d in sorted(present, key=lambda d: (d.name not in text, rank[d.level], d.adcode)):
        claim.setdefault(d.short, d)
    present = [d for d in present if claim[d.short] is d]
    # the lowest level first; a province is replaced only when no place below it is
    present.sort(key=lambda d: ({"county": 0, "city": 1, "province": 2}[d.level], d.adcode))
    kept_parents = {d.parent for d in present if d.level != "province"} | {
        p.parent for d in present for p in t.divisions if p.name == d.parent}
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for d in present:
        if d.name in mapping or d.short in mapping:
            continue
        if d.level == "province" and d.name in kept_parents:
            continue
        suffix = d.name[len(d.short):]
        cands = [c for c in t.divisions if c.level == d.level and c.parent == d.parent and c.name != d.name
                 and c.name[len(c.short):] == suffix and c.short not in t.ambiguous and len(c.short) == len(d.short)]
        by_name = {c.name: c for c in cands}
        pick = _fresh(sorted(by_name), text, rng, taken)
        if pick is None:
            continue
        c = by_name[pick]
        if c.short in text or any(c.short in n and d.short not in n for n in names.split()):
            continue
        mapping[d.name], mapping[d.short] = c.name, c.short
        taken |= {c.name, c.short}
    return Substitution.of(mapping)


def org_sub(text: str, gold: dict[str, Any], t: Tables, rng: random.Random) -> Substitution:
    labels = [e["label"] for e in gold["entities"] if e["type"] == "Organization"]
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for _key, units in sorted(t.units.items()):
        for unit, full in units:
            if unit in mapping or not any(lab.endswith(unit) or lab.endswith(full) for lab in labels):
                continue
            # another name of the same body written too (卫健委 beside 卫生健康委员会): not one table
            if any(s in text for s in t.synonyms.get(full, set()) - {unit, full}):
                continue
            others = [(u, f) for u, f in units if f != full and not any(s in text for s in t.synonyms.get(f, {u}) | {u, f})
                      and u not in taken]
            if not others:
                continue
            u2, f2 = others[rng.randrange(len(others))]
            mapping[unit] = u2
            if full != unit:
                mapping[full] = f2
            taken |= {u2, f2}
    return Substitution.of(mapping)


def person_sub(text: str, gold: dict[str, Any], t: Tables, rng: random.Random) -> Substitution:
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for e in gold["entities"]:
        name = e["label"]
        if e["type"] != "Person" or not t._swappable_person(name) or name in mapping:
            continue
        given = [g for g in t.given_names if len(g) == len(name) - 1 and g != name[1:]]
        if not given:
            continue
        for _ in range(20):
            new = rng.choice([s for s in t.surnames if s != name[0]]) + rng.choice(given)
            if new not in text and new not in taken and new not in t.known_persons:
                mapping[name] = new
                taken.add(new)
                break
    return Substitution.of(mapping)


_NATIONAL = re.compile(rf"第?{_NUM}届(?:{_NUM}中全会|中央|全国)|第?{_NUM}次全国代表大会|{_NUM}届全国"
                       rf"|(?:中央|全国|国务院)[\u4e00-\u9fff]{{0,8}}?第{_NUM}次")
_JIE = re.compile(rf"(?<![{NUMERAL}])({_NUM})届")
_CI = re.compile(rf"(?:届|第)({_NUM})次")


def number_sub(text: str, gold: dict[str, Any], t: Tables, rng: random.Random) -> Substitution:
    from extractors.numerals import read_numeral, write_numeral

    mapping: dict[str, str] = {m.group(0): m.group(0) for m in _NATIONAL.finditer(text)}
    protected = [m.span() for m in _NATIONAL.finditer(text)]

    def local(m: re.Match[str]) -> bool:
        return not any(a <= m.start(1) < b for a, b in protected)
    for pattern, word, top in ((_JIE, "届", 20), (_CI, "次", 16)):
        used = {m.group(1) for m in pattern.finditer(text) if local(m)}
        for numeral in sorted(used):
            n = read_numeral(numeral.replace("两", "二"))
            if n is None or n < 1:
                continue
            choices = [k for k in range(2, top) if k != n and write_numeral(k) + word not in text]
            k = rng.choice(choices)
            mapping[numeral + word] = write_numeral(k) + word
    return Substitution.of(mapping)


_DATE = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<!\d)(20\d\d)年")


def date_sub(text: str, gold: dict[str, Any], t: Tables, rng: random.Random) -> Substitution:
    mapping: dict[str, str] = {}
    for m in _YEAR.finditer(text):
        mapping[m.group(0)] = f"{int(m.group(1)) + 1}年"
    for m in _DATE.finditer(text):
        if m.group(0) not in mapping:
            mapping[m.group(0)] = f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    return Substitution.of(mapping)


@cache
def _shape(label: str) -> tuple[str, str, bool]:
    """What a slogan swap keeps: the word classes (jieba tags) of its first and last words and whether it is
    longer than four characters (“时时放心不下” is a requirement, “法治涟水” a named goal; “以…的状态” takes
    only the first): a swap that changed them would change what the sentence says, not only a name."""
    from extractors.lexicon import Lexicons, cut, word_tag

    words = cut(label, Lexicons())
    return (word_tag(words[0])[:1], word_tag(words[-1])[:1], len(label) > 4)


def slogan_sub(text: str, gold: dict[str, Any], t: Tables, rng: random.Random) -> Substitution:
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    others = [n for _, n in gold_names(gold)]
    for e in gold["entities"]:
        if not t._swappable_slogan(e, gold, text):
            continue
        label = e["label"]
        # the slogan may occur inside other names only as itself plus a suffix (“X”行动): no other overlap
        if any(label in n and n != label and not n.startswith(label) for n in others):
            continue
        shape = _shape(label)
        pick = _fresh([s for s in t.quoted_slogans if s != label and _shape(s) == shape
                       and not any(s in n or n in s for n in others if len(n) > 1)], text, rng, taken)
        if pick:
            mapping[label] = pick
            taken.add(pick)
    return Substitution.of(mapping)


def level_sub(text: str, gold: dict[str, Any], t: Tables, rng: random.Random) -> Substitution:
    """The article's city becomes one of its counties and its bodies the county's (徐州市总工会 → 沛县总工会,
    市委 → 县委, 全市 → 全县), or its county becomes the city above it (沛县总工会 → 徐州市总工会): a rule that
    holds for one level's bodies only fails here. The division must be written with its suffix in the gold
    and be the only one of its level there; an article that also writes the other level (县委 in a city's
    article, 县（市、区）) is left alone: the two levels would merge."""
    names = " ".join(n for _, n in gold_names(gold))

    def written(level: str, suffix: str) -> list[Any]:
        return [d for d in t.divisions if d.level == level and d.name.endswith(suffix) and d.name in names
                and d.name in text and d.short not in t.ambiguous]
    bodies = "委|政府|人大|政协|总工会|妇联|纪委|长"
    cities, counties = written("city", "市"), written("county", "县")
    if len(cities) == 1 and not counties:
        src, c_from, c_to = cities[0], "市", "县"
        below = [d for d in t.divisions if d.level == "county" and d.parent == src.name]
        if any(d.name in text for d in below):
            return Substitution(())
        # not the county named like its city (岳阳县 in 岳阳市): 岳阳政协 would name either
        pool = [d for d in below if d.name.endswith("县") and d.short not in t.ambiguous and src.short not in d.name]
        dst = pool[rng.randrange(len(pool))] if pool else None
    elif len(counties) == 1 and not cities:
        src, c_from, c_to = counties[0], "县", "市"
        dst = next((d for d in t.divisions if d.name == src.parent and d.level == "city" and d.name.endswith("市")), None)
        if dst is None or dst.name in text or dst.short in text or dst.short in src.name:
            return Substitution(())
    else:
        return Substitution(())
    if dst is None or re.search(rf"全{c_to}|{c_to}(?:{bodies})|[市县][市县]|县[区]", text):
        return Substitution(())
    mapping = {src.name: dst.name}
    if src.short != src.name and src.short in text:
        mapping[src.short] = dst.short
    for unit in t.level_units:
        mapping[c_from + unit] = c_to + unit
    for w in _LEVEL_WORDS:
        mapping[w.format(c=c_from)] = w.format(c=c_to)
    return Substitution.of(mapping)


MAKERS: dict[str, Callable[[str, dict[str, Any], Tables, random.Random], Substitution]] = {
    "place": place_sub, "org": org_sub, "person": person_sub, "number": number_sub,
    "slogan": slogan_sub, "date": date_sub, "level": level_sub,
}


def make_substitution(kind: str, text: str, gold: dict[str, Any], t: Tables, seed: str) -> Substitution:
    """The table of one kind (or ``all``) for one article; deterministic in ``seed``."""
    if kind == "all":
        sub = Substitution(())
        for k in KINDS:
            sub = sub.merged(make_substitution(k, text, gold, t, seed))
        return sub
    return MAKERS[kind](text, gold, t, random.Random(f"{seed}:{kind}"))


# ------------------------------------------------------------------ gold sets


@dataclass(frozen=True)
class Article:
    set: str
    name: str
    text: str
    gold: dict[str, Any]


def _golds(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for f in sorted(folder.glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(doc, dict) and "entities" in doc:
            out.append((f.stem, doc))
    return out


def load_sets(names: Iterable[str], work: Path) -> list[Article]:
    """Articles of the named gold sets with their texts (xwlb texts rebuilt from ../shared into ``work``)."""
    arts: list[Article] = []
    for name in names:
        if name == "dev":
            gold_dir, texts = SHARED / "gold", SHARED / "corpus" / "dev"
        elif name == "unlabeled":
            gold_dir, texts = ROOT / "tests" / "gold_unlabeled", SHARED / "corpus" / "unlabeled"
        elif name == "kinds":
            gold_dir, texts = ROOT / "tests" / "gold_kinds", ROOT / "samples" / "kinds"
        elif name == "xwlb":
            gold_dir, texts = ROOT / "tests" / "gold_xwlb", work / "xwlb_texts"
            spec = importlib.util.spec_from_file_location("materialize", gold_dir / "materialize.py")
            assert spec and spec.loader
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            mod.materialize(SHARED, texts)
        else:
            raise SystemExit(f"unknown gold set {name!r}")
        for stem, doc in _golds(gold_dir):
            path = texts / f"{stem}.txt"
            if path.exists():
                arts.append(Article(name, stem, path.read_text(encoding="utf-8"), doc))
    return arts


@dataclass
class Variant:
    article: Article
    kind: str
    index: int
    sub: Substitution
    text: str
    gold: dict[str, Any]


def variants(arts: list[Article], kinds: Iterable[str], n: int, seed: int, t: Tables) -> tuple[list[Variant], Counter[str]]:
    """N variants per article and kind; a variant that changes nothing or is inconsistent is dropped."""
    out: list[Variant] = []
    dropped: Counter[str] = Counter()
    for kind in kinds:
        for a in arts:
            seen: set[str] = set()
            for i in range(n):
                sub = make_substitution(kind, a.text, a.gold, t, f"{seed}:{a.set}:{a.name}:{i}")
                text = sub.apply(a.text)
                if not sub.changes() or text == a.text or text in seen:
                    dropped[f"{kind}: nothing new"] += 1
                    continue
                gold = transform_gold(a.gold, sub)
                if consistency_problems(a.text, a.gold, text, gold):
                    dropped[f"{kind}: inconsistent"] += 1
                    continue
                seen.add(text)
                out.append(Variant(a, kind, i, sub, text, gold))
    return out, dropped


# ------------------------------------------------------------------ scoring


@dataclass
class Scored:
    report: Any                     # kg.evaluate.EvalReport
    rules: dict[Any, set[str]]      # graph_rules of the build
    parsed: tuple[Any, Any, Any]


def score_one(name: str, text: str, gold: dict[str, Any], tmp: Path) -> Scored:
    """Build ``text`` alone as ``kg build NAME.txt`` and score it against ``gold`` (kg.evaluate)."""
    from kg.evaluate import EvalReport, Gold, _build_one, _empty, graph_rules, score_article

    folder = tmp / "in"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    report = EvalReport(articles=1)
    out = tmp / "out"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    parsed, why = _build_one(path, out)
    rules = graph_rules(why) if parsed is not None else {}
    if parsed is None:
        report.failures.append((name, why))
        parsed = _empty()
    score_article(Gold(gold), *parsed, report, name, rules)
    return Scored(report, rules, parsed)


def _add(total: Any, part: Any) -> None:
    for k, c in part.counts.items():
        for key, v in c.items():
            total.counts[k][key] += v
    total.misses.extend(part.misses)
    total.failures.extend(part.failures)
    total.articles += part.articles


def original_rules(gold: dict[str, Any], scored: Scored, miss: Any) -> tuple[str, ...]:
    """The rules that got a miss of a variant right on the original (what the variant broke)."""
    from kg.evaluate import Gold

    g = Gold(gold)
    names, typed, rels = scored.parsed
    by_label = {e["label"]: i for i, e in g.entities.items()}
    out: set[str] = set()
    if miss.what[0].isupper():
        ids = {by_label.get(miss.names[0])}
        for r in names:
            if any(names[r] & g.names[i] for i in ids if i):
                out |= scored.rules.get(r, set())
    else:
        s_id, o_id = by_label.get(miss.names[0]), by_label.get(miss.names[-1])
        if s_id and o_id:
            for (pred, s, o), rs in ((k, v) for k, v in scored.rules.items() if isinstance(k, tuple)):
                if pred == miss.what and names.get(s, set()) & g.names[s_id] and names.get(o, set()) & g.names[o_id]:
                    out |= rs
    return tuple(sorted(out))


@dataclass
class Run:
    originals: Any = None
    by_kind: dict[str, Any] = field(default_factory=dict)
    #: the originals of the same articles, once per variant: what each kind's column is compared with
    base_by_kind: dict[str, Any] = field(default_factory=dict)
    new_misses: dict[str, list[tuple[Any, tuple[str, ...], Variant]]] = field(default_factory=lambda: defaultdict(list))
    counts: Counter[str] = field(default_factory=Counter)


def score_originals(arts: list[Article]) -> dict[tuple[str, str], Scored]:
    with tempfile.TemporaryDirectory(prefix="kg-perturb-") as tmpd:
        return {(a.set, a.name): score_one(a.name, a.text, a.gold, Path(tmpd)) for a in arts}


def run(arts: list[Article], orig: dict[tuple[str, str], Scored], vs: list[Variant], out: Path,
        progress: Callable[[str], None] | None = None) -> Run:
    from kg.evaluate import EvalReport

    result = Run(originals=EvalReport())
    orig_misses: dict[tuple[str, str], set[tuple[str, str, tuple[str, ...]]]] = {}
    for a in arts:
        s = orig[(a.set, a.name)]
        orig_misses[(a.set, a.name)] = {(m.kind, m.what, m.names) for m in s.report.misses}
        _add(result.originals, s.report)
    with tempfile.TemporaryDirectory(prefix="kg-perturb-") as tmpd:
        tmp = Path(tmpd)
        for k, v in enumerate(vs):
            folder = out / v.article.set / f"{v.kind}-{v.index}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{v.article.name}.txt").write_text(v.text, encoding="utf-8")
            (folder / f"{v.article.name}.json").write_text(json.dumps(v.gold, ensure_ascii=False, indent=1), encoding="utf-8")
            s = score_one(v.article.name, v.text, v.gold, tmp)
            rep = result.by_kind.setdefault(v.kind, EvalReport())
            _add(rep, s.report)
            _add(result.base_by_kind.setdefault(v.kind, EvalReport()), orig[(v.article.set, v.article.name)].report)
            result.counts[v.kind] += 1
            back = v.sub.inverse()
            base = orig[(v.article.set, v.article.name)]
            for m in s.report.misses:
                key = (m.kind, m.what, tuple(back.apply(n) for n in m.names))
                if key in orig_misses[(v.article.set, v.article.name)]:
                    continue
                rules = m.rules if m.kind == "FP" else (original_rules(v.article.gold, base, type(m)(
                    m.article, m.kind, m.what, key[2])) or m.rules)
                result.new_misses[v.kind].append((m, rules, v))
            if progress and k % 50 == 0:
                progress(f"{k}/{len(vs)} variants")
    return result


# ------------------------------------------------------------------ output


def table(result: Run) -> str:
    """F1 per class and relation: all originals, then per kind its originals (``o``) and variants (``v``)."""
    from kg.evaluate import CLASSES, RELATIONS, prf

    kinds = list(result.by_kind)
    reps = [result.originals] + [r for k in kinds for r in (result.base_by_kind[k], result.by_kind[k])]
    lines = [f"{'F1':16}{'all':>8}" + "".join(f"{k + ' o':>9}{k[:6] + ' v':>9}" for k in kinds),
             f"{'(articles)':16}" + "".join(f"{r.articles:>{8 if i == 0 else 9}}" for i, r in enumerate(reps))]

    def row(label: str, values: list[float]) -> str:
        return f"{label:16}" + "".join(f"{v:{8 if i == 0 else 9}.3f}" for i, v in enumerate(values))
    for group, names in (("entities", CLASSES), ("relations", RELATIONS)):
        for n in names:
            lines.append(row(n, [prf(r.counts[n])[2] for r in reps]))
        lines.append(row(group + " micro", [r.micro(group)[2] for r in reps]))
    return "\n".join(lines)


def brittle(result: Run, limit: int = 3) -> str:
    """Rules whose errors appear only in the variants, most errors first, with examples."""
    groups: dict[str, list[tuple[Any, Variant]]] = defaultdict(list)
    for items in result.new_misses.values():
        for m, rules, v in items:
            for r in rules or ("(no rule fired)",):
                groups[r].append((m, v))
    lines = ["errors only in the variants, by rule (FN: the rule that got it right on the original):"]
    for rule, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        kinds = Counter(v.kind for _, v in items)
        lines.append(f"  {rule} ({len(items)}: " + ", ".join(f"{k} {c}" for k, c in sorted(kinds.items())) + ")")
        for m, v in items[:limit]:
            lines.append(f"    [{v.kind}] {v.article.set}/{m}")
    return "\n".join(lines)


def as_dict(result: Run) -> dict[str, Any]:
    out: dict[str, Any] = {"original": result.originals.as_dict()}
    for kind, rep in result.by_kind.items():
        d = rep.as_dict()
        d.pop("misses")
        d["new_misses"] = [{"article": f"{v.article.set}/{v.article.name}", "variant": v.index, "kind": m.kind,
                            "what": m.what, "names": list(m.names), "rules": list(rules)}
                           for m, rules, v in result.new_misses.get(kind, [])]
        out[kind] = d
    out["original"].pop("misses")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["dev", "kinds", "unlabeled", "xwlb"])
    ap.add_argument("--kinds", nargs="+", default=[*KINDS, "all"], choices=[*KINDS, "all"])
    ap.add_argument("-n", type=int, default=3, help="variants per article and kind")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--out", type=Path, default=Path("/tmp/kg-perturb"))
    ap.add_argument("--json", type=Path)
    ap.add_argument("--examples", type=int, default=3)
    args = ap.parse_args(argv)
    if ROOT in args.out.resolve().parents or args.out.resolve() == ROOT:
        raise SystemExit("--out must be outside the repository")
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    arts = load_sets(args.sets, args.out)
    t = Tables.load()
    orig = score_originals(arts)
    t.pool((a.text, a.gold, {m.names[0] for m in orig[(a.set, a.name)].report.misses if m.kind == "FN"},
            {n for m in orig[(a.set, a.name)].report.misses if m.kind == "FP" and m.what[0].isupper() for n in m.names})
           for a in arts)
    vs, dropped = variants(arts, args.kinds, args.n, args.seed, t)
    print(f"{len(arts)} articles, {len(vs)} variants; dropped: {dict(sorted(dropped.items()))}", file=sys.stderr)
    result = run(arts, orig, vs, args.out, progress=lambda s: print(s, file=sys.stderr))
    print(table(result))
    print(brittle(result, args.examples))
    if args.json:
        args.json.write_text(json.dumps(as_dict(result), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
