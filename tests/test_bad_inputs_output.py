"""The output folder under fault: unwritable, under a file, full, interrupted, killed, written twice at once.

Real ``kg build`` processes; after every fault the folder holds exactly the previous build or
exactly the new one (compared byte for byte), and the next run cleans what a killed one left.
"""
from __future__ import annotations

import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kgtest import SAMPLES

GOOD = "市总工会召开主席办公会，学习贯彻市委全会精神，大兴“五种风气”。\n"
KG = [sys.executable, "-m", "kg.cli", "build"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; the pyoxigraph store (RocksDB files, not byte-deterministic) only by its presence."""
    snap = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "graph.oxigraph" not in p.relative_to(folder).parts}
    if (folder / "graph.oxigraph").is_dir():
        snap["graph.oxigraph/"] = b""
    return snap


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.kg-")) + \
        sorted(p.name for p in out.iterdir() if p.name.startswith("."))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """An old build (one article) and the new one (samples/ and a longer text), and their inputs."""
    d = tmp_path_factory.mktemp("faults")
    (d / "old.txt").write_text(GOOD, encoding="utf-8")
    new_in = d / "new"
    new_in.mkdir()
    for p in SAMPLES.glob("*.txt"):
        (new_in / p.name).write_text(p.read_text(encoding="utf-8") * 2, encoding="utf-8")
    ref_old, ref_new = d / "ref-old", d / "ref-new"
    for src, ref in ((d / "old.txt", ref_old), (new_in, ref_new)):
        _build_here(src, ref)
    return d, new_in, _snapshot(ref_old), _snapshot(ref_new)


def _build_here(src: Path, out: Path) -> None:
    """A build in this process (jieba is loaded once); the faults below need their own processes."""
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--formats", "ttl,nq,store"])
    assert res.exit_code == 0, res.output


def _fresh_old(builds, tmp_path: Path) -> Path:
    d, _, old, _ = builds
    out = tmp_path / "out"
    _build_here(d / "old.txt", out)
    assert _snapshot(out) == old
    return out


def test_output_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "file").write_text("x")
    for out in (tmp_path / "file" / "out", tmp_path / "file"):
        res = CliRunner().invoke(cli, ["build", str(tmp_path / "good.txt"), "-o", str(out), "--formats", "ttl,nq,store"])
        assert res.exit_code in (1, 2) and isinstance(res.exception, SystemExit), res.exc_info
        assert "Traceback" not in res.output and str(out.name) in res.stderr, res.stderr


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", str(tmp_path / "good.txt"), "-o", "/proc/kg-cannot-write-here", "--formats", "ttl,nq,store"])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.exc_info
    assert "cannot write /proc/kg-cannot-write-here" in res.stderr


def test_file_size_limit_keeps_the_previous_build(builds, tmp_path: Path) -> None:
    d, new_in, old, _ = builds
    out = _fresh_old(builds, tmp_path)

    def limit() -> None:  # RLIMIT_FSIZE: a full disk for this process only (Python ignores SIGXFSZ: write fails EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    run = subprocess.run([*KG, str(new_in), "-o", str(out), "--formats", "ttl,nq,store"], capture_output=True, text=True, preexec_fn=limit)
    assert run.returncode == 1, run.stderr
    assert "file too large" in run.stderr and "previous build is intact" in run.stderr and "Traceback" not in run.stderr
    assert _snapshot(out) == old and _leftovers(out) == []


def _interrupt(builds, tmp_path: Path, sig: int, phase: str) -> tuple[Path, subprocess.Popen]:
    d, new_in, _, _ = builds
    out = _fresh_old(builds, tmp_path)
    proc = subprocess.Popen([*KG, str(new_in), "-o", str(out), "--formats", "ttl,nq,store"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stage = out.parent / f".{out.name}.kg-staging-{proc.pid}"
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if phase == "early" and time.monotonic() > deadline - 119.6:
            # starting, reading or extracting: this build needs ~0.85 s CPU (dictionaries, imports) before its
            # first file, so 0.4 s of wall clock is before its end on any machine; at 1 s a quiet machine had
            # finished it (0.9-1.2 s wall), and the kill found nothing to kill
            break
        if phase == "lock" and (out.parent / f".{out.name}.kg-lock").exists():
            break  # the lock is taken once the articles are extracted, before anything is written
        if phase == "write" and stage.exists() and any(stage.iterdir()):
            break
        time.sleep(0.002)
    if proc.poll() is None:
        proc.send_signal(sig)
    proc.communicate(timeout=60)
    return out, proc


@pytest.mark.parametrize(("sig", "phase"), [(signal.SIGKILL, "early"), (signal.SIGKILL, "write"),
                                          (signal.SIGINT, "write")], ids=["SIGKILL-early", "SIGKILL-write", "SIGINT-write"])
def test_interrupted_build_leaves_a_whole_build(builds, tmp_path: Path, sig: int, phase: str) -> None:
    d, new_in, old, new = builds
    out, proc = _interrupt(builds, tmp_path, sig, phase)
    now = _snapshot(out)
    assert now == old or now == new, sorted(now)
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL  # killed before it finished: the test is not vacuous
        if phase == "write":
            assert _leftovers(out), "a killed build leaves its staging folder (cleaned by the next run)"
    if sig == signal.SIGINT and proc.returncode not in (0,):
        assert proc.returncode in (1, 130, -signal.SIGINT), proc.returncode
        assert _leftovers(out) == []
    # the next run (holding the lock) removes a killed build's staging folder and builds whole
    _build_here(d / "old.txt", out)
    assert _snapshot(out) == old and _leftovers(out) == []


def _holds(lock: Path, pid: int) -> bool:
    try:
        return lock.read_text(encoding="ascii").strip() == str(pid)
    except OSError:
        return False


def test_second_build_into_the_same_folder_refuses(builds, tmp_path: Path) -> None:
    d, new_in, old, new = builds
    out = _fresh_old(builds, tmp_path)
    lock = out.parent / f".{out.name}.kg-lock"
    first = subprocess.Popen([*KG, str(new_in), "-o", str(out), "--formats", "ttl,nq,store"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        # the first holds the lock once its pid is in the file (written after the flock): a lock file
        # that merely exists may still be unlocked, and the second would then win the race
        while not _holds(lock, first.pid) and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        second = CliRunner().invoke(cli, ["build", str(d / "old.txt"), "-o", str(out), "--formats", "ttl,nq,store"])
    finally:
        first.communicate(timeout=120)
    assert first.returncode == 0
    if second.exit_code == 1:  # it met the first build's lock (it may also have come after it)
        assert "another kg build" in second.stderr and f"pid {first.pid}" in second.stderr
    else:
        assert second.exit_code == 0
    assert _snapshot(out) in (old, new)


def test_stale_temp_files_of_an_older_kg_are_removed(builds, tmp_path: Path) -> None:
    d, _, old, _ = builds
    out = _fresh_old(builds, tmp_path)
    (out / ".graph.ttl.123.tmp").write_bytes(b"x" * 1000)
    (out.parent / f".{out.name}.kg-staging-999999").mkdir()
    _build_here(d / "old.txt", out)
    assert _snapshot(out) == old and _leftovers(out) == []


def test_folder_with_the_users_files_is_updated_in_place(builds, tmp_path: Path) -> None:
    d, _, old, _ = builds
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.md").write_text("mine")
    (out / "graph.stale").write_text("from an earlier build")
    _build_here(d / "old.txt", out)
    assert _snapshot(out) == {**old, "notes.md": b"mine"}


def test_only_the_folder_itself_writable(builds, tmp_path: Path, monkeypatch) -> None:
    """A read-only parent (a container's root, a mounted volume): lock and stage inside OUT."""
    import errno

    from kg import builddir

    d, _, old, _ = builds
    out = tmp_path / "out"
    out.mkdir()
    real_lock = builddir._lock

    def refuse_beside(folder: Path, lock: Path) -> int:
        if lock.parent == folder.parent:
            raise PermissionError(errno.EACCES, "Permission denied", str(lock))
        return real_lock(folder, lock)

    monkeypatch.setattr(builddir, "_lock", refuse_beside)
    _build_here(d / "old.txt", out)
    _build_here(d / "old.txt", out)
    assert _snapshot(out) == old and _leftovers(out) == []
