"""Refuse Cypher that writes, before it reaches either store.

A keyword scan over the query with string literals, comments and back-quoted names blanked out, so that
``RETURN "CREATE"`` or ``n.`set``` pass and ``MATCH (n) DETACH DELETE n`` does not. Procedure calls are allowed only
from a list of read-only procedures. Neo4j additionally runs the query in a READ transaction, so this scan is the first
line, not the only one.
"""

from __future__ import annotations

import re

from kg.errors import WriteForbidden

#: clauses that write, or change schema, data files, users or the transaction state
WRITE_KEYWORDS: frozenset[str] = frozenset(
    {
        "CREATE",
        "MERGE",
        "SET",
        "DELETE",
        "DETACH",
        "REMOVE",
        "DROP",
        "LOAD",
        "COPY",
        "ALTER",
        "FOREACH",
        "INSERT",
        "IMPORT",
        "EXPORT",
        "INSTALL",
        "ATTACH",
        "CHECKPOINT",
        "BEGIN",
        "COMMIT",
        "ROLLBACK",
        "GRANT",
        "DENY",
        "REVOKE",
        "TERMINATE",
        "TRUNCATE",
    }
)

#: procedures a read query may CALL (lower case); everything else is refused, since procedures can write
READ_PROCEDURES: frozenset[str] = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
        "dbms.components",
        "show_tables",
        "table_info",
        "show_connection",
    }
)

# string literals (single or double quoted, with escapes), back-quoted names, line and block comments
_NOISE = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`|//[^\n]*|/\*.*?\*/""",
    re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_CALL = re.compile(r"\bCALL\s*(\{|[A-Za-z_][A-Za-z_0-9.]*)", re.IGNORECASE)


def strip_noise(query: str) -> str:
    """The query with string literals, back-quoted names and comments replaced by spaces."""
    return _NOISE.sub(lambda m: " " * len(m.group(0)), query)


def check_read_only(query: str) -> None:
    """Raise :class:`WriteForbidden` if the query has a write clause or calls a procedure not known to be read-only."""
    code = strip_noise(query)
    # a property access (n.set) or a map key (set: 1) is a name, not a clause
    for match in _WORD.finditer(code):
        word = match.group(0).upper()
        if word not in WRITE_KEYWORDS:
            continue
        before = code[: match.start()].rstrip()
        after = code[match.end() :].lstrip()
        if before.endswith(".") or after.startswith(":") and not after.startswith("::"):
            continue
        raise WriteForbidden(f"the query writes ({word}); only read queries are allowed", keyword=word)
    for match in _CALL.finditer(code):
        target = match.group(1)
        if target == "{":
            continue  # a subquery: its clauses were scanned above
        if target.lower() not in READ_PROCEDURES:
            raise WriteForbidden(
                f"the query calls {target}, which is not a known read-only procedure", procedure=target
            )
