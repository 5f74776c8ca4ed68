"""The family portal's demo rows, made from the county the earlier steps built (pathfinder.demo calls this).

So that `make run` shows every part of the portal to the demo caseworker (Sam Okafor) and the demo young
person (Jordan Ellis):

- an invited parent who has not used their link yet (on a child of the caseworker's team);
- a request for an account waiting to be checked, for a real child of that team (so it can be matched);
- an online request for an assessment waiting to be matched, sent last Saturday (so it counts from Monday);
- Jordan Ellis, over 16, who agreed that their mother may go on seeing their case: her sign-in is
  "jordan.mother" (the demo password), and she sees Jordan's case only because of that consent.

Rows are written directly (not through the services, which would need a request and the clock); the consent's
involvement is made afterwards by people.involvements.involvements_rebuild, which pathfinder.demo runs last.
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from pathfinder.accounts.demo import DEMO_PASSWORD
from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role
from pathfinder.assessments.services import statutory_due_dates
from pathfinder.family.models import AccountRequest, FamilyInvitation, OnlineRequest, RequesterKind
from pathfinder.family.online_requests import online_request_receipt
from pathfinder.people.involvements import young_person_from
from pathfinder.people.models import Child, ConsentGivenBy, FamilyMember, ParentAccessConsent

YOUNG_PERSONS_PARENT = "jordan.mother"


def _last_saturday(today) -> datetime:
    days_back = (today.weekday() - 5) % 7 or 7
    day = today - timedelta(days=days_back)
    return timezone.make_aware(datetime.combine(day, time(10, 40)))


def _invited_parent(rng: random.Random, caseworker: User) -> int:
    member = (FamilyMember.objects.filter(child__team_id=caseworker.team_id, user__isnull=True,
                                          has_parental_responsibility=True)
              .exclude(email="").order_by("pk").first())
    if member is None:
        return 0
    FamilyInvitation.objects.create(
        child_id=member.child_id, family_member=member, created_by=caseworker,
        token_hash=hashlib.sha256(f"demo-{rng.random()}".encode()).hexdigest(),  # nobody holds the token
        expires_at=timezone.now() + timedelta(days=9),
    )
    return 1


def _account_request(caseworker: User) -> int:
    child = (Child.objects.filter(team_id=caseworker.team_id, family_members__user__isnull=True)
             .order_by("-pk").first())
    if child is None:
        return 0
    member = child.family_members.filter(user__isnull=True).order_by("pk").first()
    AccountRequest.objects.create(
        name=member.name, email=member.email or "demo.family@example.org", phone=member.phone,
        relationship=member.relationship, child_first_name=child.legal_first_name,
        child_last_name=child.legal_last_name, child_date_of_birth=child.date_of_birth,
    )
    return 1


def _online_request(today) -> int:
    sent = _last_saturday(today)
    receipt = online_request_receipt(sent)
    dob = today.replace(year=today.year - 7, month=3, day=18)
    OnlineRequest.objects.create(
        reference="EHC-DEMO7K", submitted_at=sent, arrived_on=receipt.arrived_on,
        arrived_after_hours=receipt.after_hours, received_on=receipt.counts_from,
        decision_due_on=statutory_due_dates(receipt.counts_from)["decision_due_on"],
        requester_kind=RequesterKind.PARENT, requester_name="Leanne Cartwright", relationship="Mum",
        email="leanne.cartwright@example.org", phone="07700 900418", postcode="WM3 2QT",
        child_first_name="Alfie", child_last_name="Cartwright", child_date_of_birth=dob,
        setting_name="Brackenfold Primary School",
        needs="Alfie cannot sit still in class and gets very upset by noise. He is behind with reading.",
        support_so_far="The school gives him a quiet space and some extra reading time each week.",
        why_now="He is being sent home early most weeks and the school says it cannot do more.",
        agrees_to_share=True,
    )
    return 1


def _consenting_young_person(young: User, today) -> int:
    child = Child.objects.filter(user=young).first()
    if child is None or today < young_person_from(child.date_of_birth):
        return 0
    mother = User.objects.create(
        username=YOUNG_PERSONS_PARENT, role=Role.PARENT, first_name="Denise", last_name="Ellis",
        email="denise.ellis@example.org", password=make_password(DEMO_PASSWORD),
    )
    member = child.family_members.filter(relationship__iexact="mother").order_by("pk").first()
    if member is None:
        member = FamilyMember(child=child, relationship="Mother", has_parental_responsibility=True)
    member.name, member.email, member.user = mother.get_full_name(), mother.email, mother
    member.save()
    given_on = min(today, young_person_from(child.date_of_birth) + timedelta(days=12))
    ParentAccessConsent.objects.create(
        child=child, family_member=member, given_on=given_on, given_by=ConsentGivenBy.YOUNG_PERSON,
        recorded_by=young,
    )
    return 1


def build_family_portal(rng: random.Random, demo: dict[str, User], *, today) -> dict[str, int]:
    """The demo rows above. ``demo`` is the demo sign-ins by username."""
    caseworker = demo["caseworker"]
    return {
        "invited_parents": _invited_parent(rng, caseworker),
        "account_requests": _account_request(caseworker),
        "online_requests": _online_request(today),
        "young_people_consenting": _consenting_young_person(demo["young.person"], today),
    }
