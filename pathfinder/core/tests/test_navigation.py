"""The service navigation marks exactly the one section a page is in."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from pathfinder.accounts.tests.factories import ProviderFactory
from pathfinder.core.navigation import navigation_items


@pytest.mark.django_db
def test_a_providers_page_marks_your_services_only_not_the_local_offer_as_well():
    request = RequestFactory().get(reverse("directory:provider-home"))
    request.user = ProviderFactory()
    active = [item["text"] for item in navigation_items(request) if item.get("active")]
    assert active == ["Your services"]


@pytest.mark.django_db
def test_the_public_search_marks_the_local_offer():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(reverse("directory:search"))
    request.user = AnonymousUser()
    assert [item["text"] for item in navigation_items(request) if item.get("active")] == ["Local Offer"]
