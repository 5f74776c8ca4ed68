"""A list's rows as CSV and as an Excel workbook (.xlsx, written by openpyxl), the two files inspectors ask for.

Cells that a spreadsheet would run as a formula (starting =, +, - or @: a name or a reason typed by anyone) are
written with a leading apostrophe in the CSV, the usual guard against formula injection; openpyxl writes text
cells as text, so the workbook needs no guard.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows_as_csv(columns: Sequence[tuple[str, str]], rows: Iterable[dict]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens names with accents correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([heading for _, heading in columns])
    for row in rows:
        writer.writerow([_csv_cell(row.get(key)) for key, _ in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def rows_as_xlsx(title: str, columns: Sequence[tuple[str, str]], rows: Iterable[dict]) -> bytes:
    """One sheet: a bold heading row, dates as dates, the header frozen."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([heading for _, heading in columns])
    for cell in sheet[1]:
        cell.font = cell.font.copy(bold=True)
    for row in rows:
        sheet.append([row.get(key) if row.get(key) is not None else "" for key, _ in columns])
    for index, (_, heading) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(heading) + 2))
        for cell in sheet[get_column_letter(index)][1:]:
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
