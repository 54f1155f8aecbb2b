"""What every relation rule reads and how it writes: the item, its sentences and clusters, and the shared helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.extract.spans import Sentences, Span
from kg.model import Evidence, NewsItem, Relation

if TYPE_CHECKING:
    from ingest.resolve import Cluster


#: what separates the clauses of a sentence (a list of names before a role word, a grant's grantees)
CLAUSE = re.compile(r"[，,：:]")


@dataclass
class Context:
    """What the relation rules read: the item, its sentences, and the clusters with their spans."""

    item: NewsItem
    sentences: Sentences
    clusters: list[Cluster]
    #: researchers named with an author role when the item names no paper ("lead author A … senior author B"):
    #: the authors of the one piece of work it reports, kept with the span that named them
    untitled_authors: dict[str, Span] = field(default_factory=dict)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a fact at ``text[start:end]``: the item, its date, the span and its sentence."""
        return Evidence(
            item_id=self.item.id,
            item_date=self.item.date,
            start=start,
            end=end,
            sentence=self.sentences.sentence(start) or self.item.title,
        )

    def of(self, etype: str) -> list[Cluster]:
        """The entities of one type."""
        return [c for c in self.clusters if c.type == etype]

    def cluster_of(self, span: Span) -> Cluster | None:
        """The entity a span was resolved into."""
        return next((c for c in self.clusters if any(s is span for s in c.spans)), None)


def add(out: dict[tuple[str, str, str], Relation], relation: Relation) -> None:
    """Keep ``relation`` unless the same fact is there (collaboration is symmetric) or it links an entity to itself;
    the first evidence found stays."""
    a, b = relation.subject, relation.object
    if a == b:
        return
    k = (
        (min(a, b), relation.predicate, max(a, b))
        if relation.predicate == "collaboratedWith"
        else (a, relation.predicate, b)
    )
    if k not in out:
        out[k] = relation


def researchers_of(ctx: Context) -> list[Cluster]:
    """The item's people named as researchers (not officials)."""
    return [c for c in ctx.of("Researcher") if c.role == "researcher"]


def affiliate(
    ctx: Context, out: dict[tuple[str, str, str], Relation], person: Cluster, institution: Cluster, at: Span
) -> None:
    """``person`` affiliatedWith ``institution``, evidenced by the span that names the person."""
    evidence = ctx.evidence(at.start, at.end)
    add(out, Relation(subject=person.id, predicate="affiliatedWith", object=institution.id, evidence=evidence))


_THIS_PAPER = re.compile(r"该论文|该文章|这篇论文|此论文")


def main_of(ctx: Context, etype: str, near: int) -> Cluster | None:
    """The cluster of ``etype`` in the sentence of ``near``, else the one written last before it (an item reporting
    two papers names each one's authors after it), else the first of the item."""
    clusters = ctx.of(etype)
    if not clusters:
        return None
    sentence = ctx.sentences.index(near)
    for c in clusters:
        if any(ctx.sentences.index(s.start) == sentence for s in c.spans):
            return c
    before = [(s.start, c) for c in clusters for s in c.spans if s.start < near]
    start, _ = ctx.sentences.bounds(near)
    if before and etype == "Publication" and _THIS_PAPER.search(ctx.item.text, start, near + 8):
        # 该论文: the paper the item is about, the first it names, not one a later sentence compares it with
        return min(before, key=lambda pair: pair[0])[1]
    return max(before, key=lambda pair: pair[0])[1] if before else clusters[0]
