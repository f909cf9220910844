"""Database URLs and engines.

URL resolution: an explicit ``--db`` URL, else ``$QUOTETRACK_DB``, else
``sqlite:///quotetrack.db`` (a file in the current directory). SQLite
connections get WAL journaling, a 30 s busy timeout and foreign keys.
PostgreSQL connections get a connect timeout, TCP keepalives and a statement
timeout, so a stalled server or network ends in an error instead of a wait
without end (each configurable, see ``PG_TIMEOUTS``).
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError

from ..errors import DatabaseError
from .connect_settings import (BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_MS, DEFAULT_URL, ENV_VAR, PG_TIMEOUTS,  # noqa: F401
                               apply_sqlite_pragmas, busy_timeout_ms, pg_connect_args, resolve_url, sqlite_pragmas)
from .driver_errors import check_sqlite_file, describe_error  # noqa: F401  (re-exported)

log = logging.getLogger(__name__)


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
    apply_sqlite_pragmas(dbapi_connection)


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
        check_sqlite_file(path)
    if u.get_backend_name() == "sqlite":
        busy_timeout_ms()  # a malformed QUOTETRACK_BUSY_TIMEOUT is one clear error, before connecting
    elif u.get_backend_name() == "postgresql" and u.get_driver_name() in ("psycopg", "psycopg2"):
        args = pg_connect_args()
        if "options" in u.query:  # the URL's own options come after ours, so they win
            args["options"] = f"{args['options']} {u.query['options']}"
        kwargs["connect_args"] = {**args, **kwargs.get("connect_args", {})}
    try:
        engine = create_engine(u, **kwargs)
    except (ArgumentError, ImportError) as e:
        raise DatabaseError(f"cannot use database URL {safe_url(u)}: {e}") from None
    if u.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def transactional_sqlite(engine: Engine, begin: str = "BEGIN IMMEDIATE") -> Engine:
    """Make every transaction on a SQLite ``engine`` a real one, DDL included (SQLAlchemy's pysqlite
    recipe, "Serializable isolation / Savepoints / Transactional DDL"): pysqlite's own BEGIN comes only
    before DML, so CREATE TABLE would commit at once. IMMEDIATE takes the write lock at BEGIN, so two
    processes migrating one file run one after the other. Used for schema changes only."""
    if engine.dialect.name != "sqlite":
        return engine

    def no_implicit_begin(dbapi_connection: Any, connection_record: Any) -> None:
        dbapi_connection.isolation_level = None

    def explicit_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    event.listen(engine, "connect", no_implicit_begin)
    event.listen(engine, "begin", explicit_begin)
    return engine


@contextmanager
def described_connection(engine: Engine, dispose: bool) -> Iterator[Connection]:
    """A connection on ``engine``; driver errors become DatabaseError with the URL's password hidden.
    ``dispose``: the caller made the engine for this one connection, so close its pool afterwards."""
    try:
        with engine.connect() as conn:
            yield conn
    except (OperationalError, SADatabaseError) as e:
        raise describe_error(e, engine.url) from None
    finally:
        if dispose:
            engine.dispose()


def connect_check(engine: Engine) -> None:
    """Open and close one connection, translating failures into DatabaseError."""
    try:
        with engine.connect():
            pass
    except (OperationalError, SADatabaseError) as e:
        raise describe_error(e, engine.url) from None
