"""Article dates: every form a corpus writes them in → one ISO ``YYYY-MM-DD`` (an ``xsd:date``), or nothing.

Corpora date their records as ``20220101``, ``2022-01-01``, ``2022-01-01 19:17:02``,
``2022/1/1``, ``2022.1.1`` or ``2022年1月1日`` (digits possibly full-width), and
a text without a date field often opens with a dateline (``2022年1月1日``,
``（2022-01-01）``). Analytics group by these dates and the RDF types them
``xsd:date``, so a value that is not a real calendar day (``20221301``,
``2022-02-30``) never passes: it is reported and the article stays undated.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# year, month, day, each form anchored on the whole value (a time of day may follow)
_FIELD_FORMS = (
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:\d{6})?"),
    re.compile(r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?"),
)
# what may follow a date in a field: a time (T19:17:02, 19:17, 19时17分), a zone
_TIME_TAIL = re.compile(r"(?:[T\s]+\d{1,2}(?:[:时]\d{1,2}(?:[:分]\d{1,2}(?:\.\d+)?秒?)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*")
# a dateline in running text: a full year, month and day
_DATELINE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*[日号]"
                       r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?!\d))")
#: How far into a text a dateline is looked for (a date deep in the body is not the article's).
DATELINE_WINDOW = 400


@dataclass(frozen=True)
class DateValue:
    """The outcome of reading one date field: ``iso`` (``''`` when absent or unreadable) and why not."""

    iso: str
    problem: str = ""


def _day(y: str, m: str, d: str) -> str | None:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def parse_date(value: object) -> DateValue:
    """Read a date field. Empty → ``DateValue('')``; readable → its ISO day; anything else → a problem."""
    if value is None:
        return DateValue("")
    return _parse_text(str(value))


@lru_cache(maxsize=1 << 14)  # pure, and a build reads each article's date several times (reading, RDF, explorer, index)
def _parse_text(raw: str) -> DateValue:
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return DateValue("")
    for rx in _FIELD_FORMS:
        m = rx.match(text)
        if m and _TIME_TAIL.fullmatch(text, m.end()):
            iso = _day(m["y"], m["m"], m["d"])
            if iso is None:
                return DateValue("", f"date {raw!r} is not a calendar day: article kept undated")
            return DateValue(iso)
    return DateValue("", f"unreadable date {raw!r} (use 2022-01-01, 20220101 or 2022年1月1日): article kept undated")


def normalize_date(value: object) -> str:
    """The ISO day of a date field, ``''`` when absent or unreadable (see :func:`parse_date` for why)."""
    return parse_date(value).iso


def is_iso_date(value: str) -> bool:
    """``value`` is exactly ``YYYY-MM-DD`` and a real day: what may be written as ``xsd:date``."""
    return len(value) == 10 and parse_date(value).iso == value


def dateline(text: str, window: int = DATELINE_WINDOW) -> str:
    """The first real calendar date written in the opening ``window`` characters of ``text`` ('' if none)."""
    head = unicodedata.normalize("NFKC", text[:window])
    for m in _DATELINE.finditer(head):
        iso = _day(m["y"], m["m1"] or m["m2"], m["d1"] or m["d2"])
        if iso:
            return iso
    return ""
