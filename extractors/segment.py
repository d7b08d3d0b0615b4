"""jieba's accurate-mode segmentation with HMM (``Tokenizer.lcut(text)``), computed faster, token for token.

Why: the name component segments every sentence of every article, and jieba's pure-Python
dictionary walk (``get_DAG``: a dict look-up per prefix of every position) and route search
(``calc``: a ``log`` and a slice per candidate word) were a third of the extraction time.
jieba stays the segmenter of record: a :class:`Segmenter` reads the jieba ``Tokenizer``'s own
dictionary (``FREQ``, ``total``) and calls jieba's own HMM (``jieba.finalseg.cut``) for
unknown runs, and returns exactly what ``Tokenizer.lcut(text)`` returns (``tests/test_segment.py``
compares the two on the bundled samples, 新闻联播 news and edge cases). What differs is how:

* the dictionary words of a block come from one Aho-Corasick pass (pyahocorasick, in C) over
  the block reversed, keyed by the reversed words: matches arrive from the last start position
  to the first, the order in which jieba's route is computed, so no DAG is built;
* each word's log-probability, ``log(freq) - log(total)``, is computed once when the automaton
  is built (the same float jieba computes per occurrence); one-character words are a dict;
* the route is jieba's: at each position the best (score, end) by ``max`` over tuples, so a tie
  goes to the longer word, exactly as there;
* the HMM's answer for an unknown run, and the whole segmentation of a block (text between
  punctuation), are memoised — pure functions of the string, bounded in size;
* a block of Han characters and ASCII letters and digits only (almost every block of news text)
  is cut by jieba-rs (``rjieba``, Rust, MIT): the same algorithm (route by log-probability, the
  same HMM) over the same dictionary, given the tokenizer's words and frequencies and its exact
  ``total``. It is about four times faster than the Python route below. Where the two differ
  is jieba's treatment of ``- . % + # & _`` inside a block (``1-11月``, ``BQ.1.1``): such blocks
  keep the Python route. On the whole 新闻联播 file (531,329 distinct Han blocks, 93,268 Han and
  ASCII ones) the two agree on every block; ``tests/test_segment.py`` holds that on news.

A text in which none of those characters occurs (nor a character the two read differently:
``_ODD``) goes to jieba-rs whole, its block splitting included (the same split on such text): one
call per sentence instead of one per block. On the whole 新闻联播 file, the government work and
party congress reports (330,000 sentences and texts) this agrees with the block-by-block cut everywhere.

jieba-rs is given the tokenizer's dictionary word by word (349k ``add_word`` calls, ~0.3 s CPU) unless
its own bundled dictionary is known to be jieba's ``dict.txt``, word for word and frequency for
frequency: then it starts from that (``Jieba()``, ~0.1 s) and is given only the lexicon set's words
(:data:`_BUNDLED_DICTS`; the same dictionary and total either way).

The other blocks (about 1 character in 20 of news text) are cut on jieba-rs's route, read back from its
cut without the HMM, with jieba's walk and HMM (``Segmenter._cut_rs``): the route needs no prefix entries,
so a build reads the tokenizer's words with a frequency only (``extractors.dictcache.dictionary_words``,
loaded with the tag table) and never jieba's full ``FREQ``. A block whose route cannot be read back that
way (none on the whole 新闻联播 file) takes jieba's own route (``Tokenizer.lcut`` of the block) until they have come to ``_OWN_ROUTE_CHARS`` characters, and the Python route
below after that: building its automaton takes about 1.2 s and some 50 MB, once per lexicon set
and process, and its route saves about 2.3 µs a character over jieba's, so it pays only past some
500,000 such characters (the whole 新闻联播 file). Handing the dictionary to jieba-rs takes about half a second.
"""
from __future__ import annotations

from math import log
from operator import countOf

import re

from typing import TYPE_CHECKING, Callable, Sequence, cast

import ahocorasick

from extractors.jiebaimport import import_jieba, rjieba_class, rjieba_extension_sha256

if TYPE_CHECKING:
    import jieba as jieba_types
    import rjieba

jieba = import_jieba()
from jieba import finalseg  # noqa: E402  (after jieba's import without pkg_resources)

