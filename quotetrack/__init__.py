"""quotetrack: who is quoted in Arabic news.

``extract(text)`` is the pure core; storage, ingest and the CLI are layers around it.
``extract``, ``Quote`` and ``EXTRACTOR_VERSION`` load on first use, so a query command
does not import the extractor.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import QuotetrackError

if TYPE_CHECKING:
    from .extractor import EXTRACTOR_VERSION, Quote, extract

__version__ = "0.1.0"

__all__ = ["extract", "Quote", "QuotetrackError", "EXTRACTOR_VERSION", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("extract", "Quote", "EXTRACTOR_VERSION"):
        from . import extractor
        return getattr(extractor, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
