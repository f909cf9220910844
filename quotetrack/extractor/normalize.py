"""Offset-preserving Arabic normalization for matching.

Patterns match a folded copy of the text (no harakat or tatweel, one alef,
ي for ى, ه for ة, ASCII digits, invisible marks dropped); ``Normalized.to_original``
maps every folded position back, so results always index the original text.
Each character folds to zero, one or (presentation forms only) several
characters, which keeps the map a simple list.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

import regex

_DROP = (
    {chr(c) for c in range(0x064B, 0x0660)}            # harakat, tanween, shadda, sukun, maddah/hamza marks
    | {chr(c) for c in range(0x0610, 0x061B)}          # Quranic signs
    | {chr(c) for c in range(0x06D6, 0x06EE)}
    | {"\u0670", "\u0640"}                              # dagger alef, tatweel
    | {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"}
    | {chr(c) for c in range(0x202A, 0x202F)}
    | {chr(c) for c in range(0x2066, 0x206A)}
)

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ې": "ي", "ي": "ي", "ک": "ك", "ڪ": "ك", "ە": "ه", "ہ": "ه",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": " ", "\u2002": " ", "\u2003": " ",
    "\r": " ", "\t": " ",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})


#: One-to-one folds, applied by ``str.translate`` to short strings (names, lexicon entries).
_TABLE = {ord(k): v for k, v in _MAP.items()}
#: The same folds as (character, replacement) pairs: a chain of ``str.replace`` runs in C at
#: memchr speed, where ``str.translate`` looks every character up in a dict (about 14x slower on an
#: article; on a short name the translate wins).
_PAIRS = tuple((k, v) for k, v in _MAP.items() if k != v)
# (the chain equals one simultaneous fold only because no replacement is itself folded again)
assert not {v for _, v in _PAIRS} & {k for k, _ in _PAIRS}
#: Characters that fold to nothing or to several characters (presentation forms); a plain
#: character class, so the standard ``re`` finds them (several times faster than ``regex`` here).
_IRREGULAR = re.compile(
    "[" + "".join(re.escape(c) for c in sorted(_DROP)) + "\ufb50-\ufdff\ufe70-\ufefe]")
#: 0, 1, 2, …: slices of it are the offset map of runs that fold one-to-one (grown on demand).
_IDENTITY: "array[int]" = array("i", range(1 << 16))


def _fold_simple(text: str) -> str:
    """``text`` with the one-to-one folds applied (irregular characters left as they are)."""
    for k, v in _PAIRS:
        text = text.replace(k, v)
    return text


def _identity(n: int) -> "array[int]":
    """The array 0, 1, …, at least ``n`` long."""
    global _IDENTITY
    if len(_IDENTITY) < n:
        _IDENTITY = array("i", range(max(n, 2 * len(_IDENTITY))))
    return _IDENTITY


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe":
        ch = unicodedata.normalize("NFKC", ch)
    out = []
    for r in ch:
        if r in _DROP:
            continue
        out.append(_MAP.get(r, r))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Normalized:
    """The folded text and, for each folded character, the index it came from.

    ``index[len(text)] == len(original)`` so end offsets map too.
    """

    text: str
    index: "array[int]"   # compact: 4 bytes a character, not a list of int objects
    original: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded half-open span to the original text.

        The end is extended over trailing combining marks and tatweel, so a
        span never cuts a letter from its harakat.
        """
        if end <= start:
            a = self.index[start]
            return a, a
        a = self.index[start]
        b = self.index[end - 1] + 1
        orig = self.original
        n = len(orig)
        while b < n and (orig[b] == "\u0640" or unicodedata.category(orig[b]) == "Mn"):
            b += 1
        return a, b


def normalize(text: str) -> Normalized:
    """Fold ``text`` for matching and keep the map back to original offsets.

    Most characters fold one-to-one, so the whole text is folded at once in C and the runs
    between the few characters that are dropped or expanded keep a slice of the identity map;
    only irregular characters go through Python.
    """
    folded = _fold_simple(text)
    ident = _identity(len(text) + 1)
    parts: list[str] = []
    index: array[int] = array("i")
    pos = 0
    for m in _IRREGULAR.finditer(text):
        i = m.start()
        if i > pos:
            parts.append(folded[pos:i])
            index += ident[pos:i]
        rep = _fold_char(text[i])
        if rep:
            parts.append(rep)
            index.extend([i] * len(rep))
        pos = i + 1
    if pos < len(text):
        parts.append(folded[pos:])
        index += ident[pos:len(text)]
    index.append(len(text))
    return Normalized("".join(parts), index, text)


HAMZAS = "أإؤئء"  # the hamza letters folding drops ("رأت" and "رات" fold alike; only the written word tells them apart)


def has_hamza(word: str) -> bool:
    return any(c in word for c in HAMZAS)


def fold(text: str) -> str:
    """The folded form alone: for lexicon entries and name keys."""
    return _IRREGULAR.sub(_fold_match, text.translate(_TABLE))


def _fold_match(m: "re.Match[str]") -> str:
    return _fold_char(m.group())


def name_key(text: str) -> str:
    """A spelling-tolerant key for names: folded, punctuation removed, spaces collapsed."""
    s = fold(text)
    s = regex.sub(r"[^\p{L}\p{N}\s]", " ", s)
    return " ".join(s.split())
