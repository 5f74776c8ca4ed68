"""Reading a bank or prepaid-card statement exported as CSV. Pure: bytes in, rows or a clear refusal out.

What we accept, and why (families' banks and card providers export in many shapes):

- **Encoding**: UTF-8 with or without a byte order mark (Excel writes one), else Windows-1252 (older banking
  exports: "£" is byte 0xA3). Anything else is refused.
- **Columns** (the header row, any order, any case, extra columns ignored): a date (``Date``, ``Transaction date``,
  ``Posted``); the money, either as one ``Amount`` column (``-12.00`` or ``(12.00)`` is money out, a plain
  ``12.00`` is money in) or as two columns, ``Paid out`` / ``Money out`` / ``Debit`` and ``Paid in`` /
  ``Money in`` / ``Credit``; who was paid (``Payee``, ``Merchant``, ``Name`` or, failing those, ``Description``).
  ``Description``/``Reference``/``Details`` is kept as what it was for. A missing column refuses the file, naming
  the column.
- **Dates**: ``07/12/2026`` (day first, as UK banks write it), ``2026-12-07``, ``7 Dec 2026`` and ``7 December
  2026``.
- **Amounts**: ``1,200.50``, ``£1,200.50``, ``-£12.00``, ``(12.00)``, and pence written as text, ``1200p`` =
  £12.00 (a whole number of pence; ``12.50p`` is refused as unclear). Money is ``Decimal``, never float.
- **Money in** (the council's own payments into the account, refunds) is not spending: it is counted and shown in
  the preview, never stored as spending. Every money-out row is kept, matched or not.
- **All or nothing**: one row that cannot be read refuses the whole file, with every such row listed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import time
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

#: Bigger than any month's statement of one family's direct payment: a guard, not a limit anyone should meet.
MAX_BYTES = 1_000_000

COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "transaction date", "posted", "posting date", "date of transaction"),
    "amount": ("amount", "value", "amount (£)", "amount (gbp)"),
    "out": ("paid out", "money out", "debit", "debit amount", "out"),
    "in": ("paid in", "money in", "credit", "credit amount", "in"),
    "payee": ("payee", "merchant", "name", "counterparty", "paid to"),
    "description": ("description", "reference", "details", "narrative", "memo", "transaction description"),
}

_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%d-%m-%Y")
_PENCE = re.compile(r"^(\d+)p$", re.IGNORECASE)


class StatementError(Exception):
    """The file cannot be imported; ``problems`` says why, row by row where it can."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []


@dataclass(frozen=True)
class StatementRow:
    row_number: int  # as the family sees it in a spreadsheet: the header is row 1
    spent_on: date
    amount: Decimal  # always more than zero
    money_out: bool
    payee: str
    description: str


@dataclass
class ReadStatement:
    sha256: str
    encoding: str
    rows: list[StatementRow] = field(default_factory=list)

    @property
    def money_out(self) -> list[StatementRow]:
        return [row for row in self.rows if row.money_out]

    @property
    def money_in(self) -> list[StatementRow]:
        return [row for row in self.rows if not row.money_out]

    @property
    def period(self) -> tuple[date | None, date | None]:
        days = [row.spent_on for row in self.rows]
        return (min(days), max(days)) if days else (None, None)


def statement_decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (with or without BOM), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8 (with byte order mark)"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        raise StatementError("The file is not a text CSV file we can read. Save it from your bank as CSV "
                             "(UTF-8 or Windows) and try again.") from error


def parse_date(text: str) -> date:
    value = " ".join(text.strip().split())
    for fmt in _DATE_FORMATS:
        try:
            return date(*time.strptime(value, fmt)[:3])
        except ValueError:
            continue
    raise ValueError(f'"{text.strip()}" is not a date we can read: write it like 07/12/2026, 2026-12-07 or '
                     "7 Dec 2026")


