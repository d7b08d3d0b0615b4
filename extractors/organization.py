"""Organisations by a small grammar of Chinese institutional names.

Three shapes cover the genre: a level or place followed by a unit (市总工会,
徐州市妇联, 县委办公室, 团市委), a national body from the lexicon (中共中央,
全国政协), and a name followed by an institutional suffix (徐州报业传媒集团,
欧阳路街道). Abbreviations are expanded with the article's place
(:class:`extractors.place.ContextExtractor`), so 市总工会 in a Xuzhou article
is labelled 徐州市总工会 with 市总工会 kept as an alias.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from extractors import gazetteer
from extractors.base import Context, Doc
from extractors.lexicon import Lexicons, Scanner, cut, inside_title, is_dictionary_word, split_multi, trim_lead, word_tag
from extractors.model import Mention
from extractors.prefilter import finditer, finditer_at, finditer_opening

LEVELS = "省市县区镇乡州地"
# a level character preceded by one of these is part of an ordinary word (城市, 全市, 超市)
_DENY_BEFORE = set("全本我该各城都超门股夜集街地社郊园景辖山牧矿片校分军战试新老灾禁营厂特湾港商菜跨外内两三多四五城省市县区乡镇每外")


@cache
def _units(lex: Lexicons) -> tuple[dict[str, str], ...]:
    """The units of org_units.tsv, longest first. A bureau or mass body is also written in its official full
    form (县医疗保障局 for 医保局, 县文化广电和旅游局 for 文广旅局: organization.levelled), which is
    the same unit: the ``full`` column of a row is a unit of its own where no row writes it."""
    rows = list(lex.read_tsv("org_units.tsv"))
    written = {r["unit"] for r in rows}
    for r in list(rows):
        if r["kind"] in ("bureau", "mass") and len(r["full"]) >= 4 and r["full"] not in written:
            written.add(r["full"])
            rows.append({**r, "unit": r["full"]})
    return tuple(sorted(rows, key=lambda r: -len(r["unit"])))


@cache
def _listable_units(lex: Lexicons) -> list[dict[str, str]]:
    """The units a 、 list after a levelled bureau or mass body may go on with (住建局, 妇联)."""
    return [r for r in _units(lex) if r["kind"] == "bureau" or r["kind"] == "mass"]


@cache
def _place_units(lex: Lexicons) -> dict[str, tuple[dict[str, str], ...]]:
    """The units that may follow a place name (岳阳 + 政协), by first character, longest first as in ``_units``:
    one dict look-up per place mention instead of a test of every unit."""
    out: dict[str, list[dict[str, str]]] = {}
    for r in _units(lex):
        if r["unit"] not in ("委", "党委", "党工委"):
            out.setdefault(r["unit"][:1], []).append(r)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _departments(lex: Lexicons) -> tuple[dict[str, str], ...]:
    return tuple(sorted(lex.read_tsv("party_departments.tsv"), key=lambda r: -len(r["short"])))


#: 第十九届中央委员会 named as the body (not its plenum: 第…次, 全体会议)
_CENTRAL_COMMITTEE = re.compile(r"(?:中国共产党)?第?[十二三四五六七八九]{1,3}届中央委员会(?!第|[一二三四五六七八九十]+次|全体)")


#: the prefixes a levelled name may open with before its level character, as ``_level_re`` writes them
_LEVEL_CPC, _LEVEL_TUAN = ("中共", "中国共产党"), ("共青团", "团")


#: after 委: no party committee when one of these follows (委员, 委托, 委屈, 委婉, 委任, 委派)
_PARTY_TAIL = "(?![员托屈婉任派])"


@cache
def _level_alternations(lex: Lexicons) -> tuple[str, str]:
    """The units (less 委) and the party departments after a level character, as regex alternations."""
    units = "|".join(re.escape(r["unit"]) for r in _units(lex) if r["unit"] != "委")
    depts = "|".join(re.escape(r["short"]) for r in _departments(lex))
    return units, depts


@cache
def _level_re(lex: Lexicons) -> re.Pattern[str]:
    units, depts = _level_alternations(lex)
    return re.compile(
        rf"(?P<cpc>{'|'.join(_LEVEL_CPC)})?(?P<tuan>{'|'.join(_LEVEL_TUAN)})?(?P<lvl>[{LEVELS}])(?:"
        rf"(?P<party>委)(?P<dept>{depts})?{_PARTY_TAIL}|(?P<unit>{units}))"
    )


@cache
def _level_tail_re(lex: Lexicons) -> re.Pattern[str]:
    """A level character that ``_level_re``'s rest follows (the same alternation, as a lookahead).

    It opens with a character class, which ``re`` searches for directly; ``_level_re`` opens with two
    optional groups and is tried at every character of the text."""
    units, depts = _level_alternations(lex)
    return re.compile(rf"[{LEVELS}](?=委(?:{depts})?{_PARTY_TAIL}|(?:{units}))")


#: how far before its level character a levelled name may open: every length of an optional cpc and tuan prefix
_LEVEL_LEADS = sorted({len(c) + len(t) for c in ("", *_LEVEL_CPC) for t in ("", *_LEVEL_TUAN)})


def _level_matches(text: str, lex: Lexicons) -> Iterator[re.Match[str]]:
    """``_level_re(lex).finditer(text)``, tried only where a match can open: a prefix's length before
    a level character that the pattern's rest follows (``prefilter.finditer_at``)."""
    starts = sorted({m.start() - k for m in _level_tail_re(lex).finditer(text) for k in _LEVEL_LEADS if m.start() >= k})
    return finditer_at(_level_re(lex), text, starts)


@cache
def _national(lex: Lexicons) -> Scanner:
    items = []
    for row in lex.read_tsv("org_national.tsv"):
        for s in (row["label"], *split_multi(row["aliases"])):
            items.append((s, row))
    return Scanner(items)


@cache
def _suffixes(lex: Lexicons) -> tuple[Scanner, dict[str, dict[str, str]]]:
    """The organisation suffixes (``org_suffixes.tsv``) and their rows, found by one Aho-Corasick scan.

    Its leftmost-longest hits are the matches of the alternation of the suffixes longest first (what this
    was: at the first position where one is written, the longest one written there), without ``re`` testing
    the alternation's first characters at every character of the text."""
    rows = {r["suffix"]: {**r, "not_before": r.get("not_before") or ""} for r in lex.read_tsv("org_suffixes.tsv")}
    return Scanner((s, s) for s in rows), rows


