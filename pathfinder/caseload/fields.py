"""One row's values against the template: required, length, code lists, flags, dates and numbers.

Returns the typed values and the problems, each naming its column, so the report says exactly what to fix.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

from pathfinder.caseload.reading import REFUSED, Problem, SourceRow, parse_date
from pathfinder.caseload.template import CODE, DATE, FILES, FLAG, NUMBER, TEXT, Column

_TRUE = {"y", "yes", "true", "1"}
_FALSE = {"n", "no", "false", "0"}
_CODE_MAPS: dict[tuple[str, str], dict[str, str]] = {}


def _code_map(file: str, column: Column) -> dict[str, str]:
    key = (file, column.name)
    if key not in _CODE_MAPS:
        _CODE_MAPS[key] = {code.lower(): code for code in column.codes}
    return _CODE_MAPS[key]


@cache
def _columns(file: str) -> tuple[tuple, ...]:
    """Each column of a file as a plain tuple, with its code list by lower case: read once, not per cell."""
    return tuple((column.name, column.kind, column.required, column.max_length,
                  {code.lower(): code for code in column.codes} if column.kind == CODE else {}, column)
                 for column in FILES[file])


def row_values(row: SourceRow, today: date) -> tuple[dict, list[Problem]]:
    """The row's typed values (blank text as "", blank dates/flags/numbers as None) and its problems.

    An import reads millions of cells, so the common cases (text, a date in the past, a known code) are handled
    here in line; anything else, and every message, comes from ``_typed``."""
    values: dict = {}
    problems: list[Problem] = []
    given = row.values
    file = row.file
    for name, kind, required, max_length, codes, column in _columns(file):
        raw = given.get(name, "")
        if not raw:
            if required:
                problems.append(Problem(file, row.line, name, f"{name} is required"))
            values[name] = "" if kind in (TEXT, CODE) else None
        elif kind == TEXT and (not max_length or len(raw) <= max_length):
            values[name] = raw
        elif kind == DATE and (day := _date_or_none(raw)) is not None and day <= today:
            values[name] = day
        elif kind == CODE and raw.lower() in codes:
            values[name] = codes[raw.lower()]
        else:
            try:
                values[name] = _typed(file, column, raw, today)
            except ValueError as error:
                problems.append(Problem(file, row.line, name, str(error), REFUSED))
                values[name] = None
    return values, problems


def _date_or_none(raw: str) -> date | None:
    """The date, or None when it is not one (``_typed`` then says why)."""
    try:
        return _date(raw)
    except ValueError:
        return None


@lru_cache(maxsize=65_536)
def _date(raw: str) -> date | None:
    return parse_date(raw)  # a caseload has a few thousand distinct dates in a million cells


def _typed(file: str, column: Column, raw: str, today: date):
    if column.kind == DATE:
        day = _date(raw)
        if day is not None and day > today:
            raise ValueError(f"{column.name} {day:%d %B %Y} is in the future")
        return day
    if column.kind == FLAG:
        lowered = raw.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError(f"'{raw}' is not Y or N")
    if column.kind == NUMBER:
        if not raw.isdigit():
            raise ValueError(f"'{raw}' is not a whole number")
        return int(raw)
    if column.kind == CODE:
        code = _code_map(file, column).get(raw.lower())
        if code is None:
            shown = ", ".join(column.codes)
            raise ValueError(f"Unknown code '{raw}': use one of {shown}")
        return code
    if column.max_length and len(raw) > column.max_length:
        raise ValueError(f"{column.name} is longer than {column.max_length} characters")
    return raw
