"""Persons: national leaders from a lexicon, everyone else by the titles around the name.

Officials are almost always written next to a title (市委书记申文霞, 赵革书记,
副市长张宏、杨光远) and reporters after 记者; reading names there is far more
precise than jieba's ``nr`` tag, which calls 思路清晰 and 孤儿 persons.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Iterator

from extractors.base import Doc
from extractors.lexicon import FUNCTION_CHARS as _FUNCTION_CHARS
from extractors.lexicon import Lexicons, Scanner, is_dictionary_word, word_tag
from extractors.model import Mention
from extractors.prefilter import finditer_at, finditer_opening, may_match, starts_before

_HAN = re.compile(r"[\u4e00-\u9fff]")
_DELIM = set("，。、；：！？（）()“”《》 \n·•|/,") | {"\u3000"}


def _w(lex: Lexicons, name: str) -> tuple[str, ...]:
    """A word list of extractors/data/person/words.tsv."""
    return lex.ruleset("person").words(name)


def _re(lex: Lexicons, name: str, template: str) -> re.Pattern[str]:
    """A pattern of this component, its word lists filled in."""
    return lex.ruleset("person").regex(name, template)


@cache
def _titles(lex: Lexicons) -> Scanner:
    return Scanner((w, w) for line in lex.read_list("titles.txt") for w in line.split())


@cache
def surnames(lex: Lexicons) -> tuple[frozenset[str], frozenset[str]]:
    """The single- and two-character surnames of the lexicon set (``surnames.txt``)."""
    words = [w for line in lex.read_list("surnames.txt") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


@cache
def _stop(lex: Lexicons) -> tuple[str, ...]:
    return tuple(sorted({w for line in lex.read_list("person_stop.txt") for w in line.split()}, key=len, reverse=True))


@cache
def _known(lex: Lexicons) -> Scanner:
    return Scanner((r["label"], r) for r in lex.read_tsv("persons.tsv"))


_ADVERB_SURNAMES = frozenset("时都不也还就才又再正刚")
_VERBAL_TAILS = frozenset("要是在不也都就将会能说到为对把被让向从与和")


def _common_word(chunk: str) -> bool:
    """A dictionary word that is not a name (纪检, 国家), or a verb phrase read as one (都要, 时表示)."""
    if is_dictionary_word(chunk):
        return True
    tail = chunk[1:]
    if len(chunk) == 2 and tail in _VERBAL_TAILS:
        return True
    return chunk[0] in _ADVERB_SURNAMES and len(tail) >= 2 and word_tag(tail)[:1] in ("v", "d", "p", "c", "a")


def _surname_len(s: str, lex: Lexicons) -> int:
    single, double = surnames(lex)
    if s[:2] in double:
        return 2
    return 1 if s[:1] in single else 0


def _ends_name(text: str, pos: int, lex: Lexicons) -> bool:
    if pos >= len(text) or text[pos] in _DELIM or not _HAN.match(text[pos]):
        return True
    return text.startswith(_stop(lex), pos) or any(text.startswith(t, pos) for t in _w(lex, "titles_ending_name"))


def read_name(text: str, pos: int, lex: Lexicons) -> int:
    """Length of a person name starting at ``pos`` (0 if there is none)."""
    sl = _surname_len(text[pos:pos + 2], lex)
    if not sl:
        return 0
    for length in (sl + 1, sl + 2):
        chunk = text[pos:pos + length]
        if (len(chunk) == length and all(_HAN.match(c) for c in chunk) and chunk[-1] not in _NOT_NAME_END
                and chunk[:2] not in _w(lex, "not_names") and not _common_word(chunk) and not (set(chunk[1:]) & _FUNCTION_CHARS)
                and _ends_name(text, pos + length, lex)):
            return length
    return 0


_NOT_NAME_END = set("部委局办组会室处院校厅司团队社所站心区县市省镇乡村副感病党")
# a reporter in parentheses closing a paragraph: （王华）
_CLOSING_BYLINE = re.compile(r"[（(]\s*(?:记者|通讯员)?\s*([\u4e00-\u9fff]{2,3})\s*[）)]\s*(?=\n|$)")


def _byline_mark(lex: Lexicons) -> re.Pattern[str]:
    """A byline written with a mark instead of a title (□娄欣叶, ◎陈思远): the mark, then a name alone up to a space
    or the line's end (person.byline_mark)."""
    return _re(lex, "byline_mark", r"(?:^|(?<=\s))(?:{byline_marks})\s*([\u4e00-\u9fff]{2,3})(?=\s|$)")


