"""Rules are data: no word list or regex alternation of more than three literal Chinese words in the
extractors' Python (they belong in extractors/data/<kind>/words.tsv, see its README)."""
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


def inline_lists(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str) and HAN.search(e.value)]
            if len(words) > LIMIT:
                found.append(f"{path.name}:{node.lineno}: {len(words)} words {words[:4]}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and HAN.search(node.value):
            n = _alternation(node.value)
            if n > LIMIT:
                found.append(f"{path.name}:{node.lineno}: alternation of {n}: {node.value[:40]}")
    return found


def test_the_checker_sees_a_list():
    assert _alternation("(?:召开|举行|举办|开展)") == 4 and _alternation("(?P<x>党组|党委|常委会)") == 3


def test_no_inline_word_lists_in_extractors():
    found = [f for p in sorted((ROOT / "extractors").glob("*.py")) for f in inline_lists(p)]
    assert not found, "move these to extractors/data/<kind>/words.tsv:\n" + "\n".join(found)
