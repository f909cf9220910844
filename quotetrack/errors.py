"""The library's exceptions. The CLI turns any QuotetrackError into `error: ...` and exit 1."""
from __future__ import annotations


class QuotetrackError(Exception):
    """Base class: the message says what failed and how to fix it."""


class LexiconError(QuotetrackError):
    """A lexicon file is malformed (bad columns, duplicates, non-Arabic entries)."""


class SchemaOutOfDateError(QuotetrackError):
    """The database is behind (or ahead of) the code's migrations."""


class DatabaseError(QuotetrackError):
    """The database cannot be opened or written (missing, locked, read-only)."""


class ConfigError(QuotetrackError):
    """A setting (an environment variable) holds a value quotetrack cannot use."""
