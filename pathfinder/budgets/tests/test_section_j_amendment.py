"""A budget asked for at a review or re-assessment reaches the final plan only through an amendment (SEND Regulations
2014 reg 22): agreeing it writes section J into the amendment being written, never into the final plan; with no
amendment, the caseworker is told how to go on and writes section J into the amendment once it is proposed."""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets import lines
from pathfinder.budgets.models import RequestStage, RequestStatus
from pathfinder.budgets.section_j import section_j_text
from pathfinder.budgets.tests.factories import BudgetRequestFactory
from pathfinder.budgets.tests.request_world import world
from pathfinder.plans.amendments import amendment_start
from pathfinder.plans.models import Plan, PlanStatus

pytestmark = pytest.mark.django_db
OLD = "A personal budget was agreed on 1 April 2025: £900.00 a year. Social care: short breaks."


def _final_plan_with_a_budget_asked_at_review():
    w = world()
    w.plan.status, w.plan.issued_on, w.plan.section_j = PlanStatus.FINAL, date(2025, 3, 1), OLD
    w.plan.save()
    budget_request = BudgetRequestFactory(plan=w.plan, child=w.child, status=RequestStatus.INDICATIVE,
                                          stage=RequestStage.REVIEW, streams=["education"])
    lines.budget_line_save(acting_user=w.caseworker, budget_request=budget_request,
                           expected_version=budget_request.version, provision_id=w.f_provision.pk, stream="education",
                           delivery="direct_payment", legal_basis="CFA 2014 s.42", yearly_amount=Decimal("1200.00"),
                           shares={"council": Decimal("1200.00")})
    budget_request.refresh_from_db()
    lines.share_agreement_record(acting_user=w.caseworker, line=budget_request.lines.get(), funder="council",
                                 agreed_by_name="Pat Lee, SEND manager", agreed_on=timezone.localdate(),
                                 expected_version=budget_request.version)
    budget_request.refresh_from_db()
    return w, budget_request


def _agree(client, budget_request) -> str:
    kw = {"child_id": budget_request.child_id, "request_id": budget_request.pk}
    today = timezone.localdate()
    response = client.post(reverse("budgets:request_agree", kwargs=kw), {
        "version": budget_request.version, "agreed_on-day": today.day, "agreed_on-month": today.month,
        "agreed_on-year": today.year})
    assert response.status_code == 302, response.content.decode()[:2000]
    budget_request.refresh_from_db()
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_agreed_at_review_with_an_amendment_being_written_goes_into_the_amendment(client):
    w, budget_request = _final_plan_with_a_budget_asked_at_review()
    amendment = amendment_start(acting_user=w.caseworker, plan=w.plan, reason="The review asked for a budget")
    sign_in(client, w.caseworker)
    said = _agree(client, budget_request)
    assert "Section J of the proposed amendments to the plan is written from the agreed lines" in said
    w.plan.refresh_from_db()
    amendment.refresh_from_db()
    assert w.plan.section_j == OLD  # the final plan is never edited
    assert amendment.section_j == section_j_text(budget_request) and "£1,200.00 a year" in amendment.section_j
    # The amendment's section J page shows the agreed budget, read-only.
    page = html.unescape(client.get(reverse("plans:section", kwargs={
        "child_id": w.child.pk, "plan_id": amendment.pk, "section": "j"})).content.decode())
    assert "written from the agreed personal budget" in page and "£1,200.00 a year" in page


def test_agreed_at_review_with_no_amendment_tells_the_caseworker_how_and_writes_it_once_proposed(client):
    w, budget_request = _final_plan_with_a_budget_asked_at_review()
    sign_in(client, w.caseworker)
    said = _agree(client, budget_request)
    assert "a final plan changes only through an amendment" in said
    w.plan.refresh_from_db()
    assert w.plan.section_j == OLD
    detail_url = reverse("budgets:request_detail", kwargs={"child_id": w.child.pk, "request_id": budget_request.pk})
    write_url = reverse("budgets:section_j_write", kwargs={"child_id": w.child.pk, "request_id": budget_request.pk})
    page = html.unescape(client.get(detail_url).content.decode())
    assert reverse("plans:amend", kwargs={"child_id": w.child.pk, "plan_id": w.plan.pk}) in page
    assert write_url not in page
    refused = client.post(write_url, follow=True)
    assert "a final plan changes only through an amendment" in html.unescape(refused.content.decode())
    w.plan.refresh_from_db()
    assert w.plan.section_j == OLD

    amendment = amendment_start(acting_user=w.caseworker, plan=w.plan, reason="The review asked for a budget")
    assert amendment.section_j == OLD  # copied from the final plan: out of date
    page = html.unescape(client.get(detail_url).content.decode())
    assert "does not match the agreed lines yet" in page and write_url in page
    client.post(write_url)
    client.post(write_url)  # twice: the same text, nothing else changes
    amendment.refresh_from_db()
    w.plan.refresh_from_db()
    assert amendment.section_j == section_j_text(budget_request) and w.plan.section_j == OLD
    page = html.unescape(client.get(detail_url).content.decode())
    assert "Section J of the proposed amendments to the plan is written from the agreed lines" in page
    assert Plan.objects.filter(child=w.child, status=PlanStatus.FINAL).get().section_j == OLD
