"""Lookups compiled once from the lexicon (matched against normalized text).

Cue words are found by dictionary lookups of their few clitic splits (``split_cue``), not
by one regex alternation of every form: a 1,165-way alternation cost more than the whole
rest of extraction.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, load


@dataclass(frozen=True)
class Patterns:
    forms: frozenset[str]   # every reporting-verb form (verbs.tsv), without clitics
    comp_words: frozenset[str]
    comp_preps: frozenset[str]


@lru_cache(maxsize=1)
def compiled() -> Patterns:
    lex: Lexicon = load()
    comps = lex.markers["complementizer"]
    sufs = lex.markers["pronoun_suffix"]
    comp_words = frozenset(c + s for c in comps for s in ("",) + tuple(sufs)) - {"لان"}  # "لأن" (because) opens no report
    return Patterns(frozenset(lex.verbs), comp_words, frozenset(lex.markers["complementizer_prep"]))


_CONJ = "وف"
_PROCLITIC = "بلس"


def split_cue(word: str, forms: frozenset[str]) -> tuple[str, str] | None:
    """(proclitics, form) when ``word`` is a reporting-verb form behind at most one of و/ف and
    then at most one of ب/ل/س ("وقال", "فلفت", "ليضيف", "بدعوته"), else None.

    Dictionary lookups of the word's few possible splits, longest proclitics first (a word listed
    whole is read whole); which proclitics a form may take (ب only on nouns, س/ل only on imperfects …) is checked by the caller.
    """
    if word in forms and word[:1] in _CONJ:
        return "", word  # a listed form beats a split: "وعد" (promised), not و + "عدّ"
    n = len(word)
    for i in ((1, 0) if n > 1 and word[0] in _CONJ else (0,)):
        for j in ((1, 0) if n > i + 1 and word[i] in _PROCLITIC else (0,)):
            if word[i + j:] in forms:
                return word[:i + j], word[i + j:]
    return None
