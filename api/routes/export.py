"""``GET /export``: the whole graph or the part around an entity, in an RDF or graph-tool format, streamed."""

from __future__ import annotations

import contextlib
import io
import queue
import threading
from collections.abc import Callable, Iterator
from typing import IO, Annotated, Literal, cast

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.routes import COMMON, Store, problems

router = APIRouter(tags=["export"])

_CHUNK_CHARS = 64 * 1024

ExportFormat = Literal["ttl", "nt", "jsonld", "graphml", "gexf", "csv"]

MEDIA_TYPES: dict[str, str] = {
    "ttl": "text/turtle; charset=utf-8",
    "nt": "application/n-triples; charset=utf-8",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "csv": "text/csv; charset=utf-8",
}


class _Cancelled(Exception):
    """The consumer of an export stream has gone."""


class _QueueWriter(io.TextIOBase):
    """A text stream whose writes become bytes on a bounded queue, so a serialiser can feed a streamed response."""

    def __init__(self, chunks: queue.Queue[bytes | BaseException | None], cancelled: threading.Event) -> None:
        self._chunks = chunks
        self._cancelled = cancelled
        self._buffer: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        self._buffer.append(text)
        self._size += len(text)
        if self._size >= _CHUNK_CHARS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._buffer:
            self.put("".join(self._buffer).encode("utf-8"))
            self._buffer, self._size = [], 0

    def put(self, item: bytes | BaseException | None) -> None:
        """Hand an item to the consumer; gives up when the client has gone (no thread left blocked)."""
        while not self._cancelled.is_set():
            try:
                self._chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Cancelled


def _stream(write: Callable[[IO[str]], object]) -> Iterator[bytes]:
    """Run ``write(out)`` in a thread and yield what it writes as it comes (the queue bounds memory)."""
    chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=16)

    cancelled = threading.Event()

    def produce() -> None:
        out = _QueueWriter(chunks, cancelled)
        try:
            write(cast(IO[str], out))  # a TextIOBase is a text stream; typeshed does not call it IO[str]
            out.flush()
            out.put(None)
        except _Cancelled:
            return
        except Exception as exc:  # handed to the consumer, which re-raises it in the response task
            with contextlib.suppress(_Cancelled):
                out.put(exc)

    threading.Thread(target=produce, name="kg-export", daemon=True).start()
    try:
        while (chunk := chunks.get()) is not None:
            if isinstance(chunk, BaseException):
                raise chunk
            yield chunk
    finally:
        cancelled.set()  # the client went away, or we are done: the producer must not wait on a full queue


@router.get(
    "/export",
    summary="Export the graph (or a subgraph around an entity)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "the serialised graph",
            "content": {media: {"schema": {"type": "string"}} for media in MEDIA_TYPES.values()},
        },
        **problems(404, *COMMON),
    },
)
def export_graph(
    store: Store,
    format: Annotated[ExportFormat, Query(description="ttl, nt, jsonld, graphml, gexf or csv")] = "ttl",
    around: Annotated[
        str | None, Query(max_length=200, description="an entity id; the whole graph when absent")
    ] = None,
    depth: Annotated[int, Query(ge=1, le=3, description="hops around the entity")] = 1,
) -> StreamingResponse:
    """The serialisation streams in chunks; ``Content-Disposition`` names a file."""
    # imported late: the RDF side loads the ontology, which most requests never need
    from kg.export import RDF_FORMATS, subgraph_from_extractions, write_rdf, write_view

    records = store.subgraph(around=around, depth=depth)  # NotFound for an unknown entity, before streaming starts
    if format in RDF_FORMATS:
        body = _stream(lambda out: write_rdf(records, format, out))
    else:
        view = subgraph_from_extractions(records)
        body = _stream(lambda out: write_view(view, format, out))
    name = f"kg-{around or 'graph'}.{format}"
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
