"""Rules found on the zh12 set and the zh11 leftovers, checked on fictional texts (people and units made up;
funders, journals and institutes from the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _names


def test_rare_and_compound_surnames_of_the_public_lists() -> None:
    text = (
        "青年团队揭示土壤微生物新机制\n"
        "近日，浙江大学环境与资源学院研究员禤明远团队在《自然·通讯》发表论文。博士研究生闾丘青禾为第一作者，"
        "副研究员蒿文川、教授左丘为共同通讯作者。"
    )
    researchers = _names(_extract(text, "zh"), "Researcher")
    assert {"禤明远", "闾丘青禾", "蒿文川", "左丘"} <= researchers
