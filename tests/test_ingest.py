"""Ingest on SQLite and PostgreSQL: idempotence, --reextract, bad records, crashes,
speakers across articles and manual merges."""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotetrack.db.models import Article, Outlet, Quote, Speaker, SpeakerAlias
from quotetrack.db.speaker_edits import merge_speakers
from quotetrack.db.speakers import speaker_key
from quotetrack.ingest import ingest
from quotetrack.inputs import Article as InArticle
from quotetrack.extractor.quote import Quote as Q

from conftest import GOLD_SAMPLE, GoldExtractor


def counts(engine: Any) -> dict[str, int]:
    with Session(engine) as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m))
                for m in (Outlet, Article, Speaker, SpeakerAlias, Quote)}


def q(text: str, content: str, speaker: str | None, *, kind: str = "person", mention: str | None = None,
      title: str | None = None, gender: str | None = "m") -> Q:
    start = text.index(content)
    return Q(content=content, start=start, end=start + len(content), type="indirect", cue="قال", cue_lemma="قال",
             stance=None, speaker=speaker, speaker_kind=kind, gender=gender, mention=mention, mention_start=None,
             mention_end=None, title=title, via=None, channel=None, rule="test")


def test_gold_article_24_quotes(engine: Any, gold_articles: list[dict[str, Any]],
                                gold_extractor: GoldExtractor) -> None:
    rec = next(r for r in gold_articles if len(r["quotes"]) == 24)
    art = InArticle(id=rec["id"], text=rec["text"], outlet=rec["outlet"], date=rec["date"], source="gold", line=1)
    s = ingest([art], engine, extractor=gold_extractor, extractor_version="test")
    assert (s.read, s.new, s.failed, s.quotes) == (1, 1, 0, 24)
    with Session(engine) as ses:
        a = ses.scalars(select(Article)).one()
        assert a.external_id == rec["id"] and a.published.isoformat() == "2021-06-29"
        assert a.outlet is not None and a.outlet.name == "الجزيرة"
        rows = ses.scalars(select(Quote).where(Quote.article_id == a.id)).all()
        assert len(rows) == 24
        for r in rows:  # offsets index the stored original text
            assert a.text[r.char_start:r.char_end] == r.content
        names = set(ses.scalars(select(Speaker.name)))
        assert "واين ماروتو" in names
        # titles live on the quote, never in the name
        assert not any(n.startswith("المتحدث") for n in names)
        assert any(r.title == "المتحدث باسم التحالف الدولي في سوريا" for r in rows)


def test_whole_file_then_reingest_adds_nothing(engine: Any, gold_extractor: GoldExtractor) -> None:
    s1 = ingest([GOLD_SAMPLE], engine, extractor=gold_extractor, extractor_version="test", batch_size=2)
    assert (s1.read, s1.new, s1.skipped, s1.failed) == (3, 3, 0, 0)
    gold_total = sum(len(json.loads(l)["quotes"]) for l in GOLD_SAMPLE.read_text("utf-8").splitlines())
    assert s1.quotes == gold_total
    before = counts(engine)
    assert before["quotes"] == gold_total and before["articles"] == 3
    calls = gold_extractor.calls
    s2 = ingest([GOLD_SAMPLE, str(GOLD_SAMPLE)], engine, extractor=gold_extractor, extractor_version="test")
    assert (s2.read, s2.new, s2.skipped, s2.quotes, s2.speakers_new) == (6, 0, 6, 0, 0)
    assert counts(engine) == before
    assert gold_extractor.calls == calls  # stored articles are not extracted again


def test_reextract_replaces_quotes(engine: Any, gold_extractor: GoldExtractor,
                                   gold_articles: list[dict[str, Any]]) -> None:
    ingest([GOLD_SAMPLE], engine, extractor=gold_extractor, extractor_version="v1")
    before = counts(engine)
    rec = gold_articles[0]
    # the "new extractor" finds only the first two quotes of the first article
    gold_extractor.add(rec["text"], gold_extractor.by_text[rec["text"]][:2])
    s = ingest([GOLD_SAMPLE], engine, extractor=gold_extractor, extractor_version="v2", reextract=True)
    assert (s.new, s.replaced, s.skipped) == (0, 3, 0), s.problems
    after = counts(engine)
    assert after["articles"] == before["articles"]
    assert after["quotes"] == before["quotes"] - len(rec["quotes"]) + 2
    with Session(engine) as ses:
        a = ses.scalars(select(Article).where(Article.external_id == rec["id"])).one()
        assert a.extractor_version == "v2"
        assert len(a.quotes) == 2


