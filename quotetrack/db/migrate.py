"""Packaged Alembic migrations: config built in code, upgrade, current, check.

At runtime the package never reads ``alembic.ini``: ``alembic_config`` points
``script_location`` at the installed ``quotetrack.migrations`` package, so
``quotetrack db upgrade`` works from any directory after ``pip install .``.
A connection is shared with ``env.py`` through ``config.attributes``.

Schema changes are atomic: every migration runs in its own transaction on both
backends (on SQLite through ``engine.transactional_sqlite``: DDL is transactional
there, but pysqlite would commit it at once), so an interrupted upgrade leaves the
database at the last whole revision and a re-run goes on from there. A new
database is created in ONE transaction under a lock (SQLite: ``BEGIN IMMEDIATE``;
PostgreSQL: an advisory lock), so concurrent first uses wait for each other and
both succeed.
"""
from __future__ import annotations

import logging
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError

from ..errors import SchemaOutOfDateError
from .engine import (connect_check, describe_error, described_connection, make_engine, resolve_url, safe_url,
                     transactional_sqlite)

log = logging.getLogger(__name__)


def migrations_dir() -> str:
    """The directory of the packaged migrations (``quotetrack.migrations``)."""
    return str(files("quotetrack.migrations"))


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """An ini-less Alembic Config for the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", migrations_dir().replace("%", "%%"))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def heads() -> tuple[str, ...]:
    """The head revision(s) the code knows."""
    return tuple(script_directory().get_heads())


@dataclass(frozen=True, slots=True)
class Revision:
    revision: str
    down_revision: str | None
    doc: str
    is_head: bool


def history() -> list[Revision]:
    """Known revisions, newest first."""
    out: list[Revision] = []
    for sc in script_directory().walk_revisions():
        down = sc.down_revision
        if isinstance(down, (tuple, list)):
            down = ",".join(down)
        out.append(Revision(sc.revision, down, (sc.doc or "").strip(), sc.is_head))
    return out


def _engine_for(target: str | Engine | None) -> tuple[Engine, bool]:
    if isinstance(target, Engine):
        return target, False
    return make_engine(target), True


@contextmanager
def connection(target: str | Engine | None) -> Iterator[Connection]:
    """A connection on ``target``; driver errors become DatabaseError with the URL's password hidden."""
    engine, owned = _engine_for(target)
    with described_connection(engine, dispose=owned) as conn:
        yield conn


def _migration_engine(target: str | Engine | None) -> Engine:
    """A private engine on ``target`` whose SQLite transactions cover DDL (see ``transactional_sqlite``).
    On PostgreSQL it has no statement timeout: a migration may rewrite a table of millions of quotes."""
    url = target.url.render_as_string(hide_password=False) if isinstance(target, Engine) else target
    kwargs: dict[str, Any] = {}
    try:
        if make_url(resolve_url(url)).get_backend_name() == "postgresql":
            kwargs["connect_args"] = {"options": "-c statement_timeout=0"}
    except ArgumentError:
        pass  # make_engine says what is wrong with the URL
    return transactional_sqlite(make_engine(url, **kwargs))


def _migrate(conn: Connection, fn: str, rev: str) -> None:
    """Run ``command.<fn>(rev)`` on ``conn``: one transaction per migration, or all in the caller's
    transaction when ``conn`` is already in one."""
    cfg = alembic_config(connection=conn)
    try:
        getattr(command, fn)(cfg, rev)
    except CommandError as e:
        raise SchemaOutOfDateError(f"cannot {fn} to {rev!r}: {e}") from None


def _run(target: str | Engine | None, fn: str, rev: str) -> None:
    engine = _migration_engine(target)
    try:
        with engine.connect() as conn:
            _current_heads(conn, engine)  # an unreadable version row is a clear error, not an AssertionError
            if conn.in_transaction():
                conn.commit()
            _migrate(conn, fn, rev)
    except (OperationalError, SADatabaseError) as e:
        raise describe_error(e, engine.url) from None
    finally:
        engine.dispose()


def upgrade(url: str | Engine | None = None, rev: str = "head") -> None:
    """Bring the database at ``url`` up to ``rev`` (default: the newest), one transaction per revision."""
    _run(url, "upgrade", rev)


def downgrade(url: str | Engine | None = None, rev: str = "-1") -> None:
    """Take the database down to ``rev`` ("-1": one revision; "base" drops everything)."""
    _run(url, "downgrade", rev)


def stored_articles(url: str | Engine | None = None) -> int:
    """How many articles the database holds (0 when it has no articles table)."""
    with connection(url) as conn:
        if "articles" not in inspect(conn).get_table_names():
            return 0
        return int(conn.execute(text("SELECT count(*) FROM articles")).scalar_one())


