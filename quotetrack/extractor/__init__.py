"""The extractor: ``extract(text) -> list[Quote]``, the pure core of quotetrack.

Depends on nothing but the lexicon files and ``regex``: no I/O, no database. Storage
(``quotetrack.db``), ingest and the CLI are layers around it.

The names below load on first use (PEP 562), so a query command that only needs
``extractor.normalize`` does not pay for compiling the attribution rules.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import EXTRACTOR_VERSION, extract, without_own_outlet
    from .quote import Quote

__all__ = ["extract", "without_own_outlet", "Quote", "EXTRACTOR_VERSION"]


def __getattr__(name: str) -> Any:
    if name == "Quote":
        from .quote import Quote
        return Quote
    if name in ("extract", "without_own_outlet", "EXTRACTOR_VERSION"):
        from . import core
        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
