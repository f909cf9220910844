"""Issue 14, findings 1 and 2: one record never sinks the run, and article identity never
collides silently. Real SQLite files and the real PostgreSQL server; the library API
(fast) plus one real `python -m quotetrack ingest --workers 2` subprocess."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db.models import Article, Quote
from quotetrack.extractor.quote import Quote as Q
from quotetrack.ingest import ingest

from reliability_helpers import corpus_records, plain_engine, run_cli, scalar, write_jsonl

runner = CliRunner()


def stored_ids(engine: Any) -> set[str]:
    with Session(engine) as s:
        return set(s.scalars(select(Article.external_id)))


def hostile_lines() -> dict[str, str]:
    """name -> one JSONL line that today raises (or, on PostgreSQL, aborts the batch) instead of failing alone."""
    noise = os.urandom(5000).hex()  # 10 KB that no index compression shrinks
    return {
        "deep": '{"id": "deep", "text": "x", "m": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "bigint": '{"id": "big", "text": "x", "n": ' + "7" * 5000 + "}",
        "surrogate_text": '{"id": "s1", "text": "قال \\ud800 الوزير"}',
        "surrogate_id": '{"id": "s\\ud800", "text": "نص"}',
        "surrogate_title": '{"id": "s3", "text": "نص", "title": "\\udfff"}',
        "surrogate_outlet": '{"id": "s4", "text": "نص", "outlet": "a\\ud800"}',
        "nul_id": '{"id": "n\\u0000", "text": "نص"}',
        "long_id": json.dumps({"id": noise, "text": "نص"}),
        "long_outlet": json.dumps({"id": "lo", "text": "نص", "outlet": noise}),
    }


def test_hostile_records_fail_alone(engine: Any, tmp_path: Path) -> None:
    """Each hostile line is one `file:line: reason`; every good line around it is stored, in one batch."""
    bad = hostile_lines()
    lines: list[str] = []
    bad_at: dict[int, str] = {}
    for k, (name, line) in enumerate(bad.items()):
        lines.append(json.dumps({"id": f"good{k}", "text": f"نص جيد {k}", "outlet": "الرياض"}, ensure_ascii=False))
        lines.append(line)
        bad_at[len(lines)] = name
    lines.append(json.dumps({"id": "last", "text": "النص الأخير"}, ensure_ascii=False))
    f = tmp_path / "p.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    s = ingest([f], engine, extractor=lambda t: [], extractor_version="t", batch_size=500)
    assert stored_ids(engine) == {f"good{k}" for k in range(len(bad))} | {"last"}
    assert (s.new, s.failed) == (len(bad) + 1, len(bad))
    where = sorted(str(p).split(": ", 1)[0] for p in s.problems)
    assert where == sorted(f"{f}:{n}" for n in bad_at), [str(p) for p in s.problems]
    reasons = {bad_at[p.line]: p.message for p in s.problems if p.line is not None}
    assert "nested too deeply" in reasons["deep"]
    assert "digits" in reasons["bigint"]
    assert all("lone surrogate" in reasons[k] for k in reasons if k.startswith("surrogate"))
    assert "NUL" in reasons["nul_id"]
    assert "too long" in reasons["long_id"] and "too long" in reasons["long_outlet"]


def test_a_quote_the_database_refuses_fails_its_article_alone(engine: Any) -> None:
    """A record that passes every check but that the database refuses at store time (on PostgreSQL a
    10 KB `via` exceeds the btree row limit: 'index row requires ... bytes', an OperationalError that
    used to stop the run) fails alone; its batch-mates are stored after the batch is split."""
    noise = os.urandom(5000).hex()
    texts = [f"قال الوزير إن الخبر {i} صحيح" for i in range(9)]

    def extractor(t: str) -> list[Q]:
        via = noise if t == texts[4] else None
        return [Q(content="الخبر", start=t.index("الخبر"), end=t.index("الخبر") + 5, type="indirect", cue="قال",
                  cue_lemma="قال", stance=None, speaker="الوزير", speaker_kind="person", gender="m",
                  mention="الوزير", mention_start=None, mention_end=None, title=None, via=via, channel=None,
                  rule="test")]

    from quotetrack.inputs import Article as In

    arts = [In(id=f"v{i}", text=t, source="s.jsonl", line=i + 1) for i, t in enumerate(texts)]
    s = ingest(arts, engine, extractor=extractor, extractor_version="t", batch_size=50)
    if engine.dialect.name == "postgresql":
        assert (s.new, s.failed, s.quotes) == (8, 1, 8)
        assert str(s.problems[0]).startswith("s.jsonl:5: article 'v4': database refused it: index row")
        assert stored_ids(engine) == {f"v{i}" for i in range(9)} - {"v4"}
    else:
        assert (s.new, s.failed, s.quotes) == (9, 0, 9)
    with Session(engine) as ses:
        assert len(ses.scalars(select(Quote.id)).all()) == s.quotes


def test_cli_workers_survive_a_deeply_nested_line(tmp_path: Path) -> None:
    """The issue's repro: good lines, one line nested 100,000 deep, good lines; `--workers 2`."""
    recs = list(corpus_records(40))
    f = tmp_path / "p.jsonl"
    with f.open("w", encoding="utf-8") as out:
        for r in recs[:20]:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        out.write('{"id":"d","text":"x","m":' + "[" * 100_000 + "]" * 100_000 + "}\n")
        for r in recs[20:]:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    url = f"sqlite:///{tmp_path / 'p.db'}"
    r = run_cli(url, "ingest", str(f), "-q", "--workers", "2", "--batch-size", "8")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert [x for x in r.stderr.splitlines() if "failed:" in x] == [f"failed: {f}:21: JSON nested too deeply"]
    e = plain_engine(url)
    try:
        assert scalar(e, "SELECT count(*) FROM articles") == 40
    finally:
        e.dispose()