def _current_heads(conn: Connection, engine: Engine) -> tuple[str, ...]:
    """The revisions stored in alembic_version; SchemaOutOfDateError when a row is blank (edited by hand)."""
    if "alembic_version" in inspect(conn).get_table_names():
        rows = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
        if any(not (r or "").strip() for r in rows):
            raise SchemaOutOfDateError(
                f"database {safe_url(engine.url)} has a blank schema version (alembic_version holds "
                f"{rows!r}); set it to the revision its tables are at (see `quotetrack db history`) "
                f"or start from a new database")
    return tuple(MigrationContext.configure(conn).get_current_heads())


def current_heads(conn: Connection) -> tuple[str, ...]:
    return _current_heads(conn, conn.engine)


def current(url: str | Engine | None = None) -> str | None:
    """The database's revision, or None when it has no quotetrack schema."""
    with connection(url) as conn:
        revs = current_heads(conn)
    return ",".join(revs) if revs else None


def upgrade_command(url: str | Engine | None) -> str:
    """The exact command a user runs to upgrade this database."""
    if url is None:
        return "quotetrack db upgrade"
    shown = safe_url(url.url if isinstance(url, Engine) else url)
    return f"quotetrack --db {shlex.quote(shown)} db upgrade"


def _check(conn: Connection, url: str | Engine | None) -> None:
    code_heads = set(heads())
    db_heads = set(current_heads(conn))
    shown = safe_url(conn.engine.url)
    if not db_heads:
        raise SchemaOutOfDateError(
            f"database {shown} has no quotetrack schema; run `{upgrade_command(url)}`")
    script = script_directory()
    unknown = []
    for h in sorted(db_heads):
        try:
            known = script.get_revision(h)
        except CommandError:
            known = None
        if known is None:
            unknown.append(h)
    if unknown:
        raise SchemaOutOfDateError(
            f"database {shown} is at revision {', '.join(unknown)}, newer than this quotetrack knows "
            f"(it expects {', '.join(sorted(code_heads))}); upgrade quotetrack "
            f"(`pip install -U quotetrack`) or use a database made by this version")
    if db_heads != code_heads:
        raise SchemaOutOfDateError(
            f"database {shown} is at revision {', '.join(sorted(db_heads))}, the code expects "
            f"{', '.join(sorted(code_heads))}; run `{upgrade_command(url)}`")


def check_schema(url: str | Engine | None = None) -> None:
    """Raise SchemaOutOfDateError (with the command to run) unless the DB is at head."""
    with connection(url) as conn:
        _check(conn, url)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Autogenerate filter: objects that migrations own but models cannot express
    (full-text tables and indexes, created by hand in 0002_reporting) are left out."""
    if reflected and compare_to is None and name and "fts" in name:
        return False
    return True


def _is_fresh(conn: Connection) -> bool:
    return not inspect(conn).get_table_names()


#: Key of the PostgreSQL advisory lock that serializes the creation of a new database's schema.
_PG_CREATE_LOCK = 0x71756F7465  # "quote"


def _create_if_fresh(engine: Engine) -> None:
    """Bring a database without any table to head, in one transaction under a lock; a concurrent
    first use waits for the lock, then finds the schema there and leaves it alone."""
    if engine.dialect.name not in ("sqlite", "postgresql"):
        return
    with engine.connect() as conn:
        if not _is_fresh(conn):
            return
    mig = _migration_engine(engine)
    try:
        with mig.connect() as conn, conn.begin():  # SQLite: BEGIN IMMEDIATE takes the write lock
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_CREATE_LOCK})
            if not _is_fresh(conn):
                return  # created meanwhile by another process
            log.info("new database %s: creating the schema", safe_url(engine.url))
            _migrate(conn, "upgrade", "head")
    except (OperationalError, SADatabaseError) as e:
        raise describe_error(e, engine.url) from None
    finally:
        mig.dispose()


def open_db(url: str | None = None, *, auto_upgrade_sqlite: bool = True) -> Engine:
    """An engine for ``url`` whose schema is at head.

    A new database (SQLite file or PostgreSQL database without any table) is brought to head on
    first use, safely against a concurrent first use; any other database behind head raises
    SchemaOutOfDateError naming the command to run.
    """
    engine = make_engine(url)
    connect_check(engine)
    try:
        if auto_upgrade_sqlite:
            _create_if_fresh(engine)
        _check_engine(engine, url)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _check_engine(engine: Engine, url: str | None) -> None:
    try:
        with engine.connect() as conn:
            _check(conn, url)
    except (OperationalError, SADatabaseError) as e:
        raise describe_error(e, engine.url) from None
