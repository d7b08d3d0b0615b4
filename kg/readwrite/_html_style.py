"""Visual vocabulary of the HTML explorer: one colour and shape per class, one colour per relation.

Kept apart from the rendering code so that the legend, the vis-network groups and the
tests all read the same table, and so a palette change is a one-line diff (in ``ontology/vocabulary.py``).
Colours follow the Tableau-10 palette (distinguishable for most colour-vision types);
every class also has its own shape, so colour is never the only cue.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ontology import vocabulary

#: CSS/canvas font stack: CJK faces first so Chinese labels never fall back to boxes.
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)


@dataclass(frozen=True)
class ClassStyle:
    """How nodes of one class look; ``zh`` is the legend's Chinese name."""

    name: str
    zh: str
    color: str
    shape: str


@dataclass(frozen=True)
class RelationStyle:
    """How edges of one predicate look; dashed for provenance-only edges."""

    name: str
    zh: str
    color: str
    dashes: bool = False


# vis-network shapes whose label is drawn *below* the shape, so size still encodes counts;
# Article gets a "box" (label inside) because it is provenance rather than content.
CLASS_STYLES: tuple[ClassStyle, ...] = tuple(
    ClassStyle(c.name, c.zh, c.color, c.shape) for c in (*vocabulary.ENTITY_CLASSES, *vocabulary.DERIVED_CLASSES, vocabulary.ARTICLE))
UNKNOWN_CLASS = ClassStyle("Other", "其他", "#9C755F", "dot")

RELATION_STYLES: tuple[RelationStyle, ...] = tuple(
    RelationStyle(r.name, r.zh, r.color, dashes=r.dashes) for r in vocabulary.RELATIONS)
UNKNOWN_RELATION_COLOR = "#7F7F7F"

_CLASS_BY_NAME = {s.name: s for s in CLASS_STYLES}
_RELATION_BY_NAME = {s.name: s for s in RELATION_STYLES}


def class_style(type_name: str) -> ClassStyle:
    """Style of a class; unknown classes (added to the schema later) still get a name."""
    style = _CLASS_BY_NAME.get(type_name)
    if style is not None:
        return style
    return ClassStyle(type_name or UNKNOWN_CLASS.name, type_name or UNKNOWN_CLASS.zh,
                      UNKNOWN_CLASS.color, UNKNOWN_CLASS.shape)


def relation_style(predicate: str) -> RelationStyle:
    """Style of a predicate; unknown predicates are grey but still filterable."""
    return _RELATION_BY_NAME.get(predicate) or RelationStyle(predicate, predicate, UNKNOWN_RELATION_COLOR)


def class_order(type_name: str) -> tuple[int, str]:
    """Sort key putting known classes in schema order, unknown ones after, alphabetically."""
    names = [s.name for s in CLASS_STYLES]
    return (names.index(type_name), "") if type_name in names else (len(names), type_name)


def relation_order(predicate: str) -> tuple[int, str]:
    """Sort key putting known predicates in schema order, unknown ones after."""
    names = [s.name for s in RELATION_STYLES]
    return (names.index(predicate), "") if predicate in names else (len(names), predicate)


def node_size(count: int) -> int:
    """Node radius from its mention count: logarithmic so one hub does not dwarf the rest."""
    return min(60, int(round(10 + 6 * math.log2(1 + max(0, int(count or 0))))))
