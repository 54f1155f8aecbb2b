"""Rule-based extraction of news items: spans by type, resolution into entities, relations with evidence.

``extract_item(item)`` (in ``ingest.extract.item``) is the whole stage for one item; ``ingest.pipeline`` streams it.
The rule modules (``institutions``, ``people``, ``publications``, ``awards``, ``relations``) each find one kind of
span or fact. The name is resolved lazily so that ``ingest.resolve`` can use ``ingest.extract.spans`` without a cycle.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_item"]


def __getattr__(name: str) -> Any:
    if name == "extract_item":
        from ingest.extract.item import extract_item

        return extract_item
    raise AttributeError(name)
