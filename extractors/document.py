"""Documents: titles in 《》, speeches (X在…上的重要讲话), reports and plans."""
from __future__ import annotations

import re

from extractors.base import Doc
from extractors.lexicon import Lexicons
from extractors.model import Mention

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_PLAN = re.compile(r"(?:“十[一二三四五]五”|十[一二三四五]五)(?:[\u4e00-\u9fff]{0,8}?)规划")


def _re(lex: Lexicons, name: str, template: str) -> re.Pattern[str]:
    """A pattern of this component, its word lists (extractors/data/document/words.tsv) filled in."""
    return lex.ruleset("document").regex(name, template)


def _speech_tail(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "speech_tail",
               r"^(?:{speaker_titles})?(?:\d{1,2}月\d{1,2}日|{speech_times})?"
               r"(?:(?:{occasion_openers})[^，。；！？\n]{1,60}?(?:上|时|期间)|受[^，。；\n]{1,20}委托作|(?:来|到)[\u4e00-\u9fff]{1,4}(?:考察|视察|调研)(?:时)?|(?:考察|视察)[\u4e00-\u9fff]{2,6}?(?:时)?"
               r"|对[^，。；！？\n]{1,20}?作出|(?:{letter_addressing})[^，。；！？\n]{2,40}?(?=的(?:重要)?(?:{letters})))?(?:{speech_series})?"
               r"(?:关于(?:[^，。；！？“”\n]|“[^“”\n]{1,12}”){2,30}?)?(?:所作|作)?的?(?:“[^”]{1,12}”)?(?:重要)?(?P<kind>{speech_kinds})")


def _and_own_speech(lex: Lexicons) -> re.Pattern[str]:
    """The joiner before a second speech of the same speaker with its own occasion: …重要论述和对…作出的重要指示."""
    return _re(lex, "and_own_speech", r"(?:{second_speech_joiners})(?=(?:{occasion_openers}|{own_speech_openers}|{letter_addressing}))")


def _and_speech(lex: Lexicons) -> re.Pattern[str]:
    """A second speech sharing the speaker and occasion: …所作的工作报告和重要讲话."""
    return _re(lex, "and_speech", r"^(?:{second_speech_joiners})(?:重要)?(?:{second_speech_kinds})")


def _own_occasion(lex: Lexicons) -> re.Pattern[str]:
    """What makes a speech tail name one speech of its own: an occasion, a subject or an addressee."""
    return _re(lex, "own_occasion", r"(?:{occasion_openers}|{own_speech_openers}|{letter_addressing}|{visit_openers})")


def _office_speaker(lex: Lexicons) -> re.Pattern[str]:
    """A speaker named by his office alone, right after the organisation: 省委书记在…上的讲话."""
    return _re(lex, "office_speaker", r"(?:{office_titles})(?=(?:{occasion_openers}))")


def _about(lex: Lexicons) -> re.Pattern[str]:
    """Unquoted titles: 关于十九届中央委员会报告的决议."""
    return _re(lex, "about", r"关于(?:[^，。；：“”\n]|《[^》]{1,40}》){2,50}?的(?:{about_kinds})")


def _titles_after_name(lex: Lexicons) -> re.Pattern[str]:
    return _re(lex, "titles_after_name", r"^(?:{speaker_titles})")


def _org_doc(lex: Lexicons) -> re.Pattern[str]:
    """An organisation's own plan or report named without 《》: 全国政协2026年工作要点, 区委工作报告."""
    return _re(lex, "org_doc", r"(?:\d{4}年度?)?(?:{org_doc_topics})?(?:工作)?(?P<kind>{org_doc_kinds})(?:（草案）|\(草案\))?")


def _own_speech_after(doc: Doc, speaker: str, bare: str, end: int) -> bool:
    """A second speech of ``speaker`` with an occasion of its own right after ``end`` (…的重要论述和对加快建设
    交通强国作出的重要指示): add it; True when the text there joins one."""
    text, lex = doc.text, doc.lex
    own = _and_own_speech(lex).match(text, end)
    if not own:
        return False
    tail = _speech_tail(lex).match(text[own.end():own.end() + 90])
    # …关于党的自我革命重要思想和考察上海重要讲话: a tail that runs over another kind of speech names none
    if tail and _own_occasion(lex).match(tail.group()) and not _re(lex, "at_this_meeting", r"在(?:{at_this_meeting})").search(tail.group()) \
            and not _re(lex, "any_kind", r"(?:{speech_kinds}|{discourse_kinds})").search(tail.group()[:tail.start("kind")]):
        end2 = own.end() + tail.end()
        label = speaker + tail.group()
        if not doc.blocked("document.speech.own", "Document", own.end(), end2):
            doc.add(Mention("Document", label, own.end(), end2, text[own.end():end2],
                            aliases=tuple(sorted({bare + tail.group(), label.replace("重要", "")} - {label})),
                            subtypes=("Speech",), rule="document.speech.own"))
    return True


