"""The plain data that flows between the stages: news items, extracted entities and relations, import batches.

Each stage takes and returns these models, so any stage can be run and tested alone. Offsets are character offsets
into ``NewsItem.text`` (Python string indices), never bytes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

EXTRACTOR_VERSION = "kg-extract/0.1.0"

EntityType = Literal["Researcher", "Institution", "Journal", "Funder", "Award", "Publication"]
ENTITY_TYPES: tuple[EntityType, ...] = ("Researcher", "Institution", "Journal", "Funder", "Award", "Publication")

Predicate = Literal["affiliatedWith", "authorOf", "publishedIn", "fundedBy", "received", "partOf", "collaboratedWith"]
PREDICATES: tuple[Predicate, ...] = (
    "affiliatedWith",
    "authorOf",
    "publishedIn",
    "fundedBy",
    "received",
    "partOf",
    "collaboratedWith",
)
#: predicates whose direction carries no meaning
SYMMETRIC_PREDICATES: frozenset[str] = frozenset({"collaboratedWith"})

Role = Literal["corresponding", "first", "co-author", "sole"]


class NewsItem(BaseModel):
    """One news item: an article, or one sub-section of an article that reports its own achievement or prize."""

    id: str = Field(description="stable id derived from the item's source and content", examples=["item-3f9a0c1b2d4e"])
    title: str
    text: str = Field(description="the body; mention offsets point into this string")
    date: str | None = Field(
        default=None, description="ISO date (YYYY-MM-DD), or YYYY-MM / YYYY when only that is known"
    )
    source: str | None = Field(default=None, description="publisher or source line, e.g. 来源：文汇报")
    url: str | None = None
    section: str | None = Field(default=None, description="the newsletter section the item stands in")
    lang: Literal["zh", "en"] = "zh"
    file: str | None = Field(default=None, description="the file the item was read from")
    parent_title: str | None = Field(default=None, description="title of the article a sub-section item belongs to")


class Mention(BaseModel):
    """A surface form of an entity in an item's text: ``text == item.text[start:end]``."""

    start: int
    end: int
    text: str


class Evidence(BaseModel):
    """Where a fact comes from: the item, its date, the span and sentence, the extractor and the import batch."""

    item_id: str
    item_date: str | None = None
    start: int
    end: int
    sentence: str
    extractor_version: str = EXTRACTOR_VERSION
    batch_id: str | None = None


class Entity(BaseModel):
    """An entity as extracted from one item (after resolution: ``id`` is stable across items and runs)."""

    id: str
    type: EntityType
    name: str = Field(description="canonical name")
    aliases: list[str] = Field(default_factory=list, description="every other surface form")
    labels: dict[str, str] = Field(
        default_factory=dict, description="canonical name per language, e.g. {'zh': '自然', 'en': 'Nature'}"
    )
    identifiers: dict[str, str] = Field(
        default_factory=dict, description="external ids by scheme: issn_l, ror, crossref_funder, wikidata, doi, orcid"
    )
    mentions: list[Mention] = Field(default_factory=list)


class Relation(BaseModel):
    """A fact between two entities of the same item, with the evidence for it."""

    subject: str
    predicate: Predicate
    object: str
    role: Role | None = None
    year: int | None = None
    evidence: Evidence


class Extraction(BaseModel):
    """Everything extracted from one news item."""

    item: NewsItem
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity of this item with that id, if any."""
        return next((e for e in self.entities if e.id == entity_id), None)


class ValidationSummary(BaseModel):
    """What SHACL validation of a batch found."""

    conforms: bool = True
    violations: int = 0
    warnings: int = 0
    infos: int = 0
    quarantined_items: list[str] = Field(default_factory=list)


class ImportBatch(BaseModel):
    """One ingest run: what it read, what it wrote and what validation said."""

    id: str
    created_at: datetime
    sources: list[str] = Field(default_factory=list)
    status: Literal["pending", "committed", "rolled_back", "failed", "dry_run"] = "pending"
    counts: dict[str, int] = Field(default_factory=dict, description="items, entities, relations, quarantined, ...")
    validation: ValidationSummary = Field(default_factory=ValidationSummary)
