"""An adviser sends their report; it waits in quarantine until the virus check, then the caseworker downloads it.
A file carrying the EICAR test signature is refused by the check and never offered (no JavaScript).

The check uses the clamd that `make test` starts (PATHFINDER_CLAMAV); where PATHFINDER_CLAMAV_REQUIRED=1 a clamd
that is not answering fails the test rather than skip it.
"""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import AdviserFactory
from pathfinder.assessments.tests.factories import AdviceRequestFactory
from pathfinder.documents import clamav
from pathfinder.documents.models import DocumentStatus
from pathfinder.documents.services import document_scan
from pathfinder.documents.tests import samples

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAITING = "We are checking this file for viruses. It cannot be opened until the check is done."


def _clamd_address() -> str:
    address = os.environ.get("PATHFINDER_CLAMAV", "")
    if address and clamav.ping(address):
        return address
    reason = f"clamd is not answering at {address!r}: run scripts/clamav-start (make test does)"
    if os.environ.get("PATHFINDER_CLAMAV_REQUIRED") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def test_a_report_waits_for_the_virus_check_then_the_caseworker_downloads_it(
    no_js_page, live_server, sign_in_as, axe_check, assert_reflows, tmp_path, browser, browser_context_args,
):
    address = _clamd_address()
    page = no_js_page
    advice = AdviceRequestFactory(adviser=AdviserFactory())
    report = tmp_path / "EP report.pdf"
    report.write_bytes(samples.pdf())

    # The adviser sends their report while the scanner is down: it is kept, waiting.
    settings.PATHFINDER_CLAMAV = ""
    try:
        sign_in_as(page, advice.adviser)
        page.goto(f"{live_server.url}{reverse('assessments:advice-give', kwargs={'advice_id': advice.pk})}")
        page.get_by_label("Summary of the advice").fill("Needs a structured language programme.")
        page.get_by_label("The advice document").set_input_files(str(report))
        page.get_by_role("button", name="Send your advice").click()
        page.wait_for_load_state()
        expect(page.get_by_text("Your advice has been sent to the council")).to_be_visible()
        advice.refresh_from_db()
        document = advice.document
        assert document.status == DocumentStatus.SCANNING

        page.goto(f"{live_server.url}{reverse('assessments:advice-give', kwargs={'advice_id': advice.pk})}")
        expect(page.get_by_text(WAITING)).to_be_visible()
        expect(page.locator(".govuk-tag", has_text="Scanning")).to_be_visible()
        expect(page.get_by_role("link", name="EP report.pdf")).to_have_count(0)
        axe_check(page)

        # Opening the address while it waits gives a plain page, never the file. (In a context of its own, at
        # 320 px: the address downloads the file once it is clean, so it must not be opened again after the test.)
        waiting_context = browser.new_context(**{**browser_context_args, "viewport": {"width": 320, "height": 640}})
        try:
            waiting = waiting_context.new_page()
            waiting.context.add_cookies(page.context.cookies())
            waiting.goto(f"{live_server.url}/documents/{document.public_id}/")
            expect(waiting.get_by_role("heading", name="This file cannot be opened")).to_be_visible()
            expect(waiting.get_by_text(WAITING)).to_be_visible()
            assert_reflows(waiting)
            axe_check(waiting)
        finally:
            waiting_context.close()
    finally:
        settings.PATHFINDER_CLAMAV = address

    # The scanner is back: the waiting file is checked (the worker, or documents_scan_waiting) and is clean.
    assert document_scan(document.pk).status == DocumentStatus.CLEAN

    caseworker_context = browser.new_context(**{**browser_context_args, "java_script_enabled": False,
                                                "accept_downloads": True})
    try:
        case_page = caseworker_context.new_page()
        sign_in_as(case_page, advice.assessment.caseworker)
        case_page.goto(f"{live_server.url}{reverse('assessments:case', kwargs={'child_id': advice.assessment.child_id, 'assessment_id': advice.assessment_id})}")
        link = case_page.get_by_role("link", name=f"Download advice from {advice.adviser_name}")
        expect(link).to_be_visible()
        with case_page.expect_download() as download_info:
            link.click()
        download = download_info.value
        assert download.suggested_filename == "EP report.pdf"
        assert open(download.path(), "rb").read() == samples.pdf()
    finally:
        caseworker_context.close()


def test_a_file_with_the_eicar_signature_is_refused_by_the_check(no_js_page, live_server, sign_in_as, axe_check,
                                                                 tmp_path):
    address = _clamd_address()
    settings.PATHFINDER_CLAMAV = address
    page = no_js_page
    advice = AdviceRequestFactory(adviser=AdviserFactory())
    infected = tmp_path / "report.pdf"
    infected.write_bytes(b"%PDF-1.4\n" + samples.EICAR + b"\n")  # a PDF by its header: only the scan catches it
    sign_in_as(page, advice.adviser)
    give = f"{live_server.url}{reverse('assessments:advice-give', kwargs={'advice_id': advice.pk})}"
    page.goto(give)
    page.get_by_label("Summary of the advice").fill("See the report.")
    page.get_by_label("The advice document").set_input_files(str(infected))
    page.get_by_role("button", name="Send your advice").click()
    page.wait_for_load_state()
    advice.refresh_from_db()
    assert advice.document.status == DocumentStatus.REFUSED  # scanned once the upload committed

    page.goto(give)
    expect(page.locator(".govuk-tag", has_text="Refused")).to_be_visible()
    expect(page.get_by_text("The virus check found a problem in this file")).to_be_visible()
    expect(page.get_by_role("link", name="report.pdf")).to_have_count(0)
    axe_check(page)
