"""Migrations are the only source of the schema: they agree with the models on both
backends, go down and up again, and resolve from the installed package."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, MetaData, Table, Text, create_engine, inspect, text

from quotetrack.db import migrate
from quotetrack.db.engine import make_engine, resolve_url
from quotetrack.db.models import Base
from quotetrack.errors import DatabaseError, SchemaOutOfDateError

TABLES = {"outlets", "articles", "speakers", "speaker_aliases", "quotes"}


def test_single_head() -> None:
    assert len(migrate.heads()) == 1
    revs = [r.revision for r in migrate.history()]
    assert "0001_initial" in revs
    assert revs[-1] == "0001_initial"  # the base of the chain


def schema_diff(url: str, metadata: MetaData = Base.metadata) -> list[Any]:
    """What autogenerate would change to make the database at ``url`` match ``metadata``
    (types and server defaults compared too)."""
    eng = make_engine(url)
    try:
        with eng.connect() as conn:
            mc = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True,
                                                        "include_object": migrate.include_object})
            return list(compare_metadata(mc, metadata))
    finally:
        eng.dispose()


def test_models_and_migrations_agree(db_url: str) -> None:
    migrate.upgrade(db_url)
    assert schema_diff(db_url) == []


def _models_copy() -> MetaData:
    md = MetaData()
    for t in Base.metadata.tables.values():
        t.to_metadata(md)
    return md


def test_compare_catches_a_model_change(db_url: str) -> None:
    """The comparison is not vacuous: a column added to the models without a migration shows up,
    and so does a server default the migrations lack (here: the models' one on speaker_aliases.manual
    dropped, the mirror image of a migration that forgets it)."""
    migrate.upgrade(db_url)
    md = _models_copy()
    Table("quotes", md, Column("confidence", Text), extend_existing=True)
    md.tables["speaker_aliases"].c.manual.server_default = None
    diff = schema_diff(db_url, md)
    assert any(d[0] == "add_column" and d[3].name == "confidence" for d in diff)
    changes = [c for d in diff if isinstance(d, list) for c in d]
    assert [(c[0], c[2], c[3]) for c in changes] == [("modify_default", "speaker_aliases", "manual")]


def test_upgrade_downgrade_upgrade(db_url: str) -> None:
    migrate.upgrade(db_url)
    assert migrate.current(db_url) == migrate.heads()[0]
    migrate.downgrade(db_url, "base")
    assert migrate.current(db_url) is None
    eng = make_engine(db_url)
    try:
        assert not TABLES & set(inspect(eng).get_table_names())
    finally:
        eng.dispose()
    migrate.upgrade(db_url)
    assert migrate.current(db_url) == migrate.heads()[0]
    eng = make_engine(db_url)
    try:
        assert TABLES <= set(inspect(eng).get_table_names())
    finally:
        eng.dispose()
    migrate.check_schema(db_url)


def _shape(url: str) -> dict[str, Any]:
    """Tables with their columns and indexes, and views, by name: what a revision leaves in the database."""
    eng = make_engine(url)
    try:
        insp = inspect(eng)
        tables = {t: (sorted(c["name"] for c in insp.get_columns(t)),
                      sorted(str(i["name"]) for i in insp.get_indexes(t))) for t in insp.get_table_names()}
        return {"views": sorted(insp.get_view_names()), **tables}
    finally:
        eng.dispose()


def test_each_downgrade_restores_the_revision_below(db_url: str) -> None:
    """Up one revision at a time, then down one at a time: every downgrade leaves exactly the tables,
    columns, indexes and views of the revision below it (and the way up again still works)."""
    revs = [r.revision for r in reversed(migrate.history())]  # oldest first
    shapes = {}
    for rev in revs:
        migrate.upgrade(db_url, rev)
        shapes[rev] = _shape(db_url)
    for rev in reversed(revs[:-1]):
        migrate.downgrade(db_url, rev)
        assert _shape(db_url) == shapes[rev], f"downgrade to {rev}"
    migrate.upgrade(db_url)
    assert _shape(db_url) == shapes[revs[-1]]


def test_indexes_for_queries(db_url: str) -> None:
    migrate.upgrade(db_url)
    eng = make_engine(db_url)
    try:
        insp = inspect(eng)
        cols = {(t, tuple(ix["column_names"])) for t in TABLES for ix in insp.get_indexes(t)}
    finally:
        eng.dispose()
    for want in [("quotes", ("speaker_id",)), ("quotes", ("article_id",)), ("articles", ("outlet_id", "published")),
                 ("articles", ("published",)), ("quotes", ("cue_lemma",)), ("quotes", ("via",)),
                 ("speaker_aliases", ("key",)), ("speakers", ("key",))]:
        assert want in cols, want


def test_check_schema_behind_and_ahead(db_url: str) -> None:
    with pytest.raises(SchemaOutOfDateError, match="quotetrack --db .* db upgrade"):
        migrate.check_schema(db_url)
    migrate.upgrade(db_url, "0001_initial")
    if migrate.heads() != ("0001_initial",):
        with pytest.raises(SchemaOutOfDateError, match="0001_initial.*db upgrade"):
            migrate.check_schema(db_url)
    migrate.upgrade(db_url)
    migrate.check_schema(db_url)
    # a database made by a NEWER quotetrack: its revision is unknown to this code
    eng = create_engine(db_url)
    with eng.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    eng.dispose()
    with pytest.raises(SchemaOutOfDateError, match="newer than this quotetrack knows"):
        migrate.check_schema(db_url)
    with pytest.raises(SchemaOutOfDateError):
        migrate.open_db(db_url)


def test_new_sqlite_brought_to_head_on_first_use(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    eng = migrate.open_db(url)
    try:
        assert TABLES <= set(inspect(eng).get_table_names())
        with eng.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    finally:
        eng.dispose()
    assert migrate.current(url) == migrate.heads()[0]


@pytest.mark.postgres
def test_fresh_postgres_is_brought_to_head_but_one_behind_is_not(pg_url: str) -> None:
    """An empty PostgreSQL database is created on first use like a new SQLite file (issue 14);
    one that holds an older schema still asks for `db upgrade`."""
    migrate.open_db(pg_url).dispose()
    assert migrate.current(pg_url) == migrate.heads()[0]
    migrate.downgrade(pg_url, "0001_initial")
    with pytest.raises(SchemaOutOfDateError, match="db upgrade"):
        migrate.open_db(pg_url)


def test_sqlite_behind_head_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate.upgrade(url, "0001_initial")
    if migrate.heads() == ("0001_initial",):
        pytest.skip("only one revision exists")
    with pytest.raises(SchemaOutOfDateError, match="run `quotetrack --db .* db upgrade`"):
        migrate.open_db(url)


def test_database_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        migrate.open_db(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all")
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        migrate.open_db(f"sqlite:///{junk}")
    with pytest.raises(DatabaseError, match="invalid database URL"):
        migrate.open_db("not a url ::")


def test_locked_sqlite_reports_locked(tmp_path: Path) -> None:
    import sqlite3

    url = f"sqlite:///{tmp_path / 'l.db'}"
    migrate.open_db(url).dispose()
    holder = sqlite3.connect(tmp_path / "l.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        eng = make_engine(url, connect_args={"timeout": 0.2})
        from quotetrack.db.engine import describe_error
        from sqlalchemy.exc import OperationalError

        with pytest.raises(OperationalError) as ei:
            with eng.connect() as c:
                c.exec_driver_sql("PRAGMA busy_timeout = 100")
                c.exec_driver_sql("INSERT INTO outlets(name, key) VALUES ('a', 'a')")
        assert "locked" in str(describe_error(ei.value, url))
        eng.dispose()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_url_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTETRACK_DB", raising=False)
    assert resolve_url(None) == "sqlite:///quotetrack.db"
    monkeypatch.setenv("QUOTETRACK_DB", "sqlite:////tmp/env.db")
    assert resolve_url(None) == "sqlite:////tmp/env.db"
    assert resolve_url("sqlite:////tmp/flag.db") == "sqlite:////tmp/flag.db"


def test_packaged_migrations_resolve_from_another_cwd(tmp_path: Path) -> None:
    """From a directory with no alembic.ini or migrations/, the installed package finds its migrations."""
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    env = dict(os.environ, QUOTETRACK_DB=url)
    code = ("from quotetrack.db import migrate; migrate.upgrade(None); "
            "print(migrate.current(None)); print(migrate.migrations_dir())")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=True)
    rev, where = out.stdout.split()
    assert rev == migrate.heads()[0]
    assert Path(where, "versions", "0001_initial.py").is_file()
    assert (tmp_path / "elsewhere.db").exists()
