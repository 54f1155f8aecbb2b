"""Analytics endpoints under ``/analytics``: the explorer's network view, centrality, communities, collaborators,
institution roll-up and collaborations per year.

Each route fetches a subgraph through the GraphStore Protocol and hands it to :mod:`kg.analytics`, so they work the
same on every store. Scores are computed on the graph the route fetched (the whole collaboration graph up to
``limit`` edges, or the neighbourhood asked for), and are only comparable within it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from api.routes import COMMON, Store, problems
from kg import analytics
from kg.analytics import Collaborator, Community, NodeMetrics, YearCount
from kg.errors import UsageError
from kg.model import EntityType
from kg.store.base import GraphStore, Node, SubGraph

router = APIRouter(prefix="/analytics", tags=["analytics"])

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DateParam = Annotated[
    str | None,
    Query(pattern=_DATE, description="ISO date (YYYY, YYYY-MM or YYYY-MM-DD) compared with the evidence's item date"),
]
Level = Annotated[Literal["researcher", "institution"], Query(description="whose collaboration graph")]
MinWeight = Annotated[int, Query(ge=1, le=10_000, description="drop ties reported in fewer items")]
EdgeLimit = Annotated[int, Query(ge=1, le=5000, description="most collaboration edges analysed")]
Seed = Annotated[int, Query(ge=0, le=2**31 - 1, description="Louvain's random seed (same seed, same communities)")]
EntityId = Annotated[str, Path(min_length=1, max_length=200, description="an entity id")]

#: the types the explorer draws unless asked otherwise: the people and places of a collaboration network
NETWORK_TYPES: list[EntityType] = ["Researcher", "Institution"]
#: most recent years the per-year view asks the store about (one query each)
MAX_YEARS = 30
LEVEL_OF_TYPE: dict[str, Literal["researcher", "institution"]] = {
    "Researcher": "researcher",
    "Institution": "institution",
}


class RankedNode(BaseModel):
    """A node with its centrality scores."""

    node: Node
    metrics: NodeMetrics


class CommunityDetail(Community):
    """A community with its member nodes."""

    nodes: list[Node] = Field(default_factory=list)


class EntityAnalytics(BaseModel):
    """What the explorer's panel shows about one entity."""

    node: Node
    level: Literal["researcher", "institution"] | None = Field(
        description="the collaboration graph the scores come from; none for types that do not collaborate"
    )
    metrics: NodeMetrics | None = None
    community: CommunityDetail | None = None
    collaborators: list[Collaborator] = Field(default_factory=list)
    years: list[YearCount] = Field(default_factory=list)
    graph_nodes: int = Field(default=0, description="nodes of the collaboration graph the scores were computed on")


def _check_dates(since: str | None, until: str | None) -> None:
    if since and until and since > until:
        raise UsageError(f"since ({since}) is after until ({until})")


def _collaboration(
    store: GraphStore,
    level: Literal["researcher", "institution"],
    since: str | None,
    until: str | None,
    min_weight: int = 1,
    limit: int = 5000,
) -> SubGraph:
    return store.collaboration(level=level, min_weight=min_weight, since=since, until=until, limit=limit)


def _ego(store: GraphStore, node: Node, since: str | None, until: str | None) -> SubGraph:
    """The entity's collaboration ties as the store computes them for its level: institutions also collaborate through
    their researchers and departments, which ``neighbors()`` over stored edges would miss. Empty for other types."""
    level = LEVEL_OF_TYPE.get(node.type)
    if level is None:
        return SubGraph(nodes=[node])
    return store.collaboration(level=level, around=node.id, depth=1, since=since, until=until, limit=5000)


def _years(store: GraphStore, node: Node, since: str | None, until: str | None) -> list[YearCount]:
    """Collaborations of the entity per year: one collaboration query per year in which an item mentions it.

    ``collaborations`` sums the weights of its ties that year (distinct items per pair); ``items`` counts that year's
    items mentioning the entity.
    """
    if node.type not in LEVEL_OF_TYPE:
        return []
    dated = [i for i in store.entity(node.id).items if i.date and i.date[:4].isdigit()]
    out: list[YearCount] = []
    for year in sorted({int(i.date[:4]) for i in dated if i.date})[-MAX_YEARS:]:
        low, high = f"{year}-01-01", f"{year}-12-31"
        if not analytics.in_range(str(year), since, until):
            continue
        # the tighter of the year and the asked range (ISO strings of any precision order correctly)
        ego = _ego(store, node, max(low, since or low), min(high, until or high))
        count = sum(analytics.edge_weight(e) for e in ego.edges if node.id in (e.source, e.target))
        if count:
            items = sum(1 for i in dated if i.date and i.date.startswith(str(year)))
            out.append(YearCount(year=year, collaborations=int(count), items=items))
    return out


