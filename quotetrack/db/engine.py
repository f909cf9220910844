"""Database URLs and engines.

URL resolution: an explicit ``--db`` URL, else ``$QUOTETRACK_DB``, else
``sqlite:///quotetrack.db`` (a file in the current directory). SQLite
connections get WAL journaling, a 30 s busy timeout and foreign keys.
"""
from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError

from ..errors import DatabaseError

log = logging.getLogger(__name__)

ENV_VAR = "QUOTETRACK_DB"
DEFAULT_URL = "sqlite:///quotetrack.db"
BUSY_TIMEOUT_MS = 30_000
#: Overrides the SQLite busy timeout, in seconds (how long a writer waits for a lock).
BUSY_TIMEOUT_ENV = "QUOTETRACK_BUSY_TIMEOUT"


def busy_timeout_ms() -> int:
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    try:
        return max(int(float(raw) * 1000), 0) if raw else BUSY_TIMEOUT_MS
    except ValueError:
        return BUSY_TIMEOUT_MS


def resolve_url(url: str | None = None) -> str:
    """The URL to use: explicit, else ``$QUOTETRACK_DB``, else the default SQLite file."""
    if url:
        return url
    env = os.environ.get(ENV_VAR)
    return env if env else DEFAULT_URL


def safe_url(url: str | URL) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def is_sqlite(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str | URL) -> Path | None:
    """The file of a SQLite URL, or None for in-memory databases."""
    u = make_url(url)
    db = u.database
    if u.get_backend_name() != "sqlite" or not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def _set_sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cur = dbapi_connection.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
    finally:
        cur.close()


def _check_sqlite_file(path: Path, url: str) -> None:
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


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """Create an engine for ``url`` (resolved as above); nothing is connected yet.

    Raises DatabaseError for a malformed URL, a missing directory or an
    unreadable / non-SQLite file.
    """
    resolved = resolve_url(url)
    try:
        u = make_url(resolved)
    except ArgumentError as e:
        raise DatabaseError(f"invalid database URL {resolved!r}: {e}") from None
    path = sqlite_path(u)
    if path is not None:
        _check_sqlite_file(path, resolved)
    try:
        engine = create_engine(u, **kwargs)
    except (ArgumentError, ImportError) as e:
        raise DatabaseError(f"cannot use database URL {safe_url(u)}: {e}") from None
    if u.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def describe_error(exc: BaseException, url: str | URL) -> DatabaseError:
    """Turn a driver error into a DatabaseError that says what to do."""
    orig = getattr(exc, "orig", exc)
    msg = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    where = safe_url(url)
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


def connect_check(engine: Engine) -> None:
    """Open and close one connection, translating failures into DatabaseError."""
    try:
        with engine.connect():
            pass
    except (OperationalError, SADatabaseError) as e:
        raise describe_error(e, engine.url) from None
