"""Chinese numerals read and written as cn2an does (``cn2an.cn2an(text, "smart")``, ``cn2an.an2cn(n)``), from a table.

Why: importing cn2an builds its converters' patterns (three converters, the largest regular expressions
of the process: ~0.35 s of every ``kg build`` and of each ``--jobs`` worker), and a call runs its
Traditional-to-Simplified and full-width preprocessing again (tens of µs) for the same few strings
(十九, 二十, 五, 三). The answers are a pure function of the string and of cn2an's version, so they
are computed once for the numerals the extractors meet and kept as a content-keyed snapshot beside the
jieba dictionaries (:mod:`extractors.dictcache`, key = cn2an's version and :data:`_DOMAIN`):

* every string of one to four characters of :data:`DIGITS` (十九, 二十, 一百二十, 二零二二 …), of one to
  four ASCII digits (第34次会议: the meeting patterns take digits too; one such article imported cn2an, ~0.4 s,
  in about every 2,000 news items) and cn2an's own writing of 1-9,999 (一百二十三), read back;
* cn2an's writing of 0-9,999.

A value is cn2an's answer for exactly that input, so the table can only say what cn2an says; anything
outside it (a longer numeral, a larger number, another character) is handed to cn2an itself, imported
then (``tests/test_numerals.py`` compares the whole table with cn2an).
"""
from __future__ import annotations

import marshal
from functools import cache
from itertools import product
from typing import Any

#: The characters the extractors pass (after 两 → 二 and 〇 → 零): the table covers their short strings.
DIGITS = "零一二三四五六七八九十百"
#: Arabic digits, as the meeting patterns also take them (第34次)
ARABIC = "0123456789"
#: What the table holds; part of the snapshot's key (change it and the snapshot is rebuilt).
_DOMAIN = f"strings of 1-4 of {DIGITS}; strings of 1-4 of {ARABIC}; an2cn and back for 0-9999; v2"
_MAX_WRITTEN = 9999


def _cn2an() -> Any:
    import cn2an

    return cn2an


def _read_live(text: str) -> int | None:
    """``int(cn2an.cn2an(text, "smart"))``, None where cn2an refuses the string (ValueError, KeyError)."""
    try:
        return int(_cn2an().cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def _build() -> tuple[dict[str, int | None], dict[int, str]]:
    written = {n: str(_cn2an().an2cn(n)) for n in range(_MAX_WRITTEN + 1)}
    inputs = {"".join(p) for chars in (DIGITS, ARABIC) for k in range(1, 5) for p in product(chars, repeat=k)}
    inputs.update(text for n, text in written.items() if n)
    read: dict[str, int | None] = {}
    for text in sorted(inputs):
        try:
            read[text] = _read_live(text)
        except Exception:  # noqa: BLE001 - left out: a live call raises it again, as cn2an would
            continue
    return read, written


@cache
def _tables() -> tuple[dict[str, int | None], dict[int, str]]:
    from importlib import metadata

    from extractors.dictcache import cached_value, snapshot_key

    try:
        version = metadata.version("cn2an")
    except metadata.PackageNotFoundError:
        version = "-"
    name = f"numerals-{snapshot_key(f'cn2an {version}'.encode(), _DOMAIN.encode())}.marshal"
    return cached_value(name, _build, marshal.dumps, marshal.loads)


def read_numeral(text: str) -> int | None:
    """``int(cn2an.cn2an(text, "smart"))``, or None where that raises ValueError or KeyError (十十, 百五)."""
    table = _tables()[0]
    if text in table:
        return table[text]
    return _read_live(text)


def write_numeral(n: int) -> str:
    """``cn2an.an2cn(n)``: 19 → 十九, 101 → 一百零一."""
    text = _tables()[1].get(n)
    return text if text is not None else str(_cn2an().an2cn(n))
