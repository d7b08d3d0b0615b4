"""benchmarks/perturb_gold.py: the substitutions keep the gold consistent with its text (issue 9).

Sentences written here, and the project's own texts of ``samples/kinds`` with their gold
(``tests/gold_kinds``): nothing of ``../shared`` is read.
"""
from __future__ import annotations

import json
from functools import cache
from types import ModuleType

import pytest

from kgtest import ROOT, load_script

GOLD = ROOT / "tests" / "gold_kinds"
TEXTS = ROOT / "samples" / "kinds"


def _tool() -> ModuleType:
    """benchmarks/perturb_gold.py as a module."""
    return load_script(ROOT / "benchmarks" / "perturb_gold.py")


@cache
def _tables():
    return _tool().Tables.load()


def _gold(*entities: tuple[str, str, list[str]]) -> dict:
    return {"article": "t", "entities": [{"id": f"e{i}", "type": t, "label": label, "aliases": aliases, "also": [],
                                          "optional": False} for i, (t, label, aliases) in enumerate(entities)],
            "relations": [{"type": "heldBy", "subject": "e1", "object": "e0", "optional": False}]}


TEXT = "徐州市总工会召开主席办公会，传达学习市委十二届十三次全会和党的二十届三中全会精神。市总工会主席吴悠主持会议。"
GOLD_T = _gold(("Organization", "徐州市总工会", ["市总工会"]), ("Meeting", "徐州市总工会主席办公会", ["主席办公会"]),
               ("Meeting", "中共徐州市委十二届十三次全会", ["市委十二届十三次全会"]),
               ("Meeting", "中国共产党第二十届中央委员会第三次全体会议", ["二十届三中全会", "党的二十届三中全会"]),
               ("Person", "吴悠", []), ("Place", "徐州", []))


def test_substitution_is_one_pass_longest_first_and_whole_numerals():
    sub = _tool().Substitution.of({"徐州": "盐城", "徐州市": "盐城市", "二次": "五次", "十三次": "四次"})
    assert sub.apply("徐州市、徐州") == "盐城市、盐城"
    assert sub.apply("第十二次会议和第二次会议") == "第十二次会议和第五次会议"   # 二次 is not replaced inside 十二次
    assert sub.apply("十二届十三次") == "十二届四次"
    assert sub.inverse().apply(sub.apply("徐州市第二次")) == "徐州市第二次"


@pytest.mark.parametrize("kind", ["place", "org", "person", "number", "level", "all"])
def test_a_variant_of_a_written_article_keeps_its_gold(kind):
    tool, t = _tool(), _tables()
    t.pool([(TEXT, GOLD_T, set(), set()), ("张明远、陈立出席。", _gold(("Person", "张明远", []), ("Person", "陈立", [])), set(), set())])
    sub = tool.make_substitution(kind, TEXT, GOLD_T, t, "seed")
    text, gold = sub.apply(TEXT), tool.transform_gold(GOLD_T, sub)
    assert text != TEXT and sub.changes()
    assert tool.consistency_problems(TEXT, GOLD_T, text, gold) == []
    assert gold["relations"] == GOLD_T["relations"]
    # the national plenum keeps its numbers whatever else changes
    assert "二十届三中全会" in text


def test_place_keeps_level_suffix_and_province():
    tool, t = _tool(), _tables()
    changes = tool.make_substitution("place", TEXT, GOLD_T, t, "seed").changes()
    new = changes["徐州市"]
    assert changes["徐州"] == new[:-1] and new.endswith("市")
    city = next(d for d in t.divisions if d.name == new)
    assert city.level == "city" and city.parent == "江苏省"


def test_org_swaps_a_body_for_another_of_its_kind():
    tool, t = _tool(), _tables()
    changes = tool.make_substitution("org", TEXT, GOLD_T, t, "seed").changes()
    assert set(changes) == {"总工会"}
    assert changes["总工会"] in {u for u, _ in t.units["mass"]}


def test_level_makes_the_city_one_of_its_counties_with_its_bodies():
    tool, t = _tool(), _tables()
    sub = tool.make_substitution("level", TEXT, GOLD_T, t, "seed")
    county = sub.changes()["徐州市"]
    assert county.endswith("县") and next(d for d in t.divisions if d.name == county).parent == "徐州市"
    text = sub.apply(TEXT)
    assert f"{county}总工会" in text and "县委十二届十三次全会" in text and "县总工会主席" in text and "市" not in text
    # an article that writes a county body besides the city's is left alone: the two levels would merge
    assert tool.make_substitution("level", TEXT + "县委书记出席。", GOLD_T, t, "seed").changes() == {}


def test_number_changes_local_sessions_only():
    tool, t = _tool(), _tables()
    text = tool.make_substitution("number", TEXT, GOLD_T, t, "seed").apply(TEXT)
    assert "十二届十三次" not in text and "二十届三中全会" in text
    assert tool.make_substitution("number", "第二十次全国代表大会", GOLD_T, t, "x").apply("第二十次全国代表大会") == "第二十次全国代表大会"


def test_a_shared_short_name_is_the_division_written():
    """公安 in 市公安局 is no place (公安县 is not written): nothing to substitute."""
    tool, t = _tool(), _tables()
    gold = _gold(("Organization", "荆州市公安局", ["市公安局"]), ("Meeting", "荆州市公安局局务会", []))
    text = "市公安局召开局务会。"
    assert tool.make_substitution("place", text, gold, t, "seed").changes() == {}


def test_variants_of_the_projects_own_gold_are_consistent_and_deterministic(tmp_path):
    tool, t = _tool(), _tables()
    arts = [tool.Article("kinds", f.stem, (TEXTS / f"{f.stem}.txt").read_text(encoding="utf-8"),
                         json.loads(f.read_text(encoding="utf-8"))) for f in sorted(GOLD.glob("k-*.json"))]
    t.pool((a.text, a.gold, set(), set()) for a in arts)
    first, dropped = tool.variants(arts, [*tool.KINDS, "all"], 2, 9, t)
    again, _ = tool.variants(arts, [*tool.KINDS, "all"], 2, 9, t)
    assert [(v.kind, v.article.name, v.text) for v in first] == [(v.kind, v.article.name, v.text) for v in again]
    assert {v.kind for v in first} == {*tool.KINDS, "all"}
    assert len(first) > 5 * len(arts)
    for v in first:
        assert tool.consistency_problems(v.article.text, v.article.gold, v.text, v.gold) == []
        assert [e["id"] for e in v.gold["entities"]] == [e["id"] for e in v.article.gold["entities"]]