def _byline_slash(lex: Lexicons) -> re.Pattern[str]:
    """A byline's title and its name joined by a slash (（文/沙音强 图/米凡军）, 记者/王强): the name needs no known
    surname, as after 记者 (person.byline.slash)."""
    return _re(lex, "byline_slash", r"(?:^|(?<=[\s（(]))(?:{byline_titles})[/／]\s*(?=[\u4e00-\u9fff])")




def _occupation(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "occupation", r"[\u4e00-\u9fff]{1,6}(?:{occupations})")


def _opening_name(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "opening_name", r"(?:^|(?<=[。\n]))([\u4e00-\u9fff]{2,3})(?={official_acts})")


def _name_list(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "name_list", r"(?:(?<![\u4e00-\u9fff])|(?<=是))(?:[\u4e00-\u9fff]{2,3}、){2,}[\u4e00-\u9fff]{2,3}"
                            r"(?={list_end_words}|[，。；）)]|$|作了?)")


_SENTENCE_OPENERS = re.compile("[。\n]")


def _byline_name(text: str, pos: int) -> int:
    """After 记者 a name needs no known surname (思博海): 2-3 characters up to a space or bracket."""
    m = re.match(r"[\u4e00-\u9fff]{2,3}(?=[\s）)、，]|$)", text[pos:pos + 4])
    if not m or text[pos] in _FUNCTION_CHARS or text[pos] in "从据向对经" or _common_word(m.group()):
        return 0  # 记者从今天…: a preposition, not a reporter's name
    return m.end()