def test_bad_lines_are_reported_and_good_articles_kept(engine: Any, tmp_path: Path,
                                                       gold_extractor: GoldExtractor) -> None:
    good = [json.loads(l) for l in GOLD_SAMPLE.read_text("utf-8").splitlines()]
    lines = [
        json.dumps(good[0], ensure_ascii=False).encode(),
        b'{"id": "bad-utf8", "text": "\xff\xfe broken"}',
        b"this is not json",
        json.dumps({"id": "no-text", "outlet": "x"}).encode(),
        json.dumps({"id": "bad-date", "date": "يوم ما", "text": good[1]["text"], "outlet": good[1]["outlet"]},
                   ensure_ascii=False).encode(),
        json.dumps(good[2], ensure_ascii=False).encode(),
    ]
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    s = ingest([f], engine, extractor=gold_extractor, extractor_version="test")
    assert (s.read, s.new, s.failed) == (3, 3, 3)
    where = sorted(str(p).split(": ")[0] for p in s.problems)
    assert where == [f"{f}:2", f"{f}:3", f"{f}:4"]
    assert any("invalid UTF-8" in str(p) for p in s.problems)
    assert any(f"{f}:5" in w and "يوم ما" in w for w in s.warnings)
    with Session(engine) as ses:
        a = ses.scalars(select(Article).where(Article.external_id == "bad-date")).one()
        assert a.published is None
        assert len(a.quotes) == len(good[1]["quotes"])


def test_extraction_failure_is_one_problem(engine: Any, tmp_path: Path) -> None:
    def extractor(text: str) -> list[Q]:
        if "boom" in text:
            raise TimeoutError("pattern timed out")
        return [q(text, "الحل قريب", "أحمد علي")]

    arts = [InArticle(id=f"a{i}", text=f"قال أحمد علي إن الحل قريب {'boom' if i == 1 else ''}", source="s", line=i)
            for i in range(3)]
    s = ingest(arts, engine, extractor=extractor, extractor_version="t")
    assert (s.new, s.failed, s.quotes) == (2, 1, 2)
    assert "s:1" in str(s.problems[0]) and "timed out" in str(s.problems[0])


def test_article_refused_by_database_fails_alone(engine: Any) -> None:
    """PostgreSQL refuses NUL characters in text: that article fails, its batch-mates are kept."""
    arts = [InArticle(id=f"n{i}", text=f"نص {i}" + ("\x00" if i == 2 else ""), source="s", line=i) for i in range(5)]
    s = ingest(arts, engine, extractor=lambda t: [], extractor_version="t", batch_size=10)
    if engine.dialect.name == "postgresql":
        assert (s.new, s.failed) == (4, 1)
        assert "s:2" in str(s.problems[0])
    else:
        assert (s.new, s.failed) == (5, 0)
    assert counts(engine)["articles"] == s.new


class Crash(BaseException):
    """Not an Exception: stands for a kill / KeyboardInterrupt in the middle of a batch."""


def test_crash_mid_ingest_then_rerun(engine: Any, tmp_path: Path) -> None:
    texts = [f"قال المتحدث محمد سالم {i} إن العمل مستمر في المشروع رقم {i}" for i in range(23)]
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps({"id": f"m{i}", "outlet": "وكالة", "text": t}, ensure_ascii=False) + "\n"
                         for i, t in enumerate(texts)), encoding="utf-8")
    seen = {"n": 0}

    def crashing(text: str) -> list[Q]:
        seen["n"] += 1
        if seen["n"] == 13:
            raise Crash()
        return [q(text, "العمل مستمر", "محمد سالم")]

    with pytest.raises(Crash):
        ingest([f], engine, extractor=crashing, extractor_version="t", batch_size=5)
    c = counts(engine)
    assert c["articles"] == 10 and c["quotes"] == 10  # two committed batches, nothing of the third
    with Session(engine) as ses:  # consistent: every stored article has its quote
        assert ses.scalar(select(func.count()).select_from(Article).where(~Article.quotes.any())) == 0
    s = ingest([f], engine, extractor=lambda t: [q(t, "العمل مستمر", "محمد سالم")], extractor_version="t",
               batch_size=5)
    assert (s.new, s.skipped) == (13, 10)
    c = counts(engine)
    assert c["articles"] == 23 and c["quotes"] == 23 and c["speakers"] == 1 and c["outlets"] == 1


