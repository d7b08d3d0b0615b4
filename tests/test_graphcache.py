"""The kept merge (kg.graphcache, kg.graph.extend): a rebuild that adds articles is the same graph and bytes as a clean build."""
from __future__ import annotations

import shutil
from pathlib import Path


from kg import graph as G
from kg.api import build
from kg.cache import REWRITE_SHARE
from kg.model import Article, ArticleResult, Entity, Mention
from kgtest import APPENDED as EXTRA
from kgtest import SAMPLES, cli_build, sample_articles, store_dump, summary_count

FIRST = "省委常委会召开会议，传达学习习近平总书记重要讲话精神，强调坚持以人民为中心的发展思想。\n"
DEFAULT_FILES = ("graph.ttl", "graph.html", "graph.analytics.json.gz")
_build = cli_build


def _kept(stderr: str) -> int | None:
    return summary_count(stderr, "graph kept")


def _same(a: Path, b: Path) -> None:
    names = sorted(p.name for p in b.iterdir() if p.is_file())
    assert names == sorted(p.name for p in a.iterdir() if p.is_file())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    if (b / "graph.oxigraph").exists():
        assert store_dump(a) == store_dump(b)


def _corpus_of(n: int, target: Path) -> Path:
    """A copy of samples/ cut to ``n`` articles (its texts, first by name; the JSONL kept)."""
    shutil.copytree(SAMPLES, target)
    texts = sorted(target.rglob("*.txt"), key=lambda p: p.relative_to(target).as_posix())
    drop = sample_articles() - n
    assert 0 <= drop <= len(texts), f"samples/ has {sample_articles()} articles, fewer than {n}"
    for p in texts[len(texts) - drop:]:
        p.unlink()
    return target


def test_rebuilds_from_the_kept_merge_are_clean_builds(tmp_path):
    # a corpus of 28: one new article stays under REWRITE_SHARE of a build (1 <= 0.05 * 29) and two go over it
    # (2 > 0.05 * 30); any size from 19 to 37 would do, so the corpus is cut rather than samples/ taken as it grows
    n = 28
    assert 1 <= REWRITE_SHARE * (n + 1) and 2 > REWRITE_SHARE * (n + 2)
    corpus = _corpus_of(n, tmp_path / "corpus")
    cache = tmp_path / "cache"

    def step(name: str, *inputs: Path) -> int | None:
        kept = _kept(_build(tmp_path / name, *inputs, cache=cache))
        _build(tmp_path / f"{name}-clean", *inputs)
        _same(tmp_path / name, tmp_path / f"{name}-clean")
        return kept

    assert step("first", corpus) is None  # nothing kept yet: everything merged, then kept
    assert len(list(cache.glob("g-*"))) == 1
    assert step("unchanged", corpus) == n
    (corpus / "zz_appended.txt").write_text(EXTRA, encoding="utf-8")
    assert step("appended", corpus) == n
    (corpus / "00_first.txt").write_text(FIRST, encoding="utf-8")  # an article whose id comes before the others
    assert step("prepended", corpus) == n  # the entry was not rewritten for one article: both merged in
    extra = tmp_path / "extra.txt"
    extra.write_text(EXTRA + FIRST, encoding="utf-8")
    assert step("forward", corpus, extra) == n + 2  # two new ones were enough to rewrite it
    assert step("reordered", extra, corpus) == n + 2  # the same articles in another order: the same merge
    (corpus / "zz_appended.txt").write_text(EXTRA + "市委召开全会。\n", encoding="utf-8")
    assert step("edited", extra, corpus) is None  # an article it holds changed: merged again, and kept
    assert step("edited-again", extra, corpus) == n + 3
    (corpus / "zz_appended.txt").unlink()
    assert step("removed", extra, corpus) is None


def test_every_format_of_a_kept_rebuild_is_a_clean_builds(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    cache = tmp_path / "cache"
    _build(tmp_path / "first", corpus, cache=cache, formats="all")
    (corpus / "zz_appended.txt").write_text(EXTRA, encoding="utf-8")
    assert _kept(_build(tmp_path / "appended", corpus, cache=cache, formats="all")) == sample_articles()
    _build(tmp_path / "clean", corpus, formats="all")
    _same(tmp_path / "appended", tmp_path / "clean")


def test_a_torn_entry_is_merged_again(tmp_path):
    cache = tmp_path / "cache"
    _build(tmp_path / "first", SAMPLES, cache=cache)
    [entry] = cache.glob("g-*")
    raw = entry.read_bytes()
    entry.write_bytes(raw[:100] + b"garbage" + raw[107:])
    assert _kept(_build(tmp_path / "second", SAMPLES, cache=cache)) is None
    assert _kept(_build(tmp_path / "third", SAMPLES, cache=cache)) == sample_articles()  # "second" kept it again
    _same(tmp_path / "third", tmp_path / "first")
    stale = cache / "g-0123456789abcdef01234567"
    stale.write_bytes(b"a merge of another version")
    _build(tmp_path / "fourth", SAMPLES, cache=cache)
    assert not stale.exists()


def _sig(g):
    """Everything of a graph, in order: nodes and their attributes, edges, predecessors."""
    return ([(n, list(d.items())) for n, d in g.nodes(data=True)],
            [(u, v, k, list(d.items())) for u, v, k, d in g.edges(keys=True, data=True)],
            [(v, list(g.pred[v])) for v in g])


def test_extend_is_the_merge_of_all_whatever_the_split():
    results = build([SAMPLES]).results
    whole = _sig(G.build_graph(results))
    for new in ({0}, {len(results) - 1}, set(range(0, len(results), 3)), set(), set(range(len(results)))):
        base = G.merged([r for i, r in enumerate(results) if i not in new])
        extended = G.extend(base, [r for i, r in enumerate(results) if i in new])
        assert extended is not None
        assert _sig(G.assemble(extended)) == whole


def _result(article_id: str, label: str, label_en: str = "") -> ArticleResult:
    text = f"{label}发表讲话。"
    ent = Entity("Person", label, mentions=[Mention("Person", label, 0, len(label), label)],
                 attrs={"label_en": label_en} if label_en else {})
    return ArticleResult(Article(article_id, text), {ent.key: ent})


def test_first_article_answers_follow_the_article_ids():
    later, earlier = _result("b", "张三", "Zhang San"), _result("a", "张三", "San Zhang")
    got = G.extend(G.merged([later]), [earlier])  # the earlier article's label_en wins, as in a merge of both
    assert got is not None
    assert _sig(G.assemble(got)) == _sig(G.build_graph([later, earlier]))
    assert _sig(G.assemble(G.extend(G.merged([earlier]), [later]))) == _sig(G.build_graph([later, earlier]))
    # NFC folds both spellings into one IRI and the first article's is the label: an earlier article with the
    # other one would change it, and the kept node cannot say whether its old label was also an alias: merged again
    composed, decomposed = _result("b", "张\u00e9"), _result("a", "张e\u0301")
    assert G.extend(G.merged([composed]), [decomposed]) is None
    got = G.extend(G.merged([decomposed]), [composed])
    assert got is not None and _sig(G.assemble(got)) == _sig(G.build_graph([composed, decomposed]))
