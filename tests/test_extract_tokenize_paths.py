"""tokenize reads text of the Basic Multilingual Plane with a stdlib ``re`` spelling of ``_TOKEN`` (faster); it must
give the very words and offsets the ``regex`` pattern gives."""
from __future__ import annotations

import random

from quotetrack.extractor import sentences


def _by_regex(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in sentences._TOKEN.finditer(text)]


def test_bmp_tokenizer_agrees_with_the_regex_pattern() -> None:
    rnd = random.Random(7)
    pieces = list("ادبأإسنيمو. .\n\t\u00a0\u2003\u3000\u200b\u0651\u064e\u0640_1٣،«»") + ["د.", "ا.د.", "سي.إن.إن", "د.ب.أ"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) if rnd.random() < 0.7 else chr(rnd.randint(0, 0xFFFF))
                       for _ in range(rnd.randint(1, 14)))
        if sentences._ASTRAL.search(text):
            continue
        assert list(zip(*sentences._spans(text))) == _by_regex(text), repr(text)


def test_text_past_the_bmp_takes_the_regex_pattern() -> None:
    text = "قال \U0001F600 د.أحمد 𝟙𝟚"
    assert [(t.text, t.start, t.end) for t in sentences.tokenize(text)] == _by_regex(text)
