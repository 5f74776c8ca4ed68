"""The mediation service signs in, opens the mediation referred to it and records the adviser's certificate; the
caseworker then sees the certificate and the appeal deadline it moved on the decision's page (regs 33, 34; HESC
r.20(1)(c)). The service also records a mediation step by step (arranged, held, the mediator's certificate).
Every page axe-clean and checked at 320 px."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.disagreements.mediation import mediation_step_record
from pathfinder.disagreements.models_mediation import MediationCase, MediationStatus
from pathfinder.disagreements.selectors import decision_rights
from pathfinder.disagreements.tests.world import build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _date(page, name: str, day) -> None:
    page.fill(f"input[name='{name}-day']", str(day.day))
    page.fill(f"input[name='{name}-month']", str(day.month))
    page.fill(f"input[name='{name}-year']", str(day.year))


def test_mediation_service_records_a_certificate_and_the_caseworker_sees_it(page, live_server, sign_in_as,
                                                                              axe_check):
    world = build()
    today = timezone.localdate()
    sign_in_as(page, world.users["mediation service"])
    page.goto(f"{live_server.url}/mediation/")
    axe_check(page)
    page.get_by_role("link", name=world.child.full_name).click()
    expect(page.locator("body")).to_contain_text("Family contacted the mediation adviser")
    axe_check(page)
    page.get_by_role("link", name="Record the adviser's certificate (no mediation)").click()
    _date(page, "on", today)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Certificate issued: the family may appeal")
    axe_check(page)

    case = MediationCase.objects.get(pk=world.ids["case_id"])
    appeal_by = decision_rights(case.decision).appeal_by
    page.context.clear_cookies()
    sign_in_as(page, world.users["team caseworker"])
    page.goto(f"{live_server.url}/children/{world.child.pk}/disagreements/{world.ids['decision_id']}/")
    expect(page.locator("body")).to_contain_text(f"{today.day} {today:%B %Y}")
    expect(page.locator("body")).to_contain_text(f"{appeal_by.day} {appeal_by:%B %Y}")
    axe_check(page)


def test_mediation_service_records_the_mediation_step_by_step(page, live_server, sign_in_as, axe_check):
    """The family wants mediation and the council has told the service: the service sees the mediation among its
    open ones, records it arranged (a wrong date first: GOV.UK error summary, the date kept, nothing saved), held,
    then its certificate; the family's last day to appeal moves to 1 month from that certificate."""
    world = build()
    today = timezone.localdate()
    case = MediationCase.objects.get(pk=world.ids["case_id"])
    mediation_step_record(acting_user=world.users["team caseworker"], case=case, action="council_informed",
                          on=today - timedelta(days=14), expected_version=case.version,
                          issues="Section F does not say how much speech and language therapy.",
                          health_in_issue=False, health_sought="")
    sign_in_as(page, world.users["mediation service"])
    page.goto(f"{live_server.url}/mediation/")
    open_cases = page.get_by_role("region", name="Open mediations")
    expect(open_cases).to_contain_text("Family wants mediation: the council has been told")
    axe_check(page)
    open_cases.get_by_role("link", name=world.child.full_name).click()
    expect(page.locator("body")).to_contain_text("Section F does not say how much speech and language therapy.")

    page.get_by_role("link", name="Record that mediation is arranged").click()
    page.fill("input[name='on-day']", "31")
    page.fill("input[name='on-month']", "2")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("must be a real date")
    expect(page.locator("input[name='on-day']")).to_have_value("31")  # what was typed is kept
    axe_check(page)
    summary.get_by_role("link").first.click()
    expect(page.locator("input[name='on-day']")).to_be_focused()
    case.refresh_from_db()
    assert case.status == MediationStatus.COUNCIL_INFORMED and case.arranged_for is None

    _date(page, "on", today + timedelta(days=7))  # arranged for a day to come
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Mediation arranged")
    page.get_by_role("link", name="Record that mediation took place").click()
    _date(page, "on", today - timedelta(days=1))
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record the mediator's certificate").click()
    _date(page, "on", today)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Certificate issued: the family may appeal")
    axe_check(page)
    case.refresh_from_db()
    assert (case.status, case.mediator_certificate) == (MediationStatus.CERTIFICATE, today)
    appeal_by = decision_rights(case.decision).appeal_by
    expect(page.locator("body")).to_contain_text(f"{appeal_by.day} {appeal_by:%B %Y}")
    page.get_by_role("link", name="Back to mediations").click()
    expect(page.get_by_role("region", name="Finished mediations")).to_contain_text(world.child.full_name)
