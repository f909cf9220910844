"""ORM models: the fixed schema of docs/CONTRACT (classes singular, tables plural).

Migrations are the only source of the schema on real databases; these models
must agree with them (tests/test_db_migrations.py compares the two).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (Boolean, Date, DateTime, ForeignKey, Index, Integer, Text, UniqueConstraint, false)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class Outlet(Base):
    """A news outlet; ``key`` is ``name_key(name)``."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, unique=True)
    domain: Mapped[str | None] = mapped_column(Text)

    articles: Mapped[list[Article]] = relationship(back_populates="outlet")


class Article(Base):
    """One ingested article; ``external_id`` is the id given in the input."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_outlet_id_published", "outlet_id", "published"),
        Index("ix_articles_published", "published"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"))
    external_id: Mapped[str] = mapped_column(Text, unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    extractor_version: Mapped[str] = mapped_column(Text)

    outlet: Mapped[Outlet | None] = relationship(back_populates="articles")
    quotes: Mapped[list[Quote]] = relationship(back_populates="article", passive_deletes=True)


class Speaker(Base):
    """A person, organization or anonymous source, across articles."""

    __tablename__ = "speakers"
    __table_args__ = (
        UniqueConstraint("key", "kind"),
        Index("ix_speakers_key", "key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    gender: Mapped[str | None] = mapped_column(Text)
    #: 0006_speaker_identity: the name was set by hand (``speakers rename``); resolution keeps it
    manual: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)

    aliases: Mapped[list[SpeakerAlias]] = relationship(back_populates="speaker", passive_deletes=True)


class SpeakerAlias(Base):
    """A name a quote's article gives its speaker, resolved to one speaker (``db.speakers``);
    ``manual`` names are pinned by a correction (``db.speaker_edits``)."""

    __tablename__ = "speaker_aliases"
    __table_args__ = (
        UniqueConstraint("key", "kind"),
        Index("ix_speaker_aliases_key", "key"),
        Index("ix_speaker_aliases_speaker_id", "speaker_id"),
        Index("ix_speaker_aliases_loose", "loose"),
        Index("ix_speaker_aliases_surname", "surname"),
        Index("ix_speaker_aliases_forename", "forename"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    manual: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)
    #: 0006_speaker_identity: transliteration-tolerant key, the last word of a person name without
    #: inner vowel letters, the loose first word of a person name of several words, and the gender the
    #: text shows for the name (the resolver's indexed lookups)
    loose: Mapped[str | None] = mapped_column(Text)
    surname: Mapped[str | None] = mapped_column(Text)
    forename: Mapped[str | None] = mapped_column(Text)
    gender: Mapped[str | None] = mapped_column(Text)

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class Intermediary(Base):
    """An agency or outlet quotes come through (0006_speaker_identity); ``key`` is its folded name
    without the head word, its spellings are ``intermediary_aliases``."""

    __tablename__ = "intermediaries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, unique=True)


class IntermediaryAlias(Base):
    """One spelling of an intermediary as written in a quote's ``via``."""

    __tablename__ = "intermediary_aliases"
    __table_args__ = (
        Index("ix_intermediary_aliases_intermediary_id", "intermediary_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intermediary_id: Mapped[int] = mapped_column(ForeignKey("intermediaries.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, unique=True)


class Quote(Base):
    """One attributed statement; offsets index ``articles.text``."""

    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("article_id", "char_start", "char_end"),
        Index("ix_quotes_speaker_id", "speaker_id"),
        Index("ix_quotes_article_id", "article_id"),
        Index("ix_quotes_cue_lemma", "cue_lemma"),
        Index("ix_quotes_via", "via"),
        Index("ix_quotes_alias_id", "alias_id"),
        Index("ix_quotes_via_id", "via_id"),
        # 0003_query_speed: "newest first" within a speaker / outlet / date range is one index walk
        # 0004_speaker_facets added article_id, outlet_id: covering for a month's top speakers' details
        Index("ix_quotes_speaker_id_published", "speaker_id", "published", "id", "article_id", "outlet_id"),
        Index("ix_quotes_speaker_id_outlet_id", "speaker_id", "outlet_id", "published", "id"),
        Index("ix_quotes_outlet_id_published", "outlet_id", "published", "id"),
        Index("ix_quotes_published", "published", "id", "speaker_id", "article_id", "outlet_id"),  # covering
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id"))
    content: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    cue_lemma: Mapped[str | None] = mapped_column(Text)
    stance: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    mention: Mapped[str | None] = mapped_column(Text)
    via: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(Text)
    anonymous: Mapped[bool] = mapped_column(Boolean)
    rule: Mapped[str] = mapped_column(Text)
    #: copies of the article's ``published`` and ``outlet_id`` (0003_query_speed), written by ingest;
    #: no foreign key on ``outlet_id`` (a copy of ``articles.outlet_id``, which has one)
    published: Mapped[dt.date | None] = mapped_column(Date)
    outlet_id: Mapped[int | None] = mapped_column(Integer)
    #: 0006_speaker_identity: the name this quote's article gives its speaker (``speaker_aliases.id``;
    #: no foreign key: aliases are only removed once no quote carries them); ``speaker_id`` is that
    #: alias's speaker
    alias_id: Mapped[int | None] = mapped_column(Integer)
    #: 0006_speaker_identity: the intermediary ``via`` names (``intermediaries.id``, one per agency;
    #: no foreign key, like ``alias_id``: intermediaries are never deleted)
    via_id: Mapped[int | None] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="quotes")
    speaker: Mapped[Speaker | None] = relationship()


class SpeakerStats(Base):
    """Per-speaker totals (0003_query_speed), kept by ingest per batch and by ``merge_speakers``:
    quotes, distinct articles and first/last publication date of the speaker's quotes."""

    __tablename__ = "speaker_stats"
    __table_args__ = (
        Index("ix_speaker_stats_quotes", "quotes"),
    )

    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True,
                                            autoincrement=False)
    quotes: Mapped[int] = mapped_column(Integer)
    articles: Mapped[int] = mapped_column(Integer)
    first_published: Mapped[dt.date | None] = mapped_column(Date)
    last_published: Mapped[dt.date | None] = mapped_column(Date)


class SpeakerFacet(Base):
    """Per-speaker quote counts by facet (0004_speaker_facets), kept like ``speaker_stats``:
    ``facet`` is 'title', 'stance', 'type', 'outlet' (value = the outlet id as text) or 'month'
    (value 'YYYY-MM' of the quote's date; undated quotes are not counted); NULL values are ''."""

    __tablename__ = "speaker_facets"
    __table_args__ = (
        # "top speakers of a month": one month's rows in count order, covering
        Index("ix_speaker_facets_facet_value", "facet", "value", "quotes", "speaker_id"),
    )

    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True,
                                            autoincrement=False)
    facet: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    quotes: Mapped[int] = mapped_column(Integer)


__all__ = ["Base", "Outlet", "Article", "Speaker", "SpeakerAlias", "Intermediary", "IntermediaryAlias", "Quote", "SpeakerStats", "SpeakerFacet"]
