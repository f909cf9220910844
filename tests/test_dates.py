"""parse_date: the date forms of Arabic news metadata (ARABIC_ATTRIBUTION.md §7)."""
from __future__ import annotations

import datetime as dt
import logging

import pytest

from quotetrack.dates import parse_date

D = dt.date


@pytest.mark.parametrize(("text", "want"), [
    ("2021-06-29", D(2021, 6, 29)),
    ("2021-06-29T10:00:00Z", D(2021, 6, 29)),
    ("29 يونيو/حزيران 2021", D(2021, 6, 29)),
    ("29 حزيران/يونيو 2021", D(2021, 6, 29)),
    ("29 حزيران (يونيو) 2021", D(2021, 6, 29)),
    ("15 كانون الثاني/يناير 2022", D(2022, 1, 15)),
    ("15 كانون الثاني 2022", D(2022, 1, 15)),       # Levantine
    ("10 آب 2023", D(2023, 8, 10)),
    ("3 أيار 2020", D(2020, 5, 3)),
    ("1 تشرين الأول 2023", D(2023, 10, 1)),
    ("29 جوان 2021", D(2021, 6, 29)),               # Algeria / Tunisia
    ("15 جانفي 2022", D(2022, 1, 15)),
    ("10 أوت 2023", D(2023, 8, 10)),
    ("5 يوليوز 2021", D(2021, 7, 5)),               # Morocco
    ("20 غشت 2019", D(2019, 8, 20)),
    ("1 دجنبر 2020", D(2020, 12, 1)),
    ("29 يونيو 2021 م", D(2021, 6, 29)),            # trailing era mark
    ("29 يونيو 2021م", D(2021, 6, 29)),
    ("الثلاثاء 29 يونيو 2021 م", D(2021, 6, 29)),
    ("5 رمضان 1442 هـ", D(2021, 4, 17)),            # Hijri
    ("19 ذو القعدة 1442هـ", D(2021, 6, 29)),
    ("10 ذي الحجة 1444", D(2023, 6, 28)),
    ("١٥ شعبان ١٤٤٥ هـ", D(2024, 2, 25)),
    ("الثلاثاء 19 ذو القعدة 1442 هـ الموافق 29 يونيو 2021 م", D(2021, 6, 29)),
    ("29/6/2021", D(2021, 6, 29)),                  # numeric, day first
    ("٢٩/٠٦/٢٠٢١", D(2021, 6, 29)),
    ("29.06.2021", D(2021, 6, 29)),
    ("2021/6/29", D(2021, 6, 29)),
    ("05/04/2021", D(2021, 4, 5)),
])
def test_parse_date(text: str, want: dt.date) -> None:
    assert parse_date(text) == want


@pytest.mark.parametrize("text", [
    "غير معروف", "أمس", "يونيو 2021", "32/13/2021", "1750-01-01", "3000-01-01", "29 يونيو 2300",
    "5 Ramadan 1442 هـ xx", "\x00\x01", "0000-00-00",
])
def test_unknown_or_absurd_dates_are_none_with_a_warning(text: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="quotetrack.dates"):
        assert parse_date(text) is None
    assert any("unrecognised date" in r.getMessage() for r in caplog.records)


def test_empty_is_none_without_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="quotetrack.dates"):
        assert parse_date(None) is None
        assert parse_date("  ") is None
    assert not caplog.records


def test_a_calendar_refusal_is_named_in_the_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="quotetrack.dates"):
        assert parse_date("5 رمضان 1200 هـ") is None
    assert [r.getMessage() for r in caplog.records] == [
        "unrecognised date '5 رمضان 1200 هـ' (Hijri calendar: year must be in 1343-1500, got '1200'); stored as null"]


def test_a_bug_in_the_parser_is_not_an_unrecognised_date(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("a bug, not a bad date")

    monkeypatch.setattr(dateparser, "parse", broken)
    with pytest.raises(TypeError, match="a bug"):
        parse_date("29 يونيو 2021")
