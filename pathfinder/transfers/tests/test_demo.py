"""The demo county's moves between councils: two away (one sent, one to send this week), two here (one family
still to be told, one told), with dates that agree with reg 15."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

import statutory
from pathfinder.transfers.models import TransferIn, TransferOut

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_task_queue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_demo_has_two_moves_each_way_on_the_law_s_dates():
    out = StringIO()
    call_command("load_demo", "--plans=50", "--requests=20", "--services=10", "--seed=3", stdout=out)
    assert "Moves between councils" in out.getvalue()
    today = timezone.localdate()
    sent, to_send = TransferOut.objects.order_by("status")
    assert sent.status == "sent" and sent.plan.status == "transferred" and sent.sent_on <= sent.due_on
    assert to_send.status == "to_send" and today <= to_send.due_on <= today + timedelta(days=6)
    assert to_send.due_on == statutory.transfer_out_due(to_send.move_on, to_send.aware_on).due
    incoming = list(TransferIn.objects.order_by("transferred_on"))
    assert [t.status for t in incoming] == ["notice_sent", "notice_due"]
    for transfer in incoming:
        assert transfer.plan.kind == "transferred_in" and transfer.plan.transferred_in_on == transfer.transferred_on
        assert transfer.notice_due_on == statutory.rule_in_force(
            "transfer_in_notice", transfer.transferred_on).due_from(transfer.transferred_on)
    assert incoming[0].notice_sent_on <= incoming[0].notice_due_on
