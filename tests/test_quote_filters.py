"""The filters researchers ask for on `quotes` (repeatable -s/-o, --kind, --title, --count-by,
contradictions as usage errors), on the real corpus, both backends, checked against the quotes
themselves counted in Python."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import create_engine
from typer.testing import CliRunner

import quotetrack.queries as Q
from corpus_support import corpus_pg, corpus_sqlite, corpus_url  # noqa: F401
from quotetrack.cli import app
from quotetrack.extractor.normalize import fold

runner = CliRunner()


def cli(url: str, *args: str) -> Any:
    r = runner.invoke(app, ["--db", url, "quotes", *args, "-n", "0", "-f", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def rows(url: str, **kw: Any) -> list[Q.QuoteRow]:
    e = create_engine(url)
    try:
        with e.connect() as c:
            return Q.find_quotes(c, Q.QuoteFilter(limit=None, **kw))
    finally:
        e.dispose()


def test_repeated_speaker_and_outlet_are_any_of(corpus_url: str) -> None:
    jubeir, trump = cli(corpus_url, "-s", "الجبير"), cli(corpus_url, "-s", "ترامب")
    both = cli(corpus_url, "-s", "الجبير", "-s", "ترامب")
    assert jubeir and trump
    assert sorted(r["quote_id"] for r in both) == sorted(r["quote_id"] for r in jubeir + trump)
    okaz, yaum = cli(corpus_url, "-o", "عكاظ"), cli(corpus_url, "-o", "اليوم")
    two = cli(corpus_url, "-o", "عكاظ", "-o", "اليوم", "-q", "اليمن")
    assert {r["outlet"] for r in two} == {"عكاظ", "اليوم"}
    ids = {r["quote_id"] for r in okaz + yaum}
    assert {r["quote_id"] for r in two} <= ids
    r = runner.invoke(app, ["--db", corpus_url, "quotes", "-s", "الجبير", "-s", "zzqxw"])
    assert r.exit_code == 1 and "zzqxw" in r.stderr   # every name must match a speaker


@pytest.mark.parametrize("kind", ["person", "organization", "anonymous"])
def test_kind(corpus_url: str, kind: str) -> None:
    got = cli(corpus_url, "--kind", kind)
    everything = rows(corpus_url)
    assert got and {r["speaker_kind"] for r in got} == {kind}
    assert len(got) == sum(r.speaker_kind == kind for r in everything)


@pytest.mark.parametrize("word", ["سعودي", "وزير", "الأمريكي"])
def test_title_words(corpus_url: str, word: str) -> None:
    got = cli(corpus_url, "--title", word)
    expected = [r for r in rows(corpus_url) if r.title and fold(word) in fold(r.title)]
    assert got and sorted(r["quote_id"] for r in got) == sorted(r.quote_id for r in expected)


def _counter(items: list[Q.QuoteRow], by: str) -> Counter[str]:
    def value(r: Q.QuoteRow) -> str | None:
        return {"speaker": r.speaker, "outlet": r.outlet, "month": r.month, "via": r.via,
                "cue": r.cue_lemma or r.cue}[by]
    return Counter(v for v in map(value, items) if v is not None)


@pytest.mark.parametrize("by", ["speaker", "outlet", "month", "via", "cue"])
def test_count_by_counts_the_filtered_quotes(corpus_url: str, by: str) -> None:
    for args, kw in ((["-q", "اليمن"], {"search": "اليمن"}),
                     (["--kind", "person", "--since", "2018", "--until", "2018"],
                      {"kind": "person", "since": dt.date(2018, 1, 1), "until": dt.date(2018, 12, 31)})):
        counts = cli(corpus_url, *args, "--count-by", by)
        got: Counter[str] = Counter()
        for c in counts:
            got[c[by]] += c["quotes"]
        assert counts and got == _counter(rows(corpus_url, **kw), by), (by, args)
        if by == "month":
            assert [c["month"] for c in counts] == sorted(c["month"] for c in counts)
        else:
            assert [c["quotes"] for c in counts] == sorted((c["quotes"] for c in counts), reverse=True)


def test_research_questions_are_one_command(corpus_url: str) -> None:
    saudi = cli(corpus_url, "--title", "سعودي", "-q", "اليمن", "--since", "2015", "--until", "2015")
    assert saudi and all("سعودي" in fold(r["title"]) and r["published"].startswith("2015") for r in saudi)
    months = cli(corpus_url, "-s", "ترامب", "--count-by", "month")
    assert sum(m["quotes"] for m in months) == len(cli(corpus_url, "-s", "ترامب"))
    limited = runner.invoke(app, ["--db", corpus_url, "quotes", "-s", "ترامب", "--count-by", "month", "-n", "2",
                                  "-f", "csv"])
    assert limited.exit_code == 0 and limited.stdout.splitlines()[0] == "month,quotes"
    assert len(limited.stdout.splitlines()) == 3


@pytest.mark.parametrize("args", [["--since", "2016", "--until", "2015"], ["--since", "2018-05-02", "--until",
                                                                          "2018-05-01"],
                                  ["--kind", "person", "--anonymous"], ["--kind", "anonymous", "--named"]])
def test_contradictory_filters_exit_2(corpus_sqlite: str, args: list[str]) -> None:
    r = runner.invoke(app, ["--db", corpus_sqlite, "quotes", *args])
    assert r.exit_code == 2 and r.stdout == ""
    assert "--since" in r.stderr or "--kind" in r.stderr
