"""Someone asks for an account on the public site; a caseworker checks who they are, then verifies or refuses.

Why a caseworker and not an automatic match: a name and a date of birth are easy to know about someone else's
child. Nothing is shown to the person until a caseworker has matched them to a child and a family member they
recognise; then a single-use invitation link is made (family.invitations) for the caseworker to pass on.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from pathfinder.core.errors import ServiceError
from pathfinder.family import limits
from pathfinder.family.invitations import family_invitation_create
from pathfinder.family.models import AccountRequest, FamilyInvitation, RequestStatus
from pathfinder.family.requests_workflow import WORKFLOW
from pathfinder.people import services as people_services
from pathfinder.people.models import Child, FamilyMember
from pathfinder.people.selectors import children_visible_to


def account_request_submit(*, data: dict, ip_address: str | None, honeypot: str = "") -> AccountRequest | None:
    """Keep the request for a caseworker to check. A filled-in honeypot means a robot: nothing is saved."""
    if honeypot.strip():
        return None
    if data["child_date_of_birth"] > timezone.localdate():
        raise ServiceError("Your child's date of birth must be in the past", field="child_date_of_birth")
    key = limits.sender_key(ip_address)
    with transaction.atomic():
        limits.sends_allow(AccountRequest, key)
        return AccountRequest.objects.create(sender_key=key, **data)


def account_requests_waiting() -> QuerySet[AccountRequest]:
    return AccountRequest.objects.filter(status=RequestStatus.WAITING).order_by("submitted_at")


def account_request_candidates(user, request: AccountRequest, *, today: date) -> list[Child]:
    """Children the caseworker may see with the date of birth given: the likely matches, best first (same
    surname first). Only the caseworker's own children: a match is made by someone who may open the record."""
    children = children_visible_to(user, today=today).filter(date_of_birth=request.child_date_of_birth)
    surname = request.child_last_name.strip().lower()
    return sorted(children.prefetch_related("family_members"),
                  key=lambda c: (c.legal_last_name.lower() != surname, c.legal_last_name, c.pk))


def account_request_verify(
    *, acting_user, account_request: AccountRequest, child: Child, member: FamilyMember | None,
    expected_version: int | None = None,
) -> str:
    """Match the request to the child and to a family member (or add them as a new family member), and make
    the invitation link, in one move of the requests' workflow. Returns the token for the caseworker to pass on
    (shown once). ``expected_version`` is the version the caseworker's page showed."""
    made: dict[str, str] = {}

    def check(locked: AccountRequest) -> None:
        if member is not None and member.child_id != child.pk:
            raise ServiceError("Choose a family member of this child", field="member")

    def apply(locked: AccountRequest) -> None:
        chosen = member or people_services.family_member_add(acting_user=acting_user, child=child, data={
            "name": locked.name, "relationship": locked.relationship, "email": locked.email,
            "phone": locked.phone, "has_parental_responsibility": True,
        })
        made["token"] = family_invitation_create(acting_user=acting_user, child=child, member=chosen)
        locked.decided_by, locked.decided_at, locked.family_member = acting_user, timezone.now(), chosen
        locked.invitation = FamilyInvitation.objects.filter(family_member=chosen).order_by("-created_at").first()

    WORKFLOW.transition(account_request, "match", acting_user=acting_user, expected_version=expected_version,
                        check=check, apply=apply,
                        what=f"checked an account request from {account_request.name} and matched it to this record")
    return made["token"]


def account_request_refuse(*, acting_user, account_request: AccountRequest, reason: str,
                           expected_version: int | None = None) -> AccountRequest:
    """Refuse with a reason (kept, so the council can say why if asked). Nothing is linked to any child."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Enter why the request is refused", field="reason")

    def apply(locked: AccountRequest) -> None:
        locked.refusal_reason, locked.decided_by, locked.decided_at = reason, acting_user, timezone.now()

    return WORKFLOW.transition(account_request, "refuse", acting_user=acting_user, expected_version=expected_version,
                               apply=apply, what=f"refused an account request from {account_request.name}")
