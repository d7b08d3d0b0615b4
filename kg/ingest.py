"""Reading inputs: text files, folders of .txt, JSONL records, or strings from Python.

Bad input never stops a batch: each problem becomes an :class:`InputProblem`
naming the file (and line), and the good articles go on. Nothing read here can
raise: unreadable paths, devices and FIFOs, undecodable bytes, broken JSON and
characters XML cannot carry all end as problems or are blanked.

Article ids (see README "Article ids"): a text file's id is its path relative to
the input root (the folder given, or the file's own folder) without the suffix;
a JSONL record's id is its ``id`` field, else a hash of its ``url``, else
``<file id>-<line>``. Ids are compared in Unicode NFC (IRIs are NFC). The first
article to claim an id keeps it; a later one from another file is qualified as
``<file>#<id>`` (then ``~2``, ``~3``…); a later record with the same id in the
same file, or an exact repeat, is a duplicate: reported with its line, skipped.
"""
from __future__ import annotations

import errno
import hashlib
import html
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from kg.dates import dateline, normalize_date, parse_date
from kg.decode import decode
from kg.model import Article

#: Longest id kept as written; longer ids keep their head and a hash of the whole.
MAX_ID = 200
#: Deepest JSON nesting read (Python's parser would otherwise hit its recursion limit).
MAX_JSON_DEPTH = 64


@dataclass(frozen=True)
class InputProblem:
    """A file (or line of a file) that could not be read as an article, or a warning about one.

    ``kind`` classes the problem (counted in the run report); ``severity`` is ``skipped``
    (nothing built from it), ``warning`` (built, but a value was dropped) or ``note``
    (built as intended; e.g. the encoding that was detected).
    """

    source: str
    line: int | None
    reason: str
    kind: str = "unreadable"
    severity: str = "skipped"
    offset: int | None = None

    def __str__(self) -> str:
        where = printable(self.source)
        if self.line:
            where += f":{self.line}"
        if self.offset is not None:
            where += f" (offset {self.offset})"
        return f"{where}: {printable(self.reason)}"


def printable(s: str) -> str:
    """``s`` safe for a terminal and for UTF-8: control characters and undecodable file-name bytes escaped."""
    return s if s.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in s)


Item = Article | InputProblem


# C0/C1 control characters (other than tab and newline), lone surrogates (from JSON "\ud800")
# and the noncharacters U+FFFE/U+FFFF/U+FDD0..U+FDEF cannot be written in XML 1.0 (or UTF-8)
# and carry no meaning in news text: each becomes one space, so offsets into the text stay true.
_CONTROL = {c: " " for c in [*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160),
                             *range(0xD800, 0xE000), 0xFFFE, 0xFFFF, *range(0xFDD0, 0xFDF0)]}


#: Any character of :data:`_CONTROL`: one C-speed scan says whether the text needs ``translate`` at all
#: (``str.translate`` with a dict looks up every character: most of the time spent reading a corpus).
_CONTROL_RE = re.compile("[" + "".join(f"\\U{c:08x}" for c in sorted(_CONTROL)) + "]")


def clean_text(text: str) -> str:
    """The text with control characters, lone surrogates and noncharacters blanked (same length)."""
    return text.translate(_CONTROL) if _CONTROL_RE.search(text) else text


def clean_field(value: Any) -> str:
    """A metadata field (id, title, url) as one clean line: '' for absent, lists and objects."""
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return " ".join(clean_text(str(value)).split())


def clean_id(value: str) -> str:
    """An id fit for an IRI and a file name: clean, one line, at most :data:`MAX_ID` characters."""
    aid = clean_field(value)
    if len(aid) > MAX_ID:
        aid = aid[: MAX_ID - 13] + "~" + hashlib.sha1(aid.encode("utf-8")).hexdigest()[:12]
    return aid


def guess_date(text: str) -> str:
    """The first full date written near the top of the text, as YYYY-MM-DD ('' if none); see :mod:`kg.dates`."""
    return dateline(text)


def guess_title(text: str) -> str:
    """A short first line that reads like a headline, else ''."""
    for line in text.split("\n"):
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
    aid = clean_id(id or "") or "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Article(id=aid, text=text, title=clean_field(title) or guess_title(text),
                   date=normalize_date(clean_field(date)) or guess_date(text), source=clean_field(source))


def sanitized(article: Article) -> Article:
    """An article given from Python, with what cannot be written blanked (same text length) and a usable id."""
    fixed = Article(id=clean_id(article.id) or "doc-" + hashlib.sha1(clean_text(article.text).encode("utf-8")).hexdigest()[:12],
                    text=clean_text(article.text), title=clean_field(article.title), date=clean_field(article.date),
                    source=clean_field(article.source))
    return article if fixed == article else fixed