def _with_nodes(members: list[str], nodes: dict[str, Node], community: Community) -> CommunityDetail:
    return CommunityDetail(**community.model_dump(), nodes=[nodes[m] for m in members if m in nodes])


@router.get(
    "/network",
    response_model=SubGraph,
    summary="The network around an entity for the explorer: weighted edges, nodes scored and grouped",
    responses=problems(400, 404, *COMMON),
)
def network(
    store: Store,
    around: Annotated[str, Query(min_length=1, max_length=200, description="the entity id to centre on")],
    depth: Annotated[int, Query(ge=1, le=3)] = 2,
    type: Annotated[
        list[EntityType], Query(description="entity types drawn (repeat); researchers and institutions by default")
    ] = NETWORK_TYPES,  # noqa: B006 - FastAPI copies defaults per request
    since: DateParam = None,
    until: DateParam = None,
    limit: Annotated[int, Query(ge=1, le=2000, description="most nodes")] = 300,
) -> SubGraph:
    """Nodes within ``depth`` hops of ``around`` (the types asked for, the centre always) and the centre's
    collaboration ties; edges weighted by the distinct items of their evidence dated in [since, until]; each node's
    properties carry ``degree``, ``betweenness`` and ``community`` within this view."""
    _check_dates(since, until)
    centre = store.entity(around, limit=0).node  # NotFound first; a merged-away id resolves to the survivor
    found = store.neighbors(centre.id, depth=depth, types=type, limit=limit)
    view = analytics.filter_by_date(found, since, until, keep=centre.id)
    if centre.type in type:
        # the centre's collaboration ties as the store derives them (an institution's go through its researchers):
        # stored edges alone would hide them; they come weighted and already filtered by date
        view = analytics.union(view, _ego(store, centre, since, until))
    return analytics.annotate(view)


@router.get(
    "/centrality",
    response_model=list[RankedNode],
    summary="The most central researchers or institutions of the collaboration graph",
    responses=problems(400, *COMMON),
)
def centrality(
    store: Store,
    level: Level = "researcher",
    since: DateParam = None,
    until: DateParam = None,
    min_weight: MinWeight = 1,
    limit: EdgeLimit = 5000,
    top: Annotated[int, Query(ge=1, le=1000, description="how many nodes to return")] = 20,
    by: Annotated[Literal["betweenness", "degree"], Query(description="the ranking score")] = "betweenness",
    seed: Seed = 7,
) -> list[RankedNode]:
    """Nodes ranked by betweenness (or degree), each with degree, weighted degree, betweenness and community."""
    _check_dates(since, until)
    graph = _collaboration(store, level, since, until, min_weight, limit)
    metrics = analytics.centrality(graph, seed=seed)
    nodes = {n.id: n for n in graph.nodes}

    def score(m: NodeMetrics) -> tuple[float, float, str]:
        first = m.betweenness if by == "betweenness" else m.degree_centrality
        return (-first, -m.weighted_degree, nodes[m.id].name)

    ranked = sorted(metrics.values(), key=score)[:top]
    return [RankedNode(node=nodes[m.id], metrics=m) for m in ranked]


@router.get(
    "/communities",
    response_model=list[CommunityDetail],
    summary="Louvain communities of the collaboration graph, largest first",
    responses=problems(400, *COMMON),
)
def communities(
    store: Store,
    level: Level = "researcher",
    since: DateParam = None,
    until: DateParam = None,
    min_weight: MinWeight = 1,
    limit: EdgeLimit = 5000,
    seed: Seed = 7,
    min_size: Annotated[int, Query(ge=1, le=10_000, description="leave out smaller communities")] = 1,
) -> list[CommunityDetail]:
    """Communities with their members; the same graph and seed always give the same communities."""
    _check_dates(since, until)
    graph = _collaboration(store, level, since, until, min_weight, limit)
    nodes = {n.id: n for n in graph.nodes}
    return [_with_nodes(c.members, nodes, c) for c in analytics.communities(graph, seed=seed) if c.size >= min_size]


