"""A payload behind a magic string and its SHA-256: how every cache entry of ours tells a good one from a bad one.

Why one place: the start-up snapshots (:mod:`extractors.dictcache`), the extraction cache's entries
(:mod:`kg.cache`), the block cache's packs (:mod:`kg.blockcache`) and the kept store's digests
(:mod:`kg.storecache`) are all ``magic + sha256(payload) + payload``, and all treat an entry that is
short, foreign (another magic) or torn (the digest fails) as absent: it is made again, never trusted.
Here in ``extractors`` because ``extractors`` imports nothing of ``kg`` and ``kg`` uses it too.
"""
from __future__ import annotations

import hashlib
from typing import Any, Callable

#: Bytes of the SHA-256 digest written after the magic.
DIGEST = hashlib.sha256().digest_size


def seal(payload: bytes, magic: bytes) -> bytes:
    """``payload`` behind ``magic`` and its SHA-256, for :func:`unseal`."""
    return magic + hashlib.sha256(payload).digest() + payload


def unseal(raw: bytes, magic: bytes) -> bytes | None:
    """The payload :func:`seal` wrapped in ``raw``, or None when ``raw`` is short, foreign or torn."""
    head = len(magic) + DIGEST
    if len(raw) < head or not raw.startswith(magic):
        return None
    payload = raw[head:]
    return payload if hashlib.sha256(payload).digest() == raw[len(magic):head] else None


def opened(raw: bytes, magic: bytes, loads: Callable[[bytes], Any]) -> Any:
    """``loads`` of the payload :func:`seal` wrapped in ``raw``, or None when there is none or ``loads`` fails
    on it (written by another version of the classes or of the format: made again)."""
    payload = unseal(raw, magic)
    if payload is None:
        return None
    try:
        return loads(payload)
    except Exception:
        return None
