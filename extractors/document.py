"""Documents: titles in 《》, speeches (X在…上的重要讲话), reports and plans."""
from __future__ import annotations

import re

from extractors.base import Doc
from kg.model import Mention

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_SPEECH_TAIL = re.compile(
    r"^(?:总书记|同志|书记|主席|总理|市长|省长|县长|区长|委员长)?"
    r"(?:(?:在|就|于)[^，。；！？\n]{1,60}?(?:上|时|期间)|受[^，。；\n]{1,20}委托作|(?:来|到)[\u4e00-\u9fff]{1,4}(?:考察|视察|调研)(?:时)?)?的?(?:“[^”]{1,12}”)?(?:重要)?(?:讲话|致辞|指示|批示|工作报告|报告)"
)
_PLAN = re.compile(r"(?:“十[一二三四五]五”|十[一二三四五]五)(?:[\u4e00-\u9fff]{0,8}?)规划")
_REPORT = re.compile(r"政府工作报告|全会公报|党的二十大报告|党的十九大报告|二十大报告|十九大报告")
_TITLES_AFTER_NAME = re.compile(r"^(?:总书记|同志|书记|主席|总理|市长|省长|县长|区长|委员长)")


class DocumentExtractor:
    name = "document"

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        for m in _TITLE.finditer(text):
            doc.add(Mention("Document", m.group(1), m.start(), m.end(), m.group(), aliases=(m.group(),)))
        for p in doc.of_type("Person"):
            m = _SPEECH_TAIL.match(text[p.end:p.end + 90])
            if not m:
                continue
            end = p.end + m.end()
            if doc.covered(p.start, end, "Document"):
                continue
            label = text[p.start:end]
            bare = p.label + _TITLES_AFTER_NAME.sub("", text[p.end:end])
            aliases = {bare, label.replace("重要", ""), bare.replace("重要", "")} - {label}
            doc.add(Mention("Document", label, p.start, end, label, aliases=tuple(sorted(aliases)), subtypes=("Speech",)))
        for rx in (_PLAN, _REPORT):
            for m in rx.finditer(text):
                if doc.covered(m.start(), m.end(), "Document"):
                    continue
                label = m.group().replace("“", "").replace("”", "")
                doc.add(Mention("Document", label, m.start(), m.end(), m.group(), aliases=tuple({m.group()} - {label})))