def test_concurrent_ingesters_never_duplicate(db_url: str, engine: Any, tmp_path: Path) -> None:
    from quotetrack.db.migrate import open_db

    texts = [f"قال الوزير خالد عمر إن الاتفاق {i} قريب" for i in range(40)]
    f = tmp_path / "c.jsonl"
    f.write_text("".join(json.dumps({"id": f"c{i}", "outlet": "الجزيرة", "text": t}, ensure_ascii=False) + "\n"
                         for i, t in enumerate(texts)), encoding="utf-8")
    ex = lambda t: [q(t, "الاتفاق", "خالد عمر", title="الوزير", mention="الوزير خالد عمر")]  # noqa: E731
    errors: list[BaseException] = []
    summaries: list[Any] = []

    def run() -> None:
        eng = open_db(db_url)
        try:
            summaries.append(ingest([f], eng, extractor=ex, extractor_version="t", batch_size=3))
        except BaseException as e:  # noqa: BLE001
            errors.append(e)
        finally:
            eng.dispose()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    # a conflicting insert must be ignored, not reported as a failed article: every ingester read all 40,
    # none failed, and between them each article was stored exactly once (the others skipped it)
    assert [(s.read, s.failed, s.problems) for s in summaries] == [(40, 0, [])] * 3
    assert (sum(s.new for s in summaries), sum(s.skipped for s in summaries), sum(s.quotes for s in summaries),
            sum(s.speakers_new for s in summaries)) == (40, 80, 40, 1)
    c = counts(engine)
    assert (c["articles"], c["quotes"], c["speakers"], c["outlets"]) == (40, 40, 1, 1)


# -- speakers across articles --------------------------------------------------------------------------------------
BLINKEN_FULL = "قال وزير الخارجية الأميركي أنتوني بلينكن إن بلاده تدعم الحل الدبلوماسي."
BLINKEN_BARE = "وأكد بلينكن أن الولايات المتحدة ستواصل العمل مع شركائها."
BLINKEN_VARIANT = "وقال أنتوني بلينكين إن المحادثات مستمرة."
ANON = "وقال مسؤول أميركي إن القرار لم يتخذ بعد."
ANON2 = "وذكر مسؤول أمريكي أن الاجتماع تأجل."


def _speaker_ingest(engine: Any, *texts_quotes: tuple[str, Q]) -> Any:
    ex = GoldExtractor()
    arts = []
    for i, (t, qq) in enumerate(texts_quotes):
        ex.add(t, [qq])
        arts.append(InArticle(id=f"sp{i}-{abs(hash(t)) % 10**8}", text=t, source="t", line=i))
    return ingest(arts, engine, extractor=ex, extractor_version="t")


def _speaker_of(engine: Any, content: str) -> Speaker:
    with Session(engine) as s:
        sp = s.scalars(select(Speaker).join(Quote, Quote.speaker_id == Speaker.id)
                       .where(Quote.content == content)).one()
        s.expunge(sp)
        return sp


def test_bare_surname_in_another_article_joins_the_person(engine: Any) -> None:
    _speaker_ingest(engine, (BLINKEN_FULL, q(BLINKEN_FULL, "بلاده تدعم الحل الدبلوماسي", "أنتوني بلينكن",
                                             title="وزير الخارجية الأميركي",
                                             mention="وزير الخارجية الأميركي أنتوني بلينكن")))
    _speaker_ingest(engine, (BLINKEN_BARE, q(BLINKEN_BARE, "الولايات المتحدة ستواصل العمل", "بلينكن",
                                             mention="بلينكن")))
    a = _speaker_of(engine, "بلاده تدعم الحل الدبلوماسي")
    b = _speaker_of(engine, "الولايات المتحدة ستواصل العمل")
    assert a.id == b.id and a.name == "أنتوني بلينكن" and a.kind == "person"
    with Session(engine) as s:
        aliases = set(s.scalars(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == a.id)))
        titles = set(s.scalars(select(Quote.title).where(Quote.speaker_id == a.id)))
    assert {"أنتوني بلينكن", "بلينكن"} <= aliases
    assert not any("وزير" in x for x in aliases)
    assert titles == {"وزير الخارجية الأميركي", None}


