"""Speakers across articles: one row per person / organization / anonymous source.

Resolution of a quote's speaker, in order (first hit wins):

1. an alias with the same key and kind (every surface form ever seen, and
   manual merges, live in ``speaker_aliases``, so they are consulted first);
2. a speaker with the same key and kind;
3. a bare one-word person name ("بلينكن") joins the one person whose canonical
   key ends with that word, when exactly one such person exists;
4. a full person name whose surname alone is an existing person (created from
   a bare mention earlier) upgrades that person's canonical name;
5. a transliteration variant (بلينكن/بلينكين, غوتيريش/جوتيريش, زيلينسكي/
   زيلنسكي) joins the one speaker of the same kind with the same loose key;
6. otherwise a new speaker.

Keys are ``name_key`` (diacritics, hamza forms, ى/ي, ة/ه folded) with a spaced
"عبد X" joined. Titles never enter names; anonymous sources are grouped by
their description and never matched with named people (kind is part of every key).
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import regex
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session

from ..errors import QuotetrackError
from ..extractor.normalize import name_key
from ..extractor.quote import Quote as QuoteResult
from .models import Quote, Speaker, SpeakerAlias
from .repo import dialect_insert, recompute_speaker_facets, recompute_speaker_stats

log = logging.getLogger(__name__)

KINDS = ("person", "organization", "anonymous")
_ABD = regex.compile(r"(?<!\p{L})عبد (?=\p{L})")
_LOOSE_VOWELS = regex.compile(r"[اوي]")
_LOOSE_MIN_LEN = 6  # shorter tokens are Arabic names where a vowel letter matters (محمد/محمود)


def speaker_key(name: str) -> str:
    """The lookup key of a speaker name: ``name_key`` with "عبد الله" = "عبدالله"."""
    return _ABD.sub("عبد", name_key(name))


def loose_key(key: str) -> str:
    """A looser key for transliterated names: long tokens lose inner long vowels, initial ج/گ → غ."""
    out = []
    for tok in key.split():
        if len(tok) >= _LOOSE_MIN_LEN:
            first = "غ" if tok[0] in "جگ" else tok[0]
            tok = first + _LOOSE_VOWELS.sub("", tok[1:])
        out.append(tok)
    return " ".join(out)


def speaker_kind(kind: str | None) -> str:
    """A quote's ``speaker_kind`` as stored: one of KINDS, "person" when missing or unknown."""
    return kind if kind in KINDS else "person"


def strip_title(name: str, title: str | None) -> str:
    """``name`` without a leading/trailing ``title`` (titles are stored per quote)."""
    name = " ".join(name.split())
    if title:
        t = " ".join(title.split())
        if name.startswith(t + " "):
            name = name[len(t) + 1:]
        elif name.endswith(" " + t):
            name = name[: -len(t) - 1]
    return name.strip(" ،,:-")


