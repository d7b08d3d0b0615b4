"""Who states a formulation: a Person who is the subject of a verb of speech whose object holds it.

习近平强调，要坚定拥护“两个确立”… / 李强在会上表示，…新质生产力…: the person opens the clause
(after his titles), an optional setting follows (在讲话中, 在会上), then the verb of speech; every
formulation between the verb and the end of the sentence is *voiced* by him (``kg:voices``, evidence:
the sentence). The word lists are data (``extractors/data/speakers/words.tsv``); the rule id
``speakers.voices.subject`` is on every relation.

This component only adds ``voices`` relations: it reads mentions and never changes them, nor the
relations of the ``relations`` component (heldBy, studies, promotes are scored and stay as they are).
"""
from __future__ import annotations

import re

from extractors.base import Doc
from extractors.lexicon import Lexicons
from extractors.model import Relation

RULE = "speakers.voices.subject"


def _speaks(lex: Lexicons) -> re.Pattern[str]:
    """Right after a person's name: settings (在讲话中, 并) then a verb of speech, then its object."""
    return lex.ruleset("speakers").regex("speaks", r"(?:{speech_settings})*(?:{speech_verbs})[，：:]?")


class SpeakerExtractor:
    """``voices``: Person → PolicySlogan, for the formulations in the object of the person's speech verb."""

    name = "speakers"
    requires: tuple[str, ...] = ("Person", "PolicySlogan")
    assigns: tuple[str, ...] = ("voices",)

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        speaks = _speaks(doc.lex)
        slogans = sorted((m for m in doc.of_type("PolicySlogan") if "component_of" not in m.attrs), key=lambda m: m.start)
        if not slogans:
            return
        seen: set[tuple[tuple[str, str], tuple[str, str], int]] = set()
        for p in sorted(doc.of_type("Person"), key=lambda m: m.start):
            verb = speaks.match(text, p.end)
            if verb is None:
                continue
            s_start, s_end = doc.sentence_at(p.start)
            if not s_start <= verb.end() <= s_end:
                continue
            # the object runs to the end of the sentence, or to the next person who speaks in it
            for x in slogans:
                if x.start < verb.end() or x.end > s_end:
                    continue
                if any(q.start < x.start and q.start > p.end and speaks.match(text, q.end) for q in doc.touching("Person", verb.end(), x.start)):
                    continue  # 习近平强调…，李强指出…“X”: X is the later speaker's
                key = (p.key, x.key, s_start)
                if key not in seen:
                    seen.add(key)
                    doc.relations.append(Relation("voices", p.key, x.key, doc.evidence((s_start, s_end)), rule=RULE))
