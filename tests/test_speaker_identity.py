"""Speaker identity: the name-shape guard, order-independent resolution on real corpus articles
(forward, reversed, shuffled, interrupted then resumed, re-extracted: identical dumps on SQLite and
PostgreSQL), the linking rules, and manual corrections that survive re-ingest and --reextract."""
from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from identity_dump import identity_dump
from quotetrack import extract
from quotetrack.db.models import Quote, Speaker, SpeakerAlias
from quotetrack.db.name_shape import is_generic, name_problem
from quotetrack.db.speaker_edits import (merge_speakers, remove_alias, rename_speaker, review_speakers,
                                         split_speaker)
from quotetrack.db.speakers import SCOPE_SEP, loose_key, same_word, speaker_key, surname_key
from quotetrack.extractor.quote import Quote as Q
from quotetrack.ingest import ingest
from quotetrack.inputs import Article

BULK = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bulk.jsonl"
#: corpus articles of the order test (QUOTETRACK_IDENTITY_ARTICLES=2000 runs the issue's full check, ~2 min)
N_ARTICLES = int(os.environ.get("QUOTETRACK_IDENTITY_ARTICLES", "300"))


# ---------------------------------------------------------------- the guard at the door

@pytest.mark.parametrize("name,kind,bad", [
    ("شفتيزر لـ", "person", True),          # every "قال لـ…" once became this catch-all
    ("مقتل عدد", "person", True),
    ("صلاح دمرداش أحد", "person", True),
    ("كريستيانو رونالدو أكثر", "person", True),
    ("بلدية ينبع د", "organization", True),  # a lone letter
    ("وقال", "person", True),                # a verb of the lexicon
    ("المتحدث الرسمي", "person", True),      # a title without a name
    ("وزير الخارجية الأميركي", "person", True),
    ("X على", "person", True),
    ("على موقع تويتر", "person", True),     # a leading preposition
    ("العربية.نت", "person", True),
    ("لـCNN", "person", True),
    ("البعض", "person", True),
    ("تاكيشيمي مينامي كبير", "person", True),  # a title word after the name
    ("خليل الوزير", "person", False),        # a definite surname that is also a title word
    ("لدودا لهم", "person", True),           # a preposition with a pronoun suffix
    ("الأمين العام لمجلس التعاون", "person", True),
    ("عضو مجلس الشورى", "person", True),
    ("الرئيس السوري بشار الأسد", "person", False),
    ("الله تعالى", "person", True),
    ("أحدهم", "person", True),
    ("علي", "person", False),                # the name, not the preposition على
    ("عبد الفتاح السيسي", "person", False),
    ("السيسي", "person", False),             # a definite surname is not a nisba title
    ("الملك سلمان", "person", False),
    ("أمل كلوني", "person", False),
    ("مصادر مطلعة", "anonymous", False),
    ("المصدر في الإليزيه", "anonymous", False),
    ("الأمم المتحدة", "organization", False),
    ("فيسبوك", "person", True),             # a platform is where it was posted
    ("فيسبوك", "organization", False),       # but the company may speak ("وقالت فيسبوك إن")
])
def test_name_shape(name: str, kind: str, bad: bool) -> None:
    assert (name_problem(name, kind) is not None) is bad, name_problem(name, kind)


def test_generic_names_and_transliteration_keys() -> None:
    assert is_generic("المصدر") and is_generic("البيان") and is_generic("الوزارة")
    assert not is_generic("السيسي") and not is_generic("حماس") and not is_generic("مصادر مطلعة")
    key = lambda n: loose_key(speaker_key(n))  # noqa: E731
    assert key("دونالد ترامب") == key("دونالد ترمب")
    assert key("أنتوني بلينكن") == key("انتوني بلينكين")
    assert key("أنطونيو غوتيريش") == key("أنطونيو جوتيريش")
    assert key("سيرغي لافروف") == key("سيرجي لافروف")
    assert key("أنطونيو غوتيريش") == key("أنطونيو غوتيريس")
    assert key("حسن نصر الله") == key("حسن نصرالله")
    assert key("عادل بن أحمد الجبير") == key("عادل الجبير")
    assert surname_key(speaker_key("بوتن")) == surname_key(speaker_key("فلاديمير بوتين"))
    assert surname_key(speaker_key("الجابري")) != surname_key(speaker_key("عادل الجبير"))
    assert surname_key(speaker_key("العمر")) != surname_key(speaker_key("خالد العمري"))
    assert same_word("بوتن", "بوتين") and same_word("ترامب", "ترمب") and same_word("زوكربرغ", "زوكربيرغ")
    assert not same_word("قدير", "قدور") and not same_word("ناصر", "نصر") and not same_word("سعيد", "سعد")
    # Arabic names where a vowel letter matters stay apart
    assert key("محمد بن سلمان") != key("محمد بن سليمان")
    assert key("محمد عباس") != key("محمود عباس")