def full_name_for(doc: Doc, reference: str) -> str:
    """The one full name of the article a short reference stands for (胡书记, 周 → 周德操), else ''.

    A reference is a surname, optionally with a title after it; it stands for a person of the
    article only when exactly one person named so far has that surname."""
    lex = doc.lex
    surname = reference[:_surname_len(reference, lex)] if _surname_len(reference, lex) else ""
    rest = reference[len(surname):]
    if not surname or (rest and not any(rest == t for t in _w(lex, "titles_after_name"))):
        return ""
    names = {m.label for m in doc.of_type("Person") if len(m.label) > len(surname) and m.label.startswith(surname)
             and m.label != reference}
    return names.pop() if len(names) == 1 else ""


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` (not empty) is written in ``text``, left to right, not overlapping: the starts of
    ``re.finditer(re.escape(word), text)`` found by ``str.find``, without a pattern compiled per name and article."""
    pos = text.find(word)
    while pos >= 0:
        yield pos
        pos = text.find(word, pos + len(word))


class PersonExtractor:
    name = "person"
    requires: tuple[str, ...] = ("Organization", "Place", "Theory")
    assigns: tuple[str, ...] = ("Person",)

    def __call__(self, doc: Doc) -> None:
        text, lex = doc.text, doc.lex
        found: dict[tuple[int, int], str] = {}
        why: dict[tuple[int, int], str] = {}  # provenance: the rule that found each span first

        not_persons = frozenset(_w(lex, "message_words"))

        def put(span: tuple[int, int], name: str, rule: str) -> None:
            # 贺词指出，… / 贺信说，…: jieba tags some message nouns nr, but a message that speaks is no person
            if span not in found and name not in not_persons:
                found[span], why[span] = name, rule

        for start, end, _, rows in _known(lex).iter(text):
            found[(start, end)], why[(start, end)] = rows[0]["label"], "person.known"
        for t_start, t_end, title, _ in _titles(lex).iter(text):
            # longest title at this end wins (副市长 over 市长); names after it
            pos = t_end
            byline = title in _w(lex, "byline_titles")
            while True:
                while byline and pos < len(text) and text[pos] in " \u3000":
                    pos += 1
                n = read_name(text, pos, lex) or (_byline_name(text, pos) if byline else 0)
                if not n:
                    break
                put((pos, pos + n), text[pos:pos + n], "person.byline" if byline else "person.after_title")
                pos += n
                if pos < len(text) and (text[pos] == "、" or (byline and text[pos] in " \u3000")):
                    pos += 1
                    continue
                break
            # a name right before the title: 赵革书记, 刘锋市长
            # 常务副市长: 市长 is the tail of a longer title, not a title after a name
            part_of_longer = text[max(0, t_start - 1):t_start] in _w(lex, "longer_title_tails")
            if not part_of_longer and title in _w(lex, "titles_after_name"):
                for n in (3, 2):
                    s = t_start - n
                    if s < 0:
                        continue
                    chunk = text[s:t_start]
                    if not all(_HAN.match(c) for c in chunk) or not _surname_len(chunk, lex) or chunk[-1] in _NOT_NAME_END or _common_word(chunk):
                        continue
                    if s == 0 or text[s - 1] in _DELIM:
                        put((s, t_start), chunk, "person.before_title")
                        break
        # occupations as titles: 驾驶员常洪霞, 技师韩利萍, 工人刘丽 (the name must end at a hard boundary)
        # every match holds an occupation 1-6 characters in: tried only there (the scan tries every character)
        for m in finditer_at(_occupation(lex), text, starts_before(text, _w(lex, "occupations"), range(1, 7))):
            n = read_name(text, m.end(), lex)
            if n and text[m.end() + n:m.end() + n + 1] in "，、。；和与及等":
                put((m.end(), m.end() + n), text[m.end():m.end() + n], "person.after_occupation")
        # bare lists of names: 执行主席是张连珍、杨新力、程崇庆… / 张坚勇、吴胜兴…等委员
        # (a list's first name, two or three characters, is followed by its 、)
        for m in finditer_at(_name_list(lex), text, starts_before(text, ("、",), (2, 3))):
            items, pos = [], m.start()
            for item in m.group().split("、"):
                items.append((pos, pos + len(item), read_name(item + "，", 0, lex) == len(item)))
                pos += len(item) + 1
            # a list is a list of names when most items read as names (魏凤和 has a 和 in it)
            if sum(ok for _, _, ok in items) * 3 >= len(items) * 2:
                for s, e, ok in items:
                    if ok or (_surname_len(text[s:e], lex) and not _common_word(text[s:e])):
                        put((s, e), text[s:e], "person.name_list")
        # a name opening a sentence and followed by what officials do: 刘金国出席会议
        openings = [0, *(m.end() for m in _SENTENCE_OPENERS.finditer(text))]  # the pattern's ^ and lookbehind
        for m in finditer_at(_opening_name(lex), text, openings) if may_match(_opening_name(lex), text) else ():
            name, rule = m.group(1), "person.opening_sentence"
            if len(name) == 3 and name[-1] in _w(lex, "opening_name_adverbs"):
                name, rule = name[:2], "person.opening_sentence.adverb"  # 普京还指出: the name is 普京
                if word_tag(name) and not word_tag(name).startswith(("nr", "ns")):
                    continue  # 宣言还指出, 双方还表示: a word of the dictionary opens the sentence, no name
            if _surname_len(name, lex) and not _common_word(name) and not (set(name[1:]) & _FUNCTION_CHARS):
                put((m.start(1), m.start(1) + len(name)), name, rule)
        slash_leads = sorted({len(t) for t in _w(lex, "byline_titles")})  # a match is a title, then its slash
        for m in finditer_at(_byline_slash(lex), text, starts_before(text, ("/", "／"), slash_leads)):
            if n := _byline_name(text, m.end()):
                put((m.end(), m.end() + n), text[m.end():m.end() + n], "person.byline")
        for m in finditer_opening(_byline_mark(lex), text, _w(lex, "byline_marks")):
            # the name stands alone after the mark: a surname is enough (jieba may cut 谈|华龙, 闭|志强)
            if _surname_len(m.group(1), lex) and not _common_word(m.group(1)) and not (set(m.group(1)[1:]) & _FUNCTION_CHARS):
                put((m.start(1), m.end(1)), m.group(1), "person.byline_mark")
        for m in _CLOSING_BYLINE.finditer(text):
            if _surname_len(m.group(1), lex):
                put((m.start(1), m.end(1)), m.group(1), "person.closing_byline")
        # a name once introduced by its title is the same person wherever it recurs (虢正贵指出…)
        for name in sorted({v for v in found.values() if len(v) >= 2}):
            for start in _occurrences(text, name):
                put((start, start + len(name)), name, "person.recurring")
        # 《…》白皮书: a word right after a closing title mark is the kind of the titled work, never a name, and
        # is no name anywhere else in the article either (jieba tags some document kinds nr)
        after_title = {label for (s, e), label in found.items() if text[s - 1:s] == "》"}
        taken: list[tuple[int, int]] = []
        for (s, e), label in sorted(found.items(), key=lambda kv: (kv[0][0], -(kv[0][1] - kv[0][0]))):
            if label in after_title and why[(s, e)] != "person.known":
                continue
            if taken and taken[-1][0] < e and s < taken[-1][1]:  # taken is sorted and disjoint: only the last can overlap
                continue
            if doc.blocked(why[(s, e)], "Person", s, e):
                continue
            taken.append((s, e))
            if why[(s, e)].startswith("person.opening_sentence") and text[s:e].endswith(_w(lex, "titles_after_name")):
                # 胡书记强调: a reference to someone the article has named, not a name
                full = full_name_for(doc, label)
                if not full:
                    continue
                doc.add(Mention("Person", full, s, e, text[s:e], aliases=(label,), rule="person.reference"))
                continue
            doc.add(Mention("Person", label, s, e, text[s:e], rule=why[(s, e)]))
