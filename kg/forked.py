"""One export step in a forked child process, while this process writes the others.

``kg build --jobs N`` parallelises more than extraction: once the sorted triples exist,
the store (N-Quads rendering and RocksDB load, the largest export step) is written by
a forked child while this process writes the RDF files and the explorer. The child
reads the parent's data copy-on-write (nothing is pickled) and writes different files,
so output does not depend on the number of jobs. An ``OSError`` in the child (disk
full, file too large) is raised again here as the same ``OSError``, so the build
folder's transaction reports it and keeps the previous build.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time
from typing import Any, Callable


def can_fork() -> bool:
    """Whether a child can share this process's memory (fork start method: Linux, BSD)."""
    return "fork" in mp.get_all_start_methods()


def _run(fn: Callable[[], Any], conn: Any) -> None:
    t0 = time.perf_counter()
    try:
        fn()
        conn.send(("ok", time.perf_counter() - t0))
    except OSError as exc:
        conn.send(("oserror", (exc.errno, exc.strerror, exc.filename)))
    except BaseException as exc:  # report to the parent, which raises it
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


class Forked:
    """``fn`` running in a forked child from construction; :meth:`join` waits and returns its seconds."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        ctx = mp.get_context("fork")
        self._receiver, sender = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_run, args=(fn, sender), daemon=True)
        self._proc.start()
        sender.close()

    def join(self) -> float:
        """Wait for the child; its error is raised here (``OSError`` as itself)."""
        try:
            kind, value = self._receiver.recv()
        except EOFError:
            kind, value = "error", f"the writer process died (exit code {self._proc.exitcode})"
        finally:
            self._proc.join()
            self._receiver.close()
        if kind == "ok":
            return float(value)
        if kind == "oserror":
            errno_, strerror, filename = value
            raise OSError(errno_, strerror or os.strerror(errno_ or 0), filename)
        raise RuntimeError(value)

    def kill(self) -> None:
        """Stop the child (the build failed elsewhere); its half-written output is the staging folder's."""
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join()
        self._receiver.close()
