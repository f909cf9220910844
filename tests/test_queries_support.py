"""Fixtures for the query/report tests: real databases holding the gold dev articles.

The 30 hand-annotated articles of ../shared/eval/dev.jsonl are ingested through
``quotetrack.ingest.ingest`` with an "extractor" that returns their gold quotes,
so the queries run over realistic speakers, outlets, dates, intermediaries and
anonymous sources whatever state the real extractor is in. SQLite databases are
real files in tmp_path; PostgreSQL gets its own uniquely named database per
session (QUOTETRACK_TEST_PG_URL overrides the server; skipped only when no
server answers).
"""
from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from quotetrack.db import migrate
from quotetrack.db.engine import make_engine
from quotetrack.ingest import ingest
from quotetrack.extractor.lexicon import load as load_lexicon
from quotetrack.extractor.normalize import fold
from quotetrack.extractor.quote import Quote

from pg_support import scratch_pg_database
from shared_data import shared_path

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def gold_articles() -> list[dict[str, Any]]:
    dev = shared_path("eval/dev.jsonl")
    return [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_quotes(article: dict[str, Any]) -> list[Quote]:
    """The article's gold annotations as ``Quote`` results (cue lemma and stance from the lexicon)."""
    verbs = load_lexicon().verbs  # a lexicon that fails to load fails the test
    txt = article["text"]
    out = []
    for g in article["quotes"]:
        v = verbs.get(fold(g["cue"])) if g.get("cue") else None
        mention = g.get("mention")
        ms = txt.rfind(mention, 0, g["start"]) if mention else -1
        if mention and ms < 0:
            ms = txt.find(mention, g["end"])
        out.append(Quote(
            content=g["content"], start=g["start"], end=g["end"], type=g["type"], cue=g.get("cue"),
            cue_lemma=v.lemma if v else g.get("cue"), stance=v.stance if v else None,
            speaker=g.get("speaker"), speaker_kind=g.get("speaker_kind"), gender=g.get("gender"),
            mention=mention, mention_start=ms if ms >= 0 else None,
            mention_end=ms + len(mention) if mention and ms >= 0 else None,
            title=g.get("title"), via=g.get("via"), channel=g.get("channel"), rule="gold"))
    return out


def ingest_gold(engine: Engine, articles: list[dict[str, Any]] | None = None) -> None:
    articles = articles if articles is not None else gold_articles()
    by_text = {a["text"]: gold_quotes(a) for a in articles}
    paths = []
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"qt-gold-{uuid.uuid4().hex}.jsonl"
    with tmp.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({k: a.get(k) for k in ("id", "outlet", "date", "title", "url", "text")},
                               ensure_ascii=False) + "\n")
    paths.append(tmp)
    try:
        summary = ingest(paths, engine, extractor=lambda t: by_text.get(t, []), extractor_version="gold")
    finally:
        tmp.unlink()
    assert summary.failed == 0, summary.problems
    assert summary.new == len(articles)


def gold_sqlite_file(path: Path) -> str:
    """A SQLite file at ``path``, migrated, holding the gold articles with their gold quotes; its URL."""
    url = f"sqlite:///{path}"
    migrate.upgrade(url)
    eng = make_engine(url)
    try:
        ingest_gold(eng, gold_articles())
    finally:
        eng.dispose()
    return url


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database for this session (dropped afterwards)."""
    with scratch_pg_database("qt_queries") as url:
        yield url


def new_database(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A migrated, empty database URL: a SQLite file, or a fresh schema-less PG database."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'q.db'}"
    else:
        base: str = request.getfixturevalue("pg_server_url")
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        name = f"qt_q_{uuid.uuid4().hex[:12]}"
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = make_url(base).set(database=name).render_as_string(hide_password=False)

        def drop() -> None:
            adm = create_engine(base, isolation_level="AUTOCOMMIT")
            with adm.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            adm.dispose()
        request.addfinalizer(drop)
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def gold_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of a database (each backend) holding the 30 gold articles; treat it as read-only."""
    url = new_database(request.param, tmp_path_factory.mktemp("gold"), request)
    eng = make_engine(url)
    try:
        ingest_gold(eng)
    finally:
        eng.dispose()
    return url


@pytest.fixture(scope="session")
def gold_engine(gold_url: str) -> Iterator[Engine]:
    eng = make_engine(gold_url)
    yield eng
    eng.dispose()


@pytest.fixture(params=BACKENDS)
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database per test (each backend), for tests that write."""
    return new_database(request.param, tmp_path, request)
