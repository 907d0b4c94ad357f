import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.dates import parse_date, resolve

OCT5 = dt.date(2026, 10, 5)


@pytest.mark.parametrize(
    "raw",
    [OCT5, dt.datetime(2026, 10, 5, 9, 30), 46300, 46300.0, "46300", "2026-10-05",
     "2026-10-05 09:00", "05/10/2026", "5.10.2026", "05-10-2026", "5/10/26", "2026/10/05",
     "5 October 2026", "October 5, 2026", "Oct 5 2026", "5 octobre 2026", "lundi 5 octobre 2026",
     "5 de octubre de 2026", "5 oct. 2026", "5 Octubre 2026"],
)  # fmt: skip
def test_accepted_forms(raw):
    parsed = parse_date(raw)
    assert parsed is not None and resolve(parsed, None) == OCT5


@pytest.mark.parametrize("raw", ["", None, "tbc", "32/10/2026", "2026-13-01", "next week", True,
                                 "10", 3.5, "Prepared by J. Smith"])  # fmt: skip
def test_unreadable(raw):
    assert parse_date(raw) is None


def test_first_of_month_in_french():
    assert parse_date("1er octobre 2026").value == dt.date(2026, 10, 1)


def test_ambiguous_day_month_resolved_by_period():
    parsed = parse_date("03/10/2026")
    assert resolve(parsed, "2026-10") == dt.date(2026, 10, 3)
    assert resolve(parsed, "2026-03") == dt.date(2026, 3, 10)
    assert resolve(parsed, None) == dt.date(2026, 10, 3)  # day-first by default


def test_month_first_only_when_day_first_is_impossible():
    assert parse_date("10/25/2026").value == dt.date(2026, 10, 25)


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}  # fmt: skip


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["iso", "dmy", "dmy.", "en", "fr", "es", "serial"]))  # fmt: skip
def test_round_trip(day, form):
    text = {
        "iso": day.isoformat(),
        "dmy": day.strftime("%d/%m/%Y"),
        "dmy.": day.strftime("%d.%m.%Y"),
        "en": f"{day.day} {MONTHS['en'][day.month - 1]} {day.year}",
        "fr": f"{day.day} {MONTHS['fr'][day.month - 1]} {day.year}",
        "es": f"{day.day} de {MONTHS['es'][day.month - 1]} de {day.year}",
        "serial": (day - dt.date(1899, 12, 30)).days,
    }[form]
    parsed = parse_date(text)
    assert parsed is not None
    assert resolve(parsed, day.strftime("%Y-%m")) == day


PT_MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
             "setembro", "outubro", "novembro", "dezembro"]  # fmt: skip
PT_SHORT = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"]


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.booleans())  # fmt: skip
def test_portuguese_month_names_and_abbreviations(day, short):
    """AGO's headings "8 de outubro de 2026" and sheet names "8 Out" (with the year of the
    period added): every Portuguese month, written out or abbreviated."""
    month = (PT_SHORT if short else PT_MONTHS)[day.month - 1]
    text = f"{day.day} {month.capitalize()} {day.year}" if short else \
        f"{day.day} de {month} de {day.year}"  # fmt: skip
    parsed = parse_date(text)
    assert parsed is not None and parsed.value == day


@pytest.mark.parametrize("header", ["Out", "OUT", "out", "Out."])
def test_out_alone_is_no_month(header):
    """Portuguese "out" (outubro) is an English word: a month beside a day only, never as a
    tracker's column header on its own."""
    from checker.dates import month_of
    from checker.tracker import month_label

    assert month_of(header) is None
    assert not month_label(header)
    assert month_of("Oct") is not None and month_label("Oct")  # the other words still are
