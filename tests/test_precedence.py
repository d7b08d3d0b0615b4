"""One precedence table for overlapping spans (extractors/data/precedence.tsv), applied by Doc.blocked."""
from __future__ import annotations

from extractors.base import Doc
from extractors.lexicon import Lexicons
from extractors.model import Article, Mention
from extractors.rules import Precedence
from ontology.vocabulary import ENTITY_CLASS_NAMES
from kg.text import normalize

TABLE = Precedence.parse("rule\tkind\tyields_to\tnests\twhy\n"
                         "*\tMeeting\tMeeting\t\t\n"
                         "meeting\tMeeting\tMeeting Person\t\t\n"
                         "meeting.studied\tMeeting\tDocument\t\t\n")


def test_the_most_specific_row_applies():
    assert TABLE.lookup("meeting.studied", "Meeting") == (("Document",), ())
    assert TABLE.lookup("meeting.studied.more", "Meeting") == (("Document",), ())  # a rule under a rule id
    assert TABLE.lookup("meeting.named", "Meeting") == (("Meeting", "Person"), ())  # the component's row
    assert TABLE.lookup("slogan.quoted", "Meeting") == (("Meeting",), ())  # the default
    assert TABLE.lookup("slogan.quoted", "Person") == ((), ())  # no row: nothing blocks


def test_the_bundled_table_names_only_classes_of_the_ontology():
    rows = Lexicons().precedence().rows
    assert rows
    for (rule, kind), (yields_to, nests) in rows.items():
        assert {kind, *yields_to, *nests} <= set(ENTITY_CLASS_NAMES), (rule, kind)
    assert all(("*", c) in rows for c in ENTITY_CLASS_NAMES)  # every kind has a default


def _doc(text: str, *mentions: Mention) -> Doc:
    norm = normalize(text)
    return Doc(Article("t", text), norm, [(0, len(text))], [(0, len(text))], mentions=list(mentions))


def test_an_organisation_may_contain_a_place_but_not_cross_one():
    # ner: Organization yields to most kinds, and nests Place (青岛海牛队 ⊃ 青岛)
    text = "青岛海牛队在青岛比赛"
    doc = _doc(text, Mention("Place", "青岛", 0, 2, "青岛"))
    assert not doc.blocked("ner.org-suffix", "Organization", 0, 5)  # contains the place
    assert doc.blocked("ner.org-suffix", "Organization", 1, 5)      # crosses it
    assert doc.blocked("ner.nr2", "Person", 0, 2)                   # a person never overlaps what was found
    assert not doc.blocked("ner.nr2", "Person", 2, 5)
