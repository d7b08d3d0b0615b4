"""extractors.numerals says what cn2an says: the whole table, the snapshot read back, and inputs outside it."""
from __future__ import annotations

from pathlib import Path

import cn2an
import pytest

from extractors import numerals


def _cn2an_read(text: str) -> int | None:
    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


@pytest.fixture
def snapshots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "snap"
    monkeypatch.setenv("KG_STARTUP_CACHE", str(folder))
    numerals._tables.cache_clear()
    yield folder
    numerals._tables.cache_clear()


def test_table_is_cn2an(snapshots: Path) -> None:
    read, written = numerals._tables()  # built and stored
    assert any(snapshots.glob("numerals-*.marshal"))
    assert len(read) > 20_000 and set(written) == set(range(numerals._MAX_WRITTEN + 1))
    assert all(_cn2an_read(text) == value for text, value in read.items())
    assert all(cn2an.an2cn(n) == text for n, text in written.items())
    numerals._tables.cache_clear()
    assert numerals._tables() == (read, written)  # read back from the snapshot


def test_answers_inside_and_outside_the_table(snapshots: Path) -> None:
    for text in ("十九", "二十", "五", "一百二十三", "二零二二", "十十", "百五", "一二三四五六七", "九千九百九十九万", "19", "34", "0034", "12345", "3中"):
        assert numerals.read_numeral(text) == _cn2an_read(text), text
    for n in (1, 19, 20, 101, 9999, 10_000, 2_024_000):
        assert numerals.write_numeral(n) == cn2an.an2cn(n)
