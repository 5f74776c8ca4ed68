"""Requests from families, as the public forms would make them."""

from __future__ import annotations

from datetime import date

import factory
from django.utils import timezone

from pathfinder.family.models import AccountRequest, OnlineRequest, RequesterKind


class AccountRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccountRequest

    name = "Jo Bramley"
    email = factory.Sequence(lambda n: f"asker{n}@example.test")
    phone = "07700 900123"
    relationship = "Mum"
    child_first_name = "Sam"
    child_last_name = "Bramley"
    child_date_of_birth = date(2015, 9, 14)


class OnlineRequestFactory(factory.django.DjangoModelFactory):
    """A request already received (dates given as stored; use online_request_submit to test the receipt rule)."""

    class Meta:
        model = OnlineRequest

    reference = factory.Sequence(lambda n: f"EHC-T{n:05d}")
    submitted_at = factory.LazyFunction(timezone.now)
    arrived_on = factory.LazyFunction(timezone.localdate)
    received_on = factory.LazyAttribute(lambda o: o.arrived_on)
    decision_due_on = factory.LazyAttribute(lambda o: o.received_on)
    requester_kind = RequesterKind.PARENT
    requester_name = "Jo Bramley"
    relationship = "Mum"
    email = "jo@example.test"
    child_first_name = "Sam"
    child_last_name = "Bramley"
    child_date_of_birth = date(2015, 9, 14)
    needs = "Sam finds reading and making friends hard."
