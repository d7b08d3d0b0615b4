"""One export step in a background thread, while this thread writes the others.

The store load (:func:`kg.store.write_store`) spends almost all its time in Oxigraph's
Rust bulk loader, which releases the GIL: run in a thread, it overlaps the Turtle
writer (pure Python) on a second core instead of following it, and it shares the
sorted triples with it without copying or pickling anything (a forked child touches
the parent's pages and doubles them). The thread writes different files than the
caller, so the output does not depend on it.
"""
from __future__ import annotations

import threading
import time
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside the background step when the caller gave up on it (:meth:`Background.cancel`)."""


class Background:
    """``fn(cancelled)`` running in a daemon thread from construction; :meth:`join` returns its result and seconds.

    ``fn`` gets a :class:`threading.Event` it should check between units of work
    (:meth:`checked` does so for an iterator), so a failed build does not wait for it.
    """

    def __init__(self, fn: Callable[[threading.Event], Any], name: str = "kg-background") -> None:
        self.cancelled = threading.Event()
        self._fn = fn
        self._result: Any = None
        self._error: BaseException | None = None
        self._seconds = 0.0
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        t0 = time.perf_counter()
        try:
            self._result = self._fn(self.cancelled)
        except BaseException as exc:  # re-raised in the caller's thread by join()
            self._error = exc
        finally:
            self._seconds = time.perf_counter() - t0

    def join(self) -> tuple[Any, float]:
        """Wait for the step; its exception is raised here, as itself."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result, self._seconds

    def cancel(self) -> None:
        """Ask the step to stop at its next check and wait for it; its error, if any, is dropped."""
        self.cancelled.set()
        self._thread.join()


def checked(items: Iterable[T], cancelled: threading.Event) -> Iterator[T]:
    """``items``, raising :class:`Cancelled` before the next one once ``cancelled`` is set."""
    for item in items:
        if cancelled.is_set():
            raise Cancelled
        yield item
