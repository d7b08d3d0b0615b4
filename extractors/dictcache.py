"""Content-keyed snapshots of the jieba dictionaries a process builds before its first article.

Why: every ``kg build`` (and every worker of ``--jobs N``) spent ~4 s before its first article,
and most of it rebuilt the same values from the same files: jieba's ``Tokenizer.initialize``
(``marshal.load`` of its 498k-entry ``jieba.cache`` through a file object, with the garbage
collector running), the lexicon set's ~20k words added one ``add_word`` at a time, importing
``jieba.posseg`` only for its word → tag table (which parses the 5 MB ``dict.txt`` at import),
and the segmenter's Python-route automaton (337k reversed words, ~1-3 s; ``extractors.segment``).
A snapshot is the finished value, read back in one piece.

What is stored, each under a key that hashes everything the value is computed from:

* ``freq-KEY.marshal``: the tokenizer's ``(FREQ, total)`` after the lexicon set's words are added;
  KEY covers jieba's version, its ``dict.txt`` bytes and the added (word, frequency) list in order;
* ``words-KEY.marshal``: the words of that dictionary with a frequency, its total and jieba's word → tag
  table in one (``dictionary_words``: what a build reads; the two above serve jieba's own route and tests);
* ``tags-KEY.marshal``: jieba's word → tag table (``jieba.posseg.dt.word_tag_tab``), KEY = jieba's
  version and ``dict.txt`` bytes;
* ``route-KEY.pickle``: the segmenter's automaton and one-character log-probabilities, KEY = the
  ``freq`` key (the automaton is a function of that dictionary alone);
* ``numerals-KEY.marshal``: cn2an's readings and writings of the short numerals (``extractors.numerals``),
  KEY = cn2an's version and the table's domain.

Any change of input changes the key, so nothing is ever invalidated by hand, and a value
read back is the value the build would compute (``tests/test_dictcache.py``). An entry is
written to a temporary file and renamed into place, carries a SHA-256 of its payload, and is
rebuilt when it fails it. The dictionaries are marshal data (loading them runs no code); the
automaton is a pickle, read only from a folder this user owns and nobody else can write.

Where: ``$KG_STARTUP_CACHE`` if set (``0`` or ``off``: no snapshots), else a private folder in
the temporary directory (``/tmp/policy-slogan-kg-UID``), beside jieba's own ``jieba.cache``.
A folder that cannot be used only costs the start-up time: values are then computed as before.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

from extractors.gcpause import no_gc
from extractors.sealing import seal, unseal

T = TypeVar("T")

_FORMAT = b"kg-dictcache-1"
_MAGIC = b"KGDICT01"


def folder() -> Path | None:
    """The snapshot folder (created private), or None when turned off or not usable."""
    setting = os.environ.get("KG_STARTUP_CACHE", "")
    if setting.lower() in ("0", "off", "no", "false"):
        return None
    path = Path(setting) if setting else Path(tempfile.gettempdir()) / f"policy-slogan-kg-{os.getuid()}"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = path.stat()
    except OSError:
        return None
    if st.st_uid != os.getuid() or st.st_mode & 0o022:
        return None  # a folder another user could write: its pickles are not ours to load
    return path


def snapshot_key(*parts: bytes) -> str:
    """A snapshot's key: a hash of the snapshot format, Python's version and ``parts`` (each length-prefixed)."""
    h = hashlib.sha256(_FORMAT + f"\0python {sys.version_info[:2]}\0".encode())
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()[:32]


def _read(path: Path) -> bytes | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    return unseal(raw, _MAGIC)


def _write(path: Path, payload: bytes) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(seal(payload, _MAGIC))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a snapshot that cannot be written only costs the next process its start-up time


def cached_value(name: str, build: Callable[[], T], dumps: Callable[[T], bytes], loads: Callable[[bytes], T]) -> T:
    """The value stored as ``name`` in the snapshot folder, else ``build()`` (stored for next time)."""
    where = folder()
    if where is None:
        return build()
    path = where / name
    payload = _read(path)
    if payload is not None:
        try:
            with no_gc():
                return loads(payload)
        except Exception:  # written by another version: build again
            pass
    value = build()
    _write(path, dumps(value))
    return value


def _jieba_dict() -> bytes:
    """jieba's bundled ``dict.txt``, the file ``Tokenizer.initialize`` and ``jieba.posseg`` read."""
    from extractors.jiebaimport import import_jieba

    jieba = import_jieba()

    with jieba.Tokenizer().get_dict_file() as fh:
        return fh.read()


