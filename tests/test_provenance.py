"""Every mention and every relation says which rule made it: in the model, the graph, the RDF, the HTML,
``kg explain`` and ``kg eval -v``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

import kg
from kg.cli import cli
from kg.evaluate import evaluate, format_report
from kgtest import SAMPLES, extract_text

KG = rdflib.Namespace("https://w3id.org/policy-slogan-kg/ontology#")
TEXT = "徐州市总工会召开主席办公会，传达学习市委十二届十三次全会精神。会议要求，大力弘扬“五种风气”。"
EVAL = Path(__file__).parent / "data" / "eval"


def test_every_mention_and_relation_of_the_samples_has_a_rule():
    result = kg.build([SAMPLES])
    assert result.results
    for res in result.results:
        for ent in res.entities.values():
            for m in ent.mentions:
                assert m.rule and m.component and m.rule.startswith(m.component + "."), (ent.key, m)
                assert not m.rule.endswith(".unnamed"), m
        for r in res.relations:
            assert r.rule and r.rule.startswith(r.component + "."), r
            assert not r.rule.endswith(".unnamed"), r


def test_rule_ids_name_the_rule():
    res = extract_text(TEXT)
    rules = {(e.type, e.label): {m.rule for m in e.mentions} for e in res.entities.values()}
    assert rules[("Meeting", "中共徐州市委十二届十三次全会")] == {"meeting.plenum.local"}
    assert rules[("PolicySlogan", "五种风气")] == {"slogan.quoted"}
    held = [r for r in res.relations if r.predicate == "heldBy"]
    assert held and {r.rule for r in held} == {"relations.held_by.holder"}


def test_rules_reach_graph_rdf_and_html(tmp_path):
    result = kg.build([TEXT])
    g = result.graph
    for _, d in g.nodes(data=True):
        for m in d["mentions"]:
            assert m["rule"] and m["component"]
    for _, _, d in g.edges(data=True):
        assert all(ev["rule"] for ev in d["evidence"])
    out = result.write(tmp_path)
    ttl = rdflib.Graph().parse(out["graph.ttl"])
    for node in set(ttl.subjects(rdflib.RDF.type, KG.Mention)) | set(ttl.subjects(rdflib.RDF.type, KG.Assertion)):
        assert ttl.value(node, KG.rule) is not None, node
    assert "relations.held_by.holder" in out["graph.html"].read_text(encoding="utf-8")


def test_rules_survive_reading_the_rdf_back(tmp_path):
    from kg.readwrite import rdf

    result = kg.build([TEXT])
    rdf.write(result.graph, tmp_path, formats=("ttl",))
    back = rdf.read(tmp_path)
    before = {(s, o, k): [e["rule"] for e in d["evidence"]] for s, o, k, d in result.graph.edges(keys=True, data=True)}
    after = {(s, o, k): [e["rule"] for e in d["evidence"]] for s, o, k, d in back.edges(keys=True, data=True)}
    assert before == after


def test_kg_explain_prints_rules_sentences_and_offsets(tmp_path):
    kg.build([TEXT]).write(tmp_path, html=False)
    runner = CliRunner()
    res = runner.invoke(cli, ["explain", str(tmp_path), "五种风气"])
    assert res.exit_code == 0, res.output
    assert "[slogan.quoted]" in res.output and "大力弘扬" in res.output and "–" in res.output
    rel = runner.invoke(cli, ["explain", str(tmp_path), "徐州市总工会主席办公会 heldBy 徐州市总工会"])
    assert rel.exit_code == 0 and "[relations.held_by.holder]" in rel.output, rel.output
    missing = runner.invoke(cli, ["explain", str(tmp_path), "不存在的名字"])
    assert missing.exit_code == 1 and "no entity named" in missing.output


@pytest.mark.parametrize("verbose", [True])
def test_kg_eval_groups_false_positives_by_rule(verbose):
    report = evaluate(EVAL / "gold", EVAL / "texts")
    fps = [m for m in report.misses if m.kind == "FP"]
    assert all(m.rules for m in fps), fps
    text = format_report(report, verbose=verbose)
    assert "false positives by rule:" in text and "misses by rule" in text
    assert json.loads(json.dumps(report.as_dict()))["misses"][0]["rules"] is not None