def _q(text_: str, content: str, speaker: str | None, *, kind: str = "person", mention: str | None = None,
       gender: str | None = "m", via: str | None = None) -> Q:
    start = text_.index(content)
    return Q(content=content, start=start, end=start + len(content), type="indirect", cue="قال", cue_lemma="قال",
             stance="neutral", speaker=speaker, speaker_kind=kind, gender=gender,  # type: ignore[arg-type]
             mention=mention or speaker, mention_start=None, mention_end=None, title=None, via=via, channel=None,
             rule="test")


class _Fixed:
    """An extractor answering from a table (text -> quotes), so tests choose the names."""

    def __init__(self) -> None:
        self.table: dict[str, list[Q]] = {}

    def add(self, text_: str, *quotes: Q) -> str:
        self.table[text_] = list(quotes)
        return text_

    def __call__(self, text_: str) -> list[Q]:
        return self.table.get(text_, [])


def _ingest(engine: Engine, fx: _Fixed, *texts: str, reextract: bool = False, ids: list[str] | None = None) -> Any:
    arts = [Article(id=(ids[i] if ids else f"a{abs(hash(t)) % 10**8}"), text=t, outlet=f"outlet{i % 3}",
                    date="2021-06-01", title=None, url=None, source="test") for i, t in enumerate(texts)]
    return ingest(arts, engine, extractor=fx, extractor_version="test", reextract=reextract)


def _speaker_of(engine: Engine, content: str) -> tuple[str, str] | None:
    with Session(engine) as s:
        row = s.execute(select(Speaker.name, Speaker.key).join(Quote, Quote.speaker_id == Speaker.id)
                        .where(Quote.content == content)).first()
    return (row[0], row[1]) if row else None


def test_a_fragment_is_stored_as_mention_without_speaker(engine: Engine) -> None:
    fx = _Fixed()
    t = fx.add("وقال شفتيزر لـ الصحيفة إن الوضع صعب. وقال مقتل عدد إن الحرب طويلة. وقال زيد حمدان إن السلام قريب.",
               _q("وقال شفتيزر لـ الصحيفة إن الوضع صعب. وقال مقتل عدد إن الحرب طويلة. وقال زيد حمدان إن السلام قريب.",
                  "الوضع صعب", "شفتيزر لـ"),
               _q("وقال شفتيزر لـ الصحيفة إن الوضع صعب. وقال مقتل عدد إن الحرب طويلة. وقال زيد حمدان إن السلام قريب.",
                  "الحرب طويلة", "مقتل عدد"),
               _q("وقال شفتيزر لـ الصحيفة إن الوضع صعب. وقال مقتل عدد إن الحرب طويلة. وقال زيد حمدان إن السلام قريب.",
                  "السلام قريب", "زيد حمدان"))
    summary = _ingest(engine, fx, t)
    assert summary.names_rejected == 2 and summary.quotes == 3
    assert summary.as_dict()["names_rejected"] == 2
    with Session(engine) as s:
        rows = {c: (sid, m) for c, sid, m in s.execute(select(Quote.content, Quote.speaker_id, Quote.mention))}
        names = set(s.scalars(select(Speaker.name)))
    assert rows["الوضع صعب"] == (None, "شفتيزر لـ") and rows["الحرب طويلة"] == (None, "مقتل عدد")
    assert rows["السلام قريب"][0] is not None and names == {"زيد حمدان"}


# ---------------------------------------------------------------- linking rules