@cache
def jieba_dict_sha256() -> str:
    """The SHA-256 (hex) of jieba's bundled ``dict.txt``: what jieba-rs's own dictionary is checked against."""
    return hashlib.sha256(_jieba_dict()).hexdigest()


@cache
def _jieba_key() -> bytes:
    from extractors.jiebaimport import import_jieba

    jieba = import_jieba()

    return f"jieba {jieba.__version__}".encode() + b"\0" + bytes.fromhex(jieba_dict_sha256())


def dictionary_key(added: Sequence[tuple[str, int]]) -> str:
    """The key of the tokenizer dictionary made of jieba's own plus ``added`` (word, frequency) in order."""
    words = "\n".join(f"{w}\t{f}" for w, f in added).encode("utf-8", "surrogatepass")
    return snapshot_key(_jieba_key(), words)


def tokenizer_dictionary(added: Sequence[tuple[str, int]]) -> tuple[dict[str, int], int, str]:
    """``(FREQ, total, key)`` of a jieba ``Tokenizer`` initialised and given ``added`` with ``add_word``."""
    key = dictionary_key(added)

    def build() -> tuple[dict[str, int], int]:
        from extractors.jiebaimport import import_jieba

        jieba = import_jieba()

        tok = jieba.Tokenizer()
        tok.initialize()
        for word, freq in added:
            tok.add_word(word, freq=freq)
        return tok.FREQ, tok.total

    freq, total = cached_value(f"freq-{key}.marshal", build, marshal.dumps, marshal.loads)
    return freq, total, key


def dictionary_words(added: Sequence[tuple[str, int]]) -> tuple[dict[str, int], int, dict[str, str], str]:
    """``(words, total, tags, key)``: the words of :func:`tokenizer_dictionary` (``added``) with a frequency, without
    the prefix entries jieba keeps at 0 (349k of its 498k), its ``total``, jieba's word → tag table (:func:`word_tags`)
    and the dictionary's key, in one snapshot (``words-KEY.marshal``) whose tag table shares the words' strings.

    Why: a build reads frequencies (the segmenter's cutter and unknown runs, the name score) and tags (every
    token) but never a prefix entry, except on jieba's own route, which the tokenizer's full ``FREQ`` serves;
    the two snapshots apart were 0.32-0.40 s CPU and 119 MB, this one 0.19-0.27 s and 73 MB."""
    key = dictionary_key(added)

    def build() -> tuple[dict[str, int], int, dict[str, str]]:
        freq, total, _ = tokenizer_dictionary(added)
        words = {w: f for w, f in freq.items() if f}
        same = {w: w for w in words}  # the words' own string objects: marshal writes a shared one once
        return words, total, {same.get(w, w): tag for w, tag in word_tags().items()}

    words, total, tags = cached_value(f"words-{key}.marshal", build, marshal.dumps, marshal.loads)
    return words, total, tags, key


def word_tags() -> dict[str, str]:
    """jieba's word → part-of-speech table, equal to ``jieba.posseg.dt.word_tag_tab`` (without importing it)."""

    def build() -> dict[str, str]:
        tags: dict[str, str] = {}
        for line in _jieba_dict().split(b"\n"):  # POSTokenizer.load_word_tag, line for line
            text = line.strip().decode("utf-8")
            if text:
                word, _, tag = text.split(" ")
                tags[word] = tag
        return tags

    return cached_value(f"tags-{snapshot_key(_jieba_key())}.marshal", build, marshal.dumps, marshal.loads)


def route_tables(key: str, build: Callable[[], T]) -> T:
    """The segmenter's route tables for the dictionary of ``key`` (:func:`tokenizer_dictionary`), else ``build()``."""
    return cached_value(f"route-{key}.pickle", build, lambda v: pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL), _loads_any)


def _loads_any(payload: bytes) -> Any:
    return pickle.loads(payload)
