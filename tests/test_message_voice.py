"""A congratulatory message read at a body's congress is its sender's words, not the body's (issue 9,
promoter-addressee; rule relations.message_voice). Texts here are written for the test, not taken from the
corpus: a democratic party's congress that hears a message, and the same congress speaking for itself.
"""
from __future__ import annotations

from kgtest import extract_text, promoted_by, rels

CONGRESS = (
    "中国民主促进会第九次全国代表大会12月3日在北京开幕。某领导出席开幕会并致贺词。\n"
    "贺词说，希望民进深入学习贯彻中共二十大精神，牢记“国之大者”。希望大家坚持“两个毫不动摇”。\n"
    "大会强调，民进要坚持“三个务必”，做好参政议政工作。\n"
)


def test_the_message_read_at_a_congress_is_not_the_congress_holders():
    promoted = promoted_by(extract_text(CONGRESS), "中国民主促进会")
    assert "国之大者" not in promoted and "两个毫不动摇" not in promoted, promoted


def test_what_the_congress_itself_says_stays_its_own():
    promoted = promoted_by(extract_text(CONGRESS), "中国民主促进会")
    assert "三个务必" in promoted, promoted


def test_a_letter_quoted_in_the_leaders_words_is_his():
    text = CONGRESS.replace("贺词说，", "某领导在贺信中指出，")
    promoted = promoted_by(extract_text(text), "中国民主促进会")
    assert "国之大者" not in promoted, promoted


def test_a_message_that_speaks_is_no_person():
    # jieba tags 贺词 and 贺信 nr: the sentence opening 贺词说，… / 贺信指出，… names no speaker (person.message_words)
    for noun in ("贺词", "贺信"):
        res = extract_text(CONGRESS.replace("某领导出席开幕会并致贺词", "某领导出席开幕会并宣读" + noun).replace("贺词说", noun + "指出"))
        assert noun not in {label for type_, label in res.entities if type_ == "Person"}, noun
        assert not any(s == noun for s, _ in rels(res, "voices")), rels(res, "voices")


def test_an_order_or_an_article_that_speaks_is_its_authors():
    # message_nouns 命令, 文章: 命令要求，… / 文章强调，… are the words of who signed or wrote it
    from kg.pipeline import make_doc
    from kg.model import Article
    from extractors.relations import message_spans

    text = "中央军委主席习近平日前签署命令，授予某部荣誉称号。\n命令要求，全军官兵要增强“四个意识”。\n文章强调，要坚持“练兵备战”。\n"
    doc = make_doc(Article(id="t", text=text))
    starts = [s for s, _ in message_spans(doc)]
    assert text.index("命令要求") in starts and text.index("文章强调") in starts, starts