_MEMO_MAX = 100_000  # blocks (and unknown runs) remembered; cleared when full — output never depends on it
#: blocks jieba-rs cuts exactly as jieba does (checked block by block on the whole 新闻联播 file)
_PLAIN = re.compile("[\u4E00-\u9FD5a-zA-Z0-9]+")
#: characters on which jieba's and jieba-rs's own block splitting may part: the non-plain block
#: characters (``+#&._%-``), Han characters jieba-rs counts as Han and jieba does not (Extension A,
#: U+9FD6-U+9FFF, compatibility ideographs, every supplementary-plane character), and the controls
#: U+001C-U+001F that Python's ``\s`` matches and Rust's does not (with U+180E, U+200B for safety).
#: A text with none of them is cut by jieba-rs whole, block splitting included.
_ODD = re.compile("[+#&._%\\-\u3400-\u4DBF\u9FD6-\u9FFF\uF900-\uFAFF\U00010000-\U0010FFFF\x1c-\x1f\u180e\u200b]")
#: a dictionary entry no text block can contain (private-use characters): it carries the part of
#: jieba's ``total`` that is no current word's frequency (jieba's ``add_word`` adds a re-added
#: word's frequency to the total again), so that jieba-rs divides by the same total
_PAD_WORD = "\ue000\ue001"
#: rjieba extension builds (SHA-256 of the extension file) whose bundled dictionary is jieba's ``dict.txt`` of the
#: given SHA-256 with that many distinct words, word for word and frequency for frequency, no word of frequency 0
#: (checked by ``benchmarks/rjieba_dict.py``, which unpacks the zstd-compressed dictionary jieba-rs embeds and compares
#: the two; jieba's file holds one word twice, B超 3 n, which both read as one word): for them a cutter starts from
#: ``Jieba()`` and is given only the words the lexicon set adds. Any other build gets every word by ``add_word``.
_BUNDLED_DICTS: dict[str, tuple[str, int]] = {
    # rjieba 0.2.2 (jieba-rs 0.11.0), manylinux x86_64 abi3 wheel; jieba 0.42.1's dict.txt
    "1d9f410a4c9884b0a49d0a842c672b3cf4e56a80c7744421b0bad7cb63ae7714":
        ("7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8", 349_045),
}
#: characters of non-plain blocks cut by jieba's own route before this module's route (and its automaton) takes over
_OWN_ROUTE_CHARS = 500_000


