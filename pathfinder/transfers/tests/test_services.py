"""Services of a move between councils: every move, every refusal, stale versions, nothing half-saved."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.notifications.models import Message
from pathfinder.plans.models import Plan
from pathfinder.transfers import services
from pathfinder.transfers.models import TransferIn, TransferOut
from pathfinder.transfers.tests.factories import final_plan, transfer_in, transfer_out

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_recording_a_move_works_out_the_send_by_date_and_audits():
    # Learnt on Mon 15 Dec 2025 of a move on Mon 22 Dec: 15 working days beginning with 15 Dec, over Christmas.
    transfer = transfer_out(move_on=date(2025, 12, 22), aware_on=date(2025, 12, 15))
    assert transfer.due_on == date(2026, 1, 7) and transfer.status == "to_send" and transfer.version == 1
    assert AuditEvent.objects.filter(child=transfer.child, action="create", what__contains="plan to send by").exists()


@pytest.mark.parametrize(("kwargs", "field", "words"), [
    ({"to_la_code": "93"}, "to_la_code", "3 numbers"),
    ({"to_la_code": "999"}, "to_la_code", "our own"),
    ({"to_la_name": " "}, "to_la_name", "name of the council"),
    ({"aware_on": date(2099, 1, 1)}, "aware_on", "cannot be in the future"),
])
def test_a_move_with_a_wrong_answer_is_refused_and_nothing_saved(kwargs, field, words):
    plan = final_plan()
    values = {"to_la_code": "936", "to_la_name": "Surrey", "move_on": date(2026, 12, 21),
              "aware_on": date(2026, 12, 1), **kwargs}
    with pytest.raises(ServiceError, match=words) as refused:
        services.transfer_out_record(acting_user=CaseworkerFactory(), plan=plan, **values)
    assert refused.value.field == field and not TransferOut.objects.exists()


def test_a_second_move_for_the_same_plan_and_a_plan_not_final_are_refused():
    transfer = transfer_out()
    with pytest.raises(ServiceError, match="already recorded"):
        transfer_out(transfer.plan)
    draft = final_plan()
    Plan.objects.filter(pk=draft.pk).update(status="draft")
    with pytest.raises(ServiceError, match="Only a final plan"):
        transfer_out(Plan.objects.get(pk=draft.pk))
    assert TransferOut.objects.count() == 1


def test_sending_ends_the_plan_here_tells_the_family_and_writes_one_audit_event():
    transfer = transfer_out()
    before = AuditEvent.objects.filter(child=transfer.child).count()
    sent = services.transfer_out_send(acting_user=CaseworkerFactory(), transfer=transfer, on=date(2026, 11, 30),
                                      expected_version=transfer.version)
    plan = Plan.objects.get(pk=transfer.plan_id)
    assert sent.status == "sent" and sent.sent_on == date(2026, 11, 30) and len(sent.bundle_sha256) == 64
    assert plan.status == "transferred" and plan.ended_on == date(2026, 11, 30)
    new = [e.what for e in AuditEvent.objects.filter(child=transfer.child).order_by("pk")][before:]
    assert len(new) == 1 and "transferred to Surrey (936) on 30 November 2026; SEN2 cease reason 5" in new[0]
    assert Message.objects.filter(child_id=transfer.child_id, kind="transfers.plan_sent").exists()
    with pytest.raises(ServiceError):
        services.transfer_out_send(acting_user=CaseworkerFactory(), transfer=sent, on=date(2026, 11, 30),
                                   expected_version=sent.version)


def test_a_stale_send_is_refused_and_the_plan_stays_final():
    transfer = transfer_out()
    with pytest.raises(StaleEdit):
        services.transfer_out_send(acting_user=CaseworkerFactory(), transfer=transfer, on=date(2026, 11, 30),
                                   expected_version=transfer.version - 1)
    assert Plan.objects.get(pk=transfer.plan_id).status == "final"
    assert TransferOut.objects.get(pk=transfer.pk).status == "to_send"


def test_a_send_dated_before_we_knew_is_refused():
    transfer = transfer_out()
    with pytest.raises(ServiceError, match="before the day we learnt") as refused:
        services.transfer_out_send(acting_user=CaseworkerFactory(), transfer=transfer, on=date(2026, 11, 1),
                                   expected_version=transfer.version)
    assert refused.value.field == "on" and Plan.objects.get(pk=transfer.plan_id).status == "final"


def test_the_notice_tells_the_family_with_dates_only():
    incoming = transfer_in(transferred_on=date(2026, 12, 1))
    sent = services.transfer_in_notice_send(
        acting_user=CaseworkerFactory(), transfer=incoming, on=date(2026, 12, 3), will_assess=True,
        review_on=date(2027, 2, 1), expected_version=incoming.version)
    assert sent.status == "notice_sent" and sent.will_assess is True and sent.review_proposed_on == date(2027, 2, 1)
    message = Message.objects.get(child_id=incoming.child_id, kind="transfers.notice_assess")
    assert set(message.values) <= {"date", "due_on", "link"}


def test_a_review_later_than_the_law_allows_is_refused_and_nothing_sent():
    incoming = transfer_in(transferred_on=date(2026, 12, 1))
    due = incoming.plan.review_due_on
    with pytest.raises(ServiceError, match="regulation 15\\(5\\)") as refused:
        services.transfer_in_notice_send(
            acting_user=CaseworkerFactory(), transfer=incoming, on=date(2026, 12, 3), will_assess=False,
            review_on=date(due.year + 1, 1, 1), expected_version=incoming.version)
    assert refused.value.field == "review_on"
    assert TransferIn.objects.get(pk=incoming.pk).status == "notice_due"
    assert not Message.objects.filter(child_id=incoming.child_id, kind__startswith="transfers.notice").exists()


def test_a_stale_notice_is_refused():
    incoming = transfer_in()
    with pytest.raises(StaleEdit):
        services.transfer_in_notice_send(
            acting_user=CaseworkerFactory(), transfer=incoming, on=date(2026, 12, 3), will_assess=False,
            review_on=date(2027, 1, 5), expected_version=incoming.version + 1)


def test_a_withdrawn_move_cannot_be_sent_and_a_stale_withdrawal_is_refused():
    transfer = transfer_out()
    with pytest.raises(StaleEdit):
        services.transfer_out_withdraw(acting_user=CaseworkerFactory(), transfer=transfer,
                                       expected_version=transfer.version + 1)
    withdrawn = services.transfer_out_withdraw(acting_user=CaseworkerFactory(), transfer=transfer,
                                               expected_version=transfer.version)
    assert withdrawn.status == "withdrawn"
    with pytest.raises(ServiceError):
        services.transfer_out_send(acting_user=CaseworkerFactory(), transfer=withdrawn, on=date(2026, 11, 30),
                                   expected_version=withdrawn.version)
    assert Plan.objects.get(pk=transfer.plan_id).status == "final"
    assert transfer_out(transfer.plan).status == "to_send"  # a new move can be recorded
