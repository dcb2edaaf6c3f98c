"""Pausing Python's cyclic garbage collector while the engine builds large, acyclic structures."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, then restore it as it was.

    Plans, rows and versions are trees of immutable objects: they hold no reference cycles, so
    reference counting frees them and the cyclic collector has nothing to find. Left on, it walks
    every live object again and again while versions pile up (about twice the time of consolidation:
    docs/performance.md). Pause around a whole batch (all files, all plans): between two paused calls the
    collector catches up on everything made.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
