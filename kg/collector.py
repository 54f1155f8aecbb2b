"""Python's cyclic garbage collector during an import: paused while a store writes a batch, and the batch's
records frozen out of it while the pipeline maps and validates them.

Preparing and merging the rows of a 5,000-item batch allocates hundreds of thousands of dicts, lists and strings
that stay alive until the batch is written; every allocation threshold crossed makes the collector walk them again
(and every other live object), although rows hold no reference cycles. Measured 2026-11-27: ``prepare_batch`` of
5,000 synthetic items took 1.2-1.5 s of CPU with the collector running, 0.7 s with it paused. Reference counting
still frees what the batch drops; cycles made meanwhile are collected once the pause ends.

The pause is process-wide (``gc.disable``), so it is counted: concurrent writes (two API imports in two threads)
resume collection when the last one ends, and a collector someone else disabled stays disabled.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_resume = False  # whether the collector was enabled when the first pause began


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Automatic cyclic collection off for the block (counted across threads; restored as it was found)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()


#: collector thresholds while frozen: the first generation is collected after 50k new objects instead of 700
_IMPORT_GC_THRESHOLD = (50_000, 20, 100)
_frozen_depth = 0
_thresholds: tuple[int, int, int] = gc.get_threshold()


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Objects alive now are left out of garbage collection until the block ends (:func:`gc.freeze`), and the young
    generation is collected less often: mapping and indexing a chunk allocates ~200k small acyclic objects, and the
    default thresholds spent nearly as long collecting as building them (the collector still runs). Counted across
    threads like :func:`collector_paused`: only the outermost block freezes, the last one to end restores."""
    global _frozen_depth, _thresholds
    with _lock:
        if _frozen_depth == 0:
            _thresholds = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(*_IMPORT_GC_THRESHOLD)
        _frozen_depth += 1
    try:
        yield
    finally:
        with _lock:
            _frozen_depth -= 1
            if _frozen_depth == 0:
                gc.set_threshold(*_thresholds)
                gc.unfreeze()