@dataclass
class IdRegistry:
    """The ids claimed so far in one build (NFC keys → (file, text digest)); see the module docstring."""

    claimed: dict[str, tuple[str, str]] = field(default_factory=dict)

    def claim(self, article: Article, file: str = "", line: int | None = None, qualified: str = "") -> Item:
        """The article under a unique id, or an InputProblem when it repeats one from the same file.

        ``file`` is where it was read (root-relative; '' for articles given from Python), ``qualified``
        the id to take when another file holds the plain one.
        """
        article = sanitized(article)
        digest = hashlib.sha1(article.text.encode("utf-8")).hexdigest()
        key = unicodedata.normalize("NFC", article.id)
        prior = self.claimed.get(key)
        if prior is None:
            self.claimed[key] = (file, digest)
            return article
        where = file or article.source or article.id
        if prior[0] == file:
            how = "an exact repeat" if prior[1] == digest else "another record with this id"
            return InputProblem(where, line, f"duplicate article id {article.id!r} ({how} in the same file; "
                                             f"the first one is kept): skipped", kind="duplicate")
        base = qualified or article.id
        aid, n = base, 1
        while unicodedata.normalize("NFC", aid) in self.claimed:
            n += 1
            aid = f"{base}~{n}"
        self.claimed[unicodedata.normalize("NFC", aid)] = (file, digest)
        return Article(id=aid, text=article.text, title=article.title, date=article.date, source=article.source)


def _file_id(file: str) -> str:
    """The id of a root-relative POSIX path: the path without its suffix (``news/a.txt`` → ``news/a``)."""
    suffix = Path(file).suffix
    return file[: -len(suffix)] if suffix else file


def _read_bytes(path: Path) -> tuple[bytes | None, InputProblem | None]:
    """The bytes of a regular file; FIFOs, devices and sockets are refused without blocking."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        return None, InputProblem(str(path), None, f"cannot read: {e.strerror or e}", kind="unreadable")
    except ValueError as e:  # embedded NUL in the path
        return None, InputProblem(repr(str(path)), None, f"cannot read: {e}", kind="unreadable")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            what = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) \
                else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a file"
            return None, InputProblem(str(path), None, f"not a regular file ({what}): refused", kind="not-regular")
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            return fh.read(), None
    except OSError as e:
        return None, InputProblem(str(path), None, f"cannot read: {e.strerror or e}", kind="unreadable")
    finally:
        if fd >= 0:
            os.close(fd)


def _read_text(path: Path) -> tuple[str | None, list[InputProblem]]:
    """The decoded text of a file (None when refused) and what to report about it."""
    raw, problem = _read_bytes(path)
    if problem is not None:
        return None, [problem]
    assert raw is not None
    got = decode(raw)
    if got.text is None:
        return None, [InputProblem(str(path), None, got.error, kind="encoding", offset=got.offset)]
    notes = [InputProblem(str(path), None, got.note, kind="encoding-detected", severity="note")] if got.note else []
    text = got.text.replace("\r\n", "\n")
    if not text.strip() or not clean_text(text).strip():
        return None, [*notes, InputProblem(str(path), None, "empty file", kind="empty")]
    return clean_text(text), notes


def _depth_ok(line: str) -> bool:
    """Nesting of brackets outside strings stays within :data:`MAX_JSON_DEPTH` (a cheap pre-check)."""
    if line.count("[") + line.count("{") <= MAX_JSON_DEPTH:
        return True
    depth, in_str, esc = 0, False, False
    for c in line:
        if in_str:
            if esc:
                esc = False
            elif c == "\\":
                esc = True
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return False
        elif c in "]}":
            depth -= 1
    return True


def _json_int(digits: str) -> int | str:
    """Integers past Python's int-to-str limit stay their digits (an id of 5,000 digits is still an id)."""
    return int(digits) if len(digits) <= 4000 else digits


_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p[^>]*>|<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")


def html_text(markup: str) -> str:
    """The text of a record's ``content_html``: paragraph breaks and ``<br>`` as line feeds, tags dropped,
    entities unescaped. One definition for ``kg build`` and every script that reads the 新闻联播 JSONL
    (benchmarks, tests/gold_xwlb/materialize.py), so they all cut the same sentences."""
    return html.unescape(_TAG.sub("", _PARAGRAPH_BREAK.sub("\n", markup)))


