"""Extraction speed (MB/s of Chinese text on one core) and memory (peak RSS at N and 10×N items).

Speed: the seed newsletter's items, repeated (each copy a new item id) to a few MB, streamed through
``ingest.pipeline.extract_items``; the median of several runs. Word-segmentation caches are cleared before each run,
so a repeated text is not cheaper than a new one.
Memory: a child process per size streams N or 10×N items and reports its peak RSS; flat memory means the two are close.

    .venv/bin/python bench/bench_extract.py [--mb 3] [--runs 5] [--items 200]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_4b2bc327ae04d455.txt"


def _seed_items() -> list:
    from ingest.readers import read_path

    return list(read_path(SEED))


def _stream(items: list, count: int) -> Iterator:
    """``count`` items cycling over ``items``, each a fresh copy with its own id (generated lazily)."""
    from kg.model import NewsItem

    for n in range(count):
        base = items[n % len(items)]
        yield NewsItem(**{**base.model_dump(), "id": f"item-{n:012x}"})


def speed(mb: float, runs: int) -> dict[str, float]:
    """Median MB/s over ``runs`` runs of about ``mb`` MB of the seed's (Chinese) items."""
    from ingest import nlp, resolve
    from ingest.pipeline import extract_items

    items = _seed_items()
    per_pass = sum(len(i.text.encode("utf-8")) for i in items)
    count = max(1, int(mb * 1e6 / per_pass * len(items)))
    size = sum(len(items[n % len(items)].text.encode("utf-8")) for n in range(count))
    list(extract_items(items[:2]))  # load the gazetteer, jieba's dictionary and the patterns once
    rates = []
    for _ in range(runs):
        nlp.words.cache_clear()
        resolve.key.cache_clear()
        resolve._entity_id.cache_clear()
        start = time.process_time()
        for _extraction in extract_items(_stream(items, count)):
            pass
        rates.append(size / 1e6 / (time.process_time() - start))
    return {
        "mb": round(size / 1e6, 2),
        "items": count,
        "median_mb_s": round(statistics.median(rates), 2),
        "min_mb_s": round(min(rates), 2),
        "max_mb_s": round(max(rates), 2),
    }


def _child(count: int) -> None:
    from ingest.pipeline import extract_items

    for _extraction in extract_items(_stream(_seed_items(), count)):
        pass
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux


def peak_rss(count: int) -> int:
    """Peak RSS (KiB) of a fresh process extracting ``count`` items."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(count)], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return int(out.stdout.strip().splitlines()[-1])


def gazetteer_load_ms(runs: int = 5) -> float:
    """Median time of a cold load of the shipped gazetteers (the cache cleared before each), in milliseconds."""
    from ingest.gazetteers import clear_gazetteer_cache, load_gazetteer

    times = []
    for _ in range(runs):
        clear_gazetteer_cache()
        start = time.perf_counter()
        load_gazetteer()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print the speed and memory figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=3.0, help="MB of text per speed run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=200, help="N for the memory figures (N and 10×N)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    print(f"gazetteer cold load: {gazetteer_load_ms():.0f} ms median of 5 (every shipped file; target < 300 ms)")
    result = speed(args.mb, args.runs)
    print(
        f"extraction speed: {result['median_mb_s']} MB/s median of {args.runs} runs "
        f"(min {result['min_mb_s']}, max {result['max_mb_s']}) "
        f"over {result['mb']} MB / {result['items']} items, one core"
    )
    small, large = peak_rss(args.items), peak_rss(10 * args.items)
    print(
        f"peak RSS: {small / 1024:.0f} MiB at {args.items} items, {large / 1024:.0f} MiB at {10 * args.items} items "
        f"(ratio {large / small:.2f})"
    )


if __name__ == "__main__":
    main()
