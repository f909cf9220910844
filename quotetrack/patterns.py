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
    cue: regex.Pattern[str]
    complementizer: regex.Pattern[str]
    comp_words: frozenset[str]
    comp_preps: frozenset[str]


@lru_cache(maxsize=1)
def compiled() -> Patterns:
    lex: Lexicon = load()
    forms = list(lex.verbs)
    # past and participles take و/ف; imperfects also ل (continuation) and س (future: rejected later)
    cue = regex.compile(
        L_EDGE + r"(?P<pfx>[وف]?[بلس]?)(?P<form>" + _alt(forms) + r")" + R_EDGE)
    comps = lex.markers["complementizer"]
    sufs = lex.markers["pronoun_suffix"]
    complementizer = regex.compile(
        L_EDGE + r"(?:" + _alt(comps) + r")(?:" + _alt(sufs) + r")?" + R_EDGE)
    comp_words = frozenset(c + s for c in comps for s in ("",) + tuple(sufs)) | frozenset({"لان"})
    return Patterns(cue, complementizer, comp_words - {"لان"}, frozenset(lex.markers["complementizer_prep"]))