class Segmenter:
    """``lcut(text)`` equal to ``tokenizer.lcut(text)`` (accurate mode, HMM on) for an initialised jieba ``Tokenizer``.

    The tokenizer's dictionary is read once, here: words added to it afterwards are not seen
    (``extractors.lexicon.tokenizer`` adds all its words before it builds the segmenter).
    """

    def __init__(self, tokenizer: jieba_types.Tokenizer | Callable[[], jieba_types.Tokenizer], key: str | None = None,
                 added: Sequence[tuple[str, int]] | None = None, words: tuple[dict[str, int], int] | None = None) -> None:
        """``key``: the content key of the tokenizer's dictionary (``extractors.dictcache``); with it the
        Python route's tables are read from (and saved to) a snapshot instead of being rebuilt. ``added``: the
        (word, frequency) pairs that made the tokenizer's dictionary out of jieba's own ``dict.txt`` by ``add_word``
        (``extractors.dictcache.tokenizer_dictionary``); with them jieba-rs may start from its bundled dictionary.
        ``words``: the tokenizer's words with a frequency and its total (``extractors.dictcache.dictionary_words``);
        with them ``tokenizer`` may be a function giving it, called only when a block needs jieba's own route."""
        if words is None:
            assert not callable(tokenizer) or hasattr(tokenizer, "FREQ"), "a tokenizer function needs words"
            tok = cast("jieba_types.Tokenizer", tokenizer)
            tok.check_initialized()
            self._freq: dict[str, int] = tok.FREQ  # .get(w) as the words' (its prefix entries are 0)
            self._total = tok.total
        else:
            self._freq, self._total = words
        self._key = key
        self._miss = 0.0 - log(self._total)  # jieba: log(FREQ.get(char) or 1) - logtotal for a character no word starts with
        self._single: dict[str, float] = {}
        self._auto: ahocorasick.Automaton | None = None  # built when jieba's route has cut _OWN_ROUTE_CHARS characters
        self._tok_of = tokenizer
        self._tok: jieba_types.Tokenizer | None = None if words is not None else cast("jieba_types.Tokenizer", tokenizer)
        self._own = 0  # characters cut by jieba's own route so far
        self._fast = _fast_cutter(self._freq, self._total, added)
        self._blocks: dict[str, list[str]] = {}
        self._hmm: dict[str, list[str]] = {}

    def lcut(self, text: str) -> list[str]:
        """The tokens of ``text``, as ``Tokenizer.lcut(text)`` (``Tokenizer.cut``'s block split, then each block)."""
        if _ODD.search(text) is None:
            return self._fast.cut(text, True)
        out: list[str] = []
        re_han, re_skip = jieba.re_han_default, jieba.re_skip_default
        blocks = self._blocks
        for blk in re_han.split(text):
            if not blk:
                continue
            if re_han.match(blk):
                words = blocks.get(blk)
                if words is None:
                    if len(blocks) > _MEMO_MAX:
                        blocks.clear()
                    words = blocks[blk] = self._fast.cut(blk, True) if _PLAIN.fullmatch(blk) else self._cut_mixed(blk)
                out += words
            else:
                for x in re_skip.split(blk):
                    if re_skip.match(x):
                        out.append(x)
                    else:
                        out += x  # one token per character, as jieba
        return out

    def _cut_mixed(self, blk: str) -> list[str]:
        """A block with ``+#&._%-`` (``1-11月``, ``5.2%``): jieba-rs's route read back (:meth:`_cut_rs`), else jieba's."""
        words = self._cut_rs(blk)
        return self._cut_odd(blk) if words is None else words

    def _cut_rs(self, blk: str) -> list[str] | None:
        """jieba's ``__cut_DAG`` of a block over jieba-rs's route; None when the route cannot be read back.

        jieba-rs takes the same route over the same dictionary (the same DAG, the same sums of the same
        log-probabilities, a tie to the longer word) but its HMM reads runs with ``.%-`` otherwise than jieba's.
        Its cut without the HMM is the route's words, except that it joins runs of one-character ASCII letters
        and digits: such a token is read back as single characters unless it is a dictionary word itself (then
        it may be one word of the route: None, and jieba's own route cuts the block). The walk and the unknown
        runs are then jieba's (:meth:`_unknown`). On every distinct such block of the 新闻联播 file and the
        government work reports (27,898) no token was a dictionary word and the tokens were jieba's."""
        out: list[str] = []
        run = ""
        freq = self._freq
        for t in self._fast.cut(blk, False):
            if len(t) == 1:
                run += t
            elif t.isascii() and t.isalnum():
                if freq.get(t):
                    return None
                run += t
            else:
                if run:
                    self._unknown(run, out)
                    run = ""
                out.append(t)
        if run:
            self._unknown(run, out)
        return out

    def _tokenizer(self) -> jieba_types.Tokenizer:
        if self._tok is None:
            self._tok = cast("Callable[[], jieba_types.Tokenizer]", self._tok_of)()
            self._tok.check_initialized()
        return self._tok

    def _cut_odd(self, blk: str) -> list[str]:
        """A block jieba-rs may cut otherwise (``1-11月``, ``5.2%``): jieba's own route first, this module's past a budget.

        ``Tokenizer.lcut`` of text that is one block is jieba's ``__cut_DAG`` of it: the tokens of record."""
        if self._auto is None and self._own < _OWN_ROUTE_CHARS:
            self._own += len(blk)
            return self._cut_dag(blk)
        return self._cut_block(blk)

    def _cut_dag(self, blk: str) -> list[str]:
        """jieba's ``__cut_DAG`` of one block, step for step: its own ``get_DAG`` and ``calc`` (the route of record),
        then the same walk of the route, runs of single characters to :meth:`_unknown` (jieba's rule for them, the
        HMM's answer memoised: about half the time of ``Tokenizer.lcut`` on news blocks was the HMM on runs like 万, 亿元)."""
        tok = self._tokenizer()
        dag = tok.get_DAG(blk)
        route: dict[int, tuple[float, int]] = {}
        tok.calc(blk, dag, route)
        return self._walk(blk, [route[x][1] for x in range(len(blk))])

    def _lattice(self) -> ahocorasick.Automaton:
        """The reversed dictionary words' automaton and the one-character words' log-probabilities.

        Built on first use: jieba-rs cuts almost every block, so a run over a few articles
        often never needs them (about a second and 50 MB saved)."""
        if self._auto is None:
            if self._key is None:
                self._auto, self._single = self._build_lattice()
            else:
                from extractors.dictcache import route_tables

                self._auto, self._single = route_tables(self._key, self._build_lattice)
        return self._auto

    def _build_lattice(self) -> tuple[ahocorasick.Automaton, dict[str, float]]:
        logtotal = log(self._total)
        auto = ahocorasick.Automaton()
        single: dict[str, float] = {}
        for word, freq in self._freq.items():
            if not freq:
                continue  # a prefix entry (or a deleted word): jieba's DAG skips it too
            if len(word) == 1:
                single[word] = log(freq) - logtotal
            else:
                auto.add_word(word[::-1], (len(word) - 1, log(freq) - logtotal))
        auto.make_automaton()
        return auto, single

    def _route(self, blk: str) -> list[int]:
        """For each start position, the last index of the word jieba's route takes there (``calc``)."""
        auto = self._lattice()
        n = len(blk)
        miss, single = self._miss, self._single.get
        base = list(map(single, blk))  # the one-character word's log-probability, None when it is no word
        score = [0.0] * (n + 1)
        route = list(range(n))
        last = n - 1
        cur = n  # the start position whose candidates are being compared; those after it are final
        best, best_end = 0.0, -1
        for j, (extra, lp) in auto.iter(blk[::-1]):  # starts from the last to the first
            k = last - j
            end = k + extra
            if k == cur:
                sc = lp + score[end + 1]
                if sc > best or (sc == best and end > best_end):
                    best, best_end = sc, end
                continue
            # a new start position: every position after it is now final
            if cur < n:
                score[cur], route[cur] = best, best_end
            for p in range(cur - 1, k, -1):  # no word of two or more characters starts here
                b = base[p]
                score[p] = (miss if b is None else b) + score[p + 1]
            cur = k
            sc = lp + score[end + 1]
            b = base[k]
            if b is None:
                best, best_end = sc, end
            else:
                one = b + score[k + 1]
                best, best_end = (sc, end) if sc >= one else (one, k)  # on a tie the longer word, as max((s, x))
        if cur < n:
            score[cur], route[cur] = best, best_end
        for p in range(cur - 1, -1, -1):
            b = base[p]
            score[p] = (miss if b is None else b) + score[p + 1]
        return route

    def _cut_block(self, blk: str) -> list[str]:
        """jieba's ``__cut_DAG``: the route's words, runs of single characters handed to the HMM when no word."""
        return self._walk(blk, self._route(blk))

    def _walk(self, blk: str, route: list[int]) -> list[str]:
        """jieba's walk of a route (``route[x]``: the last index of the word taken at ``x``): its words, each run
        of single characters to :meth:`_unknown`."""
        out: list[str] = []
        n, x, run = len(blk), 0, -1
        while x < n:
            y = route[x] + 1
            if y - x == 1:
                if run < 0:
                    run = x
            else:
                if run >= 0:
                    self._unknown(blk[run:x], out)
                    run = -1
                out.append(blk[x:y])
            x = y
        if run >= 0:
            self._unknown(blk[run:], out)
        return out

    def _unknown(self, buf: str, out: list[str]) -> None:
        if len(buf) == 1:
            out.append(buf)
        elif self._freq.get(buf):
            out += buf  # a dictionary word the route did not take: its characters, as jieba
        else:
            words = self._hmm.get(buf)
            if words is None:
                if len(self._hmm) > _MEMO_MAX:
                    self._hmm.clear()
                words = self._hmm[buf] = list(finalseg.cut(buf))
            out += words


