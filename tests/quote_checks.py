"""Invariants every extraction result must satisfy, shared by the property and rule tests."""
from __future__ import annotations

import time
from collections.abc import Sequence

from quotetrack import Quote, extract


def extract_checked(text: str, max_seconds: float = 2.0) -> Sequence[Quote]:
    """extract(text), asserting bounded time, exact offsets and non-overlapping quotes in text order."""
    t0 = time.perf_counter()
    quotes = extract(text)
    assert time.perf_counter() - t0 < max_seconds
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.content
        if q.mention_start is not None:
            assert text[q.mention_start:q.mention_end] == q.mention
        if q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
    for a, b in zip(quotes, quotes[1:]):  # in text order, never overlapping
        assert a.end <= b.start
    return quotes


def one_quote(text: str) -> Quote:
    """The one quote of ``text``, with every invariant of ``extract_checked`` checked."""
    qs = extract_checked(text)
    assert len(qs) == 1, [(q.cue, q.speaker, q.content) for q in qs]
    return qs[0]
