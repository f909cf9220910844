"""Speakers across articles: one row per real person, organization or (per article) anonymous source.

Identity is a function of the stored data, never of the order it arrived in:

1. Each quote carries a *name*: the name its own article gives the speaker (the extractor's
   per-article canonical name, title removed; a one-word name that is the last word of exactly one
   full name quoted in the same article becomes that full name). Names that fail the shape check
   (``name_shape``) are not stored as speakers. A name is a ``speaker_aliases`` row and the quote
   points at it (``quotes.alias_id``).
2. Every name is resolved to a speaker by rules over all stored names:
   - full names (several words; every organization name) group by ``loose_key``, which folds
     transliteration variants (ترامب/ترمب, بلينكن/بلينكين, غوتيريش/جوتيريش);
   - anonymous descriptions, bare common nouns (المصدر, البيان, الوزارة) and one-word person names
     are scoped to their article: their key ends in `` #<article id>``, so they never meet another
     article's (every bare "محمد" of the corpus is not one person);
   - a one-word person name still joins the full name that carries it as its last word when the
     corpus leaves no doubt (that full name has at least ``MARGIN`` times the quotes of the next one,
     and at least as many as the full names that start with the word: then it is a first name);
   - the speaker's canonical name is its most quoted full form (ties: more words, then key order);
   - a manual decision (``speakers merge/rename/split/alias remove``) pins names to a speaker;
     pinned names are never moved, and unpinned spellings of a pinned name follow it.
3. Each ingest batch re-runs the rules for the names it touches (their spelling groups, the
   one-word names their first or last word bears on, and the full names such a one-word name may
   join or that start with it),
   moves the quotes whose name changed speaker, and drops names and speakers left without quotes.
   On PostgreSQL a transaction-level advisory lock serializes this step between ingesters (SQLite
   writers are serialized already), so concurrent runs end in the same state as one run.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex
from sqlalchemy import bindparam, delete, exists, func, select, text, update
from sqlalchemy.orm import Session

from ..errors import QuotetrackError
from ..extractor.quote import Quote as QuoteResult
from .models import Quote, Speaker, SpeakerAlias
from .keys import speaker_key  # noqa: F401  (defined there, used here and by importers)
from .name_shape import is_generic, name_problem
from .repo import dialect_insert

log = logging.getLogger(__name__)

KINDS = ("person", "organization", "anonymous")
#: a one-word person name joins a full name with at least MARGIN times the quotes of the runner-up
MARGIN = 4
#: separates a name key from the article it is scoped to (name keys hold no punctuation)
SCOPE_SEP = " #"
#: PostgreSQL advisory lock key held (per transaction) while names are resolved
_LOCK_KEY = 0x71740012
_LOOSE_VOWELS = regex.compile(r"[اوي]")
_ALLAH = regex.compile(r"(?<=\p{L}) الله(?!\p{L})")
_LOOSE_MIN_LEN = 6  # shorter tokens are Arabic names where a vowel letter matters (محمد/محمود, سلمان/سليمان)


def _loose_token(tok: str) -> str:
    if len(tok) >= 5:
        tok = tok[0] + tok[1:].replace("ج", "غ")  # سيرغي/سيرجي (the g of foreign names)
    if len(tok) >= _LOOSE_MIN_LEN:
        if tok[-1] == "ش":  # غوتيريش/غوتيريس
            tok = tok[:-1] + "س"
        first = "غ" if tok[0] in "جگ" else tok[0]
        return first + _LOOSE_VOWELS.sub("", tok[1:-1]) + tok[-1]  # the last letter stays (الجبير/الجابري)
    # five letters with an inner alef: ترامب/ترمب; not the Arabic patterns فعلان (سلمان) and فعالة (سلامة)
    if len(tok) == 5 and "ا" in tok[1:] and not tok.endswith("ه") and not (tok[3] == "ا" and tok[4] == "ن"):
        return tok[0] + tok[1:].replace("ا", "")
    return tok


def loose_key(key: str) -> str:
    """A looser key for transliterated names: long tokens lose inner long vowels and write ج as غ,
    "X الله" is one word;
    "A بن B C" is "A C" (عادل بن أحمد الجبير = عادل الجبير)."""
    toks = _ALLAH.sub("الله", key).split()  # نصر الله = نصرالله, like عبد الله = عبدالله in speaker_key
    if len(toks) == 4 and toks[1] in ("بن", "ابن") and toks[2] != "ال":
        toks = [toks[0], toks[3]]
    return " ".join(_loose_token(t) for t in toks)


def surname_key(key: str) -> str:
    """The last word of a name with its inner vowel letters dropped (ترامب/ترمب, بوتين/بوتن): what a
    one-word name and the full names it may stand for have in common."""
    tok = loose_key(key).split()[-1] if key.split() else ""
    # the last letter stays: الجبير/الجابري and العمر/العمري are different names
    return tok[0] + _LOOSE_VOWELS.sub("", tok[1:-1]) + tok[-1] if len(tok) >= 4 else tok


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


def scoped(key: str, scope: str) -> str:
    """The key of a name that only holds inside article ``scope`` (its external id)."""
    return f"{key}{SCOPE_SEP}{scope}"


def unscoped(key: str) -> str:
    return key.split(SCOPE_SEP, 1)[0]


@dataclass(frozen=True, slots=True)
class NameUse:
    """The name one quote gives its speaker (what the resolver stores and links)."""

    key: str            # speaker_key, with the article scope for scoped names
    kind: str
    surface: str        # as written (title removed)
    gender: str | None
    scope: str          # the article's external id
    is_scoped: bool


def _kind(q: QuoteResult) -> str:
    return q.speaker_kind if q.speaker_kind in KINDS else "person"


def article_names(quotes: Sequence[QuoteResult], scope: str) -> tuple[list[NameUse | None], int]:
    """The name of each quote of one article (None: no speaker), and how many names failed the shape check.

    Inside the article, a one-word person name that is the last word of exactly one full
    person name of the article becomes that full name."""
    raw: list[tuple[str, str, str | None] | None] = []
    rejected = 0
    for q in quotes:
        if not q.speaker or not q.speaker.strip():
            raw.append(None)
            continue
        kind = _kind(q)
        name = strip_title(q.speaker, q.title) or q.speaker.strip()
        if name_problem(name, kind) is not None:
            rejected += 1
            raw.append(None)
            continue
        raw.append((name, kind, q.gender))
    full: dict[str, set[str]] = {}
    for r in raw:
        if r is not None and r[1] == "person":
            toks = r[0].split()
            if len(toks) > 1:
                full.setdefault(surname_key(speaker_key(r[0])), set()).add(r[0])
    out: list[NameUse | None] = []
    for r in raw:
        if r is None:
            out.append(None)
            continue
        name, kind, gender = r
        if kind == "person" and len(name.split()) == 1:
            word = speaker_key(name)
            owners = {o for o in full.get(surname_key(word), set()) if same_word(speaker_key(o).split()[-1], word)}
            if len(owners) == 1:
                name = next(iter(owners))
        key = speaker_key(name)
        if not key:
            out.append(None)
            continue
        # scoped to the article: anonymous descriptions, bare common nouns, and one-word person names
        # (which still join a full name when the corpus leaves no doubt, see _decide)
        is_scoped = kind == "anonymous" or is_generic(name) or (kind == "person" and " " not in key)
        out.append(NameUse(scoped(key, scope) if is_scoped else key, kind, name, gender, scope, is_scoped))
    return out, rejected


@dataclass
class _Alias:
    """An alias row as the resolver sees it (``id`` None: not stored yet)."""

    id: int | None
    key: str
    kind: str
    alias: str
    loose: str | None
    surname: str | None
    forename: str | None
    gender: str | None
    speaker_id: int | None
    manual: bool
    quotes: int = 0
    dirty: bool = False


def same_word(a: str, b: str) -> bool:
    """Two last words that spell one name: equal loose keys, or one vowel letter more in a word of
    five letters or more (بوتن/بوتين, زوكربرغ/زوكربيرغ); not a vowel for another (قدير/قدور,
    فيليب/فولب), nor a vowel more in a short Arabic name (ناصر/نصر, سعيد/سعد)."""
    a, b = _loose_token(a), _loose_token(b)
    if a == b:
        return True
    long, short = (a, b) if len(a) > len(b) else (b, a)
    if len(long) - len(short) != 1 or len(long) < 5:  # short Arabic names differ by a vowel: ناصر/نصر
        return False
    return any(long[i] in "اوي" and long[:i] + long[i + 1:] == short for i in range(1, len(long) - 1))


def _part_of(short: list[str], long: list[str]) -> bool:
    """``short`` names the person ``long`` names: its last words ("جواد ظريف" of "محمد جواد ظريف"), or the same
    words, the family name spelled with a vowel letter more ("فلاديمير بوتن" / "فلاديمير بوتين")."""
    if 2 <= len(short) < len(long):
        return long[-len(short):] == short
    # (only the family name may differ: "محمد عباس" and "محمود عباس" are two people)
    return len(short) == len(long) and short != long and short[:-1] == long[:-1] and same_word(short[-1], long[-1])


def _claims_of_full_names(groups: dict[tuple[str, str], list["_Alias"]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Full person names (two words or more) claimed by the one longer or better-quoted full name they
    are part of, when the corpus leaves no doubt: that name has at least as many quotes as the claimed
    one and ``MARGIN`` times the runner-up. Ties are broken by key, so the result is a function of the data."""
    full = sorted((sum(a.quotes for a in g), gid) for gid, g in groups.items()
                  if gid[1] == "person" and SCOPE_SEP not in gid[0] and " " in gid[0])
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for n, gid in full:
        words = gid[0].split()
        cands = sorted(((m, c) for m, c in full if c != gid and _part_of(words, c[0].split())
                        and (len(words) < len(c[0].split()) or (m, c[0]) > (n, gid[0]))),
                       key=lambda t: (-t[0], t[1]))
        if cands and cands[0][0] >= n and cands[0][0] >= MARGIN * (cands[1][0] if len(cands) > 1 else 0):
            out[gid] = cands[0][1]
    return out


