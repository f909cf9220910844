"""extract(text) -> list[Quote]: the pure core (placeholder until the stages land)."""
from __future__ import annotations

from .types import Quote

EXTRACTOR_VERSION = "0.1.0"


def extract(text: str) -> list[Quote]:
    return []
