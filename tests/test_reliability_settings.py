"""Issue 14, finding 7: a malformed setting in the environment is one clear `error:` line naming
the variable (exit 1), never a traceback, and nothing is stored."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack.cli import app

from reliability_helpers import corpus_records, write_jsonl

runner = CliRunner()


@pytest.mark.parametrize(("var", "value", "command"), [
    ("QUOTETRACK_BUSY_TIMEOUT", "inf", "ingest"),
    ("QUOTETRACK_BUSY_TIMEOUT", "-3", "ingest"),
    ("QUOTETRACK_EXTRACT_TIMEOUT", "nan", "ingest"),
    ("QUOTETRACK_EXTRACT_TIMEOUT", "nan", "extract"),
    ("QUOTETRACK_EXTRACT_TIMEOUT", "1e400", "extract"),
    ("QUOTETRACK_PG_STATEMENT_TIMEOUT", "soon", "pg"),
])
def test_malformed_seconds_are_one_clear_error(var: str, value: str, command: str, tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "a.jsonl", corpus_records(2))
    db = tmp_path / "s.db"
    if command == "extract":
        args = ["extract", str(f), "-f", "jsonl"]
    elif command == "pg":
        args = ["--db", "postgresql+psycopg://postgres@127.0.0.1:1/x", "db", "current"]
    else:
        args = ["--db", f"sqlite:///{db}", "ingest", str(f), "-q"]
    r = runner.invoke(app, args, env={var: value})
    assert r.exit_code == 1, (r.stderr, r.exception)
    assert r.stderr.startswith(f"error: {var}={value!r} is not a number of seconds"), r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and r.stdout == ""
    assert not db.exists() or db.stat().st_size == 0 or command != "ingest" or _articles(db) == 0


def _articles(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as c:
        try:
            return int(c.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.OperationalError:
            return 0
