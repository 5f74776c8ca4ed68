"""The whole chain through the pages: the parent asks in the portal; the caseworker adds lines (one shared with
the ICB), the ICB's member agrees its share on their own page, the budget is agreed, section J is written from the
lines and shown read-only on the plan; the notice is sent and the family reads it; a direct payment is set up,
its agreement sent and signed, and it is active with its review date from the council's settings."""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.models import BudgetRequest, MadeThrough, RequestStatus
from pathfinder.budgets.models_money import BudgetSettings, DirectPaymentStatus
from pathfinder.budgets.tests.request_world import world
from pathfinder.notifications.models import Message
from pathfinder.plans.selectors import plan_snapshot

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _date(prefix: str, day: date) -> dict:
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def _page(response) -> str:
    return html.unescape(response.content.decode())


def test_from_the_familys_request_to_an_active_direct_payment(client):
    w = world()
    sign_in(client, w.parent)
    ask = client.get(reverse("budgets:family_request_start"))
    assert "direct payment" in _page(ask) and "SENDIASS" in _page(ask)  # reg 3: what it may pay for, who can help
    response = client.post(
        reverse("budgets:family_request_start"),
        {"plan": str(w.plan.pk), "streams": ["education", "health"], "wishes": "A therapist Sam already knows."},
    )
    assert response.status_code == 302
    budget_request = BudgetRequest.objects.get(plan=w.plan)
    assert budget_request.made_through == MadeThrough.PORTAL and budget_request.stage == "draft_plan"
    assert budget_request.information_sent_on == TODAY
    assert Message.objects.filter(kind="budgets.asked").exists()

    # C's RAS would work out the indicative budget; the tests put it there directly.
    BudgetRequest.objects.filter(pk=budget_request.pk).update(status=RequestStatus.INDICATIVE)
    budget_request.refresh_from_db()
    client.logout()
    sign_in(client, w.caseworker)
    kw = {"child_id": w.child.pk, "request_id": budget_request.pk}
    add = reverse("budgets:line_add", kwargs=kw)
    response = client.post(
        add,
        {
            "version": budget_request.version,
            "provision": str(w.f_provision.pk),
            "stream": "education",
            "delivery": "direct_payment",
            "legal_basis": "CFA 2014 s.42",
            "yearly_amount": "1,200.50",
            "council_share": "£1,200.50",
        },
    )
    assert response.status_code == 302, _page(response)
    budget_request.refresh_from_db()
    response = client.post(
        add,
        {
            "version": budget_request.version,
            "provision": str(w.g_provision.pk),
            "stream": "health",
            "delivery": "arrangement",
            "legal_basis": "NHS Act 2006 s.12A",
            "yearly_amount": "2000",
            "council_share": "500",
            "icb_share": "1500",
            "icb_organisation": str(w.icb.pk),
        },
    )
    assert response.status_code == 302, _page(response)
    budget_request.refresh_from_db()
    f_line, g_line = budget_request.lines.order_by("stream")  # education before health
    assert f_line.yearly_amount == Decimal("1200.50")

    # The council's shares are agreed by the caseworker; agreeing before the ICB has is refused.
    for line in (f_line, g_line):
        budget_request.refresh_from_db()
        client.post(
            reverse("budgets:share_agree", kwargs={**kw, "line_id": line.pk}),
            {
                "version": budget_request.version,
                "funder": "council",
                "agreed_by_name": "Priya Shah, SEND manager",
                **_date("agreed_on", TODAY),
            },
        )
    budget_request.refresh_from_db()
    refused = client.post(
        reverse("budgets:request_agree", kwargs=kw), {"version": budget_request.version, **_date("agreed_on", TODAY)}
    )
    assert refused.status_code == 200 and "integrated care board has not agreed" in _page(refused)

    client.logout()
    sign_in(client, w.icb_member)
    assert "Hydrotherapy" in _page(client.get(reverse("budgets:health_agreements")))
    budget_request.refresh_from_db()
    response = client.post(
        reverse("budgets:icb_agree", kwargs={**kw, "line_id": g_line.pk}),
        {"version": budget_request.version, **_date("agreed_on", TODAY)},
    )
    assert response.status_code == 302
    assert g_line.shares.get(funder="icb").agreed_by == w.icb_member

    client.logout()
    sign_in(client, w.caseworker)
    budget_request.refresh_from_db()
    response = client.post(
        reverse("budgets:request_agree", kwargs=kw), {"version": budget_request.version, **_date("agreed_on", TODAY)}
    )
    assert response.status_code == 302
    budget_request.refresh_from_db()
    w.plan.refresh_from_db()
    assert budget_request.status == RequestStatus.AGREED
    assert "£1,200.50 a year" in w.plan.section_j and "£2,000.00 a year" in w.plan.section_j
    assert "direct payment to buy: One-to-one speech" in w.plan.section_j
    assert "the council (£500.00) and the NHS (integrated care board) (£1,500.00)" in w.plan.section_j
    assert plan_snapshot(w.plan, on=TODAY).has_direct_payment is True
    section = client.get(
        reverse("plans:section", kwargs={"child_id": w.child.pk, "plan_id": w.plan.pk, "section": "j"})
    )
    assert "written from the agreed personal budget" in _page(section) and 'name="text"' not in _page(section)

    # Reg 8 notice: the family cannot read it until it is sent.
    notice = reverse("budgets:notice", kwargs=kw)
    client.logout()
    sign_in(client, w.parent)
    assert client.get(notice).status_code == 404
    client.logout()
    sign_in(client, w.caseworker)
    client.post(
        reverse("budgets:notice_send", kwargs=kw), {"version": budget_request.version, **_date("sent_on", TODAY)}
    )
    client.logout()
    sign_in(client, w.parent)
    read = _page(client.get(notice))
    assert "£3,200.50" in read and "reg 8" in read
    assert "Read the notice" in _page(client.get(reverse("budgets:family_request_detail", kwargs=kw)))

    # The direct payment: head's agreement needed for provision on the school's premises, then sent and signed.
    client.logout()
    sign_in(client, w.caseworker)
    response = client.post(
        reverse("budgets:direct_payment_propose", kwargs=kw),
        {"recipient_kind": "parent", "recipient_name": "Leanne Cartwright"},
    )
    dp = budget_request.direct_payments.get()
    assert list(dp.lines.all()) == [f_line]
    dp_kw = {**kw, "direct_payment_id": dp.pk}
    details = {
        "version": dp.version,
        **_date("consent_given_on", TODAY),
        "will_use_appropriately": "on",
        "no_adverse_impact": "on",
        "efficient_use": "on",
        "on_school_premises": "on",
        "holding": "own_account",
    }
    assert client.post(reverse("budgets:direct_payment_details", kwargs=dp_kw), details).status_code == 302
    dp.refresh_from_db()
    refused = client.post(
        reverse("budgets:direct_payment_send", kwargs=dp_kw), {"version": dp.version, **_date("sent_on", TODAY)}
    )
    assert "head teacher" in _page(refused)
    client.post(
        reverse("budgets:direct_payment_details", kwargs=dp_kw),
        {**details, "version": dp.version, "head_name": "Mrs Okafor", **_date("head_agreed_on", TODAY)},
    )
    dp.refresh_from_db()
    assert (
        client.post(
            reverse("budgets:direct_payment_send", kwargs=dp_kw), {"version": dp.version, **_date("sent_on", TODAY)}
        ).status_code
        == 302
    )
    dp.refresh_from_db()
    assert (
        client.post(
            reverse("budgets:direct_payment_sign", kwargs=dp_kw), {"version": dp.version, **_date("signed_on", TODAY)}
        ).status_code
        == 302
    )
    dp.refresh_from_db()
    settings = BudgetSettings.current()
    assert dp.status == DirectPaymentStatus.ACTIVE
    assert dp.first_review_due_on is not None and dp.first_review_due_on > TODAY
    assert str(settings.first_review_within_months) in _page(
        client.get(reverse("budgets:direct_payment_detail", kwargs=dp_kw))
    )
