"""Search ranking both stores share: exact > prefix > substring, then degree, name and id, paged by cursor."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, TypeVar

from kg.ids import normalize_name
from kg.store.base import Node, SearchHit, SearchPage
from kg.store.records import decode_cursor, encode_cursor, node_from_props, normalized

_T = TypeVar("_T")


def match_score(q_norm: str, keys: Sequence[str]) -> tuple[int, str] | None:
    """Best (score, key) of a normalised query against normalised keys: exact 3, prefix 2, substring 1."""
    best: tuple[int, str] | None = None
    for key in keys:
        score = 3 if key == q_norm else 2 if key.startswith(q_norm) else 1 if q_norm in key else 0
        if score and (best is None or score > best[0]):
            best = (score, key)
    return best


def rank_search(q: str, candidates: Iterable[tuple[Node, int]], limit: int, cursor: str | None) -> SearchPage:
    """Rank candidate nodes (with their degree) for a query: exact > prefix > substring, ties by degree (higher
    first) then name, then id; page with an opaque cursor. Both stores call this (or :func:`rank_search_props`) on
    their candidates."""

    def hit(node: Node, degree: int) -> Node:
        return node.model_copy(update={"properties": {**node.properties, "degree": degree}})

    entries = ((n.id, n.name, (n.name, *n.aliases, *n.labels.values()), d, n) for n, d in candidates)
    return _rank_search(q, entries, limit, cursor, hit)


def rank_search_props(
    q: str, candidates: Iterable[tuple[str, Mapping[str, Any], int]], limit: int, cursor: str | None
) -> SearchPage:
    """:func:`rank_search` over stored (label, properties, degree): the same page, with a node model built only
    for the hits on it (a 2-character prefix has thousands of candidates)."""

    def hit(stored: tuple[str, Mapping[str, Any]], degree: int) -> Node:
        return node_from_props(*stored, degree=degree)

    entries = ((p["id"], p["name"], _surfaces(p), d, (label, p)) for label, p, d in candidates)
    return _rank_search(q, entries, limit, cursor, hit)


def _surfaces(props: Mapping[str, Any]) -> tuple[str, ...]:
    """Name, aliases and language labels of stored properties, in the order :class:`Node` holds them."""
    labels = (v for v in (props.get("name_zh"), props.get("name_en")) if v)
    return (props["name"], *(props.get("aliases") or []), *labels)


_MATCH_KIND: dict[int, Literal["exact", "prefix", "substring"]] = {3: "exact", 2: "prefix", 1: "substring"}


def _rank_search(
    q: str,
    entries: Iterable[tuple[str, str, Sequence[str], int, _T]],
    limit: int,
    cursor: str | None,
    hit: Callable[[_T, int], Node],
) -> SearchPage:
    """The ranking of :func:`rank_search` over (id, name, surfaces, degree, payload); ``hit(payload, degree)`` makes
    the node of a hit on the page."""
    q_norm = normalize_name(q)
    if not q_norm:
        return SearchPage(hits=[])
    scored: list[tuple[int, int, str, str, str, _T]] = []
    for node_id, name, values, degree, payload in entries:
        surface = {normalized(v): v for v in values}
        best = match_score(q_norm, list(surface))
        if best is None:
            continue
        score, key = best
        scored.append((-score, -degree, name, node_id, surface[key], payload))
    scored.sort(key=lambda t: t[:4])
    offset = decode_cursor(cursor)
    page = [
        SearchHit(node=hit(payload, -degree), score=float(-score), matched=matched, match=_MATCH_KIND[-score])
        for score, degree, _, _, matched, payload in scored[offset : offset + limit]
    ]
    more = offset + limit < len(scored)
    return SearchPage(hits=page, next_cursor=encode_cursor(offset + limit) if more else None)
