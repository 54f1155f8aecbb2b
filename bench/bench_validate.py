"""How much SHACL validation costs per import batch, and that the cost follows the batch, not the store.

For each batch size N (synthetic news items from ``ingest.synth``) this prints medians of:
- map:       extraction records → triples → index (``kg.rdf.to_triples``, ``kg.triple_index.TripleIndex``), chunked;
- validate:  the pipeline's validation of the batch in chunks of 500 items (``kg.pipeline.import_batch``, dry run,
             no store) with the compiled engine; it includes mapping each chunk, so this is the whole map+SHACL stage
             of an import;
- pyshacl:   the same stage with pySHACL (the reference engine, the baseline), up to ``--baseline-max`` items, and
             the speed-up of the compiled engine over it in the same run;
- batch only: one ``validate`` call on the whole batch (no chunks, no context);
- +context:  the same batch validated against a stored context 10× its size (``kg.validation.validate`` with the
             triples of 10·N other items whose entities overlap the batch's), next to the same call without;
- extract:   the real extractor (``ingest.pipeline.extract_items``) on the batch's news texts, per item, measured on
             a sample and scaled to N. bench/bench_ingest.py measures the whole import with a real store.

Usage: ``.venv/bin/python bench/bench_validate.py [--sizes 1000 10000 100000] [--repeat 3] [--extract-sample 200]
[--baseline-max 10000] [--real ../shared/seeds/*.txt]`` (``--real``: extract, map and validate real news files,
whose texts are longer than the synthetic ones). Big sizes take long on a 2-core machine; run them alone.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.synth import synth_extractions  # noqa: E402
from kg.collector import frozen_heap  # noqa: E402
from kg.model import Extraction  # noqa: E402
from kg.pipeline import import_batch  # noqa: E402
from kg.rdf import to_triples  # noqa: E402
from kg.triple_index import TripleIndex  # noqa: E402
from kg.validation import validate  # noqa: E402


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _records(n: int, seed: int, skip: int = 0) -> list[Extraction]:
    return list(itertools.islice(synth_extractions(n + skip, seed=seed), skip, skip + n))


def _extract_seconds_per_item(records: list[Extraction], sample: int) -> float | None:
    try:
        from ingest.pipeline import extract_items
    except ImportError:
        return None
    items = [r.item for r in records[:sample]]
    list(extract_items(items[:5]))  # load models and gazetteers outside the measurement
    start = time.perf_counter()
    list(extract_items(items))
    return (time.perf_counter() - start) / max(len(items), 1)


def _map_in_chunks(records: list[Extraction], size: int = 500) -> None:
    for start in range(0, len(records), size):
        TripleIndex(to_triples(records[start : start + size]))


def bench(
    n: int, repeat: int, extract_sample: int, whole_max: int, context_max: int, baseline_max: int
) -> dict[str, float | int | None]:
    """Measure one batch size; returns seconds (medians) and sizes.

    One index of the whole batch (``batch_only``) is built only up to ``whole_max`` items and the 10x context only up
    to ``context_max`` items of batch; the chunked pipeline and the chunked mapping run at every size with flat memory.
    """
    batch = _records(n, seed=7, skip=10 * n if n <= context_max else 0)  # later items of the context's world
    # as import_batch does, for every measurement here: the records frozen, the young generation collected less often
    with frozen_heap():
        reps = repeat if n <= 10_000 else 1
        row: dict[str, float | int | None] = {"items": n}
        row["map"] = _median(lambda: _map_in_chunks(batch), reps)
        row["validate"] = _median(lambda: import_batch(batch, None, sources=["synth"], dry_run=True), reps)
        if n <= baseline_max:
            row["pyshacl"] = _median(
                lambda: import_batch(batch, None, sources=["synth"], dry_run=True, engine="pyshacl"), min(reps, 2)
            )
        if n <= whole_max:
            triples = to_triples(batch)
            row["triples"] = len(triples)
            row["batch_only"] = _median(lambda: validate(TripleIndex(triples), inplace=True), reps)
        if n <= context_max:
            context = TripleIndex(to_triples(_records(10 * n, seed=7)))
            row["context_triples"] = len(context)
            row["with_context"] = _median(lambda: validate(TripleIndex(to_triples(batch)), context, inplace=True), reps)
            del context
        per_item = _extract_seconds_per_item(batch, extract_sample)
        row["extract"] = None if per_item is None else per_item * n
    return row


def bench_real(paths: list[Path]) -> str:
    """Extract, map and validate real news files once (after a warm-up): the synthetic items are short and cheap to
    extract, so the ratio that matters for "a quarter of ingest" is measured here."""
    from ingest.pipeline import extract_items
    from ingest.readers import read_path

    items = [item for path in paths for item in read_path(path)]
    list(extract_items(items[:2]))
    start = time.perf_counter()
    records = list(extract_items(items))
    extract = time.perf_counter() - start
    mapped = _median(lambda: TripleIndex(to_triples(records)), 3)
    stage = _median(lambda: import_batch(records, None, sources=["real"], dry_run=True), 3)
    reference = _median(lambda: import_batch(records, None, sources=["real"], dry_run=True, engine="pyshacl"), 3)
    return (
        f"real news: {len(items)} items; extract {extract:.2f} s, map {mapped:.2f} s, map+SHACL stage {stage:.2f} s "
        f"(pySHACL {reference:.2f} s, {reference / stage:.1f}x); the stage is {stage / extract:.2f} x extraction"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--extract-sample", type=int, default=200)
    parser.add_argument("--whole-max", type=int, default=10_000, help="largest batch validated as one graph")
    parser.add_argument("--context-max", type=int, default=1000, help="largest batch given a 10x context")
    parser.add_argument("--baseline-max", type=int, default=10_000, help="largest batch also validated by pySHACL")
    parser.add_argument("--real", type=Path, nargs="*", default=[], help="real news files to time end to end")
    args = parser.parse_args()
    if args.real:
        print(bench_real(args.real), flush=True)
    header = ("items", "triples", "map s", "validate s", "pyshacl s", "speed-up", "batch only s", "context triples",
              "+10x context s", "extract s (est.)", "validate / extract")  # fmt: skip
    if args.sizes:
        print(" | ".join(header))
    for n in args.sizes:
        r = bench(n, args.repeat, args.extract_sample, args.whole_max, args.context_max, args.baseline_max)
        validate_s, reference = float(r["validate"] or 0.0), r.get("pyshacl")
        speedup = f"{float(reference) / validate_s:.1f}x" if isinstance(reference, float) and validate_s else "-"
        ratio = f"{validate_s / float(r['extract']):.2f}" if r["extract"] else "n/a"
        cells = [
            r["items"], r.get("triples", "-"), r["map"], r["validate"], r.get("pyshacl", "-"), speedup,
            r.get("batch_only", "-"), r.get("context_triples", "-"), r.get("with_context", "-"), r["extract"], ratio,
        ]  # fmt: skip
        print(" | ".join(f"{c:.2f}" if isinstance(c, float) else str(c) for c in cells), flush=True)


if __name__ == "__main__":
    main()
