"""``no_gc``: the collector paused and restored, what the block made handed over as old, cycles still collected."""
from __future__ import annotations

import gc
import subprocess
import sys
import weakref

import pytest

from extractors.gcpause import age_tracked, no_gc


class _Node:
    other: _Node | None = None


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _in_generation(gen: int, objs: list[object]) -> int:
    ids = {id(o) for o in objs}
    return sum(1 for o in gc.get_objects(generation=gen) if id(o) in ids)


def test_paused_inside_and_restored() -> None:
    with no_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_caller_that_paused_it_keeps_it_paused() -> None:
    gc.disable()
    with no_gc():
        made = [_Node() for _ in range(100)]
    assert not gc.isenabled()
    assert _in_generation(0, made) == 100  # not aged either: the outer pause decides when
    gc.enable()


def test_what_the_block_made_is_old_after_it() -> None:
    with no_gc():
        made = [_Node() for _ in range(1000)]
    assert _in_generation(0, made) == 0
    assert _in_generation(2, made) == 1000


def test_a_cycle_made_inside_is_still_collected() -> None:
    with no_gc():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
    alive = weakref.ref(a)
    del a, b
    gc.collect(0)
    assert alive() is not None  # old now: a young pass does not see it
    gc.collect()
    assert alive() is None  # the full collection does


def test_a_callers_frozen_objects_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with no_gc():
            made = [_Node() for _ in range(10)]
        assert gc.get_freeze_count() == frozen
        assert _in_generation(0, made) == 10
    finally:
        gc.unfreeze()


def test_age_tracked_keeps_every_object() -> None:
    before = len(gc.get_objects())
    age_tracked()
    assert gc.get_freeze_count() == 0
    assert abs(len(gc.get_objects()) - before) < 50  # the same objects, in the oldest generation


def test_the_kg_program_exits_with_its_status() -> None:
    """``kg.cli.main`` freezes what is alive before exit (the final collections skip it): status and output unchanged."""
    ok = subprocess.run([sys.executable, "-m", "kg.cli", "--version"], capture_output=True, text=True)
    assert ok.returncode == 0 and "version" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "kg.cli", "build"], capture_output=True, text=True)
    assert bad.returncode == 2 and "Missing argument" in bad.stderr
