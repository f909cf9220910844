"""Bounded per-word caches for the extractor's pure functions of a word (asked hundreds of times an article)."""
from __future__ import annotations

from typing import TypeVar

_T = TypeVar("_T")

#: A cache stops growing here: a stream of new words cannot grow memory without bound.
CACHE_LIMIT = 200_000


def remember(cache: dict[str, _T], key: str, value: _T, limit: int = CACHE_LIMIT) -> _T:
    """Store ``value`` as the answer for ``key`` (while ``cache`` holds fewer than ``limit`` entries) and return it."""
    if len(cache) < limit:
        cache[key] = value
    return value