def parse_money(text: str) -> Decimal:
    """A signed amount in pounds: negative is money out. Raises ValueError with a message for the family."""
    raw = text.strip()
    value = raw.replace(" ", "").replace("\u00a0", "")
    negative = False
    if value.startswith("(") and value.endswith(")"):
        negative, value = True, value[1:-1]
    if value.startswith("-"):
        negative, value = not negative, value[1:]
    elif value.startswith("+"):
        value = value[1:]
    value = value.replace("£", "").replace("GBP", "").replace("gbp", "")
    if value.startswith("-"):  # "£-12.00"
        negative, value = not negative, value[1:]
    pence = _PENCE.match(value)
    if pence:
        amount = Decimal(pence.group(1)) / 100
    else:
        if value.lower().endswith("p"):
            raise ValueError(f'"{raw}" is unclear: write pence as a whole number like 1200p, or pounds like 12.00')
        if not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d{1,2})?|\d+(\.\d{1,2})?|\.\d{1,2}", value):
            raise ValueError(f'"{raw}" is not an amount we can read: write it like 1,200.50 or -12.00')
        try:
            amount = Decimal(value.replace(",", ""))
        except InvalidOperation as error:  # pragma: no cover - the pattern above already refuses these
            raise ValueError(f'"{raw}" is not an amount we can read') from error
    return (-amount if negative else amount).quantize(Decimal("0.01"))


def _columns(header: list[str]) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    found: dict[str, int] = {}
    for key, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in names:
                found[key] = names.index(alias)
                break
    missing = []
    if "date" not in found:
        missing.append('"Date"')
    if "amount" not in found and "out" not in found:
        missing.append('"Amount" (or "Paid out")')
    if "payee" not in found and "description" not in found:
        missing.append('"Payee" (or "Description")')
    if missing:
        raise StatementError(f"The statement has no {' or '.join(missing)} column. The first row must name the "
                             "columns; we found: " + (", ".join(f'"{h.strip()}"' for h in header if h.strip())
                                                      or "nothing"))
    return found


def _cell(row: list[str], found: dict[str, int], key: str) -> str:
    index = found.get(key)
    return row[index].strip() if index is not None and index < len(row) else ""


def _row(number: int, row: list[str], found: dict[str, int]) -> StatementRow | None:
    spent_on = parse_date(_cell(row, found, "date"))
    if "amount" in found:
        signed = parse_money(_cell(row, found, "amount"))
    else:
        out, paid_in = _cell(row, found, "out"), _cell(row, found, "in")
        if out and paid_in:
            raise ValueError("it has money both paid out and paid in: use one or the other")
        if not out and not paid_in:
            raise ValueError("it has no amount")
        signed = -abs(parse_money(out)) if out else abs(parse_money(paid_in))
    if signed == 0:
        return None
    description = _cell(row, found, "description")
    payee = _cell(row, found, "payee") or description
    if not payee:
        raise ValueError("it does not say who was paid")
    return StatementRow(row_number=number, spent_on=spent_on, amount=abs(signed), money_out=signed < 0,
                        payee=payee[:200], description=description[:300])


def statement_read(data: bytes) -> ReadStatement:
    """Read the whole file, or refuse it with every problem listed."""
    if len(data) > MAX_BYTES:
        raise StatementError("The file is too big to be one statement. Export one month or one quarter at a time.")
    if not data.strip():
        raise StatementError("The file is empty.")
    text, encoding = statement_decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = [row for row in reader if any(cell.strip() for cell in row)]
    found = _columns(rows[0])
    result = ReadStatement(sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)
    problems: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        try:
            read = _row(number, row, found)
        except ValueError as error:
            problems.append(f"Row {number}: {error}")
            continue
        if read is not None:
            result.rows.append(read)
    if problems:
        raise StatementError("Nothing was imported: some rows could not be read. Correct them and upload the whole "
                             "file again.", problems)
    if not result.rows:
        raise StatementError("The statement has no transactions.")
    return result
