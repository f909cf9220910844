"""`quotetrack ingest` and `quotetrack merge-speakers` through the CLI."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from quotetrack.cli import app

from conftest import GOLD_SAMPLE

runner = CliRunner()


def _count(url: str, table: str) -> int:
    e = create_engine(url)
    try:
        with e.connect() as c:
            return int(c.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        e.dispose()


def test_ingest_file_summary_and_idempotence(db_url: str) -> None:
    r = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["--db", db_url, "ingest", str(GOLD_SAMPLE), "-q"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""  # summary and progress go to stderr
    assert "articles new" in r.stderr and "speakers new" in r.stderr
    assert _count(db_url, "articles") == 3
    q1 = _count(db_url, "quotes")
    r = runner.invoke(app, ["--db", db_url, "ingest", str(GOLD_SAMPLE)])
    assert r.exit_code == 0
    assert _count(db_url, "articles") == 3 and _count(db_url, "quotes") == q1
    r = runner.invoke(app, ["--db", db_url, "ingest", str(GOLD_SAMPLE), "--reextract", "--batch-size", "1"])
    assert r.exit_code == 0 and "re-extracted" in r.stderr
    assert _count(db_url, "quotes") == q1


def test_ingest_failure_exit_1_with_file_and_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'q.db'}"  # new SQLite DB: created on first use
    f = tmp_path / "in.jsonl"
    f.write_bytes('{"id": "ok", "text": "قال الوزير إن الوضع مستقر."}\nnot json\n'.encode())
    r = runner.invoke(app, ["--db", url, "ingest", str(f)])
    assert r.exit_code == 1
    assert f"{f}:2" in r.stderr
    assert _count(url, "articles") == 1


def test_ingest_txt_with_metadata_and_env_db(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    t = tmp_path / "story.txt"
    t.write_text("قال وزير الخارجية الأميركي أنتوني بلينكن إن بلاده تدعم الحل.", encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(t), "--outlet", "رويترز", "--date", "29 حزيران/يونيو 2021",
                            "--title", "عنوان", "--url", "https://reuters.com/a"], env={"QUOTETRACK_DB": url})
    assert r.exit_code == 0, r.stderr
    e = create_engine(url)
    with e.connect() as c:
        row = c.execute(text("SELECT a.external_id, a.published, a.title, o.name FROM articles a "
                             "JOIN outlets o ON o.id = a.outlet_id")).one()
    e.dispose()
    assert (row[0], str(row[1]), row[2], row[3]) == ("story.txt", "2021-06-29", "عنوان", "رويترز")


def test_ingest_stdin(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    r = runner.invoke(app, ["--db", url, "ingest", "-"], input='{"id": "x1", "text": "نص الخبر"}\n')
    assert r.exit_code == 0, r.stderr
    assert _count(url, "articles") == 1


def test_ingest_bad_options_and_bad_db(tmp_path: Path) -> None:
    r = runner.invoke(app, ["--db", f"sqlite:///{tmp_path}/q.db", "ingest", str(GOLD_SAMPLE), "--batch-size", "0"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["--db", f"sqlite:///{tmp_path}/nope/q.db", "ingest", str(GOLD_SAMPLE)])
    assert r.exit_code == 1 and "error:" in r.stderr and "does not exist" in r.stderr


def test_merge_speakers_cli(tmp_path: Path) -> None:
    from quotetrack.db.migrate import open_db
    from quotetrack.db.speakers import NameUse, SpeakerResolver, speaker_key
    from sqlalchemy.orm import Session

    url = f"sqlite:///{tmp_path / 'm.db'}"
    eng = open_db(url)
    with Session(eng) as s, s.begin():
        links = SpeakerResolver().resolve_batch(s, [NameUse(speaker_key(n), "person", n, "m", "a1", False)
                                                    for n in ("محمود عباس", "أبو مازن")]).links
    eng.dispose()
    (_, a), (_, b) = links  # type: ignore[misc]
    r = runner.invoke(app, ["--db", url, "merge-speakers", "محمود عباس", str(b)])
    assert r.exit_code == 0, r.stderr
    assert f"into محمود عباس (id {a})" in r.stdout
    assert _count(url, "speakers") == 1
    r = runner.invoke(app, ["--db", url, "merge-speakers", "محمود عباس", "لا أحد"])
    assert r.exit_code == 1 and "no speaker named" in r.stderr
