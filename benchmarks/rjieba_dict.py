#!/usr/bin/env python3
"""Is the dictionary the installed jieba-rs (rjieba) bundles jieba's own ``dict.txt``? Prints the digests to list.

jieba-rs compiles its dictionary into the extension, zstd-compressed (``include-flate``). This unpacks every
zstd frame of the extension file with the ``zstd`` command-line tool, finds the one that reads as a dictionary,
and compares it with jieba's ``dict.txt`` as word → frequency maps (jieba's file repeats one word, B超; jieba-rs
keeps the last frequency, as jieba does). When they are equal and no frequency is 0, the line it prints belongs
in ``extractors.segment._BUNDLED_DICTS``: a cutter then starts from ``Jieba()`` instead of 349k ``add_word`` calls.

    .venv/bin/python benchmarks/rjieba_dict.py
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def _entries(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split()
        if parts:
            out[parts[0]] = int(parts[1]) if len(parts) > 1 else 0
    return out


def main() -> int:
    from extractors.dictcache import _jieba_dict, jieba_dict_sha256
    from extractors.jiebaimport import rjieba_class, rjieba_extension_sha256

    rjieba_class()
    path = Path(sys.modules["rjieba.rjieba"].__file__ or "")
    blob = path.read_bytes()
    jieba_words = _entries(_jieba_dict().decode("utf-8"))
    start = blob.find(_ZSTD_MAGIC)
    while start >= 0:
        run = subprocess.run(["zstd", "-d", "-c", "-q"], input=blob[start:], capture_output=True)
        text = run.stdout.decode("utf-8", "replace")
        if text.count("\n") > 100_000:  # the dictionary (the HMM model is a few thousand lines)
            bundled = _entries(text)
            same = bundled == jieba_words and all(bundled.values())
            print(f"{path}: bundled dictionary of {len(bundled):,} words at byte {start}: "
                  f"{'equal to' if same else 'NOT equal to'} jieba's dict.txt ({len(jieba_words):,} words)")
            if same:
                print(f'    "{rjieba_extension_sha256()}":\n        ("{jieba_dict_sha256()}", {len(bundled):_}),')
            return 0 if same else 1
        start = blob.find(_ZSTD_MAGIC, start + 1)
    print(f"{path}: no bundled dictionary found")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
