"""Typed results of extraction. Pure data: no SQLAlchemy, no I/O.

Every offset indexes the ORIGINAL article text (never the normalized copy),
so ``text[q.start:q.end] == q.content`` always holds.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "anonymous"]
Gender = Literal["m", "f"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement: what was said, by whom, through which cue.

    ``speaker`` is the canonical name resolved within the article (the fullest
    form given, title split off); ``mention`` is the words of this quote's own
    sentence naming the speaker, or ``None`` for pro-drop ("وأضاف أن ...").
    ``rule`` names the pattern that fired, so every result is explainable.
    """

    content: str
    start: int
    end: int
    type: QuoteType
    cue: str | None
    cue_lemma: str | None
    stance: str | None
    speaker: str | None
    speaker_kind: SpeakerKind | None
    gender: Gender | None
    mention: str | None
    mention_start: int | None
    mention_end: int | None
    title: str | None
    via: str | None
    channel: str | None
    rule: str
    cue_start: int | None = None
    cue_end: int | None = None

    @property
    def anonymous(self) -> bool:
        return self.speaker_kind == "anonymous"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping with stable key order (``anonymous`` included)."""
        d = asdict(self)
        d["anonymous"] = self.anonymous
        return d
