"""Load, validate and fold the lexicon TSV files once.

The lexicons are data, not code: each file under ``quotetrack/lexicon`` is a
tab-separated table a linguist can extend. Every entry is folded with the same
normalizer as the text, so a verb written with hamza or shadda still matches.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import regex

from ..errors import LexiconError
from .normalize import fold

_ARABIC_ENTRY = regex.compile(r"^[\p{Arabic}\p{Mn}\s.]+$")


@dataclass(frozen=True, slots=True)
class VerbForm:
    form: str          # surface form as written in the file
    lemma: str         # as written in the file (the citation form)
    lemma_key: str     # folded, for lookups
    pos: str           # past | impf | part
    agreement: str     # m.sg, f.sg, m.du, f.du, m.pl, f.pl
    stance: str


@dataclass(frozen=True, slots=True)
class NpLemma:
    preposition: str | None
    keep_preposition: bool
    object_first: bool = False
    object_required: bool = False  # the verb never drops its object: a lone noun before the preposition is it


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, VerbForm]                 # folded form -> entry
    np_lemmas: dict[str, NpLemma]              # folded lemma -> NP-content rule
    markers: dict[str, tuple[str, ...]]        # category -> folded phrases
    channels: dict[str, str]                   # folded head -> channel name
    anonymous: dict[str, str]                  # folded head -> agreement
    titles: dict[str, str]                     # folded word -> gender
    organizations: dict[str, str]              # folded head -> gender
    places: dict[str, tuple[str, str]]         # folded name -> (kind, gender)
    media: tuple[str, ...]                     # folded outlet heads / names
    adjectives: frozenset[str]                 # folded adjectives (masc. and fem.) that follow titles
    given_names: dict[str, str] = field(default_factory=dict)  # folded first name -> gender (m, f, -)
    narrative_verbs: frozenset[str] = frozenset()  # folded finite verbs that no name holds


def _rows(name: str, ncols: int) -> list[list[str]]:
    try:
        raw = files("quotetrack.lexicon").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as e:
        raise LexiconError(f"lexicon file {name} is missing from the package: {e}") from e
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < ncols:
            raise LexiconError(f"{name}:{n}: expected {ncols} tab-separated columns, got {len(cols)}: {line!r}")
        if not _ARABIC_ENTRY.match(cols[0]):
            raise LexiconError(f"{name}:{n}: entry {cols[0]!r} is not Arabic script")
        out.append(cols)
    return out


def _unique(name: str, pairs: list[tuple[str, object]]) -> dict[str, object]:
    d: dict[str, object] = {}
    for k, v in pairs:
        if k in d and d[k] != v:
            raise LexiconError(f"{name}: {k!r} is listed twice with different values")
        d[k] = v
    return d


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon, read and validated once per process."""
    verbs: dict[str, VerbForm] = {}
    for i, cols in enumerate(_rows("verbs.tsv", 5)):
        if cols[0] == "form":  # header
            continue
        f = fold(cols[0])
        if f in verbs:
            continue  # the first listing wins (an unvocalized homograph of an earlier form)
        verbs[f] = VerbForm(cols[0], cols[1], fold(cols[1]), cols[2], cols[3], cols[4])
    np_lemmas = {fold(c[0]): NpLemma(None if c[1] == "-" else fold(c[1]), c[2] == "yes", c[3] in ("yes", "always"),
                                      c[3] == "always")
                 for c in _rows("lemmas.tsv", 4)}
    markers: dict[str, list[str]] = {}
    for cols in ((c[1], c[0]) for c in (line.split("\t") for line in _raw_lines("markers.tsv"))):
        markers.setdefault(cols[1], []).append(fold(cols[0]))
    channels = _unique("channels.tsv", [(fold(c[0]), c[1]) for c in _rows("channels.tsv", 2)])
    anonymous = _unique("anonymous.tsv", [(fold(c[0]), c[1]) for c in _rows("anonymous.tsv", 2)])
    for w, agr in list(anonymous.items()):  # a sound plural drops its ن in construct: "محللو الأسواق"
        if w.endswith("ون") and agr == "m.pl":
            anonymous.setdefault(w[:-1], agr)
        elif agr == "m.sg" and not w.endswith(("ا", "ي", "ه")):
            anonymous.setdefault(w + "ا", agr)  # and the accusative after لكنّ/إنّ: "لكن مسؤولا سعوديا قال"
    titles = _unique("titles.tsv", [(fold(c[0]), c[1]) for c in _rows("titles.tsv", 2)])
    orgs = _unique("organizations.tsv", [(fold(c[0]), c[1]) for c in _rows("organizations.tsv", 2)])
    places = _unique("places.tsv", [(fold(c[0]), (c[1], c[2])) for c in _rows("places.tsv", 3)])
    media = tuple(fold(c[0]) for c in _rows("media.tsv", 1))
    adjectives = frozenset(f for c in _rows("adjectives.tsv", 1) for f in (fold(c[0]), fold(c[0]) + "ه"))
    given = _unique("given_names.tsv", [(fold(c[0]), c[1]) for c in _rows("given_names.tsv", 2)])
    narrative = frozenset(fold(c[0]) for c in _rows("narrative_verbs.tsv", 2)) - given.keys()
    return Lexicon(verbs, np_lemmas, {k: tuple(v) for k, v in markers.items()},
                   channels, anonymous, titles, orgs, places, media, adjectives, given,  # type: ignore[arg-type]
                   narrative)


def bare_verbal_nouns(verbs: dict[str, VerbForm]) -> dict[str, VerbForm]:
    """Reporting verbal nouns without their possessive ("تأكيد"، "دعوة"), derived from the forms that
    verbs.tsv lists with one ("تأكيده"، "دعوته"): a word that names the act of saying, never a speaker."""
    out: dict[str, VerbForm] = {}
    for form, vf in verbs.items():
        if vf.pos == "noun" and vf.agreement == "m.sg" and form.endswith("ه") and len(form) > 4:
            stem = form[:-1]
            out.setdefault(stem[:-1] + "ه" if stem.endswith("ت") and not stem.endswith("ات") else stem, vf)
    return out


_ROOT_LETTER = "[بتثجحخدذرزسشصضطظعغفقكلمنهء]"  # a consonant or hamza: a root with و/ي takes other shapes


def masdar_shapes(patterns: tuple[str, ...]) -> "regex.Pattern[str]":
    """One regex for the verbal-noun patterns of markers.tsv, written with the root letters ف ع ل
    ("تفعيل" matches تفتيش، تشكيل; "انفعال" matches انسحاب), the other letters literal; on folded words."""
    def one(p: str) -> str:
        return "".join(_ROOT_LETTER if c in "فعل" else regex.escape(c) for c in p)
    return regex.compile("^(?:" + "|".join(one(p) for p in patterns) + ")$")


def _raw_lines(name: str) -> list[str]:
    raw = files("quotetrack.lexicon").joinpath(name).read_text(encoding="utf-8")
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.count("\t") != 1:
            raise LexiconError(f"{name}:{n}: expected 'category<TAB>phrase': {line!r}")
        if not _ARABIC_ENTRY.match(line.split("\t")[1]):
            raise LexiconError(f"{name}:{n}: phrase {line.split(chr(9))[1]!r} is not Arabic script")
        out.append(line)
    return out