# -- identity ------------------------------------------------------------------------------------------------------
def test_files_with_one_name_in_different_folders_are_different_articles(engine: Any, tmp_path: Path) -> None:
    root = tmp_path / "site"
    for sub in ("a", "b", "2018/01/01", "2018/02/01"):
        (root / sub).mkdir(parents=True)
    (root / "a" / "article.txt").write_text("قال الوزير أ", encoding="utf-8")
    (root / "b" / "article.txt").write_text("قال الوزير ب", encoding="utf-8")
    page = "<html><body><article><p>{}</p></article></body></html>"
    for d, t in (("2018/01/01", "خبر يناير عن الاجتماع الطويل"), ("2018/02/01", "خبر فبراير عن الاجتماع الطويل")):
        (root / d / "index.html").write_text(page.format(" ".join([t] * 20)), encoding="utf-8")
    s = ingest([root], engine, extractor=lambda t: [], extractor_version="t")
    assert (s.new, s.failed, s.skipped) == (4, 0, 0), [str(p) for p in s.problems]
    assert stored_ids(engine) == {"site/a/article.txt", "site/b/article.txt", "site/2018/01/01/index.html",
                                  "site/2018/02/01/index.html"}
    # the id does not depend on the current directory: the same root from elsewhere adds nothing
    cwd = os.getcwd()
    try:
        os.chdir(root)
        again = ingest(["."], engine, extractor=lambda t: [], extractor_version="t")
    finally:
        os.chdir(cwd)
    assert (again.new, again.skipped) == (0, 4)


def test_repeated_ids_with_other_text_are_warned_with_both_places(engine: Any, tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "r.jsonl", [
        {"id": 1, "text": "النص الأول"},
        {"id": "x", "text": "نص إكس"},
        {"id": "1", "text": "نص آخر تماما"},       # 1 and "1" are one id: a different text
        {"id": "x", "text": "نص إكس"},            # same text: a plain duplicate, no warning
    ])
    for batch_size in (10, 1):  # in one batch, and across batches
        s = ingest([f], engine, extractor=lambda t: [], extractor_version="t", batch_size=batch_size)
        if batch_size == 10:
            assert (s.new, s.skipped) == (2, 2)
            assert s.warnings == [f"{f}:3: article id '1' was already first read at {f}:1 with a different text; "
                                  "the first one is kept (--reextract replaces it)"]
        else:  # the second run: everything is stored, the conflicting line still named
            assert (s.new, s.skipped) == (0, 4)
            assert s.warnings == [f"{f}:3: article id '1' was already stored before this run with a different "
                                  "text; the first one is kept (--reextract replaces it)"]
    with Session(engine) as ses:
        assert ses.scalar(select(Article.text).where(Article.external_id == "1")) == "النص الأول"


def test_stdin_text_ids_and_bom(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    for body in ("قال الوزير إن الاجتماع مثمر", "قال السفير إن الزيارة ناجحة"):
        r = runner.invoke(app, ["--db", url, "ingest", "-", "-q"], input=body.encode())
        assert r.exit_code == 0, r.stderr
    r = runner.invoke(app, ["--db", url, "ingest", "-", "-q", "--id", "mine"], input="نص ثالث".encode())
    assert r.exit_code == 0, r.stderr
    jl = "\ufeff" + json.dumps({"id": "j1", "text": "نص"}, ensure_ascii=False) + "\n" + \
        "\ufeff" + json.dumps({"id": "j2", "text": "نص ثان"}, ensure_ascii=False) + "\n"
    r = runner.invoke(app, ["--db", url, "ingest", "-", "-q"], input=jl.encode())
    assert r.exit_code == 0, r.stderr
    e = plain_engine(url)
    try:
        ids = stored_ids(e)
    finally:
        e.dispose()
    assert len(ids) == 5 and {"mine", "j1", "j2"} <= ids
    assert all(i.startswith("stdin:") for i in ids - {"mine", "j1", "j2"})
    r = runner.invoke(app, ["--db", url, "ingest", str(tmp_path), str(tmp_path), "--id", "x"])
    assert r.exit_code == 2 and "--id" in r.stderr