def test_one_word_name_joins_a_full_name_only_without_doubt(engine: Engine) -> None:
    fx = _Fixed()
    texts = []
    for i in range(5):
        t = f"نص {i}: قال دونالد ترامب إن الاقتصاد قوي {i}."
        texts.append(fx.add(t, _q(t, f"الاقتصاد قوي {i}", "دونالد ترامب")))
    t = "قال دونالد ترمب إن الجدار ضروري."
    texts.append(fx.add(t, _q(t, "الجدار ضروري", "دونالد ترمب")))       # a transliteration variant
    t = "قالت إيفانكا ترامب إن العائلة متماسكة."
    texts.append(fx.add(t, _q(t, "العائلة متماسكة", "إيفانكا ترامب", gender="f")))
    t = "قال ترامب إن الصين تستغل بلاده."
    texts.append(fx.add(t, _q(t, "الصين تستغل بلاده", "ترامب")))        # 6 quotes vs 1: no doubt
    t_bare = "قال محمد إن الطقس جميل."
    texts.append(fx.add(t_bare, _q(t_bare, "الطقس جميل", "محمد")))
    t1 = "قال أحمد بن محمد إن الفريق جاهز."
    t2 = "قال علي محمد إن المباراة صعبة."
    texts += [fx.add(t1, _q(t1, "الفريق جاهز", "أحمد بن محمد")), fx.add(t2, _q(t2, "المباراة صعبة", "علي محمد"))]
    for order in (texts, texts[::-1]):
        with engine.begin() as c:
            for tb in ("speaker_facets", "speaker_stats", "quotes", "speaker_aliases", "speakers", "articles"):
                c.execute(text(f"DELETE FROM {tb}"))
        _ingest(engine, fx, *order, ids=[f"t{texts.index(t)}" for t in order])
        trump = _speaker_of(engine, "الاقتصاد قوي 0")
        assert trump is not None and trump[0] == "دونالد ترامب"
        assert _speaker_of(engine, "الجدار ضروري") == trump
        assert _speaker_of(engine, "الصين تستغل بلاده") == trump
        assert _speaker_of(engine, "العائلة متماسكة") != trump
        # "محمد" is the last word of two full names of equal weight: a row of its own, in its article
        assert _speaker_of(engine, "الطقس جميل") == ("محمد", "محمد" + SCOPE_SEP + f"t{texts.index(t_bare)}")


def test_a_shorter_or_variant_full_name_joins_the_one_it_is_part_of(engine: Engine) -> None:
    """Second rows the whole corpus showed: "جواد ظريف" (the last words of "محمد جواد ظريف") and
    "فلاديمير بوتن" (the family name with a vowel letter less) join the better-quoted full name, in any
    order; "محمود عباس" is not "محمد عباس" (only the family name may be spelled otherwise)."""
    fx = _Fixed()
    texts = []
    for i in range(4):
        t = f"نص {i}: قال محمد جواد ظريف إن الاتفاق قائم {i}. وقال فلاديمير بوتين إن روسيا مستعدة {i}."
        texts.append(fx.add(t, _q(t, f"الاتفاق قائم {i}", "محمد جواد ظريف"), _q(t, f"روسيا مستعدة {i}", "فلاديمير بوتين")))
    t = "قال جواد ظريف إن طهران لن تتراجع. وقال فلاديمير بوتن إن العقوبات فشلت."
    texts.append(fx.add(t, _q(t, "طهران لن تتراجع", "جواد ظريف"), _q(t, "العقوبات فشلت", "فلاديمير بوتن")))
    t1, t2 = "قال محمد عباس إن الأمر انتهى.", "قال محمود عباس إن السلام ممكن."
    texts += [fx.add(t1, _q(t1, "الأمر انتهى", "محمد عباس")), fx.add(t2, _q(t2, "السلام ممكن", "محمود عباس"))]
    for order in (texts, texts[::-1]):
        with engine.begin() as c:
            for tb in ("speaker_facets", "speaker_stats", "quotes", "speaker_aliases", "speakers", "articles"):
                c.execute(text(f"DELETE FROM {tb}"))
        _ingest(engine, fx, *order, ids=[f"t{texts.index(t)}" for t in order])
        assert _speaker_of(engine, "طهران لن تتراجع") == _speaker_of(engine, "الاتفاق قائم 0")
        assert _speaker_of(engine, "العقوبات فشلت") == _speaker_of(engine, "روسيا مستعدة 0")
        assert _speaker_of(engine, "الاتفاق قائم 0")[0] == "محمد جواد ظريف"
        assert _speaker_of(engine, "الأمر انتهى") != _speaker_of(engine, "السلام ممكن")


