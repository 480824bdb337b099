"""Which days are working days: Monday to Friday, less the provider country's public holidays,
plus its transferred working days (a working Saturday), from the `holidays` package (pure
Python; the browser archive packs its core and the configured country's module only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import holidays
from holidays.holiday_base import HolidayBase
from holidays.registry import COUNTRIES

__all__ = ["DEFAULT_COUNTRY", "WEEKDAYS", "Workdays", "country_module", "workdays_in"]

#: The country whose calendar a kit follows unless mkdocs.yml's extra.provider names another.
DEFAULT_COUNTRY = "RU"
_SATURDAY = 5


@dataclass(frozen=True, slots=True)
class Workdays:
    """A working calendar: Monday to Friday, or the calendar of `country` (ISO 3166 code)."""

    country: str | None = None

    def is_workday(self, day: date) -> bool:
        """True when people work on `day` in this calendar."""
        if self.country is None:
            return day.weekday() < _SATURDAY
        return _country_holidays(self.country).is_working_day(day)


#: Monday to Friday, no holidays: the generic timeline, which counts days, not dates.
WEEKDAYS = Workdays()


def workdays_in(country: str | None) -> Workdays:
    """The working calendar of `country` (an ISO code such as "RU"); weekdays only for None."""
    return Workdays(country.upper() if country else None)


def country_module(country: str) -> str | None:
    """The module of `holidays.countries` that holds `country`'s calendar ("RU" → "russia"),
    or None when the package has none (read from its registry: no country is imported)."""
    code = country.upper()
    return next((module for module, names in COUNTRIES.items() if code in names[1:]), None)


@cache
def _country_holidays(country: str) -> HolidayBase:
    """The country's holidays, filled in year by year as days are asked about (one per country)."""
    return holidays.country_holidays(country)
