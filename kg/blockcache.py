"""Per-article RDF blocks kept beside the extraction cache: a rebuild renders only the new articles' provenance.

Why: after the extraction cache (:mod:`kg.cache`) a rebuild that appends 10 articles to 5,000
still spent most of its time converting the graph to RDF (:func:`kg.readwrite.rdf_blocks.graph_blocks`):
nine in ten subjects are the ``kg:Mention`` and ``kg:Assertion`` nodes, each with a hashed IRI and
eight or nine pairs. Those blocks (and the ``kg:Sentence`` nodes they quote) are a function of
one article's extraction result alone: a mention's node IRI is resolved inside its article
(:func:`kg.resolve.merge`), its offsets, surface, rule and sentence are the article's, and an
assertion's IRI and pairs come from one evidence record of that article. So they are stored
rendered, one entry per article, and merged by subject IRI into the corpus-wide blocks (entity
descriptions, aggregates, meeting series), which are computed afresh every time.

Key: the article's extraction key (:func:`kg.cache.article_key`) under a version that covers the
extraction cache's (the pipeline, its code and data) and every file of ``kg/`` and ``ontology/``
(resolution, the graph, IRIs and the RDF renderer), so an entry is used only for the very result
and renderer it was made from; any other value misses and is rendered again. Entries are written
like the extraction cache's (atomically, with a SHA-256 of the payload; a broken entry is ignored).
Only :func:`kg.api.build` attaches one, and only ``kg build`` hands it to the writer: a graph
changed after the build must not be written with blocks of the graph it was.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Iterable

from extractors.sealing import opened, seal
from kg.atomicfile import atomic_open
from kg.cache import REWRITE_SHARE, ExtractionCache, article_key, read_sealed, write_sealed_apart
from kg.model import Article

_MAGIC = b"KGBLOCK3"
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]
#: What turns a result into blocks: the graph merge, IRIs, the renderer, the vocabulary.
_CODE = ("kg", "ontology")
#: Folder prefix of block entries inside the cache root (the extraction cache's are ``v-``).
PREFIX = "r-"
#: Packs of one version before a build folds its entries into one (and removes the rest).
MAX_PACKS = 8
#: The file of the kept union of many articles' entries (:meth:`BlockCache.base`) in a version's folder.
BASE = "base"
_BASE_MAGIC = b"KGBBASE1"
#: One entry: (subject IRI, [(predicate IRI, N-Triples term)], its Turtle text) for each mention, assertion and sentence.
Entry = list[tuple[str, list[tuple[str, str]], str]]


def renderer_version(root: Path = _PACKAGE_ROOT) -> str:
    """A hash of every source and data file under ``kg/`` and ``ontology/``."""
    h = hashlib.sha256()
    for entry in _CODE:
        for f in sorted((root / entry).rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                h.update(f.relative_to(root).as_posix().encode() + b"\0")
                h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


class BlockCache:
    """The rendered provenance blocks of one build's articles, in pack files under ``root/r-<version>/``.

    Why packs and not a file per article like the extraction cache: creating 5,000 small files took
    2 ms each on a busy machine (10 s of a build's RDF conversion). A build streams the entries it
    rendered into one pack (:meth:`put`, then :meth:`flush` renames it into place): the entries, then
    an index {key: (offset, length)}, then the index's length in 8 bytes. Nothing is held in memory
    but the index; a rebuild reads its entries one by one (``pread``) from the few packs of its version.
    """

    def __init__(self, root: str | Path, version: str, keys: dict[str, str]) -> None:
        self.root = Path(root)
        #: covers the extraction cache's version and every file of kg/ and ontology/ (the kept graph's key too)
        self.version = version
        self.dir = self.root / f"{PREFIX}{version[:24]}"
        #: article id -> its extraction key
        self.keys = keys
        self.hits = 0
        self._index: dict[str, tuple[Path, int, int]] | None = None
        self._packs: dict[Path, Any] = {}
        self._out: Any = None  # the pack being written: (file, temporary path, {key: (offset, length)})
        self._in_base = 0  # articles of this build found in the base (:meth:`base`)
        self._writer: int | None = None  # the child writing the base (:meth:`keep_base`)

    @classmethod
    def beside(cls, cache: ExtractionCache, articles: Iterable[Article], keys: dict[str, str] | None = None) -> BlockCache:
        """The block cache in ``cache``'s folder for these articles (their ids are unique in a build);
        ``keys``: their extraction keys by id, when known already."""
        version = hashlib.sha256(f"{cache.version}\0{renderer_version()}".encode()).hexdigest()
        return cls(cache.root, version, {a.id: article_key(a) for a in articles} if keys is None else keys)

    def _entries(self) -> dict[str, tuple[Path, int, int]]:
        """key -> (pack, offset, length) over every readable pack of this version (a broken one is skipped)."""
        if self._index is None:
            self._index = {}
            for pack in sorted(self.dir.glob("*.pack")):
                try:
                    with open(pack, "rb") as fh:
                        size = fh.seek(0, os.SEEK_END)
                        if size < len(_MAGIC) + 8:
                            continue
                        fh.seek(size - 8)
                        length = int.from_bytes(fh.read(8), "big")
                        if length > size - 8 - len(_MAGIC):
                            continue
                        fh.seek(size - 8 - length)
                        index = _decode(fh.read(length))
                except OSError:
                    continue
                if isinstance(index, dict):
                    for key, (offset, n) in index.items():
                        self._index[key] = (pack, offset, n)
        return self._index

    def get(self, article_id: str) -> Entry | None:
        """The stored blocks of ``article_id``, or None (not one of this build's articles, absent, broken)."""
        key = self.keys.get(article_id)
        where = None if key is None else self._entries().get(key)
        if where is None:
            return None
        value = _decode(self._read(*where))
        if not isinstance(value, list):
            return None
        self.hits += 1
        return value

    def base(self) -> tuple[frozenset[str], dict[str, list[tuple[str, str]]], dict[str, str]] | None:
        """The kept union of many articles' entries (:meth:`keep_base`) when each article it holds is one of this
        build's, unchanged: (their keys, subject -> pairs, subject -> Turtle text); else None."""
        value = read_sealed(self.dir / BASE, _BASE_MAGIC)
        if not (isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], frozenset)):
            return None
        keys, subjects, texts = value
        if not keys <= set(self.keys.values()):  # an article it holds was edited or removed: one by one, then kept again
            return None
        self._in_base = len(keys)
        return keys, subjects, texts

    def keep_base(self, cached: Iterable[str], subjects: dict[str, list[tuple[str, str]]], texts: dict[str, str]) -> None:
        """Keep the merged entries of the ``cached`` articles (ids) as one pickle when more than :data:`REWRITE_SHARE`
        of this build's articles were not in the base: a rebuild then reads it instead of one entry per article (at
        5,000 items 0.45 s of reads and 0.55 s of interning their pairs again, against ~0.35 s to load it), with the
        pairs shared across articles still shared. ``subjects`` and ``texts`` hold only theirs. A failure only costs time."""
        keys = frozenset(self.keys[a] for a in cached)
        if len(keys) - self._in_base <= REWRITE_SHARE * len(self.keys):
            return
        # the texts' UTF-8 stays in the child, which writes while this build goes on (:meth:`wait` reaps it)
        self._writer = write_sealed_apart(self.dir / BASE, (keys, subjects, texts), _BASE_MAGIC, wait=False)

    def wait(self) -> None:
        """Wait until the base being written by a child (:meth:`keep_base`) is in place (the end of a build's writing)."""
        if self._writer is not None:
            pid, self._writer = self._writer, None
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass

    def _read(self, pack: Path, offset: int, length: int) -> bytes:
        """``length`` bytes of ``pack`` at ``offset`` (b"" when unreadable); the pack stays open until :meth:`flush`."""
        fh = self._packs.get(pack)
        try:
            if fh is None:
                fh = self._packs[pack] = open(pack, "rb")
            return os.pread(fh.fileno(), length, offset)
        except OSError:
            return b""

    def put(self, article_id: str, entry: Entry) -> None:
        """Append ``entry`` to the pack being written (made on the first put)."""
        key = self.keys.get(article_id)
        if key is not None:
            self._append(key, _encode(entry))

    def _append(self, key: str, data: bytes) -> None:
        try:
            if self._out is None:
                stack = ExitStack()
                # a fresh name: two builds filling the cache at once write two packs, never one torn one
                target = self.dir / f"{uuid.uuid4().hex[:24]}.pack"
                fh = stack.enter_context(atomic_open(target, text=False, fsync=False, mode=None))
                fh.write(_MAGIC)
                self._out = (fh, stack, {})
            fh, _, index = self._out
            index[key] = (fh.tell(), len(data))
            fh.write(data)
        except OSError:
            self._discard()  # a cache that cannot be written only costs the next build time

    def _discard(self) -> None:
        if self._out is not None:
            _, stack, _ = self._out
            self._out = None
            try:
                stack.__exit__(OSError, OSError("discarded"), None)  # atomic_open removes its temporary file
            except OSError:
                pass

    def flush(self) -> None:
        """Finish the pack being written (:func:`kg.atomicfile.atomic_open`, no fsync: a torn pack fails its checksums).

        When :data:`MAX_PACKS` packs are there already, the new pack takes every entry of this build and
        the others are removed (entries of articles not in this build go with them: they only cost time).
        """
        old = sorted(self.dir.glob("*.pack")) if self._out is not None else []
        if len(old) >= MAX_PACKS:
            wanted = set(self.keys.values())
            for key, where in self._entries().items():
                if key in wanted and key not in self._out[2]:
                    self._append(key, self._read(*where))
        for pack_fh in self._packs.values():
            pack_fh.close()
        self._packs.clear()
        if self._out is None:
            return
        fh, stack, index = self._out
        try:
            tail = _encode(index)
            fh.write(tail + len(tail).to_bytes(8, "big"))
            self._out = None
            stack.close()  # renamed into place
            if len(old) >= MAX_PACKS:
                for pack in old:
                    pack.unlink(missing_ok=True)
        except OSError:
            self._discard()
        self._index = None

    def prune(self) -> None:
        """Remove the packs of other versions: they can never match again."""
        for d in self.root.glob(f"{PREFIX}*"):
            if d != self.dir and d.is_dir():
                shutil.rmtree(d, ignore_errors=True)


def _encode(value: Any) -> bytes:
    """``value`` (lists, tuples and strings) marshalled behind :data:`_MAGIC` and the SHA-256 of the payload.

    Why marshal and not pickle (:func:`kg.cache.sealed`): pickling a string that is not ASCII caches its UTF-8
    form inside the string object for as long as it lives (CPython's ``PyUnicode_AsUTF8AndSize``), and the
    texts and terms stored here stay in the build's blocks: at 5,000 新闻联播 items 24 MB of such copies
    sat in memory until the end of the RDF export. marshal encodes without keeping anything.
    """
    return seal(marshal.dumps(value, 4), _MAGIC)


def _decode(raw: bytes) -> Any:
    """What :func:`_encode` wrote, or None for anything else (a torn, foreign or older entry)."""
    return opened(raw, _MAGIC, marshal.loads)
