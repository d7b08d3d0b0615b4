"""The on-disk pyoxigraph store a build writes beside its files (``graph.oxigraph/``).

Re-parsing a full-corpus graph for every ``kg query`` took 37–71 s and 3 GB of memory;
opening a RocksDB-backed store takes milliseconds, so ``kg query``, ``kg show``,
``kg validate`` and the analytics commands open it with :func:`open_store` when it
is there and fall back to parsing the RDF files when it is not.

The store is the query index, not a copy of ``graph.nq``: it holds the default graph
without the ``kg:Mention`` nodes (and the ``kg:Sentence`` nodes only mentions quote) and
without the per-article named graphs (:func:`kg.readwrite.rdf_blocks.store_blocks`). The
mentions were 88% of its bytes (a full 新闻联播 store of 908 MB) and no bundled query
reads them; the named graphs only repeated triples the ``kg:Assertion`` nodes state. A
query that names what the store leaves out (:func:`store_covers`) is answered from the
build's RDF file instead, which holds everything.

It is built in a temporary folder and renamed into place, so a reader never opens half
a store; a build that does not write one removes a stale store from an earlier build
(:func:`remove_store`), so queries never see old data.
"""
from __future__ import annotations

import itertools
import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from kg.atomicfile import replace_dir

if TYPE_CHECKING:
    from kg.readwrite.rdf_blocks import Blocks
    from kg.storecache import Delta

#: Folder name of the store inside a build directory.
STORE_NAME = "graph.oxigraph"


#: What a query names when it needs what the store leaves out: mention nodes, their
#: properties, or named graphs (``GRAPH``). Such a query runs on the build's RDF file.
_BEYOND_STORE = re.compile(r"(?i:\bGRAPH\b|\bFROM\s+NAMED\b)"
                           r"|(?:\bkg:|ontology#)(?:Mention|refersTo|surfaceForm|sentenceStart)\b")


#: A SPARQL comment, or an IRI / string literal (kept: a ``#`` inside them starts no comment).
_COMMENT = re.compile(r"""<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|(#[^\n]*)""")


def store_covers(sparql: str) -> bool:
    """Whether the store can answer ``sparql``: outside comments it names no mention vocabulary and no named graph.

    Words inside a string literal count too: a false "no" only costs a parse of the RDF file.
    """
    code = _COMMENT.sub(lambda m: "" if m.group(1) else m.group(0), sparql)
    return _BEYOND_STORE.search(code) is None


def store_path(out_dir: str | Path) -> Path:
    """Where the store of the build in ``out_dir`` lives."""
    return Path(out_dir) / STORE_NAME


def has_store(path: str | Path) -> bool:
    """Whether ``path`` is a store, or a build directory holding one."""
    p = Path(path)
    return (p / "CURRENT").is_file() or (p / STORE_NAME / "CURRENT").is_file()


def _resolve(path: str | Path) -> Path:
    p = Path(path)
    if (p / "CURRENT").is_file():
        return p
    if (p / STORE_NAME / "CURRENT").is_file():
        return p / STORE_NAME
    raise FileNotFoundError(f"{p}: no {STORE_NAME} store (build with --formats including 'store')")


def open_store(path: str | Path) -> Any:
    """The ``pyoxigraph.Store`` of a build directory (or the store folder itself), read-only.

    Read-only so several readers (a notebook, ``kg query`` in a shell) can open it at once.
    """
    import pyoxigraph as ox

    target = _resolve(path)
    try:
        return ox.Store.read_only(str(target))
    except OSError as exc:
        raise ValueError(f"{target}: cannot open the store ({exc})") from exc


def write_store(nquads: Iterable[str | bytes] | Path, out_dir: str | Path) -> Path:
    """Build ``out_dir/graph.oxigraph`` from N-Quads (a file, or text chunks); return its path.

    Built beside the target and swapped in with renames: an interrupted build leaves the
    previous store (or none), never a partial one.
    """
    return _swap_in(out_dir, lambda db: _load_new(db, nquads))


def write_kept(blocks: Blocks, out_dir: str | Path, cache: str | Path | None = None,
               cancelled: threading.Event | None = None) -> tuple[Path, Delta | None]:
    """Build ``out_dir/graph.oxigraph`` holding ``blocks`` (:func:`kg.readwrite.rdf_blocks.store_blocks`).

    With ``cache`` (the build's cache folder) the previous build's store kept there is copied and
    changed where the subjects' blocks differ (:mod:`kg.storecache`), and this one is kept for the
    next build; the quads are the same as a clean load's. Returns the path and the delta applied
    (None for a clean load).
    """
    from kg import storecache
    from kg.background import checked
    from kg.readwrite.rdf import format_chunks

    def nquads() -> Iterable[str | bytes]:
        chunks = format_chunks("nt", blocks)
        return chunks if cancelled is None else checked(chunks, cancelled)

    if cache is None:
        return write_store(nquads(), out_dir), None
    new = storecache.digests(blocks.default)
    delta: Delta | None = None

    def fill(db: Path) -> None:
        nonlocal delta
        import pyoxigraph as ox

        found = storecache.copy_previous(cache, new, db)
        if found is None:
            _load_new(db, nquads())
            return
        gone, come = found
        store = ox.Store(str(db))
        wanted = set(come)  # a few subjects (the delta is at most storecache.MAX_DELTA of them)
        delta = storecache.apply(store, gone, {s: p for s, p in blocks.default if s in wanted}, come)
        store.flush()
        del store

    target = _swap_in(out_dir, fill)
    if delta is None or delta.subjects:  # an empty delta: the kept entry already is this store and these digests
        storecache.keep(target, cache, new)
    return target, delta


