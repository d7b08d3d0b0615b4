"""jieba and jieba-rs imported without the parts of their imports a build never uses.

Why: two of the costliest imports of a ``kg build`` (and of each ``--jobs`` worker) did work
that nothing here reads:

* ``import jieba`` imports ``pkg_resources`` (~0.25 s: it scans every installed distribution)
  only to open its own ``dict.txt`` through ``resource_stream``; jieba falls back to ``open``
  on the same file next to its module when ``pkg_resources`` cannot be imported, so it is
  hidden for the duration of that one import (the same bytes are read either way);
* ``import rjieba`` runs its package ``__init__``, which builds a module-level ``Jieba()`` over
  jieba-rs's own bundled dictionary (~0.1-0.2 s); :mod:`extractors.segment` makes its own
  instances (over the bundled dictionary only where that was checked to be jieba's, else empty
  ones given the tokenizer's words), so the compiled module is loaded by itself (and registered
  as ``rjieba.rjieba``, where ``import rjieba`` finds it later).

Both fall back to the plain import when anything is not as expected.
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any


def import_jieba() -> ModuleType:
    """The ``jieba`` module, imported (the first time) without importing ``pkg_resources``."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes "import pkg_resources" raise ImportError
        try:
            import jieba  # noqa: F401
        finally:
            del sys.modules["pkg_resources"]
    import jieba

    return jieba


def rjieba_class() -> Any:
    """jieba-rs's ``Jieba`` class, without the default instance ``rjieba/__init__.py`` builds."""
    loaded = sys.modules.get("rjieba.rjieba")
    if loaded is None and "rjieba" not in sys.modules:
        loaded = _load_extension()
    if loaded is None:
        import rjieba

        return rjieba.Jieba
    return loaded.Jieba


def rjieba_extension_sha256() -> str | None:
    """The SHA-256 (hex) of the loaded jieba-rs extension file (``rjieba.rjieba``), None when it cannot be read.

    Why: the dictionary jieba-rs bundles is compiled into that file, so its digest names the dictionary
    (``extractors.segment`` starts from it only for files whose dictionary was checked to be jieba's)."""
    rjieba_class()
    module = sys.modules.get("rjieba.rjieba")
    path = getattr(module, "__file__", None)
    if not path:
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _load_extension() -> ModuleType | None:
    spec = importlib.util.find_spec("rjieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = folder / f"rjieba{suffix}"
        if path.is_file():
            break
    else:
        return None
    loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(path))
    ext = importlib.util.spec_from_file_location("rjieba.rjieba", path, loader=loader)
    if ext is None:
        return None
    module = importlib.util.module_from_spec(ext)
    loader.exec_module(module)
    sys.modules["rjieba.rjieba"] = module
    return module