@cache
def _stop(lex: Lexicons) -> frozenset[str]:
    return frozenset(w for line in lex.read_list("org_stop.txt") for w in line.split())


_NAME_TAGS = ("n", "ns", "nt", "nz", "nr", "j", "vn", "an", "eng", "nrt", "nrfg", "b")


def _name_part(tok: str, lex: Lexicons) -> bool:
    """Can this token be part of an institution's name? Nouns and unknown words yes; verbs, pronouns, conjunctions no."""
    if tok[0] in "各该本这那每其此":
        return False
    tag = word_tag(tok)
    if not tag and len(tok) > 1 and tok[0] in lex.ruleset("ner").words("org_not_first_chars"):
        return False  # 愿同|世界银行, 称该|医院: a word jieba guessed that opens with a verb of wishing or saying
    if not tag and len(tok) > 1 and tok[-1] in lex.ruleset("organization").words("glued_function_chars")[0]:
        return False  # 陆浩对 (jieba's guess glues a name to the preposition after it): no part of a name
    return not tag or tag in _NAME_TAGS or (tag == "ng" and len(tok) > 1) or tok in _name_words(lex)


@cache
def _name_words(lex: Lexicons) -> frozenset[str]:
    return frozenset(w for line in lex.read_list("org_name_words.txt") for w in line.split())


def _tail_in_word(text: str, s_start: int, s_end: int, sent_s: int, sent_e: int, lex: Lexicons) -> bool:
    """organization.suffixed.tail_in_word: the suffix's last characters begin another jieba word (工作|协调小组 for
    作协, 部|分行|政 for 分行, 合作|协议): the suffix is read across a word boundary, no institution ends here."""
    begin, end = max(sent_s, s_start - 8), min(sent_e, s_end + 6)
    pos = begin
    for tok in cut(text[begin:end], lex):
        if s_start < pos < s_end < pos + len(tok):
            return True
        pos += len(tok)
        if pos >= s_end:
            return False
    return False


def _task_owner(doc: Doc, start: int, lex: Lexicons) -> Mention | None:
    """The national body right before a task's verbs that end the leftward walk of a working group's name
    (国务院 + 根治拖欠 + 农民工工资工作领导小组): at most four characters of verb or noun tokens between them,
    none a verb of holding or organising (召开, 组织: the body's act, not its group's task)."""
    owner = max((o for o in doc.touching("Organization", start - 5, start) if start - 4 <= o.end < start
                 and o.attrs.get("kind") == "national"), key=lambda o: o.end, default=None)
    if owner is None:
        return None
    gap = doc.text[owner.end:start]
    words = cut(gap, lex)
    if not re.fullmatch(r"[\u4e00-\u9fff]+", gap) or any(w in lex.ruleset("organization").words("subject_verbs") for w in words) \
            or not all(word_tag(w) in ("v", "vn", "n") for w in words) or not any(word_tag(w) == "v" for w in words):
        return None
    return owner


def _glued_guess(tok: str, lex: Lexicons) -> str | None:
    """For a word jieba guessed (not in its dictionary) that holds a function character (另据, 起以, 日到, 致英, 市以市):
    what follows the last such character, which may open a name ('' if nothing); None for any other token."""
    if len(tok) < 2 or word_tag(tok) or not re.fullmatch(r"[\u4e00-\u9fff]+", tok):
        return None
    chars = lex.ruleset("organization").words("glued_guess_chars")[0]
    cut_at = max((i for i, ch in enumerate(tok) if ch in chars), default=-1)
    return None if cut_at < 0 else tok[cut_at + 1:]


def _quoted_field(tokens: list[str], k: int, lex: Lexicons) -> list[str]:
    """The tokens of “…” ending at ``tokens[k]``, with the verb right before it (推进 “ 一带一路 ”), or alone after a
    function word or punctuation (由 “ 十四五 ” 规划编制…); [] when the quote holds no short term or a word of
    another kind stands before it (a quote is then the end of the walk)."""
    opening = next((i for i in range(k - 1, max(-1, k - 6), -1) if tokens[i] == "“"), -1)
    if opening < 0 or not 2 <= len("".join(tokens[opening + 1:k])) <= 8:
        return []
    before = tokens[opening - 1] if opening > 0 else ""
    first = tokens[opening - 2] if opening > 1 else ""
    if before and word_tag(before) in ("v", "vn") and (not first or not re.fullmatch(r"[\u4e00-\u9fff]+", first)):
        return tokens[opening - 1:k + 1]  # 、推进“一带一路”建设…: the verb opens the list item (not 他强调“三农”…)
    if not before or before in _stop(lex) or not re.fullmatch(r"[\u4e00-\u9fff]+", before):
        return tokens[opening:k + 1]
    return []


_PROPER_TAGS = ("ns", "nt", "nr", "nrt", "nrfg", "nz", "j", "eng")


def _joins_head(tok: str, before: str, name_tokens: list[str], lex: Lexicons) -> bool:
    """A 和 between two common nouns (宪法 和 法律) before the head: no proper name on either side (美国和欧盟委员会,
    中共中央办公厅和国务院办公厅 are two bodies), the word before it a name's word and no stop word."""
    if tok not in lex.ruleset("organization").words("joined_head_conjunctions"):
        return False
    if before in _stop(lex) or not re.fullmatch(r"[\u4e00-\u9fff]+", before) or not _name_part(before, lex):
        return False
    if len("".join(name_tokens)) > len(before) + 1:
        return False  # 执行情况和财政经济委员会: the fields one name joins are alike (宪法和法律, 民族和宗教), not a topic and a body
    if name_tokens[0] in lex.ruleset("organization").words("body_openers"):
        return False  # …工作报告和中央监督委员会工作报告: a body's name opens after the 和, a list of two things
    return all(word_tag(t) and word_tag(t) not in _PROPER_TAGS for t in (before, *name_tokens))


