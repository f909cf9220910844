"""`quotetrack extract`: run the extractor over files and print quotes."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
