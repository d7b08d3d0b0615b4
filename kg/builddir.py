"""A build directory that is always whole: staged writes, one swap, a lock, cleanup after a kill.

``kg build -o OUT`` writes every export into a staging folder beside OUT
(``.OUT.kg-staging-PID``) and, when all of them are written, exchanges it with OUT in
one ``renameat2(RENAME_EXCHANGE)`` (or, where the kernel lacks it, two renames that the
next run repairs). An interrupted, killed or disk-full build therefore leaves the
previous build exactly as it was. A lock file beside OUT (``.OUT.kg-lock``) makes a
second concurrent build into the same folder refuse clearly; the run that holds the
lock removes what a killed build left behind.

A folder that holds files other than build products (``graph.*``) is never swapped
away: the products are then staged inside it and renamed into place one by one
(each file atomic, the set not), so nothing of the user's is moved. The same holds
when only OUT, not its parent, can be written (the lock is then ``OUT/.kg-lock``).
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kg.atomicfile import replace_dir

#: Names a build writes; anything else in the output folder belongs to the user.
PRODUCT = re.compile(r"graph\..+")
_STALE = re.compile(r"\.graph\..*\.tmp|\.kg-staging-\d+")
_RENAME_EXCHANGE = 2


class OutputError(Exception):
    """The output folder could not be written; the message says why and that the old build is intact."""


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _hidden(out: Path, what: str) -> Path:
    return out.parent / f".{out.name}.kg-{what}"


_INNER_LOCK = ".kg-lock"  # inside OUT when its parent cannot be written (a read-only root, a mounted volume)


def _lock(out: Path, lock: Path) -> int:
    """An exclusive flock on ``lock`` (refused at once when held); removed again by :func:`_unlock`."""
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise OutputError(f"{out}: another kg build (pid {holder or '?'}) is writing this folder; "
                              f"wait for it to finish or choose another -o") from None
        try:
            same = os.stat(lock).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:  # not a lock file its previous holder unlinked while we opened it
            break
        os.close(fd)
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


def _unlock(lock: Path, fd: int) -> None:
    try:
        lock.unlink()
    except OSError:
        pass
    os.close(fd)


def _recover(out: Path) -> None:
    """Undo what a killed build left: restore a half-swapped OUT, drop staging and temp files."""
    old = _hidden(out, "old")
    if old.exists():
        if not out.exists():
            old.rename(out)  # killed between the two fallback renames: the previous build comes back
        else:
            shutil.rmtree(old, ignore_errors=True)
    for p in out.parent.glob(f".{_glob_escape(out.name)}.kg-staging-*"):
        shutil.rmtree(p, ignore_errors=True)
    if out.is_dir():
        for p in out.iterdir():
            if _STALE.fullmatch(p.name):
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _foreign(out: Path) -> bool:
    """OUT holds something a build did not write (then it is updated in place, never swapped)."""
    return out.is_dir() and any(not PRODUCT.fullmatch(p.name) and not _STALE.fullmatch(p.name) and p.name != _INNER_LOCK
                                for p in out.iterdir())


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _install(stage: Path, out: Path, in_place: bool) -> None:
    if in_place:
        produced = {p.name for p in stage.iterdir()}
        for p in sorted(stage.iterdir()):
            target = out / p.name
            if p.is_dir() and target.is_dir():  # a directory cannot be renamed over a non-empty one
                replace_dir(p, target, out / f".{p.name}.kg-staging-{os.getpid()}")
            else:
                if target.is_dir():
                    shutil.rmtree(target)
                p.rename(target)
        for p in out.iterdir():  # products of an earlier build that this one did not write
            if PRODUCT.fullmatch(p.name) and p.name not in produced:
                shutil.rmtree(p) if p.is_dir() and not p.is_symlink() else p.unlink()
        stage.rmdir()
        return
    if not out.exists():
        stage.rename(out)
    elif _exchange(stage, out):
        shutil.rmtree(stage, ignore_errors=True)  # now holds the previous build
    else:
        replace_dir(stage, out, _hidden(out, "old"))
    _fsync_dir(out.parent)


def _describe(exc: OSError, out: Path) -> str:
    what = {errno.ENOSPC: "disk full", errno.EFBIG: "file too large (size limit)", errno.EDQUOT: "disk quota exceeded",
            errno.EACCES: "permission denied", errno.EROFS: "read-only file system", errno.ENOTDIR: "a parent is not a folder",
            errno.EEXIST: "exists and is not a folder"}.get(exc.errno or 0, exc.strerror or str(exc))
    name = f" ({Path(exc.filename).name})" if exc.filename else ""
    return f"cannot write {out}: {what}{name}"


@contextmanager
def transaction(out_dir: str | Path) -> Iterator[Path]:
    """Yield the folder to write the build into; on success it becomes ``out_dir`` as a whole.

    On any error (or Ctrl-C) the staging folder is removed and ``out_dir`` is left untouched;
    ``OSError`` is raised again as :class:`OutputError` naming the folder and the cause.
    """
    out = Path(out_dir).absolute()
    try:
        if out.exists() and not out.is_dir():
            raise OutputError(f"cannot write {out_dir}: exists and is not a folder")
        out.parent.mkdir(parents=True, exist_ok=True)
        lock, inside = _hidden(out, "lock"), False
        try:
            fd = _lock(out, lock)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS) or not out.is_dir():
                raise
            lock, inside = out / _INNER_LOCK, True  # OUT itself is writable: lock and stage inside it
            fd = _lock(out, lock)
    except OSError as exc:
        raise OutputError(_describe(exc, Path(out_dir)) + "; nothing written") from None
    stage: Path | None = None
    try:
        try:
            _recover(out)
            # swapped only when OUT is absent or holds nothing but an earlier build; never the working folder
            in_place = inside or out.exists() and (_foreign(out) or not any(out.iterdir()) or out == Path.cwd().absolute())
            stage = (out / f".kg-staging-{os.getpid()}") if in_place else _hidden(out, f"staging-{os.getpid()}")
            if stage.exists():
                shutil.rmtree(stage)
            stage.mkdir(parents=True)
            yield stage
            _install(stage, out, in_place)
            stage = None
        except OSError as exc:
            intact = "the previous build is intact" if out.exists() else "nothing written"
            raise OutputError(f"{_describe(exc, Path(out_dir))}; {intact}") from None
        finally:
            if stage is not None:
                shutil.rmtree(stage, ignore_errors=True)
    finally:
        _unlock(lock, fd)