@router.get(
    "/collaborators/{entity_id}",
    response_model=list[Collaborator],
    summary="The strongest collaborators of a researcher or an institution",
    responses=problems(400, 404, *COMMON),
)
def collaborators(
    store: Store,
    entity_id: EntityId,
    since: DateParam = None,
    until: DateParam = None,
    top: Annotated[int, Query(ge=1, le=200)] = 10,
) -> list[Collaborator]:
    """Collaborators ranked by the number of distinct items that report the collaboration."""
    _check_dates(since, until)
    centre = store.entity(entity_id, limit=0).node
    return analytics.top_collaborators(_ego(store, centre, since, until), centre.id, top)


@router.get(
    "/rollup",
    response_model=SubGraph,
    summary="Collaboration between top-level institutions (departments rolled up through partOf)",
    responses=problems(400, *COMMON),
)
def rollup(
    store: Store,
    since: DateParam = None,
    until: DateParam = None,
    min_weight: MinWeight = 1,
) -> SubGraph:
    """Researchers count for their institutions, departments for their parents; the weight of a tie is the number of
    distinct items reporting it. Each node's ``properties.units`` counts the institutions rolled into it."""
    _check_dates(since, until)
    # the whole graph: roll-up needs every partOf and affiliatedWith edge, which no narrower read returns
    whole = analytics.from_extractions(store.subgraph())
    # only collaborations are dated by the filter; the partOf/affiliatedWith structure holds whatever the dates
    dated = analytics.filter_by_date(whole, since, until)
    merged = SubGraph(
        nodes=whole.nodes,
        edges=[e for e in whole.edges if e.predicate != analytics.COLLABORATION]
        + [e for e in dated.edges if e.predicate == analytics.COLLABORATION],
    )
    rolled = analytics.rollup_institutions(merged)
    edges = [e for e in rolled.edges if (e.weight or 0) >= min_weight]
    touched = {e.source for e in edges} | {e.target for e in edges}
    return SubGraph(nodes=[n for n in rolled.nodes if n.id in touched], edges=edges)


@router.get(
    "/years",
    response_model=list[YearCount],
    summary="Collaborations per year (by the date of the reporting item), overall or of one entity",
    responses=problems(404, *COMMON),
)
def years(
    store: Store,
    around: Annotated[
        str | None, Query(max_length=200, description="an entity id; every collaboration when absent")
    ] = None,
) -> list[YearCount]:
    """Overall: distinct (pair, item) collaborations stored, per year of the item. Of an entity: the weights of its
    ties (researcher or institution level) per year, and how many items of that year mention it."""
    if around is None:
        return analytics.collaboration_by_year(analytics.from_extractions(store.subgraph()))
    return _years(store, store.entity(around, limit=0).node, None, None)


@router.get(
    "/entities/{entity_id}",
    response_model=EntityAnalytics,
    summary="An entity's place in its collaboration graph: centrality, community, top collaborators, years",
    responses=problems(400, 404, *COMMON),
)
def entity_analytics(
    store: Store,
    entity_id: EntityId,
    since: DateParam = None,
    until: DateParam = None,
    top: Annotated[int, Query(ge=1, le=100, description="how many collaborators")] = 5,
    seed: Seed = 7,
) -> EntityAnalytics:
    """Scores come from the whole collaboration graph of the entity's level (researchers or institutions)."""
    _check_dates(since, until)
    node = store.entity(entity_id, limit=0).node
    level = LEVEL_OF_TYPE.get(node.type)
    result = EntityAnalytics(
        node=node,
        level=level,
        collaborators=analytics.top_collaborators(_ego(store, node, since, until), node.id, top),
        years=_years(store, node, since, until),
    )
    if level is None:
        return result
    graph = _collaboration(store, level, since, until)
    metrics = analytics.centrality(graph, seed=seed)
    result.graph_nodes = len(graph.nodes)
    result.metrics = metrics.get(node.id)
    if result.metrics is not None and result.metrics.community is not None:
        found = analytics.communities(graph, seed=seed)[result.metrics.community]
        result.community = _with_nodes(found.members, {n.id: n for n in graph.nodes}, found)
    return result
