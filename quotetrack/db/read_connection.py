"""The connection a query command reads through: a bare ``sqlite3`` or ``psycopg`` one.

Importing SQLAlchemy takes a query command longer than the query (about 0.2 s of the 0.2 s it
may take), and ``quotetrack.queries`` runs on a DB-API connection as well (``db.runner``), so
the CLI opens the database itself: a SQLite file named by a plain ``sqlite:///path`` URL, or a
``postgresql+psycopg://`` URL, with the same pragmas and timeouts as the engines
(``db.connect_settings``) and the same schema check (one ``alembic_version`` row). Anything
else — another URL form or driver, a database not at head (to create, to upgrade, too new) —
goes the SQLAlchemy way, ``schema_head.reading``, which says what to do.
"""
from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..errors import DatabaseError
from .connect_settings import apply_sqlite_pragmas, pg_connect_args, resolve_url, sqlite_pragmas
from .driver_errors import check_sqlite_file, describe_error
from .schema_head import VERSION_QUERY, rows_at_head

SQLITE_PREFIX = "sqlite:///"
PSYCOPG_PREFIX = "postgresql+psycopg://"


def plain_sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///path`` URL without query, escapes or special names; None otherwise."""
    if not url.startswith(SQLITE_PREFIX):
        return None
    path = url[len(SQLITE_PREFIX):]
    if not path or "?" in path or "%" in path or path == ":memory:" or path.startswith("file:"):
        return None
    return Path(path)


def missing_database(path: Path) -> DatabaseError:
    return DatabaseError(f"no database at {path}; ingest articles first (`quotetrack ingest FILE`) or pass --db URL")


def _at_head(conn: Any) -> bool:
    try:
        return rows_at_head(conn.execute(VERSION_QUERY).fetchall())
    except Exception:   # no such table, locked, ...: the SQLAlchemy way says what is wrong  # noqa: BLE001
        return False


def _open_sqlite(path: Path, url: str) -> sqlite3.Connection | None:
    check_sqlite_file(path)
    pragmas = sqlite_pragmas()   # a malformed QUOTETRACK_BUSY_TIMEOUT is one clear error, before connecting
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error as e:
        raise describe_error(e, url) from None
    try:
        apply_sqlite_pragmas(conn, pragmas)
    except sqlite3.Error as e:
        conn.close()
        raise describe_error(e, url) from None
    if _at_head(conn):
        return conn
    conn.close()
    return None


def psycopg_args(url: str) -> tuple[str, dict[str, Any]]:
    """(libpq URI, connection settings) of a ``postgresql+psycopg://`` URL; the URL's own
    ``options`` come after the timeouts, so they win (as for the engines)."""
    conninfo = "postgresql://" + url[len(PSYCOPG_PREFIX):]
    args = pg_connect_args()
    own = parse_qs(urlsplit(conninfo).query).get("options")
    if own:
        args["options"] = f"{args['options']} {own[-1]}"
    return conninfo, args


def _open_psycopg(url: str) -> Any:
    try:
        import psycopg
    except ImportError:
        return None
    conninfo, args = psycopg_args(url)
    try:
        conn = psycopg.connect(conninfo, **args)
    except psycopg.Error as e:
        raise describe_error(e, url) from None
    if _at_head(conn):
        return conn
    conn.close()
    return None


def _driver_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [sqlite3.DatabaseError]
    if "psycopg" in sys.modules:
        errors.append(sys.modules["psycopg"].DatabaseError)
    return tuple(errors)


@contextmanager
def reading(url: str | None) -> Iterator[Any]:
    """A connection on the database at head for ``quotetrack.queries``; every failure is a DatabaseError."""
    resolved = resolve_url(url)
    path = plain_sqlite_path(resolved)
    conn = None
    if path is not None:
        if not path.exists():
            raise missing_database(path)
        conn = _open_sqlite(path, resolved)
    elif resolved.startswith(PSYCOPG_PREFIX):
        conn = _open_psycopg(resolved)
    if conn is None:
        yield from _engine_way(url, resolved)
        return
    try:
        yield conn
    except _driver_errors() as e:
        raise describe_error(e, resolved) from None
    finally:
        conn.close()


def _engine_way(url: str | None, resolved: str) -> Iterator[Any]:
    from .engine import sqlite_path
    from .schema_head import reading as engine_reading

    path = sqlite_path(resolved)
    if path is not None and not path.exists():
        raise missing_database(path)
    with engine_reading(url) as conn:
        yield conn
