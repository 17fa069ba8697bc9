"""Month and weekday names and date labels in English, independent of the machine's locale."""

from __future__ import annotations

from datetime import date

# calendar.month_name follows the locale; briefs, messages and labels must not.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""Weekday names in the order of date.weekday()."""


def day_label(value: date) -> str:
    """'21 November 2015'."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def month_label(value: date) -> str:
    """'November 2015'."""
    return f"{MONTH_NAMES[value.month - 1]} {value.year}"