def name_keys(key: str, kind: str, is_scoped: bool) -> tuple[str | None, str | None, str | None]:
    """``speaker_aliases.loose``, ``.surname`` and ``.forename`` of a name: none for a name scoped to
    its article, except that a one-word person name keeps loose and surname (it may join a full name);
    surname for every person name, forename for a person name of several words."""
    if is_scoped:
        key = unscoped(key)
        if kind != "person" or " " in key:
            return None, None, None
        return loose_key(key), surname_key(key), None  # a one-word person name may still join a full name
    lk = loose_key(key)
    if kind != "person":
        return lk, None, None
    return lk, surname_key(key), (lk.split()[0] if " " in lk else None)


def _smaller(a: str | None, b: str | None) -> str | None:
    """The deterministic pick of two values (the smaller non-null one)."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


@dataclass
class Resolution:
    """What ``resolve_batch`` decided: each quote's (alias id, speaker id), and the speakers whose
    stored quotes moved (their stats must be recomputed)."""

    links: list[tuple[int, int] | None] = field(default_factory=list)
    touched_speakers: set[int] = field(default_factory=set)


def lock_names(s: Session) -> None:
    """Serialize name resolution between concurrent writers (PostgreSQL; SQLite writers are serial)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})


def _chunks(xs: Sequence[Any], n: int = 500) -> Iterable[Sequence[Any]]:
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


