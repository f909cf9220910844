"""The real news corpus (../shared/corpus/news.jsonl, 383 articles) ingested once per session
on each backend, for the search, filter and README tests.

Import the fixture into a test module with ``from corpus_support import corpus_url  # noqa: F401``.
PostgreSQL gets a database of its own (not the session's, whose schema other tests reset).
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

NEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _ingest(url: str) -> None:
    from quotetrack.cli import app
    from quotetrack.db import migrate

    migrate.upgrade(url)
    r = CliRunner().invoke(app, ["--db", url, "ingest", str(NEWS)])
    assert r.exit_code == 0, r.output


@pytest.fixture(scope="session")
def corpus_sqlite(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not NEWS.exists():
        pytest.skip(f"real corpus not found at {NEWS}")
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'news.db'}"
    _ingest(url)
    return url


@pytest.fixture(scope="session")
def corpus_pg() -> Iterator[str]:
    if not NEWS.exists():
        pytest.skip(f"real corpus not found at {NEWS}")
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    admin_url = make_url(os.environ.get("QUOTETRACK_TEST_PG_URL") or DEFAULT_PG_URL)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    name = f"quotetrack_corpus_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    except OperationalError as e:
        admin.dispose()
        pytest.skip(f"PostgreSQL not answering: {str(e.orig).strip().splitlines()[0]}")
    try:
        url = admin_url.set(database=name).render_as_string(hide_password=False)
        _ingest(url)
        yield url
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def corpus_url(request: pytest.FixtureRequest) -> str:
    """The ingested corpus on each backend."""
    url: str = request.getfixturevalue("corpus_sqlite" if request.param == "sqlite" else "corpus_pg")
    return url
