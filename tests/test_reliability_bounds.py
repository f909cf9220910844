"""Issue 14, finding 4: nothing waits without end. A dead pool worker ends `ingest --workers 2` in
seconds with one line (and the re-run resumes); Ctrl-C ends it with one line; HTML parsing is
bounded; a stalled PostgreSQL server is given up on; FIFOs and devices are refused or streamed
without a pre-count; the progress count never holds a line whole. Real subprocesses."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reliability_helpers import ROOT, cli, cli_env, corpus_records, peak_rss_kib, plain_engine, run_cli, scalar, \
    write_jsonl

#: The CLI with one article ("SLOW...") that takes two minutes to extract, in whichever process extracts it.
SLOW_CLI = """
import sys, time
import quotetrack.timed_extract as te
real = te.extract_bounded
def slow(text, budget=None):
    if text.startswith("SLOW"):
        time.sleep(120)
    return real(text, budget)
te.extract_bounded = slow
from quotetrack.cli import app
app(sys.argv[1:])
"""


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _slow_input(tmp_path: Path) -> tuple[Path, int]:
    recs = list(corpus_records(40))
    slow = {"id": "slow", "text": "SLOW " + recs[0]["text"]}
    f = write_jsonl(tmp_path / "in.jsonl", recs[:20] + [slow] + recs[20:])
    return f, len(recs) + 1


def _start_slow(url: str, f: Path) -> subprocess.Popen[str]:
    args = cli(url, "ingest", str(f), "-q", "--workers", "2", "--batch-size", "10")[3:]
    p = subprocess.Popen([sys.executable, "-c", SLOW_CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=cli_env(), cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(_children(p.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(_children(p.pid)) >= 2, "the worker processes never started"
    time.sleep(3)  # the batches before the slow article are stored; one worker sleeps in it
    assert p.poll() is None
    return p


def _stored(url: str) -> int:
    eng = plain_engine(url)
    try:
        return scalar(eng, "SELECT count(*) FROM articles")
    finally:
        eng.dispose()


def _rerun_resumes(url: str, f: Path, total: int, stored_before: int) -> None:
    r = run_cli(url, "ingest", str(f), "--workers", "2", "--batch-size", "10", COLUMNS="200")
    assert r.returncode == 0, r.stderr
    assert _stored(url) == total
    skipped = [x for x in r.stderr.splitlines() if "articles skipped" in x]
    assert skipped and skipped[0].split()[-2] == str(stored_before), r.stderr


def test_a_killed_worker_ends_the_run_in_one_line_and_the_rerun_resumes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    f, total = _slow_input(tmp_path)
    p = _start_slow(url, f)
    t0 = time.monotonic()
    os.kill(_children(p.pid)[0], signal.SIGKILL)
    try:
        _, err = p.communicate(timeout=30)  # used to wait forever
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    assert time.monotonic() - t0 < 20
    assert p.returncode == 1
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: a worker process died"), err
    assert "Re-run the same command to resume" in lines[0]
    stored = _stored(url)
    assert f"{stored} articles" in lines[0]
    _rerun_resumes(url, f, total, stored)


def test_ctrl_c_with_workers_is_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    f, total = _slow_input(tmp_path)
    p = _start_slow(url, f)
    os.killpg(p.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    try:
        _, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    assert p.returncode == 130, err
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("interrupted; "), err
    stored = _stored(url)
    assert f"{stored} articles" in lines[0] and "Re-run the same command to resume" in lines[0]
    _rerun_resumes(url, f, total, stored)


BODY = "قال وزير الخارجية إن المحادثات كانت مثمرة وإن الجولة المقبلة ستعقد قريبا. " * 5


def test_html_parsing_is_bounded(tmp_path: Path) -> None:
    """40,000 attributes on one tag (0.3 MB) used to take over a minute: they are dropped before parsing.
    A page that is merely slow to parse (8,000 paragraphs, 2 MB) is stopped by the per-article budget."""
    d = tmp_path / "pages"
    d.mkdir()
    attrs = " ".join(f'a{i}="v{i}"' for i in range(40_000))
    (d / "flood.html").write_text(f"<html><body><div {attrs}><article><p>{BODY}</p></article></div></body></html>",
                                  encoding="utf-8")
    (d / "slow.html").write_text("<html><body>" + "".join(f"<p class='c{i}'>{BODY}</p>" for i in range(8_000))
                                 + "</body></html>", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'h.db'}"
    t0 = time.monotonic()
    r = run_cli(url, "ingest", str(d), "-q", timeout=300, QUOTETRACK_EXTRACT_TIMEOUT="1")
    elapsed = time.monotonic() - t0
    assert r.returncode == 1, r.stderr
    failed = [x for x in r.stderr.splitlines() if x.startswith("failed:")]
    assert failed == [f"failed: {d / 'slow.html'}: cannot parse HTML: HTML parsing exceeded its 1 s budget; "
                      "skipped"], r.stderr
    assert _stored(url) == 1
    assert elapsed < 30, elapsed


def test_stalled_postgresql_server_is_given_up_on(tmp_path: Path) -> None:
    """A server that accepts the TCP connection and never answers: the connect timeout ends the wait."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    port = srv.getsockname()[1]
    held: list[socket.socket] = []

    def accept() -> None:
        try:
            while True:
                held.append(srv.accept()[0])
        except OSError:
            pass

    threading.Thread(target=accept, daemon=True).start()
    try:
        url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/x"
        t0 = time.monotonic()
        r = run_cli(url, "db", "current", timeout=60, QUOTETRACK_PG_CONNECT_TIMEOUT="2")
        assert time.monotonic() - t0 < 30
        assert r.returncode == 1 and r.stderr.startswith("error: ") and "Traceback" not in r.stderr, r.stderr
    finally:
        srv.close()
        for c in held:
            c.close()


