"""Lookup keys written by ingest and read by queries (imports no SQLAlchemy, so the read path can use them)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

from ..extractor.normalize import name_key

_ABD = regex.compile(r"(?<!\p{L})عبد (?=\p{L})")


@lru_cache(maxsize=200_000)  # pure, and names repeat across a corpus
def speaker_key(name: str) -> str:
    """The lookup key of a speaker name: ``name_key`` with "عبد الله" = "عبدالله"."""
    return _ABD.sub("عبد", name_key(name))


def month_key(d: dt.date) -> str:
    """The ``'YYYY-MM'`` value of a date under the ``month`` facet (and in the reporting views)."""
    return f"{d.year:04d}-{d.month:02d}"
