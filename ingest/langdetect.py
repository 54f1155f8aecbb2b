"""Chinese or English, by the share of CJK characters: enough for news that is one or the other."""

from __future__ import annotations

from typing import Literal

from ingest.segment_lines import cjk_ratio

#: an English word averages five letters where Chinese writes one or two characters: a quarter of CJK characters
#: among letters already means the running text is Chinese (English text quoting a Chinese name stays far below)
ZH_THRESHOLD = 0.25


def detect_lang(text: str) -> Literal["zh", "en"]:
    """'zh' when CJK characters make up at least a quarter of the letters, else 'en'."""
    return "zh" if cjk_ratio(text) >= ZH_THRESHOLD else "en"
