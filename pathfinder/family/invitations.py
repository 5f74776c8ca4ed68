"""Inviting a parent, carer or young person to Pathfinder, and the account they make with the link.

Why a link and not an account made by the caseworker: the family chooses their own password, and nobody at the
council ever knows it. The link is single-use and expires (PATHFINDER_FAMILY_INVITATION_DAYS); only a hash of
its token is stored (the pattern of accounts.StaffInvitation). Family accounts sign in with a password only:
the second factor is for staff and professionals (accounts.roles.STAFF_ROLES), who see many children.

Using the link links the new account to the family member (people.services.family_member_user_link) or to the
young person's own record (young_person_user_link), which makes their involvement: that, and nothing else, lets
them see the child.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.assessments.family_messages import family_member_recipient, young_person_recipient
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.family.models import FamilyInvitation
from pathfinder.notifications.kinds import link
from pathfinder.notifications.services import message_send
from pathfinder.people import services as people_services
from pathfinder.people.models import Child, FamilyMember


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_path(token: str) -> str:
    """The address to pass on (shown to the caseworker once; the token is never stored)."""
    return reverse("family:accept", kwargs={"token": token})


def family_invitation_create(*, acting_user, child: Child, member: FamilyMember | None = None) -> str:
    """Make a single-use link for a family member (or, with no member, the young person) and return its token.

    Any earlier unused link for the same person stops working, so only the newest link is live. Refused when
    they already have an account linked: the caseworker unlinks it first if it must change.
    """
    if member is not None and member.child_id != child.pk:
        raise ServiceError("This family member belongs to another child's record.")
    if member is not None and member.user_id:
        raise ServiceError(f"{member.name} already has a Pathfinder account.")
    if member is None and child.user_id:
        raise ServiceError(f"{child.full_name} already has their own Pathfinder account.")
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        FamilyInvitation.objects.filter(child=child, family_member=member, used_at__isnull=True,
                                        expires_at__gt=now).update(expires_at=now)
        invitation = FamilyInvitation.objects.create(
            child=child, family_member=member, token_hash=token_hash(token), created_by=acting_user,
            expires_at=now + timedelta(days=settings.PATHFINDER_FAMILY_INVITATION_DAYS),
        )
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=invitation,
                           what=f"made a Pathfinder invitation link for {invitation.invitee_name}")
        _invitation_send(invitation, token)
    return token


def _invitation_send(invitation: FamilyInvitation, token: str) -> None:
    """Send the link to the person invited, as they prefer to be contacted (after the transaction commits). The
    caseworker is shown the link too, to pass on by hand if the message does not arrive."""
    member, child = invitation.family_member, invitation.child
    to = family_member_recipient(member) if member is not None else young_person_recipient(child)
    message_send(to=to, kind="family.invited", child=child, values={
        "last_day": timezone.localtime(invitation.expires_at).date(), "link": link(invitation_path(token))})


def family_invitation_get(token: str) -> FamilyInvitation | None:
    """The invitation this token opens, if it is unused and has not expired; None otherwise (the page then
    says what to do, without saying which of the two it was, or whether the link ever existed)."""
    if not token:
        return None
    return (
        FamilyInvitation.objects.select_related("child", "family_member")
        .filter(token_hash=token_hash(token), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def family_invitations_waiting(child: Child) -> list[FamilyInvitation]:
    """Links made for this child's family that have not been used and still work (the caseworker's record page)."""
    return list(FamilyInvitation.objects.filter(child=child, used_at__isnull=True, expires_at__gt=timezone.now())
                .select_related("family_member"))


def family_account_create(*, invitation: FamilyInvitation, username: str, email: str, password: str, request=None):
    """Use the invitation: make the account, link it, and spend the link, all or nothing.

    Returns the new user. A username that is taken or a weak password is refused with a message for the form.
    """
    User = get_user_model()
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ServiceError("That username is taken. Choose another", field="username")
    role = Role.YOUNG_PERSON if invitation.for_young_person else Role.PARENT
    candidate = User(username=username, email=email.strip(), role=role)
    try:
        validate_password(password, candidate)
    except ValidationError as error:
        raise ServiceError(" ".join(error.messages), field="password") from error
    with transaction.atomic():
        spent = FamilyInvitation.objects.filter(pk=invitation.pk, used_at__isnull=True,
                                                expires_at__gt=timezone.now()).update(used_at=timezone.now())
        if not spent:
            raise ServiceError("This link has already been used or has expired.")
        name = invitation.invitee_name.split(" ", 1)
        candidate.first_name, candidate.last_name = name[0], name[1] if len(name) > 1 else ""
        candidate.set_password(password)
        candidate.save()
        if invitation.for_young_person:
            people_services.young_person_user_link(acting_user=candidate, child=invitation.child, user=candidate)
        else:
            member = FamilyMember.objects.select_for_update().get(pk=invitation.family_member_id)
            if member.user_id:
                raise ServiceError(f"{member.name} already has a Pathfinder account.")
            people_services.family_member_user_link(acting_user=candidate, member=member, user=candidate)
        FamilyInvitation.objects.filter(pk=invitation.pk).update(user=candidate)
        audit_event_record(acting_user=candidate, action=AuditAction.CREATE, child=invitation.child,
                           obj=invitation, request=request,
                           what=f"made a Pathfinder account with an invitation link ({candidate.username})")
    return candidate
