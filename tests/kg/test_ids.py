"""Stable ids and name normalisation."""

from __future__ import annotations

import re

import pytest

from kg.ids import ENTITY_ID_PATTERN, ITEM_ID_PATTERN, entity_id, item_id, normalize_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("复 旦 大 学", "复旦大学"),
        ("《自然》", "自然"),
        ("ＮＡＴＵＲＥ", "nature"),
        ("Nature  Communications", "nature communications"),
        ("清华大学\n物理系", "清华大学物理系"),
    ],
)
def test_normalize_name_equates_surface_variants(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


def test_normalize_name_keeps_space_between_latin_words() -> None:
    assert normalize_name("Max  Planck") == "max planck"
    assert normalize_name("MaxPlanck") != normalize_name("Max Planck")


def test_entity_id_stable_and_typed() -> None:
    assert entity_id("Institution", "复旦大学") == entity_id("Institution", " 复 旦大学 ")
    assert entity_id("Institution", "复旦大学") != entity_id("Funder", "复旦大学")
    assert re.match(ENTITY_ID_PATTERN, entity_id("Journal", "Nature"))


def test_item_id_ignores_line_wrapping() -> None:
    assert item_id("标题", "第一行\n第二行") == item_id("标题", "第一行第二行")
    assert item_id("标题", "正文") != item_id("标题", "别的正文")
    assert re.match(ITEM_ID_PATTERN, item_id("t", "x"))
