"""Documents: titles in 《》, speeches (X在…上的重要讲话), reports and plans."""
from __future__ import annotations

import re

from extractors.base import Doc
from extractors.model import Mention

_ANAPHORIC = frozenset({"条例", "规划", "纲要", "决议", "决定", "意见", "建议", "公报", "报告", "办法", "通知", "方案", "规定", "准则", "说明"})
_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_SPEECH_TAIL = re.compile(
    r"^(?:总书记|同志|书记|主席|总理|市长|省长|县长|区长|委员长)?"
    r"(?:(?:在|就|于)[^，。；！？\n]{1,60}?(?:上|时|期间)|受[^，。；\n]{1,20}委托作|(?:来|到)[\u4e00-\u9fff]{1,4}(?:考察|视察|调研)(?:时)?)?"
    r"(?:所作|作)?的?(?:“[^”]{1,12}”)?(?:重要)?(?P<kind>讲话|致辞|指示|批示|工作报告|报告)"
)
# a second speech sharing the speaker and occasion: …所作的工作报告和重要讲话
_AND_SPEECH = re.compile(r"^(?:和|及|、|以及)(?:重要)?(?:讲话|致辞|指示|批示|工作报告)")
# unquoted titles: 关于十九届中央委员会报告的决议
_ABOUT = re.compile(r"关于(?:[^，。；：“”\n]|《[^》]{1,40}》){2,50}?的(?:决议|决定|意见|通知|建议|报告|办法|方案)")
_PLAN = re.compile(r"(?:“十[一二三四五]五”|十[一二三四五]五)(?:[\u4e00-\u9fff]{0,8}?)规划")
_REPORT = re.compile(r"政府工作报告|全会公报|党的二十大报告|党的十九大报告|二十大报告|十九大报告")
_TITLES_AFTER_NAME = re.compile(r"^(?:总书记|同志|书记|主席|总理|市长|省长|县长|区长|委员长)")


class DocumentExtractor:
    name = "document"

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        for m in _TITLE.finditer(text):
            title = m.group(1)
            if title in _ANAPHORIC:
                # 《条例》 after 《中国共产党纪律检查委员会工作条例》: the same document, shortened
                prev = [d for d in doc.of_type("Document") if d.end <= m.start() and d.label.endswith(title)]
                if prev:
                    doc.add(Mention("Document", prev[-1].label, m.start(), m.end(), m.group(), aliases=(m.group(),), rule="document.title.anaphoric"))
                continue
            doc.add(Mention("Document", title, m.start(), m.end(), m.group(), aliases=(m.group(),), rule="document.title"))
        for p in doc.of_type("Person"):
            tail = _SPEECH_TAIL.match(text[p.end:p.end + 90])
            if not tail:
                continue
            end = p.end + tail.end()
            if re.fullmatch(r"(?:总书记|同志|书记|主席|总理|市长|省长|县长|区长|委员长)?(?:讲话|致辞|报告)", tail.group()):
                continue  # 刘伟讲话: someone speaking, not a named speech
            if doc.covered(p.start, end, "Document") or re.search(r"在(?:会上|会议上|大会上|座谈会上|会中)", tail.group()):
                continue  # 张渊在会上作讲话: a speech at this very meeting is an act, not a named document
            label = text[p.start:end]
            bare = p.label + _TITLES_AFTER_NAME.sub("", text[p.end:end])
            aliases = {bare, label.replace("重要", ""), bare.replace("重要", "")} - {label}
            doc.add(Mention("Document", label, p.start, end, label, aliases=tuple(sorted(aliases)), subtypes=("Speech",), rule="document.speech"))
            second = _AND_SPEECH.match(text[end:end + 12])
            if second:
                head = label[: len(label) - len(tail.group("kind"))]
                head = re.sub(r"(?:所作|作)?的?(?:重要)?$", "", head)
                joiner = re.match(r"和|及|、|以及", second.group())
                word = second.group()[joiner.end() if joiner else 0:]
                label2 = head + ("的" if not word.startswith("的") else "") + word
                doc.add(Mention("Document", label2, end + second.start() + (len(second.group()) - len(word)), end + second.end(),
                                text[end:end + second.end()], aliases=(p.label + _TITLES_AFTER_NAME.sub("", label2[len(p.label):]),),
                                subtypes=("Speech",), rule="document.speech.second"))
        for m in _ABOUT.finditer(text):
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
        for rx in (_PLAN, _REPORT):
            for m in rx.finditer(text):
                if doc.covered(m.start(), m.end(), "Document"):
                    continue
                label = m.group().replace("“", "").replace("”", "")
                doc.add(Mention("Document", label, m.start(), m.end(), m.group(), aliases=tuple({m.group()} - {label}), rule="document.plan_or_report"))
