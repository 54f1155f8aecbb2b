"""Where an import's time goes, stage by stage, on the real pipeline: read+extract, map to RDF, SHACL validation,
store write — and so how much validation adds to an ingest.

News texts (synthetic items from ``ingest.synth`` with fictional names, plus any ``--real`` files) go through the
real extractor as a generator into ``kg.pipeline.import_batch`` with a real store, exactly as ``kg ingest`` does;
the stage seconds are the pipeline's own ``ImportOutcome.timings``. Each run starts from an empty store; medians of
``--repeat`` runs are printed.

"Validation adds" = (map + validate) / (extract + context + write): the RDF mapping exists only to be validated, so
it counts as validation cost, and the rest is what an ingest without validation would still do.

Each store is run with each ``--engines`` (default: the compiled SHACL checks, then pySHACL as the baseline).

Usage: ``.venv/bin/python bench/bench_ingest.py [--items 1000] [--repeat 3] [--stores ladybug neo4j]
[--engines compiled pyshacl] [--real ../shared/seeds/*.txt]``. Neo4j: a server of the project's own is started on a
free port unless ``--uri``.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.pipeline import extract_items  # noqa: E402
from ingest.readers import read_path  # noqa: E402
from ingest.synth import synth_extractions  # noqa: E402
from kg.model import Extraction, NewsItem  # noqa: E402
from kg.pipeline import import_batch  # noqa: E402

PASSWORD = "kg-bench-password"
STAGES = ("extract", "context", "map", "validate", "write")


def news(count: int, real: list[Path]) -> list[NewsItem]:
    """The items to ingest: ``count`` synthetic news texts and the items of the real files."""
    items = [r.item for r in itertools.islice(synth_extractions(count, seed=11), count)]
    return items + [item for path in real for item in read_path(path)]


def open_store(kind: str, work: Path, uri: str | None) -> Any:
    if kind == "neo4j":
        from kg.store.neo4j import Neo4jStore

        store: Any = Neo4jStore(uri or "", "neo4j", PASSWORD)
        store.clear()
    else:
        from kg.store.ladybug import LadybugStore

        path = work / "ladybug-db"
        shutil.rmtree(path, ignore_errors=True)
        store = LadybugStore(path)
    store.init_schema()
    return store


def one_run(kind: str, items: list[NewsItem], work: Path, uri: str | None, engine: str) -> dict[str, float]:
    store = open_store(kind, work, uri)
    try:

        def extracted() -> Iterator[Extraction]:
            yield from extract_items(items)

        outcome = import_batch(extracted(), store, sources=["bench"], engine=engine)  # type: ignore[arg-type]
        return {stage: outcome.timings.get(stage, 0.0) for stage in STAGES}
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=1000, help="synthetic news items per run")
    parser.add_argument("--real", type=Path, nargs="*", default=[], help="real news files added to every run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stores", nargs="+", default=["ladybug"], choices=["ladybug", "neo4j"])
    parser.add_argument(
        "--engines",
        nargs="+",
        default=["compiled", "pyshacl"],
        choices=["compiled", "pyshacl"],
        help="SHACL engines to run (pySHACL is the reference: the baseline, measured in the same run)",
    )
    parser.add_argument("--uri", help="an existing Neo4j (password kg-bench-password); default: start one")
    args = parser.parse_args()
    items = news(args.items, args.real)
    list(extract_items(items[:5]))  # load the language pipelines and gazetteers outside the measurement
    work = Path(tempfile.mkdtemp(prefix="kg-bench-ingest-"))
    uri, home = args.uri, work / "neo4j"
    if "neo4j" in args.stores and not uri:
        from kg import neo4j_server

        uri = neo4j_server.start(home, port=neo4j_server.free_port(), password=PASSWORD, heap="2g", pagecache="1g").uri
    try:
        print(f"{len(items)} items per run; medians of {args.repeat} runs, wall seconds", flush=True)
        print("store    engine   " + " ".join(f"{s:>9}" for s in (*STAGES, "total", "adds")))
        for kind in args.stores:
            for engine in args.engines:
                runs = [one_run(kind, items, work, uri, engine) for _ in range(args.repeat)]
                median = {s: statistics.median(r[s] for r in runs) for s in STAGES}
                total = sum(median.values())
                rest = median["extract"] + median["context"] + median["write"]
                adds = (median["map"] + median["validate"]) / rest if rest else float("nan")
                cells = [f"{median[s]:9.2f}" for s in STAGES] + [f"{total:9.2f}", f"{adds:9.2f}"]
                print(f"{kind:8} {engine:8} " + " ".join(cells), flush=True)
    finally:
        if "neo4j" in args.stores and not args.uri:
            from kg import neo4j_server

            neo4j_server.stop(home)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
