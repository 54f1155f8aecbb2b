"""The cyclic collector during an import: paused around a store write and frozen around a batch, counted across
threads, restored as it was found."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from kg.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_collector_paused_resumes_after_the_block_even_on_error() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("the batch failed")
    assert gc.isenabled()


def test_collector_paused_resumes_when_the_last_of_overlapping_writes_ends() -> None:
    first_in, second_done = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_done.wait(5)
            seen.append(gc.isenabled())  # the second write ended, this one still holds the pause

    thread = threading.Thread(target=first)
    thread.start()
    assert first_in.wait(5)
    with collector_paused():
        pass
    second_done.set()
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_collector_paused_leaves_a_collector_disabled_elsewhere_disabled() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_frozen_heap_freezes_once_and_the_last_block_to_end_restores() -> None:
    from kg.collector import frozen_heap

    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    with frozen_heap():
        frozen = gc.get_freeze_count()
        assert frozen > 0 and gc.get_threshold()[0] > before[0]
        with frozen_heap():  # an import inside a benchmark's block: nothing frozen twice, nothing restored early
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen and gc.get_threshold()[0] > before[0]
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
