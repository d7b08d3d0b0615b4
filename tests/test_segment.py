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


def test_both_routes_of_odd_blocks() -> None:
    """Blocks with ``+#&._%-`` take jieba's own route, then this module's automaton route past a budget: the same tokens."""
    from extractors import segment

    tok = tokenizer(Lexicons())
    own, auto = Segmenter(tok), Segmenter(tok)
    auto._own = segment._OWN_ROUTE_CHARS
    odd = ["1-11月，全国规模以上工业增加值同比增长3.8%", "BQ.1.1毒株", "C++、C#和.NET", "中国-东盟博览会", "R&D投入强度2.5%"]
    for text in EDGE_CASES + odd:
        assert own.lcut(text) == auto.lcut(text) == tok.lcut(text), text
    assert own._auto is None and auto._auto is not None


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
