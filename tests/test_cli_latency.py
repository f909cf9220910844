"""A query command loads only what it uses: no alembic, no ingest stack; the schema check it
does instead (one alembic_version row against SCHEMA_HEAD) stays in step with the migrations."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db import migrate
from quotetrack.db.schema_head import SCHEMA_HEAD, open_for_reading
from reliability_helpers import ROOT, cli_env

HEAVY = ("alembic", "dateparser", "trafilatura", "htmldate", "lxml", "quotetrack.ingest", "quotetrack.db.migrate",
         "quotetrack.commands.ingest")


def test_schema_head_is_the_migrations_head() -> None:
    assert migrate.heads() == (SCHEMA_HEAD,)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    migrate.upgrade(url)
    return url


@pytest.mark.parametrize("args", [["quotes", "-n", "5", "-f", "jsonl"], ["quotes", "-n", "5"],
                                  ["speakers", "-f", "json"], ["stats", "-f", "json"], ["outlets", "-f", "csv"]])
def test_queries_do_not_import_the_heavy_stack(sqlite_db: str, args: list[str]) -> None:
    code = ("import sys, runpy\n"
            f"sys.argv = ['quotetrack', '--db', {sqlite_db!r}, *{args!r}]\n"
            "try:\n    runpy.run_module('quotetrack', run_name='__main__')\nexcept SystemExit as e:\n"
            "    assert not e.code, e.code\n"
            f"print('LOADED', sorted({{m.split('.')[0] if not m.startswith('quotetrack') else m "
            f"for m in sys.modules}} & set({HEAVY!r})))\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=cli_env(), cwd=ROOT,
                       timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.rstrip().splitlines()[-1] == "LOADED []"


BLINKEN = "أنتوني بلينكن"


@pytest.fixture(scope="module")
def gold_sqlite(tmp_path_factory: pytest.TempPathFactory) -> str:
    from test_queries_support import gold_sqlite_file

    return gold_sqlite_file(tmp_path_factory.mktemp("latency") / "gold.db")


def loaded_modules(url: str, args: list[str]) -> tuple[set[str], str]:
    """The top-level modules a `quotetrack --db url args…` process has imported when it ends, and its output."""
    code = ("import sys, runpy\n"
            f"sys.argv = ['quotetrack', '--db', {url!r}, *{args!r}]\n"
            "try:\n    runpy.run_module('quotetrack', run_name='__main__')\nexcept SystemExit as e:\n"
            "    assert not e.code, e.code\n"
            "print('\\nLOADED', ' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=cli_env(), cwd=ROOT,
                       timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    out, _, loaded = p.stdout.rpartition("\nLOADED ")
    return set(loaded.split()), out


@pytest.mark.parametrize("args", [["quotes", "-s", BLINKEN, "-f", "jsonl"], ["quotes", "--count-by", "month", "-f", "json"],
                                  ["speakers", "-f", "csv"], ["speakers"], ["speaker", BLINKEN, "-f", "json"],
                                  ["speaker", BLINKEN], ["stats", "-f", "json"], ["stats"], ["quotes", "-s", BLINKEN]])
def test_query_commands_do_not_import_sqlalchemy(gold_sqlite: str, args: list[str]) -> None:
    """The read path is sqlite3 + SQL text; rich (tables) and pydantic (typer >= 0.29) stay out too
    unless a table is printed."""
    loaded, out = loaded_modules(gold_sqlite, args)
    assert out.strip() and (BLINKEN in out or BLINKEN not in args)
    assert "sqlite3" in loaded and "quotetrack" in loaded
    assert not loaded & {"sqlalchemy", "alembic", "pydantic", "psycopg"}
    table = "-f" not in args
    assert ("rich" in loaded) == table


def test_fast_check_defers_to_migrate_when_not_at_head(tmp_path: Path) -> None:
    old = f"sqlite:///{tmp_path / 'old.db'}"
    migrate.upgrade(old, "0003_query_speed")
    r = CliRunner().invoke(app, ["--db", old, "stats"])
    assert r.exit_code == 1 and "db upgrade" in r.stderr
    blank = tmp_path / "blank.db"
    blank.touch()                       # an empty file: a new database, created at head on first use
    eng = open_for_reading(f"sqlite:///{blank}")
    try:
        with eng.connect() as c:
            assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
    finally:
        eng.dispose()
    eng = create_engine(old)
    with eng.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    eng.dispose()
    r = CliRunner().invoke(app, ["--db", old, "stats", "-f", "json"])
    assert r.exit_code == 1 and "newer than this quotetrack knows" in r.stderr and r.stdout == ""


def test_query_output_unchanged_by_the_fast_path(sqlite_db: str) -> None:
    r = CliRunner().invoke(app, ["--db", sqlite_db, "stats", "-f", "json"])
    assert r.exit_code == 0 and {x["metric"] for x in json.loads(r.stdout)} >= {"articles", "quotes"}