@dataclass
class SpeakerResolver:
    """Resolves Quote speakers to ``speakers.id`` within one session at a time.

    Holds per-run caches (not class-level); call ``reset()`` after a rollback.
    """

    created: int = 0
    #: collect alias rows and write them in one statement at ``flush_aliases`` (ingest does, per
    #: batch) instead of one INSERT each; lookups read the in-memory caches, which see them at once
    defer_aliases: bool = False
    _pending: list[dict[str, Any]] = field(default_factory=list)
    _ids: dict[tuple[str, str], int] = field(default_factory=dict)
    _aliases_done: set[tuple[str, str]] = field(default_factory=set)
    _loose: dict[tuple[str, str], set[int]] | None = None
    _absent: set[tuple[str, str]] = field(default_factory=set)  # keys not stored at the last prefetch
    _keys: dict[str, str] = field(default_factory=dict)  # name -> speaker_key(name), per run
    _stmts: dict[str, Any] = field(default_factory=dict)  # prepared INSERTs of this run's dialect
    _surnames: dict[str, set[int]] | None = None  # last word of multi-word person keys -> speaker ids
    _surnames_upto: int = 0  # speakers.id up to which _surnames has read the table
    _bare: set[str] = field(default_factory=set)  # one-word person keys, read with _surnames

    def reset(self) -> None:
        self._pending.clear()
        self._ids.clear()
        self._aliases_done.clear()
        self._loose = None
        self._absent.clear()
        self._surnames = None

    def _note_person(self, sid: int, key: str) -> None:
        words = key.split()
        if self._surnames is not None:
            if len(words) > 1:
                self._surnames.setdefault(words[-1], set()).add(sid)
            else:
                self._bare.add(key)

    def _refresh_surnames(self, s: Session) -> dict[str, set[int]]:
        """Read person speakers stored since the last call (by anyone) into the surname index."""
        if self._surnames is None:
            self._surnames, self._surnames_upto, self._bare = {}, 0, set()
        sp = Speaker.__table__
        for sid, key in s.connection().execute(select(sp.c.id, sp.c.key).where(
                sp.c.kind == "person", sp.c.id > self._surnames_upto)):
            self._note_person(sid, key)
            self._surnames_upto = max(self._surnames_upto, sid)
        return self._surnames

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            if len(self._keys) > 200_000:
                self._keys.clear()
            key = self._keys[name] = speaker_key(name)
        return key

    def _insert(self, s: Session, table: str) -> Any:
        """INSERT ... ON CONFLICT (key, kind) DO NOTHING into speakers / speaker_aliases, built once."""
        stmt = self._stmts.get(table)
        if stmt is None:
            if table == "speakers":
                sp = Speaker.__table__
                stmt = dialect_insert(s, sp).on_conflict_do_nothing(index_elements=["key", "kind"]) \
                    .returning(sp.c.id)
            else:
                stmt = dialect_insert(s, SpeakerAlias.__table__).on_conflict_do_nothing(
                    index_elements=["key", "kind"])
            self._stmts[table] = stmt
        return stmt

    def _keys_of(self, q: QuoteResult) -> list[tuple[str, str]]:
        if not q.speaker or not q.speaker.strip():
            return []
        kind = speaker_kind(q.speaker_kind)
        out = [(self._key(strip_title(q.speaker, q.title) or q.speaker.strip()), kind)]
        if q.mention:
            out.append((self._key(strip_title(q.mention, q.title)), kind))
        return [k for k in out if k[0]]

    def prefetch(self, s: Session, quotes: Iterable[QuoteResult]) -> None:
        """Look up every speaker and mention key of ``quotes`` in two queries per 500 keys.

        Call once per batch, inside its transaction: afterwards ``resolve`` answers known
        names from memory and goes to the database only for names never stored before.
        """
        if self._surnames is not None:
            self._refresh_surnames(s)
        wanted = {k for q in quotes for k in self._keys_of(q)} - set(self._ids)
        self._absent = set(wanted)
        keys = sorted({k for k, _ in wanted})
        c = s.connection()
        al, sp = SpeakerAlias.__table__, Speaker.__table__
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            for key, kind, sid in c.execute(select(al.c.key, al.c.kind, al.c.speaker_id).where(al.c.key.in_(chunk))):
                if (key, kind) in wanted:
                    self._ids[(key, kind)] = sid
                    self._aliases_done.add((key, kind))
                    self._absent.discard((key, kind))
            for key, kind, sid in c.execute(select(sp.c.key, sp.c.kind, sp.c.id).where(sp.c.key.in_(chunk))):
                if (key, kind) in wanted:
                    self._ids.setdefault((key, kind), sid)
                    self._absent.discard((key, kind))

    # -- lookups -----------------------------------------------------------------
    def _lookup(self, s: Session, key: str, kind: str) -> int | None:
        sid = self._ids.get((key, kind))
        if sid is not None or (key, kind) in self._absent:
            return sid
        c = s.connection()
        al, sp = SpeakerAlias.__table__, Speaker.__table__
        sid = c.scalar(select(al.c.speaker_id).where(al.c.key == key, al.c.kind == kind))
        if sid is None:
            sid = c.scalar(select(sp.c.id).where(sp.c.key == key, sp.c.kind == kind))
        if sid is not None:
            self._ids[(key, kind)] = sid
        return sid

    def _by_surname(self, s: Session, token: str) -> int | None:
        """The one person whose key ends with the word ``token`` (None for none or several).

        Candidates come from an in-memory index (read once, then only new rows each batch)
        instead of a ``LIKE '% token'`` scan of every speaker; they are checked in the database."""
        if self._surnames is None:
            self._refresh_surnames(s)
        assert self._surnames is not None
        cands = self._surnames.get(token)
        if not cands:
            return None
        sp = Speaker.__table__
        ids = s.connection().scalars(select(sp.c.id).where(
            sp.c.id.in_(sorted(cands)), sp.c.kind == "person", sp.c.key.like(f"% {token}")).limit(2)).all()
        return ids[0] if len(ids) == 1 else None

    def _upgrade_bare(self, s: Session, name: str, key: str) -> int | None:
        surname = key.split()[-1]
        if self._surnames is None:
            self._refresh_surnames(s)
        if surname not in self._bare:
            return None  # no one-word person of that name (as of this batch): skip the query
        bare = s.scalar(select(Speaker.id).where(Speaker.kind == "person", Speaker.key == surname))
        if bare is None or self._by_surname(s, surname) is not None:
            return None
        s.execute(update(Speaker).where(Speaker.id == bare).values(name=name, key=key))
        self._ids.pop((surname, "person"), None)
        self._note_person(bare, key)
        if self._loose is not None:
            self._loose.setdefault((loose_key(key), "person"), set()).add(bare)
        return bare

    def _load_loose(self, s: Session) -> dict[tuple[str, str], set[int]]:
        if self._loose is None:
            self.flush_aliases(s)
            idx: dict[tuple[str, str], set[int]] = {}
            for sid, key, kind in s.execute(select(Speaker.id, Speaker.key, Speaker.kind)):
                idx.setdefault((loose_key(key), kind), set()).add(sid)
            for sid, key, kind in s.execute(select(SpeakerAlias.speaker_id, SpeakerAlias.key, SpeakerAlias.kind)):
                idx.setdefault((loose_key(key), kind), set()).add(sid)
            self._loose = idx
        return self._loose

    def _by_variant(self, s: Session, key: str, kind: str) -> int | None:
        lk = loose_key(key)
        if lk == key and not any(len(t) >= _LOOSE_MIN_LEN for t in key.split()):
            return None
        cands = self._load_loose(s).get((lk, kind), set())
        if len(cands) != 1:
            return None
        sid = next(iter(cands))
        return sid if s.get(Speaker, sid) is not None else None

    # -- writes ------------------------------------------------------------------
    def _create(self, s: Session, name: str, key: str, kind: str, gender: str | None) -> int:
        sp = Speaker.__table__
        c = s.connection()
        sid = c.scalar(self._insert(s, "speakers"), {"name": name, "key": key, "kind": kind, "gender": gender})
        if sid is None:  # a concurrent ingester created it first
            sid = c.scalar(select(sp.c.id).where(sp.c.key == key, sp.c.kind == kind))
            assert sid is not None
        else:
            self.created += 1
        if kind == "person":
            self._note_person(sid, key)
        if self._loose is not None:
            self._loose.setdefault((loose_key(key), kind), set()).add(sid)
        return sid

    def add_alias(self, s: Session, speaker_id: int, alias: str, kind: str, *, manual: bool = False) -> None:
        key = self._key(alias)
        if not key or (key, kind) in self._aliases_done:
            return
        row = {"speaker_id": speaker_id, "alias": alias, "key": key, "kind": kind, "manual": manual}
        if self.defer_aliases:
            self._pending.append(row)
        else:
            s.connection().execute(self._insert(s, "speaker_aliases"), row)
        self._aliases_done.add((key, kind))
        self._absent.discard((key, kind))
        self._ids.setdefault((key, kind), speaker_id)

    def flush_aliases(self, s: Session) -> None:
        """Write the deferred alias rows (insert-or-ignore, one executemany)."""
        if self._pending:
            # key order, as for speaker_stats: concurrent PostgreSQL ingesters take the same locks in the same order
            self._pending.sort(key=lambda r: (r["key"], r["kind"]))
            s.connection().execute(self._insert(s, "speaker_aliases"), self._pending)
            self._pending = []

    def resolve_name(self, s: Session, name: str, kind: str, gender: str | None = None) -> int | None:
        """The speaker id for ``name`` of ``kind`` (created when new), or None for an empty name."""
        key = self._key(name)
        if not key:
            return None
        sid = self._lookup(s, key, kind)
        if sid is None and kind == "person":
            tokens = key.split()
            if len(tokens) == 1:
                sid = self._by_surname(s, tokens[0])
            else:
                sid = self._upgrade_bare(s, name, key)
        if sid is None and kind != "anonymous":
            sid = self._by_variant(s, key, kind)
        if sid is None:
            sid = self._create(s, name, key, kind, gender)
        self._ids[(key, kind)] = sid
        self._absent.discard((key, kind))
        self.add_alias(s, sid, name, kind)
        return sid

    def resolve(self, s: Session, q: QuoteResult) -> int | None:
        """The speaker id of quote ``q`` (aliases recorded), or None when it has no speaker."""
        if not q.speaker or not q.speaker.strip():
            return None
        kind = speaker_kind(q.speaker_kind)
        name = strip_title(q.speaker, q.title) or q.speaker.strip()
        sid = self.resolve_name(s, name, kind, q.gender)
        if sid is not None and q.mention:
            form = strip_title(q.mention, q.title)
            mkey, skey = self._key(form), self._key(name)
            # only forms of the name itself ("بلينكن" of "أنتوني بلينكن"), never generic
            # descriptions ("الوزير", "الوكالة") that would capture other speakers later
            if mkey and mkey != skey and (set(mkey.split()) <= set(skey.split())
                                          or set(skey.split()) <= set(mkey.split())):
                self.add_alias(s, sid, form, kind)
        return sid


