"""Shared test setup: where the project's samples and the ``../shared`` folder are.

``../shared`` (the corpus, gold and reference scorer beside the repository) is
not part of the project: tests that read it request the ``shared`` fixture (or
call :func:`kgtest.need_shared`) and are skipped with a clear reason where it is
absent, e.g. on a user's machine or in a bare CI checkout. They are also marked
``shared`` so ``pytest -m "not shared"`` deselects them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kgtest import SAMPLES, need_shared


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "shared" in getattr(item, "fixturenames", ()) or "corpus" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared)


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` beside the repository; skips the test where it is absent."""
    return need_shared()


@pytest.fixture(scope="session")
def corpus(shared: Path) -> Path:
    """``../shared/corpus``."""
    path = shared / "corpus"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the shared corpus is needed for this test")
    return path


@pytest.fixture(scope="session")
def samples() -> Path:
    """The project's own sample articles (always present)."""
    assert SAMPLES.is_dir(), f"{SAMPLES} is missing"
    return SAMPLES