class DocumentExtractor:
    name = "document"
    requires: tuple[str, ...] = ("Organization", "Person")
    assigns: tuple[str, ...] = ("Document",)

    def __call__(self, doc: Doc) -> None:
        text, lex = doc.text, doc.lex
        for m in _TITLE.finditer(text):
            title = m.group(1)
            if title in lex.ruleset("document").words("anaphoric_titles"):
                # 《条例》 after 《中国共产党纪律检查委员会工作条例》: the same document, shortened
                prev = [d for d in doc.of_type("Document") if d.end <= m.start() and d.label.endswith(title)]
                if prev:
                    doc.add(Mention("Document", prev[-1].label, m.start(), m.end(), m.group(), aliases=(m.group(),), rule="document.title.anaphoric"))
                continue
            doc.add(Mention("Document", title, m.start(), m.end(), m.group(), aliases=(m.group(),), rule="document.title"))
        speakers: list[tuple[Mention, int]] = [(p, p.end) for p in doc.of_type("Person")]
        for o in doc.of_type("Organization"):
            office = _office_speaker(lex).match(text, o.end)
            if office:  # 省委书记在全省…推进会上的讲话: the speaker named by his office
                speakers.append((o, office.end()))
        for p, p_end in speakers:
            tail = _speech_tail(lex).match(text[p_end:p_end + 90])
            if not tail:
                continue
            if p.type == "Organization" and not _own_occasion(lex).match(tail.group()):
                continue  # 省委书记讲话: an office speaking names no document without its occasion
            end = p_end + tail.end()
            if _re(lex, "speaking", r"(?:{speaker_titles})?(?:作了?(?:重要)?)?(?:{speaking_acts})").fullmatch(tail.group()):
                continue  # 刘伟讲话, 吴志刚作工作报告: someone speaking, not a named speech
            if doc.blocked("document.speech", "Document", p.start, end) or _re(lex, "at_this_meeting", r"在(?:{at_this_meeting})").search(tail.group()):
                continue  # 张渊在会上作讲话: a speech at this very meeting is an act, not a named document
            label = text[p.start:end]
            bare = p.label + _titles_after_name(lex).sub("", text[p.end:end]) if p.type == "Person" else label
            aliases = {bare, label.replace("重要", ""), bare.replace("重要", "")} - {label}
            doc.add(Mention("Document", label, p.start, end, label, aliases=tuple(sorted(aliases)), subtypes=("Speech",), rule="document.speech"))
            if p.type == "Person":
                titled = _titles_after_name(lex).match(text[p_end:end])
                if _own_speech_after(doc, text[p.start:p_end + (titled.end() if titled else 0)], p.label, end):
                    continue
            second = _and_speech(lex).match(text[end:end + 12])
            # 近期重要讲话和指示: with no one occasion the second names no document of its own
            if second and not _re(lex, "timed", "(?:{speech_times})").search(tail.group()):
                head = label[: len(label) - len(tail.group("kind"))]
                head = re.sub(r"(?:所作|作)?的?(?:重要)?$", "", head)
                joiner = _re(lex, "joiner", "{second_speech_joiners}").match(second.group())
                word = second.group()[joiner.end() if joiner else 0:]
                label2 = head + ("的" if not word.startswith("的") else "") + word
                doc.add(Mention("Document", label2, end + second.start() + (len(second.group()) - len(word)), end + second.end(),
                                text[end:end + second.end()], aliases=(p.label + _titles_after_name(lex).sub("", label2[len(p.label):]),),
                                subtypes=("Speech",), rule="document.speech.second"))
        for t in doc.of_type("Theory"):
            # 习近平总书记关于交通运输工作的重要论述和对…作出的重要指示: a speech of the same speaker after a discourse
            about = text.find("关于", t.start, t.end)
            if about > t.start and _re(lex, "discourse", r"(?:{discourse_kinds})$").search(t.label):
                speaker = text[t.start:about]
                _own_speech_after(doc, speaker, _re(lex, "titles_at_end", r"(?:{speaker_titles})$").sub("", speaker), t.end)
        for m in _about(lex).finditer(text):
            issuer = next((o for o in doc.of_type("Organization") if o.end == m.start()), None)
            if issuer is not None:
                # 中共中央关于制定…的建议: the issuer is part of the title
                found = re.compile(re.escape(text[issuer.start:m.end()])).search(text, issuer.start)
                assert found is not None  # the issuer and the title are right there
                m = found
            if not doc.covered(m.start(), m.end(), "Document") or any(
                    d.start > m.start() and d.end < m.end() for d in doc.of_type("Document")):
                if any(d.start <= m.start() and m.end() <= d.end for d in doc.of_type("Document")):
                    continue
                doc.add(Mention("Document", m.group(), m.start(), m.end(), m.group(), aliases=(m.group().replace("《", "").replace("》", ""),), rule="document.about"))
        for o in doc.of_type("Organization"):
            own = _org_doc(lex).match(text, o.end)
            if not own or len(own.group()) < 4 or doc.blocked("document.org_own", "Document", o.start, own.end()):
                continue  # 市委报告 alone is too vague; 区委工作报告 is named
            surface = text[o.start:own.end()]
            label = o.label + text[o.end:own.end()]
            doc.add(Mention("Document", label, o.start, own.end(), surface, aliases=tuple({surface} - {label}), rule="document.org_own"))
        for rx in (_PLAN, _re(lex, "reports", "{reports}")):
            for m in rx.finditer(text):
                if doc.blocked("document.plan_or_report", "Document", m.start(), m.end()):
                    continue
                label = m.group().replace("“", "").replace("”", "")
                doc.add(Mention("Document", label, m.start(), m.end(), m.group(), aliases=tuple({m.group()} - {label}), rule="document.plan_or_report"))
