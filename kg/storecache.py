"""The previous build's store kept in the cache folder: a rebuild applies the subjects that changed.

Why: with ``--cache`` a rebuild that appends 10 articles to 5,000 reloaded the whole store (Oxigraph's
bulk loader sorts and writes every index entry again, ~8 µs a quad: one of the largest fixed phases of
a rebuild) although only the new articles' assertions and the aggregates of the entities they name
changed. So ``kg build --cache DIR`` keeps a copy of the store it wrote in ``DIR/s-<n>-<oxigraph>/``
with a digest of each subject's block (its predicate/object pairs), and the next build copies that
store (``Store.backup``: hard links where it can), deletes the quads of the subjects whose block
changed or went, and adds those of the changed and new ones. A store is a set of quads and each quad
belongs to one subject's block, so the result holds exactly the quads a clean load would
(tests/test_storecache.py compares sorted dumps); only the files' layout differs.

A cache entry is used only whole: the store and its digests are renamed into place together, and
are read only if the folder was not replaced meanwhile. Anything unexpected (no entry, another
corpus, a torn copy, a delta larger than :data:`MAX_DELTA` of the subjects) loads the store clean.
A cache serves one store: building another corpus with it replaces the entry.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from kg.atomicfile import atomic_write, replace_dir
from kg.cache import sealed, unseal
from kg.readwrite.rdf_blocks import Block
from kg.readwrite.rdf_formats import nt_lines

#: Folder prefix of the kept store inside the cache root (the extraction cache's are ``v-``, blocks' ``r-``).
PREFIX = "s-"
#: Layout of an entry (bump when it changes): a store folder and the subjects' digests.
LAYOUT = 1
_MAGIC = b"KGSTORE1"
#: Above this share of changed subjects a clean load is cheaper than deleting and adding quads.
MAX_DELTA = 0.25


def entry_dir(root: str | Path) -> Path:
    """Where the kept store lives in the cache folder ``root`` (named by Oxigraph's version: its file format)."""
    import pyoxigraph as ox

    return Path(root) / f"{PREFIX}{LAYOUT}-{ox.__version__}"


def digests(blocks: Iterable[Block]) -> dict[str, bytes]:
    """Subject IRI -> a digest of its pairs.

    The pairs are joined with line feeds: a predicate is an IRI and an object an N-Triples term,
    and neither holds a raw line feed, so different pairs never join to the same text.
    """
    b2 = hashlib.blake2b
    chain = itertools.chain.from_iterable
    return {s: b2("\n".join(chain(pairs)).encode("utf-8"), digest_size=16).digest() for s, pairs in blocks}


@dataclass
class Delta:
    """What a rebuild changed in the kept store (``kg build`` reports it)."""

    subjects: int = 0
    removed: int = 0
    added: int = 0


def _identity(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def copy_previous(root: str | Path, new: dict[str, bytes], target: Path) -> tuple[list[str], list[str]] | None:
    """Copy the kept store into ``target`` (which must not exist) and say which subjects to delete and to add.

    Returns (subjects whose quads go, subjects whose quads come), or None when there is no usable entry
    or the delta is too large (``target`` is then absent).
    """
    import pyoxigraph as ox

    entry = entry_dir(root)
    try:
        before = _identity(entry)
        old = unseal((entry / "subjects").read_bytes(), _MAGIC)
        if not isinstance(old, dict):
            return None
        gone = [s for s, d in old.items() if new.get(s) != d]
        come = [s for s, d in new.items() if old.get(s) != d]
        if len(gone) + len(come) > MAX_DELTA * max(len(new), 1):
            return None
        ox.Store.read_only(str(entry / "store")).backup(str(target))
        if _identity(entry) != before:  # replaced by another build meanwhile: its digests may not be these
            raise OSError("the kept store was replaced while it was copied")
    except (OSError, ValueError, EOFError):
        shutil.rmtree(target, ignore_errors=True)
        return None
    return gone, come


def apply(store: Any, gone: list[str], blocks: dict[str, list[tuple[str, str]]], come: list[str]) -> Delta:
    """Delete the quads of the ``gone`` subjects that their new block does not hold, add the rest of ``come``'s."""
    import pyoxigraph as ox

    default = ox.DefaultGraph()
    old: set[Any] = set()
    for s in gone:
        old.update(store.quads_for_pattern(ox.NamedNode(s), None, None, default))
    text = "".join(nt_lines([(s, blocks[s]) for s in come], " .\n"))
    new = set(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, lenient=True))
    drop, add = old - new, new - old
    for q in drop:
        store.remove(q)
    store.extend(add)
    return Delta(subjects=len(set(gone) | set(come)), removed=len(drop), added=len(add))


def keep(store_dir: Path, root: str | Path, new: dict[str, bytes]) -> None:
    """Make ``store_dir`` (a finished store) and ``new`` the cache's entry; a failure only costs the next build time."""
    import pyoxigraph as ox

    entry = entry_dir(root)
    tmp = entry.with_name(f".{entry.name}.{uuid.uuid4().hex[:12]}.tmp")
    old = entry.with_name(f".{entry.name}.{uuid.uuid4().hex[:12]}.old")
    try:
        tmp.mkdir(parents=True)
        ox.Store.read_only(str(store_dir)).backup(str(tmp / "store"))
        atomic_write(tmp / "subjects", sealed(new, _MAGIC), fsync=False)
        replace_dir(tmp, entry, old)
    except OSError:
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def prune(root: str | Path) -> None:
    """Remove kept stores of other layouts or Oxigraph versions, and what a killed build left a day ago."""
    entry = entry_dir(root)
    for d in Path(root).glob(f"{PREFIX}*"):
        if d != entry and d.is_dir():
            shutil.rmtree(d, ignore_errors=True)
    for d in Path(root).glob(f".{PREFIX}*"):  # a running build's own are younger
        try:
            if time.time() - d.stat().st_mtime > 86_400:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            pass