def test_bare_surname_first_then_full_name(engine: Any) -> None:
    _speaker_ingest(engine, (BLINKEN_BARE, q(BLINKEN_BARE, "الولايات المتحدة ستواصل العمل", "بلينكن")))
    _speaker_ingest(engine, (BLINKEN_FULL, q(BLINKEN_FULL, "بلاده تدعم الحل الدبلوماسي", "أنتوني بلينكن")))
    a = _speaker_of(engine, "بلاده تدعم الحل الدبلوماسي")
    assert a.id == _speaker_of(engine, "الولايات المتحدة ستواصل العمل").id
    assert a.name == "أنتوني بلينكن"


def test_bare_surname_of_two_people_joins_neither(engine: Any) -> None:
    t1, t2, t3 = "قال أحمد سالم إن الخطة جاهزة.", "وقال خالد سالم إن التمويل متوفر.", "وأكد سالم أن التنفيذ يبدأ غدا."
    _speaker_ingest(engine, (t1, q(t1, "الخطة جاهزة", "أحمد سالم")), (t2, q(t2, "التمويل متوفر", "خالد سالم")))
    _speaker_ingest(engine, (t3, q(t3, "التنفيذ يبدأ غدا", "سالم")))
    bare = _speaker_of(engine, "التنفيذ يبدأ غدا")
    assert bare.name == "سالم" and counts(engine)["speakers"] == 3


def test_spelling_variants_fold_to_one_speaker(engine: Any) -> None:
    t1 = "قال الأمين العام أنطونيو غوتيريش إن الوضع خطير."
    t2 = "وقال أنطونيو جوتيريش إن المساعدات ضرورية."
    t3 = "وقال أَنْطونيو غوتيريش إن الحل سياسي."  # harakat
    _speaker_ingest(engine, (t1, q(t1, "الوضع خطير", "أنطونيو غوتيريش")), (t2, q(t2, "المساعدات ضرورية",
                                                                                   "أنطونيو جوتيريش")),
                    (t3, q(t3, "الحل سياسي", "أَنْطونيو غوتيريش")),
                    (BLINKEN_FULL, q(BLINKEN_FULL, "بلاده تدعم الحل الدبلوماسي", "أنتوني بلينكن")),
                    (BLINKEN_VARIANT, q(BLINKEN_VARIANT, "المحادثات مستمرة", "أنتوني بلينكين")))
    ids = {_speaker_of(engine, c).id for c in ("الوضع خطير", "المساعدات ضرورية", "الحل سياسي")}
    assert len(ids) == 1
    assert _speaker_of(engine, "بلاده تدعم الحل الدبلوماسي").id == _speaker_of(engine, "المحادثات مستمرة").id
    assert speaker_key("عبد الله") == speaker_key("عبدالله")


def test_similar_arabic_names_are_not_merged(engine: Any) -> None:
    t1, t2 = "قال محمد عباس إن الأمر انتهى.", "قال محمود عباس إن السلام ممكن."
    _speaker_ingest(engine, (t1, q(t1, "الأمر انتهى", "محمد عباس")), (t2, q(t2, "السلام ممكن", "محمود عباس")))
    assert _speaker_of(engine, "الأمر انتهى").id != _speaker_of(engine, "السلام ممكن").id


def test_anonymous_grouped_within_their_article_never_merged_with_people(engine: Any) -> None:
    t0 = "قال أميركي إن الطقس جميل."
    _speaker_ingest(engine, (ANON, q(ANON, "القرار لم يتخذ بعد", "مسؤول أميركي", kind="anonymous", gender=None)),
                    (ANON2, q(ANON2, "الاجتماع تأجل", "مسؤول أمريكي", kind="anonymous", gender=None)),
                    (t0, q(t0, "الطقس جميل", "أميركي")))
    a, b = _speaker_of(engine, "القرار لم يتخذ بعد"), _speaker_of(engine, "الاجتماع تأجل")
    assert a.kind == "anonymous" and a.id != b.id  # different descriptions (spelling aside) stay apart...
    person = _speaker_of(engine, "الطقس جميل")
    assert person.kind == "person" and person.id not in (a.id, b.id)
    t3 = "وقال مسؤول أميركي إن المحادثات مستمرة. وأضاف مسؤول أميركي أن الوفد وصل."
    _speaker_ingest(engine, (t3, q(t3, "المحادثات مستمرة", "مسؤول أميركي", kind="anonymous", gender=None)))
    # ...and the same description in another article is another source (issue 12)
    assert _speaker_of(engine, "المحادثات مستمرة").id != a.id


