"""Places: administrative divisions (from the gazetteer), towns, and named regions."""
from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from itertools import accumulate

from extractors import gazetteer
from extractors.base import Doc
from extractors.lexicon import Lexicons, Scanner, cut, split_multi, word_tag
from extractors.model import Mention
from extractors.prefilter import finditer_at, starts_before

_HAN = re.compile(r"[\u4e00-\u9fff]")
_ADMIN_SUFFIX = "省市县区州旗盟"
_LEVEL_ORDER = {"province": 0, "city": 1, "county": 2}
_SHORT_QUOTE = re.compile(r"“[^“”\n]{2,10}”")  # a quoted formulation: the words in it are no place names
# Towns and sub-districts are not in the adcode table: 八所镇, 欧阳路街道 (the latter is an org too).


def _town(lex: Lexicons) -> re.Pattern[str]:
    return lex.ruleset("place").regex("town", r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3}(?:镇|乡))(?={town_followers}|[，。、])")


@cache
def _scanner(lex: Lexicons) -> Scanner:
    items = []
    for d in gazetteer.divisions(lex):
        items.append((d.name, ("div", d.name, True)))
        if d.short != d.name:
            items.append((d.short, ("div", d.name, False)))
    for row in gazetteer.extra_places(lex):
        for s in (row["label"], *split_multi(row["aliases"])):
            items.append((s, ("extra", row["label"], s == row["label"])))
    return Scanner(items)


@cache
def _extra_rows(lex: Lexicons) -> dict[str, dict[str, str]]:
    """The first ``places_extra.tsv`` row of each label."""
    rows: dict[str, dict[str, str]] = {}
    for r in gazetteer.extra_places(lex):
        rows.setdefault(r["label"], r)
    return rows


def _extra(label: str, lex: Lexicons) -> dict[str, str]:
    return _extra_rows(lex)[label]


@lru_cache(maxsize=1 << 14)  # a pure function of the window; a name and its surroundings recur
def _bounds(window: str, lex: Lexicons) -> frozenset[int]:
    """The token boundaries of jieba's segmentation of ``window`` (offsets in it, 0 and its length included)."""
    return frozenset(accumulate(map(len, cut(window, lex)), initial=0))


def _splits_a_word(text: str, start: int, end: int, lex: Lexicons) -> bool:
    """True when jieba's segmentation of the surroundings puts a word boundary inside [start, end)
    while a word also crosses start or end (重大|理论 around 大理): the name is not read there."""
    lo, hi = max(0, start - 3), min(len(text), end + 3)
    bounds = _bounds(text[lo:hi], lex)
    return start - lo not in bounds and end - lo not in bounds


def _joined_by_function_word(text: str, start: int, end: int, lex: Lexicons) -> bool:
    """A two-character name (和县) whose first character jieba reads as a conjunction or preposition of its own
    while its 县 opens the next word (和|县委, 和|县委书记): the text says "and the county committee", no place
    (place.division.function_word). Written alone (和县召开…, 安徽省和县), jieba keeps the name one word."""
    if end - start != 2 or word_tag(text[start]) not in ("c", "p"):
        return False
    lo, hi = max(0, start - 3), min(len(text), end + 3)
    bounds = _bounds(text[lo:hi], lex)
    return start + 1 - lo in bounds and end - lo not in bounds


def _shifted(text: str, hits: list[tuple[int, int, str, tuple]], lex: Lexicons) -> list[tuple[int, int, str, tuple]]:
    """A short name that takes the first character of a place written right after it yields to that place when
    the article does not write its own full name while it writes the other's, or the other is a province or a
    prefecture (place.division.shifted): 建设新泰州 is 新 + 泰州, not 新泰 (新泰市) + 州; 新河北 is 新 + 河北,
    not 新河 (新河县) + 北. The leftmost-longest scan would take the first name it meets."""
    index = gazetteer.by_name(lex)
    out: list[tuple[int, int, str, tuple]] = []
    for h in hits:
        start, end, surface, values = h
        if out and start < out[-1][1]:
            continue  # covered by a shifted name
        if not _is_full(h) and not any(v[1] in text for v in values):
            for k in (4, 3, 2):
                other = text[start + 1:start + 1 + k]
                if start + 1 + k < end or other not in index:
                    continue
                divs = index[other]
                if any(d.name in text or d.level in ("province", "city") for d in divs if d.name != other or d.short == other):
                    h = (start + 1, start + 1 + k, other, tuple(("div", d.name, d.name == other) for d in divs))
                    break
        out.append(h)
    return out


