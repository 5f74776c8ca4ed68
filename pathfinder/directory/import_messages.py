"""Where an import problem is, in words the Local Offer officer can act on.

A refused row used to say "locations-0-postcode: Enter a real postcode": the service editor's internal name for
the box. The officer is looking at a spreadsheet (or another directory's ORUK file), so say the column, or the
part of the service and its number.
"""

from __future__ import annotations

import re

# The service's field names that are not also the spreadsheet's column names.
CSV_COLUMN_FOR = {
    "locations-0-name": "venue_name", "schedules-0-byday": "days", "term_ids": "needs or support",
    "local_offer_answers": "the Schedule 2 answers",
}
ORUK_PART = {"schedules": "Schedule", "contacts": "Contact", "cost_options": "Cost option", "locations": "Location"}
_ROW_FIELD = re.compile(r"(?P<group>[a-z_]+)-(?P<index>\d+)-(?P<name>[a-z_0-9]+)")


def csv_problem(column: str | None, message: str) -> str:
    """"Column ‘postcode’: Enter a real postcode, like WM1 1QY" (the row number is shown beside it)."""
    if not column:
        return message
    match = _ROW_FIELD.fullmatch(column)
    column = CSV_COLUMN_FOR.get(column) or (match["name"] if match else column)
    return f"Column ‘{column}’: {_sentence(message)}"


def oruk_problem(field: str | None, message: str) -> str:
    """"Location 2, postcode: Enter a real postcode, like WM1 1QY" for an Open Referral UK service."""
    if not field:
        return message
    match = _ROW_FIELD.fullmatch(field)
    if match:
        part = ORUK_PART.get(match["group"], match["group"].replace("_", " ").capitalize())
        where = f"{part} {int(match['index']) + 1}, {match['name'].replace('_', ' ')}"
    else:
        where = field.replace("_", " ").capitalize()
    return f"{where}: {_sentence(message)}"


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]
