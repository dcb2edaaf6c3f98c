"""THE ORDER RULE's key, the one every sort of acts and operations uses (timeline.py states the rule).

An operation's place: (1) the day it takes effect, (2) its act's adoption date, (3) its act's number in
natural order (392 before 1005), (4) its index within the act. Its own module, below both the timeline
and the resolution of acts that amend acts (chains.py), so that neither sorts by a key of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from amend.engine.acts import Act

__all__ = ["OrderKey", "act_number_order", "order_of"]

OrderKey = tuple[dt.date, dt.date, tuple[tuple[int, int | str], ...], int]


@lru_cache(maxsize=4096)
def act_number_order(number: str) -> tuple[tuple[int, int | str], ...]:
    """An act number in natural order: digits as numbers (392 < 1005), other parts as text after them."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.findall(r"\d+|\D+", number))


def order_of(day: dt.date, act: Act, index: int) -> OrderKey:
    """The order rule's key of operation ``index`` of ``act`` taking effect on ``day``."""
    return (day, act.date, act_number_order(act.number), index)
