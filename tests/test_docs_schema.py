"""docs/schema.md cannot rot: every example runs on both backends, every table, view and column is documented."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from test_queries_support import gold_engine, gold_url, pg_server_url  # noqa: F401

DOC = Path(__file__).resolve().parents[1] / "docs" / "schema.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)


def _blocks(lang: str) -> list[str]:
    return [body.strip() for kind, body in FENCE.findall(DOC.read_text(encoding="utf-8")) if kind == lang]


def _sections() -> dict[str, str]:
    """'### name' heading -> the text up to the next heading."""
    parts = re.split(r"^###\s+(.+)$", DOC.read_text(encoding="utf-8"), flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_doc_has_at_least_six_portable_examples() -> None:
    assert len(_blocks("sql")) >= 6


@pytest.mark.parametrize("i", range(len(_blocks("sql"))))
def test_example_runs_and_returns_rows(gold_engine: Engine, i: int) -> None:
    sql = _blocks("sql")[i]
    with gold_engine.connect() as c:
        res = c.execute(text(sql))
        rows = res.all()
        assert res.keys() and rows, f"example {i + 1} returned no rows:\n{sql}"


def test_backend_specific_full_text_example(gold_engine: Engine) -> None:
    lang = "sqlite" if gold_engine.dialect.name == "sqlite" else "postgresql"
    blocks = _blocks(lang)
    assert blocks
    with gold_engine.connect() as c:
        for sql in blocks:
            rows = c.execute(text(sql)).all()
            assert rows and all("النفس" in r.content for r in rows)


def test_every_table_view_and_column_is_documented(gold_engine: Engine) -> None:
    insp = inspect(gold_engine)
    sections = _sections()
    names = [t for t in insp.get_table_names() if not t.startswith("quotes_fts")] + insp.get_view_names()
    assert {"quotes", "quote_details", "outlet_summary", "outlet_monthly"} <= set(names)
    for name in names:
        assert name in sections, f"docs/schema.md has no '### {name}' section"
        for col in insp.get_columns(name):
            assert f"`{col['name']}`" in sections[name], f"{name}.{col['name']} is not documented"
    documented = {k for k in sections if re.fullmatch(r"[a-z_]+", k)}
    assert documented <= set(names), f"documented but missing from the database: {documented - set(names)}"


def test_sqlite_names_are_readable_in_sqlite_master(gold_engine: Engine) -> None:
    if gold_engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with gold_engine.connect() as c:
        views = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type = 'view'"))}
    assert views == {"quote_details", "speaker_summary", "speaker_outlets", "outlet_summary", "outlet_monthly",
                     "outlet_intermediaries"}


def test_sqlite_file_opens_in_the_sqlite3_shell(gold_engine: Engine) -> None:
    import shutil
    import subprocess

    if gold_engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    exe = shutil.which("sqlite3")
    if exe is None:
        pytest.skip("no sqlite3 shell installed")
    db = gold_engine.url.database
    out = subprocess.run([exe, "-readonly", db, "SELECT outlet, quotes FROM outlet_summary ORDER BY quotes DESC "
                          "LIMIT 1; SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH '\"النفس\"';"],
                         capture_output=True, text=True, check=True, timeout=30).stdout.splitlines()
    assert out[0] == "سكاي نيوز عربية|61"
    assert int(out[1]) >= 2
