"""Dates: every form a corpus writes → ISO days; bad dates reported, never written as malformed literals."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.dates import dateline, is_iso_date, normalize_date, parse_date
from kg.ingest import read_inputs, text_article
from kg.model import Article


@pytest.mark.parametrize("raw, iso", [
    ("20220101", "2022-01-01"),
    ("2022-01-01", "2022-01-01"),
    ("2022-01-01 19:17:02", "2022-01-01"),
    ("2022-01-01T19:17:02+08:00", "2022-01-01"),
    ("2022/1/5", "2022-01-05"),
    ("2022.12.31", "2022-12-31"),
    ("2022年1月1日", "2022-01-01"),
    ("2022 年 3 月 9 日", "2022-03-09"),
    ("２０２２年１月１日", "2022-01-01"),
    ("2024年2月29日", "2024-02-29"),
    (" 20231130 ", "2023-11-30"),
])
def test_field_forms(raw, iso):
    assert parse_date(raw) == parse_date(raw)
    assert normalize_date(raw) == iso
    assert not parse_date(raw).problem


@pytest.mark.parametrize("raw", ["20221301", "2022-02-30", "2023年2月29日", "2022-1", "yesterday", "2022010"])
def test_bad_dates_are_problems(raw):
    got = parse_date(raw)
    assert got.iso == "" and raw in got.problem


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_absent_dates_are_not_problems(raw):
    assert parse_date(raw).iso == "" and parse_date(raw).problem == ""


def test_dateline_in_text():
    assert dateline("新华社北京电 2022年5月8日，市委召开会议。") == "2022-05-08"
    assert dateline("（2023-07-01）市总工会召开会议") == "2023-07-01"
    assert dateline("2022年2月30日不是日子，2022年3月1日才是") == "2022-03-01"
    assert dateline("市委召开会议，没有日期。") == ""
    assert dateline("x" * 500 + "2022年1月1日") == ""
    assert is_iso_date("2022-01-01") and not is_iso_date("20220101") and not is_iso_date("2022-02-30")


def test_text_article_normalises_and_falls_back_to_the_dateline():
    assert text_article("市委召开会议。", date="20220102").date == "2022-01-02"
    assert text_article("2021年7月1日，市委召开会议。").date == "2021-07-01"
    assert text_article("2021年7月1日，市委召开会议。", date="garbage").date == "2021-07-01"


def test_jsonl_bad_date_is_reported_and_the_article_kept(tmp_path):
    f = tmp_path / "news.jsonl"
    rows = [{"date": "20220101", "title": "甲", "content_html": "<p>市委召开会议。</p>"},
            {"date": "20221399", "title": "乙", "content_html": "<p>市政府召开会议。</p>"},
            {"pub_date": "2022年3月4日", "title": "丙", "content": "市总工会召开会议。"}]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    got = list(read_inputs([f]))
    articles = [g for g in got if isinstance(g, Article)]
    problems = [g for g in got if not isinstance(g, Article)]
    assert [a.date for a in articles] == ["2022-01-01", "", "2022-03-04"]
    assert len(problems) == 1 and problems[0].line == 2 and "20221399" in problems[0].reason


def test_rdf_dates_are_xsd_date_or_absent(tmp_path):
    import kg

    result = kg.build([Article("a1", "市委召开会议。", date="20220101"), Article("a2", "市政府召开会议。", date="2022-02-30"),
                       Article("a3", "市总工会召开会议。", date="2022年3月4日")])
    result.write(tmp_path, html=False, formats=["nt"])
    dates = {}
    for t in ox.parse(path=str(tmp_path / "graph.nt"), format=ox.RdfFormat.N_TRIPLES):
        if t.predicate.value == "http://purl.org/dc/terms/date":
            dates[t.subject.value.rsplit("/", 1)[-1]] = (t.object.value, t.object.datatype.value)
    xsd_date = "http://www.w3.org/2001/XMLSchema#date"
    assert sorted(dates.values()) == [("2022-01-01", xsd_date), ("2022-03-04", xsd_date)]