# an ordinal inside a name (附属第一医院, 第二中学)
_ORDINAL = re.compile(r"第[一二三四五六七八九十0-9]{1,3}")
#: a counted national task before 全国 (第五次 + 全国 + 经济普查领导小组)
_COUNTED = re.compile(r"第[一二三四五六七八九十0-9]{1,3}[次届]")
def place_for_level(ctx: Context, lvl: str, lex: Lexicons) -> str:
    """The full name (徐州市) of the article's division at that level, or ''."""
    # in a county-level city (邳州市) the article's 市委 is that city's, not the prefecture's
    city = ctx.county if ctx.county and ctx.county_suffix == "市" else ctx.city
    short = {"省": ctx.province, "市": city, "县": ctx.county if ctx.county_suffix == "县" else "",
             "区": ctx.county if ctx.county_suffix == "区" else "", "镇": ctx.town, "乡": ctx.town}.get(lvl, "")
    if not short or (lvl == "省" and short in lex.ruleset("organization").words("municipalities")):
        return ""  # a municipality (北京) has no 省: 省残联 there is some province's, not the city's
    if lvl in "镇乡":
        return short
    # the division of that level's suffix: 华容 is 华容县 in a county's article, 华容区 in a district's
    # (organization.levelled.suffix_division); the gazetteer's best where no division of the suffix is named so
    named = sorted((d for d in gazetteer.by_name(lex).get(short, []) if d.name.endswith(lvl)), key=lambda d: d.adcode)
    div = named[0] if named else gazetteer.lookup(short, lex)
    return div.name if div else short + lvl


def _unit_row(unit: str, lex: Lexicons) -> dict[str, str]:
    return next(r for r in _units(lex) if r["unit"] == unit)


def _label(template: str, place: str, lvl: str) -> str:
    label = template.replace("{P}", place or lvl)
    if not place and label.startswith("中共"):
        label = label[2:]
    return label


def _with_party_prefix(text: str, start: int) -> int:
    """Move ``start`` left over a 中国共产党/中共/共青团 written before the place (中共徐州市委)."""
    for pre in ("中国共产党", "中共", "共青团"):
        if text.startswith(pre, start - len(pre)):
            return start - len(pre)
    return start


def _written_place(doc: Doc, m: re.Match[str]) -> tuple[int, str] | None:
    """Where a levelled name starts and the place written in it ('' if none); None for an ordinary word."""
    text, lvl, lvl_pos = doc.text, m.group("lvl"), m.start("lvl")
    # a place whose last character is the level (徐州市 + 委), or a place right before the level
    place = next((p for p in doc.touching("Place", lvl_pos, lvl_pos) if p.end - 1 == lvl_pos and p.start < lvl_pos), None)
    if place is not None:
        explicit = place.aliases[0] if place.aliases and place.aliases[0].endswith(lvl) else place.surface
        start = m.start() if (m.group("cpc") or m.group("tuan")) else _with_party_prefix(text, place.start)
        return start, explicit
    place = next((p for p in doc.touching("Place", lvl_pos, lvl_pos) if p.end == lvl_pos), None)
    if place is not None:
        return _with_party_prefix(text, place.start), (place.aliases[0] if place.aliases else place.surface)
    before = text[m.start() - 1] if m.start() > 0 else ""
    if before in _DENY_BEFORE and not m.group("cpc") and not m.group("tuan"):
        return None  # 全市, 城市, 超市: the level character is part of a word
    if before and not m.group("cpc") and not m.group("tuan") and (
            _closes_word(text, lvl_pos, doc.lex) or m.group("unit") and _closes_unknown(text, lvl_pos, doc.lex)):
        return None  # 示范区公安局, 开发区管委会: the level character ends another word, the name is that word's
    if m.group("tuan") == "团" and m.group("unit"):
        return None
    if before and not m.group("cpc") and not m.group("tuan") and _foreign_place_before(text, m.start(), doc.lex):
        return None  # organization.levelled.foreign_place: 明尼阿波利斯|市政府 is that city's, not the article's
    return m.start(), ""


def _foreign_place_before(text: str, pos: int, lex: Lexicons) -> bool:
    """organization.levelled.foreign_place: a name word (a transliteration or a place jieba knows or guessed) written
    right before the level character that no gazetteer entry or place mention reads: a place of its own (明尼阿波利斯
    + 市政府, 横滨 + 市政府), whose government is not the article's city's."""
    window = text[max(0, pos - 12):pos]
    last = cut(window, lex)[-1] if window else ""
    if len(last) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", last) or gazetteer.lookup(last, lex) is not None:
        return False
    return word_tag(last) in lex.ruleset("organization").words("foreign_place_tags")


def _word_ending_at(text: str, pos: int, lex: Lexicons) -> str:
    """The jieba word that ends with the character at ``pos`` when it is longer than it and no known place."""
    window = text[max(0, pos - 5):pos + 1]
    last = cut(window, lex)[-1] if window else ""
    return last if len(last) > 1 and last.endswith(text[pos]) and gazetteer.lookup(last, lex) is None else ""


def _closes_word(text: str, pos: int, lex: Lexicons) -> bool:
    """True when the character at ``pos`` ends a longer jieba word (示范区) that is no known place."""
    return is_dictionary_word(_word_ending_at(text, pos, lex))


def _closes_unknown(text: str, pos: int, lex: Lexicons) -> bool:
    """True when the character at ``pos`` ends a word jieba guessed (经开区) that is no known place:
    a zone's name, before a unit (经开区人民法院) — a party committee (X区委) is still read by level."""
    word = _word_ending_at(text, pos, lex)
    return len(word) >= 3 and not word_tag(word)


