"""The demo county shows every part of the family portal (see pathfinder/family/demo.py)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from pathfinder.accounts.models import User
from pathfinder.family.demo import YOUNG_PERSONS_PARENT
from pathfinder.family.models import AccountRequest, FamilyInvitation, OnlineRequest
from pathfinder.people.involvements import parent_consent_involvement_refresh
from pathfinder.people.models import Child, ParentAccessConsent
from pathfinder.people.selectors import children_visible_to

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(module_db, tmp_path_factory):
    """One demo for both tests here (they only read it)."""
    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"), TASKS=tasks):
        call_command("load_demo", "--plans=50", "--requests=60", "--services=20", "--seed=3", stdout=StringIO())
        yield


def test_the_demo_shows_each_part_of_the_portal(demo):
    caseworker = User.objects.get(username="caseworker")
    invitation = FamilyInvitation.objects.get()
    assert invitation.used_at is None and invitation.child.team_id == caseworker.team_id
    request = AccountRequest.objects.get()
    child = Child.objects.get(legal_first_name=request.child_first_name, legal_last_name=request.child_last_name,
                              date_of_birth=request.child_date_of_birth)
    assert child in children_visible_to(caseworker)  # the demo caseworker can match it
    online = OnlineRequest.objects.get()
    assert online.arrived_on.weekday() == 5 and online.received_on > online.arrived_on


def test_jordans_mother_sees_jordans_case_only_because_jordan_agreed(demo):
    young = User.objects.get(username="young.person")
    mother = User.objects.get(username=YOUNG_PERSONS_PARENT)
    consent = ParentAccessConsent.objects.get()
    assert consent.child.user == young and consent.family_member.user == mother
    assert list(children_visible_to(mother)) == [consent.child]
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    parent_consent_involvement_refresh(consent)
    assert list(children_visible_to(mother)) == []
