"""Issue 14, finding 3: schema changes are atomic. An upgrade killed in the middle of a migration
leaves the last whole revision (and `db upgrade` then finishes); two first uses of one new
database at once both succeed; `db downgrade -1` works and a downgrade that drops data asks for
--yes; a blank alembic_version is a clear error. Real subprocesses, both backends."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db import migrate

from reliability_helpers import ROOT, cli_env, corpus_records, plain_engine, popen_cli, scalar, write_jsonl

runner = CliRunner()

#: Upgrades the database in argv[1], SIGKILLing itself right after the statement that starts with argv[2] ran.
KILL_MID_MIGRATION = """
import os, signal, sys
from sqlalchemy import Engine, event
from quotetrack.db import migrate

marker = sys.argv[2]

@event.listens_for(Engine, "after_cursor_execute")
def _die(conn, cursor, statement, params, context, executemany):
    if statement.lstrip().startswith(marker):
        os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[3:] == ["first-use"]:
    migrate.open_db(sys.argv[1])
else:
    migrate.upgrade(sys.argv[1])
"""


def test_killed_upgrade_leaves_a_whole_revision(db_url: str) -> None:
    """Killed inside 0002 right after its full-text table/index was created: on SQLite that CREATE used
    to be committed at once, leaving version 0001 with quotes_fts, and every later upgrade failed with
    'table quotes_fts already exists'."""
    migrate.upgrade(db_url, "0001_initial")
    marker = "CREATE VIRTUAL TABLE quotes_fts" if db_url.startswith("sqlite") else "CREATE INDEX ix_quotes_content_fts"
    p = subprocess.run([sys.executable, "-c", KILL_MID_MIGRATION, db_url, marker], env=cli_env(), cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == -9, p.stderr
    assert migrate.current(db_url) == "0001_initial"
    eng = create_engine(db_url)
    try:
        names = set(inspect(eng).get_table_names())
        assert "quotes_fts" not in names and "speaker_stats" not in names
    finally:
        eng.dispose()
    r = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    assert r.exit_code == 0, r.stderr
    assert migrate.current(db_url) == migrate.heads()[0]


def test_first_use_killed_while_creating_the_schema_leaves_a_new_database(db_url: str) -> None:
    """The first ingest into a new database killed while it creates the tables: the next use starts
    again from nothing (it used to find half the tables and fail: 'table outlets already exists')."""
    p = subprocess.run([sys.executable, "-c", KILL_MID_MIGRATION, db_url, "CREATE TABLE speakers", "first-use"],
                       env=cli_env(), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == -9, p.stderr
    assert migrate.current(db_url) is None
    eng = create_engine(db_url)
    try:
        assert not set(inspect(eng).get_table_names())
    finally:
        eng.dispose()
    migrate.open_db(db_url).dispose()
    assert migrate.current(db_url) == migrate.heads()[0]


def test_two_first_uses_of_a_new_database_at_once_both_succeed(db_url: str, tmp_path: Path) -> None:
    """Two `ingest` processes start together on a database that does not exist yet (SQLite) or holds
    no table (PostgreSQL): both create-or-find the schema, both store, nothing twice."""
    recs = corpus_records(6)
    files = [write_jsonl(tmp_path / "a.jsonl", recs[:4]), write_jsonl(tmp_path / "b.jsonl", recs[2:])]
    for attempt in range(2):
        url = db_url if attempt == 0 or not db_url.startswith("sqlite") else \
            f"sqlite:///{tmp_path / f'second{attempt}.db'}"
        if attempt == 1 and not db_url.startswith("sqlite"):
            eng = create_engine(db_url, isolation_level="AUTOCOMMIT")
            with eng.connect() as c:
                c.exec_driver_sql("DROP SCHEMA public CASCADE")
                c.exec_driver_sql("CREATE SCHEMA public")
            eng.dispose()
        procs = [popen_cli(url, "ingest", str(f), "-q") for f in files]
        outs = [p.communicate(timeout=300) for p in procs]
        for p, (_, err) in zip(procs, outs):
            assert p.returncode == 0, err
        eng = plain_engine(url)
        try:
            assert scalar(eng, "SELECT count(*) FROM articles") == 6
        finally:
            eng.dispose()
        assert migrate.current(url) == migrate.heads()[0]


def test_downgrade_one_step_and_data_needs_yes(db_url: str, tmp_path: Path) -> None:
    head = migrate.heads()[0]
    migrate.upgrade(db_url)
    r = runner.invoke(app, ["--db", db_url, "db", "downgrade", "-1"])
    assert r.exit_code == 0, r.stderr
    prev = migrate.current(db_url)
    assert prev is not None and prev != head
    assert migrate.script_directory().get_revision(head).down_revision == prev
    r = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    assert r.exit_code == 0, r.stderr
    f = write_jsonl(tmp_path / "one.jsonl", corpus_records(2))
    assert runner.invoke(app, ["--db", db_url, "ingest", str(f), "-q"]).exit_code == 0
    r = runner.invoke(app, ["--db", db_url, "db", "downgrade", "base"])
    assert r.exit_code == 1 and "--yes" in r.stderr and "2 articles" in r.stderr
    assert migrate.current(db_url) == head
    eng = plain_engine(db_url)
    try:
        assert scalar(eng, "SELECT count(*) FROM articles") == 2
    finally:
        eng.dispose()
    r = runner.invoke(app, ["--db", db_url, "db", "downgrade", "base", "--yes"])
    assert r.exit_code == 0, r.stderr
    assert migrate.current(db_url) is None


def test_blank_alembic_version_is_a_clear_error(db_url: str, tmp_path: Path) -> None:
    migrate.upgrade(db_url)
    eng = create_engine(db_url)
    with eng.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = ''"))
    eng.dispose()
    f = write_jsonl(tmp_path / "one.jsonl", corpus_records(1))
    for args in (["db", "current"], ["db", "upgrade"], ["db", "check"], ["ingest", str(f), "-q"]):
        r = runner.invoke(app, ["--db", db_url, *args])
        assert r.exit_code == 1, (args, r.stderr, r.exception)
        assert r.stderr.startswith("error: ") and "blank schema version" in r.stderr, (args, r.stderr)
        assert not isinstance(r.exception, AssertionError)


def test_switching_to_wal_waits_for_a_process_creating_the_file(tmp_path: Path) -> None:
    """While one process holds the write lock on a new SQLite file still in rollback mode (creating it),
    another's "PRAGMA journal_mode = WAL" gets "database is locked" at once, without the busy timeout: two
    first uses at once failed about one time in ten. The pragma is now tried again until the lock goes."""
    import sqlite3

    from quotetrack.db.connect_settings import apply_sqlite_pragmas

    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE t (x)")
    released = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    other = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("PRAGMA journal_mode = WAL")  # what SQLite does: no wait
        released.start()
        t0 = time.monotonic()
        apply_sqlite_pragmas(other)
        assert 0.2 < time.monotonic() - t0 < 10
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        released.join()
        other.close()
        holder.close()
