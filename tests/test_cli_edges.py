"""The CLI's edges: where --db may go and what it accepts, bounded counts, clear messages,
CSV headers on empty results, and streamed output (constant memory, a closed pipe ends quietly)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from quotetrack.cli import app, hoist_global_options
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine
from quotetrack.db.models import Article, Outlet, Quote, Speaker
from quotetrack.db.urls import normalize_db_url
from quotetrack.queries import QUOTE_FIELDS, OutletRow, SpeakerRow
from reliability_helpers import ROOT, cli_env, peak_rss_kib
from test_queries_support import (fresh_url, gold_articles, gold_url, ingest_gold,  # noqa: F401
                                  pg_server_url)

runner = CliRunner()
HUGE = str(10**30)


def _stats(r: object) -> dict[str, object]:
    return {x["metric"]: x["value"] for x in json.loads(r.stdout)}  # type: ignore[attr-defined]


# ---------------------------------------------------------------- --db

def test_db_after_the_subcommand(gold_url: str, tmp_path: Path) -> None:
    for args in (["stats", "--db", gold_url, "-f", "json"], ["stats", "-f", "json", f"--db={gold_url}"],
                 ["--db", "sqlite:////nonexistent/x.db", "stats", "--db", gold_url, "-f", "json"],
                 ["speakers", "--db", gold_url, "-n", "2", "-f", "json"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 0, (args, r.output)
        assert json.loads(r.stdout)
    assert _stats(runner.invoke(app, ["stats", "--db", gold_url, "-f", "json"]))["quotes"] == 464
    r = runner.invoke(app, ["db", "current", "--db", gold_url])
    assert r.exit_code == 0 and "(head)" in r.stdout
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "x1", "text": "وقال الوزير إن المفاوضات ستستأنف."}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    db = tmp_path / "new.db"
    r = runner.invoke(app, ["ingest", str(src), "-q", "--db", f"sqlite:///{db}"])
    assert r.exit_code == 0, r.output and db.exists()


def test_hoisting_rules() -> None:
    assert hoist_global_options(["stats", "--db", "x"]) == ["--db", "x", "stats"]
    assert hoist_global_options(["--db", "a", "stats", "--db", "b"]) == ["--db", "a", "--db", "b", "stats"]
    assert hoist_global_options(["db", "current", "--db=x"]) == ["--db=x", "db", "current"]
    assert hoist_global_options(["quotes", "-q", "x", "--", "--db", "y"]) == ["quotes", "-q", "x", "--", "--db", "y"]
    assert hoist_global_options(["--db", "stats"]) == ["--db", "stats"]


def test_a_plain_path_is_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'quotetrack.db'}"
    migrate.upgrade(url)
    monkeypatch.chdir(tmp_path)
    for args in (["--db", "quotetrack.db", "stats"], ["stats", "--db", "./quotetrack.db"],
                 ["--db", str(tmp_path / "quotetrack.db"), "stats"]):
        r = runner.invoke(app, [*args, "-f", "json"])
        assert r.exit_code == 0, (args, r.output)
        assert _stats(r)["articles"] == 0
    r = runner.invoke(app, ["stats", "-f", "json"], env={"QUOTETRACK_DB": "quotetrack.db"})
    assert r.exit_code == 0 and _stats(r)["quotes"] == 0
    r = runner.invoke(app, ["--db", "missing.db", "stats"])
    assert r.exit_code == 1 and r.stderr.startswith("error: no database at missing.db") and "Traceback" not in r.output


def test_url_forms() -> None:
    assert normalize_db_url("quotetrack.db") == "sqlite:///quotetrack.db"
    assert normalize_db_url("/tmp/x.db") == "sqlite:////tmp/x.db"
    assert normalize_db_url("sqlite:///x.db") == "sqlite:///x.db"
    assert normalize_db_url("postgres://u:p@h:5432/d") == "postgresql+psycopg://u:p@h:5432/d"
    assert normalize_db_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalize_db_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"


@pytest.mark.postgres
def test_postgres_scheme_is_accepted(pg_server_url: str) -> None:
    u = make_url(pg_server_url)
    migrate.upgrade(pg_server_url)
    short = "postgres://" + u.render_as_string(hide_password=False).split("://", 1)[1]
    r = runner.invoke(app, ["--db", short, "stats", "-f", "json"])
    assert r.exit_code == 0, r.output
    assert "articles" in _stats(r)


def test_missing_psycopg_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import quotetrack.db.urls as urls

    monkeypatch.setattr(urls, "find_spec", lambda name: None if name == "psycopg" else object())
    r = runner.invoke(app, ["--db", "postgresql://u@127.0.0.1/x", "stats"])
    assert r.exit_code == 1
    assert "pip install 'quotetrack[postgres]'" in r.stderr and "Traceback" not in r.output


# ---------------------------------------------------------------- counts and messages

@pytest.mark.parametrize("args", [["quotes", "-n", HUGE], ["speakers", "-n", HUGE], ["speaker", "بلينكن", "--latest", HUGE],
                                  ["outlets", "--top", HUGE], ["quotes", "-n", "-1"]])
def test_absurd_counts_are_bad_parameters(gold_url: str, args: list[str]) -> None:
    r = runner.invoke(app, ["--db", gold_url, *args])
    assert r.exit_code == 2 and r.stdout == ""
    assert "Invalid value" in r.stderr and "Overflow" not in r.stderr


def test_merge_speakers_odd_ids(fresh_url: str) -> None:
    for a, msg in ((HUGE, f"error: no speaker with id {HUGE}"),
                   ("²", "error: no speaker named '²'; list them with `quotetrack speakers`")):
        r = runner.invoke(app, ["--db", fresh_url, "merge-speakers", a, "1"])
        assert r.exit_code == 1 and r.stderr.strip() == msg, r.output


def test_unknown_speaker_message_knows_speakers_are_stored(gold_url: str, fresh_url: str) -> None:
    r = runner.invoke(app, ["--db", gold_url, "quotes", "-s", "قققققق"])
    assert r.exit_code == 1 and "no speakers are stored yet" not in r.stderr
    assert "quotetrack speakers" in r.stderr
    r = runner.invoke(app, ["--db", fresh_url, "speaker", "قققققق"])
    assert r.exit_code == 1 and "no speakers are stored yet" in r.stderr


def test_verbose_is_a_flag_and_help_says_so(gold_url: str) -> None:
    r = runner.invoke(app, ["--help"], env={"COLUMNS": "120"})
    line = next(ln for ln in r.stdout.splitlines() if "--verbose" in ln)
    assert "<int>" not in line and "INTEGER" not in line
    log = logging.getLogger("quotetrack")
    before = (log.level, list(log.handlers))
    try:
        r = runner.invoke(app, ["-v", "--db", gold_url, "stats", "-f", "json"])
        assert r.exit_code == 0 and _stats(r)["quotes"] == 464
    finally:
        log.setLevel(before[0])
        log.handlers[:] = before[1]


# ---------------------------------------------------------------- CSV and streaming

@pytest.mark.parametrize("args,fields", [
    (["quotes", "-q", "كلمةغيرموجودةابدا"], QUOTE_FIELDS),
    (["speakers", "--since", "1990-01-01", "--until", "1990-01-31"], tuple(SpeakerRow.__dataclass_fields__)),
    (["outlets", "--since", "1990-01-01", "--until", "1990-01-31"], tuple(OutletRow.__dataclass_fields__)),
])
def test_empty_csv_has_its_header(gold_url: str, args: list[str], fields: tuple[str, ...]) -> None:
    r = runner.invoke(app, ["--db", gold_url, *args, "-f", "csv"])
    assert r.exit_code == 0
    assert list(csv.reader(io.StringIO(r.stdout))) == [list(fields)]


def test_streamed_json_is_the_same_document(gold_url: str) -> None:
    r = runner.invoke(app, ["--db", gold_url, "quotes", "-n", "0", "-f", "json"])
    rows = json.loads(r.stdout)
    assert len(rows) == 464
    assert r.stdout == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    jl = runner.invoke(app, ["--db", gold_url, "quotes", "-n", "0", "-f", "jsonl"]).stdout.splitlines()
    assert [json.loads(x) for x in jl] == rows
    sp = runner.invoke(app, ["--db", gold_url, "speakers", "-n", "0", "-f", "json"])
    ranks = [x["rank"] for x in json.loads(sp.stdout)]
    assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) > 100


N_BIG = 40_000
LONG = "قال المتحدث إن " + "المفاوضات ستستأنف في العاصمة الأسبوع المقبل " * 20   # ~900 characters


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file of N_BIG quotes of ~900 characters each (about 40 MB of text)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('big') / 'big.db'}"
    migrate.upgrade(url)
    eng = make_engine(url)
    with eng.begin() as c:
        c.execute(insert(Outlet), [{"id": 1, "name": "منفذ", "key": "منفذ"}])
        c.execute(insert(Speaker), [{"id": 1, "name": "متحدث", "key": "متحدث", "kind": "person"}])
        c.execute(insert(Article), [
            {"id": i, "outlet_id": 1, "external_id": f"a{i}", "text": LONG, "content_hash": str(i),
             "extractor_version": "t", "published": None, "ingested_at": dt.datetime(2026, 1, 1)} for i in range(1, N_BIG // 10 + 1)])
        for lo in range(0, N_BIG, 10_000):
            c.execute(insert(Quote), [
                {"article_id": i // 10 + 1, "speaker_id": 1, "content": LONG, "type": "indirect", "cue": "قال",
                 "char_start": i % 10, "char_end": len(LONG), "anonymous": False, "rule": "t", "outlet_id": 1}
                for i in range(lo, lo + 10_000)])
    eng.dispose()
    return url


def _peak_rss_mib(url: str, *args: str) -> float:
    code = ("import runpy, sys, atexit\n"
            f"atexit.register(lambda: exec({peak_rss_kib()!r}, {{}}))\n"
            f"sys.argv = ['quotetrack', '--db', {url!r}, *{list(args)!r}]\n"
            "runpy.run_module('quotetrack', run_name='__main__')\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=cli_env(), cwd=ROOT,
                       timeout=600)
    m = re.search(r"MAXRSS (\d+)", p.stdout[-200:])
    assert m, p.stderr[-2000:]
    return int(m.group(1)) / 1024


@pytest.mark.slow
def test_all_quotes_stream_in_constant_memory(big_db: str) -> None:
    small = _peak_rss_mib(big_db, "quotes", "-n", "10", "-f", "jsonl")
    for fmt in ("jsonl", "json", "csv"):
        every = _peak_rss_mib(big_db, "quotes", "-n", "0", "-f", fmt)
        # holding the rows would take 40,000 x ~2 KB of text plus the row objects: > 150 MB more
        assert every - small < 25, (fmt, small, every)


def test_closed_pipe_ends_quietly(big_db: str) -> None:
    p = subprocess.Popen([sys.executable, "-m", "quotetrack", "--db", big_db, "quotes", "-n", "0", "-f", "jsonl"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), cwd=ROOT)
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode()
    rc = p.wait(timeout=60)
    assert json.loads(first)["speaker"] == "متحدث"
    assert "Traceback" not in err and "BrokenPipe" not in err and err == ""
    assert rc == 1


def test_table_caps_its_rows(big_db: str) -> None:
    r = runner.invoke(app, ["--db", big_db, "quotes", "-n", "0"], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert r.stdout.rstrip().endswith(
        f"1,000 of {N_BIG:,} — a table shows at most 1,000 rows; use -f csv or -f jsonl for all")


def test_extract_csv_header_with_and_without_quotes(tmp_path: Path) -> None:
    empty = tmp_path / "none.txt"
    empty.write_text("نص قصير بلا اقتباس\n", encoding="utf-8")
    full = tmp_path / "one.txt"
    full.write_text("وقال وزير الخارجية أحمد علي إن المفاوضات ستستأنف الأسبوع المقبل.\n", encoding="utf-8")
    h_empty = runner.invoke(app, ["extract", str(empty), "-f", "csv"])
    h_full = runner.invoke(app, ["extract", str(full), "-f", "csv"])
    assert h_empty.exit_code == 0 and h_full.exit_code == 0
    header = next(csv.reader(io.StringIO(h_full.stdout)))
    assert header[0] == "article_id" and "content" in header and "anonymous" in header
    assert list(csv.reader(io.StringIO(h_empty.stdout))) == [header]
    rows = list(csv.DictReader(io.StringIO(h_full.stdout)))
    assert rows and rows[0]["article_id"] == "one.txt"   # a file's id is its path under the argument's parent
