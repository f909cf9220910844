"""Alembic environment for quotetrack.

Used both by developers (``alembic`` from the repo root, reading alembic.ini)
and at runtime by quotetrack.db.migrate, which passes an open connection in
``config.attributes["connection"]`` and never reads an ini file.
"""
from __future__ import annotations

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from quotetrack.db.migrate import include_object
from quotetrack.db.models import Base

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _url() -> str:
    x = context.get_x_argument(as_dictionary=True)
    return x.get("url") or os.environ.get("QUOTETRACK_DB") or config.get_main_option("sqlalchemy.url") or \
        "sqlite:///quotetrack.db"


def _configure(connection: Connection) -> None:
    """Each migration in its own transaction (or all in the caller's, when it opened one). SQLite's
    DDL is transactional once its engine went through ``transactional_sqlite``, which quotetrack
    and this file's own engine both do."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
        transactional_ddl=True,
        transaction_per_migration=True,
    )


def run_migrations_offline() -> None:
    url = _url()
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=url.startswith("sqlite"), compare_type=True,
                      include_object=include_object,
                      dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url(), poolclass=pool.NullPool)
    if engine.dialect.name == "sqlite":
        from quotetrack.db.engine import _set_sqlite_pragmas, transactional_sqlite
        from sqlalchemy import event

        event.listen(engine, "connect", _set_sqlite_pragmas)
        transactional_sqlite(engine)
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
