"""The real news corpus (../shared/corpus/news.jsonl, 383 articles) ingested once per session
on each backend, for the search, filter and README tests.

Import the fixture into a test module with ``from corpus_support import corpus_url  # noqa: F401``.
PostgreSQL gets a database of its own (not the session's, whose schema other tests reset).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_support import scratch_pg_database
from typer.testing import CliRunner

NEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl"


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
    with scratch_pg_database("quotetrack_corpus") as url:
        _ingest(url)
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def corpus_url(request: pytest.FixtureRequest) -> str:
    """The ingested corpus on each backend."""
    url: str = request.getfixturevalue("corpus_sqlite" if request.param == "sqlite" else "corpus_pg")
    return url
