"""A trained spaCy pipeline plugged in by config: its PERSON entities reach the rules as extra candidates.

No model can be downloaded here, so the test builds a small pipeline (blank Chinese plus an entity ruler standing in for
a statistical NER), saves it to disk and loads it by path, as a user would point KG_SPACY_MODEL_ZH at theirs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import spacy

from ingest.extract import extract_item
from kg.ids import item_id
from kg.model import NewsItem

# a transliterated name: no surname table knows it, so the rules alone miss it; the 教授 cue makes it a researcher
NAME = "维克多·莱恩"
TEXT = f"新型玻璃可自我修复\n星河大学材料学院{NAME}教授团队研制出一种可自我修复的玻璃。"


def _trained_pipeline(path: Path) -> Path:
    nlp = spacy.blank("zh")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": NAME}])  # type: ignore[attr-defined]
    nlp.to_disk(path)
    return path


def _researchers(**models: str) -> set[str]:
    title = TEXT.split("\n", 1)[0]
    item = NewsItem(id=item_id(title, TEXT), title=title, text=TEXT, lang="zh")
    return {e.name for e in extract_item(item, **models).entities if e.type == "Researcher"}  # type: ignore[arg-type]


def test_trained_pipeline_adds_person_candidates(tmp_path: Path) -> None:
    model = str(_trained_pipeline(tmp_path / "model"))
    assert NAME not in _researchers()
    assert NAME in _researchers(zh_model=model)


def test_trained_pipeline_configured_by_environment(tmp_path: Path) -> None:
    model = _trained_pipeline(tmp_path / "model")
    news = tmp_path / "release.txt"
    news.write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "KG_SPACY_MODEL_ZH": str(model)}
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", str(news), "--as", "item", "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    names = {e["name"] for item in json.loads(done.stdout)["items"] for e in item["entities"]}
    assert NAME in names
