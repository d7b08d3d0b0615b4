"""Declared pipeline: components say what they require and assign; the order is checked; kg.build takes a custom pipeline."""
from __future__ import annotations

import pytest

import kg
from extractors import check_order, default_pipeline
from extractors.organization import OrganizationExtractor
from extractors.place import ContextExtractor, PlaceExtractor
from extractors.theory import TheoryExtractor

TEXT = "徐州市总工会召开主席办公会，传达学习市委十二届十三次全会精神。会议要求，大力弘扬“五种风气”。"


def test_every_component_declares_requires_and_assigns():
    for c in default_pipeline():
        assert isinstance(c.requires, tuple) and isinstance(c.assigns, tuple) and c.assigns, c.name


def test_the_default_order_is_valid_with_and_without_ner():
    check_order(default_pipeline())
    check_order(default_pipeline(("ner",)))


def test_a_component_before_what_it_requires_is_refused():
    components = default_pipeline()
    relations = next(c for c in components if c.name == "relations")
    bad = [relations, *(c for c in components if c is not relations)]  # relations first
    with pytest.raises(ValueError, match="'relations' requires"):
        check_order(bad)
    with pytest.raises(ValueError, match="requires"):
        kg.build([TEXT], pipeline=bad)


def test_build_with_a_custom_pipeline():
    few = [TheoryExtractor(), PlaceExtractor(), ContextExtractor(), OrganizationExtractor()]
    result = kg.build([TEXT], pipeline=few)
    types = {d["type"] for _, d in result.graph.nodes(data=True)}
    assert "Organization" in types and "Meeting" not in types and "PolicySlogan" not in types
    full = kg.build([TEXT])
    assert any(d["type"] == "Meeting" for _, d in full.graph.nodes(data=True))
