"""quotetrack: who is quoted in Arabic news.

``extract(text)`` is the pure core; storage, ingest and the CLI are layers around it.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import QuotetrackError
from .extractor import EXTRACTOR_VERSION, Quote, extract

__all__ = ["extract", "Quote", "QuotetrackError", "EXTRACTOR_VERSION", "__version__"]
