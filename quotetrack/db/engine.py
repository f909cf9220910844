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
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError

from ..errors import DatabaseError
from ..settings import seconds_from_env

log = logging.getLogger(__name__)

ENV_VAR = "QUOTETRACK_DB"
DEFAULT_URL = "sqlite:///quotetrack.db"
BUSY_TIMEOUT_MS = 30_000
#: Overrides the SQLite busy timeout, in seconds (how long a writer waits for a lock).
BUSY_TIMEOUT_ENV = "QUOTETRACK_BUSY_TIMEOUT"


#: PostgreSQL timeouts in seconds: (environment variable, default). Connect: how long opening a
#: connection may take. Keepalive: idle seconds before the first TCP keepalive probe (a dead peer is
#: noticed after about twice that). Statement: the longest any one statement may run (0 = no limit).
PG_TIMEOUTS = {"connect": ("QUOTETRACK_PG_CONNECT_TIMEOUT", 10.0),
               "keepalive": ("QUOTETRACK_PG_KEEPALIVE", 30.0),
               "statement": ("QUOTETRACK_PG_STATEMENT_TIMEOUT", 600.0)}


def busy_timeout_ms() -> int:
    """The SQLite busy timeout (``QUOTETRACK_BUSY_TIMEOUT`` seconds, else 30 s); ConfigError when malformed."""
    return int(seconds_from_env(BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_MS / 1000) * 1000)


def pg_connect_args() -> dict[str, Any]:
    """libpq settings bounding every wait on the server (see ``PG_TIMEOUTS``)."""
    t = {k: seconds_from_env(env, default) for k, (env, default) in PG_TIMEOUTS.items()}
    keep = max(int(t["keepalive"]), 1)
    return {"connect_timeout": max(int(t["connect"]), 1) if t["connect"] else 0,
            "keepalives": 1, "keepalives_idle": keep, "keepalives_interval": max(keep // 3, 1),
            "keepalives_count": 3, "tcp_user_timeout": int(keep * 2 * 1000),
            "options": f"-c statement_timeout={int(t['statement'] * 1000)}"}


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
