"""Typed errors of the knowledge-graph service.

Every error the service raises on purpose is a :class:`KgError`. They carry data (file, offset, item, report), never
HTTP codes or exit codes: the CLI (``kg.cli``) and the API (``api.problems``) each map them once.

::

    KgError
    ├── InputError              bad input: unreadable file, undecodable bytes, unknown format   (exit 2, HTTP 400/422)
    │   └── DecodeError         bytes that decode in no supported encoding (file, byte offset)
    ├── UsageError              a wrong option or argument                                     (exit 2, HTTP 400)
    ├── OntologyError           the ontology or the SHACL shapes themselves are broken           (exit 2, HTTP 500)
    ├── NonConformance          the data does not conform to the shapes (carries the report)     (exit 1, HTTP 422)
    ├── StoreError              anything the graph store refuses                                (exit 3, HTTP 503)
    │   ├── StoreUnavailable    the store cannot be reached or started                          (exit 3, HTTP 503)
    │   ├── NotFound            an entity, item or batch that does not exist                     (exit 2, HTTP 404)
    │   └── Conflict            an operation that contradicts the stored state                   (exit 2, HTTP 409)
    ├── QueryError              a read query that is malformed or too slow                      (exit 2, HTTP 400/408)
    │   └── WriteForbidden      a "read-only" query that tries to write                         (exit 2, HTTP 403)
    └── AuthError               a missing or wrong API key                                      (HTTP 401/403)
"""

from __future__ import annotations

from typing import Any


class KgError(Exception):
    """Base of every error the service raises on purpose."""

    #: a short machine-readable slug, used as the problem ``type`` suffix in the API
    code: str = "error"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details: dict[str, Any] = {k: v for k, v in details.items() if v is not None}

    def __str__(self) -> str:
        return self.message


class InputError(KgError):
    """Input that cannot be read: names the file and, where known, the item, field or byte offset."""

    code = "bad-input"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        offset: int | None = None,
        item: str | None = None,
        field: str | None = None,
        **details: Any,
    ) -> None:
        where = ", ".join(
            part
            for part in (
                f"file {file}" if file else "",
                f"byte offset {offset}" if offset is not None else "",
                f"item {item}" if item else "",
                f"field {field}" if field else "",
            )
            if part
        )
        super().__init__(
            f"{message} ({where})" if where else message, file=file, offset=offset, item=item, field=field, **details
        )
        self.file = file
        self.offset = offset
        self.item = item
        self.field = field


class DecodeError(InputError):
    """Bytes that decode in none of the supported encodings (UTF-8, UTF-16, GB18030), or binary data."""

    code = "undecodable-input"


class UsageError(KgError):
    """A wrong option, argument or parameter value."""

    code = "bad-usage"


class OntologyError(KgError):
    """The ontology or the SHACL shapes cannot be loaded or are themselves invalid (not the data's fault)."""

    code = "ontology-error"


class NonConformance(KgError):
    """The data does not conform to the SHACL shapes; ``report`` holds the curator's report."""

    code = "non-conformance"

    def __init__(self, message: str, report: Any = None, **details: Any) -> None:
        super().__init__(message, **details)
        self.report = report


class StoreError(KgError):
    """The graph store refused an operation."""

    code = "store-error"


class StoreUnavailable(StoreError):
    """The store cannot be reached, opened or started."""

    code = "store-unavailable"


class NotFound(StoreError):
    """An entity, news item or import batch that does not exist."""

    code = "not-found"


class Conflict(StoreError):
    """An operation that contradicts the stored state (merging an entity into itself, rolling back twice, ...)."""

    code = "conflict"


class QueryError(KgError):
    """A read query that is malformed, exceeds the time limit or is otherwise refused."""

    code = "bad-query"

    def __init__(self, message: str, *, timeout: bool = False, **details: Any) -> None:
        super().__init__(message, **details)
        self.timeout = timeout


class WriteForbidden(QueryError):
    """A query sent to the read-only endpoint that would write."""

    code = "write-forbidden"


class AuthError(KgError):
    """A missing (``missing=True``) or wrong API key."""

    code = "unauthorized"

    def __init__(self, message: str, *, missing: bool, **details: Any) -> None:
        super().__init__(message, **details)
        self.missing = missing


#: CLI exit codes, documented in the README.
EXIT_OK = 0
EXIT_NONCONFORMANCE = 1
EXIT_USAGE = 2
EXIT_STORE = 3


def exit_code(error: BaseException) -> int:
    """The documented CLI exit code for an error."""
    if isinstance(error, NonConformance):
        return EXIT_NONCONFORMANCE
    if isinstance(error, StoreUnavailable):
        return EXIT_STORE
    if isinstance(error, StoreError) and not isinstance(error, (NotFound, Conflict)):
        return EXIT_STORE
    return EXIT_USAGE
