"""Connection settings shared by SQLAlchemy engines and the plain DB-API connections queries read through.

Both kinds of connection get the same SQLite pragmas and PostgreSQL timeouts from here; the module
imports no SQLAlchemy, so a query command that opens ``sqlite3`` or ``psycopg`` directly pays for
neither (``db.read_connection``).
"""
from __future__ import annotations

import os
import sqlite3
import time
from typing import Any

from ..settings import seconds_from_env

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


def apply_sqlite_pragmas(conn: Any, pragmas: tuple[str, ...] | None = None) -> None:
    """Run ``pragmas`` (default: ``sqlite_pragmas()``) on a new sqlite3 connection. Switching a file to WAL
    needs a moment alone with it, and SQLite answers "database is locked" at once, without the busy
    timeout, while another process creates a new database (two first uses at once): that pragma is
    tried again, with short pauses, for as long as the busy timeout."""
    pragmas = sqlite_pragmas() if pragmas is None else pragmas
    deadline = time.monotonic() + busy_timeout_ms() / 1000
    pause = 0.01
    for pragma in pragmas:
        while True:
            try:
                conn.execute(pragma)
                break
            except sqlite3.OperationalError as e:
                if "journal_mode" not in pragma or "locked" not in str(e) or time.monotonic() >= deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.2)


def sqlite_pragmas() -> tuple[str, ...]:
    """What every SQLite connection runs first: the busy timeout, foreign keys, WAL journaling."""
    return (f"PRAGMA busy_timeout = {busy_timeout_ms()}", "PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL")


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