@dataclass
class SpeakerResolver:
    """Resolves the names of one ingest batch at a time (no state carried between batches but a counter)."""

    created: int = 0

    # -- reading -------------------------------------------------------------------
    @staticmethod
    def _load(s: Session, where: Any) -> list[_Alias]:
        al = SpeakerAlias.__table__
        return [_Alias(r.id, r.key, r.kind, r.alias, r.loose, r.surname, r.forename, r.gender, r.speaker_id,
                       bool(r.manual))
                for r in s.connection().execute(select(
                    al.c.id, al.c.key, al.c.kind, al.c.alias, al.c.loose, al.c.surname, al.c.forename, al.c.gender,
                    al.c.speaker_id, al.c.manual).where(where))]

    def resolve_batch(self, s: Session, uses: Sequence[NameUse | None],
                      removed_alias_ids: Iterable[int] = ()) -> Resolution:
        """Store the batch's names, re-run the identity rules for everything they touch, and move
        the quotes of names whose speaker changed. ``uses``: one entry per quote about to be inserted
        (None: no speaker); ``removed_alias_ids``: names of quotes the batch deleted (re-extraction).
        Call inside the batch transaction before inserting the quotes; ``Resolution.links`` gives
        each quote's (alias id, speaker id)."""
        al, qt = SpeakerAlias.__table__, Quote.__table__
        res = Resolution()
        removed = sorted(set(removed_alias_ids))
        if not any(uses) and not removed:
            res.links = [None] * len(uses)
            return res
        rows: dict[tuple[str, str], _Alias] = {}

        def add(found: list[_Alias]) -> None:
            for a in found:
                rows.setdefault((a.key, a.kind), a)

        # a manual split pins a name inside one article: that article's uses go to the pin
        pin_keys = sorted({scoped(u.key, u.scope) for u in uses if u is not None and not u.is_scoped})
        for chunk in _chunks(pin_keys):
            add([a for a in self._load(s, al.c.key.in_(chunk)) if a.manual])
        uses = [u if u is None or u.is_scoped or (scoped(u.key, u.scope), u.kind) not in rows
                else NameUse(scoped(u.key, u.scope), u.kind, u.surface, u.gender, u.scope, True) for u in uses]
        batch: dict[tuple[str, str], list[Any]] = {}  # (key, kind) -> [surface, gender, count, scoped]
        for u in uses:
            if u is None:
                continue
            b = batch.get((u.key, u.kind))
            if b is None:
                batch[(u.key, u.kind)] = [u.surface, u.gender, 1, u.is_scoped]
            else:
                b[0], b[1], b[2] = _smaller(b[0], u.surface), _smaller(b[1], u.gender), b[2] + 1
        for chunk in _chunks(sorted({k for k, _ in batch})):
            add(self._load(s, al.c.key.in_(chunk)))
        for chunk in _chunks(removed):
            add(self._load(s, al.c.id.in_(chunk)))
        for (key, kind), b in batch.items():
            a = rows.get((key, kind))
            if a is None:
                loose, surname, forename = name_keys(key, kind, b[3])
                rows[(key, kind)] = _Alias(None, key, kind, b[0], loose, surname, forename, b[1], None, False,
                                           dirty=True)
                continue
            surface, gender = _smaller(a.alias, b[0]), _smaller(a.gender, b[1])
            if (surface, gender) != (a.alias, a.gender):
                a.alias, a.gender, a.dirty = surface, gender, True
            if a.loose is None and not b[3]:  # stored before 0006_speaker_identity
                a.loose, a.surname, a.forename = name_keys(key, kind, False)
                a.dirty = True
        # everything the touched names can affect (one bounded round each, see the module docstring):
        # 1. their spelling groups
        for chunk in _chunks(sorted({a.loose for a in rows.values() if a.loose is not None})):
            add(self._load(s, al.c.loose.in_(chunk)))
        # 2. the one-word names a touched full name may claim (same surname) or argue against (its forename)
        core = [a for a in rows.values() if a.kind == "person" and a.loose is not None]
        surnames = {a.surname for a in core if a.surname is not None}
        self._load_in(s, al.c.surname, surnames, add)
        self._load_in(s, al.c.loose, {a.forename for a in core if a.forename is not None}, add)
        # 3. for every one-word name now loaded: the full names that may own it (and its sibling
        #    spellings), then the full names starting with it (evidence that it is a first name)
        bare = [a for a in rows.values() if a.kind == "person" and a.loose is not None and " " not in a.loose]
        self._load_in(s, al.c.surname, {a.surname for a in bare if a.surname is not None} - surnames, add)
        bare = [a for a in rows.values() if a.kind == "person" and a.loose is not None and " " not in a.loose]
        self._load_in(s, al.c.forename, {a.loose for a in bare if a.loose is not None}, add)
        # quote counts of the stored names, plus this batch's
        ids = sorted(a.id for a in rows.values() if a.id is not None)
        counts: dict[int, int] = {}
        for chunk in _chunks(ids):
            counts.update({i: n for i, n in s.connection().execute(
                select(qt.c.alias_id, func.count()).where(qt.c.alias_id.in_(chunk)).group_by(qt.c.alias_id))})
        for a in rows.values():
            b = batch.get((a.key, a.kind))
            a.quotes = (counts.get(a.id, 0) if a.id is not None else 0) + (b[2] if b is not None else 0)
        self._apply(s, rows, self._decide(rows.values()), res)
        links: list[tuple[int, int] | None] = []
        for u in uses:
            if u is None:
                links.append(None)
                continue
            a = rows[(u.key, u.kind)]
            assert a.id is not None and a.speaker_id is not None
            links.append((a.id, a.speaker_id))
        res.links = links
        return res

    def _load_in(self, s: Session, col: Any, values: set[str], add: Any) -> None:
        for chunk in _chunks(sorted(values)):
            add(self._load(s, col.in_(chunk)))

    # -- deciding ------------------------------------------------------------------
    @staticmethod
    def _decide(aliases: Iterable[_Alias]) -> dict[tuple[str, str], tuple[Any, ...]]:
        """(key, kind) → ("pin", speaker_id) or ("auto", canonical alias) for every loaded name."""
        groups: dict[tuple[str, str], list[_Alias]] = {}
        out: dict[tuple[str, str], tuple[Any, ...]] = {}
        for a in aliases:
            if a.loose is None:  # scoped to its article: a speaker of its own unless pinned
                out[(a.key, a.kind)] = ("pin", a.speaker_id) if a.manual and a.speaker_id is not None else ("self", a)
                continue
            # a one-word person name is scoped to its article: a group of its own that may join a full name
            gid = (a.key, a.kind) if SCOPE_SEP in a.key else (a.loose, a.kind)
            groups.setdefault(gid, []).append(a)
        # one-word person groups claimed by a full name
        by_surname: dict[str, list[tuple[int, str]]] = {}
        by_forename: dict[str, int] = {}
        for gid, g in groups.items():
            lk = g[0].loose or ""
            if gid[1] == "person" and " " in lk and g[0].surname is not None:
                n = sum(a.quotes for a in g)
                by_surname.setdefault(g[0].surname, []).append((n, gid[0]))
                by_forename[lk.split()[0]] = by_forename.get(lk.split()[0], 0) + n
        owner: dict[tuple[str, str], tuple[str, str]] = {}
        for gid, g in groups.items():
            lk = g[0].loose or ""
            if gid[1] != "person" or " " in lk or g[0].surname is None:
                continue
            cands = sorted((c for c in by_surname.get(g[0].surname, []) if same_word(c[1].split()[-1], lk)),
                           key=lambda t: (-t[0], t[1]))
            # no doubt: the full name outweighs the runner-up MARGIN times, and the full names that start
            # with the word (then it is a first name: "محمد", "جون", "مايكل")
            if cands and cands[0][0] >= max(1, by_forename.get(lk, 0)) \
                    and cands[0][0] >= MARGIN * (cands[1][0] if len(cands) > 1 else 0):
                owner[gid] = (cands[0][1], "person")
        owner.update(_claims_of_full_names(groups))
        for gk in list(owner):  # a name claimed by a name that is claimed in turn goes to the last one
            seen = {gk}
            while owner[gk] in owner and owner[gk] not in seen:
                seen.add(owner[gk])
                owner[gk] = owner[owner[gk]]
        clusters: dict[tuple[str, str], list[_Alias]] = {}
        for gk, g in groups.items():
            clusters.setdefault(owner.get(gk, gk), []).extend(g)
        for ck, members in clusters.items():
            pins = sorted((a for a in members if a.manual and a.speaker_id is not None),
                          key=lambda a: (-a.quotes, a.key))
            if pins:
                target: tuple[Any, ...] = ("pin", pins[0].speaker_id)
            else:
                core = groups[ck] if ck in groups else members
                canon = min(core, key=lambda a: (-a.quotes, -len(a.key.split()), a.key))
                target = ("auto", canon)
            for a in members:
                out[(a.key, a.kind)] = ("pin", a.speaker_id) if a.manual else target
        return out

    # -- writing -------------------------------------------------------------------
    def _speakers_for(self, s: Session, wanted: dict[tuple[str, str], tuple[str, str | None]]) -> dict[tuple[str, str], int]:
        """The speaker rows for (key, kind) → (name, gender): found by key, created when missing (one
        multi-row INSERT), their name and gender kept current unless set by hand."""
        sp = Speaker.__table__
        c = s.connection()
        out: dict[tuple[str, str], int] = {}
        stale = []
        for chunk in _chunks(sorted({k for k, _ in wanted})):
            for r in c.execute(select(sp.c.id, sp.c.key, sp.c.kind, sp.c.name, sp.c.gender, sp.c.manual)
                               .where(sp.c.key.in_(chunk))):
                want = wanted.get((r.key, r.kind))
                if want is None:
                    continue
                out[(r.key, r.kind)] = r.id
                if not r.manual and (r.name, r.gender) != want:
                    stale.append({"sid": r.id, "nm": want[0], "g": want[1]})
        if stale:
            c.execute(update(sp).where(sp.c.id == bindparam("sid")).values(name=bindparam("nm"), gender=bindparam("g")),
                      sorted(stale, key=lambda r: r["sid"]))
        missing = sorted(k for k in wanted if k not in out)
        if missing:
            ins = dialect_insert(s, sp).on_conflict_do_nothing(index_elements=["key", "kind"]).returning(
                sp.c.key, sp.c.kind, sp.c.id)
            got = {(k, kd): i for k, kd, i in c.execute(ins, [
                {"name": wanted[k][0], "key": k[0], "kind": k[1], "gender": wanted[k][1], "manual": False}
                for k in missing])}
            self.created += len(got)
            out.update(got)
            for k in missing:
                if k not in out:  # stored meanwhile by another writer
                    out[k] = c.scalar(select(sp.c.id).where(sp.c.key == k[0], sp.c.kind == k[1]))
        return out

    def _apply(self, s: Session, rows: dict[tuple[str, str], _Alias],
               targets: dict[tuple[str, str], tuple[Any, ...]], res: Resolution) -> None:
        al, sp, qt = SpeakerAlias.__table__, Speaker.__table__, Quote.__table__
        c = s.connection()
        members: dict[int, list[_Alias]] = {}  # id(canonical alias) -> the names it stands for
        for (key, kind), t in targets.items():
            if t[0] == "auto":
                members.setdefault(id(t[1]), []).append(rows[(key, kind)])
        wanted: dict[tuple[str, str], tuple[str, str | None]] = {}
        for (key, kind), a in rows.items():
            t = targets[(key, kind)]
            if a.quotes == 0 and not a.manual and a.id is not None:
                continue
            if t[0] == "auto":
                canon = t[1]
                # the gender of the canonical spelling group (always loaded whole; one-word names joined
                # to it may not be, so they do not vote)
                gs = sorted((m for m in members[id(canon)] if m.gender and m.loose == canon.loose),
                            key=lambda m: (-m.quotes, m.key))
                wanted[(canon.key, canon.kind)] = (canon.alias, gs[0].gender if gs else None)
            elif t[0] == "self" and a.speaker_id is None:
                wanted[(a.key, a.kind)] = (a.alias, a.gender)
        ids = self._speakers_for(s, wanted) if wanted else {}
        moved: dict[int, list[int]] = {}
        for (key, kind), a in sorted(rows.items()):
            t = targets[(key, kind)]
            if a.quotes == 0 and not a.manual and a.id is not None:
                continue  # left without quotes: dropped below
            if t[0] == "pin":
                sid = t[1]
            elif t[0] == "self":  # scoped: a speaker of its own in its article
                sid = a.speaker_id if a.speaker_id is not None else ids[(a.key, a.kind)]
            else:
                sid = ids[(t[1].key, t[1].kind)]
            if a.speaker_id != sid:
                if a.id is not None:
                    moved.setdefault(sid, []).append(a.id)
                    if a.speaker_id is not None:
                        res.touched_speakers.add(a.speaker_id)
                    res.touched_speakers.add(sid)
                a.speaker_id, a.dirty = sid, True
        # write names: new ones in key order (concurrent writers lock in one order), changed ones by id
        new = sorted((a for a in rows.values() if a.id is None), key=lambda a: (a.key, a.kind))
        if new:
            ins = dialect_insert(s, al).on_conflict_do_nothing(index_elements=["key", "kind"]).returning(
                al.c.key, al.c.kind, al.c.id)
            got = {(k, kd): i for k, kd, i in c.execute(ins, [
                {"speaker_id": a.speaker_id, "alias": a.alias, "key": a.key, "kind": a.kind, "manual": False,
                 "loose": a.loose, "surname": a.surname, "forename": a.forename, "gender": a.gender}
                for a in new])}
            for a in new:
                a.id = got.get((a.key, a.kind))
                if a.id is None:  # stored meanwhile (SQLite without the advisory lock): take that row
                    a.id = c.scalar(select(al.c.id).where(al.c.key == a.key, al.c.kind == a.kind))
                a.dirty = False
        changed = sorted((a for a in rows.values() if a.dirty and a.id is not None), key=lambda a: a.id or 0)
        if changed:
            c.execute(update(al).where(al.c.id == bindparam("aid")).values(
                speaker_id=bindparam("sid"), alias=bindparam("surface"), gender=bindparam("g"),
                loose=bindparam("lk"), surname=bindparam("sn"), forename=bindparam("fn")),
                [{"aid": a.id, "sid": a.speaker_id, "surface": a.alias, "g": a.gender, "lk": a.loose,
                  "sn": a.surname, "fn": a.forename} for a in changed])
        for sid, alias_ids in sorted(moved.items()):
            for chunk in _chunks(sorted(alias_ids)):
                c.execute(update(qt).where(qt.c.alias_id.in_(chunk)).values(speaker_id=sid))
        # names without quotes (re-extraction dropped them) go, then speakers without names or quotes
        gone = sorted(a.id for a in rows.values() if a.quotes == 0 and not a.manual and a.id is not None)
        orphans = {a.speaker_id for a in rows.values() if a.quotes == 0 and not a.manual and a.speaker_id}
        for chunk in _chunks(gone):
            c.execute(delete(al).where(al.c.id.in_(chunk)))
        orphans |= res.touched_speakers
        if orphans:
            for chunk in _chunks(sorted(orphans)):
                dead = c.scalars(select(sp.c.id).where(
                    sp.c.id.in_(chunk), sp.c.manual.is_(False),
                    ~exists().where(al.c.speaker_id == sp.c.id),
                    ~exists().where(qt.c.speaker_id == sp.c.id))).all()
                if dead:
                    c.execute(delete(sp).where(sp.c.id.in_(dead)))
                    res.touched_speakers -= set(dead)


# ------------------------------------------------------------------------------------ lookups

def find_speaker(s: Session, ref: str) -> Speaker:
    """The one speaker ``ref`` names: an id, or a name / alias (QuotetrackError when none or several)."""
    ref = ref.strip()
    if ref.isascii() and ref.isdigit():  # (not "²", which isdigit() accepts and int() refuses)
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


__all__ = ["SpeakerResolver", "NameUse", "Resolution", "article_names", "lock_names", "find_speaker",
           "speaker_key", "loose_key", "surname_key", "same_word", "name_keys", "strip_title", "scoped", "unscoped", "MARGIN", "SCOPE_SEP"]