def test_anonymous_and_generic_names_stay_in_their_article(engine: Engine) -> None:
    fx = _Fixed()
    t1 = "قالت مصادر مطلعة إن الاتفاق قريب. وأضافت مصادر مطلعة إن التوقيع غدا. وقال المصدر إن الوفد وصل."
    t2 = "قالت مصادر مطلعة إن المحادثات فشلت. وقال المصدر إن الوفد غادر."
    fx.add(t1, _q(t1, "الاتفاق قريب", "مصادر مطلعة", kind="anonymous", gender=None),
           _q(t1, "التوقيع غدا", "مصادر مطلعة", kind="anonymous", gender=None),
           _q(t1, "الوفد وصل", "المصدر", kind="anonymous", gender=None))
    fx.add(t2, _q(t2, "المحادثات فشلت", "مصادر مطلعة", kind="anonymous", gender=None),
           _q(t2, "الوفد غادر", "المصدر", kind="person"))
    _ingest(engine, fx, t1, t2, ids=["x1", "x2"])
    a, b = _speaker_of(engine, "الاتفاق قريب"), _speaker_of(engine, "التوقيع غدا")
    assert a == b and a is not None and a[0] == "مصادر مطلعة" and a[1].endswith(SCOPE_SEP + "x1")
    assert _speaker_of(engine, "المحادثات فشلت") != a
    assert _speaker_of(engine, "الوفد وصل") != _speaker_of(engine, "الوفد غادر")


# ---------------------------------------------------------------- order independence on real articles

def _corpus() -> list[dict[str, Any]]:
    if not BULK.exists():
        pytest.skip(f"corpus not found at {BULK}")
    with BULK.open(encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(N_ARTICLES), f)]


@pytest.fixture(scope="module")
def corpus_run() -> tuple[list[Article], _Fixed]:
    """The first corpus articles and their extraction, computed once (runs below only store)."""
    fx = _Fixed()
    arts = []
    for r in _corpus():
        fx.table[r["text"]] = extract(r["text"], outlet=r.get("outlet"))
        arts.append(Article(id=r["id"], text=r["text"], outlet=r.get("outlet"), date=r.get("date"),
                            title=r.get("title"), url=r.get("url"), source="bulk.jsonl"))
    return arts, fx


def _wipe(engine: Engine) -> None:
    with engine.begin() as c:
        for tb in ("speaker_facets", "speaker_stats", "quotes", "speaker_aliases", "speakers", "articles", "outlets",
                   "intermediary_aliases", "intermediaries"):
            c.execute(text(f"DELETE FROM {tb}"))


def test_identity_does_not_depend_on_order(engine: Engine, corpus_run: tuple[list[Article], _Fixed]) -> None:
    arts, fx = corpus_run
    kw = {"extractor": fx, "extractor_version": "test"}
    ingest(arts, engine, batch_size=200, **kw)
    forward = identity_dump(engine)
    assert len(forward["speakers"]) > 200 and len(forward["links"]) > 800 and len(forward["vias"]) > 5
    shuffled = arts[:]
    random.Random(12).shuffle(shuffled)
    runs = {
        "reversed": [(arts[::-1], 50, 1)],
        "shuffled, two workers": [(shuffled, 37, 2)],
        "interrupted then resumed": [(shuffled[:120], 25, 1), (shuffled, 60, 1)],
    }
    for label, steps in runs.items():
        _wipe(engine)
        for items, batch_size, workers in steps:
            ingest(items, engine, batch_size=batch_size, workers=workers, **kw)
        assert identity_dump(engine) == forward, label
    # re-extracting everything (same extractor) changes nothing
    ingest(arts[::-1], engine, batch_size=70, reextract=True, **kw)
    assert identity_dump(engine) == forward, "--reextract"
    # fixed cases of these articles: spellings and one-word names of one person are one row, a
    # first name alone joins no one
    names = {}
    for key, kind, alias, _g, _m, skey, skind in forward["aliases"]:
        if kind == "person":
            names.setdefault(alias, skey)
    assert names["ترمب"] == names["دونالد ترمب"] in {speaker_key("دونالد ترمب"), speaker_key("دونالد ترامب")}
    erdogan = {names[a] for a in names if "ردوغان" in a}  # every spelling and mention of him: one row
    assert len(erdogan) == 1 and names["رجب طيب أردوغان"] in erdogan
    assert names["محمد"].startswith("محمد" + SCOPE_SEP)  # a first name alone stays in its article
    # (a name alone that spells like another's surname; once the article names him in full, "طه حسين", the
    # one-word mention may be stored under the full name)
    hussein = names.get("حسين", names.get("طه حسين"))
    assert hussein is not None and hussein != names["تامر حسني"]
    # the stored names pass the guard; scoped names never span articles
    with Session(engine) as s:
        for name, kind, key in s.execute(select(Speaker.name, Speaker.kind, Speaker.key)):
            if kind != "anonymous":
                assert name_problem(name, kind) is None, name
            if is_generic(name) or kind == "anonymous":
                assert SCOPE_SEP in key, name


