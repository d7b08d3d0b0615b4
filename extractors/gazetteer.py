"""Chinese administrative divisions from a maintained package (cpca's adcode table).

cpca ships the national adcode list (province, prefecture, county, with
coordinates); we derive the short forms people write (徐州市 → 徐州) and keep
the level, so that 市委 can be expanded with the article's prefecture. The short forms
depend on the lexicon set's list of suffixes (``place/words.tsv``), so every table here is
derived from, and memoised per, a :class:`~extractors.lexicon.Lexicons`.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from extractors.lexicon import Lexicons


def _cpca_text(name: str) -> str:
    """A file of cpca's ``resources`` folder, read without importing cpca.

    Why: ``import cpca`` (which ``importlib.resources.files("cpca")`` does) builds cpca's own address
    matcher over the whole table and imports ``pkg_resources`` to open it, ~0.25 s of every build,
    for two files this module reads itself."""
    spec = find_spec("cpca")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "resources" / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return resources.files("cpca").joinpath("resources").joinpath(name).read_text(encoding="utf-8")


def _suffixes(lex: Lexicons) -> re.Pattern[str]:
    """Administrative suffixes (extractors/data/place/words.tsv), longest first."""
    return lex.ruleset("place").regex("division_suffixes", r"(?:{division_suffixes})$")


# an ethnic group name before 自治州/自治县: 凉山彝族自治州 -> 凉山
@lru_cache(maxsize=1)
def _ethnic() -> re.Pattern[str]:
    """Ethnic group names (cpca ships the 56): 秀山土家族苗族自治县 → 秀山."""
    names = _cpca_text("56_nations.csv").split()
    alts = "|".join(sorted({n.strip() for n in names if n.strip()} | {n.strip()[:-1] for n in names if len(n.strip()) > 2}, key=len, reverse=True))
    return re.compile(rf"(?:{alts})+$")


@dataclass(frozen=True)
class Division:
    name: str        # full official name: 徐州市
    short: str       # 徐州
    level: str       # province | city | county
    adcode: str
    parent: str      # full name of the province for cities, of the city for counties


def short_name(full: str, lex: Lexicons) -> str:
    base = _suffixes(lex).sub("", full)
    if full.endswith(("自治州", "自治县", "自治旗")):
        base = _ethnic().sub("", base) or base
    return base if len(base) >= 2 else full


@cache
def divisions(lex: Lexicons) -> tuple[Division, ...]:
    raw = _cpca_text("adcodes.csv")
    rows = list(csv.DictReader(io.StringIO(raw)))
    by_code = {r["adcode"]: r["name"] for r in rows}
    out = []
    for r in rows:
        code, name = r["adcode"], r["name"]
        if name.endswith(("行政区划", "行政区域")) or name in ("市辖区", "县"):
            continue
        if code[2:] == "0" * 10:
            level, parent = "province", ""
        elif code[4:] == "0" * 8:
            level, parent = "city", by_code.get(code[:2] + "0" * 10, "")
        else:
            level = "county"
            parent = by_code.get(code[:4] + "0" * 8) or by_code.get(code[:2] + "0" * 10, "")
        out.append(Division(name, short_name(name, lex), level, code, parent))
    out.sort(key=lambda d: d.adcode)
    return tuple(out)


@cache
def by_name(lex: Lexicons) -> dict[str, list[Division]]:
    """Full and short names → divisions (a short name may be ambiguous)."""
    idx: dict[str, list[Division]] = {}
    for d in divisions(lex):
        for n in {d.name, d.short}:
            idx.setdefault(n, []).append(d)
    return idx


@cache
def ambiguous_short_names(lex: Lexicons) -> frozenset[str]:
    """Short names that are also ordinary words (朝阳, 大同, 来宾): need a suffix or the full form."""
    return frozenset(lex.read_list("place_ambiguous.txt"))


@cache
def extra_places(lex: Lexicons) -> tuple[dict[str, str], ...]:
    """Named places outside the adcode table: countries, regions, landmarks."""
    return tuple(lex.read_tsv("places_extra.tsv"))


@lru_cache(maxsize=1 << 14)  # a pure function of the name and the lexicon set; every place hit asks it
def lookup(name: str, lex: Lexicons) -> Division | None:
    """Best division for a name: prefer higher levels, then the full-name match."""
    cands = by_name(lex).get(name)
    if not cands:
        return None
    order = {"province": 0, "city": 1, "county": 2}
    return sorted(cands, key=lambda d: (d.name != name, order[d.level], d.adcode))[0]
