"""`quotetrack quotes|speakers|speaker|outlets|show|stats` through CliRunner, on both backends."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import regex
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.queries import QUOTE_FIELDS
from test_queries_support import (fresh_url, gold_articles, gold_engine, gold_url, ingest_gold,  # noqa: F401
                                  pg_server_url)

BLINKEN = "أنتوني بلينكن"
AJ_ARTICLE = "aljazeera-2021-06-29-omar-oilfield"
runner = CliRunner()


def run(url: str, *args: str) -> object:
    return runner.invoke(app, ["--db", url, *args])


def table_rows(url: str, *args: str) -> list[list[str]]:
    """The body rows of a table-format command, cell by cell (wide terminal: no wrapped cells), without the
    bidi isolation marks the table puts around Arabic cells."""
    r = runner.invoke(app, ["--db", url, *args], env={"COLUMNS": "300"})
    assert r.exit_code == 0, r.stderr
    return [[c.strip().strip("\u2066\u2067\u2068\u2069").strip() for c in line.strip().strip("│").split("│")]
            for line in r.stdout.splitlines() if line.startswith("│")]


@pytest.mark.parametrize("name", ["بلينكن", "أنتوني بلينكن", "انتوني بلينكن"])
def test_quotes_by_speaker_spellings(gold_url: str, name: str) -> None:
    r = run(gold_url, "quotes", "--speaker", name, "--format", "json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 2 and {x["speaker"] for x in rows} == {BLINKEN}
    assert list(rows[0]) == list(QUOTE_FIELDS)


def test_blinken_june_2021_question(gold_url: str) -> None:
    r = run(gold_url, "quotes", "-s", "بلينكن", "--since", "2021-06", "--until", "2021-06", "-f", "jsonl")
    assert r.exit_code == 0
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert {x["outlet"] for x in lines} == {"الجزيرة"} and {x["month"] for x in lines} == {"2021-06"}
    r = run(gold_url, "quotes", "-s", "بلينكن", "--since", "2021-07-01", "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []


def test_unknown_speaker_exit_1_with_suggestions(gold_url: str) -> None:
    r = run(gold_url, "quotes", "--speaker", "بلينكين", "--format", "json")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith("error: no speaker matches") and BLINKEN in r.stderr


@pytest.mark.parametrize("args", [["quotes", "--since", "2021-13-01"], ["quotes", "--until", "yesterday"],
                                  ["speakers", "--since", "29/06/2021"], ["outlets", "--until", "2021-02-30"],
                                  ["quotes", "--type", "shouted"], ["quotes", "--format", "xml"]])
def test_bad_option_values_exit_2(gold_url: str, args: list[str]) -> None:
    r = run(gold_url, *args)
    assert r.exit_code == 2 and r.stdout == ""


def test_empty_results_exit_0(gold_url: str) -> None:
    r = run(gold_url, "quotes", "--search", "كلمةغيرموجودةابدا", "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    r = run(gold_url, "quotes", "--search", "كلمةغيرموجودةابدا", "-f", "jsonl")
    assert r.exit_code == 0 and r.stdout == ""
    r = run(gold_url, "quotes", "--search", "كلمةغيرموجودةابدا")
    assert r.exit_code == 0 and "no quotes match" in r.stderr


@pytest.mark.parametrize("evil", ["x' OR 1=1 --", '"; DROP TABLE quotes; --', 'NEAR("a" *', "\"*"])
def test_injection_through_every_text_option(gold_url: str, evil: str) -> None:
    for opt in ("--search", "--via", "--cue", "--stance", "--article"):
        r = run(gold_url, "quotes", opt, evil, "-f", "json")
        assert r.exit_code == 0, (opt, r.stderr)
        found = json.loads(r.stdout)
        if opt == "--search":   # OR is search syntax: "x OR 1" finds quotes with the number 1, nothing else
            assert all(regex.search(r"(?<!\d)[1١](?!\d)", q["content"]) for q in found), evil
        else:
            assert found == []
    for opt in ("--speaker", "--outlet"):
        r = run(gold_url, "quotes", opt, evil, "-f", "json")
        assert r.exit_code == 1 and "error: no " in r.stderr
    r = run(gold_url, "stats", "-f", "json")
    assert {x["metric"]: x["value"] for x in json.loads(r.stdout)}["quotes"] == 464


def test_quotes_csv_is_spreadsheet_ready(gold_url: str) -> None:
    r = run(gold_url, "quotes", "--outlet", "الجزيرة", "--via", "رويترز", "--format", "csv")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and tuple(rows[0]) == QUOTE_FIELDS
    assert all(x["outlet"] == "الجزيرة" and "رويترز" in x["via"] for x in rows)


def test_quotes_filters_and_limit(gold_url: str) -> None:
    r = run(gold_url, "quotes", "--anonymous", "--limit", "0", "-f", "json")
    anon = json.loads(r.stdout)
    assert len(anon) == 44 and all(x["anonymous"] for x in anon)
    r = run(gold_url, "quotes", "--named", "--type", "direct", "-n", "5", "--sort", "oldest", "-f", "json")
    rows = json.loads(r.stdout)
    assert len(rows) == 5 and all(x["type"] == "direct" and not x["anonymous"] for x in rows)
    assert [x["published"] for x in rows] == sorted(x["published"] for x in rows)
    r = run(gold_url, "quotes", "-q", "الدفاع عن النفس", "--cue", "علق", "-f", "json")
    assert [x["speaker"] for x in json.loads(r.stdout)] == [BLINKEN]


def test_quotes_table_for_people(gold_url: str) -> None:
    r = run(gold_url, "quotes", "--speaker", "بلينكن")
    assert r.exit_code == 0
    assert "الجزيرة" in r.stdout and "2021-06-29" in r.stdout and "بلينكن" in r.stdout


def test_speakers_listing_and_filters(gold_url: str) -> None:
    r = run(gold_url, "speakers", "--format", "json", "--limit", "5")
    rows = json.loads(r.stdout)
    assert r.exit_code == 0 and len(rows) == 5 and rows[0]["rank"] == 1
    assert [x["quotes"] for x in rows] == sorted((x["quotes"] for x in rows), reverse=True)
    r = run(gold_url, "speakers", "--outlet", "الجزيرة", "--kind", "person", "-n", "0", "-f", "csv")
    names = [x["speaker"] for x in csv.DictReader(io.StringIO(r.stdout))]
    assert BLINKEN in names
    r = run(gold_url, "speakers", "--since", "2030-01-01", "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    listed = json.loads(run(gold_url, "speakers", "-f", "json").stdout)
    assert [(r[0], r[1], r[2], r[3]) for r in table_rows(gold_url, "speakers")] == \
        [(str(x["rank"]), x["speaker"], x["kind"], str(x["quotes"])) for x in listed]


def test_speaker_profile_formats(gold_url: str) -> None:
    r = run(gold_url, "speaker", "انتوني بلينكن", "-f", "json")
    assert r.exit_code == 0
    p = json.loads(r.stdout)
    assert p["quotes"] == 2 and p["outlets"] == [{"outlet": "الجزيرة", "quotes": 2}]
    assert p["months"] == [{"month": "2021-06", "quotes": 2}] and len(p["latest"]) == 2
    r = run(gold_url, "speaker", "بلينكن", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {"section": "title", "value": "وزير الخارجية الأميركي", "count": "2"} in rows
    r = run(gold_url, "speaker", "بلينكن")
    assert r.exit_code == 0 and "وزير الخارجية الأميركي" in r.stdout and "2021-06" in r.stdout
    r = run(gold_url, "speaker", "شخص مجهول تماما")
    assert r.exit_code == 1 and "error: no speaker matches" in r.stderr


def test_outlets_report(gold_url: str) -> None:
    r = run(gold_url, "outlets", "-f", "json")
    rows = json.loads(r.stdout)
    assert r.exit_code == 0 and len(rows) == 15
    aj = next(x for x in rows if x["outlet"] == "الجزيرة")
    assert aj["anonymous_share"] == pytest.approx(7 / 24, abs=1e-4) and isinstance(aj["top_speakers"], list)
    r = run(gold_url, "outlets", "-f", "csv", "--top", "2")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 15 and all(x["top_speakers"].count("; ") <= 1 for x in rows)
    rows = json.loads(run(gold_url, "outlets", "-f", "json").stdout)
    shown = [(r[0], r[2], r[3]) for r in table_rows(gold_url, "outlets")]
    assert shown == [(x["outlet"], str(x["quotes"]), f"{x['anonymous_share']:.1%}") for x in rows]
    assert ("الجزيرة", "24", "29.2%") in shown


def test_show_article(gold_url: str) -> None:
    r = run(gold_url, "show", AJ_ARTICLE)
    assert r.exit_code == 0 and "[1]" in r.stdout and "[24]" in r.stdout and "بلينكن" in r.stdout
    r = run(gold_url, "show", AJ_ARTICLE, "-f", "json")
    d = json.loads(r.stdout)
    assert d["external_id"] == AJ_ARTICLE and len(d["quotes"]) == 24
    assert all(d["text"][q["char_start"]:q["char_end"]] == q["content"] for q in d["quotes"])
    r = run(gold_url, "show", AJ_ARTICLE, "-f", "jsonl")
    assert len(r.stdout.splitlines()) == 24
    r = run(gold_url, "show", "no-such-article")
    assert r.exit_code == 1 and "no article" in r.stderr


def test_stats_formats(gold_url: str) -> None:
    r = run(gold_url, "stats", "-f", "csv")
    rows = {x["metric"]: x["value"] for x in csv.DictReader(io.StringIO(r.stdout))}
    assert rows["articles"] == "30" and rows["quotes"] == "464" and rows["anonymous_quotes"] == "44"
    assert dict(table_rows(gold_url, "stats")) == rows


def test_speakers_merge_subcommand(fresh_url: str) -> None:
    ingest_gold_url(fresh_url)
    r = run(fresh_url, "speakers", "merge", BLINKEN, "واين ماروتو")
    assert r.exit_code == 0, r.stderr
    r = run(fresh_url, "quotes", "--speaker", "ماروتو", "-f", "json")
    rows = json.loads(r.stdout)
    assert r.exit_code == 0 and rows and {x["speaker"] for x in rows} == {BLINKEN}
    r = run(fresh_url, "speakers", "merge", BLINKEN, "لا أحد")
    assert r.exit_code == 1 and r.stderr.startswith("error:")


def ingest_gold_url(url: str) -> None:
    from quotetrack.db.engine import make_engine

    eng = make_engine(url)
    try:
        ingest_gold(eng, [a for a in gold_articles() if a["id"] == AJ_ARTICLE])
    finally:
        eng.dispose()


def test_missing_sqlite_file_is_an_error_not_a_new_db(tmp_path: Path) -> None:
    db = tmp_path / "nothing.db"
    r = runner.invoke(app, ["--db", f"sqlite:///{db}", "quotes"])
    assert r.exit_code == 1 and "no database" in r.stderr and not db.exists()


def test_old_schema_says_how_to_upgrade(tmp_path: Path) -> None:
    from quotetrack.db import migrate

    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate.upgrade(url, "0001_initial")
    r = runner.invoke(app, ["--db", url, "stats"])
    assert r.exit_code == 1 and "db upgrade" in r.stderr
