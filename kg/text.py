"""Text normalisation that never loses the way back to the original offsets.

Real pages come in Traditional script, with pinyin glosses after characters
(傳達(dá)), ASCII commas, doubled punctuation and site clutter (menus, bylines of
the CMS, read counters, ICP numbers). Extraction runs on a normalised copy; each
normalised character remembers the index of the original character it came from,
so every mention can be reported on the text the user gave us.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.prefilter import finditer_at, starts_before
from kg.wordlists import alternation

# One character for another (no replacement is itself replaced, so the order does not matter). Applied
# as one ``str.replace`` per character the text holds: ``str.translate`` with a table looks every
# character of a non-ASCII text up in a dict (15 times slower on news, which holds almost none of these).
_PUNCT = (
    (",", "，"), (";", "；"), (":", "："), ("!", "！"), ("?", "？"), ("(", "（"), (")", "）"),
    ("\u3000", " "), ("\u00a0", " "), ("\t", " "), ("\r", "\n"),
    ("「", "“"), ("」", "”"), ("『", "‘"), ("』", "’"), ("﹃", "“"), ("﹄", "”"),
    ("〔", "（"), ("〕", "）"), ("［", "["), ("］", "]"),
)


def _fold_punct(text: str) -> str:
    """Full-width punctuation and plain spaces for their variants (the character mapping ``_PUNCT``)."""
    for old, new in _PUNCT:
        if old in text:
            text = text.replace(old, new)
    return text

# Pinyin glosses after a Han character: 傳達(dá), 會(hui)(hui)
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])(?:[（(][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,8}[）)])+")
# a site's source line opening a paragraph (央视网消息（新闻联播）：): who distributed the text, not what
# it reports, so its names are no entities of the article (a wire dateline 新华社北京…电 names the agency: kept)
_DATELINE = re.compile(r"(?m)^[ 　]*[\u4e00-\u9fff]{2,8}消息(?:（[^）\n]{1,12}）)?：")
# Stray punctuation: ",，" ",、" "，。" -> keep the last (stronger) one
_STRAY = re.compile(r"[，,](?=[，,、。；！？])")

# A whole line is site clutter when it matches one of these (menus, CMS metadata, footers): kg/data/site_clutter.txt.
_CLUTTER = re.compile(r"^\s*" + alternation("site_clutter"), re.IGNORECASE)


@dataclass(frozen=True)
class NormText:
    """Normalised text plus, for each of its characters, the original index."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text back to the original."""
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else self.original_length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


def _delete(text: str, origin: list[int], pattern: re.Pattern[str],
            starts: list[int] | None = None) -> tuple[str, list[int]]:
    """``text`` and ``origin`` without the characters ``pattern`` matches (copied by slices, not per character).

    ``starts``: every position a match can open at, when the caller knows them (the scan tries only those)."""
    kept_text: list[str] = []
    kept_origin: list[int] = []
    pos = 0
    for m in pattern.finditer(text) if starts is None else finditer_at(pattern, text, starts):
        s, e = m.span()
        if e > s:
            kept_text.append(text[pos:s])
            kept_origin += origin[pos:s]
            pos = e
    if not pos:
        return text, origin
    kept_text.append(text[pos:])
    kept_origin += origin[pos:]
    return "".join(kept_text), kept_origin


_SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: loading its dictionaries costs time

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC, keeping length (needed for the offset map)."""
    if not text or text.isascii():
        return text
    text = _SURROGATE.sub("\ufffd", text)  # a lone surrogate (Article from Python) cannot reach OpenCC as UTF-8
    conv = _t2s()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    # phrase conversion changed the length somewhere: fall back to per-character
    return "".join(c2 if len(c2 := conv.convert(c)) == 1 else c for c in text)


# prose is never clutter, whatever word it holds: a long line, a sentence followed by more text, a clause and its end
CLUTTER_MAX = 120
_PROSE = re.compile(r"[。！？；][^”’」』）)\s]|，.*[。！？]\s*$")


def is_clutter(line: str) -> bool:
    """True for a line of site furniture rather than article prose.

    Menus, bylines and footers are short and are not sentences: a one-line article (or a 10 MB
    line) that mentions 版权所有 or starts with 首页 > is prose and stays.
    """
    body = line.strip()
    return len(body) <= CLUTTER_MAX and not _PROSE.search(body) and bool(_CLUTTER.match(line))


def normalize(text: str) -> NormText:
    """Normalise for extraction: Simplified script, full-width punctuation, no glosses or clutter."""
    origin = list(range(len(text)))
    # clutter lines are blanked (their newline kept so paragraphs stay apart)
    blank: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip() and is_clutter(body):
            blank.append((pos, pos + len(body)))
        pos += len(line)
    if blank:
        keep = [True] * len(text)
        for s, e in blank:
            for i in range(s, e):
                keep[i] = False
        origin = [i for i in origin if keep[i]]
        text = "".join(text[i] for i in origin)
    # a gloss opens with its bracket (the pattern's lookbehind is tried at every character otherwise)
    text, origin = _delete(text, origin, _PINYIN, starts_before(text, ("（", "("), (0,)))
    text = _fold_punct(to_simplified(text))
    text, origin = _delete(text, origin, _STRAY)
    text, origin = _delete(text, origin, _DATELINE)
    return NormText(text, tuple(origin), original_length=origin[-1] + 1 if origin else 0)


_SENT_END = re.compile(r"[^。！？\n]*(?:[。！？]+[”’」』）)]*|\n|$)")


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without surrounding white space (empty spans stay empty)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end): split after 。！？ (with closing quotes) and at line ends."""
    spans = (trim_span(text, m.start(), m.end()) for m in _SENT_END.finditer(text))
    return [(s, e) for s, e in spans if e > s]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: non-blank lines."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        s, e = trim_span(text, pos, pos + len(line))
        if e > s:
            spans.append((s, e))
        pos += len(line) + 1
    return spans
