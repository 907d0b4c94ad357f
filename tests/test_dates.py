import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.dates import (
    DAY_FIRST,
    MONTH_FIRST,
    DayMonth,
    Unread,
    header_order,
    looks_like_date,
    parse_date,
    read_date,
    resolve,
    unread,
)

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


# Dates with a weekday, or without a year (YEM_2026-12_register in tests/fixtures/field4).
DEC6, JAN3 = dt.date(2026, 12, 6), dt.date(2027, 1, 3)


@pytest.mark.parametrize(
    ("raw", "period", "day"),
    [("Sun 6 Dec", "2026-12", DEC6), ("dim. 6 déc.", "2026-12", DEC6),
     ("domingo 6 de diciembre", "2026-12", DEC6), ("6 Dec", "2026-12", DEC6),
     # The year turn: a December roster's January is the next year's, and back.
     ("Sun 3 Jan", "2026-12", JAN3), ("dimanche 3 janvier", "2026-12", JAN3),
     ("dom 3 ene", "2026-12", JAN3), ("Thu 31 Dec", "2027-01", dt.date(2026, 12, 31)),
     ("mar. 8 dic.", "2026-12", dt.date(2026, 12, 8)),  # "mar" beside a month: martes
     ("Sun 6 Dec", "2026", DEC6)],
)  # fmt: skip
def test_a_date_without_a_year_takes_the_year_nearest_the_period(raw, period, day):
    parsed = read_date(raw)
    assert isinstance(parsed, DayMonth)
    assert parsed.read(period) == day and unread(raw, period) is None
    assert parse_date(raw) is None  # a tracker's header or a period is never such a date


@pytest.mark.parametrize(
    ("raw", "date", "weekday"),
    [("Mon 6 Dec", DEC6, 0), ("lun. 6 déc.", DEC6, 0), ("lunes 6 de diciembre", DEC6, 0),
     # 3 Jan 2026 is a Saturday: the weekday never moves the date to another year.
     ("Sat 3 Jan", JAN3, 5), ("mar. 6 déc.", DEC6, 1), ("mardi 6 décembre 2026", DEC6, 1),
     ("Mon 06/12/2026", DEC6, 0)],
)  # fmt: skip
def test_a_weekday_that_is_not_the_date_s_leaves_it_unread(raw, date, weekday):
    parsed = read_date(raw)
    assert parsed is not None and parsed.read("2026-12") is None
    assert unread(raw, "2026-12") == Unread("weekday", date, weekday)


def test_a_weekday_is_checked_on_dates_with_a_year_too():
    assert read_date("lundi 5 octobre 2026").read(None) == OCT5
    assert read_date("Sun 06/12/2026").read("2026-12") == DEC6
    assert read_date("Sun 5 October 2026").read(None) is None
    assert unread("Sun 5 October 2026", None).reason == "weekday"


@pytest.mark.parametrize("raw", ["Sun 6 Dec", "6 déc.", "6 de diciembre"])
def test_a_date_without_a_year_needs_a_period(raw):
    assert read_date(raw).read(None) is None
    assert unread(raw, None).reason == "no_year"


@pytest.mark.parametrize("raw", ["6 Jun", "6 juin", "6 de junio", "29 Feb"])
def test_a_date_without_a_year_far_from_the_period_is_not_read(raw):
    """Half a year away, the nearest year is hardly nearer than the other."""
    assert read_date(raw).read("2026-12") is None
    assert unread(raw, "2026-12").reason == "far"


@pytest.mark.parametrize("raw", ["mar 3", "3 mar", "mar. 3"])
def test_mar_alone_without_a_year_is_march_or_tuesday_and_not_read(raw):
    assert read_date(raw).read("2026-03") is None
    assert unread(raw, "2026-03").reason == "march_or_tuesday"


def test_mar_with_a_year_or_beside_a_weekday_is_march():
    assert resolve(parse_date("Mar 3, 2026"), None) == dt.date(2026, 3, 3)
    assert read_date("Tue Mar 3").read("2026-03") == dt.date(2026, 3, 3)


@pytest.mark.parametrize("raw", ["mar 3/12", "Nov/Dec 2026", "Sun Mon 6 Dec", "30 Feb"])
def test_no_date_is_made_of_mixed_words(raw):
    """ "mar 3/12" was 3 March 2012 (12 taken for a year); two months or two weekdays are no
    date."""
    assert read_date(raw) is None


WEEKDAYS = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}


