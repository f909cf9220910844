"""What users type as ``--db``, turned into a SQLAlchemy URL.

People pass a file path (``--db quotetrack.db``), Heroku-style ``postgres://`` URLs and
driverless ``postgresql://`` ones; SQLAlchemy wants ``sqlite:///path`` and a dialect with the
installed driver. Imports nothing heavy: the CLI calls it before every command.
"""
from __future__ import annotations

import os
import re
from importlib.util import find_spec

from ..errors import DatabaseError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
#: Driverless or Heroku-style PostgreSQL schemes: psycopg (3) is the driver quotetrack installs.
_PG_SCHEMES = ("postgres://", "postgresql://")
PG_DRIVER_HINT = "pip install 'quotetrack[postgres]'"


def normalize_db_url(value: str) -> str:
    """``value`` as a URL: a path (no ``scheme:``) becomes ``sqlite:///path``; ``postgres://`` and
    ``postgresql://`` become ``postgresql+psycopg://``; anything else is returned as given."""
    v = value.strip()
    if not v:
        return v
    for scheme in _PG_SCHEMES:
        if v.startswith(scheme):
            return "postgresql+psycopg://" + v[len(scheme):]
    if _SCHEME.match(v) is None or os.path.isabs(v):
        return "sqlite:///" + os.path.expanduser(v)
    return v


def check_driver(url: str) -> None:
    """Raise DatabaseError naming the extra to install when the URL's driver is missing."""
    if url.startswith("postgresql+psycopg:") and find_spec("psycopg") is None:
        raise DatabaseError(f"PostgreSQL needs the psycopg driver, which is not installed: {PG_DRIVER_HINT}")
