"""Deterministic IRIs: derived from class and canonical label only (SCHEMA.md §1).

Chinese characters stay readable (IRIs allow them in Turtle, N-Triples, RDF/XML and
JSON-LD); every character an IRI may not hold, or that some parser dislikes in a path
segment, is percent-encoded as UTF-8, so the same label always yields the same IRI.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

BASE = "https://w3id.org/policy-slogan-kg/id/"

_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")


@lru_cache(maxsize=1 << 16)  # pure; a build asks for each article's and entity's segment once per mention
def _segment(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _SAFE_ASCII or (ord(ch) > 0x7F and (ch.isalnum() or unicodedata.category(ch) in ("Lo", "Nl"))):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out)


def entity_iri(type_: str, label: str) -> str:
    """IRI of an extracted resource of class ``type_`` with canonical ``label``."""
    return f"{BASE}{type_}/{_segment(label)}"


def article_iri(article_id: str) -> str:
    """IRI of an input article."""
    return f"{BASE}Article/{_segment(article_id)}"
