"""Issue 7, guarantees 3 and 4: generated and pathological text.

extract() never raises and its offsets are exact on generated text (Hypothesis, on
top of tests/test_extract_properties.py); a regex-hostile article (thousands of
nested or unclosed quotation marks, a 10 MB paragraph) finishes within the
per-article budget of ``extraction.extract_bounded`` and is reported for that
article, not a hang."""
from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrack import extract
from quotetrack.timed_extract import ExtractionTimeout, extract_bounded

from quote_checks import extract_checked
from reliability_helpers import corpus_records, plain_engine, run_cli, scalar, write_jsonl

# -- 3. properties ------------------------------------------------------------------------------------------------
WORDS = ["وقال", "قال", "وأكد", "أكدت", "وأضاف", "أضافت", "مضيفا", "وتابع", "أوضح", "صرح", "وذكرت", "أعلن", "نفى",
         "إن", "أن", "إنه", "بأن", "الوزير", "المتحدث", "باسم", "الحكومة", "مصدر", "مسؤول", "بحسب", "وفقا", "لـ",
         "نقلا", "عن", "محمد", "عبد", "الله", "السيسي", "بلينكن", "في", "تصريح", "لوكالة", "رويترز", "على", "الحل"]
MARKS = ["«", "»", "“", "”", "„", "‟", '"', "'", "‘", "’", "‹", "›", "「", "」", "『", "』", "(", ")", ":", "،", ".",
         "؛", "؟", "!", "\n", "\n\n"]
INVISIBLE = ["\u200f", "\u200e", "\u061c", "\u202b", "\u202c", "\u2067", "\u2069", "\u200b", "\u00a0", "\ufeff"]
DIACRITICS = ["\u064b", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640", "\u0670"]
DIGITS = ["2021", "١٤٤٢", "۱۲", "29/6/2021", "10%", "٣٫٥"]


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 80))):
        kind = draw(st.integers(0, 9))
        if kind < 4:
            w = draw(st.sampled_from(WORDS))
            if draw(st.booleans()):  # diacritics / tatweel inside the word
                i = draw(st.integers(0, len(w)))
                w = w[:i] + draw(st.sampled_from(DIACRITICS)) + w[i:]
            parts.append(w)
        elif kind < 7:
            parts.append(draw(st.sampled_from(MARKS)))
        elif kind < 8:
            parts.append(draw(st.sampled_from(INVISIBLE)))
        elif kind < 9:
            parts.append(draw(st.sampled_from(DIGITS)))
        else:
            parts.append(draw(st.text(max_size=6)))
    seps = draw(st.lists(st.sampled_from([" ", "", " ", "  ", "\u200f "]), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text())
def test_generated_mixed_text(text: str) -> None:
    extract_checked(text)


# -- 4. pathological input ----------------------------------------------------------------------------------------
HOSTILE = {
    "nested": "«" * 20000 + "قال الوزير إن الحل قريب" + "»" * 20000,
    "unclosed": "وقال الرئيس إن " + "«" * 30000 + " الحل",
    "alternating": ('"“«„' + "وقال الرئيس ") * 5000,
    "quote_soup": "".join("«“\"'”»„‘’"[i % 9] + "قال" for i in range(30000)),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_quotation_marks_are_bounded(name: str) -> None:
    text = HOSTILE[name]
    budget = 3.0
    t0 = time.perf_counter()
    try:
        quotes = extract_bounded(text, budget)
    except ExtractionTimeout:
        quotes = None
    elapsed = time.perf_counter() - t0
    assert elapsed < budget + 1.0, f"{name}: {elapsed:.1f} s"
    for q in quotes or []:
        assert text[q.start:q.end] == q.content


def test_many_cues_in_one_unterminated_sentence_is_fast() -> None:
    """Was quadratic (a 48k-character run-on sentence took ~10 s); clause scans are now bounded."""
    text = "« قال الوزير إن " * 3000
    t0 = time.perf_counter()
    try:
        extract_bounded(text, 2.0)
    except ExtractionTimeout:
        pass
    assert time.perf_counter() - t0 < 1.5


def test_budget_restores_the_callers_timer_and_extractor_state() -> None:
    art = corpus_records(5)[2]["text"]
    before = extract(art)
    fired: list[int] = []
    old = signal.signal(signal.SIGALRM, lambda s, f: fired.append(s))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        with pytest.raises(ExtractionTimeout, match="0.2 s budget"):
            extract_bounded("« قال الوزير إن " * 200000, 0.2)  # about 2.5 s of work: 10x the budget
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < remaining <= 30  # the caller's timer is back, minus the time spent
        assert signal.getsignal(signal.SIGALRM) is not old and fired == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert extract(art) == before  # an interrupted run leaves nothing behind


def test_ten_mb_paragraph_through_the_cli(tmp_path: Path) -> None:
    """One 10 MB paragraph between two normal articles: it is stopped at the budget and
    reported with its file:line; the others are stored; the exit code is 1."""
    recs = corpus_records(3)
    para = " ".join(r["text"].replace("\n", " ") for r in corpus_records(300))
    big = (para * (10_000_000 // len(para.encode()) + 1))
    big = big[:len(big) * 10_000_000 // len(big.encode())]
    assert len(big.encode()) >= 9_000_000
    f = write_jsonl(tmp_path / "in.jsonl", [recs[0], {"id": "huge", "text": big}, recs[1]])
    url = f"sqlite:///{tmp_path / 'q.db'}"
    budget = 3
    t0 = time.monotonic()
    r = run_cli(url, "ingest", str(f), "-q", QUOTETRACK_EXTRACT_TIMEOUT=str(budget))
    elapsed = time.monotonic() - t0
    assert r.returncode == 1, r.stderr
    lines = [x for x in r.stderr.splitlines() if f"{f}:2" in x]
    assert len(lines) == 1 and "'huge'" in lines[0] and "timed out" in lines[0] and f"{budget} s budget" in lines[0]
    assert elapsed < budget + 15  # budget + start-up + reading/storing the two normal articles
    eng = plain_engine(url)
    try:
        assert scalar(eng, "SELECT count(*) FROM articles") == 2
        assert scalar(eng, "SELECT count(*) FROM articles WHERE external_id = 'huge'") == 0
    finally:
        eng.dispose()


def test_extract_cli_reports_a_timed_out_article(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "ok", "text": "وقال الوزير إن الحل قريب."}, ensure_ascii=False) + "\n"
                 + json.dumps({"id": "bad", "text": "« قال الوزير إن " * 200000}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    r = run_cli("sqlite://", "extract", str(f), "-f", "jsonl", QUOTETRACK_EXTRACT_TIMEOUT="0.2")
    assert r.returncode == 1
    assert [json.loads(x)["article_id"] for x in r.stdout.splitlines()] == ["ok"]
    assert any(f"{f}:2" in x and "timed out" in x for x in r.stderr.splitlines())
