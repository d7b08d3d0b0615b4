"""Rules are data: no word list or regex alternation of more than three literal Chinese words in the
package's Python — the extractors (their words belong in extractors/data/<kind>/words.tsv, see its
README), nor ``kg/`` (text normalisation, ingest, dates, site-furniture filters, analytics: their
words belong in kg/data/*.txt, read by kg/wordlists.py), nor ``ontology/``.

Three shapes are caught: a list/tuple/set literal of Chinese strings, a regex alternation of
literal Chinese words, and one string of whitespace-separated Chinese words (``"甲部 乙部 …".split()``).
Docstrings and comments are prose, not lists."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[\u4e00-\u9fff]+")
GROUP = re.compile(r"\(([^()]*)\)")
LIMIT = 3


def _alternation(pattern: str) -> int:
    """The most literal Chinese words one alternation (top level or one group) lists."""
    groups = [re.sub(r"^\?(?:P<\w+>|[:=!]|<[=!])", "", g) for g in GROUP.findall(pattern)] + [pattern]
    return max(sum(1 for part in g.split("|") if WORD.fullmatch(part)) for g in groups)


def _spaced(text: str) -> int:
    """How many whitespace-separated Chinese words one string lists (0 unless it is nothing else)."""
    parts = text.split()
    return len(parts) if len(parts) > 1 and all(WORD.fullmatch(p) for p in parts) else 0


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            out.add(id(body[0].value))
    return out


def inline_lists(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str) and HAN.search(e.value)]
            if len(words) > LIMIT:
                found.append(f"{name}:{node.lineno}: {len(words)} words {words[:4]}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and HAN.search(node.value) \
                and id(node) not in docs:
            n = _alternation(node.value)
            if n > LIMIT:
                found.append(f"{name}:{node.lineno}: alternation of {n}: {node.value[:40]}")
            elif (n := _spaced(node.value)) > LIMIT:
                found.append(f"{name}:{node.lineno}: {n} space-separated words: {node.value[:40]}")
    return found


def test_the_checker_sees_a_list(tmp_path):
    assert _alternation("(?:召开|举行|举办|开展)") == 4 and _alternation("(?P<x>党组|党委|常委会)") == 3
    assert _spaced("外交部 国防部\n 教育部 科技部") == 4 and _spaced("2022年 1月") == 0
    src = tmp_path / "m.py"
    src.write_text('"""甲 乙 丙 丁 戊: a docstring is prose."""\nA = ("甲", "乙", "丙", "丁")\nB = "外交部 国防部 教育部 科技部".split()\n'
                   'C = "(?:召开|举行|举办|开展)"\n', encoding="utf-8")
    assert sorted(f.split(":")[1] for f in inline_lists(src)) == ["2", "3", "4"]


def test_no_inline_word_lists_in_extractors():
    found = [f for p in sorted((ROOT / "extractors").rglob("*.py")) for f in inline_lists(p)]
    assert not found, "move these to extractors/data/<kind>/words.tsv:\n" + "\n".join(found)


def test_no_inline_word_lists_in_kg_or_ontology():
    found = [f for pkg in ("kg", "ontology") for p in sorted((ROOT / pkg).rglob("*.py")) for f in inline_lists(p)]
    assert not found, "move these to kg/data/NAME.txt (read with kg.wordlists.items):\n" + "\n".join(found)


def test_kg_word_lists_are_package_data():
    """A wheel install has kg/data: the files are declared, and every one a module names exists."""
    declared = re.search(r"^kg = \[(.*)\]$", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert declared and '"data/*"' in declared.group(1)  # [tool.setuptools.package-data]
    used = set(re.findall(r'(?:items|alternation)\("(\w+)"\)', "".join(p.read_text(encoding="utf-8") for p in (ROOT / "kg").rglob("*.py"))))
    present = {p.stem for p in (ROOT / "kg" / "data").glob("*.txt")}
    assert used and used <= present, used - present