def _is_full(hit: tuple[int, int, str, tuple]) -> bool:
    return any(v[2] for v in hit[3])


def _hits(text: str, lex: Lexicons) -> list[tuple[int, int, str, tuple]]:
    """Leftmost-longest hits of the gazetteer, a full name winning over a short name that overlaps it
    (place.division.full_first): in 制定安吉县 the short 定安 (定安县) must not hide 安吉县 and leave 吉县
    (a county of its own) to be read inside it. Full names among themselves stay leftmost-longest."""
    scanner = _scanner(lex)
    hits = _shifted(text, scanner.longest(text), lex)
    if all(_is_full(h) for h in hits):
        return hits  # no short name that could hide a full one
    fulls: list[tuple[int, int, str, tuple]] = []
    for h in sorted((h for h in scanner.iter(text) if _is_full(h)), key=lambda h: (h[0], h[0] - h[1])):
        if not fulls or h[0] >= fulls[-1][1]:
            fulls.append(h)
    if [h for h in hits if _is_full(h)] == fulls:
        return hits
    shorts = [h for h in hits if not _is_full(h) and not any(f[0] < h[1] and h[0] < f[1] for f in fulls)]
    return sorted(fulls + shorts, key=lambda h: h[0])


class PlaceExtractor:
    """Finds named places; short county names only where the article shows they are places."""

    name = "place"
    requires: tuple[str, ...] = ("Theory",)
    assigns: tuple[str, ...] = ("Place",)

    def __call__(self, doc: Doc) -> None:
        text, lex = doc.text, doc.lex
        hits = _hits(text, lex)
        full_names = {surface for _, _, surface, values in hits if any(v[2] for v in values)}
        # a short name written once with its suffix (秀山自治县, 阜城县) is a place everywhere in the article
        for _, end, _, values in hits:
            if text[end:end + 1] in _ADMIN_SUFFIX or text.startswith("自治", end):
                full_names |= {v[1] for v in values}
        quotes = [(q.start(), q.end()) for q in _SHORT_QUOTE.finditer(text)]

        def in_quote(start: int, end: int) -> bool:
            return any(qs < start and end < qe - 1 or qs < start - 1 and end < qe for qs, qe in quotes)
        outside = {values[0][1] for start, end, _, values in hits if not in_quote(start, end)}
        for start, end, surface, values in hits:
            if doc.blocked("place", "Place", start, end):
                continue
            if values[0][1] not in outside and in_quote(start, end):
                continue  # “产业兴县”: a formulation's word, not the place 兴县 (“创新镇江” is 镇江 when named elsewhere)
            kind, full, is_full = values[0]
            nxt = text[end:end + 1]
            if kind == "extra":
                row = _extra(full, lex)
                if any(text.startswith(nb, end) for nb in split_multi(row.get("not_before", ""))):
                    continue
                if _splits_a_word(text, start, end, lex):
                    continue  # 发展中国家, 其中国王: jieba reads 发展中/国家, 其中/国王
                doc.add(Mention("Place", row["label"], start, end, surface,
                                aliases=split_multi(row["aliases"]),
                                attrs={"level": row.get("kind", ""), "label_en": row.get("label_en", "")}, rule="place.extra"))
                continue
            if is_full and _joined_by_function_word(text, start, end, lex):
                continue  # 总要求和县委…: 和 joins two things and 县委 is the next word, not the county 和县
            cands = [d for v in values if (d := gazetteer.lookup(v[1], lex)) is not None]
            div = sorted(cands, key=lambda d: (_LEVEL_ORDER[d.level], d.adcode))[0]
            if not is_full:
                # a bare short name: trust it for provinces/cities unless it is an ordinary word
                if surface in gazetteer.ambiguous_short_names(lex) and nxt not in _ADMIN_SUFFIX and div.name not in full_names:
                    continue
                if div.level == "county" and nxt not in _ADMIN_SUFFIX and div.name not in full_names and not text.startswith("自治", end):
                    continue
                if start > 0 and div.name not in full_names and _HAN.match(text[start - 1]) and text[start - 1] not in "新在到赴与和及至从省市县区的是了为美大强":
                    # 徐州 inside 新徐州 is fine; inside an unrelated word (e.g. 来宾馆) it is not
                    if div.level == "county":
                        continue
                if div.name not in full_names and _splits_a_word(text, start, end, lex):
                    continue  # 大理 in 重大理论: jieba reads 重大/理论
            doc.add(Mention("Place", div.short, start, end, surface,
                            aliases=tuple(sorted({div.name} - {div.short})),
                            attrs={"level": div.level, "adcode": div.adcode, "parent": div.parent}, rule="place.division"))
        # (the name, two or three characters, is followed by its 镇 or 乡)
        for m in finditer_at(_town(lex), text, starts_before(text, ("镇", "乡"), (2, 3))):
            if not doc.blocked("place.town", "Place", m.start(1), m.end(1)):
                doc.add(Mention("Place", m.group(1), m.start(1), m.end(1), m.group(1), attrs={"level": "town"}, rule="place.town"))


