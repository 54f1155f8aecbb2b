"""The spaCy pipelines and word windows the rules use (blank pipelines only: nothing is downloaded)."""

from __future__ import annotations

import pytest

from ingest.gazetteers import load_gazetteer
from ingest.nlp import model_entities, pipeline, words, words_freq


@pytest.mark.parametrize(
    ("lang", "text", "label", "surface"),
    [
        ("zh", "他在复旦大学工作，论文发表在自然上。", "ORG", "复旦大学"),
        ("en", "The paper appeared in Nature Communications last week.", "JOURNAL", "Nature Communications"),
    ],
)
def test_nlp_blank_pipeline_rules_find_gazetteer_entries(lang: str, text: str, label: str, surface: str) -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup(surface) is not None  # the rule is built from the shipped gazetteer
    doc = pipeline(lang)(text)
    assert (label, surface) in {(e.label_, e.text) for e in doc.ents}


def test_nlp_pipeline_is_loaded_once() -> None:
    assert pipeline("zh") is pipeline("zh")


def test_nlp_words_keep_unknown_names_split_and_know_common_words() -> None:
    assert words("研究团队与剑桥大学")[-1] == "剑桥大学"
    assert words_freq("支持") > 100
    assert words_freq("闵贻岚") == 0


def test_nlp_without_a_model_offers_no_extra_entities() -> None:
    assert model_entities("张三教授在北京大学工作。", "zh", None) == []