@pytest.mark.postgres
def test_postgresql_timeouts_are_set_from_the_environment(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotetrack.db.engine import make_engine

    monkeypatch.setenv("QUOTETRACK_PG_STATEMENT_TIMEOUT", "1.5")
    monkeypatch.setenv("QUOTETRACK_PG_KEEPALIVE", "20")
    eng = make_engine(pg_url)
    try:
        with eng.connect() as c:
            assert c.exec_driver_sql("SHOW statement_timeout").scalar() == "1500ms"
            params = c.connection.dbapi_connection.info.get_parameters()  # type: ignore[union-attr]
            assert (params["keepalives"], params["keepalives_idle"], params["connect_timeout"]) == ("1", "20", "10")
            from sqlalchemy.exc import OperationalError

            with pytest.raises(OperationalError, match="statement timeout"):
                c.exec_driver_sql("SELECT pg_sleep(5)")
    finally:
        eng.dispose()
    from quotetrack.db.migrate import _migration_engine

    mig = _migration_engine(pg_url)  # a migration may rewrite millions of rows: no statement timeout
    try:
        with mig.connect() as c:
            assert c.exec_driver_sql("SHOW statement_timeout").scalar() == "0"
    finally:
        mig.dispose()


def test_fifos_and_devices(tmp_path: Path) -> None:
    recs = corpus_records(3)
    fifo = tmp_path / "live.jsonl"
    os.mkfifo(fifo)
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode()

    def feed() -> None:
        with fifo.open("wb") as w:
            w.write(payload)

    threading.Thread(target=feed, daemon=True).start()
    url = f"sqlite:///{tmp_path / 'f.db'}"
    r = run_cli(url, "ingest", str(fifo), timeout=60)  # no -q: the progress count must not consume it
    assert r.returncode == 0, r.stderr
    assert _stored(url) == 3
    d = tmp_path / "dir"
    d.mkdir()
    os.mkfifo(d / "blocked.txt")  # nobody ever writes: opening it would block
    (d / "ok.txt").write_text("قال الوزير إن الاجتماع كان مثمرا", encoding="utf-8")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    r = run_cli(url, "ingest", str(d), str(tmp_path / "zero.jsonl"), str(tmp_path / "zero.txt"), timeout=60)
    assert r.returncode == 1, r.stderr
    failed = sorted(x for x in r.stderr.splitlines() if x.startswith("failed:"))
    assert failed == sorted([
        f"failed: {d / 'blocked.txt'}: not a regular file (a FIFO, device or socket); skipped",
        f"failed: {tmp_path / 'zero.jsonl'}:1: binary data (NUL bytes) and no line end; the rest is not read",
        f"failed: {tmp_path / 'zero.txt'}: binary file (NUL bytes), not text"]), r.stderr
    assert _stored(url) == 4


def test_progress_count_never_holds_a_long_line(tmp_path: Path) -> None:
    """A 200 MB line with the progress bar on (no -q): the count used to read it whole (and copy it)."""
    f = tmp_path / "long.jsonl"
    rec = json.dumps(corpus_records(1)[0], ensure_ascii=False).encode() + b"\n"
    with f.open("wb") as out:
        out.write(rec)
        out.write(b'{"id": "long", "text": "')
        block = b"a" * (1 << 20)
        for _ in range(200):
            out.write(block)
        out.write(b'"}\n')
    code = ("import sys\nfrom quotetrack.cli import app\nrc = 0\n"
            "try:\n    app(sys.argv[1:])\nexcept SystemExit as e:\n    rc = e.code or 0\n"
            "sys.stdout = sys.stderr\n" + peak_rss_kib() + "sys.exit(rc)\n")
    url = f"sqlite:///{tmp_path / 'l.db'}"
    p = subprocess.run([sys.executable, "-c", code, *cli(url, "ingest", str(f))[3:]], capture_output=True,
                       text=True, env=cli_env(), cwd=ROOT, timeout=300)
    assert p.returncode == 1, p.stderr
    assert f"{f}:2: line longer than" in p.stderr
    rss = int([x for x in p.stderr.splitlines() if x.startswith("MAXRSS")][0].split()[1])
    assert rss < 200 * 1024, rss  # KiB; reading the line whole costs more than the line (200 MB)
    f.unlink()
