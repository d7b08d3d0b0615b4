"""Meetings: plenary sessions and congresses parsed into structure, named and described meetings.

A plenary session's identity is (issuing body, 届, 次) with numerals read as cn2an
reads them (``extractors.numerals``), so 党的十九届五中全会, 十九届五中全会 and
中国共产党第十九届中央委员会第五次全体会议 become one entity, and the article's bare 全会/市委全会 joins it.
A described meeting (市总工会召开主席办公会) is labelled by its holder and type.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cache

from extractors import gazetteer
from extractors.base import Doc
from extractors.lexicon import Lexicons, Scanner, cut, in_title, is_dictionary_word, split_multi, word_tag
from extractors.organization import place_for_level
from extractors.model import Mention
from extractors.numerals import read_numeral, write_numeral
from extractors.prefilter import finditer, finditer_at, finditer_opening, starts_before

N = "一二两三四五六七八九十〇零百"
_CENTRAL_PLENUM = re.compile(
    rf"(?:中国共产党|中共|党的)?第?(?P<jie>[{N}]+)届(?:中央委员会|中央)?第?(?P<ci>[{N}]+)(?:中全会|次全体会议)"
)
_LOCAL_PLENUM = re.compile(rf"第?(?P<jie>[{N}]+)届(?:委员会)?第?(?P<ci>[{N}]+)次(?:全会|全委会|全(?:体|委)(?:（扩大）|\(扩大\)|扩大)?会议)")
_CONGRESS = re.compile(
    rf"(?:(?P<pre>中国共产党|中共|党的)第?(?P<n1>[{N}]+)次全国代表大会|(?P<pre2>中国共产党|中共|党的)?(?P<n2>十[一二三四五六七八九]|二十[一二三]?)大(?=[精报开胜以召代上的，。、”闭]|$))"
)
#: where a _CONGRESS match may open: at its party prefix, or (no prefix) at a 十 or 二 that opens a 十X大 / 二十X大
_CONGRESS_PREFIXES = ("中国共产党", "中共", "党的")
_CONGRESS_NUMBER = re.compile(r"[十二](?=[一二三四五六七八九]大|十[一二三]?大)")
_ABBREVIATED_CONGRESS = re.compile(r"(?<![\u4e00-\u9fff])([省市县区])党代会")


def _congress_matches(text: str) -> Iterator[re.Match[str]]:
    """``_CONGRESS.finditer(text)``, tried only where a match can open (``prefilter.finditer_at``)."""
    starts = {*starts_before(text, _CONGRESS_PREFIXES, (0,)), *(m.start() for m in _CONGRESS_NUMBER.finditer(text))}
    return finditer_at(_CONGRESS, text, sorted(starts))


_LOCAL_CONGRESS = re.compile(rf"第(?P<n>[{N}]+)次(?:党代会|党员代表大会|代表大会)|(?<=[省市县区])(?P<n2>[{N}]{{1,3}})次党代会")

_BARE = re.compile(r"(?P<org>[省市县区]委)?(?:全会|(?P<ord>[一二三四五六七])中全会)")
_ENLARGED = re.compile(r"[（(]扩大[）)]")
# a committee listed before another in front of a bare 全会: 团省委、(团市委全会), 省委和(市委全会)
_LISTED_BODY = re.compile(r"(?P<league>团)?(?P<body>[省市县区]委)(?:、|和|及|与)")
def _w(lex: Lexicons, name: str) -> tuple[str, ...]:
    """A word list of extractors/data/meeting/words.tsv."""
    return lex.ruleset("meeting").words(name)


def _re(lex: Lexicons, name: str, template: str) -> re.Pattern[str]:
    """A pattern of this component, its word lists filled in from the data (compiled once per lexicon set)."""
    return lex.ruleset("meeting").regex(name, template)


def _verb(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "verb", r"(?:{convene_verbs})")
# a meeting named as the subject: 区局、处两级中心组集中学习在区工人文化宫举行
def _subject_meeting(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "subject_meeting", r"(?:^|(?<=[，。；：\n]))(?:\d{1,2}月\d{1,2}日)?(?:{time_of_day})?[，]?(?P<ph>[^，。；！？\n]{2,40}?)(?:(?:\d{1,2}月)?\d{1,2}日(?:至\d{1,2}日)?(?:{time_of_day})?)?(?:在[^，。；\n]{1,24}|(?:{time_words})[^，。；\n]{0,12})?(?:{held_verbs})")
#: where a subject meeting's phrase may open (the pattern's lookbehind) and the characters its match holds at most one of
_CLAUSE_OPENERS = re.compile("[，。；：\n]")
_CLAUSE_STOPS = re.compile("[，。；\n]")


def _subject_meeting_starts(text: str, verbs: tuple[str, ...]) -> list[int] | None:
    """The positions at which ``_subject_meeting`` can match, ascending (``None``: not known, scan them all).

    A match opens at the text's start or after ，。；：or a newline, and ends in a held verb (举行, 召开);
    between, it holds at most one ，。；or newline (the ， after a leading date or time: 11月2日上午，…;
    the phrase and the place or time words before the verb exclude the four). So the verb starts before
    the second of them from the opening: only such openings are tried (most clauses of news hold no
    held verb, and the pattern's lazy phrase is tried at each of their characters)."""
    if any(_CLAUSE_STOPS.search(v) for v in verbs):
        return None  # a verb holding a stop character: the bound above does not hold
    verb_at = starts_before(text, [v for v in verbs if v], (0,))
    if not verb_at:
        return []
    stops = [m.start() for m in _CLAUSE_STOPS.finditer(text)]
    openers = [0, *(m.end() for m in _CLAUSE_OPENERS.finditer(text))]
    out: set[int] = set()
    for v in verb_at:  # the openings p <= v with at most one stop in [p, v): after the second-last stop before v
        k = bisect_left(stops, v)
        lo = stops[k - 2] + 1 if k >= 2 else 0
        out.update(openers[bisect_left(openers, lo):bisect_right(openers, v)])
    return sorted(out)


# studied meetings named after a verb: 传达学习…全市领导干部会议精神
def _studied(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "studied", r"(?:{study_verbs_first})(?!教育)(?:好?、?(?:{study_verbs_more}))*好?了?(?P<objs>[^，。；！？\n]{2,60}?)(?:精神|{studied_closers})")
_LEADING_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日")
# the list of studied objects after the first 精神: …精神、B精神和C精神 (…精神，以及C精神)
def _studied_more(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "studied_more", r"(?:，?以及|和|、|及)(?P<objs>[^，。；！？\n]{2,60}?)(?:主要|重要)?精神")
# between a holder and 召开/举行 in 中共中央政治局3月30日召开会议, 全国人大常委会党组19日举行会议
def _holder_gap(lex: Lexicons) -> re.Pattern[str]:
    # …and an adverb of promptness or a manner (县总工会迅速召开会议, 县委常委会以视频形式召开会议)
    return _re(lex, "holder_gap", r"(?P<organ>{holder_organs})?(?:[\d一二三四五六七八九十〇]{1,3}月)?(?:[\d一二三四五六七八九十]{1,3}日)?(?:{gap_times})?"
                                  r"(?:{gap_adverbs})?(?:以[^，。；！？\n]{1,8}?(?:形式|方式))?")
# plenums of the central discipline commission: 二十届中央纪委二次全会
# 十三届省委五次全会, 十三届省纪委四次全会: the term written before the body's short name (meeting.plenum.body_between)
_BODY_BETWEEN_PLENUM = re.compile(rf"(?P<jie>[{N}]+)届(?P<body>[省市县区州盟旗]纪?委)(?P<ci>[{N}]+)次全(?:会|体会议)")
_CCDI_PLENUM = re.compile(rf"(?:中国共产党|中共)?第?(?P<jie>[{N}]+)届中央纪委(?:第)?(?P<ci>[{N}]+)次全(?:会|体会议)")
def _people_session(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "people", r"第(?P<jie>[{N}]+)届(?P<body>{people_bodies})第(?P<ci>[{N}]+)次(?P<sub>{people_sessions})"
                         r"|(?P<jie2>[{N}]+)届(?P<body2>{people_bodies_short})?(?P<ci2>[{N}]+)次会议")


def _lianghui(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "lianghui", r"(?P<lvl>{lianghui_levels})?“?两会”?")


def num(cn: str) -> int:
    n = read_numeral(cn.replace("两", "二").replace("〇", "零"))
    return 0 if n is None else n


def cn(n: int) -> str:
    return write_numeral(n) if n else ""


@cache
def meeting_types(lex: Lexicons) -> tuple[str, ...]:
    """The meeting type words of meeting_types.txt, longest first (read once per lexicon set)."""
    return tuple(sorted((w for line in lex.read_list("meeting_types.txt") for w in line.split()), key=len, reverse=True))


@cache
def _type_ends(lex: Lexicons) -> frozenset[str] | None:
    """The last characters of the meeting types: a text ending in none of them ends in no type (``None``: a type is empty)."""
    types = meeting_types(lex)
    return None if not all(types) else frozenset(t[-1] for t in types)


@cache
def _bodies(lex: Lexicons) -> Scanner:
    return Scanner((r["surface"], r) for r in lex.read_tsv("meeting_bodies.tsv"))


@cache
def _named(lex: Lexicons) -> Scanner:
    return Scanner((s, r) for r in lex.read_tsv("meetings.tsv") for s in (r["label"], *split_multi(r["aliases"])))


def _org_ending_at(doc: Doc, pos: int):
    for m in doc.touching("Organization", pos, pos):
        if m.end == pos:
            return m
    return None


def _team_of(lex: Lexicons, subject: str, holder: str) -> str:
    """The team a body formed, written between the body and the verb that convenes a sitting (国务院 + 调查组 在…召开第一次
    全体会议; team_heads of the relations component: 调查组, 工作组, 检查组…), or ''."""
    if not subject.startswith(holder):
        return ""
    team = subject[len(holder):]
    if not 2 <= len(team) <= 12 or not re.fullmatch(r"[\u4e00-\u9fff]+", team):
        return ""
    return team if team.endswith(lex.ruleset("relations").words("team_heads")) else ""


class MeetingExtractor:
    name = "meeting"
    requires: tuple[str, ...] = ("Organization", "Place", "Document", "context")
    assigns: tuple[str, ...] = ("Meeting", "Document", "Organization")

    def __call__(self, doc: Doc) -> None:
        self._plenums(doc)
        self._congresses(doc)
        self._people(doc)
        self._structured(doc)
        self._named(doc)
        self._headed(doc)
        self._described(doc)
        self._subject_meetings(doc)
        self._organ_studies(doc)
        self._studied(doc)
        self._speech_venues(doc)
        self._holders_in_names(doc)
        self._named_again(doc)
        self._level_meetings(doc)
        self._co_holders(doc)
        self._headline_is_lead(doc)
        self._bare(doc)
        self._documents_of_meetings(doc)

    def _add(self, doc: Doc, rule: str, label: str, start: int, end: int, aliases=(), subtypes=(), **attrs) -> None:
        surface = doc.text[start:end]
        doc.add(Mention("Meeting", label, start, end, surface,
                        aliases=tuple(sorted({a for a in (*aliases, surface) if a and a != label})),
                        subtypes=tuple(subtypes), attrs=attrs, rule=rule))

    def _plenums(self, doc: Doc) -> None:
        text = doc.text
        for m in finditer(_CENTRAL_PLENUM, text):
            league = None if m.group().startswith(("中国共产党", "中共", "党的")) else \
                _re(doc.lex, "league_before", r"(?<![集社剧])(?:{league_marks})$").search(text, max(0, m.start() - 4), m.start())
            org = _org_ending_at(doc, m.start())
            if org is not None and org.attrs.get("kind") != "national" and league is None:
                continue  # 市委十二届十三次全会 is local (共青团十九届二中全会 is the League's, whatever 共青团 was read as)
            if "中全会" not in m.group() and "中央" not in m.group():
                continue
            j, c = num(m.group("jie")), num(m.group("ci"))
            if not j or not c:
                continue
            if league is None and not m.group().startswith(("中国共产党", "中共", "党的")) and self._other_body_plenum(doc, m, org, j, c):
                continue
            if league is not None:
                # 团十九届二中全会: a plenum of the Youth League's central committee, not the party's
                label = f"中国共产主义青年团第{cn(j)}届中央委员会第{cn(c)}次全体会议"
                written = text[league.start():m.end()]
                self._add(doc, "meeting.plenum.league", label, league.start(), m.end(),
                          (written, f"共青团第{cn(j)}届中央委员会第{cn(c)}次全体会议", f"团{cn(j)}届{cn(c)}中全会", f"共青团{cn(j)}届{cn(c)}中全会"),
                          ("PlenarySession",), jie=j, ci=c)
                continue
            label = f"中国共产党第{cn(j)}届中央委员会第{cn(c)}次全体会议"
            aliases: Iterable[str] = (f"党的{cn(j)}届{cn(c)}中全会", f"{cn(j)}届{cn(c)}中全会", f"中共{cn(j)}届{cn(c)}中全会", f"{cn(c)}中全会")
            self._add(doc, "meeting.plenum.central", label, m.start(), m.end(), aliases, ("PlenarySession",), body="中共中央", jie=j, ci=c)
        for m in finditer(_CCDI_PLENUM, text):
            j, c = num(m.group("jie")), num(m.group("ci"))
            if j and c and not doc.blocked("meeting.plenum.ccdi", "Meeting", m.start(), m.end()):
                label = f"中国共产党第{cn(j)}届中央纪律检查委员会第{cn(c)}次全体会议"
                self._add(doc, "meeting.plenum.ccdi", label, m.start(), m.end(), (f"{cn(j)}届中央纪委{cn(c)}次全会", f"中央纪委{cn(j)}届{cn(c)}次全会"),
                          ("PlenarySession",), body="中共中央纪律检查委员会", jie=j, ci=c)
        self._plenums_body_between(doc)
        for m in finditer(_LOCAL_PLENUM, text):
            if doc.blocked("meeting.plenum.local", "Meeting", m.start(), m.end()):
                continue
            org = _org_ending_at(doc, m.start())
            j, c = num(m.group("jie")), num(m.group("ci"))
            if org is not None and org.attrs.get("kind") not in ("party", "national") and "全会" in m.group() and not text.startswith("（", m.end()):
                # 团省委十四届五次全会, 市妇联三届二次全会: the plenum of the body written before it
                self._add(doc, "meeting.plenum.body", f"{org.label}{cn(j)}届{cn(c)}次全会", org.start, m.end(), (text[org.start:m.end()], org.surface + m.group()),
                          ("PlenarySession",), body=org.label, jie=j, ci=c)
                continue
            if org is None or org.attrs.get("kind") != "party":
                # 中国共产党阜城县第十四届委员会第九次全体会议: the place sits between 中国共产党 and 第
                pm = next((p for p in doc.of_type("Place") if p.end == m.start()), None)
                if pm is None:
                    continue
                full = pm.aliases[0] if pm.aliases else pm.surface
                prefix = next((w for w in _w(doc.lex, "league_prefixes") if text.startswith(w, pm.start - len(w))), None)
                if prefix is not None:
                    self._league_plenum(doc, m, pm, full, pm.start - len(prefix), j, c)
                    continue
                start = pm.start - (5 if text.startswith("中国共产党", pm.start - 5) else 2 if text.startswith("中共", pm.start - 2) else 0)
                org_label, lvl, short, body_start = f"中共{full}委", full[-1], pm.label, start
                if start < pm.start and not any(o.label == org_label for o in doc.of_type("Organization")):
                    # the committee is named only by its plenum (中国共产党灵山县第十五届委员会…): it is an organisation
                    doc.add(Mention("Organization", org_label, start, pm.end, text[start:pm.end],
                                    aliases=tuple(sorted({f"{lvl}委", f"中共{full}委员会", f"中国共产党{full}委员会", f"{pm.label}{lvl}委"} - {org_label})),
                                    attrs={"kind": "party", "level": lvl, "place": pm.label}, rule="meeting.plenum.body_named"))
            else:
                org_label, lvl, short, body_start = org.label, org.attrs.get("level", ""), org.attrs.get("place", ""), org.start
            base = org_label if org_label.startswith("中共") else org_label
            label = f"{base}{cn(j)}届{cn(c)}次全会"
            place_full = org_label[2:-1] if org_label.startswith("中共") else ""
            aliases = {f"{lvl}委{cn(j)}届{cn(c)}次全会", f"{short}{lvl}委{cn(j)}届{cn(c)}次全会" if short else "",
                       f"中共{place_full}委第{cn(j)}届委员会第{cn(c)}次全体会议" if place_full else "",
                       f"中国共产党{place_full}第{cn(j)}届委员会第{cn(c)}次全体会议" if place_full else "",
                       f"{lvl}委全会", f"{short}{lvl}委全会" if short else ""}
            self._add(doc, "meeting.plenum.local", label, body_start, m.end(), aliases, ("PlenarySession",), body=org_label, jie=j, ci=c, level=lvl,
                      relative=not org_label.startswith("中共"))

    def _other_body_plenum(self, doc: Doc, m: re.Match[str], org: Mention | None, j: int, c: int) -> bool:
        """meeting.plenum.other_body: a central committee's plenum written right after another body than the party is
        that body's: after a democratic party's name, short or full (民建十二届二中全会, 九三学社第十五届中央委员会第三次
        全体会议: democratic_parties.tsv), after a national body of the party's own lexicon that is not the party
        (全国妇联十三届一中全会), or coordinated right after another body's national congress (共青团第十九次全国代表大会和
        十九届一中全会). True when it was added so (the party's plenum is not)."""
        text = doc.text
        rows = {r[k]: r for r in doc.lex.read_tsv("democratic_parties.tsv") for k in ("short", "full")}
        party = next((w for w in sorted(rows, key=len, reverse=True) if text.startswith(w, m.start() - len(w))), None)
        if party is not None:
            full, short = rows[party]["full"], rows[party]["short"]
            start = m.start() - len(party)
            self._add(doc, "meeting.plenum.other_body", f"{full}第{cn(j)}届中央委员会第{cn(c)}次全体会议", start, m.end(),
                      (text[start:m.end()], f"{short}{cn(j)}届{cn(c)}中全会"), ("PlenarySession",), body=full, jie=j, ci=c)
            return True
        if org is not None and org.label not in _w(doc.lex, "party_central_bodies"):
            self._add(doc, "meeting.plenum.other_body", f"{org.label}{cn(j)}届{cn(c)}中全会", org.start, m.end(),
                      (text[org.start:m.end()], org.surface + m.group()), ("PlenarySession",), body=org.label, jie=j, ci=c)
            return True
        congress = _re(doc.lex, "plenum_after_congress", rf"第?[{N}]+次全国代表大会(?:{{plenum_joiners}})$").search(text, max(0, m.start() - 14), m.start())
        if congress is not None:
            owner = _org_ending_at(doc, congress.start())
            if owner is not None and owner.label not in _w(doc.lex, "party_central_bodies"):
                # the League's as meeting.plenum.league names it (共青团 is written for 中国共产主义青年团)
                league_owner = owner.surface in _w(doc.lex, "league_marks")
                label = f"中国共产主义青年团第{cn(j)}届中央委员会第{cn(c)}次全体会议" if league_owner else f"{owner.label}第{cn(j)}届中央委员会第{cn(c)}次全体会议"
                self._add(doc, "meeting.plenum.other_body", label, m.start(), m.end(),
                          (m.group(),), ("PlenarySession",), body=owner.label, jie=j, ci=c)
                return True
        return False

    def _league_plenum(self, doc: Doc, m: re.Match[str], pm: Mention, full: str, start: int, j: int, c: int) -> None:
        """meeting.plenum.league_local: 共青团宿迁市第五届委员会第六次全体（扩大）会议 is the plenum of the League's
        committee of that place (团市委), not of the party's: the League's prefix stands before the place."""
        lvl = full[-1]
        org_label = f"共青团{full}委"
        if not any(o.label == org_label for o in doc.of_type("Organization")):
            doc.add(Mention("Organization", org_label, start, pm.end, doc.text[start:pm.end],
                            aliases=tuple(sorted({f"团{lvl}委", f"共青团{full}委员会", f"{pm.label}团{lvl}委"} - {org_label})),
                            attrs={"kind": "mass", "level": lvl, "place": pm.label}, rule="meeting.plenum.body_named"))
        aliases = (f"团{lvl}委{cn(j)}届{cn(c)}次全会", f"{pm.label}团{lvl}委{cn(j)}届{cn(c)}次全会",
                   f"共青团{full}第{cn(j)}届委员会第{cn(c)}次全体会议", f"团{lvl}委全会")
        self._add(doc, "meeting.plenum.league_local", f"{org_label}{cn(j)}届{cn(c)}次全会", start, m.end(), aliases, ("PlenarySession",),
                  body=org_label, jie=j, ci=c, level=lvl)

    def _plenums_body_between(self, doc: Doc) -> None:
        """meeting.plenum.body_between: 十三届省委五次全会, 十三届省纪委四次全会: a local plenum written with its term before
        the body's short name is that body's plenum, labelled as the plenum written body first (中共广东省委十三届五次全会),
        not a meeting named 十三届省委五次全会 nor the convener glued before it (…召开十三届省纪委四次全会)."""
        text = doc.text
        for m in _BODY_BETWEEN_PLENUM.finditer(text):
            org = next((o for o in doc.touching("Organization", m.start("body"), m.end("body"))
                        if o.start == m.start("body") and o.end == m.end("body")), None)
            j, c = num(m.group("jie")), num(m.group("ci"))
            if org is None or not j or not c or doc.blocked("meeting.plenum.body_between", "Meeting", m.start(), m.end()):
                continue
            lvl = str(org.attrs.get("level", ""))
            label = f"{org.label}{cn(j)}届{cn(c)}次全会"
            aliases = {m.group(), f"{m.group('body')}{cn(j)}届{cn(c)}次全会", f"{cn(j)}届{m.group('body')}{cn(c)}次全会"} - {label}
            self._add(doc, "meeting.plenum.body_between", label, m.start(), m.end(), tuple(sorted(aliases)), ("PlenarySession",),
                      body=org.label, jie=j, ci=c, level=lvl, relative=bool(org.attrs.get("relative")))

    def _congresses(self, doc: Doc) -> None:
        text = doc.text
        for m in _congress_matches(text):
            if doc.blocked("meeting.congress.national", "Meeting", m.start(), m.end()):
                continue
            n = num(m.group("n1") or m.group("n2"))
            if not n or (m.group("n2") and not m.group("pre2") and not re.match(r"[精报开胜以召代上的，。、”闭]", text[m.end():m.end() + 1] or "")):
                continue
            if m.group("n2") and not m.group("pre2") and text[max(0, m.start() - 4):m.start()].endswith(_w(doc.lex, "mass_congress_marks")):
                continue  # 团十九大, 中国工会十八大: the congress of a mass organisation, not the party's
            label = f"中国共产党第{cn(n)}次全国代表大会"
            aliases = (f"党的{cn(n)}大", f"{cn(n)}大", f"中共{cn(n)}大", f"党的第{cn(n)}次全国代表大会")
            self._add(doc, "meeting.congress.national", label, m.start(), m.end(), aliases, ("Congress",), body="中国共产党", n=n)
        place_ends = {p.end: p for p in doc.of_type("Place")}
        for m in finditer(_LOCAL_CONGRESS, text):
            if doc.blocked("meeting.congress.local", "Meeting", m.start(), m.end()):
                continue
            n = num(m.group("n") or m.group("n2"))
            start = m.start()
            if start in place_ends:
                # 中国共产党铜川市第十三次代表大会
                pm = place_ends[start]
                full = pm.aliases[0] if pm.aliases else pm.surface
                start = pm.start
                party = "中国共产党"
                league = _w(doc.lex, "league_prefixes")
                for pre in (*_w(doc.lex, "party_prefixes"), *league):
                    if text.startswith(pre, start - len(pre)):
                        start -= len(pre)
                        party = "共青团" if pre in league else party  # 共青团浙江省第十五次代表大会
                        break
                label, relative = f"{party}{full}第{cn(n)}次代表大会", False
            elif start > 0 and text[start - 1] in "省市县区" and (start < 2 or text[start - 2] not in "全本我该各城都"):
                full = place_for_level(doc.context, text[start - 1], doc.lex)
                start -= 1
                label = f"中国共产党{full}第{cn(n)}次代表大会" if full else text[start:m.end()]
                relative = not full
            else:
                inst = _re(doc.lex, "congress_institutions", r"({congress_institutions})$").search(text[max(0, start - 2):start]) \
                    or _re(doc.lex, "congress_sectors", r"(?<![全本我该各])([省市县区](?:{congress_sectors}))$").search(text[max(0, start - 6):start])
                if inst:
                    start -= len(inst.group(1))
                label, relative = text[start:m.end()], True
                before = None if inst else _org_ending_at(doc, start)
                convened = _verb(doc.lex).search(text, max(0, (before.start if before else start) - 4), before.start if before else start)
                org = before or (_subject(doc, start) if convened and not inst else None)
                if org is not None and org.attrs.get("kind") != "national" and text[org.start - 1:org.start] not in ("、", "和", "与", "及"):
                    # 县总工会召开第十五次代表大会: the congress of the organisation convening it; 传达学习县总工会第十五次
                    # 代表大会精神: its body, heldBy only (not 市文联、市作协第五次代表大会: two bodies)
                    if org.end == start:
                        start = org.start
                    label = org.label + text[m.start():m.end()]
                    held = convened or _re(doc.lex, "held_after", r"[^，。；]{0,16}?(?:{held_verbs})").match(text, m.end())
                    self._add(doc, "meeting.congress.local", label, start, m.end(), (text[start:m.end()], text[m.start():m.end()]), ("Congress",), n=n,
                              relative=True, **({"holder": org.label, "holder_type": "Organization"} if held else {"body": org.label}))
                    continue
            self._add(doc, "meeting.congress.local", label, start, m.end(), (text[start:m.end()],), ("Congress",), n=n, relative=relative)

    def _people(self, doc: Doc) -> None:
        """Sessions of people's congresses and CPPCC committees: 市政协九届四次会议, 政协岳阳市第九届委员会第四次会议."""
        text = doc.text
        place_ends = {p.end: p for p in doc.of_type("Place")}
        for m in finditer(_people_session(doc.lex), text):
            if doc.blocked("meeting.session", "Meeting", m.start(), m.end()):
                continue
            body = m.group("body") or m.group("body2") or ""
            j, c = num(m.group("jie") or m.group("jie2")), num(m.group("ci") or m.group("ci2"))
            if not j or not c:
                continue
            start = m.start()
            kind = "人大" if "人" in body else "政协" if ("政协" in body or "委员会" in body) else ""
            national = "全国" in body
            # what stands before the numbers: [全国|市|<place>][政协|人大]
            for word in ("政协", "人大"):
                if text.startswith(word, start - len(word)):
                    kind, start = kind or word, start - len(word)
                    break
            place = ""
            if text.startswith("全国", start - 2):
                national, start = True, start - 2
            elif start in place_ends:
                pm = place_ends[start]
                place, start = (pm.aliases[0] if pm.aliases else pm.surface), pm.start
            elif start > 0 and text[start - 1] in "省市县区" and (start < 2 or text[start - 2] not in "全本我该各城都"):
                place = place_for_level(doc.context, text[start - 1], doc.lex) or text[start - 1]
                start -= 1
            if text.startswith("政协", start - 2) and kind == "政协":
                start -= 2
            if not kind:
                continue
            sub_kind = m.group("sub") or "会议"
            if sub_kind != "会议":
                body_txt = m.group()[: -len(f"第{m.group('ci')}次{sub_kind}")]
                label = ("政协" if kind == "政协" and not text.startswith("政协", start) else "") + text[start:m.start()] + body_txt + f"第{cn(c)}次{sub_kind}"
                label = label.replace("政协政协", "政协")
                body = "全国政协" if national and kind == "政协" else (f"{place}政协" if place and kind == "政协" else "")
                self._add(doc, "meeting.session.committee", label, start, m.end(), (), (), jie=j, ci=c, body=body, holder=body, relative=not (place or national))
                continue
            if national:
                label = (f"第{cn(j)}届全国人民代表大会第{cn(c)}次会议" if kind == "人大"
                         else f"中国人民政治协商会议第{cn(j)}届全国委员会第{cn(c)}次会议")
                body = "全国人大" if kind == "人大" else "全国政协"
            elif kind == "人大":
                label = f"{place}第{cn(j)}届人民代表大会第{cn(c)}次会议"
                body = f"{place}人大" if place else ""
            else:
                label = f"政协{place}第{cn(j)}届委员会第{cn(c)}次会议"
                body = f"{place}政协" if place else ""
            short = gazetteer.short_name(place, doc.lex) if place else ""
            lvl = place[-1:] if place else ""
            aliases = ((f"{lvl}{kind}{cn(j)}届{cn(c)}次会议", f"{short}{lvl}{kind}{cn(j)}届{cn(c)}次会议") if kind == "政协" and place
                       else (f"{lvl}{cn(j)}届人大{cn(c)}次会议", f"{short}{lvl}{cn(j)}届人大{cn(c)}次会议") if place else ())
            self._add(doc, "meeting.session.people", label, start, m.end(), aliases, ("Session",), jie=j, ci=c, body=body,
                      relative=not (place or national))

    def _structured(self, doc: Doc) -> None:
        """Structured meeting kinds declared as data (extractors/data/meeting/rules.tsv): a pattern with
        届/次 numbers, a label template over the holder (written right before it, else the sentence's
        subject), alias templates."""
        text = doc.text
        for rule in doc.lex.ruleset("meeting").rules:
            for m in finditer(_re(doc.lex, f"rule:{rule.id}", rule.pattern), text):
                if doc.blocked(rule.id, "Meeting", m.start(), m.end()):
                    continue
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                if "n2" in groups:  # the number of the short form (团十九大)
                    groups["n"] = groups.pop("n2")
                numbers = {k: num(groups[k]) for k in ("jie", "ci", "n") if k in groups}
                if any(not v for v in numbers.values()):
                    continue
                # the body named inside the match (十四届全国人大常委会第二十二次会议), else the holder written right
                # before (徐矿集团第三届职代会…), else the subject of the sentence (徐矿集团召开…)
                if "named" in rule.requires:
                    # a national congress of a mass organisation (团十九大): one entity in every article, its
                    # holder is never the subject of the sentence that studies it
                    self._add(doc, rule.id, rule.label.format(**{k: cn(v) for k, v in numbers.items()}), m.start(), m.end(),
                              [a.format(**{k: cn(v) for k, v in numbers.items()}, written=m.group()) for a in rule.aliases],
                              rule.subtypes, named=True, **numbers)
                    continue
                holder = _org_starting_at(doc, m.start("body")) if "body" in groups else None
                if "body" in groups and holder is None:
                    continue  # the body is no organisation the article names
                start = m.start()
                if holder is None:
                    holder = _org_ending_at(doc, m.start())
                    start = holder.start if holder is not None else m.start()
                if holder is None:
                    holder = _subject(doc, m.start())
                if holder is None and "holder" in rule.requires:
                    continue  # 与会全体成员集体学习了…: no one named holds it, no meeting of its own
                fields: dict[str, str] = {**groups, **{k: cn(v) for k, v in numbers.items()},
                          "holder": holder.label if holder is not None else "", "written": text[start:m.end()],
                          "holder_full": max((holder.label, *holder.aliases), key=len) if holder is not None else ""}
                label = rule.label.format(**fields)
                aliases = [a.format(**fields) for a in rule.aliases]
                # a sitting named inside a name (列席…会议的代表) is reported only when it is convened here
                venue = "body" in groups and not (_re(doc.lex, "convened_before", r"(?:{convene_verbs})[^，。；]{0,4}$").search(text, doc.clause_start(m.start()), m.start())
                                                  or _re(doc.lex, "held_after", r"[^，。；]{0,16}?(?:{held_verbs})").match(text, m.end()))
                self._add(doc, rule.id, label, start, m.end(), aliases, rule.subtypes, **numbers,
                          holder=fields["holder"], holder_type="Organization" if holder is not None else "",
                          relative=holder is None or bool(holder.attrs.get("relative")), **({"venue": True} if venue else {}))

    def _named(self, doc: Doc) -> None:
        text = doc.text
        for start, end, surface, rows in _bodies(doc.lex).longest(text):
            m = re.match(rf"第([{N}0-9]+)次(会议|集体学习|常务会议)", text[end:end + 12])
            if not m or doc.blocked("meeting.numbered_body", "Meeting", start, end + m.end()):
                continue
            n = num(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
            label = f"{rows[0]['canonical']}第{cn(n)}次{m.group(2)}"
            # the body named in the meeting's name convenes it (中共中央政治局第八次集体学习)
            body = _org_starting_at(doc, start)
            # 习近平在中央深改委第二十四次会议上的讲话: the venue of a speech, not the meeting the article reports
            venue = doc.covered(start, end + m.end(), "Document")
            self._add(doc, "meeting.numbered_body", label, start, end + m.end(), (surface + m.group(),), (), named=True,
                      **({"holder": body.label, "holder_type": "Organization", "venue": venue} if body is not None and body.end <= end else {}))
        numbered = _re(doc.lex, "body_acts_numbered", rf"(?:{{numbered_session_verbs}})第(?P<n>[{N}0-9]+)次(?P<kind>集体学习|会议|常务会议)")
        for m in finditer_opening(numbered, text, _w(doc.lex, "numbered_session_verbs")):
            # 中共中央政治局9月27日下午就…进行第八次集体学习: the body is the subject of the sentence
            s_start, _ = doc.sentence_at(m.start())
            found = [(b_start, b_end, rows) for b_start, b_end, _s, rows in _bodies(doc.lex).longest(text[s_start:m.start()])]
            if not found or doc.covered(m.start("n") - 1, m.end(), "Meeting"):
                continue
            b_start, b_end, rows = found[0]
            if rows[0]["kind"] != m.group("kind"):
                continue
            n = num(m.group("n")) if not m.group("n").isdigit() else int(m.group("n"))
            body = _org_starting_at(doc, s_start + b_start)
            self._add(doc, "meeting.numbered_body.verb", f"{rows[0]['canonical']}第{cn(n)}次{m.group('kind')}", m.start("n") - 1, m.end(),
                      (m.group()[m.start("n") - 1 - m.start():],), (), named=True,
                      **({"holder": body.label, "holder_type": "Organization"} if body is not None else {}))
        for m in finditer(_ABBREVIATED_CONGRESS, text):
            if not doc.blocked("meeting.congress.abbreviated", "Meeting", m.start(), m.end()):
                place = place_for_level(doc.context, m.group(1), doc.lex)
                short = gazetteer.short_name(place, doc.lex) if place else ""
                self._add(doc, "meeting.congress.abbreviated", f"{short}{m.group(1)}党代会" if short else m.group(), m.start(), m.end(), (m.group(),), ("Congress",),
                          relative=True)
        for start, end, surface, rows in _named(doc.lex).longest(doc.text):
            if re.search(r"全[省市县区国]$|[省市县区]委?$", text[max(0, start - 2):start]) and not surface.startswith(("中央", "中共", "全国")):
                continue  # 全省党史学习教育动员大会 is the province's own meeting, not the national one
            if not doc.blocked("meeting.named", "Meeting", start, end):
                # 中央经济工作会议12月15日至16日在北京举行: a named meeting that sits in this text is held by the bodies
                # the lexicon knows convene it (rule meeting.named.holders: 中共中央, with 国务院); only named, it holds nothing
                holders = split_multi(rows[0].get("holders") or "")
                sits = holders and _re(doc.lex, "named_sits", r"(?:(?:\d{1,2}月)?\d{1,2}日(?:至\d{1,2}日)?|{sitting_times})?(?:在[^，。；！？\n]{1,16})?(?:{sitting_verbs})").match(text, end)
                held = {"holder": holders[0], "holder_type": "Organization", "co_holders": tuple(holders[1:])} if sits else {}
                self._add(doc, "meeting.named", rows[0]["label"], start, end, split_multi(rows[0]["aliases"]), named=True, **held)
        for m in finditer(_lianghui(doc.lex), doc.text):
            lvl = m.group("lvl") or ""
            if lvl == "全国" or doc.blocked("meeting.lianghui", "Meeting", m.start(), m.end()) or not lvl:
                continue
            place = place_for_level(doc.context, lvl[-1], doc.lex)
            label = f"{place}两会" if place else f"{lvl[-1]}两会"
            self._add(doc, "meeting.lianghui", label, m.start(), m.end(), (f"{lvl}两会", f"{lvl[-1]}两会", "两会"))

    def _described(self, doc: Doc) -> None:
        text = doc.text
        types, ends = meeting_types(doc.lex), _type_ends(doc.lex)
        for v in _verb(doc.lex).finditer(text):
            if doc.covered(v.start(), v.end(), "Organization"):
                continue  # 世界贸易组织: the verb is inside a name
            # a clause ends at punctuation, or at a space outside quotes (a headline's parts)
            window = text[v.end():v.end() + 48]
            seg = re.split(r"[，。；！？\n]", window)[0]
            unquoted = re.sub(r"“[^”]*”", lambda q: "“" * len(q.group()), seg)
            space = re.search(r"\s", unquoted)
            seg = seg[:space.start()] if space else seg
            end_rel = -1
            for i in range(2, len(seg) + 1):
                if (ends is None or seg[i - 1] in ends) and seg[:i].endswith(types):
                    nxt = seg[i:i + 1]
                    if nxt == "暨" and any(seg[i + 1:j].endswith(types) for j in range(i + 3, len(seg) + 1)):
                        continue  # 党组扩大会议暨党组中心组学习扩大会议 is one joint meeting
                    if nxt in "（(" and _ENLARGED.match(seg, i) and any(seg[:j].endswith(types) for j in range(i + 5, len(seg) + 1)):
                        continue  # 专题学习（扩大）会议, 集中学习（扩大）会: the name goes on over （扩大） to its own type
                    if nxt == "" or nxt in "、并上暨后时的（(" or _re(doc.lex, "verbs_after_name", "(?:{verbs_after_name})").match(seg, i) \
                            or _re(doc.lex, "listed_after_name", "(?:{meeting_list_joiners})").match(seg, i):
                        # …座谈会和…座谈会: a joiner after a meeting type ends the name, the next meeting is another
                        # (meeting.described.listed)
                        # …党组会议传达学习…: a verb after a meeting type ends the name
                        end_rel = i
                        break
            if end_rel < 0:
                continue
            phrase = seg[:end_rel]
            start, end = v.end(), v.end() + end_rel
            inner_verb = list(_re(doc.lex, "inner_verbs", "{inner_verbs}").finditer(re.sub(r"“[^”]*”", lambda q: "　" * len(q.group()), phrase)))
            if inner_verb:
                # 组织党员开展…主题党日活动: the meeting is what the last verb introduces
                cut = inner_verb[-1].end()
                phrase, start = phrase[cut:], start + cut
            lead = _re(doc.lex, "demonstratives", r"(?:{demonstratives})").match(phrase)
            if lead and len(phrase) > lead.end() + 1:
                # 举办这次专题研讨班: the demonstrative is not part of the name
                phrase, start = phrase[lead.end():], start + lead.end()
            if phrase == "会议" and not _meeting_ending(doc, start, end):
                self._adjacent_holder_meeting(doc, v, start, end)
                continue
            if phrase in _w(doc.lex, "too_generic") or _meeting_ending(doc, start, end):
                continue
            if not _is_meeting_phrase(phrase, doc.lex):
                continue
            if v.group().startswith(("组织", "开展")) and not v.group().endswith("召开") and (
                    "的" in phrase or "、" in re.sub(r"“[^”]*”", "", phrase) or seg[end_rel:end_rel + 1] == "、"
                    or not (phrase.endswith(_w(doc.lex, "organised_activities"))
                            or (phrase.endswith("会议") and _re(doc.lex, "organised_meeting", "{organised_meeting_words}").search(phrase)))):
                continue
            if phrase.startswith(("了", "的")):
                continue
            if _event_list(doc, phrase, start):
                continue  # meeting.described.event_list: 定期举办大讲堂、读书会: kinds of events held, no one meeting
            inner = _org_starting_at(doc, start)
            if inner is not None and any(mm.start == inner.start for mm in doc.of_type("Meeting")):
                inner = None  # 召开市委十二届十三次全会精神学习传达会: 市委 names what is studied, not the holder
            sitting = _session_sitting(doc, v.start())
            if sitting is not None and inner is None:
                # 十三届全国人大五次会议主席团4日上午…举行第一次会议: a sitting of the session's organ, which holds
                # it (no organisation of the graph: not 全国人大, whose name is inside the session's)
                session, organ = sitting
                self._add(doc, "meeting.described.session_sitting", session.label + organ + phrase, start, end,
                          (session.surface + organ + phrase, phrase), (), holder="", holder_type="", organ=organ)
                continue
            made_by = "meeting.described"
            convener = _subject(doc, v.start()) if inner is not None else None
            if inner is not None and convener is not None and convener.label != inner.label and convener.label.startswith(inner.label):
                # meeting.described.unit_holder: 国务院新闻办举行国务院政策例行吹风会: a body's unit that convenes a meeting
                # named for the body holds it (one level down), the name keeps the body
                label = inner.label + text[inner.end:end]
                aliases = {phrase, text[inner.end:end]}
                holder = convener
            elif inner is not None:
                label = inner.label + text[inner.end:end]
                aliases = {phrase, text[inner.end:end]}
                holder = inner
            else:
                holder = _subject(doc, v.start())
                if holder is None:
                    holder = _speaker_org(doc, v.start())
                if holder is not None:
                    subject = text[holder.start:v.start()]
                    subject = _re(doc.lex, "leader_in_subject", r"[\u4e00-\u9fff]{0,8}(?:{leader_titles})[\u4e00-\u9fff]{2,3}(?:主持)?$").sub("", subject)
                    subject = _re(doc.lex, "subject_tail", r"(?:在[^，。]{0,20}|于\S{0,10}|{subject_tails})+$").sub("", subject)
                    if subject.startswith(holder.surface) and (
                            "，" in subject or _re(doc.lex, "governed_lead", r"(?:{governing_prepositions})").match(subject, len(holder.surface))):
                        subject = holder.surface  # 市科协按照市委的统一部署和要求，召开了…: the adverbial is no part of the name
                    rest = phrase[len(holder.surface):] if phrase.startswith(holder.surface) else phrase
                    organ = next((g for g in ("党工委", "党委", "党组") if holder.label.endswith(g) and rest.startswith(g)), "")
                    rest = rest[len(organ):]  # 直属单位党委 + 党委扩大会: the organ is written once
                    label = _joined(holder.label, rest)
                    team = _team_of(doc.lex, subject, holder.surface)
                    if team and not rest.startswith(team):
                        # meeting.described.team: 国务院调查组在…召开第一次全体会议: the sitting is the team's, named by the
                        # body and its team (relations.held_by.team_sitting then leaves the body out of holding it)
                        label = _joined(holder.label, team + rest)
                        made_by = "meeting.described.team"
                    written = self._organ_written(doc, holder, subject)
                    if written == "党组" and not rest.startswith(written) and not holder.label.endswith(written):
                        label = holder.label + written + rest  # 中共全国政协党组11日召开（扩大）会议
                    aliases = {phrase, holder.surface + rest, subject + rest if subject and len(subject) <= 24 else ""}
                else:
                    label, aliases = phrase, set()
            self._add(doc, made_by, label, start, end, aliases, (), holder=holder.label if holder else "",
                      holder_type=holder.type if holder else "")

    @staticmethod
    def _organ_written(doc: Doc, holder: Mention, subject: str) -> str:
        """The organ of the holder written in the clause's subject (X党组 + date). Only a 党组 stays in the meeting's
        label: a state body's party group meeting is no session of the body (全国政协党组（扩大）会议 is not a CPPCC
        sitting), while a 党委 folds into its unit as the unit's own meeting (社区党委主题党日 = the community's)."""
        if subject.startswith(holder.surface):
            gap = _holder_gap(doc.lex).match(subject, len(holder.surface))
            if gap is not None and gap.group("organ"):
                return gap.group("organ")
        return next((g for g in _w(doc.lex, "holder_organs") if holder.surface.endswith(g) and not holder.label.endswith(g)), "")

    def _adjacent_holder_meeting(self, doc: Doc, verb, start: int, end: int) -> None:
        """省政府党组召开会议: a bare 会议 is a meeting when its holder is written right before the verb."""
        text = doc.text
        clause_start = doc.clause_start(verb.start())
        org = next((o for o in doc.of_type("Organization")
                    if clause_start <= o.start and o.end <= verb.start() and _holder_gap(doc.lex).fullmatch(text[o.end:verb.start()])), None)
        if org is None:
            self._chaired_bare_meeting(doc, verb, start, end)
            return
        gap = _holder_gap(doc.lex).fullmatch(text[org.end:verb.start()])
        assert gap is not None  # the organisation was chosen by this very match
        inner = gap.group("organ") or ""
        if not inner:
            # 中国石化集团公司党组召开会议: the organisation's mention already took in its 党组
            inner = next((g for g in ("党组", "党委", "党工委") if org.surface.endswith(g) and not org.label.endswith(g)), "")
        label = org.label + inner + "会议"
        self._add(doc, "meeting.described.bare_holder", label, start, end, (org.surface + inner + "会议", inner + "会议" if inner else ""), (),
                  holder=org.label, holder_type="Organization")

    def _organ_studies(self, doc: Doc) -> None:
        """县委常委会传达学习党的二十届三中全会精神, 省政府党组迅速传达学习…: an organ of a body (常委会, 党组,
        理论学习中心组) that opens its clause and studies, with no convening verb, is sitting: a meeting of that
        organ, held by the body (县委常委会会议). A body alone (市妇联传达学习…) names no meeting."""
        text = doc.text
        studies = _re(doc.lex, "organ_studies", r"(?P<organ>{holder_organs})?(?:\d{1,2}日|{gap_times})?(?:{organ_study_adverbs})*(?:{study_verbs_first})")
        plenum_bodies = _plenum_bodies(doc)
        for org in doc.of_type("Organization"):
            if not _opens_clause(doc, org):
                continue
            if any(body == org.label and doc.sentence_at(at) != doc.sentence_at(org.start) for body, at in plenum_bodies):
                continue  # meeting.described.organ_studies.plenum_organ: in a plenum's report the body's organ is the body
            m = studies.match(text, org.end)
            if m is None:
                continue
            organ = m.group("organ") or next((g for g in _w(doc.lex, "holder_organs") if org.surface.endswith(g) and not org.label.endswith(g)), "")
            if not organ or _meeting_ending(doc, org.start, m.end("organ") if m.group("organ") else org.end):
                continue
            end = m.end("organ") if m.group("organ") else org.end
            if doc.blocked("meeting.described.organ_studies", "Meeting", org.start, end):
                continue
            kind = "学习会" if organ.endswith("中心组") else "会议"
            self._add(doc, "meeting.described.organ_studies", org.label + organ + kind, org.start, end,
                      (org.surface + (organ if m.group("organ") else "") + kind, text[org.start:end]), (),
                      holder=org.label, holder_type="Organization")

    def _chaired_bare_meeting(self, doc: Doc, verb, start: int, end: int) -> None:
        """县委书记张海涛主持召开会议: a bare 会议 convened by a leader is the meeting of the organisation his
        title names (the organisation written right before the title, its 党组/党委 at most). Its name is the
        organ the headline gives that organisation (县委常委会传达学习… → 县委常委会会议), else the
        organisation's 会议. A national body in a title (中共中央总书记) convenes no meeting of its own here."""
        text = doc.text
        clause_start = doc.clause_start(verb.start())
        person = next((p for p in doc.of_type("Person") if p.end == verb.start() and p.start >= clause_start), None)
        if person is None:
            return
        titled = _re(doc.lex, "chair_title", r"(?P<organ>{holder_organs})?[\u4e00-\u9fff、]{0,12}?(?:{leader_titles})")
        org = max((o for o in doc.of_type("Organization") if clause_start <= o.start and o.end < person.start
                   and titled.fullmatch(text, o.end, person.start)), key=lambda o: o.end, default=None)
        if org is None or org.attrs.get("kind") == "national":
            return
        gap = titled.fullmatch(text, org.end, person.start)
        assert gap is not None  # the organisation was chosen by this very match
        organ = gap.group("organ") or ""
        if doc.paragraphs and not organ:
            h_start, h_end = doc.paragraphs[0]
            names = [n for n in (org.surface, org.label, *org.aliases) if n]
            head = _re(doc.lex, "headline_organ", r"(?P<organ>{holder_organs})")
            for n in names:
                at = text.find(n, h_start, h_end)
                found = head.match(text, at + len(n)) if at >= 0 and h_start < verb.start() else None
                if found and at + len(n) <= h_end and h_end <= clause_start:
                    organ = found.group("organ")
                    break
        label = org.label + organ + "会议"
        self._add(doc, "meeting.described.chaired", label, start, end, (org.surface + organ + "会议", organ + "会议" if organ else ""), (),
                  holder=org.label, holder_type="Organization")

    @staticmethod
    def _co_holders(doc: Doc) -> None:
        """县科协、县妇联联合召开座谈会, 中央纪委国家监委传达学习…会议: organisations coordinated with the holder
        (by 、/和/与/及 or written together) before the verb, or inside the meeting's own name, convene it with
        it (attrs co_holders)."""
        joiners = _w(doc.lex, "holder_joiners")
        orgs = sorted(doc.of_type("Organization"), key=lambda o: (o.start, -o.end))
        for m in doc.of_type("Meeting"):
            if not m.attrs.get("holder") or m.attrs.get("holder_type") != "Organization":
                continue
            s_start, _ = doc.sentence_at(m.start)
            first = next((o for o in orgs if o.label == m.attrs["holder"] and s_start <= o.start < m.end), None)
            if first is None:
                continue
            chain: list[str] = []
            prev = first
            while True:
                nxt = next((o for o in orgs if o.start >= prev.end and o.end < m.end and o.start - prev.end <= 2
                            and doc.text[prev.end:o.start] in ("", *joiners)), None)
                if nxt is None or nxt.label == m.attrs["holder"] or nxt.attrs.get("kind") in ("party-dept", "bureau") and not chain and doc.text[prev.end:nxt.start] == "":
                    break  # 市委宣传部: a department of the holder written after it is no second holder
                chain.append(nxt.label)
                prev = nxt
            if not chain:
                continue
            chain = list(dict.fromkeys(chain))
            if doc.text.startswith(_w(doc.lex, "distributive_adverbs"), prev.end):
                MeetingExtractor._each_holds(doc, m, chain, orgs)
            else:
                m.attrs = {**m.attrs, "co_holders": tuple(chain)}

    @staticmethod
    def _each_holds(doc: Doc, m: Mention, chain: list[str], orgs: list[Mention]) -> None:
        """县总工会、县妇联、县科协先后召开党组会议 (rule meeting.described.each): bodies enumerated before 分别/先后/相继
        and the verb hold one sitting each, not one together: each other body gets its own meeting of the same type
        at the same words (its label with its own name where the holder's opened it), none is a co-holder."""
        holder = m.attrs["holder"]
        if not m.label.startswith(holder):
            return
        kind = m.label[len(holder):]
        for label in chain:
            o = next(o for o in orgs if o.label == label)
            attrs = {k: v for k, v in m.attrs.items() if k != "co_holders"}
            doc.add(Mention("Meeting", label + kind, m.start, m.end, m.surface,
                            aliases=tuple(sorted({a for a in (o.surface + kind, o.surface + m.surface) if a != label + kind})),
                            subtypes=m.subtypes, attrs={**attrs, "holder": label, "each_of": True}, rule="meeting.described.each"))
        m.attrs = {**m.attrs, "each_of": True}

    @staticmethod
    def _named_again(doc: Doc) -> None:
        """全县统战工作会议召开 after 县委统战部召开全县统战工作会议: a convened meeting whose holder is not
        written is the meeting of the same name the article gives a holder elsewhere (the headline's, or the
        lead's): one event, with that holder, not a second meeting of the level's committee."""
        types = meeting_types(doc.lex)
        held = [m for m in doc.of_type("Meeting") if m.attrs.get("holder") and m.rule.startswith(("meeting.described", "meeting.subject"))]
        for m in doc.of_type("Meeting"):
            if m.attrs.get("holder") or m.attrs.get("body") or m.attrs.get("venue") or m.attrs.get("organ") \
                    or m.rule not in ("meeting.described", "meeting.subject") or len(m.surface) < 6 or not m.surface.endswith(types):
                continue
            same = {o.label: o for o in held if o is not m and o.surface == m.surface}
            if len(same) == 1:
                (other,) = same.values()
                m.aliases = tuple(sorted({*m.aliases, m.label} - {other.label}))
                m.label, m.attrs = other.label, dict(other.attrs)

    @staticmethod
    def _level_meetings(doc: Doc) -> None:
        """全县领导干部会议, 全省党史学习教育动员大会: a meeting named for the whole of a level (全+省/市/县/区)
        whose holder is not written is the meeting of that level's party committee, when the article
        names exactly one (县委): the holder of the article's own sitting, the body of a studied one."""
        for m in doc.of_type("Meeting"):
            if m.attrs.get("holder") or m.attrs.get("body") or m.attrs.get("venue"):
                continue
            lvl = re.match(r"全([省市县区])", m.surface)
            if lvl is None or m.rule not in ("meeting.described", "meeting.subject", "meeting.studied"):
                continue
            committees = {o.label: o for o in doc.of_type("Organization")
                          if o.attrs.get("kind") == "party" and (o.attrs.get("level") == lvl.group(1) or o.label.endswith(lvl.group(1) + "委"))}
            if len(committees) != 1:
                continue
            (label,) = committees
            if m.rule == "meeting.studied":
                m.attrs = {**m.attrs, "body": label}
            else:
                m.attrs = {**m.attrs, "holder": label, "holder_type": "Organization"}

    @staticmethod
    def _holders_in_names(doc: Doc) -> None:
        """…读书班暨市委理论学习中心组2026年第二次集体学习举行: a convened meeting with no holder before its verb
        is held by the organisation its own name gives, written right before a holder organ or a meeting type."""
        organs = _w(doc.lex, "holder_organs")
        types = meeting_types(doc.lex)
        for m in doc.of_type("Meeting"):
            if m.attrs.get("holder") or m.attrs.get("organ") or m.rule not in ("meeting.described", "meeting.subject"):
                continue
            inside = sorted((o for o in doc.touching("Organization", m.start, m.end) if m.start <= o.start and o.end < m.end),
                            key=lambda o: (o.start, -o.end))
            org = next((o for o in inside if doc.text.startswith(organs, o.end) or doc.text.startswith(types, o.end)), None)
            if org is not None:
                m.attrs = {**m.attrs, "holder": org.label, "holder_type": "Organization"}

    @staticmethod
    def _headline_is_lead(doc: Doc) -> None:
        """A headline's meeting and the lead's meeting of the same holder are one event, named as in the lead."""
        if not doc.paragraphs:
            return
        t_start, t_end = doc.paragraphs[0]
        if t_end - t_start > 60 or "。" in doc.text[t_start:t_end]:
            return  # the first line is prose, not a headline
        held = [m for m in doc.of_type("Meeting") if m.attrs.get("holder")]
        orgs = {o.label: o for o in doc.of_type("Organization")}
        types = meeting_types(doc.lex)

        def names(label: str) -> set[str]:
            o = orgs.get(label)
            return {label, *(o.aliases if o is not None else ()), *((o.surface,) if o is not None else ())}

        def same_holder(head: Mention, lead: Mention) -> bool:
            if lead.attrs["holder"] == head.attrs["holder"] or names(lead.attrs["holder"]) & names(head.attrs["holder"]):
                return True  # 省作协 in the headline, 江苏省作家协会 in the lead: one organisation
            # 医院举行党委理论学习中心组会议 over 浙江中医药大学附属第一医院召开党委理论学习中心组（扩大）会议:
            # the headline names the lead's institution by its head noun alone
            org = orgs.get(head.attrs["holder"])
            if org is None or not org.attrs.get("relative"):
                return False
            bare = next((org.label[:-len(g)] for g in _w(doc.lex, "holder_organs") if org.label.endswith(g)), org.label)
            kind = next((t for t in types if head.label.endswith(t)), "")
            return bool(bare) and lead.attrs["holder"].endswith(bare) and bool(kind) and lead.label.endswith(kind)

        for head in [m for m in held if t_start <= m.start < t_end]:
            lead = next((m for m in held if m.start >= t_end and same_holder(head, m)), None)
            if lead is not None and lead.label != head.label:
                head.aliases = tuple(sorted({*head.aliases, head.label} - {lead.label}))
                head.label = lead.label
                head.attrs = dict(lead.attrs)

    def _headed(self, doc: Doc) -> None:
        """市政府第一次常务会议, 县委常委会议: a meeting type right after its holder."""
        text = doc.text
        for org in doc.of_type("Organization"):
            m = _heads(doc.lex).match(text, org.end)
            if not m or _meeting_ending(doc, org.start, m.end()):
                continue
            if text.startswith(_w(doc.lex, "rooms"), m.end()):
                continue  # 在县委常委会议室主持召开…: the room named for the meeting, no meeting

            if _re(doc.lex, "body_acts", r"(?:{body_acts})").match(text[m.end():m.end() + 2]):
                continue  # 省委常委会召开扩大会议: 常委会 is the body convening, not the meeting
            end = m.end()
            if text.startswith("暨", end):
                # 市纪委常委（扩大）会议暨全市…推进会: one joint meeting
                tail = re.match(rf"暨[^，。；！？\n]{{2,40}}?(?:{'|'.join(map(re.escape, meeting_types(doc.lex)))})(?=[，。；！？\n]|$|上|召开|举行)", text[end:end + 48])
                if tail:
                    end += tail.end()
            head = text[org.end:end]
            label = org.label + head
            self._add(doc, "meeting.headed", label, org.start, end, (org.surface + head, head), (),
                      holder=org.label, holder_type="Organization")

    def _subject_meetings(self, doc: Doc) -> None:
        text = doc.text
        types = meeting_types(doc.lex)
        pattern = _subject_meeting(doc.lex)
        starts = _subject_meeting_starts(text, _w(doc.lex, "held_verbs"))
        for m in finditer(pattern, text) if starts is None else finditer_at(pattern, text, starts):
            ph = m.group("ph").strip("，")
            greeting = next((g for g in _w(doc.lex, "greeting_leads") if ph.startswith(g)), "")
            if greeting:
                # meeting.subject.greeting: 祝贺大会召开, 祝贺第31届…会议召开: the greeting verb's object is the sitting
                ph = ph[len(greeting):]
                if ph in ("会议", "大会", "会"):
                    continue
            organiser = _org_starting_at(doc, m.end("ph") - len(ph))
            by = _re(doc.lex, "organised_by", r"(?:{organising_verbs})的").match(text, organiser.end) if organiser is not None else None
            if organiser is not None and by is not None and by.end() < m.end("ph"):
                # 校团委组织的团干部学习十八大精神座谈会在…召开: the organiser holds the meeting named after 的
                rest = text[by.end():m.end("ph")]
                if rest.endswith(types) and not _meeting_ending(doc, by.end(), m.end("ph")) and _is_meeting_phrase(rest, doc.lex) \
                        and not doc.blocked("meeting.subject.organised", "Meeting", by.end(), m.end("ph")):
                    self._add(doc, "meeting.subject.organised", organiser.label + rest, by.end(), m.end("ph"), (rest, ph), (),
                              holder=organiser.label, holder_type="Organization")
                continue
            if not ph.endswith(types) or ph in ("会议", "大会", "会") or _meeting_ending(doc, m.start("ph"), m.end("ph")):
                continue
            # a quote or 的 inside makes the phrase a clause (把“…”作为…), except in the name of a level's
            # meeting (全县深入学习贯彻…关于“三农”工作重要论述暨…推进会), whose quotes name its theme
            level_wide = re.match(r"全[省市县区]", ph) is not None
            if _re(doc.lex, "subject_phrase", r"{subject_phrase_verbs}|[从对向把]|(?<!党)的").search(re.sub(r"“[^”]{1,12}”", "", ph) if level_wide else ph) \
                    or (not level_wide and re.search(r"[“”]", ph)):
                continue
            if not _is_meeting_phrase(ph, doc.lex):
                continue
            if ph.startswith(_w(doc.lex, "subject_phrase_leads")):
                continue  # meeting.subject.clause_lead: 在…大会, 每当党的重大会议, 作为来宾列席大会, 他会: a clause, not a name
            if _opens_with_governor(ph, doc.lex):
                continue  # meeting.subject.governor_lead: 就第39届…峰会召开, 期待以…和万隆会议举行70周年为契机
            if ph.endswith(_w(doc.lex, "convening_bodies")):
                continue  # 省委常委会召开扩大会议: the convening body, not a meeting
            start = m.start("ph") + (len(m.group("ph")) - len(m.group("ph").lstrip("，"))) + len(greeting)
            if doc.blocked("meeting.subject", "Meeting", start, m.end("ph")) or any(o.end == m.end("ph") for o in doc.of_type("Organization")):
                continue
            holder = _org_starting_at(doc, start) or next(
                (o for o in sorted(doc.of_type("Organization"), key=lambda o: o.start) if start <= o.start <= start + 4 and o.end < m.end("ph")), None)
            organ = _organ_of_session(doc, start, m.end("ph"))
            if organ:
                holder = None  # 十三届全国人大五次会议主席团常务主席第一次会议: the session's organ sits, not its body
            self._add(doc, "meeting.subject", ph, start, m.end("ph"), (), (), holder=holder.label if holder is not None else "",
                      holder_type="Organization" if holder is not None else "", **({"organ": organ} if organ else {}))

    def _studied(self, doc: Doc) -> None:
        """Meetings named only as what was studied: 学习传达省市纪委监委调度会议精神."""
        text = doc.text
        tails = _w(doc.lex, "studied_other_tails")
        for m in finditer_opening(_studied(doc.lex), text, _w(doc.lex, "study_verbs_first")):
            # the list goes on after 精神: 传达学习了A会议精神、B动员部署会精神和C大会精神
            chunks = [(m.start("objs"), m.group("objs"))]
            more = _studied_more(doc.lex).match(text, m.end())
            while more:
                chunks.append((more.start("objs"), more.group("objs")))
                more = _studied_more(doc.lex).match(text, more.end())
            # split each object at 和/、/及, but keep a fragment that is no meeting with what follows
            # (区局、处两级中心组集中学习会 is one meeting) unless it is another kind of object
            # (…工作要求及本区贯彻落实工作安排情况、X大会: the requirements and the report are no part of the meeting)
            pieces: list[tuple[int, str]] = []
            for buf_start, objs in chunks:
                buf = ""
                for part in re.split(r"(以及|和|、|及)", objs):
                    if part in ("和", "、", "及", "以及") and buf.endswith(meeting_types(doc.lex)):
                        pieces.append((buf_start, buf))
                        buf_start, buf = buf_start + len(buf) + len(part), ""
                        continue
                    if part in ("和", "、", "及", "以及") and buf.endswith(tails):
                        buf_start, buf = buf_start + len(buf) + len(part), ""
                        continue
                    buf += part
                pieces.append((buf_start, buf))
            for p_start, part in pieces:
                pos = p_start + len(part)
                dated = _LEADING_DATE.match(part)
                if dated:
                    # 4月8日中央政治局常务委员会会议: the date says when, the name starts after it
                    p_start, part = p_start + dated.end(), part[dated.end():]
                core = part.strip()
                if not core.endswith(meeting_types(doc.lex)) or core.endswith(("全会",)) or len(core) < 5:
                    continue
                if _re(doc.lex, "vague_studied", "{vague_studied}").search(core):
                    continue
                if _meeting_ending(doc, p_start, pos) or doc.blocked("meeting.studied", "Meeting", p_start, pos):
                    continue
                if _re(doc.lex, "not_studied_meeting", "(?:{not_studied_meeting})(?!部|思想)").search(core) or len(core) > 40:
                    continue  # …宣传阐释…: a manner; 全国宣传部长会议, 全国宣传思想文化工作会议 are meetings
                self._add(doc, "meeting.studied", core, p_start, pos, (), (), studied=True, **_named_body(doc, p_start + len(part) - len(part.lstrip()), pos))

    def _speech_venues(self, doc: Doc) -> None:
        """习近平总书记在党外人士座谈会上的重要讲话: the meeting where a named speech was given."""
        types = meeting_types(doc.lex)
        for d in doc.of_type("Document"):
            if "Speech" not in d.subtypes:
                continue
            m = _re(doc.lex, "speech_venue", r"在(?:{venue_verbs})?(?P<v>[^，。；、\n在]{3,40}?)(?:上|期间|时)(?:所作|作|发表)?的").search(doc.text, d.start, d.end)
            if m is None:
                continue
            v = m.group("v")
            if not v.endswith(types) or not _is_meeting_phrase(v, doc.lex) or v in _w(doc.lex, "too_generic") or _meeting_ending(doc, m.start("v"), m.end("v")):
                continue
            if doc.covered(m.start("v"), m.end("v"), "Meeting"):
                continue
            self._add(doc, "meeting.speech_venue", v, m.start("v"), m.end("v"), (), (), venue=True)

    def _documents_of_meetings(self, doc: Doc) -> None:
        """十九届五中全会公报: a document named after a plenum or congress."""
        text = doc.text
        for m in list(doc.of_type("Meeting")):
            if not ({"PlenarySession", "Congress"} & set(m.subtypes)):
                continue
            for suffix in _w(doc.lex, "documents_after_meeting"):
                # 十九届五中全会公报, 二十届三中全会《决定》
                written = next((w for w in (suffix, f"《{suffix}》") if text.startswith(w, m.end)), None)
                if written is None or written == suffix and doc.blocked("meeting.document_of_meeting", "Document", m.start, m.end + len(written)):
                    continue
                end = m.end + len(written)
                surface = text[m.start:end]
                doc.add(Mention("Document", m.label + suffix, m.start, end, surface,
                                aliases=tuple(sorted({surface, m.surface + suffix, *(a + suffix for a in m.aliases)} - {m.label + suffix})), rule="meeting.document_of_meeting"))
                break

    def _bare(self, doc: Doc) -> None:
        """全会, 市委全会, 五中全会: the article's plenum of that body (or a new unnumbered one)."""
        text = doc.text
        plenums = [m for m in doc.of_type("Meeting") if "PlenarySession" in m.subtypes]
        for m in finditer(_BARE, text):
            if doc.blocked("meeting.plenum.bare", "Meeting", m.start(), m.end()):
                continue
            org_txt = m.group("org") or ""
            target = None
            if m.group("ord"):
                c = num(m.group("ord"))
                target = next((p for p in plenums if p.attrs.get("ci") == c and p.attrs.get("body") == "中共中央"), None)
            elif org_txt:
                lvl = org_txt[-2]
                # 团省委、团市委全会, 省委、市委全会: a bare plenum of each body listed before it (团 makes it the League's)
                for start, league, o_txt in _listed_bare_bodies(text, m.start("org")):
                    o_lvl = o_txt[-2]
                    if not league and any(p.attrs.get("level") == o_lvl for p in plenums):
                        continue  # 省委 names the article's numbered provincial plenum
                    body = _org_starting_at(doc, start)
                    place = "" if league else place_for_level(doc.context, o_lvl, doc.lex)
                    label = f"{league}{gazetteer.short_name(place, doc.lex) if place else ''}{o_txt}全会"
                    aliases = {f"{league}{o_txt}全会", text[start:m.end()]} - {label}
                    doc.add(Mention("Meeting", label, start, m.end(), text[start:m.end()], aliases=tuple(sorted(aliases)), subtypes=("PlenarySession",),
                                    attrs={"level": o_lvl, "body": body.label if body is not None else "", "relative": True},
                                    rule="meeting.plenum.bare_listed"))
                if text.startswith("团", m.start("org") - 1):
                    continue
                cands = [p for p in plenums if p.attrs.get("level") == lvl]
                target = cands[0] if len({p.label for p in cands}) == 1 else None
                if target is None and not cands:
                    place = place_for_level(doc.context, lvl, doc.lex)
                    short = gazetteer.short_name(place, doc.lex) if place else ""
                    label = f"{short}{lvl}委全会" if short else f"{lvl}委全会"
                    body = _org_starting_at(doc, m.start("org"))
                    self._add(doc, "meeting.plenum.bare_new", label, m.start(), m.end(), (f"{lvl}委全会", org_txt + "全会"), ("PlenarySession",), level=lvl,
                              body=body.label if body is not None else "", relative=True)
                    # the headline's 县委全会 is the plenum a bare 全会 after it names (…传达学习全会精神)
                    plenums.append(doc.mentions[-1])
                    continue
            else:
                labels = {p.label for p in plenums}
                # 在党的二十届二中全会上的重要讲话和全会精神: the plenum just named in the same sentence
                s_start, _ = doc.sentence_at(m.start())
                near = [p for p in plenums if s_start <= p.start and p.end <= m.start()]
                target = plenums[0] if len(labels) == 1 else (max(near, key=lambda p: p.end) if near else None)
            if target is not None:
                self._add(doc, "meeting.plenum.bare", target.label, m.start(), m.end(), target.aliases, target.subtypes, **target.attrs)


def _listed_bare_bodies(text: str, org_start: int) -> list[tuple[int, str, str]]:
    """The party or League committees a bare plenum's own body closes a list of (团省委、团市委全会; 省委和市委全会):
    (start, '团' or '', 省委/市委) for the bodies listed before it whose plenum the text names only so, and for
    a League body the plenum's own body itself (团市委全会 is the League's, not the party's)."""
    out = []
    if text.startswith("团", org_start - 1):
        out.append((org_start - 1, "团", text[org_start:org_start + 2]))
    pos = org_start - (1 if out else 0)
    while True:
        m = _LISTED_BODY.search(text, max(0, pos - 4), pos)
        if m is None or m.end() != pos:
            break
        out.append((m.start(), m.group("league") or "", m.group("body")))
        pos = m.start()
    return out


def _joined(holder: str, rest: str) -> str:
    """meeting.described.overlap: the holder's label and a meeting name that opens with the holder's last word
    (中共中央 + 中央西藏工作座谈会) share it once: 中共中央西藏工作座谈会, not 中共中央中央西藏工作座谈会."""
    for k in range(min(len(holder), len(rest)) - 1, 1, -1):
        if rest.startswith(holder[-k:]):
            return holder + rest[k:]
    return holder + rest


def _is_meeting_phrase(phrase: str, lex: Lexicons) -> bool:
    """A meeting of the genre, not a list of events or a festivity (雪地保龄球、雪地足球等趣味活动, 联欢会)."""
    generic = _w(lex, "generic_events")
    if phrase in generic or phrase.endswith(generic) and len(phrase) <= 6:
        return False
    if phrase.endswith(_w(lex, "performances")):
        return False  # 庆祝中国共产党成立101周年交响音乐会: a performance, however long its name, is no meeting
    if _re(lex, "not_a_meeting", "{not_a_meeting}").search(phrase):
        return False
    if _counted(phrase, lex):
        return False
    if phrase.endswith("活动") and not _re(lex, "activity_of_genre", "{activity_of_genre}").search(phrase):
        return False
    return True


def _counted(phrase: str, lex: Lexicons) -> bool:
    """meeting.counted: 5场座谈会, 16个专题会议, (安理会)两场专题会议, 三千多次的专题分析会: a phrase opening with a
    count of two or more names several sittings or how many there were, not one meeting. Only at the opening: a
    count inside the name is a numbered formulation (深入贯彻中央八项规定精神…读书班); one sitting (举行一场座谈会)
    is no count. A figure may be written with a decimal and a unit (已举办3.1万场招聘会, 1.2万余场): a scaled figure
    is a count of thousands, never one meeting."""
    many = r"(?:[0-9]{1,6}(?:\.[0-9]+)?[万千百亿]?|[两三四五六七八九十百千万几数][一二两三四五六七八九十百千万]*)[多余]?"
    return bool(_re(lex, "counted", rf"{many}(?:{{count_measures}}|次)").match(phrase))


def _event_list(doc: Doc, phrase: str, start: int) -> bool:
    """meeting.described.event_list: a phrase that lists short event nouns with 、 (大讲堂、读书会; 座谈、研讨会), none
    of them a body's name, names kinds of events held, not one meeting. Only parts of at most four characters:
    a longer part may be a name whose bodies are listed (区局、处两级中心组集中学习会; 省委、省政府…联席会议)."""
    parts = phrase.split("、")
    if len(parts) < 2 or any(not 1 < len(p) <= 4 for p in parts):
        return False
    return not doc.covered(start, start + len(parts[0]), "Organization")


def _opens_with_governor(phrase: str, lex: Lexicons) -> bool:
    """meeting.subject.governor_lead: a would-be subject meeting whose first word (as jieba cuts it) is a
    preposition or a verb that governs a clause (``subject_phrase_lead_words``: 就, 期待, 希望) is that clause,
    whose object names the meeting or its occasion (就第39届非洲联盟峰会召开 "on the summit's opening"; 期待以两国
    建交75周年和万隆会议举行70周年为契机), not the meeting's name. The word must stand alone: a name may open
    with a word that holds the character (就业工作会议, 以案促改警示教育大会, 为期三天的…, 对口支援工作会议)."""
    words = cut(phrase[:8], lex)
    first = words[0] if words else ""
    return first in _w(lex, "subject_phrase_lead_words") or (len(words) > 1 and word_tag(first) == "p")


def _meeting_ending(doc: Doc, start: int, end: int) -> bool:
    """True when [start, end) is already (the tail of) a known meeting, or inside one."""
    return any(m.end == end or (m.start <= start and end <= m.end) for m in doc.touching("Meeting", start, end))


@cache
def _heads(lex: Lexicons) -> re.Pattern[str]:
    words = sorted((w for line in lex.read_list("meeting_heads.txt") for w in line.split()), key=len, reverse=True)
    return re.compile(rf"(?:常委会|常务委员会)第[{N}0-9]+次会议|(?:第[{N}0-9]+次)?(?:{'|'.join(map(re.escape, words))})")


def _speaker_org(doc: Doc, verb_pos: int):
    """副市长郭智深主持召开…: a leader convenes for the government he belongs to, if the article names it."""
    s, _ = doc.sentence_at(verb_pos)
    before = doc.text[s:verb_pos]
    for title in _w(doc.lex, "government_leaders"):  # 副市长 → the government of the 市 (the character before 长)
        lvl = title[-2]
        if title in before:
            for m in doc.of_type("Organization"):
                if m.attrs.get("kind") == "gov" and m.attrs.get("level") == lvl:
                    return m
            return None
    return None


def _named_body(doc: Doc, start: int, end: int) -> dict[str, str]:
    """省妇联十三届三次执委会议, 市政府第一次常务会议: a studied meeting whose name opens with one local
    organisation was convened by it ({"body": label}). A national body (中央经济工作会议) and two bodies
    (市文联、市作协第五次代表大会, 省市纪委监委调度会议) give none."""
    org = _org_starting_at(doc, start)
    if org is None or org.end >= end or org.attrs.get("kind") == "national" or doc.text[org.end] in "、和及与":
        return {}
    if any(o is not org and start <= o.start and o.end <= end and not (o.start >= org.start and o.end <= org.end)
           for o in doc.touching("Organization", start, end)):
        return {}
    return {"body": org.label}


def _organ_of_session(doc: Doc, start: int, end: int) -> str:
    """The organ of a session written right after it inside [start, end) (十三届全国人大五次会议|主席团), or ''."""
    for m in doc.touching("Meeting", start, end):
        if start <= m.start and m.end < end and "Session" in m.subtypes:
            organ = _re(doc.lex, "session_organ", r"(?:{session_organs})").match(doc.text, m.end)
            if organ:
                return organ.group()
    return ""


def _session_sitting(doc: Doc, verb_pos: int) -> tuple[Mention, str] | None:
    """The session organ that is the subject of a convening verb (十三届全国人大五次会议主席团…举行第一次会议),
    with its session; None when the subject is no session's organ (a session's own sitting, 十三届全国人大
    五次会议…举行预备会议, is named after its body as any described meeting)."""
    clause = doc.clause_start(verb_pos)
    for m in doc.touching("Meeting", clause, verb_pos):
        if clause <= m.start and m.end <= verb_pos and "Session" in m.subtypes \
                and not doc.text[clause:m.start].strip("　 0123456789年月日"):
            gap = _re(doc.lex, "session_gap", r"(?P<organ>{session_organs})?(?:\d{1,2}日)?(?:{time_of_day})?(?:在[^，。；]{1,20})?").fullmatch(
                doc.text, m.end, verb_pos)
            if gap and gap.group("organ"):
                return m, gap.group("organ")
    return None


def _org_starting_at(doc: Doc, pos: int):
    best = None
    for m in doc.touching("Organization", pos, pos):
        if m.start == pos and (best is None or m.end > best.end):
            best = m
    return best


# prepositions that make the organisation after them an adverbial of the clause
def _plenum_bodies(doc: Doc) -> list[tuple[str, int]]:
    """meeting.described.organ_studies.plenum_organ: the bodies whose plenary session the article names (全会,
    全体会议), with where. A plenum's communiqué recounts the year of the standing committee that presides over it
    (中央纪委常委会深入学习贯彻…, 市委常委会认真落实…): that is the work the plenum heard, not a sitting of the
    committee. A plenum named in the organ's own sentence is what it studies (市委常委会传达学习市委全会精神)."""
    out = []
    for m in doc.of_type("Meeting"):
        body = m.attrs.get("body") or m.attrs.get("holder")
        if body and ("PlenarySession" in m.subtypes or m.label.endswith(_w(doc.lex, "plenum_heads"))):
            out.append((body, m.start))
    return out


def _governed(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "governed", r"(?:{governing_prepositions})[^，。；]{0,6}$")


def _is_governed(doc: Doc, m: Mention) -> bool:
    """m follows a preposition of its clause (按照市委的部署, 受省委委托) — a word of its own, not the
    first character of one (经开区人民法院: 经 begins the zone's name) — or stands in the list of those the
    subject meets with (:func:`_in_companion_list`)."""
    clause = doc.clause_start(m.start)
    before = doc.text[clause:m.start]
    if _in_companion_list(doc, clause, before):
        return True
    found = _governed(doc.lex).search(before)
    if not found:
        return False
    words = _w(doc.lex, "governing_prepositions")
    pos = 0
    for tok in cut(before, doc.lex):
        if pos >= found.start() and tok in words:
            return True
        pos += len(tok)
    return False


def _in_companion_list(doc: Doc, clause: int, before: str) -> bool:
    """meeting.subject.companion_list: 国务院总理李强同新开发银行行长X、世界银行行长Y、…和亚洲基础设施投资银行行长Z等
    10家国际经济组织负责人举行对话会, 王某与以色列候任总理、外交部长拉皮德共同主持召开…: the object of a companion
    preposition (同/与/跟, a word of its own) runs, item after item of its list (、和及 between them), up to the verb;
    an organisation inside it, however far from the preposition, is a counterpart the subject meets, not the one who
    convenes. Only an organisation that follows a list joiner or the words of an item (a title and a name) is so
    read: the one right after the preposition is already governed (:func:`_is_governed`'s six characters)."""
    words = _w(doc.lex, "companion_prepositions")
    if not any(w in before for w in words) or not any(j in before for j in _w(doc.lex, "companion_list_joiners")):
        return False
    pos, opened = 0, -1
    for tok in cut(before, doc.lex):
        # the preposition as a word, or fused by jieba with the first character of an unseen name (同甲, 北京同新):
        # not inside a word it knows (同时, 共同, 陪同, 参与)
        if (tok in words or (tok[:1] in words and not is_dictionary_word(tok))) and not _inside_name(doc, clause + pos):
            opened = pos + 1 if tok not in words else pos + len(tok)
            break  # the first: a 与 further on is inside a name of the list (联合国贸易与发展会议)
        pos += len(tok)
    if opened < 0:
        return False
    inside = before[opened:]
    if not any(j in inside for j in _w(doc.lex, "companion_list_joiners")):
        return False
    # the list ends at a verb of its own (同Y签署协议后召开…): only a list that runs to the organisation counts
    return not any(v in inside for v in _w(doc.lex, "companion_list_ends"))


def _inside_name(doc: Doc, pos: int) -> bool:
    """The character at pos is a word of an organisation's name (经济合作与发展组织, 补贴与反补贴措施委员会), not a
    preposition: a name that reads place + 同 + … (北京同新开发银行) swallowed the preposition after the place of its
    clause, and the character is the preposition after all."""
    for o in doc.touching("Organization", pos, pos + 1):
        if o.start < pos < o.end:
            return not any(p.start == o.start and p.end == pos for p in doc.touching("Place", o.start, pos))
    return False


#: what may stand before a clause's subject: spaces and a date or time of day (5月8日上午, 近日)
_CLAUSE_LEAD = "　 0123456789年月日上午下午晚上近日日前"


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans “…” closed inside [start, end)."""
    return [(start + q.start(), start + q.end()) for q in re.finditer(r"“[^“”]*”", text[start:end])]


def _unquoted_clause_start(doc: Doc, pos: int) -> int:
    """``doc.clause_start`` that does not count a comma inside a quotation closed before ``pos`` (a quoted theme
    “维护…原则，加强…体系” is one phrase of the clause)."""
    start = doc.clause_start(pos)
    s, _ = doc.sentence_at(pos)
    for a, b in reversed(_quoted_spans(doc.text, s, pos)):
        if a < start <= b:
            start = doc.clause_start(a) if a > s else s
    return start


def _place_opens_clause(doc: Doc, clause_start: int, verb_pos: int) -> bool:
    """A place (a country, a province) opens the clause [clause_start, verb_pos), outside any organisation's
    name: the clause's subject, as 美国 in 美国将举办…峰会 (meeting.subject.place_clause)."""
    return any(p.start == clause_start and p.end < verb_pos and not doc.covered(p.start, p.end, "Organization")
               for p in doc.touching("Place", clause_start, clause_start + 1))


def _opens_clause(doc: Doc, m: Mention) -> bool:
    """m opens its clause, a date or time of day at most before it: the clause's subject (县委常委会传达学习…)."""
    return not doc.text[doc.clause_start(m.start):m.start].strip(_CLAUSE_LEAD)


def visited(doc: Doc, o: Mention) -> bool:
    """The organisation is the place of a visit (李克强到农业农村部考察，并主持召开座谈会; 来到…和省人大机关调研，
    主持召开…座谈会; 深入…国家重点实验室了解…情况): the visitor convenes there, the body visited does not.

    Read in the organisation's clause: a visit verb before it (到, 来到, 深入…, other places of the visit may
    stand between) and the purpose of the visit right after it (考察, 调研, 了解…)."""
    text = doc.text
    before = text[doc.clause_start(o.start):o.start]
    return bool(_re(doc.lex, "visit_before", r"(?:{visit_verbs})[^，。；！？\n]{0,40}$").search(before)
                and _re(doc.lex, "visit_after", r"[^，。；！？\n]{0,12}?(?:{visit_purposes})").match(text, o.end))


def _opens_plenum_name(doc: Doc, m: Mention) -> bool:
    """meeting.subject.plenum_body: 县委十五届九次全会召开后，各乡镇…召开党委会议: an organisation written as the opening
    of a plenum's or a congress's name is that meeting's body, not the subject of a verb after it."""
    return any(y.start <= m.start and m.end < y.end and ("PlenarySession" in y.subtypes or "Congress" in y.subtypes)
               for y in doc.touching("Meeting", m.start, m.end))


def _subject(doc: Doc, verb_pos: int):
    """The organisation that is the subject of the verb: the nearest one before it in the sentence."""
    s, _ = doc.sentence_at(verb_pos)
    cands = [m for m in doc.touching("Organization", s, verb_pos) if s <= m.start and m.end <= verb_pos]
    if not cands:
        # 八所镇召开…: a place as subject stands for its party committee, when the article names one
        pm = next((p for p in doc.touching("Place", verb_pos - 1, verb_pos) if s <= p.start and (p.end == verb_pos or doc.text[p.end:verb_pos] in ("在", "于"))), None)
        if pm is not None:
            # its committee, named with the place (八所镇党委) or as 中共+place (中共广东省委: 广东省召开…)
            own = [m for m in doc.of_type("Organization") if m.attrs.get("kind") == "party"
                   and (m.label.startswith(pm.label) or m.label.startswith("中共" + pm.label))]
            if own:
                return sorted(own, key=lambda m: (len(m.label), m.start))[0]
            if pm.attrs.get("level") in ("town", "county"):
                # 安伏镇召开全镇工作会议: the town acts as an institution
                org = Mention("Organization", pm.label if pm.attrs.get("level") == "town" else (pm.aliases[0] if pm.aliases else pm.label),
                              pm.start, pm.end, pm.surface, attrs={"kind": "local-government", "place": pm.label}, rule="meeting.place_as_holder")
                doc.add(org)
                return org
        return None
    # an organisation governed by a preposition (按照市委的统一部署, 受省委委托) is an adverbial, not the subject;
    # a national body in a leader's title (中共中央政治局常委、国务院副总理韩正主持召开…) is not who convenes
    cands = [m for m in cands if not _is_governed(doc, m) and not visited(doc, m)
             and not (m.attrs.get("kind") == "national" and in_title(doc.text, m.end, doc.lex))
             and not _opens_plenum_name(doc, m)]
    if not cands:
        return None
    # prefer the first organisation of the clause (市妇联党组理论学习中心组召开…)
    clause_start = _unquoted_clause_start(doc, verb_pos)
    quoted = _quoted_spans(doc.text, s, verb_pos)
    if quoted:
        # meeting.subject.quoted: 联合国安理会围绕“维护联合国宪章宗旨和原则，加强以联合国为核心的国际体系”举行高级别会议:
        # a body named inside a quotation (the meeting's theme) is quoted, not the subject
        cands = [m for m in cands if not any(a < m.start and m.end <= b for a, b in quoted)] or cands
    in_clause = [m for m in cands if m.start >= clause_start]
    if not in_clause and _place_opens_clause(doc, clause_start, verb_pos):
        # meeting.subject.place_clause: 中国将举办…会议，美国将举办二十国集团峰会: the verb's own clause opens with
        # a place that is its subject, so the body of an earlier clause (亚太经合组织 of the other meeting) is not
        return None
    if not in_clause and _re(doc.lex, "reported_after", r"(?:{report_verbs})[，：:]").search(doc.text, cands[-1].end, clause_start):
        # 俄国防部通报说，…当时乌军正召开作战会议: the organisation that reports is not who convenes in its report
        return None
    # none in the verb's own clause (县委、县政府在县行政中心，以视频会议形式，召开…): the subject opens an earlier
    # clause of the sentence, the nearest such one; failing that, the nearest organisation
    openers = [m for m in cands if _opens_clause(doc, m)]
    pool = in_clause or openers[-1:] or cands[-1:]
    # of two names starting together (浙江中医药大学 | 浙江中医药大学附属第一医院) the whole one is the subject
    return sorted(pool, key=lambda m: (m.start, -m.end))[0]

