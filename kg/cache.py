"""Per-article extraction cache: a rebuild re-extracts only the articles that changed.

Extraction is a pure function of one article and of the code and data that run it
(:func:`kg.pipeline.extract`), and it is most of a build's time. So each result is
stored under a key that covers everything it depends on:

* the article as read: id, title, date, source and text;
* the pipeline: the components run (``--skip``) and a custom lexicon folder's files (``lexicons=``);
* the code and rule data: a hash of every file under ``extractors/`` (the modules and
  ``extractors/data/``: lexicons, rules) and of ``kg/pipeline.py``, ``kg/text.py``,
  ``kg/model.py``, ``kg/wordlists.py`` and ``kg/data/`` (the site-furniture patterns), plus
  the package's and the extraction libraries' versions (jieba,
  OpenCC, cn2an, pyahocorasick) and Python's.

Any change to one of them misses the cache; nothing has to be invalidated by hand.
Appending 10 articles to a corpus therefore extracts 10, and the output is the same
bytes as a clean build, because the cached value *is* what extraction returned.

Safety: each entry is written to a temporary file and renamed into place (a reader
never sees half an entry; two builds writing the same key write the same bytes), and
carries a SHA-256 of its payload, so an entry that is truncated, overwritten or not
readable by this version is ignored and extracted again. Entries are pickles: the cache
is trusted like the code (its folder is created private, mode 0700).

Where: only where asked (``kg build --cache DIR``, ``kg.build(..., cache=DIR)``), not beside
``-o`` by default: a build writes nothing outside its output folder unasked (scorers and CI
build into folders they then list), and one cache folder can serve several outputs. It is not
inside the output folder either, which is replaced as a whole by each build (:mod:`kg.builddir`).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

from extractors.lexicon import Lexicons
from extractors.sealing import DIGEST as _DIGEST
from extractors.sealing import opened, seal
from kg.atomicfile import atomic_open, atomic_write
from kg.model import Article, ArticleResult

_MAGIC = b"KGCACHE1"
#: Share of a build's articles not in a kept entry (the merged graph, the blocks' base) above which the build
#: writes that entry again; below it the next build merges or reads those few again (writing costs about as much).
REWRITE_SHARE = 0.05
#: Distributions whose behaviour is part of extraction.
_LIBRARIES = ("policy-slogan-kg", "jieba", "opencc", "cn2an", "pyahocorasick", "cpca")
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]
#: What extraction runs, relative to the project root: all of ``extractors/`` and the kg modules it uses.
_CODE = ("extractors", "kg/pipeline.py", "kg/text.py", "kg/model.py", "kg/wordlists.py", "kg/data")


def _files(root: Path, entries: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for entry in entries:
        p = root / entry
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc")
        elif p.is_file():
            out.append(p)
    return out


def fingerprint(skip: Iterable[str] = (), lexicons: Lexicons | None = None, root: Path = _PACKAGE_ROOT) -> str:
    """A hash of the pipeline (components left out) and of the code, rule data and library versions it runs.

    ``lexicons``: a lexicon folder used instead of the bundled ``extractors/data`` (its files are hashed too).
    """
    h = hashlib.sha256()
    h.update(f"python {sys.version_info[:3]}\0skip {sorted(set(skip))}\0".encode())
    for dist in _LIBRARIES:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{dist} {version}\0".encode())
    for f in _files(root, _CODE):
        h.update(f.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    folder = lexicons.folder if lexicons is not None else None
    if folder is not None:
        h.update(b"lexicons\0")
        for f in _files(folder, ["."]):
            h.update(f.relative_to(folder).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def article_key(article: Article) -> str:
    """A hash of everything of the article that extraction reads."""
    h = hashlib.sha256()
    for part in (article.id, article.title, article.date, article.source, article.text):
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class ExtractionCache:
    """The results of one pipeline version under ``root`` (``root/<version>/<ab>/<key>``)."""

    def __init__(self, root: str | Path, version: str) -> None:
        self.root = Path(root)
        self.version = version
        self.dir = self.root / f"v-{version[:24]}"
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, root: str | Path, skip: Iterable[str] = (), lexicons: Lexicons | None = None) -> ExtractionCache:
        """The cache in ``root`` for the default pipeline less ``skip`` (reading ``lexicons``); creates ``root`` (private)."""
        root = Path(root)
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        return cls(root, fingerprint(skip, lexicons))

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / key

    def get(self, article: Article) -> ArticleResult | None:
        """The stored result for ``article``, or None (absent, or an entry that fails its checksum)."""
        key = article_key(article)
        try:
            raw = self._path(key).read_bytes()
        except OSError:
            self.misses += 1
            return None
        result = _decode(raw)
        if result is None:
            self.misses += 1
            return None
        self.hits += 1
        result.article = article  # stored without the article: the key already says it is this one
        return result

    def put(self, result: ArticleResult) -> None:
        """Store ``result`` atomically; a cache that cannot be written only costs the next build time."""
        key = article_key(result.article)
        target = self._path(key)
        stored = ArticleResult(None, result.entities, result.relations, result.warnings)  # type: ignore[arg-type]
        try:
            # no fsync: a torn entry fails its checksum and is extracted again, and syncing every article
            # would cost more than the cache saves; mode stays mkstemp's 0600 (the cache is private)
            atomic_write(target, sealed(stored, _MAGIC), fsync=False, mode=None)
        except OSError:
            pass

    def prune(self) -> None:
        """Remove the folders of other versions: their entries can never match again (this bounds the cache).

        Entries of articles no longer built are kept: a cache may serve several corpora.
        """
        for d in self.root.glob("v-*"):
            if d != self.dir and d.is_dir():
                shutil.rmtree(d, ignore_errors=True)


def sealed(value: object, magic: bytes) -> bytes:
    """``value`` pickled behind ``magic`` and the SHA-256 of the payload, so :func:`unseal` can tell a torn or
    foreign entry from a good one (the extraction cache's entries and the block cache's)."""
    return seal(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), magic)


def unseal(raw: bytes, magic: bytes) -> object | None:
    """What :func:`sealed` wrote, or None for anything else: a cache entry is never trusted, only re-made."""
    return opened(raw, magic, pickle.loads)


def write_sealed(path: Path, value: object, magic: bytes) -> None:
    """``value`` pickled into ``path`` atomically, behind ``magic`` and followed by the SHA-256 of the pickle.

    For the large kept entries (the merged graph, the blocks' base): the pickle is streamed to the file
    and never held as one bytes object. Raises OSError when the file cannot be written.
    """
    with atomic_open(path, text=False, fsync=False, mode=None) as fh:
        fh.write(magic)
        sink = _Hashing(fh)
        pickle.dump(value, sink, protocol=pickle.HIGHEST_PROTOCOL)
        fh.write(sink.digest())


def write_sealed_apart(path: Path, value: object, magic: bytes, wait: bool = True) -> int | None:
    """:func:`write_sealed` in a forked child when this process can fork safely (no other thread), else here.

    Why: pickling a string that is not ASCII keeps its UTF-8 copy inside the string for as long as it lives
    (CPython's ``PyUnicode_AsUTF8AndSize``), and the kept merge's sentences and labels and the blocks' texts
    live on in the build (the packs are marshalled for the same reason); the pickler's memo is one entry per
    object besides. In a child both stay in the child's copy of the memory and go with it. ``wait=False``
    returns the child's pid instead of waiting for it (the caller reaps it with :func:`os.waitpid`: the
    parent goes on meanwhile, on another core when one is free). A failure only costs the next build time.
    """
    import threading

    if not hasattr(os, "fork") or threading.active_count() != 1:
        try:
            write_sealed(path, value, magic)
        except OSError:
            pass
        return None
    pid = os.fork()
    if pid == 0:  # the child: write and leave at once (no atexit handlers, no flush of the parent's buffers)
        code = 1
        try:
            write_sealed(path, value, magic)
            code = 0
        finally:
            os._exit(code)
    if not wait:
        return pid
    os.waitpid(pid, 0)
    return None


def read_sealed(path: Path, magic: bytes) -> object | None:
    """What :func:`write_sealed` wrote in ``path``, or None (absent, torn, foreign, other classes).

    Streamed too (the digest checked as the pickle is read, the value dropped if it fails): reading the
    file whole first would hold its bytes beside the objects made of them (the blocks' base is ~70 MB
    per 5,000 items).
    """
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size < len(magic) + _DIGEST or fh.read(len(magic)) != magic:
                return None
            fh.seek(size - _DIGEST)
            digest = fh.read(_DIGEST)
            fh.seek(len(magic))
            source = _HashingReader(fh, size - len(magic) - _DIGEST)
            try:
                value = pickle.load(source)  # type: ignore[arg-type]
            except Exception:  # torn, or written by other classes: made again
                return None
            if source.remaining or source.digest() != digest:
                return None
            return value
    except OSError:
        return None


class _HashingReader:
    """The next ``length`` bytes of a file, hashed as they are read (for :func:`pickle.load`)."""

    def __init__(self, fh: Any, length: int) -> None:
        self._fh = fh
        self.remaining = length
        self._h = hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        n = self.remaining if n < 0 else min(n, self.remaining)
        data = self._fh.read(n)
        self.remaining -= len(data)
        self._h.update(data)
        return data

    def readline(self) -> bytes:
        data = self._fh.readline(self.remaining)
        self.remaining -= len(data)
        self._h.update(data)
        return data

    def readinto(self, buf: Any) -> int:
        data = self.read(len(buf))
        buf[:len(data)] = data
        return len(data)

    def digest(self) -> bytes:
        return self._h.digest()


class _Hashing:
    """A write-only file that hashes what it passes on (a pickle's frames)."""

    def __init__(self, fh: Any) -> None:
        self._fh = fh
        self._h = hashlib.sha256()

    def write(self, data: Any) -> int:
        self._h.update(data)
        return self._fh.write(data)

    def digest(self) -> bytes:
        return self._h.digest()


def _decode(raw: bytes) -> ArticleResult | None:
    value = unseal(raw, _MAGIC)
    return value if isinstance(value, ArticleResult) else None
