"""Shared fixtures: a database per test on SQLite (a real file in tmp_path) and on
the real PostgreSQL server, plus a deterministic gold-quote extractor.

PostgreSQL: ``QUOTETRACK_TEST_PG_URL`` (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres)
names the server; the session creates its own uniquely named database and drops it
at the end. Tests marked ``postgres`` are skipped, with a message, only when no
server answers.

Fixtures other test files can use:
- ``db_url``: parametrized over sqlite / postgres (the postgres case carries the
  ``postgres`` marker); an EMPTY database, no schema.
- ``engine``: ``db_url`` migrated to head with quotetrack.db.migrate (never create_all).
- ``sqlite_url`` / ``pg_url``: one backend only, empty database.
- ``gold_articles`` (list of dicts) and ``gold_extractor`` (text -> list[Quote]).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pg_support import scratch_pg_database

DATA = Path(__file__).parent / "data"
GOLD_SAMPLE = DATA / "gold_sample.jsonl"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs the PostgreSQL server (QUOTETRACK_TEST_PG_URL)")


# -- PostgreSQL -------------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """URL of a uniquely named PostgreSQL database created for this session (dropped at the end)."""
    with scratch_pg_database("quotetrack_test") as url:
        yield url


@pytest.fixture
def pg_url(pg_database: str) -> str:
    """The session's PostgreSQL database, emptied (schema public recreated) for this test."""
    from sqlalchemy import create_engine

    e = create_engine(pg_database, isolation_level="AUTOCOMMIT")
    try:
        with e.connect() as c:
            c.exec_driver_sql("DROP SCHEMA public CASCADE")
            c.exec_driver_sql("CREATE SCHEMA public")
    finally:
        e.dispose()
    return pg_database


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'quotetrack.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'quotetrack.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Any]:
    """An engine on ``db_url`` with the schema at head (via migrations, not create_all)."""
    from quotetrack.db import migrate

    migrate.upgrade(db_url)
    eng = migrate.open_db(db_url)
    try:
        yield eng
    finally:
        eng.dispose()


# -- gold data ----------------------------------------------------------------------------------------------------
def load_gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD_SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_quotes(record: dict[str, Any]) -> list[Any]:
    from quotetrack.extractor.quote import Quote

    return [Quote(content=g["content"], start=g["start"], end=g["end"], type=g["type"], cue=g["cue"],
                  cue_lemma=None, stance=None, speaker=g["speaker"], speaker_kind=g["speaker_kind"],
                  gender=g["gender"], mention=g["mention"], mention_start=None, mention_end=None, title=g["title"],
                  via=g["via"], channel=g["channel"], rule="gold") for g in record["quotes"]]


class GoldExtractor:
    """Deterministic extractor for tests: the gold quotes of a known text, [] otherwise.
    Extra texts can be registered with ``add(text, quotes)``."""

    def __init__(self) -> None:
        self.by_text: dict[str, list[Any]] = {r["text"]: gold_quotes(r) for r in load_gold()}
        self.calls = 0

    def add(self, text: str, quotes: list[Any]) -> None:
        self.by_text[text] = quotes

    def __call__(self, text: str) -> list[Any]:
        self.calls += 1
        return list(self.by_text.get(text, []))


@pytest.fixture(scope="session")
def gold_articles() -> list[dict[str, Any]]:
    return load_gold()


@pytest.fixture
def gold_extractor() -> GoldExtractor:
    return GoldExtractor()
