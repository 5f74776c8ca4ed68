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
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
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


def _xlsx_cell(sheet, value):
    if value is None:
        return ""
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "dd/mm/yyyy"
        return cell
    return value


def rows_as_xlsx(title: str, columns: Sequence[tuple[str, str]], rows: Iterable[dict]) -> bytes:
    """One sheet: a bold heading row, frozen, and dates as dates. Written in openpyxl's write-only mode, which
    streams rows instead of keeping a cell object for each (several times faster for a county's 25,000 plans)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    for index, (_, heading) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(heading) + 2))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for _, heading in columns:
        cell = WriteOnlyCell(sheet, value=heading)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, row.get(key)) for key, _ in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
