"""Relations between the resolved entities of one item, each with its evidence (span and sentence).

- affiliatedWith: a researcher and the institutions written right before the name (同济大学医学院、附属东方医院研究人员
  张明远), or in brackets after it (林晓梅教授（云岭大学）); names listed after one inherit them.
- authorOf: 通讯作者 / 第一作者 / corresponding / first author clauses, to the item's paper.
- publishedIn: a paper and the journal of its sentence (or the item's only journal).
- fundedBy: the item's paper and every funder of a funding statement.
- received: researchers in a sentence that says they got an award; every researcher of an item whose title (or whose
  parent article's title) is the award, with the year written there.
- partOf: a unit and the parent named inside it; a prize category and its prize (gazetteer).
- a paper list's delimited records (one paper a line): authorOf with the role its columns and markers give,
  publishedIn, fundedBy and affiliatedWith, record by record.
- collaboratedWith: researchers co-listed on the same work; sharing a prize is not collaboration. Institutions only
  where a sentence says they (or their researchers' teams) work together (合作, 携手, in collaboration with ...): two
  institutions merely named in one item did not necessarily collaborate.
"""

from __future__ import annotations

from ingest.extract.relations.affiliation import affiliated_with, part_of
from ingest.extract.relations.authorship import (
    author_of,
    co_writer_author,
    possessive_author,
    published_by,
    published_in,
    reference_authors,
    team_authors,
    thesis_author,
)
from ingest.extract.relations.collaboration import collaborated_with, institutions_collaborated
from ingest.extract.relations.context import Context
from ingest.extract.relations.funding import funded_by
from ingest.extract.relations.paper_header import header_authors
from ingest.extract.relations.prizes import received
from ingest.extract.relations.profile_page import profile_fields, project_leader
from ingest.extract.relations.record_facts import record_facts
from ingest.extract.relations.table_facts import table_rows

__all__ = [
    "Context",
    "affiliated_with",
    "author_of",
    "co_writer_author",
    "reference_authors",
    "thesis_author",
    "collaborated_with",
    "funded_by",
    "header_authors",
    "institutions_collaborated",
    "part_of",
    "possessive_author",
    "profile_fields",
    "project_leader",
    "published_by",
    "published_in",
    "received",
    "record_facts",
    "table_rows",
    "team_authors",
]
