"""Recreate the cut texts of the xwlb held-out gold from the shared jsonl.

The texts are not stored in the repository (licence): they are rebuilt from
``<shared>/corpus/bulk/xwlb_cctv_2022_2026.jsonl`` with the line numbers and
lengths in ``manifest.json`` next to this file.

    .venv/bin/python tests/gold_xwlb/materialize.py /tmp/xw_texts            # shared = ../shared
    .venv/bin/python tests/gold_xwlb/materialize.py /tmp/xw_texts /path/to/shared
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
JSONL = Path("corpus/bulk/xwlb_cctv_2022_2026.jsonl")
LIMIT = 1200


def strip(content_html: str) -> str:
    """Paragraphs and <br> to newlines, tags removed, entities unescaped."""
    from kg.ingest import html_text

    return html_text(content_html).strip()


def cut(text: str, limit: int = LIMIT) -> str:
    """Texts longer than ``limit`` end at the last 。 before ``limit`` characters."""
    if len(text) > limit:
        k = text.rfind("。", 0, limit)
        text = text[: k + 1]
    return text


def materialize(shared: Path, out_dir: Path) -> Path:
    """Write ``out_dir/x-NN.txt`` for every manifest entry; return ``out_dir``."""
    shared, out_dir = Path(shared), Path(out_dir)
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    wanted = {m["line"]: m for m in manifest}
    out_dir.mkdir(parents=True, exist_ok=True)
    found = set()
    with (shared / JSONL).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n not in wanted:
                continue
            m = wanted[n]
            text = cut(strip(json.loads(line)["content_html"]))
            assert len(text) == m["chars"], f"{m['name']}: line {n} gives {len(text)} chars, manifest says {m['chars']}"
            (out_dir / f"{m['name']}.txt").write_text(text, encoding="utf-8")
            found.add(n)
            if len(found) == len(wanted):
                break
    missing = sorted(set(wanted) - found)
    assert not missing, f"lines not in {shared / JSONL}: {missing}"
    return out_dir


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    shared = Path(sys.argv[2]) if len(sys.argv) == 3 else (HERE.parents[1] / ".." / "shared").resolve()  # the repo's ../shared
    print(materialize(shared, Path(sys.argv[1])))
