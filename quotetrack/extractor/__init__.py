"""The extractor: ``extract(text) -> list[Quote]``, the pure core of quotetrack.

Depends on nothing but the lexicon files and ``regex``: no I/O, no database. Storage
(``quotetrack.db``), ingest and the CLI are layers around it.
"""
from __future__ import annotations

from .core import EXTRACTOR_VERSION, extract, without_own_outlet
from .quote import Quote

__all__ = ["extract", "without_own_outlet", "Quote", "EXTRACTOR_VERSION"]
