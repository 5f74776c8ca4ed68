"""A family moves: the old council's caseworker records the move, sends the plan and downloads the bundle; the new
council's caseworker imports it and sees the child with the plan and the 6-week notice due."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.transfers.models import TransferIn
from pathfinder.transfers.tests.factories import final_plan, forget_child

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, name: str, day) -> None:
    page.fill(f'input[name="{name}-day"]', str(day.day))
    page.fill(f'input[name="{name}-month"]', str(day.month))
    page.fill(f'input[name="{name}-year"]', str(day.year))


def test_a_plan_moves_from_one_caseworker_to_another(page, live_server, sign_in_as, axe_check, settings, tmp_path,
                                                    browser, browser_context_args):
    settings.MEDIA_ROOT = tmp_path
    plan = final_plan()
    child = plan.child
    today = timezone.localdate()
    sign_in_as(page, CaseworkerFactory(team=child.team))
    page.goto(f"{live_server.url}{reverse('people:child', kwargs={'child_id': child.pk})}")
    page.get_by_role("link", name="Record a move to another council").click()
    page.get_by_label("Council the family is moving to").fill("Surrey County Council")
    page.get_by_label("Its LA code").fill("936")
    _fill_date(page, "move_on", today)
    _fill_date(page, "aware_on", today)
    page.get_by_role("button", name="Record the move").click()
    expect(page.locator("body")).to_contain_text("Send the plan by")
    expect(page.locator("body")).to_contain_text("reg 15(2)")
    axe_check(page)
    page.get_by_role("button", name="Send the plan").click()
    expect(page.locator("body")).to_contain_text("Plan sent")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the bundle (ZIP)").click()
    bundle = tmp_path / "bundle.zip"
    download.value.save_as(bundle)
    forget_child(child)  # the new council's database does not know the child

    other = browser.new_context(**browser_context_args)
    new_page = other.new_page()
    sign_in_as(new_page, CaseworkerFactory())
    new_page.goto(f"{live_server.url}{reverse('transfers:import')}")
    new_page.get_by_label("The transfer bundle (a ZIP file)").set_input_files(str(bundle))
    new_page.get_by_role("button", name="Import the plan").click()
    expect(new_page.locator("body")).to_contain_text("Plan imported. Tell the family by")
    transfer = TransferIn.objects.get()
    expect(new_page.locator("body")).to_contain_text("reg 15(4)")
    axe_check(new_page)
    new_page.get_by_role("link", name="Back to the record").click()
    expect(new_page.locator("body")).to_contain_text(f"Plan transferred from {transfer.from_la_name}")
    new_page.goto(f"{live_server.url}{reverse('transfers:list')}")
    expect(new_page.locator("body")).to_contain_text(transfer.child.full_name)
    axe_check(new_page)
    other.close()
