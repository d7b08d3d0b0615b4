"""Reading inputs: text files, folders of .txt, JSONL records, or strings from Python.

Bad input never stops a batch: each problem becomes an :class:`InputProblem`
naming the file (and line), and the good articles go on.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg.dates import dateline, normalize_date, parse_date
from kg.model import Article


@dataclass(frozen=True)
class InputProblem:
    """A file (or line of a file) that could not be read as an article."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.reason}"


Item = Article | InputProblem


# C0/C1 control characters (other than tab and newline) cannot be written in XML 1.0 and carry
# no meaning in news text: each becomes one space, so offsets into the text stay true.
_CONTROL = {c: " " for c in [*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160)]}


def clean_text(text: str) -> str:
    """The text with control characters blanked (same length)."""
    return text.translate(_CONTROL)


def guess_date(text: str) -> str:
    """The first full date written near the top of the text, as YYYY-MM-DD ('' if none); see :mod:`kg.dates`."""
    return dateline(text)


def guess_title(text: str) -> str:
    """A short first line that reads like a headline, else ''."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) <= 40 and not re.search(r"[。！？]$", line):
            return line
        return ""
    return ""


def text_article(text: str, id: str | None = None, title: str = "", date: str = "", source: str = "") -> Article:
    """An article from a string; the id defaults to a hash of the text (stable across runs)."""
    text = clean_text(text)
    aid = id or "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Article(id=aid, text=text, title=title or guess_title(text), date=normalize_date(date) or guess_date(text),
                   source=source)


def _read_text(path: Path) -> tuple[str | None, str | None]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        return None, f"cannot read: {e.strerror or e}"
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, f"not UTF-8 (byte offset {e.start}, line {line}): convert it, e.g. iconv -f GB18030 -t UTF-8"
    if not text.strip():
        return None, "empty file"
    return clean_text(text.replace("\r\n", "\n")), None


def _from_jsonl(path: Path) -> Iterator[Item]:
    text, err = _read_text(path)
    if err:
        yield InputProblem(str(path), None, err)
        return
    assert text is not None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputProblem(str(path), n, f"malformed JSON: {e.msg} at column {e.colno}")
            continue
        if not isinstance(rec, dict):
            yield InputProblem(str(path), n, "a JSONL record must be an object")
            continue
        body = rec.get("text") or rec.get("content") or rec.get("content_html") or ""
        if not isinstance(body, str) or not body.strip():
            yield InputProblem(str(path), n, "record has no text (fields: id, title, date, text)")
            continue
        body = re.sub(r"</p>\s*<p[^>]*>|<br\s*/?>", "\n", body)
        body = re.sub(r"<[^>]+>", "", body) if "<" in body else body
        aid = str(rec.get("id") or f"{path.stem}-{n}")
        date = parse_date(rec.get("date") or rec.get("pub_date"))
        if date.problem:  # reported, and the article is still built (undated, or dated by its dateline)
            yield InputProblem(str(path), n, date.problem)
        yield text_article(body, id=aid, title=str(rec.get("title") or ""), date=date.iso,
                           source=str(rec.get("url") or rec.get("source") or f"{path}:{n}"))


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Articles (and problems) from files, folders (``*.txt``, ``*.jsonl``, recursively) and JSONL files."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield InputProblem(str(path), None, "no such file or directory")
            continue
        if path.is_dir():
            # INDEX.jsonl / index.jsonl beside the texts describe them; they are not articles
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".jsonl")
                           and f.name.lower() != "index.jsonl")
            if not files:
                yield InputProblem(str(path), None, "folder holds no .txt or .jsonl files")
            yield from read_inputs(files)
            continue
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _from_jsonl(path)
            continue
        text, err = _read_text(path)
        if err:
            yield InputProblem(str(path), None, err)
            continue
        assert text is not None
        yield text_article(text, id=path.stem, source=str(path))
