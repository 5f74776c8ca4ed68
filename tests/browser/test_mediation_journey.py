"""The mediation service signs in, opens the mediation referred to it and records the adviser's certificate; the
caseworker then sees the certificate and the appeal deadline it moved on the decision's page (regs 33, 34; HESC
r.20(1)(c)). Every page axe-clean and checked at 320 px."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.disagreements.models_mediation import MediationCase
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