# ---------------------------------------------------------------- corrections survive re-ingest

def test_corrections_survive_reextract(engine: Engine) -> None:
    fx = _Fixed()
    t1 = "قال محمود عباس إن الدولة قادمة."
    t2 = "قال أبو مازن إن الشعب صامد."
    t3 = "قال محمود عباس إن القدس عاصمة."
    t4 = "قال سامي العلي إن الموسم طويل. وقال العلي إن الفريق جاهز."
    fx.add(t1, _q(t1, "الدولة قادمة", "محمود عباس"))
    fx.add(t2, _q(t2, "الشعب صامد", "أبو مازن"))
    fx.add(t3, _q(t3, "القدس عاصمة", "محمود عباس"))
    fx.add(t4, _q(t4, "الموسم طويل", "سامي العلي"), _q(t4, "الفريق جاهز", "سامي العلي", mention="العلي"))
    ids = ["m1", "m2", "m3", "m4"]
    _ingest(engine, fx, t1, t2, t3, t4, ids=ids)
    merge_speakers(engine, "محمود عباس", "أبو مازن")
    rename_speaker(engine, "محمود عباس", "محمود عباس (أبو مازن)")
    r = split_speaker(engine, "محمود عباس (أبو مازن)", "محمود عباس آخر", articles=["m3"])
    assert r.quotes_moved == 1
    with pytest.raises(Exception, match="not a name"):
        rename_speaker(engine, "سامي العلي", "سامي من")
    before = identity_dump(engine)
    assert _speaker_of(engine, "الشعب صامد") == _speaker_of(engine, "الدولة قادمة")
    assert _speaker_of(engine, "الدولة قادمة")[0] == "محمود عباس (أبو مازن)"  # type: ignore[index]
    assert _speaker_of(engine, "القدس عاصمة")[0] == "محمود عباس آخر"  # type: ignore[index]
    # re-extract everything and ingest again: every decision holds
    _ingest(engine, fx, t1, t2, t3, t4, ids=ids, reextract=True)
    _ingest(engine, fx, t1, t2, t3, t4, ids=ids)
    assert identity_dump(engine) == before
    # a new article naming أبو مازن goes to the merged speaker
    t5 = "قال أبو مازن إن الحوار مستمر."
    fx.add(t5, _q(t5, "الحوار مستمر", "أبو مازن"))
    _ingest(engine, fx, t5, ids=["m5"])
    assert _speaker_of(engine, "الحوار مستمر")[0] == "محمود عباس (أبو مازن)"  # type: ignore[index]
    # remove a name: its quotes get a speaker of their own, pinned
    moved = remove_alias(engine, "محمود عباس (أبو مازن)", "أبو مازن")
    assert moved is not None and moved.quotes_moved == 2
    _ingest(engine, fx, t1, t2, t3, t4, t5, ids=ids + ["m5"], reextract=True)
    assert _speaker_of(engine, "الحوار مستمر")[0] == "أبو مازن"  # type: ignore[index]
    assert _speaker_of(engine, "الدولة قادمة")[0] == "محمود عباس (أبو مازن)"  # type: ignore[index]
    with Session(engine) as s:  # totals follow the moves
        st = dict(s.execute(text("SELECT s.name, st.quotes FROM speaker_stats st JOIN speakers s ON s.id = st.speaker_id")).all())
    assert st["أبو مازن"] == 2 and st["محمود عباس (أبو مازن)"] == 1 and st["محمود عباس آخر"] == 1


