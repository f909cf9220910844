"""A dump of speaker and intermediary identity that does not depend on row ids: speakers, names (aliases) and
quote -> speaker links, each named by keys and external ids, sorted. Two ingests of the same
articles must give equal dumps whatever their order, batch size or interruptions."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quotetrack.db.models import Article, Intermediary, IntermediaryAlias, Quote, Speaker, SpeakerAlias, SpeakerStats


def identity_dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with Session(engine) as s:
        sp = {r.id: (r.key, r.kind) for r in s.execute(select(Speaker.id, Speaker.key, Speaker.kind))}
        speakers = sorted((r.key, r.kind, r.name, r.gender or "", bool(r.manual))
                          for r in s.execute(select(Speaker)).scalars())
        aliases = sorted((r.key, r.kind, r.alias, r.gender or "", bool(r.manual)) + sp[r.speaker_id]
                         for r in s.execute(select(SpeakerAlias)).scalars())
        vi = {r.id: r.key for r in s.execute(select(Intermediary)).scalars()}
        vias = sorted((r.key, r.name) for r in s.execute(select(Intermediary)).scalars())
        via_aliases = sorted((r.key, r.alias, vi[r.intermediary_id])
                             for r in s.execute(select(IntermediaryAlias)).scalars())
        links = sorted((ext, q.char_start, q.char_end, q.mention or "", q.via or "", vi.get(q.via_id, ""))
                       + (sp[q.speaker_id] if q.speaker_id else ("", ""))
                       for ext, q in s.execute(select(Article.external_id, Quote).join(Article, Article.id == Quote.article_id)))
        stats = sorted(sp[r.speaker_id] + (r.quotes, r.articles) for r in s.execute(select(SpeakerStats)).scalars())
    return {"speakers": speakers, "aliases": aliases, "links": links, "stats": stats, "vias": vias,
            "via_aliases": via_aliases}
