"""``kg eval`` / :mod:`kg.evaluate`: the reference scorer's matching, in-process.

The mini gold in tests/data/eval was written for this test on a text written for
it. One gold organization (镇江市档案馆) is deliberately absent from the text, so
there is always a miss to report; 中共镇江市委 is optional (neutral); the
plenum's heldBy is not annotated, so it is a false positive.
"""
from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.evaluate import CLASSES, RELATIONS, EvalReport, Gold, evaluate, format_report, norm, score_article
from kgtest import DATA, ROOT, need_shared

GOLD = DATA / "eval" / "gold"
TEXTS = DATA / "eval" / "texts"


# ---------------------------------------------------------------- pure matching


def test_norm():
    assert norm("“强富美高”") == "强富美高"
    assert norm("《政府工作报告》") == "政府工作报告"
    assert norm("党委（扩大）会") == "党委(扩大)会"  # NFKC folds full-width brackets
    assert norm(" 五种 风气\u3000") == "五种风气"
    assert norm("「两个确立」") == "两个确立"


def _gold():
    return Gold({"entities": [
        {"id": "u", "type": "Organization", "label": "徐州市总工会", "aliases": ["市总工会"]},
        {"id": "t", "type": "Theory", "label": "习近平新时代中国特色社会主义思想", "also": ["PolicySlogan"]},
        {"id": "o", "type": "PolicySlogan", "label": "事实孤儿", "optional": True},
        {"id": "s", "type": "PolicySlogan", "label": "五种风气"},
        {"id": "m", "type": "Meeting", "label": "徐州市总工会主席办公会", "aliases": ["主席办公会"]},
    ], "relations": [
        {"type": "heldBy", "subject": "m", "object": "u"},
        {"type": "promotes", "subject": "u", "object": "s"},
        {"type": "promotes", "subject": "u", "object": "o", "optional": True},
    ]})


def test_score_article_counts_like_the_scorer():
    names = {"U": {"市总工会"}, "U2": {"徐州市总工会"}, "T": {"习近平新时代中国特色社会主义思想"},
             "O": {"事实孤儿"}, "X": {"七一"}, "M": {"主席办公会"}}
    typed = {c: set() for c in CLASSES}
    typed["Organization"] = {"U", "U2"}
    typed["PolicySlogan"] = {"T", "O", "X"}  # T via `also`, O optional (neutral), X a false positive
    typed["Meeting"] = set()                 # M is not typed Meeting: the meeting is missed
    rels = {r: set() for r in RELATIONS}
    rels["promotes"] = {("U", "O"), ("U", "X")}
    rels["heldBy"] = {("M", "U")}
    report = EvalReport(articles=1)
    score_article(_gold(), names, typed, rels, report, "a")
    c = report.counts
    assert c["Organization"] == {"tp": 2, "fp": 0, "gold": 1, "found": 1}
    assert report.duplicates == 1  # two resources for 徐州市总工会
    assert c["PolicySlogan"] == {"tp": 1, "fp": 1, "gold": 1, "found": 0}
    assert c["Theory"] == {"tp": 0, "fp": 0, "gold": 1, "found": 0}
    assert c["Meeting"] == {"tp": 0, "fp": 0, "gold": 1, "found": 0}
    assert c["promotes"] == {"tp": 0, "fp": 1, "gold": 1, "found": 0}
    # relation ends are matched by name, whatever their class: heldBy counts
    assert c["heldBy"] == {"tp": 1, "fp": 0, "gold": 1, "found": 1}
    kinds = {(m.kind, m.what, m.names[0]) for m in report.misses}
    assert ("FP", "PolicySlogan", "七一") in kinds
    assert ("FN", "PolicySlogan", "五种风气") in kinds
    assert ("FN", "Meeting", "徐州市总工会主席办公会") in kinds
    p, r, f = report.micro("entities")
    assert (round(p, 3), round(r, 3)) == (0.75, 0.25)


# ---------------------------------------------------------------- end to end on the mini gold


@pytest.fixture(scope="module")
def mini() -> EvalReport:
    return evaluate(GOLD, TEXTS)