def test_review_lists_fragments_catch_alls_and_near_duplicates(engine: Engine) -> None:
    fx = _Fixed()
    texts = []
    for i in range(6):
        t = f"خبر {i}: قال جون سميث إن الأمر مهم {i}. وقال سميث إن الحل قريب {i}."
        texts.append(fx.add(t, _q(t, f"الأمر مهم {i}", "جون سميث"), _q(t, f"الحل قريب {i}", "جون سميث")))
    for i in range(3):
        t = f"تقرير {i}: قال جون سمث إن الوقت ضيق {i}."
        texts.append(fx.add(t, _q(t, f"الوقت ضيق {i}", "جون سمث")))
    for i in range(5):
        t = f"مقال {i}: قال زيد حمدان إن الخطة جاهزة {i}. وقال عمر خالد إن العمل مستمر {i}."
        texts.append(fx.add(t, _q(t, f"الخطة جاهزة {i}", "زيد حمدان"), _q(t, f"العمل مستمر {i}", "عمر خالد")))
    _ingest(engine, fx, *texts, ids=[f"r{i}" for i in range(len(texts))])
    merge_speakers(engine, "زيد حمدان", "عمر خالد")  # a wrong merge: two people under one row
    # an old row stored before the guard: a fragment
    with Session(engine) as s, s.begin():
        s.add(Speaker(name="كريستيانو رونالدو أكثر", key="كريستيانو رونالدو اكثر", kind="person"))
        s.flush()
        sid = s.scalar(select(Speaker.id).where(Speaker.name == "كريستيانو رونالدو أكثر"))
        s.execute(Quote.__table__.update().where(Quote.content.like("الخطة جاهزة 0")).values(speaker_id=sid))
    found = {(x.problem, x.speaker) for x in review_speakers(engine, min_quotes=1, catch_all_outlets=3)}
    assert ("near-duplicate", "جون سمث") in found and ("near-duplicate", "جون سميث") in found
    assert ("catch-all", "زيد حمدان") in found        # two unrelated full names, three outlets
    assert ("fragment", "كريستيانو رونالدو أكثر") in found
    with Session(engine) as s:
        assert s.scalar(select(SpeakerAlias.id).where(SpeakerAlias.key == speaker_key("سميث"))) is None


# ---------------------------------------------------------------- intermediaries

def test_via_spellings_are_one_intermediary_and_never_the_own_outlet(engine: Engine) -> None:
    fx = _Fixed()
    spellings = ["فرانس برس", "وكالة فرانس برس", "الفرنسية", "أ ف ب", "وكالة الأنباء الفرنسية", 'وكالة "فرانس برس"']
    texts = []
    for i, v in enumerate(spellings):
        t = f"خبر {i}: قال مسؤول لوكالة إن القرار نهائي {i}."
        texts.append(fx.add(t, _q(t, f"القرار نهائي {i}", "زيد حمدان", via=v)))
    t = "قال زيد حمدان لرويترز إن الوفد وصل."
    texts.append(fx.add(t, _q(t, "الوفد وصل", "زيد حمدان", via="وكالة رويترز للأنباء")))
    t = "قال زيد حمدان للصحيفة إن الخطة جاهزة."
    texts.append(fx.add(t, _q(t, "الخطة جاهزة", "زيد حمدان", via="الصحيفة")))  # a bare head names no one
    arts = [Article(id=f"v{i}", text=tx, outlet="الجزيرة", date=None, title=None, url=None, source="t")
            for i, tx in enumerate(texts)]
    t = "قال زيد حمدان للوكالة إن الاجتماع تأجل."
    fx.add(t, _q(t, "الاجتماع تأجل", "زيد حمدان", via="الفرنسية"))
    arts.append(Article(id="own", text=t, outlet="وكالة فرانس برس", date=None, title=None, url=None, source="t"))
    ingest(arts, engine, extractor=fx, extractor_version="test")
    with engine.connect() as c:
        names = dict(c.execute(text("SELECT i.name, COUNT(*) FROM quotes q JOIN intermediaries i ON i.id = q.via_id "
                                    "GROUP BY i.name")).all())
        spelled = {r[0] for r in c.execute(text("SELECT alias FROM intermediary_aliases"))}
        own = c.execute(text("SELECT via, via_id FROM quotes WHERE content = 'الاجتماع تأجل'")).one()
        bare = c.execute(text("SELECT via, via_id FROM quotes WHERE content = 'الخطة جاهزة'")).one()
    assert names == {"فرانس برس": 6, "رويترز": 1}
    assert {"الفرنسية", "أ ف ب", "وكالة فرانس برس"} <= spelled
    assert tuple(own) == (None, None)           # the article's own agency under another spelling
    assert tuple(bare) == ("الصحيفة", None)
