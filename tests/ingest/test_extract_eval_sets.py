"""Extraction scored against the project's own annotated news sets (``tests/ingest/data/eval``): Chinese and English
press releases, newsletters laid out as PDF text, reference lists and tables, written for the project with fictional
people and annotated by hand with the conventions of ``../shared/eval``. The rules were improved against them, so the
scores are no held-out measure: the floors keep a change from losing what they reach."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ingest.evaluation import score
from ingest.pipeline import extract_paths, extraction_json

SETS = Path(__file__).parent / "data" / "eval"

# measured on 2026-11-29 after merging the rules of sets 6 to 10 (overall F1: zh 0.94, zh2 0.95, zh3 0.92, zh4 0.97,
# zh5 0.88, zh6 0.93, zh7 0.88, zh8 0.97, zh9 0.98, en 0.90, en2 0.93, en3 0.88, en4 0.85, en5 0.87, en6 0.89,
# en7 0.92, en8 0.95, en9 0.98; first scored unseen: zh6 0.71, en6 0.73, zh7 0.75, en7 0.68, zh8 0.68, en8 0.70,
# zh9 0.61, en9 0.28); the floors leave room for rules made more general, not for a regression
FLOORS = {
    "zh": 0.91,
    "zh2": 0.92,
    "zh3": 0.88,
    "zh4": 0.93,
    "zh5": 0.85,
    "zh6": 0.90,
    "zh7": 0.85,
    "en": 0.86,
    "en2": 0.90,
    "en3": 0.85,
    "en4": 0.82,
    "en5": 0.84,
    "en6": 0.85,
    "en7": 0.89,
    "zh8": 0.94,
    "en8": 0.92,
    "zh9": 0.95,
    "en9": 0.94,
    # 2026-11-29 (fourth session): first scored unseen zh10 0.72, en10 0.52, zh11 0.44, en11 0.37, zh12 0.20,
    # en12 0.34; after their rules zh10 0.99, en10 0.98, zh11 0.96, en11 0.91, zh12 0.97, en12 0.94
    "zh10": 0.96,
    "en10": 0.94,
    "zh11": 0.92,
    "en11": 0.88,
    "zh12": 0.93,
    "en12": 0.90,
    # first scored unseen at the end of the session's rules: zh13 0.45, en13 0.44; then zh13 0.85, en13 0.80
    "zh13": 0.82,
    "en13": 0.77,
    # 2026-11-29 (fifth session): first scored unseen zh14 0.11, en14 0.04 (items lost to page furniture taken for
    # titles); after their rules zh14 0.89, en14 0.74
    "zh14": 0.86,
    "en14": 0.71,
    # 2026-11-29 (sixth session): mainstream pages, first scored unseen zh16 0.48, en16 0.66 (a web page's masthead,
    # menu and trail, an award report's lists, a brief's headlines, a digest's blurbs taken for one item)
    "en16": 0.87,
    "zh16": 0.90,
    # first scored unseen zh17 0.39, en17 0.63 (a red-header notice, a WeChat roundup, a newspaper profile, an
    # annual report's bulleted awards, a magazine's briefs)
    "zh17": 0.83,
}


# a new blind set is scored once when it arrives (the README's table keeps that first, unseen score), then enters
# FLOORS when its items are all found, just under its score, and is raised as its rules are written


def _score(name: str) -> dict[str, Any]:
    folder = SETS / name
    items = [extraction_json(x) for x in extract_paths(sorted(folder.glob("*.txt")))]
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return score(gold, items).as_dict()


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    return request.param, _score(request.param)


def test_eval_sets_overall_floor(scored: tuple[str, dict[str, Any]]) -> None:
    name, report = scored
    assert report["overall"]["f1"] >= FLOORS[name]


def test_eval_sets_every_gold_item_found_and_no_invented_researchers(scored: tuple[str, dict[str, Any]]) -> None:
    _, report = scored
    assert report["items"]["unaligned_gold"] == []
    assert report["researchers_in_items_naming_none"] == {}
