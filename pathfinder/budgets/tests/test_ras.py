"""A manager changes the RAS: a new draft copied from the version in use, a price typed with thousands separators,
a band left without a price (refused at publishing), then published, which retires the version it replaces."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import ManagerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.budgets.models_ras import AllocationSystem, RasStatus
from pathfinder.budgets.ras import ras_draft_start, ras_publish
from pathfinder.budgets.tests.factories import published_ras
from pathfinder.core.errors import ServiceError

pytestmark = pytest.mark.django_db


def _bands_post(system, **changes):
    data = {"version": system.version}
    for n, band in enumerate(system.bands.all(), start=1):
        data |= {
            f"band_{n}_name": band.name,
            f"band_{n}_min": band.min_points,
            f"band_{n}_max": "" if band.max_points is None else band.max_points,
            f"band_{n}_price": str(band.yearly_amount or ""),
        }
    return data | changes


def test_a_manager_changes_a_price_and_publishes_a_new_version(client):
    today = timezone.localdate()
    old = published_ras(effective_from=today - timedelta(days=200))
    manager = ManagerFactory()
    sign_in(client, manager)
    response = client.post(reverse("budgets:ras_start", args=["social_care"]))
    draft = AllocationSystem.objects.get(status=RasStatus.DRAFT)
    assert response.url == reverse("budgets:ras_detail", args=[draft.pk])
    assert draft.number == old.number + 1
    assert [q.text for q in draft.questions.all()] == [q.text for q in old.questions.all()]

    bands_url = reverse("budgets:ras_bands", args=[draft.pk])
    bad = client.post(bands_url, _bands_post(draft, band_3_price="£12.5.0"))
    assert "Enter the price of band 3 for a year as an amount in pounds, like 1,200.50" in bad.content.decode()
    assert client.post(bands_url, _bands_post(draft, band_3_price="£8,250.50")).status_code == 302
    draft.refresh_from_db()
    assert draft.bands.get(name="Band C").yearly_amount == Decimal("8250.50")

    client.post(bands_url, _bands_post(draft, band_2_price=""))  # a band left without a price
    draft.refresh_from_db()
    client.post(
        reverse("budgets:ras_details", args=[draft.pk]),
        {
            "version": draft.version,
            "title": "Short breaks 2027",
            "what_changed": "Band C goes up.",
            "agreed_with": "",
            "effective_from-day": today.day,
            "effective_from-month": today.month,
            "effective_from-year": today.year,
        },
    )
    draft.refresh_from_db()
    publish_url = reverse("budgets:ras_publish", args=[draft.pk])
    refused = client.post(publish_url, {"version": draft.version, "earlier_reason": ""}).content.decode()
    assert "Give Band B a price for a year" in refused
    assert AllocationSystem.objects.get(pk=draft.pk).status == RasStatus.DRAFT

    client.post(bands_url, _bands_post(draft, band_2_price="3,600"))
    draft.refresh_from_db()
    assert client.post(publish_url, {"version": draft.version, "earlier_reason": ""}).status_code == 302
    draft.refresh_from_db()
    old.refresh_from_db()
    assert (draft.status, draft.published_on, draft.published_by) == (RasStatus.PUBLISHED, today, manager)
    assert old.status == RasStatus.RETIRED
    assert AuditEvent.objects.filter(what__contains="publish version").exists()
    page = client.get(reverse("budgets:ras_list")).content.decode()
    assert f"version {draft.number}, Short breaks 2027" in page


def test_a_published_version_is_never_changed_and_an_earlier_day_needs_a_reason(client):
    today = timezone.localdate()
    old = published_ras(effective_from=today - timedelta(days=30))
    manager = ManagerFactory()
    sign_in(client, manager)
    page = client.post(reverse("budgets:ras_bands", args=[old.pk]), _bands_post(old, band_1_price="1"))
    assert "Only a draft version can be changed" in page.content.decode()

    draft = ras_draft_start(acting_user=manager, stream="social_care")
    AllocationSystem.objects.filter(pk=draft.pk).update(effective_from=today - timedelta(days=3))
    draft.refresh_from_db()
    with pytest.raises(ServiceError, match="Give the reason this version takes effect before today"):
        ras_publish(acting_user=manager, system=draft, expected_version=draft.version, today=today)
    published = ras_publish(
        acting_user=manager,
        system=draft,
        expected_version=draft.version,
        today=today,
        earlier_reason="Prices agreed with the ICB from the start of the month",
    )
    assert "Prices agreed with the ICB" in published.what_changed
    old.refresh_from_db()
    assert old.status == RasStatus.RETIRED


def test_a_version_published_for_a_later_day_waits_and_the_old_one_stays_in_use():
    from pathfinder.budgets.ras import ras_current, ras_retire_replaced

    today = timezone.localdate()
    old = published_ras(effective_from=today - timedelta(days=30))
    manager = ManagerFactory()
    draft = ras_draft_start(acting_user=manager, stream="social_care")
    AllocationSystem.objects.filter(pk=draft.pk).update(effective_from=today + timedelta(days=10))
    draft.refresh_from_db()
    ras_publish(acting_user=manager, system=draft, expected_version=draft.version, today=today)
    assert ras_current("social_care", today) == old
    later = today + timedelta(days=10)
    assert ras_current("social_care", later) == draft
    assert ras_retire_replaced(today=later) == 1
    old.refresh_from_db()
    assert old.status == RasStatus.RETIRED


def test_the_rate_card_takes_prices_as_people_type_them_and_keeps_earlier_ones(client):
    from pathfinder.budgets.models_ras import RateCardItem

    today = timezone.localdate()
    sign_in(client, ManagerFactory())
    url = reverse("budgets:rate_card")
    post = {
        "stream": "education",
        "name": "Teaching assistant hour",
        "unit": "hour",
        "effective_from-day": today.day,
        "effective_from-month": today.month,
        "effective_from-year": today.year,
    }
    bad = client.post(url, post | {"price": "£12.5.0"}).content.decode()
    assert "Enter the price as an amount in pounds, like 1,200.50" in bad
    assert client.post(url, post | {"price": "£1,200.50"}).status_code == 302
    later = today + timedelta(days=30)
    client.post(
        url,
        post
        | {
            "price": "21",
            "effective_from-day": later.day,
            "effective_from-month": later.month,
            "effective_from-year": later.year,
        },
    )
    assert [i.price for i in RateCardItem.objects.order_by("effective_from")] == [Decimal("1200.50"), Decimal("21")]
    page = client.get(url).content.decode()
    assert "£1,200.50" in page and "Prices from a later day" in page


def test_a_question_is_removed_from_a_draft(client):
    published_ras()
    manager = ManagerFactory()
    draft = ras_draft_start(acting_user=manager, stream="social_care")
    question = draft.questions.last()
    sign_in(client, manager)
    client.post(
        reverse("budgets:ras_question", args=[draft.pk, question.pk]), {"version": draft.version, "remove": "1"}
    )
    assert [q.text for q in draft.questions.all()] == ["How much help does the child need with personal care?"]


def test_a_health_version_needs_the_icb_that_agreed_it():
    today = timezone.localdate()
    manager = ManagerFactory()
    published_ras(stream="health", effective_from=today - timedelta(days=30))
    draft = ras_draft_start(acting_user=manager, stream="health")
    AllocationSystem.objects.filter(pk=draft.pk).update(effective_from=today)
    draft.refresh_from_db()
    with pytest.raises(ServiceError, match="Enter the integrated care board that agreed this version"):
        ras_publish(acting_user=manager, system=draft, expected_version=draft.version, today=today)
    AllocationSystem.objects.filter(pk=draft.pk).update(agreed_with="Wealdmoor Integrated Care Board")
    draft.refresh_from_db()
    assert ras_publish(acting_user=manager, system=draft, expected_version=draft.version, today=today).status == (
        RasStatus.PUBLISHED
    )
