"""The previous build's merged graph kept in the cache folder: a rebuild that only adds articles merges just those.

Why: with the extraction cache (:mod:`kg.cache`) a rebuild that appends 10 articles to 5,000 still read
the 5,000 cached results (~0.8 s) and merged them all again (``build_graph``, ~1.6 s): the largest of its
fixed phases. The merge is a function of the *set* of results (:func:`kg.resolve.merge` visits articles by
id, whatever the input order), and every attribute it makes is a union, a count or a sorted list of
per-article parts, except a node's label and ``label_en``, which the first article by id gives. So
``kg build --cache DIR`` keeps the merged corpus (:class:`kg.graph.Merged`, before the derived meeting
series) with the extraction key of each article it holds, and the next build whose articles include all
of those, unchanged, merges only the others into it (:func:`kg.graph.extend`, which knows which article
gave each first-article answer) and assembles the graph again in sorted order: the same graph, insertion
order included. An article edited or removed, or a new one that would give an existing node another
label: everything is merged again, as before, and kept for the next build.

The entry is rewritten only when the articles merged in since it was written exceed :data:`kg.cache.REWRITE_SHARE`
of the build (writing it costs about as much as merging them again: ~0.5 s per 5,000 items); until then
the next rebuild merges them in again.

Key: the block cache's version (:class:`kg.blockcache.BlockCache`: the extraction pipeline, its code and
data, and every file of ``kg/`` and ``ontology/``), so an entry is used only by the code that made it.
Safety as for the other entries: written to a temporary file and renamed into place, a SHA-256 of the
payload at its end; anything that fails to read back is ignored (merged again). Pickles: the cache is
trusted like the code.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.cache import read_sealed, write_sealed_apart
from kg.graph import Merged

if TYPE_CHECKING:
    from kg.blockcache import BlockCache

#: File prefix of the kept graph inside the cache root (extraction ``v-``, blocks ``r-``, store ``s-``).
PREFIX = "g-"
_MAGIC = b"KGGRAPH1"


@dataclass
class Kept:
    """A kept merge: the articles it holds (id -> extraction key) and the merged corpus."""

    members: dict[str, str]
    merged: Merged


class GraphCache:
    """The kept merge of one code version, ``root/g-<version>`` (one file)."""

    def __init__(self, root: str | Path, version: str) -> None:
        self.root = Path(root)
        self.path = self.root / f"{PREFIX}{version[:24]}"

    @classmethod
    def beside(cls, blocks: BlockCache) -> GraphCache:
        """The kept merge of the code version of ``blocks``, in its cache folder (the same key)."""
        return cls(blocks.root, blocks.version)

    def load(self) -> Kept | None:
        """The kept merge, or None (absent, torn, written by other classes)."""
        value = read_sealed(self.path, _MAGIC)
        return value if isinstance(value, Kept) else None

    def keep(self, kept: Kept) -> None:
        """Write ``kept`` as the entry (streamed, in a child process: :func:`kg.cache.write_sealed_apart`)."""
        write_sealed_apart(self.path, kept, _MAGIC)

    def prune(self) -> None:
        """Remove the entries of other versions: they can never match again."""
        for f in self.root.glob(f"{PREFIX}*"):
            if f != self.path and f.is_file():
                f.unlink(missing_ok=True)
