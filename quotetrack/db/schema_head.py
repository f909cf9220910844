"""Open a database for reading without loading Alembic.

A query only needs to know that the schema is the one the code was written for: one
``alembic_version`` row equal to SCHEMA_HEAD. Importing Alembic to read its script directory
costs more than the query itself (about 0.3 s), so commands that read check the row directly and
leave everything else — a new SQLite file to create, an old schema to name the upgrade for, a
newer one — to ``migrate.open_db``. ``tests/test_cli_latency.py`` keeps SCHEMA_HEAD equal to
the migrations' real head: bump it with every new migration. SQLAlchemy is imported only by the
engine-based functions; ``rows_at_head`` serves the bare DB-API connections of ``db.read_connection``.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

#: The newest migration's revision id (``quotetrack db history`` shows it as head).
SCHEMA_HEAD = "0007_arabic_search"

VERSION_QUERY = "SELECT version_num FROM alembic_version"


def rows_at_head(rows: Any) -> bool:
    """Do the ``alembic_version`` rows read by VERSION_QUERY name exactly SCHEMA_HEAD?"""
    return [r[0] for r in rows] == [SCHEMA_HEAD]


def _at_head(engine: Engine) -> bool:
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError as SADatabaseError
    from sqlalchemy.exc import OperationalError

    try:
        with engine.connect() as conn:
            return rows_at_head(conn.execute(text(VERSION_QUERY)))
    except (OperationalError, SADatabaseError):   # no such table, no such database, locked ...
        return False


def open_for_reading(url: str | None) -> Engine:
    """An engine on ``url`` whose schema is at SCHEMA_HEAD; anything else goes through
    ``migrate.open_db`` (which creates a new SQLite file or raises with the command to run)."""
    from .engine import make_engine

    engine = make_engine(url)
    if _at_head(engine):
        return engine
    engine.dispose()
    from .migrate import open_db

    return open_db(url)


@contextmanager
def reading(url: str | None) -> Iterator[Connection]:
    """A connection on a database at head; driver errors become DatabaseError (password hidden)."""
    from .engine import described_connection

    with described_connection(open_for_reading(url), dispose=True) as conn:
        yield conn
