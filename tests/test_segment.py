"""extractors.segment.Segmenter returns exactly jieba's tokens (Tokenizer.lcut, accurate mode, HMM on)."""
from __future__ import annotations

import json
import re
from itertools import islice
from pathlib import Path

import jieba
import pytest

from extractors.lexicon import Lexicons, cut, segmenter, tokenizer
from extractors.segment import Segmenter
from kg.ingest import html_text
from kg.model import Article
from kg.pipeline import make_doc

EDGE_CASES = [
    "",
    "。",
    "a",
    "ABC 123",
    "2024年3月12日，市委书记张敬涛主持召开市委常委会（扩大）会议。",
    "卡洛斯·阿马特在表决前指出：“我们反对！”",
    "GDP增长5.2%，CPI上涨0.2%；C++、C#和.NET",
    "斯特罗耶夫拉特纳亚克基里延科阿维兰热",  # long runs of transliteration characters: the HMM
    "的的的的的的的的的的的的的的的的的的的的",
    "\n\n  \t全面从严治党\r\n五种风气\u3000学习贯彻",
    "𠀀𠀁漢字繁體與简体混排，ｆｕｌｌ　ｗｉｄｔｈ",
    "京津冀协同发展中美关系中日韩自由贸易区",
]


def _jieba_tokens(text: str) -> list[str]:
    return tokenizer(Lexicons()).lcut(text)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_as_jieba(text: str) -> None:
    assert cut(text, Lexicons()) == _jieba_tokens(text)


