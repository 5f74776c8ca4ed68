"""The money pages without a browser: the statement journey (upload, preview with an unknown row, import, match
by hand) and the forms refusing bad money or a payment before the agreement is signed. Who may open each money
page is in test_access.py."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.models_money import Payment, PaymentStatus, Spend, Statement, SurplusRecovery
from pathfinder.budgets.tests.test_payments import money_dp

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    dp = money_dp()
    child = dp.request.child
    payment = Payment.objects.create(direct_payment=dp, due_on=date(2026, 5, 1), amount=Decimal("100"))
    return {
        "dp": dp,
        "ids": {"child_id": child.pk, "direct_payment_id": dp.pk, "payment_id": payment.pk},
        "users": {"own caseworker": dp.request.plan.assessment.caseworker},
    }


def test_statement_upload_preview_import_and_match_by_hand(client, world) -> None:
    dp, ids = world["dp"], world["ids"]
    sign_in(client, world["users"]["own caseworker"])
    csv = b"\xef\xbb\xbfDate,Payee,Amount\r\n02/05/2026,Kelly Marsh,\"-1,200.50\"\r\n9 May 2026,PAYPAL *MYSTERY,(12.00)\r\n"
    url = reverse("budgets:money-statement", kwargs={"child_id": ids["child_id"], "direct_payment_id": ids["direct_payment_id"]})
    preview = client.post(url, {"file": SimpleUploadedFile("may.csv", csv, content_type="text/csv")})
    page = preview.content.decode()
    assert "Check the statement before importing it" in page and "PAYPAL *MYSTERY" in page and "Unknown" in page
    assert not Statement.objects.exists()
    carried = re.search(r'name="statement" value="([^"]+)"', page).group(1)
    imported = client.post(reverse("budgets:money-statement-import", kwargs={"child_id": ids["child_id"],
                                                                             "direct_payment_id": ids["direct_payment_id"]}),
                           {"statement": carried}, follow=True)
    assert "Statement imported: 2 rows. 2 to match by hand." in imported.content.decode()
    again = client.post(reverse("budgets:money-statement-import", kwargs={"child_id": ids["child_id"],
                                                                          "direct_payment_id": ids["direct_payment_id"]}),
                        {"statement": carried})
    assert "already imported" in again.content.decode() and Statement.objects.count() == 1
    mystery = Spend.objects.get(payee="PAYPAL *MYSTERY")
    line = dp.lines.get()
    client.post(reverse("budgets:money-match", kwargs={**{k: ids[k] for k in ("child_id", "direct_payment_id")},
                                                       "spend_id": mystery.pk}), {"line": str(line.pk)})
    mystery.refresh_from_db()
    assert mystery.line == line


def test_forms_refuse_bad_money_and_unsigned_payments_on_the_page(client, world) -> None:
    ids = world["ids"]
    sign_in(client, world["users"]["own caseworker"])
    base = {"child_id": ids["child_id"], "direct_payment_id": ids["direct_payment_id"]}
    response = client.post(reverse("budgets:money-spend", kwargs=base), {
        "spent_on-day": "2", "spent_on-month": "5", "spent_on-year": "2026", "payee": "Club", "amount": "12.345"})
    assert "Enter the amount in pounds and pence" in response.content.decode()
    dp = world["dp"]
    dp.status, dp.agreement_signed_on = "agreement_sent", None
    dp.save()
    payment = Payment.objects.get(pk=ids["payment_id"])
    response = client.post(reverse("budgets:money-pay", kwargs={**base, "payment_id": payment.pk}), {
        "version": payment.version, "paid_on-day": "1", "paid_on-month": "5", "paid_on-year": "2026"})
    assert "agreement is not signed yet" in response.content.decode()
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.DUE
    response = client.post(reverse("budgets:money-recover", kwargs=base), {
        "amount": "5", "reason": "", "told_on-day": "1", "told_on-month": "9", "told_on-year": "2026"})
    assert response.status_code == 200 and not SurplusRecovery.objects.exists()