def _fast_cutter(freq: dict[str, int], total: int, added: Sequence[tuple[str, int]] | None = None) -> rjieba.Jieba:
    """A jieba-rs instance holding exactly the tokenizer's dictionary: its words, frequencies and total.

    ``added``: as :class:`Segmenter`'s; with it, over a bundled dictionary known to be jieba's, only those words
    are handed over."""
    fast = None if added is None else _from_bundled(freq, added)
    if fast is None:
        # empty(), not Jieba() then clear(): that loads jieba-rs's own dictionary first (~0.1-0.2 s); nor rjieba's
        # package import, which builds a default instance over it (extractors.jiebaimport)
        fast = rjieba_class().empty()
        for word, f in freq.items():
            if f:
                fast.add_word(word, f, None)
    held = sum(freq.values())  # what jieba-rs's total now is: the sum of its words' frequencies (prefix entries are 0)
    if total > held:
        fast.add_word(_PAD_WORD, total - held, None)
    return fast


def _from_bundled(freq: dict[str, int], added: Sequence[tuple[str, int]]) -> rjieba.Jieba | None:
    """jieba-rs over its bundled dictionary given ``added``'s words at their frequencies in ``freq``, when the
    bundled dictionary is jieba's ``dict.txt`` (:data:`_BUNDLED_DICTS`) and ``freq`` holds as many words as the two
    make together; else None. jieba-rs's ``add_word`` replaces a word's frequency and its total with it."""
    from extractors.dictcache import jieba_dict_sha256

    known = _BUNDLED_DICTS.get(rjieba_extension_sha256() or "")
    if known is None or known[0] != jieba_dict_sha256():
        return None
    fast = rjieba_class()()
    new = 0
    for word in dict.fromkeys(w for w, _ in added):
        f = freq.get(word, 0)
        if not f:
            return None  # a word given frequency 0 is no word for jieba; jieba-rs cannot drop one
        new += not fast.has_word(word)
        fast.add_word(word, f, None)
    if len(freq) - countOf(freq.values(), 0) != known[1] + new:
        return None  # not jieba's dictionary plus these words
    return fast
