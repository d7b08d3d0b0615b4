#!/usr/bin/env python3
"""Facts about the code for a closing note: module sizes, the longest functions, the import graph.

Issue 8 ("one extraction engine") asks for before/after facts. This script reads the package's
Python (``kg/``, ``extractors/``, ``ontology/``) — of the working tree, or of any commit with
``--rev`` (read with ``git archive``, nothing checked out) — and prints Markdown:

* module sizes in lines, per module and per package;
* the 10 longest functions and methods (lines from ``def`` to the last line of the body), and
  the 5 longest classes;
* the import graph between the packages: every import of one of our packages by another, top
  level or inside a function (a function-level import is how a cycle hides), and whether the
  README's rule holds: ``kg`` → ``extractors`` → nothing of ours, ``ontology`` imported by both
  and importing neither (``tests/test_import_direction.py`` enforces it).

    .venv/bin/python benchmarks/code_facts.py                         # the working tree
    .venv/bin/python benchmarks/code_facts.py --before 984925f -o docs/CODE_FACTS.md   # 984925f: before issue 8
"""
from __future__ import annotations

import argparse
import ast
import io
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("kg", "extractors", "ontology")
#: package → the packages of ours it may import (the README's "Who owns what").
ALLOWED = {"kg": {"kg", "extractors", "ontology"}, "extractors": {"extractors", "ontology"}, "ontology": {"ontology"}}


@dataclass(frozen=True)
class Edge:
    """One import of package ``dst`` by a module of package ``src``."""

    module: str
    line: int
    target: str
    function_level: bool

    @property
    def src(self) -> str:
        return self.module.split("/")[0]

    @property
    def dst(self) -> str:
        return self.target.split(".")[0]


@dataclass
class Facts:
    modules: dict[str, int]            # path → lines
    functions: list[tuple[int, str]]   # (lines, path:qualname)
    classes: list[tuple[int, str]]
    edges: list[Edge]                  # imports across our packages

    @property
    def violations(self) -> list[Edge]:
        return [e for e in self.edges if e.dst not in ALLOWED[e.src]]


