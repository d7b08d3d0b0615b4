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

Building the automaton takes about a second and some 50 MB, once per lexicon set and process
and only when a block needs the Python route; handing the dictionary to jieba-rs about half a second.
"""
from __future__ import annotations

from math import log

import re

import ahocorasick
import jieba
import rjieba
from jieba import finalseg

_MEMO_MAX = 100_000  # blocks (and unknown runs) remembered; cleared when full — output never depends on it
#: blocks jieba-rs cuts exactly as jieba does (checked block by block on the whole 新闻联播 file)
_PLAIN = re.compile("[\u4E00-\u9FD5a-zA-Z0-9]+")
#: a dictionary entry no text block can contain (private-use characters): it carries the part of
#: jieba's ``total`` that is no current word's frequency (jieba's ``add_word`` adds a re-added
#: word's frequency to the total again), so that jieba-rs divides by the same total
_PAD_WORD = "\ue000\ue001"


class Segmenter:
    """``lcut(text)`` equal to ``tokenizer.lcut(text)`` (accurate mode, HMM on) for an initialised jieba ``Tokenizer``.

    The tokenizer's dictionary is read once, here: words added to it afterwards are not seen
    (``extractors.lexicon.tokenizer`` adds all its words before it builds the segmenter).
    """

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        tokenizer.check_initialized()
        self._freq: dict[str, int] = tokenizer.FREQ
        self._total = tokenizer.total
        self._miss = 0.0 - log(self._total)  # jieba: log(FREQ.get(char) or 1) - logtotal for a character no word starts with
        self._single: dict[str, float] = {}
        self._auto: ahocorasick.Automaton | None = None  # built when the first block needs the Python route
        self._fast = _fast_cutter(self._freq, self._total)
        self._blocks: dict[str, list[str]] = {}
        self._hmm: dict[str, list[str]] = {}

    def lcut(self, text: str) -> list[str]:
        """The tokens of ``text``, as ``Tokenizer.lcut(text)`` (``Tokenizer.cut``'s block split, then each block)."""
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
                    words = blocks[blk] = self._fast.cut(blk, True) if _PLAIN.fullmatch(blk) else self._cut_block(blk)
                out += words
            else:
                for x in re_skip.split(blk):
                    if re_skip.match(x):
                        out.append(x)
                    else:
                        out += x  # one token per character, as jieba
        return out

    def _lattice(self) -> ahocorasick.Automaton:
        """The reversed dictionary words' automaton and the one-character words' log-probabilities.

        Built on first use: jieba-rs cuts almost every block, so a run over a few articles
        often never needs them (about a second and 50 MB saved)."""
        if self._auto is None:
            logtotal = log(self._total)
            auto = ahocorasick.Automaton()
            for word, freq in self._freq.items():
                if not freq:
                    continue  # a prefix entry (or a deleted word): jieba's DAG skips it too
                if len(word) == 1:
                    self._single[word] = log(freq) - logtotal
                else:
                    auto.add_word(word[::-1], (len(word) - 1, log(freq) - logtotal))
            auto.make_automaton()
            self._auto = auto
        return self._auto

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
        route = self._route(blk)
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


def _fast_cutter(freq: dict[str, int], total: int) -> rjieba.Jieba:
    """A jieba-rs instance holding exactly the tokenizer's dictionary: its words, frequencies and total."""
    fast = rjieba.Jieba()
    fast.clear()
    held = 0
    for word, f in freq.items():
        if f:
            fast.add_word(word, f, None)
            held += f
    if total > held:
        fast.add_word(_PAD_WORD, total - held, None)
    return fast
