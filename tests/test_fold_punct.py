"""The normaliser's punctuation folding (``kg.text._fold_punct``) is a character-for-character mapping.

It is applied as one ``str.replace`` per variant the text holds; that equals a one-pass
translation only while every replacement is one character and no replacement is itself a variant."""
from __future__ import annotations

from kg.text import _PUNCT, _fold_punct, normalize


def test_the_table_maps_characters_to_characters_once() -> None:
    variants = [old for old, _ in _PUNCT]
    assert len(set(variants)) == len(variants)
    assert all(len(old) == len(new) == 1 for old, new in _PUNCT)
    assert not set(variants) & {new for _, new in _PUNCT}


def test_folding_equals_one_translation() -> None:
    table = str.maketrans(dict(_PUNCT))
    text = "会议指出:要(一)坚持;(二)落实!是否?\u3000「团结」『奋斗』﹃前进﹄〔2024〕［注］\t\r\n\u00a0,完"
    assert _fold_punct(text) == text.translate(table)
    assert _fold_punct("没有要换的字符。") == "没有要换的字符。"


def test_normalize_keeps_the_offset_map() -> None:
    norm = normalize("会议指出:要坚持(一)")
    assert norm.text == "会议指出：要坚持（一）"
    assert len(norm.origin) == len(norm.text)


def test_pinyin_glosses_go_wherever_their_bracket_opens() -> None:
    from kg.text import _PINYIN, _delete, starts_before

    for text in ["傳達(dá)", "會(hui)(hui)议", "(a)中", "中(ab)(cd)e（fg）", "中（１）", "", "无括号"]:
        origin = list(range(len(text)))
        assert _delete(text, origin, _PINYIN, starts_before(text, ("（", "("), (0,))) == _delete(text, origin, _PINYIN)
    assert normalize("傳達(dá)會議").text == "传达会议"
