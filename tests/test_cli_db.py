"""`quotetrack db upgrade|current|history|check|downgrade`."""
from __future__ import annotations

from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db import migrate

runner = CliRunner()


def test_db_lifecycle(db_url: str) -> None:
    head = migrate.heads()[0]
    r = runner.invoke(app, ["--db", db_url, "db", "current"])
    assert r.exit_code == 0 and r.stdout.strip() == "(empty)"
    r = runner.invoke(app, ["--db", db_url, "db", "check"])
    assert r.exit_code == 1 and "db upgrade" in r.stderr and r.stdout == ""
    r = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    assert r.exit_code == 0 and head in r.stdout
    r = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    assert r.exit_code == 0 and "already at" in r.stdout
    r = runner.invoke(app, ["--db", db_url, "db", "current"])
    assert r.stdout.strip() == f"{head} (head)"
    r = runner.invoke(app, ["--db", db_url, "db", "check"])
    assert r.exit_code == 0 and "up to date" in r.stdout
    r = runner.invoke(app, ["--db", db_url, "db", "downgrade", "base"])
    assert r.exit_code == 0
    assert migrate.current(db_url) is None


def test_db_history() -> None:
    r = runner.invoke(app, ["db", "history"])
    assert r.exit_code == 0
    assert "<base> -> 0001_initial" in r.stdout
    assert "(head)" in r.stdout


def test_db_password_never_echoed() -> None:
    r = runner.invoke(app, ["--db", "postgresql+psycopg://u:s3cret@127.0.0.1:1/x", "db", "current"])
    assert r.exit_code == 1
    assert "s3cret" not in r.stderr and "s3cret" not in r.stdout
