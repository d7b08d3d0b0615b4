"""The bad-input suite: each hostile input beside one good article.

For every case ``kg build`` must exit 0 or 2 (never a traceback), name the bad file on
stderr when it skips or warns, build the good article, and write exports that parse back.
Real extractors, real pyoxigraph parsing of what was written.
"""
from __future__ import annotations

import json
import os
import signal
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import opencc
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.iri import article_iri

RDF_FORMATS = "ttl,nt,nq,trig,jsonld,rdf"  # every RDF export, each parsed back
GOOD = "市总工会召开主席办公会，学习贯彻市委全会精神，大兴“五种风气”。\n"
TEXT = "中共徐州市委召开常委会会议，传达学习省委全会精神，强调要做到“两个维护”，持续推进“五种风气”建设。\n"


def _jsonl(path: Path, *records: object, raw: str = "") -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + raw + "\n", encoding="utf-8", errors="surrogatepass")
    return path


@dataclass
class Case:
    name: str
    make: Callable[[Path], list[Path]]   # writes the bad input(s) under the folder, returns the paths to build
    exit: int                            # 0 (built as intended) or 2 (something skipped or dropped, and said)
    says: str = ""                       # stderr must hold this (besides the file's name when exit is 2)
    check: Callable[[Path, set[str]], None] | None = None  # (input folder, article ids written) -> assertions


def _ids_include(*ids: str) -> Callable[[Path, set[str]], None]:
    def check(_: Path, got: set[str]) -> None:
        assert set(ids) <= got, (ids, got)
    return check


def _write(name: str, data: bytes) -> Callable[[Path], list[Path]]:
    def make(d: Path) -> list[Path]:
        (d / name).write_bytes(data)
        return [d / name]
    return make


def _fifo(d: Path) -> list[Path]:
    os.mkfifo(d / "pipe.txt")
    return [d / "pipe.txt"]


def _same_names(d: Path) -> list[Path]:
    for sub in ("a", "b"):
        (d / "tree" / sub).mkdir(parents=True)
        (d / "tree" / sub / "x.txt").write_text(f"{sub}地{TEXT}", encoding="utf-8")
    return [d / "tree"]


def _nfc_nfd(d: Path) -> list[Path]:
    (d / "tree").mkdir()
    for form in ("NFC", "NFD"):
        (d / "tree" / unicodedata.normalize(form, "é.txt")).write_text(form + TEXT, encoding="utf-8")
    return [d / "tree"]


def _jsonl_two_files(d: Path) -> list[Path]:
    return [_jsonl(d / "one.jsonl", {"id": "7", "text": "一" + TEXT}), _jsonl(d / "two.jsonl", {"id": "7", "text": "二" + TEXT})]


def _encoded(enc: str, text: str = TEXT) -> Callable[[Path], list[Path]]:
    return _write(f"{enc}.txt", (text * 3).encode(enc))


def _undecodable_name(d: Path) -> list[Path]:
    p = Path(os.fsdecode(bytes(d / "x") + b"\xff\xfe.txt"))
    p.write_text(TEXT, encoding="utf-8")
    return [p]


def _record_with(field: str, value: str, escaped: bool = False) -> Callable[[Path], list[Path]]:
    """A JSONL record whose ``field`` holds ``value`` (written as a raw JSON escape when ``escaped``)."""
    def make(d: Path) -> list[Path]:
        rec = {"id": "r", "title": "t", "date": "2022-01-01", "url": "http://example.org/r", "text": TEXT}
        rec[field] = "@@" if escaped else (TEXT + value if field == "text" else value)
        line = json.dumps(rec, ensure_ascii=False)
        if escaped:
            line = line.replace('"@@"', '"' + value + ('' if field != "text" else TEXT.strip()) + '"')
        return [_jsonl(d / "r.jsonl", line)]
    return make