@given(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2098, 12, 31)),
       st.integers(min_value=-2, max_value=2), st.sampled_from(["en", "fr", "es"]),
       st.integers(min_value=0, max_value=6))  # fmt: skip
def test_a_weekday_and_day_month_read_back_within_two_months_of_the_period(day, shift, lang,
                                                                           offset):  # fmt: skip
    month = day.year * 12 + day.month - 1 + shift
    period = f"{month // 12}-{month % 12 + 1:02d}"
    written = (day.weekday() + offset) % 7
    text = f"{WEEKDAYS[lang][written]} {day.day} {MONTHS[lang][day.month - 1]}"
    parsed = read_date(text)
    assert isinstance(parsed, DayMonth)
    assert parsed.read(period) == (day if offset == 0 else None)
    if offset:  # never another year whose weekday would fit
        assert unread(text, period).date == day


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


@pytest.mark.parametrize(
    ("raw", "day"),
    [("06/12/2026 (Sun)", DEC6), ("Sun 06/12", DEC6), ("dim. 06/12", DEC6), ("dom 6.12", DEC6),
     ("06/12/2026 (dim.)", DEC6)],
)  # fmt: skip
def test_a_weekday_after_a_numeric_date_or_before_a_day_and_month(raw, day):
    """A tracker's "06/12/2026 (Sun)" and "Sun 06/12" were not dates; without a year the
    period gives it, and the weekday must be the date's."""
    assert read_date(raw).read("2026-12") == day
    assert unread(raw.replace("Sun", "Mon").replace("dim", "lun").replace("dom", "lun"),
                  "2026-12").reason == "weekday"  # fmt: skip


@pytest.mark.parametrize("raw", ["06/12", "mar 3/12", "Sun 31/02", "Sun 06/13"])
def test_a_day_and_month_in_digits_needs_a_weekday_and_a_real_day(raw):
    """ "06/12" alone may be anything; "mar 3/12" March or Tuesday; 31 February no day."""
    assert read_date(raw) is None


def test_a_text_that_looks_like_a_date_for_saying_it_was_not_read():
    for raw in ["04/11", "Wed 4th Nov", "mar 3/12", "4 nov.", "Sun 06/12"]:
        assert looks_like_date(raw), raw
    for raw in ["Meeting", "HCT", "Total 2026", "Wednesday", "2026", None, 4]:
        assert not looks_like_date(raw), raw


# Date cells that say more than a date (field7's SLE_2026-12_register).
DEC1, DEC10 = dt.date(2026, 12, 1), dt.date(2026, 12, 10)


@pytest.mark.parametrize(
    "raw",
    ["8 Dec (postponed to 10 Dec)", "8 Dec → 10 Dec", "8 déc. (reportée au 10 déc.)",
     "8 de dic. (aplazada al 10 de dic.)", "8 dez (adiada para 10 dez)", "8 Dec (10 Dec)"],
)  # fmt: skip
def test_a_cell_with_two_dates_is_not_read_and_says_so(raw):
    """ "8 Dec (postponed to 10 Dec)" was 8 December 2010: the second day taken for a year."""
    assert read_date(raw) is None
    assert unread(raw, "2026-12") == Unread("two_dates")


@pytest.mark.parametrize(
    "raw",
    ["postponed to 10 Dec", "8 Dec, postponed", "reportée au 10/12/2026", "aplazada al 10",
     "adiada para 10/12/2026", "rescheduled 10 Dec", "8 de dic. (pospuesta al 10)"],
)  # fmt: skip
def test_a_cell_saying_the_meeting_was_moved_is_not_read(raw):
    assert read_date(raw) is None
    assert unread(raw, "2026-12") == Unread("moved")


@pytest.mark.parametrize("raw", ["3 Dec 15", "3 déc. 15", "3 de dic. 15", "3 dez 15"])
def test_two_digits_after_a_month_s_name_are_no_year(raw):
    """ "3 Dec 15" was 3 December 2015; only Excel's d-mmm-yy ("8-Sep-26") and figures
    (03/12/15) carry a two-digit year."""
    assert read_date(raw) is None
    assert unread(raw, "2026-12") == Unread("two_digit_year")
    assert read_date("8-Sep-26").read("2026-09") == dt.date(2026, 9, 8)
    assert read_date("03/12/15").read(None) == dt.date(2015, 12, 3)


@pytest.mark.parametrize("raw", ["3 Dec 2015", "3 décembre 2015", "3 de diciembre de 2015",
                                 "3 de dezembro de 2015"])  # fmt: skip
