#!/usr/bin/env python3
"""Extraction output is unchanged: rebuild graph.ttl for fixed inputs and diff it against a baseline.

A refactoring of the extractors (issue 8) must change structure, not behaviour. This script
builds ``graph.ttl`` for

* ``samples/`` (our own texts),
* ``../shared/corpus/dev``, ``../shared/corpus/unlabeled``, ``../shared/corpus/noisy``,
* the 新闻联播 gold texts rebuilt by ``tests/gold_xwlb/materialize.py`` (never stored here),

each as one build, and compares it byte for byte with a recorded baseline. The only lines it
ignores are the rule-provenance triples (``kg:rule``): those are what the redesign adds. A
subject block whose last property was removed ends in ``;`` instead of ``.``, so line
terminators are compared after dropping the provenance lines. Where the Turtle layout itself
changed (a writer change, not extraction), the files are compared as sets of triples less the
``kg:rule`` triples.

    .venv/bin/python benchmarks/check_identical.py --record /tmp/kg_baseline   # once, before (any folder outside the checkout)
    .venv/bin/python benchmarks/check_identical.py --against /tmp/kg_baseline  # after each step

Exit status 0 when every corpus is identical, 1 otherwise (a unified diff is printed).
"""
from __future__ import annotations

import argparse
import difflib
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# the annotation this project adds for rule provenance; its lines are ignored by the comparison
PROVENANCE = re.compile(r"^\s*kg:(rule|component) ")
KG_RULE = "https://w3id.org/policy-slogan-kg/ontology#rule"


def corpora(tmp: Path) -> dict[str, Path]:
    """Name → input path. The xwlb texts are rebuilt into ``tmp`` from the shared jsonl."""
    out = {"samples": ROOT / "samples"}
    for name in ("dev", "unlabeled", "noisy"):
        out[name] = SHARED / "corpus" / name
    spec = importlib.util.spec_from_file_location("materialize", ROOT / "tests" / "gold_xwlb" / "materialize.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out["xwlb"] = mod.materialize(SHARED, tmp / "xwlb_texts")
    return out


def build(src: Path, out: Path, cwd: Path) -> Path:
    """``kg build SRC -o OUT --formats ttl`` with the kg next to this interpreter.

    Run from ``cwd`` with SRC relative to it where possible: the path is written into the
    graph (dcterms:source), so the temporary folder's random name must not be.
    """
    kg = Path(sys.executable).with_name("kg")
    arg = src.relative_to(cwd) if src.is_relative_to(cwd) else src
    subprocess.run([str(kg), "build", str(arg), "-o", str(out), "--formats", "ttl", "--no-progress"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    return out / "graph.ttl"


def normalise(text: str) -> list[str]:
    """Lines without provenance triples; the ``;``/``.`` terminator of a property line dropped."""
    lines = []
    for line in text.splitlines():
        if PROVENANCE.match(line):
            continue
        lines.append(re.sub(r" [;.]$", "", line))
    return lines


def same_triples(base: str, new: str) -> tuple[bool, int, str]:
    """Compare as RDF: the triples of both files, less ``kg:rule`` triples, as sets.

    Resource IRIs are deterministic and no blank nodes are written, so set equality is exact; this
    survives a change of Turtle layout (prefixes, ordering) in the writers, which is not extraction.
    """
    import pyoxigraph as ox

    rule = ox.NamedNode(KG_RULE)

    def triples(text: str) -> set[str]:
        return {str(t) for t in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE) if t.predicate != rule}

    def n_rule(text: str) -> int:
        return sum(1 for t in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE) if t.predicate == rule)

    a, b = triples(base), triples(new)
    return a == b, n_rule(new) - n_rule(base), f"{len(a - b)} triples lost, {len(b - a)} gained"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--record", type=Path, help="write the baseline graph.ttl files into this folder")
    g.add_argument("--against", type=Path, help="compare with the baseline in this folder")
    ap.add_argument("--only", nargs="*", help="corpus names (default: all)")
    args = ap.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for name, src in corpora(tmp).items():
            if args.only and name not in args.only:
                continue
            ttl = build(src, tmp / name, tmp)
            if args.record:
                args.record.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(ttl, args.record / f"{name}.graph.ttl")
                print(f"{name}: recorded {ttl.stat().st_size} bytes")
                continue
            base = (args.against / f"{name}.graph.ttl").read_text(encoding="utf-8")
            new = ttl.read_text(encoding="utf-8")
            if base == new:
                print(f"{name}: byte-identical")
                continue
            a, b = normalise(base), normalise(new)
            if a == b:
                n_prov = sum(1 for line in new.splitlines() if PROVENANCE.match(line))
                print(f"{name}: identical apart from {n_prov} provenance lines")
                continue
            same, n_prov, extra = same_triples(base, new)
            if same:
                print(f"{name}: same triples apart from {n_prov} provenance triples (serialisation differs)")
                continue
            failed = True
            print(f"{name}: DIFFERENT ({extra})")
            sys.stdout.writelines(line + "\n" for line in
                                  list(difflib.unified_diff(a, b, "baseline", "now", lineterm="", n=1))[:80])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
