"""The read queries' SQL as text with named parameters: one builder for SQLite and PostgreSQL.

Building a statement from SQLAlchemy constructs cost a query command more (importing SQLAlchemy,
about 0.2 s) than running it, so ``quotetrack.queries`` writes its SQL as text. ``Sql`` binds
every value to a ``:pN`` placeholder (user text never enters the statement) and holds the few
fragments where the backends differ; ``db.runner`` executes the text on any connection.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

#: Always false / true, on both backends.
FALSE = "1 = 0"
TRUE = "1 = 1"


def like_escape(value: str) -> str:
    """``value`` as a LIKE pattern matching itself (``\\`` escapes ``\\``, ``%`` and ``_``)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where(conds: Sequence[str]) -> str:
    """`` WHERE a AND b`` of ``conds``, or nothing."""
    return " WHERE " + " AND ".join(f"({c})" for c in conds) if conds else ""


class Sql:
    """The parameters of one statement (``:p0``, ``:p1`` …) and the dialect its text is written for."""

    __slots__ = ("dialect", "params")

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.params: dict[str, Any] = {}

    @property
    def pg(self) -> bool:
        return self.dialect == "postgresql"

    def bind(self, value: Any) -> str:
        """A placeholder for ``value``; SQLite gets dates as the ISO text it stores them as."""
        name = f"p{len(self.params)}"
        if not self.pg and isinstance(value, dt.date):
            value = value.isoformat()
        self.params[name] = value
        return ":" + name

    def in_(self, col: str, values: Iterable[Any]) -> str:
        """``col IN (…)`` of ``values`` (``col = v`` for one; false for none)."""
        vals = list(values)
        if not vals:
            return FALSE
        if len(vals) == 1:
            return f"{col} = {self.bind(vals[0])}"
        return f"{col} IN ({', '.join(self.bind(v) for v in vals)})"

    def contains(self, col: str, value: str) -> str:
        """``col`` holds ``value`` as a substring (LIKE, the pattern escaped)."""
        return f"{col} LIKE {self.bind('%' + like_escape(value) + '%')} ESCAPE '\\'"

    def word_run(self, col: str, key: str) -> str:
        """``key`` equals ``col`` or is a run of whole words inside it (keys hold only letters, digits, spaces)."""
        pattern = self.bind("% " + like_escape(key) + " %")
        return f"{col} = {self.bind(key)} OR (' ' || {col} || ' ') LIKE {pattern} ESCAPE '\\'"

    def date_bounds(self, col: str, since: dt.date | None, until: dt.date | None) -> list[str]:
        """Inclusive date bounds on ``col`` (false when ``since`` is after ``until``)."""
        out = []
        if since is not None:
            out.append(f"{col} >= {self.bind(since)}")
        if until is not None:
            out.append(f"{col} <= {self.bind(until)}")
        if since is not None and until is not None and since > until:
            out.append(FALSE)
        return out

    def month(self, col: str) -> str:
        """The ``'YYYY-MM'`` of a date column, the same text on both backends (``db.keys.month_key``)."""
        return f"to_char({col}, 'YYYY-MM')" if self.pg else f"substr({col}, 1, 7)"

    def boolean(self, value: bool) -> str:
        """A boolean literal: PostgreSQL's boolean, SQLite's 1 / 0 (as SQLAlchemy writes them, so plans match)."""
        if self.pg:
            return "true" if value else "false"
        return "1" if value else "0"
