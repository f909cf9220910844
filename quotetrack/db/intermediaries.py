"""Intermediaries (``via``): one row per agency or outlet quoted through, its spellings as aliases.

"فرانس برس", "وكالة فرانس برس", "الفرنسية", "أ ف ب" and "وكالة الأنباء الفرنسية" are one agency. A
via string is keyed like a speaker name (``speaker_key``), loses its head word ("وكالة", "صحيفة",
"شبكة" … from the media lexicon) and its transliteration variants (``loose_key``), and is looked
up in the spellings table ``quotetrack/data/intermediaries.tsv``. A bare head ("الوكالة",
"صحيفة") names no one and gets no row. The key is a function of the string alone, so identity
does not depend on ingest order; the row's ``name`` is the table's canonical name, else the first
spelling in code-point order. ``quotes.via_id`` points at the row (``quotes.via`` keeps the text);
a via naming the article's own outlet, by any spelling, is not stored.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import LexiconError
from ..extractor.quote import Quote as QuoteResult
from .models import Intermediary, IntermediaryAlias
from .repo import dialect_insert
from .speakers import loose_key, speaker_key

#: head nouns of outlet names (folded), dropped before the name: "وكالة رويترز" is "رويترز"
HEADS = frozenset(("محطه", "تلفزيون", "اذاعه", "شبكه", "قناه", "وكاله", "صحيفه", "موقع", "مجله", "جريده"))


def _base_key(via: str) -> str | None:
    """The folded key of ``via`` without its head word; None for a bare head (no one is named)."""
    toks = speaker_key(via).lower().split()
    heads = HEADS
    if not toks or toks[0].startswith("ال") and toks[0][2:] in heads:
        return None
    while len(toks) > 1 and toks[0] in heads:
        toks = toks[1:]
    if len(toks) == 1 and toks[0] in heads:
        return None
    return loose_key(" ".join(toks))


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """base key of every listed spelling (canonical ones too) → canonical name."""
    try:
        raw = files("quotetrack.data").joinpath("intermediaries.tsv").read_text(encoding="utf-8")
    except OSError as e:
        raise LexiconError(f"quotetrack/data/intermediaries.tsv is missing from the package: {e}") from e
    out: dict[str, str] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 2 or not all(cols):
            raise LexiconError(f"intermediaries.tsv:{n}: expected 'canonical<TAB>spelling': {line!r}")
        for spelling in cols:
            key = _base_key(spelling)
            if key is None:
                raise LexiconError(f"intermediaries.tsv:{n}: {spelling!r} is a bare head word")
            if out.get(key, cols[0]) != cols[0]:
                raise LexiconError(f"intermediaries.tsv:{n}: {spelling!r} is listed under two names")
            out[key] = cols[0]
    return out


def canonical_via(via: str | None) -> tuple[str, str | None] | None:
    """(key, canonical name from the spellings table or None) of a via string; None when it names no one."""
    if not via or not via.strip():
        return None
    base = _base_key(via)
    if base is None:
        return None
    name = _spellings().get(base)
    return (_base_key(name) or base, name) if name else (base, None)


def without_own_via(quotes: Sequence[QuoteResult], outlet: str | None) -> list[QuoteResult]:
    """``quotes`` with ``via`` cleared where it is the article's own outlet under any spelling."""
    own = canonical_via(outlet) if outlet else None
    if own is None:
        return list(quotes)
    out = []
    for q in quotes:
        c = canonical_via(q.via)
        out.append(replace(q, via=None) if c is not None and c[0] == own[0] else q)
    return out


def resolve_vias(s: Session, vias: Sequence[str | None]) -> list[int | None]:
    """``intermediaries.id`` of each via string (rows and aliases created when new); None for no one."""
    keyed = [canonical_via(v) for v in vias]
    rows: dict[str, str] = {}   # key -> name
    aliases: dict[str, tuple[str, str]] = {}  # alias key -> (alias, intermediary key)
    for v, c in zip(vias, keyed):
        if c is None or v is None:
            continue
        surface = " ".join(v.replace("«", " ").replace("»", " ").replace('"', " ").split())
        name = c[1] or surface
        rows[c[0]] = min(rows.get(c[0], name), name) if c[1] is None else c[1]
        ak = speaker_key(v).lower()
        aliases[ak] = (min(aliases[ak][0], surface), c[0]) if ak in aliases else (surface, c[0])
    if not rows:
        return [None] * len(vias)
    c = s.connection()
    it, ia = Intermediary.__table__, IntermediaryAlias.__table__
    coll = "C" if c.dialect.name == "postgresql" else "BINARY"  # code-point order on both backends
    ins = dialect_insert(s, it)
    ins = ins.on_conflict_do_update(index_elements=["key"], set_={"name": ins.excluded.name},
                                    where=ins.excluded.name.collate(coll) < it.c.name.collate(coll))
    c.execute(ins, [{"key": k, "name": n} for k, n in sorted(rows.items())])
    ids = dict(c.execute(select(it.c.key, it.c.id).where(it.c.key.in_(sorted(rows)))).all())
    ains = dialect_insert(s, ia)
    ains = ains.on_conflict_do_update(index_elements=["key"], set_={"alias": ains.excluded.alias},
                                      where=ains.excluded.alias.collate(coll) < ia.c.alias.collate(coll))
    c.execute(ains, [{"key": k, "alias": a, "intermediary_id": ids[ik]} for k, (a, ik) in sorted(aliases.items())])
    return [ids[k[0]] if k is not None and v is not None else None for v, k in zip(vias, keyed)]


__all__ = ["canonical_via", "resolve_vias", "without_own_via", "HEADS"]
