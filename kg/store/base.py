"""The store seam: one Protocol that both graph stores implement, and the result types they return.

The API and the CLI talk to a :class:`GraphStore` only; results are these models, never driver records. What a store
can do beyond the common verbs is said by ``capabilities`` (data, not ``isinstance``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, Field

from kg.model import Evidence, Extraction, ImportBatch, NewsItem

#: capability names a store may declare
CAP_FULLTEXT = "fulltext"  # a real full-text index (CJK-aware) behind search
CAP_CYPHER = "cypher"  # read_query accepts Cypher
CAP_TRANSACTIONS = "transactions"  # apply() is one ACID transaction


class Node(BaseModel):
    """An entity (or news item) as stored."""

    id: str
    type: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    labels: dict[str, str] = Field(default_factory=dict)
    identifiers: dict[str, str] = Field(default_factory=dict)
    properties: dict[str, Any] = Field(default_factory=dict, description="e.g. date for a NewsItem, degree")


class Edge(BaseModel):
    """A relation between two stored nodes, with all the evidence that supports it."""

    source: str
    target: str
    predicate: str
    role: str | None = None
    year: int | None = None
    weight: float | None = Field(default=None, description="collaboration: number of shared items")
    evidence: list[Evidence] = Field(default_factory=list)
    evidence_total: int | None = Field(
        default=None,
        description="neighbourhoods: how many evidence spans support the fact; ``evidence`` then lists only the most "
        "recently added few (the entity's own page lists them all)",
    )


class SubGraph(BaseModel):
    """Nodes and edges, e.g. a neighbourhood or a collaboration graph."""

    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    truncated: bool = Field(
        default=False,
        description="true when nodes or edges were left out to keep the answer bounded (a hub with more neighbours "
        "than the walk looks at, or more nodes or edges than the limit)",
    )


class SearchHit(BaseModel):
    node: Node
    score: float
    matched: str = Field(description="the name or alias that matched")
    match: Literal["exact", "prefix", "substring", "fulltext"]


class SearchPage(BaseModel):
    hits: list[SearchHit]
    next_cursor: str | None = None


class EntityDetail(BaseModel):
    """An entity with its relations (each with evidence) and the items that mention it."""

    node: Node
    edges: list[Edge] = Field(default_factory=list)
    neighbors: list[Node] = Field(default_factory=list, description="the nodes at the other end of ``edges``")
    items: list[NewsItem] = Field(default_factory=list, description="items that mention the entity (text omitted)")
    merged_ids: list[str] = Field(default_factory=list, description="ids merged into this entity; they still resolve")
    edges_total: int | None = Field(
        default=None, description="how many relations the entity has (``edges`` lists the best-supported first)"
    )
    items_total: int | None = Field(
        default=None, description="how many items mention the entity (``items`` lists the most recent first)"
    )
    truncated: bool = Field(default=False, description="true when edges or items were left out (see ``limit``)")


class StoredMention(BaseModel):
    entity_id: str
    start: int
    end: int
    text: str


class ItemDetail(BaseModel):
    item: NewsItem
    entities: list[Node] = Field(default_factory=list)
    mentions: list[StoredMention] = Field(default_factory=list)
    batch_ids: list[str] = Field(default_factory=list)


class ItemPage(BaseModel):
    items: list[NewsItem]
    next_cursor: str | None = None


class Path(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class Stats(BaseModel):
    nodes_by_type: dict[str, int] = Field(default_factory=dict)
    edges_by_predicate: dict[str, int] = Field(default_factory=dict)
    items: int = 0
    top_researchers: list[Node] = Field(default_factory=list, description="properties.degree set")
    top_institutions: list[Node] = Field(default_factory=list, description="properties.degree set")
    batches: list[ImportBatch] = Field(default_factory=list)


class QueryResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False


class BatchResult(BaseModel):
    """What ``apply`` did: the committed batch and how much was new."""

    batch: ImportBatch
    nodes_created: int = 0
    relationships_created: int = 0
    evidence_added: int = 0


@runtime_checkable
class GraphStore(Protocol):
    """What every graph store offers. Both implementations pass one conformance suite (``tests/kg/store``).

    Conventions shared by all verbs:
    - ids of merged-away entities still resolve (``entity``, ``neighbors``, ``paths`` ...) to the surviving entity;
    - a missing entity, item or batch raises ``kg.errors.NotFound``; an unreachable store ``StoreUnavailable``;
    - ``since``/``until`` are ISO dates compared with the evidence's ``item_date``.
    """

    name: str
    capabilities: frozenset[str]

    # lifecycle
    def init_schema(self) -> None:
        """Create tables / constraints / indexes (idempotent)."""
        ...

    def clear(self) -> None:
        """Delete everything (tests and `kg ingest --reset`)."""
        ...

    def close(self) -> None: ...

    def health(self) -> dict[str, Any]:
        """``{"ok": bool, "store": name, "version": ..., ...}``; never raises."""
        ...

    # import batches
    def apply(self, batch: ImportBatch, records: Sequence[Extraction]) -> BatchResult:
        """Write a batch all-or-nothing and idempotently (same input twice: same node and relationship counts)."""
        ...

    def rollback(self, batch_id: str) -> ImportBatch:
        """Remove what that batch alone contributed; facts also supported by other batches keep their other evidence."""
        ...

    def batches(self) -> list[ImportBatch]: ...

    def batch(self, batch_id: str) -> ImportBatch: ...

    # reads
    def search(self, q: str, types: Sequence[str] = (), limit: int = 20, cursor: str | None = None) -> SearchPage:
        """Names and aliases, Chinese and English; ranked exact > prefix > substring."""
        ...

    def entity(self, entity_id: str, limit: int | None = None) -> EntityDetail:
        """An entity with its relations (each with all its evidence) and the items that mention it. With ``limit``:
        at most that many relations (the best supported, most evidence first) and items (the most recent), with the
        totals; ``limit=0`` reads the entity alone."""
        ...

    def lookup(self, identifier: str) -> Node:
        """Find an entity by an external identifier value (ROR, ISSN-L, Crossref Funder id, QID, DOI, ORCID)."""
        ...

    def neighbors(
        self,
        entity_id: str,
        depth: int = 1,
        types: Sequence[str] = (),
        relations: Sequence[str] = (),
        limit: int = 200,
    ) -> SubGraph: ...

    def neighbors_json(
        self,
        entity_id: str,
        depth: int = 1,
        types: Sequence[str] = (),
        relations: Sequence[str] = (),
        limit: int = 200,
    ) -> bytes:
        """:meth:`neighbors` as JSON: byte for byte what pydantic writes for its :class:`SubGraph` (the API's
        answer), built from the stored rows without the models; the same errors."""
        ...

    def collaboration(
        self,
        level: Literal["researcher", "institution"] = "researcher",
        around: str | None = None,
        depth: int = 1,
        min_weight: int = 1,
        since: str | None = None,
        until: str | None = None,
        rollup: bool = False,
        limit: int = 500,
        evidence: int | None = None,
    ) -> SubGraph:
        """Collaboration graph; edge weight = number of distinct items the two share. ``evidence``: None lists every
        evidence span of an edge; a number at most that many (the latest by item date among each fact's most
        recently added) with the edge's ``evidence_total`` (``records_graph.collaboration_graph``)."""
        ...

    def collaboration_json(
        self,
        level: Literal["researcher", "institution"] = "researcher",
        around: str | None = None,
        depth: int = 1,
        min_weight: int = 1,
        since: str | None = None,
        until: str | None = None,
        rollup: bool = False,
        limit: int = 500,
        evidence: int | None = None,
    ) -> bytes:
        """:meth:`collaboration` as JSON: byte for byte what pydantic writes for its :class:`SubGraph`, built
        without the models; the same errors."""
        ...

    def paths(self, source: str, target: str, max_length: int = 4, limit: int = 5) -> list[Path]:
        """Shortest paths (all of the minimal length, up to ``limit``)."""
        ...

    def items(self, limit: int = 50, cursor: str | None = None) -> ItemPage: ...

    def item(self, item_id: str) -> ItemDetail: ...

    def stats(self, top: int = 10) -> Stats: ...

    def read_query(
        self, query: str, params: dict[str, Any] | None = None, timeout: float = 10.0, row_limit: int = 1000
    ) -> QueryResult:
        """Read-only Cypher; any write clause raises ``WriteForbidden``; a slow query ``QueryError(timeout=True)``."""
        ...

    def subgraph(self, around: str | None = None, depth: int = 1) -> list[Extraction]:
        """The stored graph (or the part around an entity) as extraction records, for RDF export and round trips."""
        ...

    def context(self, entity_ids: Sequence[str]) -> list[Extraction]:
        """The stored entities with these ids and every stored relation (with evidence) touching them, as extraction
        records grouped by item. SHACL validation of a batch reads this instead of the whole store."""
        ...

    # curation
    def merge(self, keep: str, drop: str) -> Node:
        """Merge ``drop`` into ``keep``: aliases, relations and evidence carried over, the merge recorded."""
        ...

    def split(self, entity_id: str, aliases: Sequence[str], new_name: str) -> Node:
        """Move the given aliases (and the mentions/relations whose evidence uses them) to a new entity."""
        ...

    def rename(self, entity_id: str, name: str | None = None, add_aliases: Sequence[str] = ()) -> Node: ...
