"""Rules found on the zh10 round, checked on fictional texts (people, units and universities made up; funders,
journals, programmes and institutes from the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_paper_details_block_run_together_names_title_journal_and_funders() -> None:
    """A 论文信息 block (标题：… 期刊：…, 2026, 17: 88 / DOI：… / 资助：A、B) whose lines the reader ran together:
    the title is the paper, the journal field its journal, the funding field its funders; a unit (°C) closing the
    title is no journal."""
    text = (
        "【成果一】星河大学团队研制新型凝胶\n"
        "化学系岑一帆副教授课题组开发出一种低温凝胶。\n"
        "论文信息：标题：Fictional gels that keep sensing at −40 °C 期刊：Nature Communications, 2026, 17: 8821\n"
        "DOI：10.1038/s41467-026-00001-x\n"
        "作者：化学系硕士研究生卓思远为第一作者，岑一帆为通讯作者。\n"
        "资助：国家自然科学基金、深圳市科技计划项目"
    )
    extraction = _extract(text, "zh")
    title = "Fictional gels that keep sensing at −40 °C"
    assert _names(extraction, "Publication") == {title}
    assert _names(extraction, "Journal") == {"Nature Communications"}
    assert {"国家自然科学基金", "深圳市科技计划项目"} <= _names(extraction, "Funder")
    assert (title, "Nature Communications") in _facts(extraction, "publishedIn")
    assert {("卓思远", title), ("岑一帆", title)} <= _facts(extraction, "authorOf")


def test_known_english_journal_before_an_adverb_and_the_verb() -> None:
    """在The Plant Cell共同发表论文: an adverb (共同, 联合) between a known English title and 发表 keeps it a
    journal."""
    text = (
        "星河大学学者合作发表论文\n\n"
        "岑一帆教授与卓思远研究员2025年在The Plant Cell共同发表论文“A fictional kinase couples roots to "
        "nitrate”，岑一帆为通讯作者。\n"
    )
    assert "The Plant Cell" in _names(_extract(text, "zh"), "Journal")
