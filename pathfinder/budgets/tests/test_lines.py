"""Bad input is refused with a clear message and nothing is saved: provision not in the plan, shares that do not
make the amount, money that is not money, a refusal without reasons, a request when reg 4 does not allow one,
a second open request; and a refusal is reconsidered with its outcome recorded."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pathfinder.budgets import lines, requests
from pathfinder.budgets.line_forms import parse_money
from pathfinder.budgets.models import BudgetLine, RequestStatus
from pathfinder.budgets.tests.factories import BudgetRequestFactory
from pathfinder.budgets.tests.request_world import world
from pathfinder.core.errors import ServiceError
from pathfinder.plans.models import PlanStatus
from pathfinder.plans.tests.factories import PlanProvisionFactory

pytestmark = pytest.mark.django_db


def _save(w, budget_request, **changes):
    values = dict(
        acting_user=w.caseworker,
        budget_request=budget_request,
        expected_version=budget_request.version,
        provision_id=w.f_provision.pk,
        stream="education",
        delivery="direct_payment",
        legal_basis="CFA 2014 s.42",
        yearly_amount=Decimal("1200.00"),
        shares={"council": Decimal("1200.00")},
    )
    values.update(changes)
    return lines.budget_line_save(**values)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1,200.50", Decimal("1200.50")),
        ("£1200", Decimal("1200.00")),
        (" 12.5 ", Decimal("12.50")),
        ("1,20.00", None),
        ("12.505", None),
        ("twelve", None),
        ("1e3", None),
        ("-5", None),
    ],
)
def test_money_is_read_exactly_or_refused(text, amount):
    assert parse_money(text) == amount


def test_a_line_must_pay_for_provision_in_this_plan_and_its_shares_must_make_its_amount():
    w = world()
    budget_request = BudgetRequestFactory(plan=w.plan, child=w.child, status=RequestStatus.INDICATIVE)
    elsewhere = PlanProvisionFactory()  # provision in another child's plan
    with pytest.raises(ServiceError, match="in this child's plan"):
        _save(w, budget_request, provision_id=elsewhere.pk)
    with pytest.raises(ServiceError, match="add up to £1,000.00 but the line is £1,200.00"):
        _save(w, budget_request, shares={"council": Decimal("600"), "icb": Decimal("400")})
    with pytest.raises(ServiceError, match="reason the amount cannot be separated"):
        _save(w, budget_request, cannot_separate=True)
    assert not BudgetLine.objects.exists()
    budget_request.refresh_from_db()
    assert budget_request.version == 1  # nothing saved half-way


def test_a_changed_share_loses_its_funders_agreement_and_agreeing_needs_every_share():
    w = world()
    budget_request = BudgetRequestFactory(plan=w.plan, child=w.child, status=RequestStatus.INDICATIVE)
    line = _save(w, budget_request, shares={"council": Decimal("700"), "icb": Decimal("500")})
    budget_request.refresh_from_db()
    lines.share_agreement_record(
        acting_user=w.caseworker,
        line=line,
        funder="icb",
        agreed_by_name="Dr Ahmed, ICB",
        agreed_on=budget_request.requested_on,
        expected_version=budget_request.version,
    )
    budget_request.refresh_from_db()
    _save(w, budget_request, line=line, shares={"council": Decimal("600"), "icb": Decimal("600")})
    assert line.shares.get(funder="icb").agreed_on is None
    budget_request.refresh_from_db()
    with pytest.raises(ServiceError, match="has not agreed its share"):
        lines.budget_agree(
            acting_user=w.caseworker, budget_request=budget_request, expected_version=budget_request.version
        )
    budget_request.refresh_from_db()
    assert budget_request.status == RequestStatus.INDICATIVE and w.plan.section_j == ""


def test_a_request_only_at_a_stage_reg_4_allows_and_one_open_request_per_plan():
    w = world()
    make = dict(acting_user=w.parent, asked_by="parent", made_through="portal", streams=["education"])
    requests.budget_request_make(plan=w.plan, **make)
    with pytest.raises(ServiceError, match="already been asked for"):
        requests.budget_request_make(plan=w.plan, **make)
    final = world().plan
    final.status = PlanStatus.FINAL
    final.save()
    with pytest.raises(ServiceError, match="at an annual review of the plan"):
        requests.budget_request_make(plan=final, **{**make, "acting_user": w.caseworker})
    with pytest.raises(ServiceError, match="what the personal budget would be for"):
        requests.budget_request_make(plan=world().plan, **{**make, "streams": ["cars"]})


def test_a_refusal_needs_reasons_and_a_reconsideration_records_its_outcome():
    w = world()
    budget_request = BudgetRequestFactory(plan=w.plan, child=w.child)
    with pytest.raises(ServiceError, match="reasons for refusing"):
        requests.budget_request_refuse(
            acting_user=w.caseworker,
            budget_request=budget_request,
            expected_version=budget_request.version,
            reasons="  ",
        )
    refused = requests.budget_request_refuse(
        acting_user=w.caseworker,
        budget_request=budget_request,
        expected_version=budget_request.version,
        reasons="The short breaks are bought as one service for all children in the area.",
    )
    assert refused.status == RequestStatus.REFUSED and refused.refused_on is not None
    kept = requests.budget_request_reconsider(
        acting_user=w.caseworker,
        budget_request=refused,
        expected_version=refused.version,
        asked_on=refused.refused_on,
        outcome="Looked again: the service cannot be separated.",
        change_decision=False,
    )
    assert kept.status == RequestStatus.REFUSED and kept.reconsideration_outcome.startswith("Looked again")
    reopened = requests.budget_request_reconsider(
        acting_user=w.caseworker,
        budget_request=kept,
        expected_version=kept.version,
        asked_on=refused.refused_on,
        outcome="A new provider can offer it separately.",
        change_decision=True,
    )
    assert reopened.status == RequestStatus.REQUESTED
