"""extractors.dictcache: a snapshot read back is the value computed without one, and a bad one is rebuilt."""
from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from extractors import dictcache
from extractors.lexicon import Lexicons, _added_words
from extractors.segment import Segmenter


@pytest.fixture
def snapshots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "snap"
    monkeypatch.setenv("KG_STARTUP_CACHE", str(folder))
    return folder


def _fresh(added: list[tuple[str, int]]) -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    for word, freq in added:
        tok.add_word(word, freq=freq)
    return tok


def test_dictionary_snapshot_is_the_built_dictionary(snapshots: Path) -> None:
    added = _added_words(Lexicons())
    ref = _fresh(added)
    first = dictcache.tokenizer_dictionary(added)  # built and stored
    assert any(snapshots.glob("freq-*.marshal"))
    again = dictcache.tokenizer_dictionary(added)  # read back
    for freq, total, _ in (first, again):
        assert freq == ref.FREQ and list(freq) == list(ref.FREQ) and total == ref.total
    assert first[2] == again[2]
    assert dictcache.tokenizer_dictionary([*added, ("新词语测试", 5)])[2] != first[2]  # other words, other key


def test_word_tags_are_jieba_posseg_table(snapshots: Path) -> None:
    import jieba.posseg

    built, read = dictcache.word_tags(), dictcache.word_tags()
    assert built == read == jieba.posseg.dt.word_tag_tab


def test_dictionary_words_snapshot(snapshots: Path) -> None:
    """The words with a frequency, the total and the tags: the tokenizer's and jieba's, built or read back; the
    tags share the words' strings (one string each in the file)."""
    import jieba.posseg

    added = _added_words(Lexicons())
    ref = _fresh(list(added))
    first = dictcache.dictionary_words(added)  # built and stored
    assert any(snapshots.glob("words-*.marshal"))
    again = dictcache.dictionary_words(added)  # read back
    for words, total, tags, key in (first, again):
        assert words == {w: f for w, f in ref.FREQ.items() if f} and total == ref.total
        assert tags == jieba.posseg.dt.word_tag_tab and key == dictcache.dictionary_key(added)
    words, _, tags, _ = again
    shared = {id(w) for w in words}
    assert sum(id(w) in shared for w in tags) == sum(w in words for w in tags) > 340_000


def test_route_tables_snapshot(snapshots: Path) -> None:
    freq, total, key = dictcache.tokenizer_dictionary(_added_words(Lexicons()))
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    plain, cached = Segmenter(tok), Segmenter(tok, key=key)
    block = "1-11月BQ.1.1变异株GDP增长5.2%"
    # the Python route itself (lcut takes jieba's own route for odd blocks until a budget is spent)
    assert cached._cut_block(block) == plain._cut_block(block) == tok.lcut(block)  # built and stored
    assert any(snapshots.glob("route-*.pickle"))
    again = Segmenter(tok, key=key)
    assert again._cut_block(block) == plain._cut_block(block)  # read back
    assert again._single == plain._single and list(again._lattice().items()) == list(plain._lattice().items())


def test_corrupt_or_foreign_snapshot_is_rebuilt(snapshots: Path) -> None:
    added = [("五种风气", 100000)]
    ref = dictcache.tokenizer_dictionary(added)
    path = next(snapshots.glob("freq-*.marshal"))
    path.write_bytes(path.read_bytes()[:-10])  # truncated: fails its checksum
    assert dictcache.tokenizer_dictionary(added)[:2] == ref[:2]
    snapshots.chmod(0o777)  # a folder others could write is not used
    assert dictcache.folder() is None
    assert dictcache.tokenizer_dictionary(added)[:2] == ref[:2]


def test_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STARTUP_CACHE", "off")
    assert dictcache.folder() is None
