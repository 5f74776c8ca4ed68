"""The three parts of the domain (the RAS, the request and direct payment, the money) meet: signing the agreement
releases the payments held for it, stopping holds them again, and each page leads to the next step."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.direct_payments import direct_payment_sign, direct_payment_stop
from pathfinder.budgets.models import RequestStatus
from pathfinder.budgets.models_money import DirectPaymentStatus, Frequency, PaymentStatus
from pathfinder.budgets.payments import schedule_set_up
from pathfinder.budgets.tests.factories import BudgetRequestFactory
from pathfinder.budgets.tests.test_payments import money_dp
from pathfinder.people.tests.factories import FamilyMemberFactory

pytestmark = pytest.mark.django_db


def test_signing_releases_held_payments_and_stopping_holds_them_again():
    user = CaseworkerFactory()
    today = timezone.localdate()
    dp = money_dp(signed=False, agreement_sent_on=today - timedelta(days=3))
    schedule_set_up(acting_user=user, direct_payment=dp, frequency=Frequency.MONTHLY, amount=Decimal("100.00"),
                    first_payment_on=today + timedelta(days=7))
    assert set(dp.payments.values_list("status", flat=True)) == {PaymentStatus.HELD}
    dp = direct_payment_sign(acting_user=user, dp=dp, expected_version=dp.version, signed_on=today)
    assert set(dp.payments.values_list("status", flat=True)) == {PaymentStatus.DUE}
    direct_payment_stop(acting_user=user, dp=dp, expected_version=dp.version, reason="consent_withdrawn",
                        reasons="The family asked us to arrange the carer instead.")
    assert set(dp.payments.values_list("status", flat=True)) == {PaymentStatus.HELD}


def test_the_request_page_leads_to_working_out_each_stream_and_the_costing(client):
    budget_request = BudgetRequestFactory(streams=["social_care", "education"])
    sign_in(client, CaseworkerFactory(team=budget_request.child.team))
    page = client.get(reverse("budgets:request_detail", kwargs={"child_id": budget_request.child_id,
                                                                "request_id": budget_request.pk})).content.decode()
    for stream in ("social_care", "education"):
        assert reverse("budgets:indicative_answer", args=[budget_request.child_id, budget_request.pk, stream]) in page
    assert reverse("budgets:plan_costing", args=[budget_request.child_id, budget_request.plan_id]) in page


def test_an_active_direct_payment_leads_staff_and_family_to_its_money(client):
    dp = money_dp(signed=True)
    child = dp.request.child
    sign_in(client, CaseworkerFactory(team=child.team))
    staff_page = client.get(reverse("budgets:direct_payment_detail", kwargs={
        "child_id": child.pk, "request_id": dp.request_id, "direct_payment_id": dp.pk})).content.decode()
    assert reverse("budgets:money", args=[child.pk, dp.pk]) in staff_page
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    client.logout()
    sign_in(client, parent)
    family_page = client.get(reverse("budgets:family_request_detail", kwargs={
        "child_id": child.pk, "request_id": dp.request_id})).content.decode()
    assert reverse("budgets:family-money", args=[child.pk, dp.pk]) in family_page
    assert dp.request.status == RequestStatus.AGREED and dp.status == DirectPaymentStatus.ACTIVE
    assert dp.request.agreed_on == date(2026, 4, 1)


def test_the_local_offers_page_on_personal_budgets_is_told_to_the_family_with_its_lists_as_lists():
    from pathfinder.budgets.requests import DEFAULT_INFORMATION, INFORMATION_SLUG, information_blocks
    from pathfinder.directory.models import InformationPage

    InformationPage.objects.filter(slug=INFORMATION_SLUG).delete()  # the Local Offer's starter pages include it
    assert information_blocks() == [("p", text) for text in DEFAULT_INFORMATION]
    InformationPage.objects.create(slug=INFORMATION_SLUG, title="Personal budgets", published=True,
                                   body="A personal budget can be:\n- a direct payment\n- an arrangement")
    blocks = information_blocks()
    assert ("ul", ["a direct payment", "an arrangement"]) in blocks
    assert blocks[-1] == ("p", DEFAULT_INFORMATION[-1])
