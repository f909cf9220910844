"""Publication dates as written in Arabic news metadata → ``datetime.date``.

Handles ISO dates, day-first numeric dates, both month-name families given
together ("29 يونيو/حزيران 2021", "29 حزيران (يونيو) 2021"), Levantine/Iraqi
and Maghrebi month names (dateparser's ``ar`` regional data, one region per
call), a trailing era mark (م / هـ) and Hijri dates ("5 رمضان 1442 هـ", via
dateparser's HijriCalendar, which uses hijridate). Only complete dates count
(day, month and year); anything else gives None and a logged warning (saying
why when a calendar library refused it). Years outside 1800–2100 are treated as
garbage. Only the errors those libraries raise for a bad date are caught: a bug
raises instead of reading as "unrecognised date".
See ARABIC_ATTRIBUTION.md §7 for the tested behaviour this relies on.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

import regex

log = logging.getLogger(__name__)

MIN_YEAR = 1800
MAX_YEAR = 2100

#: dateparser accepts one region per call; Levant first (it also reads the
#: Egyptian/Gulf names), then Algeria/Tunisia and Morocco.
_REGIONS = ("LB", "DZ", "MA")

_DIGITS = {ord(chr(0x0660 + i)): str(i) for i in range(10)} | {ord(chr(0x06F0 + i)): str(i) for i in range(10)}
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?\s*$")
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_NUMERIC_YMD = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\s*$")
# "يونيو/حزيران" -> "يونيو"; "كانون الثاني/يناير" -> "كانون الثاني"
_ALT_SLASH = regex.compile(r"\s*/\s*\p{Arabic}+(?:\s+(?:الأول|الاول|الثاني|الآخر|الاخر|الثانية|الآخرة|الاخرة|الأولى|الاولى))?")
# "حزيران (يونيو)" -> "حزيران"
_ALT_PAREN = regex.compile(r"\s*\(\s*\p{Arabic}+(?:\s+(?:الأول|الاول|الثاني))?\s*\)")
_ERA = regex.compile(r"(?<=\d)\s*(?:م|هـ|ه)(?!\p{L})\.?")
_HIJRI_MARK = regex.compile(r"\d\s*(?:هـ|ه)(?!\p{L})")
_HIJRI_MONTH = regex.compile(r"محرم|صفر|ربيع|جماد[ىي]|رجب|شعبان|رمضان|شوال|ذو|ذي")


def _sane(d: dt.date | None) -> dt.date | None:
    if d is None or not (MIN_YEAR <= d.year <= MAX_YEAR):
        return None
    return d


def _ymd(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


#: what dateparser and hijridate raise for a date they understand but cannot place (hijridate: year outside
#: 1343-1500 is OverflowError, day or month out of range ValueError); anything else is a bug and propagates
_REJECTED = (ValueError, OverflowError)


class _Rejected(Exception):
    """A calendar library refused the date; ``parse_date`` reports why in its warning."""


def _parse_hijri(s: str) -> dt.date | None:
    from dateparser.calendars.hijri import HijriCalendar

    try:
        res: Any = HijriCalendar(s).get_date()
    except _REJECTED as e:
        raise _Rejected(f"Hijri calendar: {e}") from None
    if res is None or res.date_obj is None or getattr(res, "period", "day") != "day":
        return None
    return res.date_obj.date()  # type: ignore[no-any-return]


def _parse_gregorian(s: str) -> dt.date | None:
    import dateparser

    settings: Any = {"STRICT_PARSING": True, "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past",
                     "RETURN_AS_TIMEZONE_AWARE": False}
    rejected: list[str] = []
    # Arabic per region, then Latin-script dates in metadata ("June 29, 2021")
    for kw in [{"languages": ["ar"], "region": r} for r in _REGIONS] + [{"languages": ["en", "fr"]}]:
        try:
            res = dateparser.parse(s, settings=settings, **kw)
        except _REJECTED as e:
            rejected.append(str(e))
            continue
        if res is not None:
            return res.date()
    if rejected:
        raise _Rejected(f"dateparser: {rejected[0]}")
    return None


def _parse(s: str) -> dt.date | None:
    s = s.translate(_DIGITS).strip()
    if not s:
        return None
    if m := _ISO.match(s):
        return _ymd(m[1], m[2], m[3])
    if m := _NUMERIC_YMD.match(s):
        return _ymd(m[1], m[2], m[3])
    if m := _NUMERIC_DMY.match(s):
        return _ymd(m[3], m[2], m[1])
    if "الموافق" in s:
        # "19 ذو القعدة 1442 هـ الموافق 29 يونيو 2021 م": prefer the Gregorian half
        hijri_half, _, greg_half = s.partition("الموافق")
        try:
            greg = _parse(greg_half)
        except _Rejected:
            greg = None
        return greg or _parse(hijri_half)
    if not re.search(r"\d{4}", s):
        return None  # relative ("أمس") or partial dates are not publication dates
    hijri = bool(_HIJRI_MARK.search(s)) or (bool(_HIJRI_MONTH.search(s)) and bool(re.search(r"\b1[34]\d\d\b", s)))
    cleaned = _ERA.sub("", _ALT_PAREN.sub("", _ALT_SLASH.sub("", s))).strip(" ،,-")
    if hijri:
        return _parse_hijri(cleaned)
    return _parse_gregorian(cleaned)


def parse_date(s: str | None, *, warn: bool = True) -> dt.date | None:
    """The date written in ``s``, or None (with a warning) when it is not a full, sane date."""
    if s is None or not str(s).strip():
        return None
    why = ""
    try:
        d = _sane(_parse(str(s)))
    except _Rejected as e:
        d, why = None, f" ({e})"
    if d is None and warn:
        log.warning("unrecognised date %r%s; stored as null", s, why)
    return d


__all__ = ["parse_date", "MIN_YEAR", "MAX_YEAR"]
