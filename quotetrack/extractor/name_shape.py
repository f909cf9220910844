"""Which strings can be a speaker's name at all.

A speaker becomes a database row that every count reads, so a fragment of a sentence must never
become one: a name does not end on a preposition or particle ("شفتيزر لـ"), does not hold a
one-letter word or a reporting verb ("مقتل عدد"، "شتاينماير تفهمه قلق"). The words come from the
lexicons (``not_name_final`` in markers.tsv, every form of verbs.tsv), so the check grows with them.
"""
from __future__ import annotations

from .lexicon import Lexicon
from .normalize import fold

_MARKS = str.maketrans({c: " " for c in "\"«»“”„‹›'()[]"})


class NameShape:
    def __init__(self, lex: Lexicon):
        self.final_bad = frozenset(lex.markers["not_name_final"])
        self.verbs = frozenset(lex.verbs)

    def _is_verb(self, w: str) -> bool:
        return w in self.verbs or (w[:1] in "وف" and w[1:] in self.verbs)

    def fragment_reason(self, name: str) -> str | None:
        """Why ``name`` cannot be a speaker's name, or None when its shape is fine."""
        words = fold(name.replace("ـ", " ").translate(_MARKS)).split()
        if not words:
            return "empty"
        if words[-1] in self.final_bad:
            return f"ends on the particle {words[-1]!r}"
        if any(len(w) == 1 and (i > 0 or not w.isdigit()) for i, w in enumerate(words)):
            return "holds a one-letter word or digit"  # (a leading count is fine: "3 مصادر مطلعة")
        if any(w.isdigit() and len(w) >= 3 for w in words):
            return "holds a quantity"
        if any(self._is_verb(w) for w in words):
            return "holds a reporting verb or verbal noun"
        return None
