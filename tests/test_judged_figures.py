"""benchmarks/judged_figures.py: a judged sample's figures on this checkout, and its wrong rows only when named.

Run on a sample made here (judged rows over two of the project's own sample texts, laid out as the shared
JSONL is), so the figures it must print are known: no held-out row is read.
"""
from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

import kg
from judged import XWLB, articles, key, sampler
from kgtest import ROOT, SAMPLES, load_script

TEXTS = ("city_departments_plenum.txt", "provincial_standing_committee.txt")


def _tool() -> ModuleType:
    """benchmarks/judged_figures.py as a module."""
    return load_script(ROOT / "benchmarks" / "judged_figures.py")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[SimpleNamespace, Path, dict]:
    """A sample of four judged rows: three produced (two correct, one wrong), one correct no longer produced."""
    tmp = tmp_path_factory.mktemp("figures")
    corpus = tmp / "corpus"
    (corpus / XWLB).parent.mkdir(parents=True)
    records = [{"title": name, "text": (SAMPLES / name).read_text(encoding="utf-8")} for name in TEXTS]
    (corpus / XWLB).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    made = sampler().assertions(kg.build(articles(corpus, tmp, {1, 2})).graph)
    assert len(made) >= 3, made
    fields = ("article", "predicate", "subject_type", "subject", "object_type", "object")
    rows = [{**{k: r[k] for k in fields}, "line": int(r["article"].rsplit("-", 1)[1])} for r in made[:3]]
    rows[0]["judgement"] = rows[1]["judgement"] = "correct"
    rows[2].update(judgement="wrong", error="name-boundary")
    gone = {**rows[0], "object": rows[0]["object"] + "（不再产出）", "judgement": "correct"}
    rows.append(gone)
    assert key(gone) not in {key(r) for r in made}
    path = tmp / "judged_here" / "sample.json"
    path.parent.mkdir()
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    one = SimpleNamespace(name="judged_here", path=path, precision_floor=0.5, retained_floor=0.6, held_out=True)
    return one, corpus, rows[2]


def test_figures_of_a_sample(sample) -> None:
    one, corpus, wrong = sample
    f = _tool().figures(one, json.loads(one.path.read_text(encoding="utf-8")), corpus)
    assert (f.still, f.still_correct, f.correct, f.kept) == (3, 2, 3, 2)
    assert f.precision == pytest.approx(2 / 3) and f.retained == pytest.approx(2 / 3)
    assert [key(r) for r in f.wrong] == [key(wrong)]
    assert f.line() == "judged_here    precision 0.667 (2/3)  retained 0.667 (2/3)  floors 0.5/0.6  HELD OUT"


def test_rows_only_of_named_samples(sample, capsys) -> None:
    one, corpus, wrong = sample
    tool = _tool()
    listed = f"{wrong['article']}: {wrong['subject']} --{wrong['predicate']}--> {wrong['object']}"
    assert tool.main(["--corpus", str(corpus)], samples=[one]) == 0
    out = capsys.readouterr().out
    assert out.startswith("judged_here    precision 0.667") and listed not in out and "name-boundary" not in out
    assert tool.main(["judged_here", "--rows", "--corpus", str(corpus)], samples=[one]) == 0
    out = capsys.readouterr().out
    assert "name-boundary (1):" in out and listed in out
    with pytest.raises(SystemExit):  # --rows without a name would print every sample's rows, held out or not
        tool.main(["--rows", "--corpus", str(corpus)], samples=[one])
    with pytest.raises(SystemExit):
        tool.main(["judged_nowhere", "--corpus", str(corpus)], samples=[one])
    assert tool.main(["--corpus", str(corpus / "absent")], samples=[one]) == 2
