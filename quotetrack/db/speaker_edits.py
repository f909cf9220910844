"""Manual corrections of speaker identity: merge, rename, split, remove an alias, and review.

Every correction pins names (``speaker_aliases.manual``) or a speaker's name (``speakers.manual``):
the automatic resolution (``quotetrack.db.speakers``) never moves a pinned name, and unpinned
spellings of a pinned name follow it, so a decision survives re-ingest and ``--reextract``.
A split by article pins the name inside those articles only (an alias scoped to the article).
Each correction runs in one transaction under the resolver's lock and recomputes the totals
(``speaker_stats``, ``speaker_facets``) of the speakers it touches.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, delete, distinct, func, select, update
from sqlalchemy.orm import Session

from ..errors import QuotetrackError
from .models import Article, Quote, Speaker, SpeakerAlias
from .name_shape import name_problem
from .repo import recompute_speaker_facets, recompute_speaker_stats
from .speakers import SCOPE_SEP, find_speaker, lock_names, loose_key, name_keys, scoped, speaker_key, unscoped


@contextmanager
def _editing(engine: Engine) -> Iterator[Session]:
    with Session(engine) as s, s.begin():
        lock_names(s)
        yield s


def _touch(s: Session, ids: Iterable[int]) -> None:
    ids = set(ids)
    s.flush()
    recompute_speaker_stats(s, ids)
    recompute_speaker_facets(s, ids)


def _pin_aliases(s: Session, speaker_id: int) -> None:
    s.execute(update(SpeakerAlias).where(SpeakerAlias.speaker_id == speaker_id).values(manual=True))


def _add_alias(s: Session, speaker_id: int, name: str, kind: str) -> None:
    """``name`` as a pinned alias of the speaker (moved to it when another speaker had it)."""
    key = speaker_key(name)
    existing = s.scalar(select(SpeakerAlias).where(SpeakerAlias.key == key, SpeakerAlias.kind == kind))
    if existing is None:
        lk, surname, forename = name_keys(key, kind, False)
        s.add(SpeakerAlias(speaker_id=speaker_id, alias=name, key=key, kind=kind, manual=True, loose=lk,
                           surname=surname, forename=forename))
    elif existing.speaker_id != speaker_id:
        raise QuotetrackError(f"{name!r} is a name of speaker {existing.speaker_id}; merge or split instead")
    else:
        existing.manual = True


def _new_speaker(s: Session, name: str, kind: str, gender: str | None) -> Speaker:
    name = " ".join(name.split())
    key = speaker_key(name)
    if not key:
        raise QuotetrackError("the new name is empty")
    if s.scalar(select(Speaker.id).where(Speaker.key == key, Speaker.kind == kind)) is not None:
        raise QuotetrackError(f"a {kind} named {name!r} exists already; use `speakers merge` to join them")
    sp = Speaker(name=name, key=key, kind=kind, gender=gender, manual=True)
    s.add(sp)
    s.flush()
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
    """Merge speaker B into A: B's quotes and names move to A and every name of both is pinned to A
    (so later ingests resolve them to A), and B is deleted."""
    with _editing(engine) as s:
        sa_, sb = find_speaker(s, str(a)), find_speaker(s, str(b))
        if sa_.id == sb.id:
            raise QuotetrackError(f"{a!r} and {b!r} are the same speaker (id {sa_.id})")
        moved_q = s.execute(update(Quote).where(Quote.speaker_id == sb.id).values(speaker_id=sa_.id)).rowcount
        moved_a = s.execute(update(SpeakerAlias).where(SpeakerAlias.speaker_id == sb.id)
                            .values(speaker_id=sa_.id)).rowcount
        _pin_aliases(s, sa_.id)
        for name, kind in ((sb.name, sb.kind), (sa_.name, sa_.kind)):
            if SCOPE_SEP not in speaker_key(name):
                _add_alias(s, sa_.id, name, kind)
        if sa_.gender is None and sb.gender is not None:
            sa_.gender = sb.gender
        result = MergeResult(sa_.id, sa_.name, sb.id, sb.name, moved_q or 0, moved_a or 0)
        _touch(s, {sa_.id, sb.id})
        s.execute(delete(Speaker).where(Speaker.id == sb.id))
    return result


def rename_speaker(engine: Engine, ref: str | int, new_name: str) -> tuple[int, str, str]:
    """Give a speaker a new canonical name, kept from now on; returns (id, old name, new name)."""
    new_name = " ".join(new_name.split())
    with _editing(engine) as s:
        sp = find_speaker(s, str(ref))
        problem = name_problem(new_name, sp.kind)
        if problem is not None:
            raise QuotetrackError(f"{new_name!r} is not a name: {problem}")
        key = speaker_key(new_name)
        clash = s.scalar(select(Speaker.id).where(Speaker.key == key, Speaker.kind == sp.kind, Speaker.id != sp.id))
        if clash is not None:
            raise QuotetrackError(f"speaker {clash} is already named {new_name!r}; use `speakers merge {clash} {sp.id}`")
        old = sp.name
        _pin_aliases(s, sp.id)
        _add_alias(s, sp.id, new_name, sp.kind)
        sp.name, sp.key, sp.manual = new_name, key, True
        return sp.id, old, new_name


@dataclass(frozen=True, slots=True)
class SplitResult:
    from_id: int
    new_id: int
    new_name: str
    quotes_moved: int


def split_speaker(engine: Engine, ref: str | int, new_name: str | None = None, *, alias: str | None = None,
                  articles: Sequence[str] = ()) -> SplitResult:
    """Move some of a speaker's quotes to a new speaker: those whose name is ``alias``, or those in
    the ``articles`` (external ids). The names are pinned to the new speaker (in those articles only
    for an article split), so re-ingest and ``--reextract`` keep the split."""
    if (alias is None) == (not articles):
        raise QuotetrackError("split by --alias NAME or by --article ID (one of the two)")
    with _editing(engine) as s:
        sp = find_speaker(s, str(ref))
        al = SpeakerAlias.__table__
        if alias is not None:
            row = s.scalar(select(SpeakerAlias).where(SpeakerAlias.speaker_id == sp.id,
                                                      SpeakerAlias.key == speaker_key(alias)))
            if row is None:
                raise QuotetrackError(f"{alias!r} is not a name of speaker {sp.id} ({sp.name})")
            new = _new_speaker(s, new_name or row.alias, sp.kind, row.gender)
            row.speaker_id, row.manual = new.id, True
            s.flush()
            moved = s.execute(update(Quote).where(Quote.alias_id == row.id).values(speaker_id=new.id)).rowcount
        else:
            ext = {e: i for e, i in s.execute(select(Article.external_id, Article.id)
                                                .where(Article.external_id.in_(list(articles))))}
            missing = [a for a in articles if a not in ext]
            if missing:
                raise QuotetrackError(f"no article with id {missing[0]!r}")
            quotes = s.execute(select(Quote.id, Quote.article_id, Quote.alias_id).where(
                Quote.speaker_id == sp.id, Quote.article_id.in_(list(ext.values())))).all()
            if not quotes:
                raise QuotetrackError(f"speaker {sp.id} ({sp.name}) has no quotes in those articles")
            new = _new_speaker(s, new_name or sp.name + " (2)", sp.kind, sp.gender)
            by_id = {i: e for e, i in ext.items()}
            names = {r.id: r for r in s.scalars(select(SpeakerAlias).where(
                SpeakerAlias.id.in_({q.alias_id for q in quotes if q.alias_id is not None})))}
            moved = 0
            for q in quotes:
                name = names.get(q.alias_id) if q.alias_id is not None else None
                base = unscoped(name.key) if name is not None else sp.key
                pin_key = scoped(base, by_id[q.article_id])
                pin = s.scalar(select(SpeakerAlias).where(SpeakerAlias.key == pin_key, SpeakerAlias.kind == sp.kind))
                if pin is None:
                    pin = SpeakerAlias(speaker_id=new.id, alias=name.alias if name is not None else sp.name,
                                       key=pin_key, kind=sp.kind, manual=True,
                                       gender=name.gender if name is not None else sp.gender)
                    s.add(pin)
                    s.flush()
                else:
                    pin.speaker_id, pin.manual = new.id, True
                s.execute(update(Quote).where(Quote.id == q.id).values(speaker_id=new.id, alias_id=pin.id))
                moved += 1
            # names of the old speaker left without quotes go
            s.execute(delete(al).where(al.c.speaker_id == sp.id, al.c.manual.is_(False),
                                       ~select(Quote.id).where(Quote.alias_id == al.c.id).exists()))
        _touch(s, {sp.id, new.id})
        return SplitResult(sp.id, new.id, new.name, moved or 0)


def remove_alias(engine: Engine, ref: str | int, alias: str) -> SplitResult | None:
    """Take a name away from a speaker. Its quotes go to a speaker of that name of its own (pinned,
    so automatic resolution does not join it back); a name without quotes is simply deleted."""
    with Session(engine) as s:
        sp = find_speaker(s, str(ref))
        row = s.scalar(select(SpeakerAlias).where(SpeakerAlias.speaker_id == sp.id,
                                                  SpeakerAlias.key == speaker_key(alias)))
        if row is None:
            raise QuotetrackError(f"{alias!r} is not a name of speaker {sp.id} ({sp.name})")
        has_quotes = s.scalar(select(func.count()).select_from(Quote).where(Quote.alias_id == row.id))
        if row.key == sp.key and not has_quotes:
            raise QuotetrackError(f"{alias!r} is the speaker's own name; rename it instead")
    if has_quotes:
        return split_speaker(engine, sp.id, alias=alias)
    with _editing(engine) as s:
        s.execute(delete(SpeakerAlias).where(SpeakerAlias.id == row.id))
    return None


# ------------------------------------------------------------------------------------ review

@dataclass(frozen=True, slots=True)
class Suspect:
    """A speaker row a person should look at, and why."""

    problem: str        # fragment | catch-all | near-duplicate
    speaker_id: int
    speaker: str
    kind: str
    quotes: int
    outlets: int
    detail: str

    def to_dict(self) -> dict[str, object]:
        return {"problem": self.problem, "speaker_id": self.speaker_id, "speaker": self.speaker, "kind": self.kind,
                "quotes": self.quotes, "outlets": self.outlets, "detail": self.detail}


def review_speakers(engine: Engine, *, min_quotes: int = 3, catch_all_outlets: int = 5) -> list[Suspect]:
    """Suspicious speakers with at least ``min_quotes`` quotes, most quoted first:

    - fragment: the name fails the shape check (``name_shape``);
    - catch-all: quoted by ``catch_all_outlets`` or more outlets under several full names that are not
      spellings of one another (a merge gone wrong), or under a one-word name only;
    - near-duplicate: another person whose name differs by one letter, or who is this one-word
      name's full form (the corpus left doubt, so they were not joined)."""
    q, al, sp = Quote.__table__, SpeakerAlias.__table__, Speaker.__table__
    with Session(engine) as s:
        c = s.connection()
        stats = c.execute(select(q.c.speaker_id, func.count(), func.count(distinct(q.c.outlet_id)))
                          .where(q.c.speaker_id.is_not(None)).group_by(q.c.speaker_id)
                          .having(func.count() >= min_quotes)).all()
        counts = {sid: (n, o) for sid, n, o in stats}
        speakers = {r.id: r for r in c.execute(select(sp.c.id, sp.c.name, sp.c.key, sp.c.kind)
                                               .where(sp.c.id.in_(list(counts))))} if counts else {}
        names: dict[int, set[str]] = {}
        for sid, key, kind in c.execute(select(al.c.speaker_id, al.c.key, al.c.kind).where(
                al.c.speaker_id.in_(list(counts)))) if counts else []:
            if SCOPE_SEP not in key:
                names.setdefault(sid, set()).add(key)
    out: list[Suspect] = []
    persons: dict[str, int] = {}
    for sid, r in speakers.items():
        n, outlets = counts[sid]
        if r.kind != "anonymous":
            problem = name_problem(r.name, r.kind)
            if problem is not None:
                out.append(Suspect("fragment", sid, r.name, r.kind, n, outlets, problem))
                continue
        full = {loose_key(k) for k in names.get(sid, ()) if len(k.split()) > 1}
        if r.kind == "person" and outlets >= catch_all_outlets and (len(full) > 1 or not full):
            why = (f"{len(full)} different full names" if full else "one-word name only") + f" across {outlets} outlets"
            out.append(Suspect("catch-all", sid, r.name, r.kind, n, outlets, why))
        if r.kind == "person" and SCOPE_SEP not in r.key:
            persons[r.key] = sid
    keys = sorted(persons)
    by_last: dict[str, list[str]] = {}
    block: dict[tuple[int, str], list[str]] = {}  # names of n words sharing the first or the last word
    for k in keys:
        toks = k.split()
        if len(toks) > 1:
            by_last.setdefault(toks[-1], []).append(k)
            block.setdefault((len(toks), "<" + toks[0]), []).append(k)
        block.setdefault((len(toks), ">" + toks[-1]), []).append(k)
    for k in keys:
        sid = persons[k]
        toks = k.split()
        near = set(block.get((len(toks), ">" + toks[-1]), [])) | set(block.get((len(toks), "<" + toks[0]), []))
        twins = sorted(o for o in near if o != k and abs(len(o) - len(k)) <= 1
                       and difflib.SequenceMatcher(None, k, o).ratio() >= 0.9)
        if len(toks) == 1:
            twins += by_last.get(k, [])[:3]
        if twins:
            r = speakers[sid]
            n, outlets = counts[sid]
            out.append(Suspect("near-duplicate", sid, r.name, r.kind, n, outlets,
                               "also: " + "، ".join(speakers[persons[o]].name for o in twins)))
    out.sort(key=lambda x: (-x.quotes, x.speaker_id, x.problem))
    return out


__all__ = ["merge_speakers", "MergeResult", "rename_speaker", "split_speaker", "SplitResult", "remove_alias",
           "review_speakers", "Suspect"]
