"""A caseworker imports a family's direct payment statement: checks the preview with a row nobody knows, imports it,
and matches that row by hand; a manager reads the personal budget figures at 320 px (400% zoom)."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import ManagerFactory
from pathfinder.budgets.models_money import Payment, PaymentStatus, Spend
from pathfinder.budgets.tests.test_payments import money_dp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATEMENT = (
    "Date,Payee,Description,Amount\r\n"
    "02/05/2026,Kelly Marsh,Short break Saturday,\"-£120.50\"\r\n"
    "9 May 2026,PAYPAL *RIDINGCLUB,Card payment,(32.00)\r\n"
    "16/05/2026,Wealdmoor Council,Direct payment,185.00\r\n"
).encode("cp1252")


def test_caseworker_imports_a_statement_and_matches_the_unknown_row(page, live_server, sign_in_as, axe_check,
                                                                     narrow_page):
    dp = money_dp()
    child = dp.request.child
    line = dp.lines.get()
    Payment.objects.create(direct_payment=dp, due_on=date(2026, 5, 1), paid_on=date(2026, 5, 1),
                           amount=Decimal("185.00"), status=PaymentStatus.PAID)
    Spend.objects.create(direct_payment=dp, line=line, spent_on=date(2026, 4, 25), amount=Decimal("60.00"),
                         payee="Kelly Marsh")
    sign_in_as(page, dp.request.plan.assessment.caseworker)
    page.goto(f"{live_server.url}/children/{child.pk}/budgets/direct-payments/{dp.pk}/money/")
    expect(page.locator("body")).to_contain_text("Direct payment money")
    page.get_by_role("link", name="Import a statement").click()
    page.get_by_label("Upload the statement").set_input_files(
        {"name": "may-statement.csv", "mimeType": "text/csv", "buffer": STATEMENT})
    page.get_by_role("button", name="Check the statement").click()
    body = page.locator("body")
    expect(body).to_contain_text("Nothing has been saved yet. The file was read as Windows-1252")
    expect(body).to_contain_text("PAYPAL *RIDINGCLUB")
    expect(body).to_contain_text("Paid before for this line")
    expect(body).to_contain_text("1 row is not matched to the budget")
    axe_check(page)
    assert not Spend.objects.filter(payee="PAYPAL *RIDINGCLUB").exists()
    page.get_by_role("button", name="Import these rows").click()
    expect(body).to_contain_text("Statement imported: 2 rows. 1 to match by hand.")
    page.get_by_role("link", name="Match £32.00 to PAYPAL *RIDINGCLUB").click()
    page.get_by_label(line.provision_text[:40], exact=False).check()
    page.get_by_role("button", name="Match").click()
    expect(body).to_contain_text("£32.00 to PAYPAL *RIDINGCLUB matched.")
    expect(body).to_contain_text("None: every row of spending is matched.")
    axe_check(page)
    assert Spend.objects.get(payee="PAYPAL *RIDINGCLUB").line == line

    sign_in_as(narrow_page, ManagerFactory())
    narrow_page.goto(f"{live_server.url}/budgets/figures/")
    expect(narrow_page.locator("body")).to_contain_text("Compared with England")
    expect(narrow_page.locator("body")).to_contain_text("Plans with a personal budget")
    width = narrow_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the figures scroll sideways at 320 px ({width} px wide)"
    axe_check(narrow_page)


def test_caseworker_records_the_signed_agreement_with_its_file_and_the_family_sees_it(page, live_server, sign_in_as,
                                                                                       axe_check, narrow_page,
                                                                                       settings):
    """Signing needs the date; the file is optional. A wrong file is refused beside the field and nothing is
    signed; the right one is kept (virus-checked) and, once clean, the family sees it on their page."""
    from django.utils import timezone

    from pathfinder.accounts.tests.factories import ParentFactory
    from pathfinder.documents.tests.helpers import scanned_clean
    from pathfinder.people.tests.factories import FamilyMemberFactory

    settings.PATHFINDER_CLAMAV = ""  # the scanner is not answering: the file waits for its check, whatever runs it
    dp = money_dp(signed=False, agreement_sent_on=timezone.localdate())
    child = dp.request.child
    sign_in_as(page, dp.request.plan.assessment.caseworker)
    page.goto(f"{live_server.url}/children/{child.pk}/budgets/{dp.request_id}/direct-payments/{dp.pk}/")
    page.get_by_role("link", name="Record the signed agreement").click()
    body = page.locator("body")
    page.get_by_label("Upload the signed agreement (optional)").set_input_files(
        {"name": "agreement.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a pdf at all"})
    page.get_by_role("button", name="Record it signed").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be a PDF, Word document or image")
    axe_check(page)
    page.get_by_label("Upload the signed agreement (optional)").set_input_files(
        {"name": "Signed agreement.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 signed by Mrs Ellis"})
    page.get_by_role("button", name="Record it signed").click()
    expect(body).to_contain_text("Agreement signed: the direct payment is active.")
    expect(page.locator("#signed-agreement")).to_contain_text("We are checking this file for viruses")
    axe_check(page)
    dp.refresh_from_db()
    scanned_clean(dp.agreement_document)

    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    sign_in_as(narrow_page, parent)
    narrow_page.goto(f"{live_server.url}/family/personal-budget/{child.pk}/{dp.request_id}/")
    expect(narrow_page.locator("#signed-agreement")).to_contain_text("Your signed agreement")
    width = narrow_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the family's page scrolls sideways at 320 px ({width} px wide)"
    with narrow_page.expect_download() as download:
        narrow_page.get_by_role("link", name="Your signed agreement").click()
    assert download.value.suggested_filename == "Signed agreement.pdf"
    axe_check(narrow_page)