CASES = [
    Case("empty file", _write("empty.txt", b""), 2, "empty file"),
    Case("blank file", _write("blank.txt", b" \n\t\n"), 2, "empty file"),
    Case("binary file", _write("bin.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4), 2, "binary"),
    Case("NUL bytes", _write("nul.txt", b"\x00" * 500), 2, ""),
    Case("missing path", lambda d: [d / "missing.txt"], 2, "no such file"),
    Case("folder without texts", lambda d: [(d / "void").mkdir() or d / "void"], 2, "holds no"),
    Case("FIFO", _fifo, 2, "FIFO"),
    Case("/dev/zero", lambda d: [Path("/dev/zero")], 2, "device"),
    Case("malformed JSON line", lambda d: [_jsonl(d / "m.jsonl", '{"id": "a", "text": "unterminated')], 2, "malformed JSON"),
    Case("null text", lambda d: [_jsonl(d / "n.jsonl", {"id": "n", "text": None})], 2, "no text"),
    Case("numeric text", lambda d: [_jsonl(d / "n.jsonl", {"id": "n", "text": 5})], 2, "no text"),
    Case("non-object record", lambda d: [_jsonl(d / "l.jsonl", "[1, 2]", '"text"')], 2, "must be an object"),
    Case("deeply nested JSON", lambda d: [_jsonl(d / "deep.jsonl", "[" * 100_000 + "]" * 100_000)], 2, "nested deeper"),
    Case("deep but legal nesting", lambda d: [_jsonl(d / "ok.jsonl", {"id": "ok", "text": TEXT, "x": [[[[1]]]]})], 0,
         check=_ids_include("ok")),
    Case("huge integer id", lambda d: [_jsonl(d / "h.jsonl", '{"id": ' + "9" * 5000 + ', "text": "' + TEXT.strip() + '"}')], 0),
    Case("very long id", lambda d: [_jsonl(d / "h.jsonl", {"id": "长" * 10_000, "text": TEXT})], 0),
    *[Case(f"control character in {f}", _record_with(f, "v\x07\x1b\x7f\x85" + f), 2 if f == "date" else 0)
      for f in ("id", "title", "date", "url", "text")],
    *[Case(f"U+FFFE in {f}", _record_with(f, "v\ufffe\uffff" + f), 0) for f in ("id", "title", "url", "text")],
    *[Case(f"lone surrogate in {f}", _record_with(f, "x\\ud800y", escaped=True), 0) for f in ("id", "title", "text")],
    Case("raw U+2028 in a record", lambda d: [_jsonl(d / "u.jsonl", '{"id": "u", "text": "' + TEXT.strip() + '\u2028' + TEXT.strip() + '"}')],
         0, check=_ids_include("u")),
    Case("tag-like text outside content_html", lambda d: [_jsonl(d / "t.jsonl", {"id": "t", "text": "<b>不是标签</b>" + TEXT})], 0),
    Case("same file name in two folders", _same_names, 0, check=_ids_include("a/x", "b/x")),
    Case("NFC and NFD file names", _nfc_nfd, 0, check=lambda d, got: len([i for i in got if "é" in unicodedata.normalize("NFC", i)]) == 2),
    Case("same JSONL id in two files", _jsonl_two_files, 0, check=_ids_include("7", "two.jsonl#7")),
    Case("duplicate id in one JSONL", lambda d: [_jsonl(d / "dup.jsonl", {"id": "d", "text": TEXT}, {"id": "d", "text": "别的" + TEXT})],
         2, "duplicate article id", check=_ids_include("d")),
    Case("one-line article with a clutter word", _write("clutter.txt", ("首页 > 新闻 " + TEXT.strip() + "版权所有").encode()), 0),
    Case("quote of spaces", _write("q.txt", "会议强调推进“ ”和“　”建设。".encode()), 0),
    Case("GBK", _encoded("gbk"), 0, "GB"),
    Case("GB18030", _encoded("gb18030", TEXT + "𠀀"), 0, "GB18030"),
    Case("Big5", _encoded("big5", opencc.OpenCC("s2t").convert(TEXT)), 0, "big5"),
    Case("UTF-16 with BOM", _encoded("utf-16"), 0, "UTF-16"),
    Case("UTF-16-LE without BOM", _encoded("utf-16-le"), 0, "utf_16"),
    Case("UTF-8 with BOM", _write("bom.txt", TEXT.encode("utf-8-sig")), 0),
    Case("undecodable bytes in the file name", _undecodable_name, 0),
]


def _article_ids(out: Path) -> set[str]:
    ident = ox.NamedNode("http://purl.org/dc/terms/identifier")
    return {q.object.value for q in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE) if q.predicate == ident}


def _parses(out: Path) -> None:
    for f in sorted(out.glob("graph.*")):
        fmt = ox.RdfFormat.from_extension(f.suffix.lstrip("."))
        if fmt is not None:
            assert list(ox.parse(path=str(f), format=fmt)), f


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_beside_a_good_article(case: Case, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = inputs / "good.txt"
    good.write_text("2022年3月1日\n" + "\n" + "市总工会召开主席办公会，学习贯彻市委全会精神，大兴“五种风气”。\n", encoding="utf-8")
    bad = case.make(inputs)
    out = tmp_path / "out"
    signal.alarm(30)  # a FIFO or a device must be refused at once, never block the build
    try:
        res = CliRunner().invoke(cli, ["build", *map(str, bad), str(good), "-o", str(out), "--formats", RDF_FORMATS])
    finally:
        signal.alarm(0)
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exc_info
    assert "Traceback" not in res.output
    assert res.exit_code == case.exit, res.stderr
    if case.exit == 2:
        assert any(os.fsdecode(p).split("/")[-1][:3] in res.stderr for p in bad), res.stderr
    assert case.says.lower() in res.stderr.lower(), res.stderr
    ids = _article_ids(out)
    assert "good" in ids
    _parses(out)
    if case.check is not None:
        case.check(inputs, ids)


def test_text_ending_in_slash_is_text() -> None:
    import kg

    result = kg.build(["中央政治局会议强调，做到“两个维护”/"])
    assert not result.problems and len(result.results) == 1
    assert any(e.label == "两个维护" for e in result.results[0].entities.values())


def test_article_iri_of_a_sanitised_id_is_stable() -> None:
    from kg.ingest import text_article

    a = text_article(TEXT, id="x\ud800y\x01")
    assert a.id == "x y" and article_iri(a.id).endswith("x%20y")
    a.id.encode("utf-8")  # writable


def test_record_identity_survives_a_rename(tmp_path: Path) -> None:
    from kg.ingest import read_inputs

    rec = {"url": "http://example.org/news/1", "text": TEXT}
    first = [a.id for a in read_inputs([_jsonl(tmp_path / "before.jsonl", rec)])]
    second = [a.id for a in read_inputs([_jsonl(tmp_path / "after.jsonl", rec)])]
    assert first == second and first[0].startswith("url-")


def test_run_report_accounts_for_every_input(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    _jsonl(tmp_path / "news.jsonl", {"id": "a", "text": TEXT, "date": "20221399"}, "{broken", {"id": "a", "text": TEXT})
    (tmp_path / "gbk.txt").write_bytes(TEXT.encode("gbk") * 3)
    report = tmp_path / "report.json"
    res = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "out"), "--formats", "nq", "--report", str(report)])
    assert res.exit_code == 2, res.output
    got = json.loads(report.read_text(encoding="utf-8"))
    assert got["exit_status"] == 2 and got["output"]["written"]
    assert sorted(a["id"] for a in got["articles"]) == ["a", "gbk", "good"]
    assert got["counts"] == {"articles_built": 3, "inputs_skipped": 3, "warnings": 1, "notes": 1,
                             "by_kind": {"date": 1, "duplicate": 1, "empty": 1, "encoding-detected": 1, "malformed-json": 1}}
    assert {(Path(p["source"]).name, p["line"], p["kind"]) for p in got["problems"]} >= {
        ("empty.txt", None, "empty"), ("news.jsonl", 2, "malformed-json"), ("news.jsonl", 3, "duplicate")}


def test_run_report_when_nothing_is_built(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    report = tmp_path / "report.json"
    res = CliRunner().invoke(cli, ["build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"), "--report", str(report)])
    assert res.exit_code == 1
    got = json.loads(report.read_text(encoding="utf-8"))
    assert got["exit_status"] == 1 and not got["output"]["written"] and got["counts"]["inputs_skipped"] == 1
