"""The pages of a move between councils: who may open each (role by URL), and each form end to end."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

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
from pathfinder.audit.models import AuditEvent
from pathfinder.core.worklist import worklist_items
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.transfers import services
from pathfinder.transfers.models import TransferIn, TransferOut
from pathfinder.transfers.tests.factories import final_plan, forget_child, transfer_in, transfer_out

pytestmark = pytest.mark.django_db
OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world():
    plan = final_plan()
    child = plan.child
    moving = transfer_out(final_plan())
    sent = transfer_out(final_plan())
    services.transfer_out_send(acting_user=CaseworkerFactory(), transfer=sent, on=date(2026, 11, 30),
                               expected_version=sent.version)
    incoming = transfer_in()
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    return {
        "ids": {"plan": {"child_id": child.pk, "plan_id": plan.pk},
                "out": {"child_id": moving.child_id, "transfer_id": moving.pk},
                "bundle": {"child_id": sent.child_id, "transfer_id": sent.pk},
                "in": {"child_id": incoming.child_id, "transfer_id": incoming.pk}},
        "teams": {"plan": child.team, "out": moving.child.team, "bundle": sent.child.team, "in": incoming.child.team},
        "parent": parent,
    }


def _users(world, key):
    return {
        "own team's caseworker": CaseworkerFactory(team=world["teams"][key]),
        "other team's caseworker": CaseworkerFactory(), "manager": ManagerFactory(), "adviser": AdviserFactory(),
        "parent": world["parent"], "young person": YoungPersonFactory(), "administrator": AdministratorFactory(),
        "provider": ProviderFactory(), "local offer officer": LocalOfferOfficerFactory(), "anonymous": None,
    }


CHILD_PAGE = {"own team's caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "adviser": FORBIDDEN,
              "parent": FORBIDDEN, "young person": FORBIDDEN, "administrator": FORBIDDEN, "provider": FORBIDDEN,
              "local offer officer": FORBIDDEN, "anonymous": SIGN_IN}
LIST_PAGE = {**CHILD_PAGE, "other team's caseworker": OK}
PAGES = {
    "record a move": ("transfers:out-new", "plan", CHILD_PAGE),
    "a move out": ("transfers:out", "out", CHILD_PAGE),
    "withdraw a move": ("transfers:out-withdraw", "out", CHILD_PAGE),
    "the bundle": ("transfers:bundle", "bundle", CHILD_PAGE),
    "a plan transferred in": ("transfers:in", "in", CHILD_PAGE),
    "moves between councils": ("transfers:list", None, LIST_PAGE),
    "import a plan": ("transfers:import", None, LIST_PAGE),
}


@pytest.mark.parametrize("page", PAGES)
def test_role_matrix(client, world, page):
    name, key, expected = PAGES[page]
    url = reverse(name, kwargs=world["ids"][key] if key else {})
    got = {}
    for role, user in _users(world, key or "plan").items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    assert got == expected


def test_a_caseworker_records_a_move_sends_the_plan_and_downloads_the_bundle(client):
    plan = final_plan()
    user = CaseworkerFactory(team=plan.child.team)
    sign_in(client, user)
    record = client.get(reverse("people:child", kwargs={"child_id": plan.child_id})).content.decode()
    assert "Record a move to another council" in record
    today = timezone.localdate()
    response = client.post(reverse("transfers:out-new", kwargs={"child_id": plan.child_id, "plan_id": plan.pk}), {
        "to_la_name": "Surrey County Council", "to_la_code": "936",
        "move_on-day": today.day, "move_on-month": today.month, "move_on-year": today.year,
        "aware_on-day": today.day, "aware_on-month": today.month, "aware_on-year": today.year,
    })
    transfer = TransferOut.objects.get(plan=plan)
    assert response.status_code == 302 and response.url.endswith(f"/transfers/out/{transfer.pk}/")
    page = client.get(response.url).content.decode()
    assert "regulation 15(2)" in page.replace("reg ", "regulation ") and "Send the plan" in page
    sent = client.post(response.url, {"version": transfer.version, "on-day": today.day, "on-month": today.month,
                                      "on-year": today.year})
    assert sent.status_code == 302
    transfer.refresh_from_db()
    plan.refresh_from_db()
    assert transfer.status == "sent" and plan.status == "transferred" and plan.ended_on == today
    bundle = client.get(reverse("transfers:bundle", kwargs={"child_id": plan.child_id, "transfer_id": transfer.pk}))
    assert bundle["Content-Type"] == "application/zip"
    assert set(zipfile.ZipFile(io.BytesIO(bundle.content)).namelist()) == {"manifest.json", "bundle.json", "plan.pdf"}
    assert AuditEvent.objects.filter(child=plan.child, what__contains="SEN2 cease reason 5").count() == 1


def test_a_refused_move_shows_why_and_saves_nothing(client):
    plan = final_plan()
    sign_in(client, CaseworkerFactory(team=plan.child.team))
    response = client.post(reverse("transfers:out-new", kwargs={"child_id": plan.child_id, "plan_id": plan.pk}), {
        "to_la_name": "Us again", "to_la_code": "999", "move_on-day": 1, "move_on-month": 1, "move_on-year": 2027,
        "aware_on-day": 1, "aware_on-month": 12, "aware_on-year": 2026,
    })
    assert response.status_code == 200 and "is our own" in response.content.decode()
    assert not TransferOut.objects.exists()


def test_a_caseworker_imports_a_bundle_and_tells_the_family(client):
    source = transfer_out()
    from pathfinder.transfers.tests.factories import bundle_bytes

    content = bundle_bytes(source)
    forget_child(source.child)
    user = CaseworkerFactory()
    sign_in(client, user)
    today = timezone.localdate()
    upload = io.BytesIO(content)
    upload.name = "bundle.zip"
    response = client.post(reverse("transfers:import"), {
        "bundle_file": upload, "team": user.team.pk,
        "transferred_on-day": today.day, "transferred_on-month": today.month, "transferred_on-year": today.year,
    })
    transfer = TransferIn.objects.get()
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Plan transferred from" in page and "regulation 15(4)" in page.replace("reg ", "regulation ")
    record = client.get(reverse("people:child", kwargs={"child_id": transfer.child_id})).content.decode()
    assert f"Plan transferred from {transfer.from_la_name}" in record
    plan_page = client.get(reverse("plans:overview", kwargs={"child_id": transfer.child_id,
                                                            "plan_id": transfer.plan_id}), follow=True)
    assert plan_page.status_code == 200 and transfer.plan.needs.first().description in plan_page.content.decode()
    titles = [i.title for i in worklist_items(user, today).items]
    assert "Tell the family whether we will assess and when we will review the transferred plan" in titles
    told = client.post(response.url, {"version": transfer.version, "will_assess": "no",
                                      "review_on-day": today.day, "review_on-month": today.month,
                                      "review_on-year": today.year,
                                      "on-day": today.day, "on-month": today.month, "on-year": today.year})
    assert told.status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == "notice_sent" and transfer.will_assess is False
    assert "First review of the plan transferred to us" in [i.title for i in worklist_items(user, today).items]


def test_a_tampered_upload_is_explained_in_the_error_summary(client):
    user = CaseworkerFactory()
    sign_in(client, user)
    upload = io.BytesIO(b"not a zip at all")
    upload.name = "bundle.zip"
    today = timezone.localdate()
    response = client.post(reverse("transfers:import"), {
        "bundle_file": upload, "team": user.team.pk,
        "transferred_on-day": today.day, "transferred_on-month": today.month, "transferred_on-year": today.year,
    })
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page and "it is not a ZIP file" in page
    assert not TransferIn.objects.exists()


def test_the_list_shows_both_ways_and_audits_the_reads(client):
    incoming = transfer_in()
    outgoing = transfer_out()
    manager = ManagerFactory()
    sign_in(client, manager)
    page = unescape(client.get(reverse("transfers:list")).content.decode())
    assert incoming.child.full_name in page and outgoing.child.full_name in page
    assert AuditEvent.objects.filter(actor=manager, child=incoming.child, action="view").exists()


def test_a_move_that_does_not_happen_is_withdrawn_and_the_plan_stays(client):
    transfer = transfer_out()
    user = CaseworkerFactory(team=transfer.child.team)
    sign_in(client, user)
    url = reverse("transfers:out-withdraw", kwargs={"child_id": transfer.child_id, "transfer_id": transfer.pk})
    assert client.post(url, {"version": transfer.version}).status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == "withdrawn" and transfer.plan.status == "final"
    assert "Send the plan to" not in [i.title for i in worklist_items(user, timezone.localdate()).items]
    record = client.get(reverse("people:child", kwargs={"child_id": transfer.child_id})).content.decode()
    assert "Record a move to another council" in record
    assert client.get(url).status_code == 404  # nothing left to withdraw