def test_a_date_in_words_more_than_a_year_from_the_period_is_not_read(raw):
    assert read_date(raw).read("2026-12") is None
    assert unread(raw, "2026-12") == Unread("far_year", dt.date(2015, 12, 3))
    assert read_date(raw).read(None) == dt.date(2015, 12, 3)  # no period: nothing to hold to
    assert read_date(raw).read("2016-01") == dt.date(2015, 12, 3)


@pytest.mark.parametrize(
    ("raw", "day"),
    [("Tue 1/12", DEC1), ("mardi 1/12", DEC1), ("martes 1/12", DEC1), ("terça 1/12", DEC1),
     ("06/12/2026 (Sun)", dt.date(2026, 12, 6)), ("06/12/2026 (dim.)", dt.date(2026, 12, 6)),
     ("1/12 (Tue)", DEC1), ("Thu 10.12", DEC10)],
)  # fmt: skip
def test_a_weekday_beside_figures_is_read_and_checked(raw, day):
    assert read_date(raw).read("2026-12") == day


@pytest.mark.parametrize(
    ("raw", "date", "weekday"),
    [("Wed 15/12", dt.date(2026, 12, 15), 2), ("06/12/2026 (Mon)", dt.date(2026, 12, 6), 0),
     ("miércoles 15/12", dt.date(2026, 12, 15), 2)],
)  # fmt: skip
def test_a_wrong_weekday_beside_figures_leaves_them_unread(raw, date, weekday):
    assert read_date(raw).read("2026-12") is None
    assert unread(raw, "2026-12") == Unread("weekday", date, weekday)


@pytest.mark.parametrize("raw", ["1/12", "15/12", "mar 3/12"])
def test_a_day_and_month_in_figures_need_a_weekday(raw):
    """ "1/12" alone is 1 December or 12 January; a weekday tells (and is checked)."""
    assert read_date(raw) is None


@given(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2098, 12, 31)),
       st.sampled_from(["postponed to", "reportée au", "aplazada al", "adiada para", "→"]),
       st.integers(min_value=1, max_value=28))  # fmt: skip
def test_no_two_dates_make_one(day, moved, other):
    """Whatever the second day, a cell holding two dates never gives a date."""
    text = (
        f"{day.day} {MONTHS['en'][day.month - 1]} ({moved} {other} {MONTHS['en'][day.month - 1]})"
    )
    assert read_date(text) is None
    assert unread(text, day.strftime("%Y-%m")) in (Unread("two_dates"), Unread("moved"))


# field8's ARG: a column typed month first ("11/18/2026" beside it) in a November roster.
@pytest.mark.parametrize(
    ("raw", "period", "day", "other"),
    [("12/01/2026", "2026-11", dt.date(2026, 1, 12), dt.date(2026, 12, 1)),
     ("10/31/2026", "2026-11", None, None),  # only month first: 31 October, read (S207)
     ("11/02/2026", "2026-10", dt.date(2026, 2, 11), dt.date(2026, 11, 2))],
)  # fmt: skip
def test_an_ambiguous_date_whose_month_first_reading_is_nearer_is_not_read(raw, period, day, other):
    """12/01/2026 in a November roster was read 12 January and judged (S207 only): a false
    compliant, since the column meant 1 December. Neither reading is in the month and the
    month-first one is the nearer: not read, S203 names both."""
    if day is None:
        assert read_date(raw).read(period) == dt.date(2026, 10, 31)
        return
    assert read_date(raw).read(period) is None
    assert unread(raw, period) == Unread("ambiguous", day, other=other)


@pytest.mark.parametrize("raw", ["05/11/2026", "03/10/2026"])
def test_an_ambiguous_date_whose_day_first_reading_is_nearer_is_read_day_first(raw):
    """05/11/2026 in a December roster (a year workbook's November sheet): 5 November, the
    nearer reading, as before (with S207, out of period)."""
    value = read_date(raw).read("2026-12")
    assert value is not None and value.month in (10, 11) and unread(raw, "2026-12") is None


# A column typed month first: its own dates that read one way only say so (field8's ARG).
@pytest.mark.parametrize(
    ("raw", "order"),
    [("11/18/2026", "month_first"), ("18/11/2026", "day_first"), ("12/01/2026", None),
     ("05/05/2026", None), ("2026-11-18", None), ("18 Nov 2026", None)],
)  # fmt: skip
def test_figures_that_read_one_way_only_say_which(raw, order):
    assert read_date(raw).order == order