def test_merge_survives_reingest(engine: Any) -> None:
    t1 = "قال الرئيس أبو مازن إن الشعب صامد."
    t2 = "وقال محمود عباس إن الدولة قادمة."
    ex = GoldExtractor()
    ex.add(t1, [q(t1, "الشعب صامد", "أبو مازن")])
    ex.add(t2, [q(t2, "الدولة قادمة", "محمود عباس")])
    arts = [InArticle(id="m1", text=t1), InArticle(id="m2", text=t2)]
    ingest(arts, engine, extractor=ex, extractor_version="t")
    a, b = _speaker_of(engine, "الدولة قادمة"), _speaker_of(engine, "الشعب صامد")
    assert a.id != b.id
    r = merge_speakers(engine, "محمود عباس", "أبو مازن")
    assert (r.kept_id, r.merged_id, r.quotes_moved) == (a.id, b.id, 1)
    assert _speaker_of(engine, "الشعب صامد").id == a.id
    with Session(engine) as s:
        assert s.get(Speaker, b.id) is None
        manual = s.scalars(select(SpeakerAlias).where(SpeakerAlias.key == speaker_key("أبو مازن"))).one()
        assert manual.manual is True and manual.speaker_id == a.id
    # re-extract everything, and ingest a new article naming أبو مازن: all go to the kept speaker
    t3 = "وأكد أبو مازن أن المفاوضات متوقفة."
    ex.add(t3, [q(t3, "المفاوضات متوقفة", "أبو مازن")])
    ingest(arts, engine, extractor=ex, extractor_version="t", reextract=True)
    ingest([InArticle(id="m3", text=t3)], engine, extractor=ex, extractor_version="t")
    for c in ("الشعب صامد", "الدولة قادمة", "المفاوضات متوقفة"):
        assert _speaker_of(engine, c).id == a.id
    assert counts(engine)["speakers"] == 1


def test_merge_moves_the_merged_speakers_aliases(engine: Any) -> None:
    """B's other spellings (aliases the resolver recorded) belong to A after the merge: a later
    article naming one of them links to A and creates no speaker."""
    t1 = "قال وزير الخارجية رياض المالكي إن الاعتراف خطوة مهمة."
    t2 = "وأضاف المالكي أن الجهود ستتواصل."
    t3 = "وقال رياض مالكي إن الوفد سيصل غدا."
    _speaker_ingest(engine, (t1, q(t1, "الاعتراف خطوة مهمة", "رياض المالكي", title="وزير الخارجية")),
                    (t2, q(t2, "الجهود ستتواصل", "المالكي")), (t3, q(t3, "الوفد سيصل غدا", "رياض مالكي")))
    a, b = _speaker_of(engine, "الوفد سيصل غدا"), _speaker_of(engine, "الاعتراف خطوة مهمة")
    assert a.id != b.id and _speaker_of(engine, "الجهود ستتواصل").id == b.id  # the bare surname joined B
    with Session(engine) as s:
        b_aliases = set(s.scalars(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == b.id)))
    assert b_aliases == {"رياض المالكي", "المالكي"}
    r = merge_speakers(engine, "رياض مالكي", "رياض المالكي")
    assert (r.kept_id, r.merged_id, r.quotes_moved, r.aliases_moved) == (a.id, b.id, 2, 2)
    with Session(engine) as s:
        moved = {alias: sid for alias, sid in s.execute(select(SpeakerAlias.alias, SpeakerAlias.speaker_id)
                                                         .where(SpeakerAlias.alias.in_(b_aliases)))}
    assert moved == {"رياض المالكي": a.id, "المالكي": a.id}
    t4 = "وأكد المالكي أن القرار نهائي."
    _speaker_ingest(engine, (t4, q(t4, "القرار نهائي", "المالكي")))
    assert _speaker_of(engine, "القرار نهائي").id == a.id
    assert counts(engine)["speakers"] == 1


