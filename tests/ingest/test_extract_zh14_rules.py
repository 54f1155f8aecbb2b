"""Rules found on the zh14 set, checked on fictional texts (people and units made up; universities from the public
gazetteers)."""

from __future__ import annotations

import pytest

from tests.ingest.test_extract_en7_rules import _extract, _facts


@pytest.mark.parametrize("joint", ["\n", " "])
def test_an_author_list_apart_by_commas_with_markers_and_one_unit_per_line(joint: str) -> None:
    """林晓风#1，周明远#1,2，… 赵明远*2 over one numbered unit per line (the reader may run the first unit on after
    the list): each author is affiliated with the units their numbers point to; # marks a co-first author, * a
    corresponding one."""
    text = (
        "关于稿件作者信息的核对\n二、作者顺序及单位（# 共同第一作者，* 共同通讯作者）\n"
        f"林晓风#1，周明远#1,2，罗安娜（Anna Rossi）2，赵明远*3{joint}1 北京大学物理学院\n"
        "2 清华大学化学系\n3 浙江大学生命科学学院\n请各位老师核对。\n"
    )
    affiliations = _facts(_extract(text, "zh"), "affiliatedWith")
    assert {
        ("林晓风", "北京大学物理学院"),
        ("周明远", "清华大学化学系"),
        ("赵明远", "浙江大学生命科学学院"),
    } <= affiliations
    assert ("林晓风", "清华大学化学系") not in affiliations
