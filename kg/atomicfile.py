"""The one way this package writes a file: never half of it, whatever fails.

Every writer (RDF formats, GraphML, GEXF, the explorer, ``kg report``, the run report, tables,
the extraction cache) goes through here, so the guarantee is stated and tested once: the
content goes to a temporary file in the target's own folder (``.NAME.XXXX.tmp``, the same
file system, so the rename cannot turn into a copy), is flushed and ``fsync``-ed, and only
then ``os.replace``-d over the target. A reader sees the old file or the new one; a writer
that raises, a full disk or a kill before the rename leaves the old file untouched and no
temporary file behind (a kill *during* the write can leave the ``.tmp``; :mod:`kg.builddir`
removes those it finds in an output folder).

Three shapes, for three kinds of caller:

* :func:`atomic_write` — the content as one ``str``/``bytes`` or an iterable of chunks
  (the RDF generators stream millions of lines), optionally gzip-ed deterministically;
* :func:`atomic_open` — a file object for code that writes bit by bit (``json.dump``);
* :func:`atomic_path` — a temporary *path* for libraries that insist on opening the file
  themselves (pandas ``to_parquet``/``to_csv``, ``networkx.write_graphml``).

A finished *folder* (a store, a cache entry, a build) takes its target's place with
:func:`replace_dir`.
"""
from __future__ import annotations

import gzip
import io
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

__all__ = ["atomic_write", "atomic_open", "atomic_path", "replace_dir"]

#: Mode of a written file: mkstemp makes 0600, but an export is meant to be shared.
SHARED = 0o644


def _temp(path: Path) -> tuple[int, Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    return fd, Path(tmp)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _commit(tmp: Path, path: Path, mode: int | None) -> None:
    if mode is not None:
        os.chmod(tmp, mode)
    os.replace(tmp, path)


@contextmanager
def atomic_path(path: str | Path, *, fsync: bool = True, mode: int | None = SHARED) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends normally it becomes ``path``.

    For libraries that open the file themselves. The temporary file exists (empty) when the
    block starts; on any exception it is removed and ``path`` is left as it was.
    """
    target = Path(path)
    fd, tmp = _temp(target)
    os.close(fd)
    try:
        yield tmp
        if fsync:
            _fsync_path(tmp)
        _commit(tmp, target, mode)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def atomic_open(path: str | Path, text: bool = True, *, encoding: str = "utf-8", errors: str = "strict",
                fsync: bool = True, mode: int | None = SHARED) -> Iterator[IO[Any]]:
    """Yield a file object whose content becomes ``path`` when the block ends normally.

    Text (``encoding``/``errors``, ``\\n`` written as is on every platform) unless ``text=False``.
    """
    target = Path(path)
    fd, tmp = _temp(target)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as raw:
            if text:
                wrapper = io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="")
                try:
                    yield wrapper
                    wrapper.flush()
                finally:
                    wrapper.detach()  # raw stays ours to close
            else:
                yield raw
            raw.flush()
            if fsync:
                os.fsync(raw.fileno())
        _commit(tmp, target, mode)
    finally:
        tmp.unlink(missing_ok=True)


def _write_chunks(fh: IO[bytes] | gzip.GzipFile, chunks: Iterable[str | bytes], target: Path, encoding: str, errors: str) -> None:
    for chunk in chunks:
        if isinstance(chunk, bytes):
            fh.write(chunk)
            continue
        try:
            fh.write(chunk.encode(encoding, errors))
        except UnicodeEncodeError as exc:
            raise ValueError(f"{target}: text is not valid Unicode ({exc})") from None


def atomic_write(path: str | Path, content: str | bytes | Iterable[str | bytes], *, compress: bool = False,
                 encoding: str = "utf-8", errors: str = "strict", fsync: bool = True, mode: int | None = SHARED) -> Path:
    """Write ``content`` to ``path`` (text encoded with ``encoding``/``errors``) and return ``path``.

    ``content`` is one string or bytes, or an iterable of chunks (str and bytes may be mixed: a
    writer that copies an already written file yields bytes). ``compress``: gzip at level 6 with
    an empty name and mtime 0, so the bytes depend only on the content. Text that cannot be
    encoded is a ``ValueError`` naming the file, as is any ``ValueError`` the chunks raise.
    """
    target = Path(path)
    chunks: Iterable[str | bytes] = (content,) if isinstance(content, (str, bytes)) else content
    try:
        with atomic_open(target, text=False, fsync=fsync, mode=mode) as raw:
            if compress:
                with gzip.GzipFile(filename="", mode="wb", compresslevel=6, fileobj=raw, mtime=0) as gz:
                    _write_chunks(gz, chunks, target, encoding, errors)
            else:
                _write_chunks(raw, chunks, target, encoding, errors)
    except ValueError as exc:
        if str(target) not in str(exc):
            raise ValueError(f"{target}: {exc}") from exc
        raise
    return target


def replace_dir(new: Path, target: Path, aside: Path) -> None:
    """The finished folder ``new`` becomes ``target`` (absent or not); the previous ``target`` is removed.

    A folder cannot be renamed over a non-empty one, so the old one is first renamed to ``aside`` (a free
    path on the same file system, hidden beside ``target``), then ``new`` takes its name, then ``aside``
    is removed. In between, ``target`` is briefly absent, never half of either; a reader holding the old
    folder open keeps reading it. When ``new`` cannot take the name, the old folder is put back and the
    error raised. (:mod:`kg.builddir` first tries one atomic exchange of a whole build.)
    """
    try:
        target.rename(aside)
        moved = True
    except FileNotFoundError:
        moved = False
    try:
        new.rename(target)
    except OSError:
        if moved:
            aside.rename(target)
        raise
    if moved:
        shutil.rmtree(aside, ignore_errors=True)
