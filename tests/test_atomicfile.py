"""One atomic writer (kg/atomicfile.py) for every file the package writes: never half a file.

A writer that raises part-way must leave the previous file exactly as it was (or no file) and
no temporary file; and no module of ``kg`` may grow its own temp-file-and-rename again.
"""
from __future__ import annotations

import ast
import gzip
import stat
from pathlib import Path

import networkx as nx
import pytest

from kg.atomicfile import atomic_open, atomic_path, atomic_write, replace_dir

ROOT = Path(__file__).resolve().parents[1]


def _broken():
    yield "first half, "
    yield b"bytes too, "
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize("existing", [True, False])
def test_atomic_write_that_fails_midway_leaves_old_file_or_nothing(tmp_path, existing):
    target = tmp_path / "out.txt"
    if existing:
        target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk on fire"):
        atomic_write(target, _broken())
    assert [p.name for p in tmp_path.iterdir()] == (["out.txt"] if existing else [])
    if existing:
        assert target.read_text(encoding="utf-8") == "old"


def test_atomic_open_and_path_that_fail_midway_leave_nothing(tmp_path):
    with pytest.raises(RuntimeError), atomic_open(tmp_path / "a.json") as fh:
        fh.write("{\"half\": ")
        raise RuntimeError("serialiser failed")
    with pytest.raises(RuntimeError), atomic_path(tmp_path / "b.bin") as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("library failed")
    with pytest.raises(RuntimeError), atomic_open(tmp_path / "c.bin", text=False) as fh:
        fh.write(b"half")
        raise RuntimeError("writer failed")
    assert list(tmp_path.iterdir()) == []


def test_content_shapes_mode_and_deterministic_gzip(tmp_path):
    a = atomic_write(tmp_path / "sub" / "a.txt", ["一", b"\xe4\xba\x8c", "\n"])
    assert a.read_bytes() == "一二\n".encode() and stat.S_IMODE(a.stat().st_mode) == 0o644
    assert atomic_write(tmp_path / "b.txt", "x").read_text() == "x"
    assert atomic_write(tmp_path / "c.bin", b"\x00\x01").read_bytes() == b"\x00\x01"
    with atomic_open(tmp_path / "d.txt", errors="backslashreplace") as fh:
        fh.write("a\nb\ud800")
    assert (tmp_path / "d.txt").read_bytes() == b"a\nb\\ud800"  # \n written as is, lone surrogate escaped
    private = atomic_write(tmp_path / "e.bin", b"k", mode=None, fsync=False)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    g1 = atomic_write(tmp_path / "f.gz", ["abc"] * 1000, compress=True).read_bytes()
    g2 = atomic_write(tmp_path / "g.gz", "abc" * 1000, compress=True).read_bytes()
    assert g1 == g2 and gzip.decompress(g1) == b"abc" * 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt", "c.bin", "d.txt", "e.bin", "f.gz", "g.gz", "sub"]


def test_unencodable_text_is_a_value_error_naming_the_file(tmp_path):
    with pytest.raises(ValueError, match=r"bad\.ttl.*not valid Unicode"):
        atomic_write(tmp_path / "bad.ttl", ["ok ", "\ud800"])
    assert list(tmp_path.iterdir()) == []


def _tiny_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("a", type="Organization", label="甲")
    g.add_node("b", type="Organization", label="乙")
    g.add_edge("a", "b", key="partOf")
    return g


def test_package_writers_that_fail_midway_leave_old_file(tmp_path, monkeypatch):
    """GraphML and the tables hand a path to a library; a library that dies part-way is covered too."""
    from kg.readwrite import graphml

    target = tmp_path / "graph.graphml"
    graphml.write_graphml(_tiny_graph(), target)
    before = target.read_bytes()

    def dies(graph, path, **kw):
        Path(path).write_bytes(b"<graphml half")
        raise OSError("no space left on device")

    monkeypatch.setattr(graphml.nx, "write_graphml", dies)
    with pytest.raises(OSError):
        graphml.write_graphml(_tiny_graph(), target)
    assert target.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]


#: Modules allowed to create temp files and rename: the writer itself, and the three that swap whole folders
#: (the build, its store, the store kept in the cache); and the start-up snapshots of ``extractors`` (a cache
#: outside any build, which may not import ``kg``: tests/test_import_direction.py), written to a temp file and
#: renamed in its one ``_write``; and the compiled build of ``extractors.native`` (a scratch folder, then its own
#: folder with the manifest renamed into place last).
_ALLOWED = {"kg/atomicfile.py", "kg/builddir.py", "extractors/dictcache.py", "extractors/native_build.py"}
_FORBIDDEN_CALLS = {"mkstemp", "NamedTemporaryFile", "replace", "rename", "write_text", "write_bytes"}


def test_replace_dir_swaps_a_folder_in_and_puts_the_old_one_back_when_it_cannot(tmp_path):
    target, aside = tmp_path / "store", tmp_path / ".store.old"
    new = tmp_path / "new"
    new.mkdir()
    (new / "f").write_text("new")
    replace_dir(new, target, aside)  # no target yet
    assert (target / "f").read_text() == "new" and not new.exists() and not aside.exists()
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "f").write_text("newer")
    replace_dir(newer, target, aside)
    assert (target / "f").read_text() == "newer" and not newer.exists() and not aside.exists()
    with pytest.raises(FileNotFoundError):  # the new folder is not there: the old one stays where it was
        replace_dir(tmp_path / "absent", target, aside)
    assert (target / "f").read_text() == "newer" and not aside.exists()


def test_no_module_writes_files_its_own_way():
    """``os.replace``/``Path.rename``/``mkstemp``/``write_text`` outside the writer: a second atomic writer is growing."""
    found = []
    for path in sorted((ROOT / "kg").rglob("*.py")) + sorted((ROOT / "extractors").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in _ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), rel)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            name = node.func.attr
            if name in _FORBIDDEN_CALLS - {"replace"} or (
                    name == "replace" and isinstance(node.func.value, ast.Name) and node.func.value.id == "os"):
                found.append(f"{rel}:{node.lineno}: .{name}(...)")
    assert not found, "write through kg.atomicfile instead:\n" + "\n".join(found)



def test_every_package_writer_goes_through_the_one_writer(tmp_path, monkeypatch):
    """With the final rename failing, no writer of the package leaves a new file or a temp file.

    A writer that bypassed kg.atomicfile would write its file regardless and fail here.
    """
    from rdf_fixtures import sample_graph

    from kg import report, runreport, tables
    from kg.readwrite import gexf, graphml, html, rdf

    graph = sample_graph()

    def refuse(tmp, path, mode):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr("kg.atomicfile._commit", refuse)
    writers = {
        "rdf": lambda d: rdf.write(graph, d, formats=("ttl", "nt")),
        "graphml": lambda d: graphml.write_graphml(graph, d / "graph.graphml"),
        "gexf": lambda d: gexf.write_gexf(graph, d / "graph.gexf"),
        "html": lambda d: html.write_html(graph, d / "graph.html"),
        "report": lambda d: report.write_report(graph, d / "report.html"),
        "runreport": lambda d: runreport.write_report(d / "run.json", {"exit_status": 0}),
        "tables": lambda d: tables.export_tables(graph, d, formats=("csv", "parquet")),
    }
    for name, write in writers.items():
        folder = tmp_path / name
        folder.mkdir()
        with pytest.raises(OSError, match="No space left"):
            write(folder)
        assert list(folder.iterdir()) == [], name