def _tree(rev: str | None, tmp: Path) -> Path:
    """The folder holding the packages: the working tree, or ``rev`` extracted into ``tmp``."""
    if rev is None:
        return ROOT
    data = subprocess.run(["git", "archive", "--format=tar", rev, *PACKAGES], cwd=ROOT, check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(tmp, filter="data")
    return tmp


class _Walker(ast.NodeVisitor):
    """Functions and classes with qualified names; imports with whether they sit inside a function."""

    def __init__(self, module: str, package: list[str]) -> None:
        self.module, self.package = module, package
        self.scope: list[str] = []
        self.depth = 0
        self.functions: list[tuple[int, str]] = []
        self.classes: list[tuple[int, str]] = []
        self.imports: list[tuple[int, str, bool]] = []

    def _named(self, node: ast.AST, kind: list[tuple[int, str]], is_function: bool) -> None:
        name = node.name  # type: ignore[attr-defined]
        kind.append((node.end_lineno - node.lineno + 1, f"{self.module}:{'.'.join(self.scope + [name])}"))  # type: ignore[attr-defined]
        self.scope.append(name)
        self.depth += is_function
        self.generic_visit(node)
        self.depth -= is_function
        self.scope.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._named(node, self.functions, True)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._named(node, self.classes, False)

    def visit_Import(self, node: ast.Import) -> None:
        self.imports += [(node.lineno, a.name, self.depth > 0) for a in node.names]

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = self.package[: len(self.package) - node.level + 1] if node.level else []
        names = [".".join(base + [node.module])] if node.module else [".".join(base + [a.name]) for a in node.names]
        self.imports += [(node.lineno, n, self.depth > 0) for n in names]


def collect(root: Path) -> Facts:
    modules: dict[str, int] = {}
    functions: list[tuple[int, str]] = []
    classes: list[tuple[int, str]] = []
    edges: list[Edge] = []
    for pkg in PACKAGES:
        for path in sorted((root / pkg).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            modules[rel] = len(text.splitlines())
            parts = list(path.relative_to(root).with_suffix("").parts)
            package = parts[:-1]  # the package a relative import starts from (kg/__init__.py too)
            w = _Walker(rel, package)
            w.visit(ast.parse(text, rel))
            functions += w.functions
            classes += w.classes
            edges += [Edge(rel, line, name, fl) for line, name, fl in w.imports
                      if name.split(".")[0] in PACKAGES and name.split(".")[0] != pkg]
    functions.sort(key=lambda t: (-t[0], t[1]))
    classes.sort(key=lambda t: (-t[0], t[1]))
    return Facts(modules, functions, classes, edges)


def _package_lines(f: Facts) -> dict[str, tuple[int, int]]:
    out = {}
    for pkg in PACKAGES:
        sizes = [n for p, n in f.modules.items() if p.split("/")[0] == pkg]
        out[pkg] = (len(sizes), sum(sizes))
    return out


def report(after: Facts, before: Facts | None, before_rev: str | None, after_name: str) -> str:
    out: list[str] = []
    w = out.append
    w("## Package sizes\n")
    if before is not None:
        b, a = _package_lines(before), _package_lines(after)
        w(f"| package | modules {before_rev} | lines {before_rev} | modules {after_name} | lines {after_name} |")
        w("|---|---:|---:|---:|---:|")
        for pkg in PACKAGES:
            w(f"| `{pkg}/` | {b[pkg][0]} | {b[pkg][1]:,} | {a[pkg][0]} | {a[pkg][1]:,} |")
    else:
        w("| package | modules | lines |")
        w("|---|---:|---:|")
        for pkg, (n, lines) in _package_lines(after).items():
            w(f"| `{pkg}/` | {n} | {lines:,} |")
    w("")
    for title, facts, name in ((f"Longest functions ({before_rev})", before, before_rev),
                               (f"Longest functions ({after_name})", after, after_name)):
        if facts is None:
            continue
        w(f"## {title}\n")
        w("| lines | function |")
        w("|---:|---|")
        out.extend(f"| {n} | `{q}` |" for n, q in facts.functions[:10])
        w("")
        w(f"Longest classes ({name}): " + ", ".join(f"`{q}` {n}" for n, q in facts.classes[:5]) + "\n")
    for title, facts in ((f"Import graph ({before_rev})", before), (f"Import graph ({after_name})", after)):
        if facts is None:
            continue
        w(f"## {title}\n")
        pairs = Counter((e.src, e.dst) for e in facts.edges)
        hidden = Counter((e.src, e.dst) for e in facts.edges if e.function_level)
        w("| from | to | imports | of them inside a function | allowed |")
        w("|---|---|---:|---:|---|")
        for (s, d), n in sorted(pairs.items()):
            w(f"| `{s}` | `{d}` | {n} | {hidden[(s, d)]} | {'yes' if d in ALLOWED[s] else '**no**'} |")
        bad = facts.violations
        w("")
        w("One-way (kg → extractors → nothing of ours; ontology imported by both): "
          + ("**holds**." if not bad else f"**broken** by {len(bad)} imports:"))
        out.extend(f"- `{e.module}:{e.line}` imports `{e.target}`{' (inside a function)' if e.function_level else ''}"
                   for e in bad)
        w("")
    w("## Module sizes\n")
    w("| lines | module |")
    w("|---:|---|")
    out.extend(f"| {n} | `{p}` |" for p, n in sorted(after.modules.items(), key=lambda t: (-t[1], t[0])))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rev", help="a commit to describe instead of the working tree")
    ap.add_argument("--before", help="also describe this commit, side by side (e.g. the one before a redesign)")
    ap.add_argument("-o", "--out", type=Path, help="write the Markdown here (default: stdout)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as t1, tempfile.TemporaryDirectory() as t2:
        after = collect(_tree(args.rev, Path(t1)))
        before = collect(_tree(args.before, Path(t2))) if args.before else None
    after_name = args.rev or "working tree"
    head = subprocess.run(["git", "rev-parse", "--short", args.rev or "HEAD"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip()
    title = ["# Code facts\n",
             f"Made by `benchmarks/code_facts.py{' --before ' + args.before if args.before else ''}` "
             f"on {after_name} (HEAD {head}): Python lines of `kg/`, `extractors/`, `ontology/` "
             "(blank lines and docstrings included; the rule data under `extractors/data/` and `kg/data/` is not Python "
             "and not counted).\n"]
    if args.before:
        subject = subprocess.run(["git", "log", "-1", "--format=%h %s", args.before], cwd=ROOT, capture_output=True,
                                 text=True).stdout.strip()
        title.append(f"Before: `{subject[:110]}{'…' if len(subject) > 110 else ''}`\n")
    text = "\n".join(title) + "\n" + report(after, before, args.before, after_name)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 1 if after.violations else 0


if __name__ == "__main__":
    sys.exit(main())