def test_samples_as_jieba(samples: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    assert texts
    for text in texts:
        doc = make_doc(Article(id="s", text=text))
        for s, e in doc.sentences:
            assert cut(doc.text[s:e], doc.lex) == _jieba_tokens(doc.text[s:e])
        assert cut(doc.text, doc.lex) == _jieba_tokens(doc.text)


def test_news_as_jieba(corpus: Path) -> None:
    """Every sentence of the first 300 新闻联播 items (about 3,000 sentences), and the whole texts."""
    path = corpus / "bulk" / "xwlb_cctv_2022_2026.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    n = 0
    with open(path, encoding="utf-8") as fh:
        for line in islice(fh, 300):
            raw = json.loads(line).get("content_html") or ""
            text = html_text(raw)
            doc = make_doc(Article(id="x", text=text))
            for s, e in doc.sentences:
                assert cut(doc.text[s:e], doc.lex) == _jieba_tokens(doc.text[s:e]), doc.text[s:e]
                n += 1
            assert cut(text, doc.lex) == _jieba_tokens(text)
    assert n > 1000


def test_the_default_dictionary_too() -> None:
    """Not only the project's tokenizer: jieba's default one, whose words are jieba's alone."""
    jieba.initialize()
    fast = Segmenter(jieba.dt)
    for text in EDGE_CASES:
        assert fast.lcut(text) == jieba.lcut(text)


def test_memo_does_not_change_tokens() -> None:
    seg = segmenter(Lexicons())
    text = EDGE_CASES[4]
    first = seg.lcut(text)
    assert seg.lcut(text) == first == _jieba_tokens(text)


ODD = ["1-11月，全国规模以上工业增加值同比增长3.8%", "BQ.1.1毒株", "C++、C#和.NET", "中国-东盟博览会", "R&D投入强度2.5%",
       "ATM.1机", "CPI-5%上涨"]


def _odd_blocks(text: str) -> list[str]:
    from extractors.segment import _PLAIN

    return [b for b in jieba.re_han_default.split(text) if b and jieba.re_han_default.match(b) and not _PLAIN.fullmatch(b)]


def test_every_route_of_odd_blocks() -> None:
    """Blocks with ``+#&._%-`` are cut on jieba-rs's route read back, else by jieba's own route, else by this module's
    automaton route past a budget: the same tokens, jieba's."""
    from extractors import segment

    tok = tokenizer(Lexicons())
    seg, own, auto = segmenter(Lexicons()), Segmenter(tok), Segmenter(tok)
    auto._own = segment._OWN_ROUTE_CHARS
    n = 0
    for text in EDGE_CASES + ODD:
        assert seg.lcut(text) == own.lcut(text) == tok.lcut(text), text
        for blk in _odd_blocks(text):
            assert seg._cut_rs(blk) == own._cut_odd(blk) == auto._cut_odd(blk) == tok.lcut(blk), blk
            n += 1
    assert n >= 8 and own._auto is None and auto._auto is not None


def test_a_route_that_cannot_be_read_back() -> None:
    """A dictionary word of ASCII letters or digits may be one word of jieba-rs's route or characters it joined:
    such a block is cut by jieba's own route (no such word is in jieba's dictionary or the lexicons)."""
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.add_word("ATM", 5000)
    tok.add_word("11", 5000)
    seg = Segmenter(tok)
    for text in ("ATM.1机", "1-11月，增长3.8%", "ATM-11"):
        assert any(seg._cut_rs(b) is None for b in _odd_blocks(text)), text
        assert seg.lcut(text) == tok.lcut(text), text


def test_the_segmenter_never_reads_the_full_dictionary(tmp_path: Path) -> None:
    """A build's segmenter reads the words with a frequency (extractors.dictcache.dictionary_words), not the
    tokenizer with its prefix entries, unless a block needs jieba's own route."""
    import subprocess
    import sys

    code = ("import extractors.lexicon as L; lex = L.Lexicons().canonical(); seg = L.segmenter(lex); "
            "assert seg.lcut('1-11月，全国规模以上工业增加值同比增长3.8%。GDP增长5.2%') == "
            "['1', '-', '11', '月', '，', '全国', '规模', '以上', '工业', '增加值', '同比', '增长', '3.8%', '。', 'GDP', '增长', '5.2%']; "
            "print(L.tokenizer.cache_info().currsize, L._dictionary.cache_info().currsize)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["0", "0"]


def test_whole_text_and_blocks_agree() -> None:
    """A text with no odd character goes to jieba-rs whole; the same text cut block by block gives the same tokens."""
    from extractors.segment import _ODD

    seg = segmenter(Lexicons())
    text = "市委书记张敬涛主持召开市委常委会（扩大）会议，传达学习习近平总书记重要讲话精神。\n  卡洛斯·阿马特指出：“我们反对！”"
    assert _ODD.search(text) is None
    assert seg.lcut(text) == [w for part in re.split(r"(，|\n)", text) for w in seg.lcut(part)] == _jieba_tokens(text)


def test_jieba_rs_from_its_bundled_dictionary(samples: Path, corpus: Path) -> None:
    """The installed rjieba's bundled dictionary is listed as jieba's (``benchmarks/rjieba_dict.py`` checks a new build),
    so the cutter starts from it and is given the lexicon words only: it cuts as the one given every word."""
    from extractors.lexicon import _added_words, _dictionary
    from extractors.segment import _fast_cutter, _from_bundled

    lex = Lexicons().canonical()
    freq, total, _ = _dictionary(lex)
    added = _added_words(lex)
    assert _from_bundled(freq, added) is not None
    jieba.initialize()
    new = [(w, f) for w, f in added if w not in jieba.dt.FREQ or not jieba.dt.FREQ[w]]
    assert new
    assert _from_bundled(freq, [p for p in added if p[0] != new[-1][0]]) is None  # not this dictionary's words
    bundled, every = _fast_cutter(freq, total, added), _fast_cutter(freq, total)
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    path = corpus / "bulk" / "xwlb_cctv_2022_2026.jsonl"
    with open(path, encoding="utf-8") as fh:
        texts += [html_text(json.loads(line).get("content_html") or "") for line in islice(fh, 300)]
    for text in texts + EDGE_CASES:
        for hmm in (True, False):
            assert bundled.cut(text, hmm) == every.cut(text, hmm)