def test_a_month_first_column_reads_its_ambiguous_dates_month_first():
    parsed = read_date("12/01/2026")
    assert parsed.read("2026-11", order=MONTH_FIRST) == dt.date(2026, 12, 1)
    assert unread("12/01/2026", "2026-11", order=MONTH_FIRST) is None
    # In the period both ways round: the column's order decides (11/05: 5 November).
    assert read_date("11/05/2026").read("2026-11", order=MONTH_FIRST) == dt.date(2026, 11, 5)


def test_the_column_and_the_period_disagreeing_read_nothing():
    """05/11/2026 in a November roster whose column is typed month first: 11 May by the
    column, 5 November by the period. Neither wins silently: not read, S203 says both."""
    assert read_date("05/11/2026").read("2026-11", order=MONTH_FIRST) is None
    assert unread("05/11/2026", "2026-11", order=MONTH_FIRST) == Unread(
        "order_against_period", dt.date(2026, 11, 5), other=dt.date(2026, 5, 11)
    )


@given(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
def test_a_month_first_date_reads_as_typed_or_not_at_all(day):
    """Whatever the period, a date typed month first in a month-first column is read as the
    date typed, or not read: never as another date."""
    raw = f"{day.month:02d}/{day.day:02d}/{day.year}"
    for period in (day.strftime("%Y-%m"), "2026-11", None):
        value = read_date(raw).read(period, order=MONTH_FIRST)
        assert value in (day, None)


# A header that states the order (issue 10): "Date (mm/dd)", "Fecha (dd/mm/aaaa)".
@pytest.mark.parametrize(
    ("header", "order"),
    [("Date (mm/dd)", MONTH_FIRST), ("Date (MM/DD/YYYY)", MONTH_FIRST),
     ("Date of meeting (mm-dd-yy)", MONTH_FIRST), ("Date (format: mm/dd/yyyy)", MONTH_FIRST),
     ("Data (mês/dia/ano)", MONTH_FIRST), ("Fecha (dd/mm/aaaa)", DAY_FIRST),
     ("Date (jj/mm)", DAY_FIRST), ("Date (jj/mm/aaaa)", DAY_FIRST),
     ("Data (dd/mm/aaaa)", DAY_FIRST), ("Fecha (día/mes/año)", DAY_FIRST),
     ("Date [d.m.y]", DAY_FIRST), ("Date (jour/mois/année)", DAY_FIRST),
     # a year first, a month in words, no day, both orders, no format: no order stated
     ("Date (yyyy-mm-dd)", None), ("Date (dd-mmm-yyyy)", None), ("Date (mm/yyyy)", None),
     ("Date (dd/mm or mm/dd)", None), ("Date", None), ("Fecha", None),
     ("Heure (hh:mm)", None), ("Attended (Y/N)", None)],
)  # fmt: skip
def test_a_header_that_states_the_date_order(header, order):
    assert header_order(header) == order


def test_a_day_first_column_reads_its_ambiguous_dates_day_first():
    """Under "Fecha (dd/mm/aaaa)", 12/01/2026 in a November roster is 12 January (outside the
    period, S207), not unread as on its own; 11/05/2026 is 11 May by the header, 5 November
    by the period: neither wins silently, not read."""
    assert read_date("12/01/2026").read("2026-11", order=DAY_FIRST) == dt.date(2026, 1, 12)
    assert unread("12/01/2026", "2026-11", order=DAY_FIRST) is None
    assert read_date("05/11/2026").read("2026-11", order=DAY_FIRST) == dt.date(2026, 11, 5)
    assert read_date("11/05/2026").read("2026-11", order=DAY_FIRST) is None
    assert unread("11/05/2026", "2026-11", order=DAY_FIRST) == Unread(
        "order_against_period_day_first", dt.date(2026, 5, 11), other=dt.date(2026, 11, 5)
    )


@given(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
def test_a_date_typed_as_its_header_says_reads_as_typed_or_not_at_all(day):
    for order, raw in ((DAY_FIRST, f"{day.day:02d}/{day.month:02d}/{day.year}"),
                       (MONTH_FIRST, f"{day.month:02d}/{day.day:02d}/{day.year}")):  # fmt: skip
        for period in (day.strftime("%Y-%m"), "2026-11", None):
            assert read_date(raw).read(period, order=order) in (day, None)