def _division_read(label: str, codes: Counter | None, lex: Lexicons) -> gazetteer.Division | None:
    """The division the article's mentions of ``label`` were read as, most often first (context.county.as_read):
    a short name two counties share (华容: 华容县 and 华容区) is the one written in full there, not the first of
    the table, so that its 县委 or 区委 takes the right level; without a reading, the gazetteer's best."""
    if codes:
        by_code = {d.adcode: d for d in gazetteer.by_name(lex).get(label, [])}
        for code, _ in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])):
            if code in by_code:
                return by_code[code]
    return gazetteer.lookup(label, lex)


class ContextExtractor:
    """Infers the article's province, prefecture and county from the places it names."""

    name = "context"
    requires: tuple[str, ...] = ("Place",)
    assigns: tuple[str, ...] = ("context",)

    def __call__(self, doc: Doc) -> None:
        counts: dict[str, Counter] = {"province": Counter(), "city": Counter(), "county": Counter(), "town": Counter()}
        first: dict[str, int] = {}
        codes: dict[str, Counter] = {}  # the divisions each label was read as (华容: 华容县 in Hunan, 华容区 in Hubei)
        for m in doc.of_type("Place"):
            level = m.attrs.get("level", "")
            if level in counts:
                counts[level][m.label] += 1
                first.setdefault(m.label, m.start)
                if m.attrs.get("adcode"):
                    codes.setdefault(m.label, Counter())[m.attrs["adcode"]] += 1
        ctx, lex = doc.context, doc.lex

        def best(level: str) -> str:
            if not counts[level]:
                return ""
            return sorted(counts[level].items(), key=lambda kv: (-kv[1], first[kv[0]]))[0][0]

        ctx.county = best("county")
        ctx.city = best("city")
        ctx.province = best("province")
        ctx.town = best("town")
        if ctx.county:
            div = _division_read(ctx.county, codes.get(ctx.county), lex)
            if div:
                ctx.county_suffix = div.name[len(div.short):][-1:] or "县"
                parent = gazetteer.lookup(gazetteer.short_name(div.parent, lex), lex) if div.parent else None
                if parent and parent.level == "city" and not ctx.city:
                    ctx.city = parent.short
                if parent and parent.level == "province" and not ctx.province:
                    ctx.province = parent.short
        if ctx.city and not ctx.province:
            div = gazetteer.lookup(ctx.city, lex)
            if div and div.parent:
                ctx.province = gazetteer.short_name(div.parent, lex)
        if ctx.province in lex.ruleset("place").words("municipalities") and not ctx.city:
            ctx.city = ctx.province
