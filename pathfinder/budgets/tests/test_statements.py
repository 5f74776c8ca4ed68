"""Statements: read in the shapes banks export, previewed without writing, imported all or nothing, once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.budgets.models_money import Spend, Statement
from pathfinder.budgets.spending import spend_match, statement_import, statement_preview
from pathfinder.budgets.statements import StatementError, parse_date, parse_money, statement_read
from pathfinder.budgets.tests.test_payments import money_dp

pytestmark = pytest.mark.django_db

# Windows-1252 ("£" is 0xA3), a single Amount column, three date styles, a carer paid before, an unknown shop,
# pence as text, and the council's own payment in (not spending).
CP1252 = (
    "Date,Payee,Description,Amount\r\n"
    "02/05/2026,Kelly Marsh,Short break Saturday,\"-£1,200.50\"\r\n"
    "2026-05-09,TESCO STORES 2231,Card payment,(12.00)\r\n"
    "16 May 2026,Wealdmoor Council,Direct payment,185.00\r\n"
    "23 May 2026,Kelly Marsh,Short break Saturday,-1850p\r\n"
).encode("cp1252")


def test_amounts_and_dates_in_the_shapes_banks_write():
    assert parse_money("£1,200.50") == Decimal("1200.50")
    assert parse_money("(12.00)") == Decimal("-12.00") == parse_money("-12.00") == parse_money("-£12")
    assert parse_money("1200p") == Decimal("12.00")
    for bad in ("12.50p", "1,20.00", "twelve"):
        with pytest.raises(ValueError):
            parse_money(bad)
    assert parse_date("07/12/2026") == parse_date("2026-12-07") == parse_date("7 Dec 2026") == date(2026, 12, 7)


def test_bom_utf8_with_paid_out_columns_and_a_missing_column_named():
    text = "\ufeffTransaction date,Merchant,Paid out,Paid in\n07/05/2026,Riverside Riding,45.00,\n"
    read = statement_read(text.encode("utf-8"))
    assert read.encoding.startswith("UTF-8 (with") and read.rows[0].amount == Decimal("45.00")
    with pytest.raises(StatementError, match='no "Date" column'):
        statement_read(b"When,Payee,Amount\n07/05/2026,A,-1.00\n")


def test_preview_writes_nothing_import_is_all_or_nothing_and_once():
    user = CaseworkerFactory()
    dp = money_dp()
    line = dp.lines.get()
    Spend.objects.create(direct_payment=dp, line=line, spent_on=date(2026, 4, 20), amount=Decimal("10.00"),
                         payee="kelly  marsh")
    preview = statement_preview(direct_payment=dp, data=CP1252)
    assert preview.statement.encoding == "Windows-1252"
    assert [(r.row.payee, r.line) for r in preview.rows] == [
        ("Kelly Marsh", line), ("TESCO STORES 2231", None), ("Kelly Marsh", line)]
    assert preview.unmatched == 1 and len(preview.statement.money_in) == 1
    assert Spend.objects.count() == 1 and not Statement.objects.exists()

    broken = CP1252 + b"30/05/2026,Kelly Marsh,Short break,-12.345\r\n"
    with pytest.raises(StatementError) as refused:
        statement_import(acting_user=user, direct_payment=dp, data=broken, file_name="may.csv",
                         today=date(2026, 6, 1))
    assert refused.value.problems == ['Row 6: "-12.345" is not an amount we can read: write it like 1,200.50 or '
                                      "-12.00"]
    assert Spend.objects.count() == 1 and not Statement.objects.exists()

    statement = statement_import(acting_user=user, direct_payment=dp, data=CP1252, file_name="may.csv",
                                 today=date(2026, 6, 1))
    assert (statement.rows, statement.unmatched_rows) == (3, 1)
    assert sorted(s.amount for s in statement.spending.all()) == [Decimal("12.00"), Decimal("18.50"),
                                                                   Decimal("1200.50")]
    with pytest.raises(StatementError, match="already imported on 1 June 2026"):
        statement_import(acting_user=user, direct_payment=dp, data=CP1252, file_name="again.csv",
                         today=date(2026, 6, 2))
    assert Statement.objects.count() == 1

    unknown = statement.spending.get(line__isnull=True)
    spend_match(acting_user=user, spend=unknown, line_id=line.pk)
    statement.refresh_from_db()
    assert statement.unmatched_rows == 0
