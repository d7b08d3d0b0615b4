"""Property-based fuzzing of kg.extract / kg.build (hypothesis, fixed seed, bounded examples).

Random mixtures of political fragments, quotes “”《》, digits, control and astral characters,
lone surrogates and ids nobody would choose: extraction never raises, every mention's offsets
give back its surface, and every RDF export of the build parses back in pyoxigraph.
``KG_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`` runs a longer campaign.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import kg
from kg.model import Article

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "40"))

FRAGMENTS = [
    "市委", "中共徐州市委", "召开", "常委会会议", "传达学习", "习近平新时代中国特色社会主义思想", "党的二十大精神",
    "两个维护", "五种风气", "十二届十三次全会", "书记", "主持", "强调", "指出", "区政协党组", "理论学习中心组",
    "国务院", "省政府", "市长", "张三", "王书记", "学习", "会议", "精神", "《", "》", "“", "”", "‘", "’", "，", "。",
    "、", "：", "；", "（", "）", "\n", " ", "\u3000", "年", "月", "日", "2022", "第", "次", "首页 >", "版权所有",
    "傳達(dá)", "會議", "中國共產黨", "(", ")", ",", "?", "!", "&", "<", ">", '"', "'", "\\", "{", "}", "#", "%",
]
WEIRD = st.sampled_from(["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff",
                         "\ud800", "\udfff", "\U0001f600", "\U00020000", "\u200b", "\u0301", "\r", "\t", "\x0c"])
PIECE = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(FRAGMENTS), WEIRD,
                  st.integers(0, 10**6).map(str), st.text(max_size=6))
TEXT = st.lists(PIECE, min_size=1, max_size=40).map("".join)
IDS = st.one_of(st.text(min_size=1, max_size=12), st.sampled_from(["a/b", "a b", "<x>", "é", "e\u0301", "\ud800", "#", ".."]))
RDF = ("ttl", "nt", "nq", "trig", "jsonld", "rdf")
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _check_offsets(article: Article) -> None:
    result = kg.extract(article)
    for entity in result.entities.values():
        assert entity.label.strip(), entity
        for m in entity.mentions:
            assert article.text[m.start:m.end] == m.surface, (m, article.text)


@seed(20261201)
@FUZZ
@given(TEXT)
def test_extract_never_raises_and_offsets_hold(text: str) -> None:
    _check_offsets(Article(id="fuzz", text=text))


@seed(20261202)
@settings(FUZZ, max_examples=max(5, EXAMPLES // 4))
@given(st.lists(st.tuples(IDS, TEXT, st.text(max_size=8)), min_size=1, max_size=3))
def test_build_writes_exports_that_parse_back(docs: list[tuple[str, str, str]]) -> None:
    result = kg.build([Article(id=i, text=t, title=title) for i, t, title in docs])
    assert not any(p.severity == "skipped" and p.kind != "duplicate" for p in result.problems), result.problems
    for r in result.results:
        _check_offsets(r.article)
    with tempfile.TemporaryDirectory() as d:
        result.write(d, html=False, formats=list(RDF))
        for ext in RDF:
            path = Path(d) / f"graph.{ext}"
            quads = list(ox.parse(path=str(path), format=ox.RdfFormat.from_extension(ext)))
            assert quads, path
