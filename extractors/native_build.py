"""Build the compiled name component (``extractors.native``): ``python -m extractors.native_build [build|status|clean]``.

Apart from :mod:`extractors.native`, which every import of the package reads, so that running
this as a script does not import itself twice.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from extractors.native import MODULES, PACKAGE, manifest, active, folder, source_key, usable

_MYPY_INI = "[mypy]\nignore_missing_imports = True\nwarn_unused_ignores = False\n"


def build(where: Path | None = None) -> Path:
    """Compile :data:`MODULES` from a copy of the package and keep the extensions in ``where``."""
    where = folder() if where is None else where
    key = source_key()
    with tempfile.TemporaryDirectory(prefix="kg-native-") as tmp:
        work = Path(tmp)
        copy = work / "extractors"
        copy.mkdir()
        for path in PACKAGE.glob("*.py"):
            shutil.copy2(path, copy / path.name)
        (work / "mypy.ini").write_text(_MYPY_INI, encoding="ascii")
        cmd = [sys.executable, "-m", "mypyc", *(f"extractors/{m}.py" for m in MODULES)]
        run = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
        if run.returncode:  # the compiler's log only when it failed (it is a few hundred lines of gcc otherwise)
            sys.stderr.write(run.stdout + run.stderr)
            raise RuntimeError(f"mypyc failed ({run.returncode}): {' '.join(cmd)} in a copy of the package")
        made = sorted(copy.glob("*.so")) + sorted(copy.glob("*.pyd"))
        if not made or sorted(work.glob("*.so")):  # a shared library outside the package would not be found
            raise RuntimeError(f"mypyc made {[p.name for p in made]} and {[p.name for p in work.glob('*.so')]}")
        if where.exists():
            shutil.rmtree(where)
        where.mkdir(parents=True)
        for path in made:
            shutil.copy2(path, where / path.name)
        if source_key() != key:
            raise RuntimeError("the package's source changed during the build: build again")
        (where / ".MANIFEST.tmp").write_text(key + "\n", encoding="ascii")
        os.replace(where / ".MANIFEST.tmp", where / "MANIFEST")  # last: a half-made build is never used
    return where


def clean(where: Path | None = None) -> None:
    """Remove the compiled build."""
    where = folder() if where is None else where
    if where.exists():
        shutil.rmtree(where)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "build"
    if command == "build":
        print(f"built {build()}")
    elif command == "clean":
        clean()
    elif command != "status":
        print("usage: python -m extractors.native_build [build|status|clean]", file=sys.stderr)
        return 2
    state = "current" if usable() else ("stale (the source changed: build again)" if manifest(folder()) else "absent")
    print(f"compiled build of {', '.join(MODULES)} in {folder()}: {state}")
    if command == "status":
        print(f"in use in this process: {active()}" + (" (KG_NATIVE is off)" if os.environ.get("KG_NATIVE") else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
