"""The run report of ``kg build --report FILE``: every input accounted for, as JSON.

Lists each article built (id, where it came from) and each problem (file, line, offset,
class, whether the input was skipped), with counts per class, the exit status and the seconds
per phase (``timings``), so a
batch job can check what was lost without parsing stderr.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from kg.atomicfile import atomic_write
from kg.ingest import InputProblem
from kg.model import ArticleResult


def run_report(results: list[ArticleResult], problems: list[InputProblem], out_dir: str | Path, exit_status: int,
               output_error: str = "", timings: dict[str, Any] | None = None) -> dict[str, Any]:
    """The report as plain data (see the module docstring); ``timings`` from :meth:`kg.progress.Progress.report`."""
    severities = Counter(p.severity for p in problems)
    return {
        "exit_status": exit_status,
        "output": {"folder": str(out_dir), "written": exit_status != 1, "error": output_error or None},
        "counts": {
            "articles_built": len(results),
            "inputs_skipped": severities.get("skipped", 0),
            "warnings": severities.get("warning", 0),
            "notes": severities.get("note", 0),
            "by_kind": dict(sorted(Counter(p.kind for p in problems).items())),
        },
        "timings": timings or {},
        "articles": [{"id": r.article.id, "source": r.article.source, "title": r.article.title} for r in results],
        "problems": [{"source": p.source, "line": p.line, "offset": p.offset, "kind": p.kind, "severity": p.severity,
                      "reason": p.reason} for p in problems],
    }


def write_report(path: str | Path, report: dict[str, Any]) -> None:
    """Write the report atomically (a temporary file renamed over the target)."""
    atomic_write(path, json.dumps(report, ensure_ascii=False, indent=1) + "\n", errors="backslashreplace")