def _levelled_names(m: re.Match[str], lvl: str, place_full: str, surface: str, lex: Lexicons) -> tuple[str, set[str], str]:
    """Canonical label, aliases and kind of a levelled name (party committee, department, unit)."""
    base = place_full or lvl
    short_place = gazetteer.short_name(place_full, lex) if place_full else ""
    # 沛县 (one-character county): its committee is 沛县县委, not 沛县委
    base_wei = base + lvl if place_full and short_place == place_full and lvl in "县区" else base
    if m.group("party") and m.group("tuan"):
        label = f"共青团{base}委" if place_full else f"团{lvl}委"
        return label, {f"团{lvl}委", f"共青团{base}委员会", f"{base}团委", surface}, "mass"
    if m.group("party") and m.group("dept"):
        dept = m.group("dept")
        full = next(r for r in _departments(lex) if r["short"] == dept)["full"]
        label = f"中共{base_wei}委{full}" if place_full else f"{lvl}委{full}"
        return label, {f"{lvl}委{dept}", f"{lvl}委{full}", f"{base_wei}委{dept}", f"{base_wei}委{full}",
                       f"中共{base_wei}委{dept}", surface}, "party-dept"
    if m.group("party"):
        if lvl in "镇乡" and place_full:
            return f"{base}党委", {f"{lvl}党委", f"{base}委", f"{lvl}委", f"中共{base}委员会", surface}, "party"
        label = f"中共{base_wei}委" if place_full else f"{lvl}委"
        aliases = {f"{lvl}委", f"{base}委", surface}
        if place_full:
            aliases |= {f"中国共产党{base}委员会", f"中共{base}委员会", f"{base_wei}委"}
        if short_place and short_place != base:
            aliases.add(f"{short_place}{lvl}委")
        return label, aliases, "party"
    row = _unit_row(m.group("unit"), lex)
    label = _label(row["label"], place_full, lvl)
    aliases = {f"{lvl}{m.group('unit')}", f"{base}{row['full']}", f"{base}{m.group('unit')}", surface,
               _label(row["label"], "", lvl)}
    if row["kind"] == "gov":
        aliases |= {f"{base}政府", f"{lvl}政府", f"{lvl}人民政府"}
    if row["kind"] == "cppcc" and place_full:
        aliases |= {f"政协{place_full}委员会", f"中国人民政治协商会议{place_full}委员会", f"{short_place}政协"}
    return label, aliases, row["kind"]


def _without_modifiers(name: str, lex: Lexicons) -> str:
    """The name without the era or rank words written before institutions (新时代人民法院, 上级党委,
    甲等医院): a name made only of distinguishing words (jieba tag b) names no institution."""
    for lead in lex.ruleset("organization").words("modifier_leads"):
        if name.startswith(lead):
            name = name[len(lead):]
    tokens = cut(name, lex) if name else []
    kinds = lex.ruleset("organization").words("kind_modifiers")
    if tokens and all(word_tag(t) == "b" or t in kinds for t in tokens):
        return ""  # 甲等医院, 跨国公司, 外资企业: what kind of institution, not which one
    return name


def _attached_to(doc: Doc, m: Mention) -> tuple[Mention, str] | None:
    """The institution a unit is attached to, written right before it with 附属 (``attached_words``: 复旦大学附属中山医院,
    北京师范大学附属中学): the owner and the word between them, or None."""
    for word in doc.lex.ruleset("organization").words("attached_words"):
        if doc.text.startswith(word, m.start - len(word)):
            end = m.start - len(word)
            return next(((o, word) for o in doc.touching("Organization", end - 1, end) if o.end == end and o.start < end), None)
    return None


@cache
def _democratic_re(lex: Lexicons) -> tuple[re.Pattern[str], dict[str, dict[str, str]]]:
    """民革北京市委会, 民盟江苏省委, 九三学社中央, 中国民主同盟徐州市委员会: a democratic party's committee."""
    rows: dict[str, dict[str, str]] = {}
    for r in lex.read_tsv("democratic_parties.tsv"):
        rows[r["short"]] = rows[r["full"]] = r
    alts = "|".join(re.escape(s) for s in sorted(rows, key=len, reverse=True))
    return re.compile(rf"(?P<party>{alts})(?:(?P<central>中央(?:委员会)?)|(?P<place>[\u4e00-\u9fff]{{1,9}}?)(?P<organ>委员会|委会|委)(?![员托]))"), rows


def _described_name(doc: Doc, s_start: int, suffix: str) -> tuple[str, str]:
    """The name before a suffix whose names describe a field (国家重点实验室, 工程研究中心: 材料复合新技术,
    污染控制与资源化研究): all of it back to the organisation it belongs to (included: 南京大学材料复合新技术…)
    or the start of its clause; with the field alone as the second value. ('', '') when it opens with a
    word that is no name's (要打造新技术…)."""
    lex = doc.lex
    if not suffix.endswith(lex.ruleset("organization").words("descriptive_suffixes")):
        return "", ""
    clause = doc.clause_start(s_start)
    owner = max((o for o in doc.touching("Organization", clause, s_start) if clause <= o.start and o.end < s_start),
                key=lambda o: (o.end, -o.start), default=None)
    begin = owner.end if owner is not None else clause
    field = doc.text[begin:s_start].lstrip("、")
    lead = _LEADING_TIME.match(field)
    if lead and owner is None:
        field = field[lead.end():]
    if not 2 <= len(field) <= 14 or not re.fullmatch(r"[\u4e00-\u9fff、与和及]+", field) or field[0] in "与和及":
        return "", ""
    first = cut(field, lex)[0]
    if first in _stop(lex) or not _name_part(first, lex) and word_tag(first) not in ("v", "vn", "a"):
        return "", ""
    if word_tag(first) == "v" and owner is None:
        return "", ""  # 建设…实验室 at a clause's start: what someone does, not a name
    return (owner.surface + field if owner is not None else field), field


_LEADING_TIME = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚)?，?")


def _national_unit(doc: Doc) -> re.Pattern[str]:
    """An abbreviated unit written right after a national body, before what it does (环资委在京召开)."""
    return doc.lex.ruleset("organization").regex(
        "national_unit", r"(?P<u>[\u4e00-\u9fff]{1,3}(?:{unit_heads}))(?=(?:{unit_followers}))")


