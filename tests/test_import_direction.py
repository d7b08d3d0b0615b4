"""Imports flow one way: ``kg`` → ``extractors`` → nothing of ours; ``ontology`` is imported by both.

This is the README's "Who owns what": ``extractors/`` turns one prepared article into mentions and
relations and never imports ``kg`` (which reads input, resolves, writes and serves); ``ontology/``
is data plus its namespace and vocabulary and imports neither. A cycle hidden behind a
function-level import is still a cycle, so every ``import`` statement in every module is checked —
top level, inside functions, under ``if TYPE_CHECKING:`` or ``try:`` — and so are
``importlib.import_module("...")`` / ``__import__("...")`` with a literal name.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = ("kg", "extractors", "ontology")
#: package → the packages of ours it may import (itself included).
ALLOWED = {"kg": {"kg", "extractors", "ontology"}, "extractors": {"extractors", "ontology"}, "ontology": {"ontology"}}


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in ``path``, relative imports resolved."""
    module = _module_name(path, root)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            if node.module:
                out.append((node.lineno, ".".join(base + [node.module])))
            else:  # from . import a, b: the names are modules of that package
                out += [(node.lineno, ".".join(base + [a.name])) for a in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            f = node.func
            fname = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if fname in ("import_module", "__import__"):
                out.append((node.lineno, node.args[0].value))
    return sorted(out)


def violations(package: str, root: Path = ROOT) -> list[str]:
    found = []
    for path in sorted((root / package).rglob("*.py")):
        for line, name in imported(path, root):
            top = name.split(".")[0]
            if top in OURS and top not in ALLOWED[package]:
                found.append(f"{path.relative_to(root).as_posix()}:{line}: imports {name}")
    return found


@pytest.mark.parametrize("package", OURS)
def test_imports_flow_one_way(package):
    found = violations(package)
    assert not found, f"{package} may import only {sorted(ALLOWED[package])}:\n" + "\n".join(found)


def test_the_checker_sees_hidden_imports(tmp_path):
    """Function-level, relative-beyond-the-package, TYPE_CHECKING and importlib imports are all seen."""
    pkg = tmp_path / "extractors"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "m.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import base\n"
        "if TYPE_CHECKING:\n    from kg.model import Entity\n"
        "def f():\n    import kg.pipeline\n    return kg.pipeline\n"
        "def g():\n    import importlib\n    return importlib.import_module('kg.text')\n"
        "from .. import kg as k\n", encoding="utf-8")
    found = violations("extractors", root=tmp_path)
    assert [f.split(":")[1] for f in found] == ["4", "6", "10", "11"], found
