"""A scratch PostgreSQL database, created for a session and dropped after it (shared by
conftest's ``pg_database`` and the corpus fixtures, which need a database of their own)."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def pg_admin_url() -> str:
    return os.environ.get("QUOTETRACK_TEST_PG_URL") or DEFAULT_PG_URL


@contextmanager
def scratch_pg_database(prefix: str) -> Iterator[str]:
    """Yield the URL of a new, uniquely named UTF-8 database; skip the test when no server answers."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    admin_url = make_url(pg_admin_url())
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    except OperationalError as e:
        admin.dispose()
        pytest.skip(f"PostgreSQL not answering at {admin_url.render_as_string(hide_password=True)} "
                    f"(set QUOTETRACK_TEST_PG_URL): {str(e.orig).strip().splitlines()[0]}")
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