def _load_new(db: Path, nquads: Iterable[str | bytes] | Path) -> None:
    """A new store at ``db`` holding ``nquads``, compacted and closed."""
    import pyoxigraph as ox

    store = ox.Store(str(db))
    _load_batched(store, nquads)
    # one load per LOAD_BATCH leaves dozens of small sorted files that every query then reads: compacting
    # them once makes the bundled queries on the full 新闻联播 store ~4x faster (16.4 -> 4.0 s for the 14,
    # cooccurring_slogans 7.7 -> 2.0 s, at load 5-6) for ~7 s and ~6 MB here
    store.optimize()
    store.flush()
    del store  # releases the RocksDB lock before the rename


def _swap_in(out_dir: str | Path, fill: Callable[[Path], None]) -> Path:
    """``fill(db)`` makes a closed store at ``db`` (absent before) beside the target; then it replaces the target."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = store_path(out)
    tmp = Path(tempfile.mkdtemp(dir=out, prefix=f".{STORE_NAME}.", suffix=".tmp"))
    try:
        db = tmp / STORE_NAME
        fill(db)
        db.chmod(0o755)  # a build is meant to be shared
        replace_dir(db, target, tmp / f"{STORE_NAME}.old")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


#: N-Quads lines handed to one ``Store.bulk_load``. One load of everything held the whole
#: dataset's sorted index entries in memory at once (+660 MB at 2,000 items, +1.25 GB at
#: 5,000: the build's peak). Oxigraph's loader on the full 新闻联播 store (1.01M quads, streamed
#: from a file): 100k lines +161 MB / 6.1-7.3 s, 50k +97 MB / 7.5 s, 25k +60 MB / 8.3 s, the
#: store 117-123 MB on disk either way; at 100k the full build peaked at 2,084 MB (its store
#: phase +270 MB over graph.ttl's 1,814), so 25k keeps it under 2 GB for ~1 s.
LOAD_BATCH = 25_000


def _line_batches(nquads: Iterable[str | bytes] | Path, size: int) -> Iterator[bytes]:
    """The N-Quads text cut at line ends into pieces of about ``size`` lines (the last may be shorter)."""
    if isinstance(nquads, Path):
        with open(nquads, "rb") as fh:
            while piece := b"".join(itertools.islice(fh, size)):
                yield piece
        return
    buf: list[bytes] = []
    lines_in_buf = 0
    for chunk in nquads:
        data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
        buf.append(data)
        lines_in_buf += data.count(b"\n")
        if lines_in_buf >= size:
            text = b"".join(buf)
            cut = text.rfind(b"\n") + 1  # a chunk may end inside a line: carry the rest over
            yield text[:cut]
            buf, lines_in_buf = ([text[cut:]] if cut < len(text) else []), 0
    if buf and any(buf):
        yield b"".join(buf)


def _load_batched(store: Any, nquads: Iterable[str | bytes] | Path) -> None:
    """Hand the N-Quads to Oxigraph's own parser and bulk loader :data:`LOAD_BATCH` lines at a time.

    Why text and not ``Quad`` objects: parsing into Python ``Quad``s and handing them back
    (``ox.parse`` + ``bulk_extend``) cost ~5 of the ~14 CPU-seconds a 1M-quad store took; the
    Rust parser reads the same bytes without making a Python object per term. ``lenient``
    skips re-validating IRIs: the exporter writes only IRIs :func:`kg.readwrite.rdf_blocks.check_iri`
    accepted and escapes every literal. The load releases the GIL, so the caller may
    write other files meanwhile (:func:`kg.api._write_outputs_into`).
    """
    import pyoxigraph as ox

    for piece in _line_batches(nquads, LOAD_BATCH):
        store.bulk_load(piece, format=ox.RdfFormat.N_QUADS, lenient=True)


def remove_store(out_dir: str | Path) -> None:
    """Drop the store of an earlier build, which no longer matches the files beside it."""
    target = store_path(out_dir)
    if target.exists():
        shutil.rmtree(target)


def load_file(file: Path) -> Any:
    """An in-memory ``pyoxigraph.Store`` parsed from one RDF file (gzip or not); a parse error names the file."""
    import pyoxigraph as ox

    from kg.readwrite.rdf import open_rdf, rdf_format_of

    store = ox.Store()
    try:
        with open_rdf(file) as fh:
            store.bulk_load(fh, format=rdf_format_of(file))
    except SyntaxError as exc:
        raise ValueError(f"{file}: cannot parse RDF ({exc})") from exc
    return store
