"""``no_gc()``: the cyclic garbage collector paused over work that makes acyclic objects by the million.

Why: CPython's generational collector rescans every container it tracks, and reading a dictionary
snapshot, unpickling cached results, merging the graph and writing the exports create millions of
tuples, dicts and strings that never form cycles: at 1M triples the rescans were ~40% of an export.
Defined once here (``extractors`` imports nothing of ``kg``; ``kg`` uses it too).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the collector inside the block; its previous state is restored (a caller that disabled it keeps it off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