def _find(s: Session, ref: str) -> Speaker:
    ref = ref.strip()
    if ref.isascii() and ref.isdigit():
        if int(ref) > 2**63 - 1:
            raise QuotetrackError(f"no speaker with id {ref}")
        sp = s.get(Speaker, int(ref))
        if sp is None:
            raise QuotetrackError(f"no speaker with id {ref}")
        return sp
    key = speaker_key(ref)
    ids = set(s.scalars(select(SpeakerAlias.speaker_id).where(SpeakerAlias.key == key)).all())
    ids |= set(s.scalars(select(Speaker.id).where(Speaker.key == key)).all())
    if not ids:
        raise QuotetrackError(f"no speaker named {ref!r}; list them with `quotetrack speakers`")
    if len(ids) > 1:
        raise QuotetrackError(f"{ref!r} names {len(ids)} speakers (ids {', '.join(map(str, sorted(ids)))}); "
                              f"pass an id instead")
    sp = s.get(Speaker, ids.pop())
    assert sp is not None
    return sp


@dataclass(frozen=True, slots=True)
class MergeResult:
    kept_id: int
    kept_name: str
    merged_id: int
    merged_name: str
    quotes_moved: int
    aliases_moved: int


def merge_speakers(engine: Engine, a: str | int, b: str | int) -> MergeResult:
    """Merge speaker B into A: B's quotes and aliases move to A, B's names become
    manual aliases of A (so later ingests resolve them to A), and B is deleted."""
    with Session(engine) as s, s.begin():
        sa_, sb = _find(s, str(a)), _find(s, str(b))
        if sa_.id == sb.id:
            raise QuotetrackError(f"{a!r} and {b!r} are the same speaker (id {sa_.id})")
        moved_q = s.execute(update(Quote).where(Quote.speaker_id == sb.id).values(speaker_id=sa_.id)).rowcount
        moved_a = s.execute(update(SpeakerAlias).where(SpeakerAlias.speaker_id == sb.id)
                            .values(speaker_id=sa_.id, manual=True)).rowcount
        # B's canonical name (and A's) as aliases, so lookups find A first
        for name, kind in ((sb.name, sb.kind), (sa_.name, sa_.kind)):
            key = speaker_key(name)
            existing = s.scalar(select(SpeakerAlias).where(SpeakerAlias.key == key, SpeakerAlias.kind == kind))
            if existing is None:
                s.add(SpeakerAlias(speaker_id=sa_.id, alias=name, key=key, kind=kind, manual=True))
            else:
                existing.speaker_id = sa_.id
                existing.manual = True
        if sa_.gender is None and sb.gender is not None:
            sa_.gender = sb.gender
        result = MergeResult(sa_.id, sa_.name, sb.id, sb.name, moved_q or 0, moved_a or 0)
        s.flush()
        recompute_speaker_stats(s, {sa_.id, sb.id})  # A's totals now include B's quotes; B's row goes
        recompute_speaker_facets(s, {sa_.id, sb.id})
        s.execute(delete(Speaker).where(Speaker.id == sb.id))
    return result


__all__ = ["SpeakerResolver", "merge_speakers", "MergeResult", "speaker_key", "loose_key", "strip_title"]
