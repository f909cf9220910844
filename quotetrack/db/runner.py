"""Run SQL text with named parameters on the connection a caller holds: ``sqlite3``, ``psycopg``,
or a SQLAlchemy ``Connection`` / ``Session`` / ``Engine``.

The CLI reads through a bare DB-API connection (``db.read_connection``), a library user passes a
SQLAlchemy one; ``quotetrack.queries`` is written once against ``Runner`` and serves both. Rows
come back as plain tuples. Nothing here imports SQLAlchemy or psycopg: a connection is recognised
by its type's module.
"""
from __future__ import annotations

import itertools
import logging
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from .sql_text import Sql

log = logging.getLogger(__name__)

#: Rows fetched per round trip when a result is streamed.
STREAM_CHUNK = 1000

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_cursor_ids = itertools.count()


def pyformat(text: str) -> str:
    """``:name`` placeholders as psycopg's ``%(name)s`` (literal ``%`` doubled; ``::type`` casts kept)."""
    return _NAMED.sub(r"%(\1)s", text.replace("%", "%%"))


def _kind(ex: Any) -> str:
    if isinstance(ex, sqlite3.Connection):
        return "sqlite3"
    top = type(ex).__module__.split(".")[0]
    if top == "psycopg":
        return "psycopg"
    if top == "sqlalchemy":
        if hasattr(ex, "exec_driver_sql"):
            return "sa_connection"
        if hasattr(ex, "get_bind"):
            return "sa_session"
        if hasattr(ex, "connect"):
            return "sa_engine"
    raise TypeError(f"cannot run queries on {type(ex).__name__}: pass a sqlite3 or psycopg connection, "
                    f"or a SQLAlchemy Connection, Session or Engine")


class Runner:
    """Executes ``(Sql, text)`` on one connection; ``dialect`` is ``sqlite`` or ``postgresql``."""

    __slots__ = ("ex", "kind", "dialect")

    def __init__(self, ex: Any) -> None:
        kind = _kind(ex)
        if kind == "sa_session":
            ex, kind = ex.connection(), "sa_connection"
        self.ex, self.kind = ex, kind
        if kind == "sqlite3":
            self.dialect = "sqlite"
        elif kind == "psycopg":
            self.dialect = "postgresql"
        else:
            self.dialect = ex.dialect.name

    @classmethod
    def of(cls, ex: Any) -> Runner:
        return ex if isinstance(ex, Runner) else cls(ex)

    def sql(self) -> Sql:
        """A new statement's parameters, in this connection's dialect."""
        return Sql(self.dialect)

    def _prepare(self, q: Sql, text: str) -> tuple[str, dict[str, Any]]:
        """The text in the driver's placeholder style and the parameters it names (a ``Sql`` may
        hold more: one is shared by the statements of a query)."""
        log.debug("%s %s", text, q.params)
        params = {k: q.params[k] for k in _NAMED.findall(text) if k in q.params}
        return (pyformat(text) if self.dialect == "postgresql" else text), params

    def all(self, q: Sql, text: str) -> list[Sequence[Any]]:
        """Every row of the statement."""
        sql, params = self._prepare(q, text)
        if self.kind == "sqlite3":
            return self.ex.execute(sql, params).fetchall()
        if self.kind == "psycopg":
            with self.ex.cursor() as cur:
                cur.execute(sql, params)
                return cur.fetchall() if cur.description is not None else []
        if self.kind == "sa_engine":
            with self.ex.connect() as conn:
                return list(conn.exec_driver_sql(sql, params))
        return list(self.ex.exec_driver_sql(sql, params))

    def stream(self, q: Sql, text: str) -> Iterator[Sequence[Any]]:
        """The rows as they are fetched, ``STREAM_CHUNK`` at a time (a server-side cursor on PostgreSQL).
        A stream left unfinished (``| head``) may outlive its connection: nothing is closed on the way out."""
        sql, params = self._prepare(q, text)
        if self.kind == "sqlite3":
            rows: Any = self.ex.execute(sql, params)
        elif self.kind == "psycopg" and not self.ex.autocommit:
            rows = self._server_side(sql, params)
        elif self.kind == "sa_connection":
            rows = self.ex.exec_driver_sql(sql, params, execution_options={"stream_results": True,
                                                                           "yield_per": STREAM_CHUNK})
        else:
            rows = self.all(q, text)
        for row in rows:   # not ``yield from``: that would close the cursor, and its connection may be gone
            yield row

    def _server_side(self, sql: str, params: dict[str, Any]) -> Iterator[Sequence[Any]]:
        cur = self.ex.cursor(name=f"quotetrack_{next(_cursor_ids)}")
        cur.itersize = STREAM_CHUNK
        cur.execute(sql, params)
        try:
            for row in cur:
                yield row
        finally:
            if not self.ex.closed:
                cur.close()

    def first(self, q: Sql, text: str) -> Sequence[Any] | None:
        rows = self.all(q, text)
        return rows[0] if rows else None

    def scalar(self, q: Sql, text: str) -> Any:
        row = self.first(q, text)
        return None if row is None else row[0]
