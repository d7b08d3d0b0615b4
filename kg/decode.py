"""Bytes of an input file → text: UTF-8 first, else a detected Chinese encoding, else a clear refusal.

Chinese government pages are often saved as GBK/GB18030, Big5 or UTF-16. UTF-8 is tried
strictly first (it almost never decodes other encodings by accident); a BOM decides UTF-16/32;
otherwise charset-normalizer guesses, and its guess is taken only when its "chaos" (the share
of the decoded text that looks like mojibake) is at most :data:`MAX_CHAOS`. The decision is
reported, so a wrong guess is visible, and every offset refers to the decoded text.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

#: Largest charset-normalizer chaos (0..1) at which a detected encoding is trusted.
MAX_CHAOS = 0.2

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """The text (None when refused), the encoding used, and a note or an error for the user."""

    text: str | None
    encoding: str = ""
    note: str = ""      # set when the file was not plain UTF-8: what was decided and how sure
    error: str = ""     # set when the file was refused
    offset: int | None = None  # byte offset of the first undecodable byte (refusals)


def _binary(text: str) -> bool:
    """Mostly control characters: a binary file that happens to decode."""
    sample = text[:4096]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    return bool(sample) and bad > len(sample) // 10


def decode(raw: bytes) -> Decoded:
    """Decode the bytes of a text file; see the module docstring for the rules."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError as e:
                return Decoded(None, error=f"starts with a {enc.upper()} byte-order mark but is not {enc.upper()} "
                                             f"(byte offset {e.start})", offset=e.start)
            note = "" if enc == "utf-8-sig" else f"read as {enc.upper()} (byte-order mark)"
            return _checked(text, enc, note)
    try:
        text = raw.decode("utf-8")
        if not (_binary(text) and "\x00" in text):  # NUL bytes in "UTF-8": perhaps UTF-16 without a mark
            return _checked(text, "utf-8", "")
        first_bad = text.index("\x00")
    except UnicodeDecodeError as e:
        first_bad = e.start
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    line = raw[:first_bad].count(b"\n") + 1
    where = f"byte offset {first_bad}, line {line}"
    if best is None:
        return Decoded(None, error=f"not UTF-8 ({where}) and no other text encoding fits: binary or damaged file",
                       offset=first_bad)
    enc = best.encoding
    if best.chaos > MAX_CHAOS:
        return Decoded(None, error=f"not UTF-8 ({where}); the best guess, {enc}, leaves {best.chaos:.0%} of the text "
                                   f"garbled (at most {MAX_CHAOS:.0%} accepted): convert it, e.g. iconv -f {enc} -t UTF-8",
                       offset=first_bad)
    text = str(best)
    lang = f", {best.language}" if best.language and best.language != "Unknown" else ""
    return _checked(text, enc, f"not UTF-8: read as {enc} (charset-normalizer, {best.chaos:.0%} garbled{lang}); "
                               f"offsets refer to the decoded text")


def _checked(text: str, encoding: str, note: str) -> Decoded:
    if _binary(text):
        return Decoded(None, encoding, error="binary file (mostly control characters)")
    return Decoded(text, encoding, note)
