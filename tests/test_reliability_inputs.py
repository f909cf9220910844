"""Issue 7, guarantee 5: the bad-input table. Every case gets ONE line on stderr naming
the file (and line), the rest of the batch is stored, and the exit code says so.
Real `python -m quotetrack` subprocesses at an 80-column terminal width (messages
must not be wrapped), real SQLite files and the real PostgreSQL server."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from quotetrack.db import migrate

from reliability_helpers import (ROOT, cli, cli_env, corpus_records, peak_rss_kib, plain_engine, run_cli, scalar,
                                 write_jsonl)


def only_line(stderr: str, *needles: str) -> str:
    """The one stderr line holding every needle (fails if none or several)."""
    hits = [x for x in stderr.splitlines() if all(n in x for n in needles)]
    assert len(hits) == 1, (needles, stderr)
    return hits[0]


def test_bad_input_table(tmp_path: Path) -> None:
    good = corpus_records(3)
    d = tmp_path / "a_rather_long_directory_name_so_that_messages_exceed_eighty_columns"
    d.mkdir()
    (d / "bad_utf8.txt").write_bytes("قال الوزير".encode() + b"\xff\xfe\xfd")
    (d / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    lines = [json.dumps(good[0], ensure_ascii=False),                                   # 1 ok
             '{"id": "broken", "text": "قال',                                            # 2 malformed JSON
             json.dumps({"id": "notext", "outlet": "x"}),                               # 3 no text
             json.dumps({"id": "numtext", "text": 42}),                                 # 4 text not a string
             json.dumps(["a", "list"]),                                                 # 5 not an object
             json.dumps(dict(good[1], date="99/99/99999"), ensure_ascii=False),         # 6 absurd date: kept
             json.dumps(dict(good[2], date="يوم الغضب"), ensure_ascii=False),           # 7 unknown date: kept
             "",                                                                        # 8 blank: ignored
             json.dumps({"id": "year1", "text": "نص قصير", "date": "0001-01-01"}),      # 9 absurd year: kept
             ]
    jl = d / "batch.jsonl"
    jl.write_bytes("\n".join(lines).encode() + b"\n" + b'{"id": "badbytes", "text": "\xc3\x28"}\n')  # 10
    missing = tmp_path / "no_such_directory"
    url = f"sqlite:///{tmp_path / 'q.db'}"
    r = run_cli(url, "ingest", str(d), str(missing), "-q", COLUMNS="80")
    assert r.returncode == 1
    err = r.stderr
    only_line(err, "failed:", f"{d / 'bad_utf8.txt'}: invalid UTF-8 at byte 19")
    only_line(err, "failed:", f"{d / 'binary.txt'}: binary file")
    only_line(err, "failed:", f"{d / 'empty.txt'}: empty file")
    only_line(err, "failed:", f"{d / 'blank.txt'}: empty file")
    only_line(err, "failed:", f"{jl}:2: not JSON")
    only_line(err, "failed:", f"{jl}:3: no 'text' field")
    only_line(err, "failed:", f"{jl}:4: 'text' is not a string")
    only_line(err, "failed:", f"{jl}:5: not a JSON object")
    only_line(err, "failed:", f"{jl}:10: invalid UTF-8")
    only_line(err, "failed:", f"{missing}: no such file or directory")
    only_line(err, "warning:", f"{jl}:6: unrecognised date '99/99/99999'; stored as null")
    only_line(err, "warning:", f"{jl}:7: unrecognised date")
    only_line(err, "warning:", f"{jl}:9: unrecognised date '0001-01-01'")
    assert not any(f"{jl}:8" in x for x in err.splitlines())
    eng = plain_engine(url)
    try:
        with eng.connect() as c:
            rows = dict(c.execute(text("SELECT external_id, published FROM articles")).all())
    finally:
        eng.dispose()
    assert rows == {good[0]["id"]: good[0]["date"], good[1]["id"]: None, good[2]["id"]: None, "year1": None}

    # warnings alone do not fail a run: the articles were stored
    r = run_cli(url, "ingest", str(write_jsonl(tmp_path / "dates.jsonl", [{"id": "d", "text": "نص", "date": "غدا"}])),
                "-q")
    assert r.returncode == 0 and "unrecognised date" in r.stderr


def test_extract_cli_bad_input_lines(tmp_path: Path) -> None:
    f = tmp_path / "[bold]odd name.jsonl"  # rich markup in a path is printed as is
    f.write_bytes(b'{"id": "ok", "text": "\xd9\x82\xd8\xa7\xd9\x84"}\nnot json\n')
    r = run_cli("sqlite://", "extract", str(f), "-f", "jsonl", COLUMNS="80")
    assert r.returncode == 1
    only_line(r.stderr, "error:", f"{f}:2: not JSON")


def _peak_rss_ingest(url: str, path: Path) -> tuple[int, str]:
    """Run the ingest CLI in a fresh interpreter; return its own peak RSS (KiB) and stderr."""
    code = ("import sys\nfrom quotetrack.cli import app\nrc = 0\n"
            "try:\n    app(sys.argv[1:])\nexcept SystemExit as e:\n    rc = e.code or 0\n"
            "sys.stdout = sys.stderr\n" + peak_rss_kib() + "sys.exit(rc)\n")
    args = cli(url, "ingest", str(path), "-q")[3:]
    p = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=cli_env(),
                       cwd=ROOT, timeout=900)
    assert p.returncode == 0, p.stderr
    rss = int(only_line(p.stderr, "MAXRSS").split()[1])
    return rss, p.stderr


def _repeat_real_lines(path: Path, size: int, distinct: int = 40) -> int:
    lines = [json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in corpus_records(distinct)]
    written = n = 0
    with path.open("wb") as f:
        while written < size:
            line = lines[n % len(lines)]
            f.write(line)
            written += len(line)
            n += 1
    return n


def _streaming_check(tmp_path: Path, big_size: int) -> None:
    small, big = tmp_path / "small.jsonl", tmp_path / "big.jsonl"
    _repeat_real_lines(small, 1_000_000)
    n = _repeat_real_lines(big, big_size)
    url_s, url_b = f"sqlite:///{tmp_path / 's.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    rss_small, _ = _peak_rss_ingest(url_s, small)
    rss_big, err = _peak_rss_ingest(url_b, big)
    assert f"{n:,}" in only_line(err, "articles read")  # every line was read...
    eng = plain_engine(url_b)
    try:
        assert scalar(eng, "SELECT count(*) FROM articles") == 40  # ...and each article stored once
    finally:
        eng.dispose()
    # memory does not grow with the file: far less than the file's size (loading it whole costs > 2x its size)
    assert rss_small > 30 * 1024  # the measure is real (the interpreter and quotetrack alone take more)
    assert rss_big - rss_small < min(big_size // 1024 // 4, 40 * 1024), (rss_small, rss_big)


def test_jsonl_is_streamed_100mb(tmp_path: Path) -> None:
    _streaming_check(tmp_path, 100_000_000)


def test_huge_txt_and_huge_line_are_refused_unread(tmp_path: Path) -> None:
    from quotetrack.inputs import MAX_ARTICLE_BYTES

    big = tmp_path / "huge.txt"
    with big.open("wb") as f:  # a sparse file: its size is what matters
        f.truncate(MAX_ARTICLE_BYTES + 1)
    rec = json.dumps(corpus_records(1)[0], ensure_ascii=False).encode() + b"\n"
    jl = tmp_path / "longline.jsonl"
    with jl.open("wb") as f:
        f.write(rec)
        f.write(b'{"id": "long", "text": "' + b"a" * 2_000_000 + b'"}\n')
        f.write(rec.replace(b'"id": "', b'"id": "x'))
    code = ("import resource, sys\nfrom quotetrack import inputs\ninputs.MAX_ARTICLE_BYTES\n"
            "items = list(inputs.read_inputs([sys.argv[1]]))\n"
            "lim = 1_000_000\nlong = list(inputs.read_jsonl_stream(open(sys.argv[2], 'rb'), sys.argv[2], lim))\n"
            "for i in items + long:\n    print(type(i).__name__, str(i)[:300] if type(i).__name__ == 'Problem' else i.id)\n"
            + peak_rss_kib())
    p = subprocess.run([sys.executable, "-c", code, str(big), str(jl)], capture_output=True, text=True,
                       env=cli_env(), cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    out = p.stdout.splitlines()
    assert out[0].startswith(f"Problem {big}: file too large for one article")
    assert out[1] == f"Article {corpus_records(1)[0]['id']}"
    assert out[2] == f"Problem {jl}:2: line longer than 1,000,000 bytes; skipped"
    assert out[3] == f"Article x{corpus_records(1)[0]['id']}"
    assert int(out[4].split()[1]) < 150 * 1024  # KiB: the 80 MB file was never read


# -- databases that cannot be written ------------------------------------------------------------------------------
def test_locked_sqlite_fails_in_one_line_and_stores_nothing(tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    url = f"sqlite:///{db}"
    migrate.upgrade(url)
    f = write_jsonl(tmp_path / "in.jsonl", corpus_records(5))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        holder.execute("INSERT INTO outlets(name, key) VALUES ('holder', 'holder')")
        r = run_cli(url, "ingest", str(f), "-q", QUOTETRACK_BUSY_TIMEOUT="1", COLUMNS="80")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.returncode == 1
    line = only_line(r.stderr, "error:")
    assert "is locked by another process (waited 1 s)" in line and str(db) in line
    assert "Traceback" not in r.stderr
    eng = plain_engine(url)
    try:
        assert scalar(eng, "SELECT count(*) FROM articles") == 0
        assert scalar(eng, "SELECT count(*) FROM outlets") == 0
    finally:
        eng.dispose()


def test_read_only_sqlite(tmp_path: Path) -> None:
    """Tests run as root in CI, where chmod 444 is ignored; SQLite's own read-only mode
    (mode=ro) is a real read-only database on any user."""
    db = tmp_path / "ro.db"
    url = f"sqlite:///{db}"
    migrate.upgrade(url)
    f = write_jsonl(tmp_path / "in.jsonl", corpus_records(3))
    r = run_cli(f"sqlite:///file:{db}?mode=ro&uri=true", "ingest", str(f), "-q")
    assert r.returncode == 1
    assert "is read-only: attempt to write a readonly database" in only_line(r.stderr, "error:")
    assert "Traceback" not in r.stderr
    eng = plain_engine(url)
    try:
        assert scalar(eng, "SELECT count(*) FROM articles") == 0
    finally:
        eng.dispose()


def test_database_newer_than_the_code(db_url: str, tmp_path: Path) -> None:
    migrate.upgrade(db_url)
    eng = plain_engine(db_url)
    try:
        with eng.begin() as c:
            c.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
        f = write_jsonl(tmp_path / "in.jsonl", corpus_records(2))
        for args in (["ingest", str(f), "-q"], ["quotes", "-f", "json"], ["db", "check"]):
            r = run_cli(db_url, *args)
            assert r.returncode == 1, args
            line = only_line(r.stderr, "error:")
            assert "0099_from_the_future, newer than this quotetrack knows" in line
            assert r.stdout == ""
        assert scalar(eng, "SELECT count(*) FROM articles") == 0
    finally:
        eng.dispose()
