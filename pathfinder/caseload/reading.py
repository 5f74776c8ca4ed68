"""Reading a council's files: the size limit, the encoding, CSV headers and dates, each with a clear message.

Why so careful: the files come from legacy systems and spreadsheets. Excel writes UTF-8 with a byte order mark or
Windows-1252; dates come as 2024-03-01, 01/03/2024 or 1 March 2024. A file we cannot read must say why in words
an administrator can act on, never fail with a traceback, and never write anything.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings

from pathfinder.caseload.template import FILES

REFUSED, WARNING = "refused", "warning"


@dataclass(frozen=True)
class Problem:
    """Why a row is refused, or what the importer did that the council should know (a warning).
    ``line`` is the line of the file (1 is the header of a CSV file); 0 means the whole file."""

    file: str
    line: int
    column: str
    reason: str
    level: str = REFUSED


class FileRefused(Exception):
    """A file that cannot be read at all: the whole import stops before anything is written."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


@dataclass
class SourceRow:
    file: str
    line: int
    values: dict[str, str]


@dataclass
class Source:
    """Every row read, by file, in the template's shape, and what reading noticed."""

    rows: dict[str, list[SourceRow]] = field(default_factory=lambda: {name: [] for name in FILES})
    warnings: list[Problem] = field(default_factory=list)
    description: str = ""


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(text: str) -> str:
    """Stop a spreadsheet running a cell as a formula (CSV injection): a leading quote, which reading removes."""
    return "'" + text if text[:1] in _FORMULA_STARTS else text


def formula_unescape(text: str) -> str:
    return text[1:] if text[:1] == "'" and text[1:2] in _FORMULA_STARTS else text


def max_file_size() -> int:
    return int(settings.PATHFINDER_CASELOAD_MAX_FILE_SIZE)


def size_check(name: str, size: int) -> None:
    limit = max_file_size()
    if size > limit:
        raise FileRefused(name, f"The file is {size / 1_048_576:,.0f} MB; the largest file Pathfinder reads is "
                                f"{limit / 1_048_576:,.0f} MB. Split it into smaller files (by team or by year "
                                "of birth) and import them one after another")


def decode(name: str, data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read as: a byte order mark means UTF-8, else UTF-8 if it decodes, else
    Windows-1252 (what Excel writes on a UK PC)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "UTF-8 with a byte order mark"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileRefused(name, "The file is saved as UTF-16. Save it as CSV UTF-8 (in Excel: CSV UTF-8)")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise FileRefused(name, "The file is not text in UTF-8 or Windows-1252. Save it as CSV UTF-8") from None


def _looks_binary(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # text, in an encoding decode() explains
    return b"\x00" in data[:4096] or data[:4] in (b"PK\x03\x04", b"%PDF") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def csv_read(source: Source, file: str, data: bytes, *, display_name: str = "") -> None:
    """Read one template file into ``source``: refuses the file if a column is missing or it is not CSV text."""
    shown = display_name or f"{file}.csv"
    if _looks_binary(data):
        raise FileRefused(shown, "This is not a CSV file (it looks like a spreadsheet, a ZIP or a PDF). Save each "
                                 "sheet as CSV UTF-8 and use the names in the template")
    text, encoding = decode(shown, data)
    if encoding != "UTF-8":
        source.warnings.append(Problem(file, 0, "", f"Read as {encoding}", WARNING))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        heading = [cell.strip().lower() for cell in next(reader, [])]
    except csv.Error as error:
        raise FileRefused(shown, f"The first line cannot be read as CSV ({error})") from None
    expected = [column.name for column in FILES[file]]
    missing = [name for name in expected if name not in heading]
    if missing:
        raise FileRefused(shown, f"Missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}. "
                                 "The first line must name every column of the template")
    extra = [name for name in heading if name and name not in expected]
    if extra:
        source.warnings.append(Problem(file, 1, ", ".join(extra), "Columns not in the template are not read", WARNING))
    columns = [(name, heading.index(name)) for name in expected]
    rows = source.rows[file]
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            line = reader.line_num
            if len(cells) < len(heading):
                cells = cells + [""] * (len(heading) - len(cells))
            values = {}
            for name, i in columns:
                cell = cells[i].strip()
                values[name] = formula_unescape(cell) if cell[:1] == "'" else cell
            rows.append(SourceRow(file, line, values))
    except csv.Error as error:
        raise FileRefused(shown, f"Line {reader.line_num} cannot be read as CSV ({error})") from None


def csv_directory_read(directory: Path) -> Source:
    """The template set from a folder: every file named as in the template (children.csv ...); children.csv is
    required, the others may be left out."""
    source = Source(description=str(directory))
    if not directory.is_dir():
        raise FileRefused(str(directory), "There is no folder here. Give the folder that holds children.csv")
    for file in FILES:
        path = directory / f"{file}.csv"
        if not path.exists():
            if file == "children":
                raise FileRefused("children.csv", "The folder has no children.csv: it is the one file required")
            continue
        size_check(path.name, path.stat().st_size)
        csv_read(source, file, path.read_bytes())
    return source


_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MONTH_WORDS = ("%d %B %Y", "%d %b %Y")


def parse_date(value: str) -> date | None:
    """A date in ISO (2024-03-01), day/month/year (01/03/2024) or words (1 March 2024); None if blank.
    Raises ValueError with the message to show for anything else."""
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", value) else _other_date(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a date: write 2024-03-01, 01/03/2024 or 1 March 2024") from None


def _other_date(value: str) -> date:
    match = _DAY_MONTH_YEAR.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    for pattern in _MONTH_WORDS:
        try:
            return date(*time.strptime(value, pattern)[:3])
        except ValueError:
            continue
    raise ValueError(value)
