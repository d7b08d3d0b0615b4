"""The noisy pages of ../shared/corpus/noisy build without error and still yield sensible entities.

Traditional script, pinyin glosses after characters (傳達(dá)), spun words and
stray commas: normalisation must let the extractors see the same things as in
clean text, with labels in Simplified script.
"""
from __future__ import annotations

import re

import pytest

from kgtest import entity, extract_file, labels, need_shared


def _noisy():
    folder = need_shared("corpus", "noisy")
    files = sorted(folder.glob("*.txt"))
    if not files:
        pytest.skip(f"{folder} holds no .txt")
    return files


def test_every_noisy_file_builds(shared, tmp_path):
    import kg

    files = _noisy()
    result = kg.build(files)
    assert not result.problems, result.problems
    assert len(result.results) == len(files)
    written = result.write(tmp_path / "out", html=True)
    assert written["graph.ttl"].stat().st_size > 0
    for r in result.results:
        assert sum(1 for k in r.entities if k[0] != "Article") >= 3, r.article.id


def test_every_noisy_file_builds_with_the_cli(shared, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    for f in _noisy():
        res = CliRunner().invoke(cli, ["build", str(f), "-o", str(tmp_path / f.stem), "--no-html"])
        assert res.exit_code == 0, (f, res.stderr)


def _one(name):
    folder = need_shared("corpus", "noisy")
    return extract_file(folder / name)


def test_002_traditional_with_glosses(shared):
    res = _one("002.txt")
    assert {"两个确立", "两个维护"} <= labels(res, "PolicySlogan")
    plenum = entity(res, "Meeting", "中国共产党第二十届中央委员会第四次全体会议")
    assert "党的二十届四中全会" in plenum.aliases
    assert "戴龙成" in labels(res, "Person")


def test_001_sessions(shared):
    res = _one("001.txt")
    meetings = labels(res, "Meeting")
    assert "中国人民政治协商会议第十三届全国委员会第五次会议" in meetings
    assert "第十三届全国人民代表大会第五次会议" in meetings
    assert "中国共产党第二十次全国代表大会" in meetings


def test_003_city_plenum(shared):
    res = _one("003.txt")
    assert "市委" in entity(res, "Organization", "中共铜川市委").aliases
    assert "中共铜川市委十三届一次全会" in labels(res, "Meeting")
    assert "铜川" in labels(res, "Place")


def test_005_theory_and_speech(shared):
    res = _one("005.txt")
    assert "习近平文化思想" in labels(res, "Theory")
    assert "习近平" in labels(res, "Person")
    assert any(d.startswith("习近平总书记在湖北安徽考察时") for d in labels(res, "Document"))


def test_006_glossed_names(shared):
    res = _one("006.txt")
    assert {"习近平", "李克强", "王沪宁", "赵乐际"} <= labels(res, "Person")
    assert "中共中央" in labels(res, "Organization")
    assert "不忘初心、牢记使命" in labels(res, "PolicySlogan")


def test_labels_are_simplified_and_clean(shared):
    for f in _noisy():
        res = extract_file(f)
        for (t, label) in res.entities:
            assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", label), (f.name, t, label)


def test_aliases_carry_no_pinyin_glosses(shared):
    res = _one("006.txt")
    for ent in res.entities.values():
        for a in ent.aliases:
            assert not re.search(r"[\u4e00-\u9fff]\([a-z]+\)", a), (ent.key, a)
