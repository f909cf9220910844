"""Regexes compiled once from the lexicon (matched against normalized text)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon_data import Lexicon, load

L_EDGE = r"(?<![\p{L}\p{M}\p{N}_])"
R_EDGE = r"(?![\p{L}\p{M}\p{N}_])"
#: Bound on any data-built pattern; a hostile text raises TimeoutError instead of hanging.
TIMEOUT = 5.0


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Patterns:
    forms: frozenset[str]   # every reporting-verb form (verbs.tsv), without clitics
    complementizer: regex.Pattern[str]
    comp_words: frozenset[str]
    comp_preps: frozenset[str]


@lru_cache(maxsize=1)
def compiled() -> Patterns:
    lex: Lexicon = load()
    forms = frozenset(lex.verbs)
    comps = lex.markers["complementizer"]
    sufs = lex.markers["pronoun_suffix"]
    complementizer = regex.compile(
        L_EDGE + r"(?:" + _alt(comps) + r")(?:" + _alt(sufs) + r")?" + R_EDGE)
    comp_words = frozenset(c + s for c in comps for s in ("",) + tuple(sufs)) | frozenset({"لان"})
    return Patterns(forms, complementizer, comp_words - {"لان"}, frozenset(lex.markers["complementizer_prep"]))


_CONJ = "وف"
_PROCLITIC = "بلس"


def split_cue(word: str, forms: frozenset[str]) -> tuple[str, str] | None:
    """(proclitics, form) when ``word`` is a reporting-verb form behind at most one of و/ف and
    then at most one of ب/ل/س ("وقال", "فلفت", "ليضيف", "بدعوته"), else None.

    Dictionary lookups of the word's few possible splits, longest proclitics first; which
    proclitics a form may take (ب only on nouns, س/ل only on imperfects …) is checked by the caller.
    """
    n = len(word)
    for i in ((1, 0) if n > 1 and word[0] in _CONJ else (0,)):
        for j in ((1, 0) if n > i + 1 and word[i] in _PROCLITIC else (0,)):
            if word[i + j:] in forms:
                return word[:i + j], word[i + j:]
    return None
