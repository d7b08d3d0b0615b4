"""Alias resolution inside one article (kg/resolve.py): a short name folds into the single longer one it specialises."""
from __future__ import annotations

import kg


def _orgs(text: str) -> set[str]:
    built = kg.build([kg.Article(id="r", text=text)])
    return {d["label"] for _, d in built.graph.nodes(data=True) if d.get("type") == "Organization"}


def test_a_bare_unit_name_is_the_article_s_only_longer_one():
    # 人大常委会 later in an article about 老城区人大常委会 is that body, not a second organisation
    orgs = _orgs("老城区人大常委会组织机关全体人员认真学习了全会精神。人大常委会主任杨振轩在学习中提出要求。")
    assert "人大常委会" not in orgs and any(o.endswith("老城区人大常委会") for o in orgs), orgs


def test_a_bare_name_with_two_candidates_stays_apart():
    orgs = _orgs("丰县人大常委会和沛县人大常委会召开联席会议。人大常委会主任讲话。")
    assert {"丰县人大常委会", "沛县人大常委会", "人大常委会"} <= orgs, orgs


def test_a_short_form_listing_the_full_name_folds_into_it():
    # the headline's 省作协 (labelled 江苏省作协, alias 江苏省作家协会) and the lead's 江苏省作家协会 are one body
    orgs = _orgs("省作协召开党组理论学习中心组学习会\n3月5日，江苏省作家协会召开党组理论学习中心组学习会，传达学习省委全会精神。")
    assert [o for o in orgs if "作" in o] == ["江苏省作家协会"], orgs