def test_evaluate_mini(mini):
    c = mini.counts
    assert mini.articles == 1 and not mini.failures and not mini.skipped
    assert c["Organization"]["gold"] == 2 and c["Organization"]["found"] == 1  # 镇江市档案馆 is not in the text
    assert c["Organization"]["fp"] == 0  # 中共镇江市委 matches an optional gold entity: neutral
    assert c["PolicySlogan"]["found"] == c["PolicySlogan"]["gold"] == 3
    assert c["Meeting"]["found"] == 2 and c["Place"]["found"] == 1
    assert c["studies"]["found"] == 1 and c["promotes"]["found"] == 2 and c["hasPart"]["found"] == 1
    assert c["heldBy"]["gold"] == 2 and c["heldBy"]["found"] == 1
    misses = {(m.kind, m.what, m.names) for m in mini.misses}
    assert ("FN", "Organization", ("镇江市档案馆",)) in misses
    assert ("FP", "heldBy", ("中共镇江市委八届九次全会", "中共镇江市委")) in misses


def test_format_report(mini):
    text = format_report(mini)
    header = text.splitlines()[1]
    for col in ("P", "R", "F1", "TP", "FP", "gold", "found"):
        assert col in header.split()
    for name in (*CLASSES, *RELATIONS, "entities micro", "relations micro"):
        assert name in text
    assert "FN" not in text
    verbose = format_report(mini, verbose=True)
    assert "mini FN Organization 镇江市档案馆" in verbose
    assert "mini FP heldBy 中共镇江市委八届九次全会 | 中共镇江市委" in verbose


def test_as_dict_layout(mini):
    d = mini.as_dict()
    assert set(d["entities"]) == {*CLASSES, "micro"} and set(d["relations"]) == {*RELATIONS, "micro"}
    assert set(d["entities"]["Organization"]) == {"p", "r", "f1", "tp", "fp", "gold", "found"}
    json.dumps(d, ensure_ascii=False)


def test_cli_eval(tmp_path):
    out = tmp_path / "figures.json"
    res = CliRunner().invoke(cli, ["eval", "--gold", str(GOLD), "--texts", str(TEXTS), "-v", "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "entities micro" in res.output and "镇江市档案馆" in res.output
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["entities"]["Organization"]["gold"] == 2


def test_missing_text_is_skipped_not_fatal(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "mini.json").write_text((GOLD / "mini.json").read_text(encoding="utf-8"), encoding="utf-8")
    (gold / "absent.json").write_text('{"entities": [], "relations": []}', encoding="utf-8")
    (gold / "broken.json").write_text('{"entities": [', encoding="utf-8")
    report = evaluate(gold, TEXTS)
    assert {s for s, _ in report.skipped} == {"absent", "broken"}
    assert report.counts["PolicySlogan"]["found"] == 3
    assert "SKIPPED absent" in format_report(report)


def test_unreadable_text_is_a_failure_with_zero_recall(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "mini.txt").write_bytes(b"\x81 not utf-8 \xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)))  # no text encoding fits
    report = evaluate(GOLD, texts)
    assert report.failures and report.failures[0][0] == "mini" and "UTF-8" in report.failures[0][1]
    assert report.counts["PolicySlogan"] == {"tp": 0, "fp": 0, "gold": 3, "found": 0}


# ---------------------------------------------------------------- same figures as the reference scorer


def _score_py(gold: Path, texts: Path, tmp_path: Path) -> dict:
    scorer = need_shared("tools", "score.py")
    out = tmp_path / f"score-{gold.parent.name}-{gold.name}.json"
    cmd = f"{shlex.quote(sys.executable)} -m kg.cli build {{input}} -o {{out}} --no-html"
    run = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--texts", str(texts), "--cmd", cmd,
                          "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _same(ours: dict, ref: dict) -> None:
    for group in ("entities", "relations"):
        assert ours[group]["micro"]["f1"] == ref[group]["micro"]["f1"], group
        assert ours[group] == ref[group], group
    assert ours["duplicates"] == ref["duplicates"]


def test_same_as_score_py_on_mini_gold(shared, tmp_path):
    _same(evaluate(GOLD, TEXTS).as_dict(), _score_py(GOLD, TEXTS, tmp_path))


def test_same_as_score_py_on_shared_gold(shared, tmp_path):
    gold, texts = need_shared("gold"), need_shared("corpus", "dev")
    out = tmp_path / "ours.json"
    res = CliRunner().invoke(cli, ["eval", "--gold", str(gold), "--texts", str(texts), "--json", str(out)])
    assert res.exit_code == 0, res.output
    ours = json.loads(out.read_text(encoding="utf-8"))
    assert ours["articles"] >= 16 and not ours["failures"]
    _same(ours, _score_py(gold, texts, tmp_path))