def _mission(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """organization.national.mission: where a country's mission to the body at [start, end) is named (中国常驻联合国代表团,
    中国常驻联合国日内瓦办事处和瑞士其他国际组织代表团): from the country before 常驻 to the mission's head in the same
    clause; None when no such head follows (常驻联合国代表 is a post)."""
    rs = doc.lex.ruleset("organization")
    lead = next((w for w in rs.words("mission_leads") if doc.text.startswith(w, start - len(w))), "")
    if not lead:
        return None
    head = rs.regex("mission_head", r"[\u4e00-\u9fff]{0,16}?(?:{mission_heads})").match(doc.text, end)
    if head is None:
        return None
    at = start - len(lead)
    country = next((p for p in doc.touching("Place", at, at) if p.end == at), None)
    if country is not None:
        return country.start, head.end()
    before = cut(doc.text[max(0, at - 8):at], doc.lex)[-1] if at > 0 else ""
    if word_tag(before) != "ns":
        return None  # no country named (阿拉伯国家常驻…, 俄常驻…): the missions of several or of one not read here
    return at - len(before), head.end()


class OrganizationExtractor:
    """Finds organisations and gives each its full name when the article's place is known."""

    name = "organization"
    requires: tuple[str, ...] = ("Place", "context")
    assigns: tuple[str, ...] = ("Organization",)

    def __call__(self, doc: Doc) -> None:
        self._national(doc)
        self._democratic(doc)
        self._levelled(doc)
        self._incident_teams(doc)
        self._suffixed(doc)
        self._branches(doc)
        self._own_unit(doc)
        self._own_bodies(doc)
        self._fold_bare(doc)

    @staticmethod
    def _own_unit(doc: Doc) -> None:
        """我所召开…, 我院党委, 本局党组: the article's own institution named by a pronoun and its head noun is the
        institution of that head the article names most (中国科学院地理研究所 for 我所); none if it names none."""
        rs = doc.lex.ruleset("organization")
        pattern = rs.regex("own_unit", r"(?:{own_unit_pronouns})(?P<head>{own_unit_heads})")
        named: dict[str, list[Mention]] = {}
        for o in doc.of_type("Organization"):
            if not o.attrs.get("relative") and not o.label.startswith(rs.words("own_unit_pronouns")) \
                    and o.attrs.get("kind") not in ("national", "national-unit"):
                named.setdefault(o.label, []).append(o)
        for m in finditer_opening(pattern, doc.text, rs.words("own_unit_pronouns")):
            head = m.group("head")
            ends = rs.words("own_unit_school_ends") if head == "校" else (head,)
            owners = sorted((label for label in named if label.endswith(ends)), key=lambda k: (-len(named[k]), named[k][0].start))
            if not owners:
                continue
            owner = named[owners[0]][0]
            written = [o for o in doc.touching("Organization", m.start(), m.end()) if o.start == m.start()]
            for o in written:
                # 我院党委 read by the suffix rules: the institution's committee, folded into it (SCHEMA §5.2)
                o.label, o.aliases = owner.label, tuple(a for a in o.aliases if not a.startswith(rs.words("own_unit_pronouns")))
                o.attrs = {**o.attrs, "kind": owner.attrs.get("kind"), "relative": False}
            if written or doc.blocked("organization.own_unit", "Organization", m.start(), m.end()):
                continue
            doc.add(Mention("Organization", owner.label, m.start(), m.end(), m.group(),
                            attrs={k: v for k, v in owner.attrs.items() if k in ("kind", "level", "place")}, rule="organization.own_unit"))

    @staticmethod
    def _own_bodies(doc: Doc) -> None:
        """校团委, 院党委, 局党委: the body of the article's own institution, named by its head character alone."""
        rs = doc.lex.ruleset("organization")
        pattern = rs.regex("own_body", r"(?P<head>{own_body_heads})(?P<body>{own_body_organs})")
        function = rs.words("glued_function_chars")[0]
        for m in pattern.finditer(doc.text):
            before = doc.text[m.start() - 1:m.start()]
            if before and "\u4e00" <= before <= "\u9fff" and before not in function:
                continue  # 学校党委, 医院党委, 分局党委: the head character ends a longer name, read by the suffix rules
            if doc.blocked("organization.own_body", "Organization", m.start(), m.end()) or doc.covered(m.start(), m.end(), "Organization"):
                continue
            # 校党委 in an article that writes 学校党委: the same body, under the longer name
            longer = sorted({o.label for o in doc.of_type("Organization") if o.label.endswith(m.group()) and len(o.label) > len(m.group())
                             and not o.label.startswith(("我", "本"))})
            label = longer[0] if len(longer) == 1 else m.group()
            doc.add(Mention("Organization", label, m.start(), m.end(), m.group(), aliases=(m.group(),) if label != m.group() else (),
                            attrs={"kind": "party" if m.group("body").startswith("党") else "mass", "relative": True}, rule="organization.own_body"))

    @staticmethod
    def _fold_bare(doc: Doc) -> None:
        """学院党委 in an article about 生命学院 is 生命学院's committee: give it that name."""
        named = [m for m in doc.of_type("Organization") if not m.attrs.get("relative") and m.attrs.get("kind") in
                 ("university", "soe", "company", "park", "school", "hospital", "media", "street", "community")]
        for m in doc.of_type("Organization"):
            if not m.attrs.get("relative") or m.attrs.get("level"):
                continue
            bare = m.aliases[0] if m.aliases else m.label
            owners = {o.label for o in named if bare in o.label}
            if len(owners) == 1:
                owner = owners.pop()
                m.aliases = tuple(sorted({*m.aliases, m.label, m.surface} - {owner}))
                m.label = owner
                m.attrs = {**m.attrs, "relative": False}

    # -- 中共中央, 全国政协 ...
    def _national(self, doc: Doc) -> None:
        for m in finditer(_CENTRAL_COMMITTEE, doc.text):
            if not doc.blocked("organization.national.central", "Organization", m.start(), m.end()):
                doc.add(Mention("Organization", "中共中央", m.start(), m.end(), m.group(),
                                aliases=(m.group(), "党中央", "中国共产党中央委员会"), attrs={"kind": "national"}, rule="organization.national.central"))
        for start, end, surface, rows in _national(doc.lex).longest(doc.text):
            row = rows[0]
            if surface == "中共" and doc.text.startswith(("中共中央",), start):
                continue
            if surface in ("中共",) and re.match(r"[\u4e00-\u9fff]", doc.text[end:end + 1] or " "):
                continue  # 中共徐州市委: the prefix of a levelled name
            if doc.blocked("organization.national", "Organization", start, end) or inside_title(doc.text, start):
                continue
            if surface.endswith("部") and doc.text[end:end + 1] in doc.lex.ruleset("organization").words("national_not_before"):
                continue  # 自然资源部门, 国防部长: the word goes on
            if surface in ("中国共产党", "中共") and re.match(r"[\u4e00-\u9fff]", doc.text[end:end + 1] or " ") and not doc.text.startswith(("领导", "成立", "的"), end):
                continue
            mission = _mission(doc, start, end)
            if mission is not None:
                # organization.national.mission: 中国常驻联合国日内瓦办事处和瑞士其他国际组织代表团: the body after 常驻 is where
                # a country's mission sits, and the mission is the organisation named
                m_start, m_end = mission
                if not doc.blocked("organization.national.mission", "Organization", m_start, m_end):
                    doc.add(Mention("Organization", doc.text[m_start:m_end], m_start, m_end, doc.text[m_start:m_end],
                                    attrs={"kind": "mission"}, rule="organization.national.mission"))
                continue
            first = cut(doc.text[start:start + 16], doc.lex)[0]
            unit = _national_unit(doc).match(doc.text, end)
            if unit and unit.group("u") in doc.lex.ruleset("organization").words("unit_posts"):
                unit = None  # 中共中央政治局常委在…: a post, not a unit
            if unit and not (len(first) > len(surface) and first.startswith(surface)):
                first = surface + unit.group("u")  # 全国人大环资委在京召开…: an abbreviated unit jieba did not join
            elif unit is None and word_tag(first) != "nt":
                first = surface
            if first.endswith(doc.lex.ruleset("organization").words("unit_posts")):
                first = surface  # 中央政治局常委 (one jieba word) is a post, 联合国总部 a building
            if len(first) > len(surface) and first.startswith(surface) \
                    and not doc.blocked("organization.national.unit", "Organization", start, start + len(first)):
                # 国务院新闻办, 联合国安理会, 全国政协外事委员会: a body of the national one, named as one word
                doc.add(Mention("Organization", first, start, start + len(first), first,
                                attrs={"kind": "national-unit", "parent": row["label"]}, rule="organization.national.unit"))
                continue
            doc.add(Mention("Organization", row["label"], start, end, surface,
                            aliases=split_multi(row["aliases"]), attrs={"label_en": row.get("label_en", ""), "kind": row.get("kind") or "national"},
                            rule="organization.national"))

    @staticmethod
    def _democratic(doc: Doc) -> None:
        """A democratic party's committee (民革北京市委会): read before the levelled names, so that its
        市委 is not taken for the CPC's (中共北京市委)."""
        pattern, rows = _democratic_re(doc.lex)
        for m in pattern.finditer(doc.text):
            row = rows[m.group("party")]
            short = row["short"]
            if m.group("central"):
                label, aliases = f"{short}中央", {f"{row['full']}中央委员会", f"{short}中央委员会", m.group()}
                lvl, place_full = "", ""
            else:
                written = m.group("place")
                lvl = written[-1]
                if len(written) == 1:
                    if lvl not in LEVELS:
                        continue
                    place_full = place_for_level(doc.context, lvl, doc.lex)  # 民革市委会: the article's city
                else:
                    div = gazetteer.lookup(written, doc.lex)
                    if div is None:
                        continue
                    place_full = div.name
                    lvl = place_full[-1]
                base = place_full or lvl
                label = f"{short}{base}委员会"
                aliases = {f"{short}{base}委", f"{short}{base}委会", f"{row['full']}{base}委员会", m.group(),
                           f"{short}{lvl}委", f"{short}{lvl}委会"}
                if place_full:
                    aliases.add(f"{short}{gazetteer.short_name(place_full, doc.lex)}{lvl}委")
            if doc.blocked("organization.democratic_party", "Organization", m.start(), m.end()):
                continue
            doc.add(Mention("Organization", label, m.start(), m.end(), m.group(), aliases=tuple(sorted(aliases - {label})),
                            attrs={"kind": "democratic-party", "label_en": row.get("label_en", ""), "level": lvl,
                                   "place": gazetteer.short_name(place_full, doc.lex) if place_full else "",
                                   "relative": not m.group("central") and not place_full}, rule="organization.democratic_party"))

    # -- 市总工会, 徐州市妇联, 团市委, 县委办公室
    def _levelled(self, doc: Doc) -> None:
        text, ctx, lex = doc.text, doc.context, doc.lex
        for m in _level_matches(text, lex):
            lvl = m.group("lvl")
            if m.group("tuan") and not m.group("party"):
                continue
            found = _written_place(doc, m)
            if found is None:
                continue
            start, explicit = found
            if lvl in "镇乡" and not explicit:
                # 镇党委 alone: the article's town, if any
                explicit = ctx.town if ctx.town and ctx.town.endswith(lvl) else ""
            place_full = explicit or place_for_level(ctx, lvl, lex)
            if place_full and not place_full.endswith(lvl) and lvl in "镇乡":
                place_full = ""
            end = m.end()
            if doc.blocked("organization.levelled", "Organization", start, end):
                continue
            surface = text[start:end]
            label, aliases, kind = _levelled_names(m, lvl, place_full, surface, lex)
            aliases.discard(label)
            doc.add(Mention("Organization", label, start, end, surface, aliases=tuple(sorted(aliases)),
                            attrs={"kind": kind, "level": lvl, "place": gazetteer.short_name(place_full, lex) if place_full else "",
                                   "relative": not place_full}, rule="organization.levelled"))
        # enumerations inherit the level: 市发改委、住建局、交通局 → 市住建局, 市交通局
        units = _listable_units(lex)
        changed = True
        while changed:
            changed = False
            for prev in sorted(doc.of_type("Organization"), key=lambda m: m.start):
                lvl = prev.attrs.get("level")
                if not lvl or prev.attrs.get("kind") not in ("bureau", "mass", "gov", "court", "discipline") or text[prev.end:prev.end + 1] != "、":
                    continue
                pos = prev.end + 1
                row = next((r for r in units if text.startswith(r["unit"], pos)), None)
                if row is None or doc.blocked("organization.levelled.listed_unit", "Organization", pos, pos + len(row["unit"])):
                    continue
                place_full = place_for_level(ctx, lvl, lex)
                label = _label(row["label"], place_full, lvl)
                doc.add(Mention("Organization", label, pos, pos + len(row["unit"]), row["unit"],
                                aliases=tuple(sorted({row["unit"], f"{lvl}{row['unit']}", _label(row["label"], "", lvl)} - {label})),
                                attrs={"kind": row["kind"], "level": lvl, "place": gazetteer.short_name(place_full, lex) if place_full else "",
                                       "relative": not place_full}, rule="organization.levelled.listed_unit"))
                changed = True
        # a place name directly followed by a unit without level char: 岳阳政协
        by_first = _place_units(lex)
        for pm in doc.of_type("Place"):
            for row in by_first.get(text[pm.end:pm.end + 1], ()):
                if not text.startswith(row["unit"], pm.end):
                    continue
                end = pm.end + len(row["unit"])
                if doc.blocked("organization.place_unit", "Organization", pm.start, end):
                    break
                div = gazetteer.lookup(pm.label, lex)
                if not div:
                    break
                lvl = div.name[-1]
                label = _label(row["label"], div.name, lvl)
                doc.add(Mention("Organization", label, pm.start, end, text[pm.start:end],
                                aliases=tuple(sorted({text[pm.start:end], f"{div.name}{row['full']}"} - {label})),
                                attrs={"kind": row["kind"], "level": lvl, "place": div.short}, rule="organization.place_unit"))
                break

    @staticmethod
    def _branches(doc: Doc) -> None:
        """organization.place_unit.branch: 四川大学华西医院 + 西藏医院: a place and a unit written right after an institution
        of the same kind name its branch there (四川大学华西医院西藏医院), not the place's own (西藏自治区医院)."""
        for m in doc.of_type("Organization"):
            if m.rule != "organization.place_unit":
                continue
            owner = next((o for o in doc.touching("Organization", m.start, m.start) if o.end == m.start and o.start < m.start
                          and o.attrs.get("kind") == m.attrs.get("kind") and not o.rule.startswith("organization.place_unit")), None)
            attached = _attached_to(doc, m) if owner is None else None
            if attached is not None:
                # organization.place_unit.attached: 复旦大学附属中山医院: the unit after 附属 is the institution's, named
                # after it and its own name (中山 is no place here): not 中山市医院
                owner, gap = attached
                m.label, m.aliases = owner.label + gap + m.surface, ()
                m.attrs = {"kind": m.attrs.get("kind"), "parent": owner.label}
                m.rule = "organization.place_unit.attached"
                continue
            if owner is not None:
                m.label, m.aliases = owner.label + m.surface, ()
                m.attrs = {"kind": m.attrs.get("kind"), "parent": owner.label}
                m.rule = "organization.place_unit.branch"

    @staticmethod
    def _incident_teams(doc: Doc) -> None:
        """organization.incident_team: the team investigating a named incident (X公司“5·22”重大瓦斯爆炸事故调查组) is named
        by all of it, from its clause's subject: the body that set it up, the place and company, the quoted date and the
        incident. The suffix rules read only 集团 or 有限公司 out of it, and its meeting was held by a cut name."""
        rs = doc.lex.ruleset("organization")
        pattern = rs.regex("incident_team", r"“[0-9]{1,2}[·•.][0-9]{1,2}”[\u4e00-\u9fff]{0,12}?(?:{incident_heads})")
        breakers = rs.words("incident_lead_breakers")
        for m in pattern.finditer(doc.text):
            clause = doc.clause_start(m.start())
            lead = doc.text[clause:m.start()]
            time = _LEADING_TIME.match(lead)
            begin = clause + (time.end() if time else 0)
            cut_at = max((doc.text.rfind(b, begin, m.start()) + len(b) for b in breakers if doc.text.rfind(b, begin, m.start()) >= 0), default=begin)
            name = doc.text[cut_at:m.end()]
            if not 2 <= m.start() - cut_at <= 40 or not re.fullmatch(r"[\u4e00-\u9fff“”0-9·•.]+", name):
                continue
            if doc.blocked("organization.incident_team", "Organization", cut_at, m.end()):
                continue
            owner = next((o for o in doc.touching("Organization", cut_at, cut_at) if o.start == cut_at and o.end < m.start()), None)
            head = next(h for h in rs.words("incident_heads") if name.endswith(h))
            aliases = (owner.surface + head,) if owner is not None else ()
            doc.add(Mention("Organization", name, cut_at, m.end(), name, aliases=aliases,
                            attrs={"kind": "committee"}, rule="organization.incident_team"))

    # -- 徐州报业传媒集团, 欧阳路街道, 学校党委
    def _suffixed(self, doc: Doc) -> None:
        text, lex = doc.text, doc.lex
        scanner, rows = _suffixes(lex)
        stop = _stop(lex)
        for s_start, s_end, suffix, _ in scanner.longest(text):
            if doc.blocked("organization.suffixed", "Organization", s_start, s_end):
                continue
            row = rows[suffix]
            bare_only = row["not_before"] == "BARE"
            if not bare_only and any(text.startswith(nb, s_end) for nb in split_multi(row["not_before"])):
                continue
            if inside_title(text, s_start):
                continue
            sent_s, sent_e = doc.sentence_at(s_start)
            if not text.startswith(("会议", "会"), s_end) and _tail_in_word(text, s_start, s_end, sent_s, sent_e, lex):
                continue  # (领导小组|会议 is the body's meeting, jieba's 小组会议 notwithstanding)
            left = text[max(sent_s, s_start - 18):s_start]
            tokens = cut(left, lex) if left else []
            name_tokens: list[str] = []
            made_by = "organization.suffixed"
            joinable = row["kind"] in lex.ruleset("organization").words("joined_head_kinds")
            for k in range(len(tokens) - 1, -1, -1):
                tok = tokens[k]
                glued = _glued_guess(tok, lex)
                if glued is not None:
                    # organization.suffixed.glued_guess: 另据|美国广播公司, 致英|皇家邮政公司: the name starts after the
                    # function character jieba's guess glued to it
                    if glued:
                        name_tokens.insert(0, glued)
                    break
                if joinable and name_tokens and name_tokens[0] == "工作" and word_tag(tok) in ("v", "vn") and k > 0 and tokens[k - 1] == "”":
                    name_tokens.insert(0, tok)  # “一带一路”|建设|工作领导小组: the task's verb after the quote
                    continue
                if joinable and name_tokens and tok == "”":
                    quoted = _quoted_field(tokens, k, lex)
                    if quoted:
                        # organization.suffixed.quoted_field: 推进“一带一路”建设工作领导小组: a committee named for a quoted
                        # task keeps the quote and the verb that opens it, not only 工作领导小组
                        name_tokens[:0] = quoted
                        break
                if tok.startswith(lex.ruleset("organization").words("verb_phrase_leads")):
                    break  # 充分肯定, 全力保障, 积极推动: an adverb and its verb, before the name's object, never in it
                if joinable and name_tokens and k > 0 and _joins_head(tok, tokens[k - 1], name_tokens, lex):
                    # organization.suffixed.joined_head: 宪法和法律委员会, 追逃追赃和跨境腐败治理工作办公室: a 和 between two
                    # common nouns before a body's head noun is part of its name, not a list of two bodies
                    name_tokens.insert(0, tok)
                    continue
                if name_tokens and tok in lex.ruleset("organization").words("national_leads") and (
                        k == 0 or not re.fullmatch(r"[\u4e00-\u9fff]+", tokens[k - 1]) or tokens[k - 1] in stop):
                    # 全国绿化委员会: 全国 opening a name (after punctuation or a function word) is part of it
                    name_tokens.insert(0, tok)
                    break
                if name_tokens and tok in lex.ruleset("organization").words("national_leads") and _COUNTED.fullmatch(tokens[k - 1]):
                    # organization.suffixed.counted: 第五次全国经济普查领导小组: the count of the national task the
                    # body is set up for opens its name
                    name_tokens[:0] = [tokens[k - 1], tok]
                    made_by = "organization.suffixed.counted"
                    break
                if tok in stop or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", tok) or len("".join(name_tokens)) + len(tok) > 14:
                    break
                # 中央巡视工作领导小组, 中央党的建设工作领导小组: a verb or set phrase before 工作 names the field of work
                field_of_work = bool(name_tokens) and name_tokens[0] == "工作" and word_tag(tok) in ("v", "l")
                if name_tokens and k > 0 and word_tag(tokens[k - 1]) == "ns" and tok in lex.ruleset("organization").words("place_modifiers"):
                    # organization.suffixed.place_modifier: 云南省|老|科技工作者协会: a modifier of the members served, between a
                    # place and the body's field is part of the name (the retired scientists' association of the province)
                    name_tokens.insert(0, tok)
                    made_by = "organization.suffixed.place_modifier"
                    continue
                if not _name_part(tok, lex) and not _ORDINAL.fullmatch(tok) and not field_of_work:
                    break
                name_tokens.insert(0, tok)
                if len(name_tokens) >= 5:
                    break
            name = "" if bare_only and not (name_tokens and name_tokens[-1].endswith(("办公室", "工业", "委"))) else "".join(name_tokens)
            described, field = _described_name(doc, s_start, suffix)
            if described and len(described) > len("".join(name_tokens)):
                name_tokens = [described]  # 材料复合新技术国家重点实验室: a laboratory is named by what it studies
                name = described
            plain = "".join(t for t in name_tokens if word_tag(t) != "l")  # 党的建设 is one set phrase, not a clause
            if lex.ruleset("organization").regex("clause", "{clause_markers}|[在的]").search(plain) and not bare_only:
                name = ""  # 东安路街道党工委在鸿翔社区: a clause, not a name
            if name:
                name = trim_lead(name + suffix, lex)[: -len(suffix)]
                name = _without_modifiers(name, lex)
            if len(name) > 1 and all(ch in lex.ruleset("organization").words("level_chars")[0] for ch in name):
                name = ""  # 市县党委, 省市县三级: levels in general, no one institution
            if row["kind"] == "party" and name and not name.endswith(lex.ruleset("organization").words("party_stem_heads")):
                name = ""  # 评判党委, 新一届党委: a party committee's name ends in the institution it belongs to
            if row["kind"] == "party" and (name in rows or any(o.end == s_start for o in doc.of_type("Organization"))):
                continue  # 市政府党组: the institution's own party group, folded into it
            start = s_start - len(name)
            if name and row["kind"] in lex.ruleset("organization").words("joined_head_kinds"):
                # organization.suffixed.owner_cut: 国务院联防联控机制春运工作专班: a walk that stopped inside the name of the
                # organisation the body belongs to takes all of that name
                owner = max((o for o in doc.touching("Organization", start, start) if o.start < start < o.end <= s_start),
                            key=lambda o: o.end - o.start, default=None)
                if owner is not None and s_start - owner.start <= 24:
                    start, name = owner.start, text[owner.start:s_start]
                elif name.endswith("工作"):
                    owner = _task_owner(doc, start, lex)
                    if owner is not None and s_start - owner.start <= 24:
                        # organization.suffixed.task_owner: 国务院 + 根治拖欠 + 农民工工资工作领导小组: the walk stopped at the
                        # verbs of the task the national body set the group up for; the name is the body's
                        start, name, made_by = owner.start, text[owner.start:s_start], "organization.suffixed.task_owner"
            after = text[s_end:s_end + 3]
            if len(name) < 2:
                if row["bare"] and after.startswith(lex.ruleset("organization").words("subject_verbs")) and len(name) == 0 and not doc.blocked("organization.suffixed.bare_subject", "Organization", s_start, s_end):
                    # 工业园区召开…, 学校召开…: the article's own institution as the subject
                    doc.add(Mention("Organization", row["bare"], s_start, s_end, text[s_start:s_end],
                                    attrs={"kind": row["kind"], "relative": True}, rule="organization.suffixed.bare_subject"))
                    continue
                if row["bare"] and after.startswith(lex.ruleset("organization").words("party_bodies")):
                    label = row["bare"] + after[:3 if after.startswith("党工委") else 2]
                    end = s_end + len(label) - len(row["bare"])
                    if not doc.blocked("organization.suffixed.bare_party_body", "Organization", s_start, end):
                        doc.add(Mention("Organization", label, s_start, end, text[s_start:end],
                                        aliases=(row["bare"],), attrs={"kind": row["kind"], "relative": True}, rule="organization.suffixed.bare_party_body"))
                continue
            label = name + suffix
            end = s_end
            aliases = {field + suffix} if described and field != name else set()
            for pg in lex.ruleset("organization").words("attached_bodies"):
                if text.startswith(pg, s_end):
                    aliases.add(label + pg)
                    end = s_end + len(pg)
                    break
            doc.add(Mention("Organization", label, start, end, text[start:end], aliases=tuple(sorted(aliases)),
                            attrs={"kind": row["kind"]}, rule=made_by))
