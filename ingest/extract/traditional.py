"""Traditional Chinese (Hong Kong, Taiwan, Macau news) read through the simplified forms the rules and gazetteers use.

The conversion is character by character (OpenCC's public character table, shipped with the
``opencc-python-reimplemented`` package), so the text keeps its length and every offset: mentions and evidence still
point into the original text. A text is converted only when traditional characters make up a real share of its
Chinese (a simplified text quotes a 於 now and then; converting it could turn 著名 into 着名).
"""

from __future__ import annotations

import functools
from importlib import resources

#: share of the text's characters that must be traditional-only before it is read as traditional (a traditional
#: Chinese text has some 20-30%, a simplified one none or a quoted few)
_SHARE = 0.03
_MIN_CHARACTERS = 3
_SAMPLE = 1000


@functools.cache
def _table() -> dict[int, str]:
    """Traditional character → its first simplified form, for characters that change (one character each)."""
    source = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        traditional, _, forms = line.partition("\t")
        simplified = forms.split()[0] if forms.split() else ""
        if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
            table[ord(traditional)] = simplified
    return table


@functools.cache
def _dropped() -> dict[int, None]:
    """A translation table that deletes every traditional-only character (counting them at C speed)."""
    return dict.fromkeys(_table())


def to_simplified(text: str) -> str | None:
    """``text`` in simplified characters, same length, when it is written in traditional ones; else None."""
    # the opening of a text tells its script (a whole newsletter is written in one): a bounded cost per item
    sample = text[:_SAMPLE]
    traditional = len(sample) - len(sample.translate(_dropped()))
    if traditional < _MIN_CHARACTERS or traditional < _SHARE * len(sample):
        return None
    return text.translate(_table())