def test_txt_html_and_directories(engine: Any, tmp_path: Path) -> None:
    d = tmp_path / "in" / "sub"
    d.mkdir(parents=True)
    (d / "one.txt").write_text(BLINKEN_FULL, encoding="utf-8")
    (tmp_path / "in" / "page.html").write_text(
        '<html lang="ar"><head><meta charset="utf-8"><meta property="og:site_name" content="الجزيرة نت">'
        '<meta property="article:published_time" content="2021-06-29T10:00:00Z">'
        '<meta property="og:url" content="https://www.aljazeera.net/news/x"><title>عنوان</title></head>'
        f"<body><article><h1>عنوان الخبر</h1><p>{BLINKEN_FULL}</p><p>{BLINKEN_BARE} {ANON}</p></article></body></html>",
        encoding="utf-8")
    s = ingest([tmp_path / "in"], engine, extractor=lambda t: [], extractor_version="t")
    assert (s.read, s.new, s.failed) == (2, 2, 0)
    (tmp_path / "two.txt").write_text(BLINKEN_BARE, encoding="utf-8")
    s = ingest([tmp_path / "two.txt"], engine, extractor=lambda t: [], extractor_version="t",
               meta={"outlet": "رويترز", "date": "29 حزيران (يونيو) 2021", "url": "https://www.reuters.com/x"})
    assert (s.read, s.new) == (1, 1)
    with Session(engine) as ses:
        page = ses.scalars(select(Article).where(Article.external_id == "in/page.html")).one()
        assert page.outlet is not None and page.outlet.name == "الجزيرة نت"
        assert page.outlet.domain == "aljazeera.net"
        assert str(page.published) == "2021-06-29" and "بلينكن" in page.text
        assert ses.scalars(select(Article).where(Article.external_id == "in/sub/one.txt")).one().outlet is None
        two = ses.scalars(select(Article).where(Article.external_id == "two.txt")).one()
        assert two.outlet is not None and two.outlet.name == "رويترز" and two.outlet.domain == "reuters.com"
        assert str(two.published) == "2021-06-29" and two.url == "https://www.reuters.com/x"


def test_own_outlet_is_not_stored_as_via(engine: Any) -> None:
    """The extractor cannot know the publisher; ingest does, and clears a via that names it."""
    text = "وقال الوزير في حديثه لـ«سبق» إن المشروع سيكتمل العام المقبل."
    arts = [InArticle(id="own", text=text, outlet="صحيفة سبق", date=None, title=None, url=None, source="t", line=1),
            InArticle(id="other", text=text, outlet="عكاظ", date=None, title=None, url=None, source="t", line=2)]
    s = ingest(arts, engine)
    assert (s.new, s.failed) == (2, 0)
    with Session(engine) as ses:
        vias = dict(ses.execute(select(Article.external_id, Quote.via).join(Quote, Quote.article_id == Article.id)).all())
    assert vias == {"own": None, "other": "سبق"}


def test_a_deadlocked_batch_is_run_again_once(engine: Any, gold_extractor: GoldExtractor,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL aborts one of two deadlocked transactions (SQLSTATE 40P01); the ingester rolls back
    and runs the batch again instead of failing: every article once, quote counts right."""
    from sqlalchemy.exc import OperationalError

    import quotetrack.ingest as ing

    class Deadlock(Exception):
        sqlstate = "40P01"

    real_store = ing._Ingester._store
    calls: list[int] = []

    def store_once_deadlocked(self: Any, s: Any, batch: Any) -> Any:
        out = real_store(self, s, batch)  # the rows are written, then the transaction is aborted
        calls.append(len(batch))
        if len(calls) == 1:
            raise OperationalError("INSERT …", {}, Deadlock("deadlock detected"))
        return out

    monkeypatch.setattr(ing._Ingester, "_store", store_once_deadlocked)
    s = ingest([GOLD_SAMPLE], engine, extractor=gold_extractor, extractor_version="gold")
    assert s.failed == 0 and s.new == 3 and len(calls) >= 2
    with Session(engine) as ses:
        assert ses.scalar(select(func.count()).select_from(Article)) == 3
        assert ses.scalar(select(func.count()).select_from(Quote)) == s.quotes > 0
