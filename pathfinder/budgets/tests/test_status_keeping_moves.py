"""Sending the reg 8 notice and recording that a refusal stands keep the request's status, but they go through the
request's workflow like every other step: allowed only from their status, refused when stale, audited once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.budgets import notices, requests
from pathfinder.budgets.models import BudgetRequest, LineStatus, RequestStatus
from pathfinder.budgets.tests.factories import BudgetRequestFactory, line_with_share
from pathfinder.core.errors import ServiceError, StaleEdit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _agreed() -> BudgetRequest:
    budget_request = BudgetRequestFactory(status=RequestStatus.AGREED, agreed_on=TODAY - timedelta(days=3))
    line_with_share(request=budget_request, status=LineStatus.AGREED)
    return budget_request


def _events(budget_request: BudgetRequest) -> list[str]:
    return list(AuditEvent.objects.filter(child=budget_request.child).order_by("pk").values_list("what", flat=True))


def test_sending_the_notice_keeps_the_budget_agreed_and_is_recorded_once():
    budget_request = _agreed()
    sent = notices.notice_send(acting_user=CaseworkerFactory(), budget_request=budget_request,
                               expected_version=budget_request.version, sent_on=TODAY)
    assert sent.status == RequestStatus.AGREED and sent.notice_sent_on == TODAY
    assert sent.version == budget_request.version + 1
    assert _events(budget_request) == ["personal budget: notice of the agreed provision and amount sent (reg 8)"]


def test_the_notice_is_sent_once_and_a_stale_page_is_refused():
    budget_request = _agreed()
    user = CaseworkerFactory()
    sent = notices.notice_send(acting_user=user, budget_request=budget_request, expected_version=budget_request.version)
    with pytest.raises(StaleEdit):  # the same form posted twice
        notices.notice_send(acting_user=user, budget_request=sent, expected_version=budget_request.version)
    with pytest.raises(ServiceError, match="already sent") as refused:  # a fresh page, sent again
        notices.notice_send(acting_user=user, budget_request=sent, expected_version=sent.version)
    assert refused.value.field == "sent_on"
    assert BudgetRequest.objects.get(pk=sent.pk).version == sent.version
    assert len(_events(budget_request)) == 1


def test_the_notice_cannot_be_sent_before_the_budget_is_agreed():
    budget_request = BudgetRequestFactory(status=RequestStatus.INDICATIVE)
    with pytest.raises(ServiceError, match="now: the request for a personal budget is at “Indicative"):
        notices.notice_send(acting_user=CaseworkerFactory(), budget_request=budget_request,
                            expected_version=budget_request.version)
    assert BudgetRequest.objects.get(pk=budget_request.pk).notice_sent_on is None
    assert _events(budget_request) == []


def test_a_notice_dated_before_the_agreement_is_refused_on_its_date():
    budget_request = _agreed()
    with pytest.raises(ServiceError, match="between the day the budget was agreed and today") as refused:
        notices.notice_send(acting_user=CaseworkerFactory(), budget_request=budget_request,
                            expected_version=budget_request.version, sent_on=TODAY - timedelta(days=30))
    assert refused.value.field == "sent_on"
    assert BudgetRequest.objects.get(pk=budget_request.pk).version == budget_request.version


def _reconsider(budget_request: BudgetRequest, version: int | None = None) -> BudgetRequest:
    return requests.budget_request_reconsider(
        acting_user=CaseworkerFactory(), budget_request=budget_request,
        expected_version=budget_request.version if version is None else version, asked_on=TODAY,
        outcome="Looked again: the service cannot be separated.", change_decision=False,
    )


def test_a_refusal_that_stands_keeps_the_request_refused_through_the_workflow():
    budget_request = BudgetRequestFactory(status=RequestStatus.REFUSED, refused_on=TODAY)
    kept = _reconsider(budget_request)
    assert kept.status == RequestStatus.REFUSED and kept.version == budget_request.version + 1
    assert kept.reconsideration_asked_on == TODAY and kept.reconsideration_outcome.startswith("Looked again")
    assert _events(budget_request) == ["personal budget: reconsidered, the refusal stands"]
    assert kept.history.first().history_change_reason == "Record that the refusal stands"


def test_a_refusal_cannot_stand_on_a_request_that_was_not_refused_or_from_a_stale_page():
    open_request = BudgetRequestFactory(status=RequestStatus.REQUESTED)
    with pytest.raises(ServiceError, match="You cannot record that the refusal stands now"):
        _reconsider(open_request)
    refused = BudgetRequestFactory(status=RequestStatus.REFUSED, refused_on=TODAY)
    with pytest.raises(StaleEdit):
        _reconsider(refused, version=refused.version - 1)
    for budget_request in (open_request, refused):
        fresh = BudgetRequest.objects.get(pk=budget_request.pk)
        assert fresh.reconsideration_outcome == "" and fresh.version == budget_request.version
        assert _events(budget_request) == []
