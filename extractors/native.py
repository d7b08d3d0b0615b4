"""An optional compiled build (mypyc) of the name component, used only while it matches the package's source.

Why: the name component (``extractors.ner``) is the largest part of the extraction time and is
plain typed Python: a dict probe, a tuple and a branch per token. mypyc (part of mypy) compiles
such a module to a C extension with the same behaviour; on 2,000 新闻联播 items it runs ner in
0.48 of jieba.lcut's time instead of 0.63–0.65 (its own Python time ×1.44, its jieba-rs
segmentation unchanged). The other components are mostly regular-expression and Aho-Corasick
scans already in C: compiled they gain ~1.1× and are left as they are.

The pure Python module stays the reference and the fallback:

* the build never writes beside the sources: it compiles a copy of the package in a temporary
  folder and keeps the extension in ``extractors/_native/`` with a ``MANIFEST`` holding
  :func:`source_key`, a hash of every ``extractors/*.py`` file and the interpreter's tag;
* ``extractors/__init__`` puts that folder first on the package's path only when the manifest
  equals the key of the source as it is now, so an edited module (anywhere in the package: the
  compiled code relies on its neighbours' types) is never shadowed by a stale build: it runs as
  Python until the build is made again;
* ``KG_NATIVE=0`` turns it off; ``tests/test_native.py`` compares the compiled and the pure
  component's output (CI builds it first: ``.ci/run``).

Build (needs mypy, in the ``[test]`` extra, setuptools and a C compiler; about a minute)::

    .venv/bin/python -m extractors.native_build      # or: ... status, ... clean
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

#: the modules compiled (``extractors.NAME``)
MODULES = ("ner",)
_FORMAT = b"kg-native-1"
PACKAGE = Path(__file__).resolve().parent


def folder() -> Path:
    """Where the compiled build is kept (inside the package, ignored by git)."""
    return PACKAGE / "_native"


def source_key(package: Path = PACKAGE) -> str:
    """A hash of the interpreter's tag and every ``*.py`` file of ``package`` (name and bytes, by name)."""
    h = hashlib.sha256(_FORMAT + b"\0" + sys.implementation.cache_tag.encode() + b"\0" + ",".join(MODULES).encode())
    for path in sorted(package.glob("*.py")):
        data = path.read_bytes()
        h.update(path.name.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def manifest(where: Path) -> str:
    """The key a build in ``where`` was made for ("" when there is none)."""
    try:
        return (where / "MANIFEST").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def usable(where: Path | None = None, package: Path = PACKAGE) -> bool:
    """True when a build is in ``where`` and it was made from the package's current source."""
    where = folder() if where is None else where
    made_for = manifest(where)
    return bool(made_for) and made_for == source_key(package)


def enable(path: list[str]) -> bool:
    """Put a current build first on ``path`` (the package's ``__path__``); False when off, absent or stale."""
    if os.environ.get("KG_NATIVE", "").lower() in ("0", "off", "no", "false"):
        return False
    try:
        if not usable():
            return False
    except OSError:
        return False
    path.insert(0, str(folder()))
    return True


def active() -> bool:
    """True when the name component in this process is the compiled one."""
    import extractors.ner as ner

    return Path(ner.__file__ or "").suffix not in (".py", ".pyc")
