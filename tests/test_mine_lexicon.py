"""tools/mine_lexicon.py on the first 300 articles of ../shared/corpus/news.jsonl (CI has ../shared).

The strongest check is a round trip: take real entries out of the lexicon and the miner must find them
again in the corpus, with the counts the corpus gives them; with the entries in, they must not be proposed.
"""
from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest
import regex

from quotetrack.extractor.lexicon import Lexicon, load
from quotetrack.extractor.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import mine_lexicon  # noqa: E402

NEWS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
SLICE = 300

pytestmark = pytest.mark.skipif(not NEWS.exists(), reason=f"corpus not found at {NEWS} (CI has ../shared)")


def _without(lex: Lexicon) -> Lexicon:
    """The lexicon less every form of أوضح, the heads مسؤولون, the outlets فرانس برس and رويترز, الملك (a title, and
    in markers.tsv the title of a body's namesake), the first name دونالد and the narrative verbs غادر and شهدت."""
    gone = {fold(w) for w in ("مسؤولون", "فرانس برس", "رويترز", "الملك", "الملكة", "ملك", "ملكة", "دونالد")}
    return dataclasses.replace(
        lex, verbs={f: v for f, v in lex.verbs.items() if v.lemma_key != fold("أوضح")},
        given_names={k: v for k, v in lex.given_names.items() if k not in gone},
        narrative_verbs=lex.narrative_verbs - {fold("غادر"), fold("شهدت")},
        anonymous={k: v for k, v in lex.anonymous.items() if k not in gone},
        media=tuple(m for m in lex.media if m not in gone),
        titles={k: v for k, v in lex.titles.items() if k not in gone},
        markers={k: tuple(w for w in ws if w not in gone) for k, ws in lex.markers.items()})


@pytest.fixture(scope="module")
def mined() -> dict[str, list[mine_lexicon.Candidate]]:
    return mine_lexicon.mine([NEWS], limit=SLICE)


@pytest.fixture(scope="module")
def mined_without() -> dict[str, list[mine_lexicon.Candidate]]:
    return mine_lexicon.mine([NEWS], limit=SLICE, lexicon=_without(load()))


def _by_form(rows: list[mine_lexicon.Candidate]) -> dict[str, mine_lexicon.Candidate]:
    return {r.folded: r for r in rows}


def _occurrences(pattern: str) -> int:
    """Word-bounded occurrences of a folded pattern in the slice."""
    rx = regex.compile(rf"(?<!\p{{L}}){pattern}(?!\p{{L}})")
    n = 0
    with NEWS.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= SLICE:
                break
            n += len(rx.findall(fold(json.loads(line)["text"])))
    return n


def test_cue_candidates_are_new_verb_shaped_words(mined: dict[str, list[mine_lexicon.Candidate]]) -> None:
    """نعتقد أن: 19 times in the slice, every time before a complementizer (اعتقد itself is in verbs.tsv now)."""
    lex = load()
    known = mine_lexicon.Known(lex)
    cues = mined["cues"]
    assert cues
    for c in cues:
        assert c.folded not in lex.verbs and not known.verb(c.folded), c
        assert mine_lexicon.inflections(c.folded) and c.count >= 3, c
        assert fold(c.form) == c.folded and c.folded in fold(c.example), c
    first_person = _by_form(cues)[fold("نعتقد")]
    assert 15 <= first_person.count <= _occurrences("[وف]?نعتقد")
    assert first_person.form == "نعتقد"
    assert fold("اعتقد") not in _by_form(cues)               # in the lexicon: never proposed again


def test_a_cue_taken_out_of_verbs_tsv_is_found_again(mined: dict[str, list[mine_lexicon.Candidate]],
                                                     mined_without: dict[str, list[mine_lexicon.Candidate]]) -> None:
    """أوضح / موضحا + أن: 88 and 23 times in the slice."""
    before, after = _by_form(mined["cues"]), _by_form(mined_without["cues"])
    for form, at_least in (("أوضح", 60), ("موضحا", 15)):
        f = fold(form)
        assert f not in before
        assert after[f].count >= at_least, after[f]
        assert after[f].count <= _occurrences(f"[وف]?{f}")
    assert after[fold("أوضح")].form == "أوضح"


def test_other_sections_find_removed_entries(mined: dict[str, list[mine_lexicon.Candidate]],
                                             mined_without: dict[str, list[mine_lexicon.Candidate]]) -> None:
    """مسؤولون + nationality (13), وكالة فرانس برس (16), وكالة رويترز (14), الملك + name (15), قد غادر (6), قد
    شهدت (4) in the slice."""
    expect = {"anonymous": [("مسؤولون", 10)], "media": [("فرانس برس", 10), ("رويترز", 10)],
              "titles": [("الملك", 10)], "narrative_verbs": [("غادر", 6), ("شهدت", 4)]}
    for section, forms in expect.items():
        before, after = _by_form(mined[section]), _by_form(mined_without[section])
        for form, at_least in forms:
            assert fold(form) not in before, (section, form)
            assert after[fold(form)].count >= at_least, (section, after[fold(form)])
    # a first name taken out of given_names.tsv comes back, counted after titles; with it in, it is not proposed
    names_before, names_after = _by_form(mined["given_names"]), _by_form(mined_without["given_names"])
    assert fold("دونالد") not in names_before and names_after[fold("دونالد")].count >= 10
    assert all(c.folded not in load().given_names for c in mined["given_names"])
    # فرانس alone is not proposed: برس follows it nearly every time
    assert fold("فرانس") not in _by_form(mined_without["media"])


def test_candidates_never_repeat_the_lexicon(mined: dict[str, list[mine_lexicon.Candidate]]) -> None:
    known = mine_lexicon.Known(load())
    for section in ("titles", "anonymous"):
        for c in mined[section]:
            assert not known.knows(c.folded), (section, c)
    for c in mined["narrative_verbs"]:
        assert c.folded not in known.lex.narrative_verbs and c.folded not in known.lex.given_names, c
    for c in mined["titles"]:
        assert c.folded.startswith("ال") and int(c.note.split()[0]) >= 2, c
    for c in mined["media"]:
        words = c.folded.split()
        assert not any(" ".join(words[:k]) in known.media for k in range(1, len(words) + 1)), c


def test_cli_writes_sections_and_reports_a_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = NEWS.read_text(encoding="utf-8").splitlines()[:40]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines[:2] + ["{not json"] + lines[2:]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert mine_lexicon.main([str(corpus), "--out", str(out), "--min-count", "2"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{corpus}:3:" in err[0]
    for name in mine_lexicon.SECTIONS:
        rows = (out / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
        assert rows[0].split("\t") == list(mine_lexicon.HEADER)
        assert all(len(r.split("\t")) == len(mine_lexicon.HEADER) for r in rows)
    # the 39 good articles were mined: the cue section is not empty
    assert len((out / "cues.tsv").read_text(encoding="utf-8").splitlines()) > 1
