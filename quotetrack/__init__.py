"""quotetrack: who is quoted in Arabic news.

``extract(text)`` is the pure core; storage, ingest and the CLI are layers around it.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import QuotetrackError
from .pipeline import EXTRACTOR_VERSION, extract
from .types import Quote, Span

__all__ = ["extract", "Quote", "Span", "QuotetrackError", "EXTRACTOR_VERSION", "__version__"]