def _record_article(rec: dict[str, Any], file: str, n: int, path: Path) -> tuple[Article | None, list[InputProblem]]:
    where = str(path)
    html_body = False
    for key in ("text", "content", "content_html"):
        value = rec.get(key)
        if isinstance(value, str) and value.strip():
            body, html_body = value, key == "content_html"
            break
    else:
        return None, [InputProblem(where, n, "record has no text (fields: id, title, date, text)", kind="no-text")]
    if html_body:  # markup is stripped only where the record says it is HTML
        body = html_text(body)
        if not clean_text(body).strip():
            return None, [InputProblem(where, n, "record's content_html holds no text", kind="no-text")]
    problems = []
    date = parse_date(clean_field(rec.get("date") or rec.get("pub_date")) or None)
    if date.problem:  # reported, and the article is still built (undated, or dated by its dateline)
        problems.append(InputProblem(where, n, date.problem, kind="date", severity="warning"))
    url = clean_field(rec.get("url"))
    aid = clean_field(rec.get("id"))
    if not aid and url:  # the record's own identity: the id does not change when the file is renamed
        aid = "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]
    if not aid:
        aid = f"{_file_id(file)}-{n}"
    article = text_article(body, id=aid, title=clean_field(rec.get("title")), date=date.iso,
                           source=url or clean_field(rec.get("source")) or f"{path}:{n}")
    return article, problems


def _from_jsonl(path: Path, file: str, ids: IdRegistry) -> Iterator[Item]:
    text, problems = _read_text(path)
    yield from problems
    if text is None:
        return
    # records end at "\n" only: U+2028, U+0085, form feeds… may stand inside a JSON string
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if not _depth_ok(line):
            yield InputProblem(str(path), n, f"JSON nested deeper than {MAX_JSON_DEPTH} levels", kind="malformed-json")
            continue
        try:
            rec = json.loads(line, parse_int=_json_int)
        except json.JSONDecodeError as e:
            yield InputProblem(str(path), n, f"malformed JSON: {e.msg} at column {e.colno}", kind="malformed-json")
            continue
        except (ValueError, RecursionError) as e:
            yield InputProblem(str(path), n, f"malformed JSON: {e}", kind="malformed-json")
            continue
        if not isinstance(rec, dict):
            yield InputProblem(str(path), n, "a JSONL record must be an object", kind="not-object")
            continue
        article, problems = _record_article(rec, file, n, path)
        yield from problems
        if article is not None:
            yield ids.claim(article, file, n, qualified=f"{file}#{article.id}")


def _walk(folder: Path) -> tuple[list[Path], list[InputProblem]]:
    """Every .txt/.jsonl/.ndjson under ``folder`` (not following links to folders), in a fixed order."""
    files: list[Path] = []
    problems: list[InputProblem] = []

    def refuse(e: OSError) -> None:
        problems.append(InputProblem(str(e.filename or folder), None, f"cannot list folder: {e.strerror or e}",
                                     kind="unreadable"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=refuse):
        dirnames.sort()
        for name in sorted(filenames):
            p = Path(dirpath) / name
            # INDEX.jsonl / index.jsonl beside the texts describe them; they are not articles
            if p.suffix.lower() in (".txt", ".jsonl", ".ndjson") and name.lower() != "index.jsonl":
                files.append(p)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix()), problems


def read_inputs(paths: Iterable[str | Path], ids: IdRegistry | None = None) -> Iterator[Item]:
    """Articles (and problems) from files, folders (``*.txt``, ``*.jsonl``, recursively) and JSONL files."""
    ids = IdRegistry() if ids is None else ids
    for p in paths:
        path = Path(p)
        try:
            st = os.stat(path)
        except (OSError, ValueError) as e:
            missing = isinstance(e, FileNotFoundError) or getattr(e, "errno", None) == errno.ENOTDIR
            reason = "no such file or directory" if missing else f"cannot read: {getattr(e, 'strerror', None) or e}"
            yield InputProblem(str(path), None, reason, kind="missing" if missing else "unreadable")
            continue
        if stat.S_ISDIR(st.st_mode):
            files, problems = _walk(path)
            yield from problems
            if not files and not problems:
                yield InputProblem(str(path), None, "folder holds no .txt or .jsonl files", kind="empty")
            for f in files:
                yield from _read_file(f, f.relative_to(path).as_posix(), ids)
            continue
        yield from _read_file(path, path.name, ids)


def _read_file(path: Path, file: str, ids: IdRegistry) -> Iterator[Item]:
    """One file given (or found) as input; ``file`` is its path relative to the input root."""
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _from_jsonl(path, file, ids)
        return
    text, problems = _read_text(path)
    yield from problems
    if text is None:
        return
    yield ids.claim(text_article(text, id=_file_id(file), source=str(path)), file, qualified=file)
