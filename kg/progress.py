"""Progress of a long build: a periodic one-line status and wall time per phase.

A corpus build runs for minutes, often under a batch system whose stderr is a log
file, not a terminal, so a redrawn progress bar is useless there. :class:`Progress`
instead prints at most one plain line every ``every`` seconds (phase, articles
done/total, characters per second) — nothing at all for builds shorter than that —
and records how long each phase took (read, extract, graph, rdf, each writer, html,
store), which ``kg build`` prints as its run summary and puts in ``--report``.

No thread: the status is printed from :meth:`Progress.tick` and phase changes, so
nothing can hold a lock across the forks of the worker pools.
"""
from __future__ import annotations

import logging
import resource
import sys
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, TextIO, TypeVar

T = TypeVar("T")

#: Seconds between two status lines unless told otherwise.
DEFAULT_EVERY = 10.0


class Progress:
    """Phase timings of one build, and (when ``stream`` is given) its periodic status line.

    ``total`` is the number of articles when known (it is not while the input streams).
    """

    def __init__(self, stream: TextIO | None = None, every: float = DEFAULT_EVERY,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.stream = stream
        self.every = every
        self.clock = clock
        self.started = clock()
        self.times: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        #: peak RSS (MB) when each phase ended: which phase set the build's peak
        self.peaks: dict[str, float] = {}
        self.phase_name = ""
        self.done = 0
        self.chars = 0
        self.total: int | None = None
        self._phase_started = self.started
        self._last_line = self.started

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time the work inside as phase ``name`` (times of a repeated name add up)."""
        outer, outer_started = self.phase_name, self._phase_started
        self.phase_name, self._phase_started = name, self.clock()
        self.tick()
        try:
            yield
        finally:
            self.add(name, self.clock() - self._phase_started)
            self.peaks[name] = peak_rss_mb()
            self.phase_name, self._phase_started = outer, outer_started

    def add(self, name: str, seconds: float) -> None:
        """Count ``seconds`` towards phase ``name`` (for work timed elsewhere, e.g. reading a stream)."""
        self.times[name] = self.times.get(name, 0.0) + seconds

    def count(self, name: str, n: int) -> None:
        """Record a count for the summary (``cache hits``, ``extracted``)."""
        self.counts[name] = self.counts.get(name, 0) + n

    def timed(self, name: str, items: Iterable[T]) -> Iterator[T]:
        """``items``, with the time spent producing each one counted as phase ``name``."""
        it = iter(items)
        while True:
            t0 = self.clock()
            try:
                item = next(it)
            except StopIteration:
                self.add(name, self.clock() - t0)
                return
            self.add(name, self.clock() - t0)
            yield item

    def article_done(self, chars: int) -> None:
        """One more article extracted (``chars`` characters long)."""
        self.done += 1
        self.chars += chars
        self.tick()

    def tick(self) -> None:
        """Print the status line if ``every`` seconds passed since the last one."""
        if self.stream is None:
            return
        now = self.clock()
        if now - self._last_line < self.every:
            return
        self._last_line = now
        print(self.status(now), file=self.stream, flush=True)

    def status(self, now: float | None = None) -> str:
        """The one-line status: elapsed time, phase and, while extracting, articles done/total and speed."""
        now = self.clock() if now is None else now
        elapsed = now - self.started
        line = f"kg build: [{elapsed:6.0f} s] {self.phase_name or 'starting'}"
        if self.phase_name == "extract" and self.done:
            of = f"/{self.total}" if self.total else ""
            busy = self.times.get("extract", 0.0) + now - self._phase_started
            speed = f", {self.chars / busy / 1e3:.1f} k chars/s" if busy > 0 else ""
            line += f": {self.done}{of} articles{speed}"
        return line

    def elapsed(self) -> float:
        """Seconds since the build started."""
        return self.clock() - self.started

    def summary(self) -> str:
        """The run summary line: each phase's seconds in the order run, total and peak memory."""
        parts = ", ".join(f"{name} {secs:.1f} s" for name, secs in self.times.items())
        counts = "".join(f"; {name} {n}" for name, n in self.counts.items())
        return f"kg build: timings: {parts}; total {self.elapsed():.1f} s; peak RSS {peak_rss_mb():.0f} MB{counts}"

    def report(self) -> dict[str, Any]:
        """The timings as plain data for ``--report`` (seconds rounded to milliseconds)."""
        return {"phases": {k: round(v, 3) for k, v in self.times.items()}, "total": round(self.elapsed(), 3),
                "peak_rss_mb": round(peak_rss_mb(), 1), "peak_rss_mb_after": {k: round(v, 1) for k, v in self.peaks.items()},
                "counts": dict(self.counts)}


def peak_rss_mb() -> float:
    """Peak resident memory of this process and of its finished children, in MB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1.0 if sys.platform == "darwin" else 1024.0
    return max(own, kids) * scale / 1e6


@contextmanager
def quiet_jieba() -> Iterator[None]:
    """Silence jieba's start-up lines ("Building prefix dict…", "Loading model…") for the duration.

    jieba logs them at DEBUG on its own stderr handler; raising its logger's level while a
    build runs (and restoring it after) keeps a build's stderr to what the user must read,
    without changing logging for the rest of a program that imports ``kg``. jieba is imported
    first because its import sets its logger to DEBUG.
    """
    from extractors.jiebaimport import import_jieba

    import_jieba()

    logger = logging.getLogger("jieba")
    before = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(before)


def as_progress(progress: bool | Progress | None) -> Progress:
    """A :class:`Progress` as given, or a new one printing to stderr (True) or silent (False/None)."""
    if isinstance(progress, Progress):
        return progress
    return Progress(sys.stderr if progress else None)
