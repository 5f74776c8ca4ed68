"""A family's subject access request on its clock: recorded from the pack page, extended, answered with the pack,
on the team's worklist until answered, every act audited and refused when the law or the page is out of date."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.worklist import worklist_items
from pathfinder.disclosure.models import SubjectAccessRequest, SubjectAccessStatus
from pathfinder.disclosure.pack import subject_access_pack
from pathfinder.disclosure.subject_access import subject_access_request_extend, subject_access_request_record
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

TITLE = "Answer the subject access request from Jo Brightwater"


def _date(prefix: str, day) -> dict[str, str]:
    return {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)}


def test_a_request_recorded_extended_and_answered_with_the_pack(client):
    today = timezone.localdate()
    child = ChildFactory(legal_first_name="Ruby", legal_last_name="Brightwater")
    caseworker = CaseworkerFactory(team=child.team)
    sign_in(client, caseworker)
    page_url = reverse("disclosure:subject-access", args=[child.pk])
    received = today - timedelta(days=10)

    # Recorded from the pack page: refused without who asked, then saved with the due date from the rule book.
    new_url = reverse("disclosure:subject-access-request-new", args=[child.pk])
    assert new_url in client.get(page_url).content.decode()
    refused = client.post(new_url, {"requester_name": "", "relation": "parent", **_date("received_on", received)})
    assert "Enter who asked" in refused.content.decode() and not SubjectAccessRequest.objects.exists()
    client.post(new_url, {"requester_name": "Jo Brightwater", "relation": "parent", **_date("received_on", received)})
    sar = SubjectAccessRequest.objects.get()
    assert sar.due_on == statutory.subject_access_clock(received).due_on
    assert AuditEvent.objects.filter(child=child, action="create", what__contains="subject access request").exists()
    page = client.get(page_url).content.decode()
    assert "From Jo Brightwater" in page and f"{sar.due_on:%-d %B %Y}" in page and "Extend the time to answer" in page

    # On the team's worklist, due on its last day; not on another team's.
    items = [i for i in worklist_items(caseworker, today).items if i.title == TITLE]
    assert [(i.due, i.is_overdue, i.reason) for i in items] == [(sar.due_on, False, "UK GDPR, Article 12(3)")]
    assert TITLE not in [i.title for i in worklist_items(CaseworkerFactory(), today).items]
    overdue = [i for i in worklist_items(caseworker, sar.due_on + timedelta(days=1)).items if i.title == TITLE]
    assert overdue[0].is_overdue

    # Extended: a reason is required; then two further months.
    extend_url = reverse("disclosure:subject-access-request-extend", args=[child.pk, sar.pk])
    refused = client.post(extend_url, {"version": sar.version, "reason": "", **_date("on", today)})
    assert "Enter why we need longer" in refused.content.decode()
    client.post(extend_url, {"version": sar.version, "reason": "Records from three teams", **_date("on", today)})
    sar.refresh_from_db()
    assert sar.status == SubjectAccessStatus.EXTENDED
    assert sar.due_on == statutory.subject_access_clock(received, extended=True).due_on

    # Answered with the pack: the PDF comes back, the request leaves the worklist, the pack's production is audited.
    answer_url = reverse("disclosure:subject-access-request-answer", args=[child.pk, sar.pk])
    stale = client.post(answer_url, {"version": sar.version - 1, "with_pack": "on", **_date("on", today)})
    assert "Someone else saved this request" in stale.content.decode()
    response = client.post(answer_url, {"version": sar.version, "with_pack": "on", **_date("on", today)})
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    sar.refresh_from_db()
    assert (sar.status, sar.answered_on, sar.pack_produced_on) == (SubjectAccessStatus.ANSWERED, today, today)
    assert AuditEvent.objects.filter(child=child, action="download", what="subject access pack (PDF)").exists()
    assert TITLE not in [i.title for i in worklist_items(caseworker, today).items]
    assert sar.history.count() == 3  # recorded, extended, answered
    held = subject_access_pack(child, produced_by=caseworker)["subject_access_requests"]
    assert [(r["requester_name"], r["extension_reason"]) for r in held] == [("Jo Brightwater",
                                                                              "Records from three teams")]
    assert "version" not in held[0]


def test_the_law_refuses_a_late_extension_and_dates_out_of_order():
    today = timezone.localdate()
    child = ChildFactory()
    caseworker = CaseworkerFactory(team=child.team)
    with pytest.raises(ServiceError, match="must be today or in the past"):
        subject_access_request_record(acting_user=caseworker, child=child, requester_name="Jo", relation="parent",
                                      received_on=today + timedelta(days=1))
    with pytest.raises(ServiceError, match="same as or after the date the request arrived"):
        subject_access_request_record(acting_user=caseworker, child=child, requester_name="Jo", relation="parent",
                                      received_on=today, identity_confirmed_on=today - timedelta(days=1))
    old = subject_access_request_record(acting_user=caseworker, child=child, requester_name="Jo", relation="parent",
                                        received_on=today - timedelta(days=70))
    with pytest.raises(ServiceError, match="only if we tell them within the first month"):
        subject_access_request_extend(acting_user=caseworker, sar=old, on=today, reason="Complex",
                                      expected_version=old.version)
    with pytest.raises(StaleEdit):
        subject_access_request_extend(acting_user=caseworker, sar=old, on=today, reason="Complex",
                                      expected_version=old.version + 1)
    old.refresh_from_db()
    assert old.status == SubjectAccessStatus.RECEIVED and old.extended_on is None
