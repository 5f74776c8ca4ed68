"""The money pages: who may open each (role by URL), and the statement journey through the pages without a
browser (upload, preview with an unknown row, import, match by hand)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
    YoungPersonFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.models_money import Payment, PaymentStatus, Spend, Statement, SurplusRecovery
from pathfinder.budgets.tests.test_payments import money_dp
from pathfinder.people.tests.factories import FamilyMemberFactory

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302
ROLES = ["own caseworker", "other team's caseworker", "manager", "adviser", "parent", "young person (another)",
         "administrator", "provider", "local offer officer", "anonymous"]


def _row(default, **exceptions):
    row = {role: default for role in ROLES}
    row.update({k.replace("_", " "): v for k, v in exceptions.items()})
    row["anonymous"] = SIGN_IN
    return row


STAFF = _row(FORBIDDEN, own_caseworker=OK, manager=OK, **{"other team's caseworker": NOT_FOUND})
PAGES = {
    "money": ("budgets:money", ("child_id", "direct_payment_id"), STAFF),
    "schedule": ("budgets:money-schedule", ("child_id", "direct_payment_id"), STAFF),
    "pay": ("budgets:money-pay", ("child_id", "direct_payment_id", "payment_id"), STAFF),
    "spend": ("budgets:money-spend", ("child_id", "direct_payment_id"), STAFF),
    "match": ("budgets:money-match", ("child_id", "direct_payment_id", "spend_id"), STAFF),
    "statement": ("budgets:money-statement", ("child_id", "direct_payment_id"), STAFF),
    "take back": ("budgets:money-recover", ("child_id", "direct_payment_id"), STAFF),
    "family": ("budgets:family-money", ("child_id", "direct_payment_id"),
               _row(FORBIDDEN, parent=OK, **{"young person (another)": NOT_FOUND})),
    "figures": ("budgets:figures", (), _row(FORBIDDEN, manager=OK)),
}


@pytest.fixture
def world():
    dp = money_dp()
    child = dp.request.child
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    payment = Payment.objects.create(direct_payment=dp, due_on=date(2026, 5, 1), amount=Decimal("100"))
    spend = Spend.objects.create(direct_payment=dp, spent_on=date(2026, 5, 2), amount=Decimal("9.99"), payee="Shop")
    return {
        "dp": dp, "child": child, "ids": {"child_id": child.pk, "direct_payment_id": dp.pk, "payment_id": payment.pk,
                                          "spend_id": spend.pk},
        "users": {
            "own caseworker": dp.request.plan.assessment.caseworker, "other team's caseworker": CaseworkerFactory(),
            "manager": ManagerFactory(), "adviser": AdviserFactory(), "parent": parent,
            "young person (another)": YoungPersonFactory(), "administrator": AdministratorFactory(),
            "provider": ProviderFactory(), "local offer officer": LocalOfferOfficerFactory(), "anonymous": None,
        },
    }


@pytest.mark.parametrize("page", PAGES)
def test_role_matrix(client, world, page) -> None:
    name, keys, expected = PAGES[page]
    url = reverse(name, kwargs={k: world["ids"][k] for k in keys})
    got = {}
    for role, user in world["users"].items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    assert got == expected


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
