"""Driver failures as DatabaseErrors that say what to do, for SQLAlchemy and plain DB-API connections alike.

A sqlite3 or psycopg exception (bare, or wrapped by SQLAlchemy in ``.orig``) becomes one message;
nothing here imports SQLAlchemy until a message has to show a URL.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from ..errors import DatabaseError
from .connect_settings import busy_timeout_ms


def shown_url(url: Any) -> str:
    """``url`` with any password hidden (SQLAlchemy's rendering; only error paths call this)."""
    from .engine import safe_url

    return safe_url(url)


def describe_error(exc: BaseException, url: Any) -> DatabaseError:
    """Turn a driver error into a DatabaseError that says what to do."""
    orig = getattr(exc, "orig", exc)
    msg = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    where = shown_url(url)
    low = msg.lower()
    if "locked" in low or "busy" in low:
        return DatabaseError(f"database {where} is locked by another process (waited "
                             f"{busy_timeout_ms() / 1000:g} s); retry when it has finished")
    if "readonly" in low or "read-only" in low or "permission denied" in low:
        return DatabaseError(f"database {where} is read-only: {msg}; check file permissions")
    if "unable to open" in low:
        return DatabaseError(f"cannot open database {where}: {msg}; check the path and permissions")
    if isinstance(orig, sqlite3.DatabaseError) and "not a database" in low:
        return DatabaseError(f"{where} is not a SQLite database")
    return DatabaseError(f"database error on {where}: {msg}")


def check_sqlite_file(path: Path) -> None:
    """DatabaseError for a SQLite path that cannot be a database: no such directory, a directory,
    an unreadable file, a file that is not SQLite."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise DatabaseError(
            f"cannot open SQLite database {path}: directory {parent} does not exist; "
            f"create it or pass another --db URL")
    if path.exists():
        if path.is_dir():
            raise DatabaseError(f"cannot open SQLite database {path}: it is a directory")
        if not os.access(path, os.R_OK):
            raise DatabaseError(f"cannot open SQLite database {path}: permission denied (not readable)")
        with path.open("rb") as f:
            head = f.read(16)
        if head and head != b"SQLite format 3\x00":
            raise DatabaseError(f"{path} is not a SQLite database (pass the right --db URL)")
