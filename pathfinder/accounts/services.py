"""Changes to accounts: roles (with a second person for case roles) and set-up invitations for new staff.

Every change is written to the audit trail with who made it. A refused change raises ServiceError.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from pathfinder.accounts.models import RoleChangeRequest, RoleChangeStatus, StaffInvitation, User
from pathfinder.accounts.roles import CASE_ROLES, ROLE_APPROVERS, Role
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError


def _role_label(role: str) -> str:
    return Role(role).label if role in Role.values else "no role"


def _require_administrator(user) -> None:
    if getattr(user, "role", "") != Role.ADMINISTRATOR:
        raise ServiceError("Only an administrator can do this.")


def _apply(change: RoleChangeRequest, *, acting_user, request: HttpRequest | None) -> None:
    user = User.objects.select_for_update().get(pk=change.user_id)
    change.from_role = user.role
    user.role = change.to_role
    user.save(update_fields=["role"])
    change.status = RoleChangeStatus.APPROVED
    change.decided_by = acting_user
    change.decided_at = timezone.now()
    change.save()
    audit_event_record(
        acting_user=acting_user, action=AuditAction.UPDATE, obj=user, request=request,
        what=f"changed the role of {user.username} from {_role_label(change.from_role)} to "
             f"{_role_label(change.to_role)} (asked by {change.requested_by.username})",
    )


def role_change_problem(*, user: User, role: str) -> str | None:
    """Why this change of role cannot be asked for, in words for the form, or None."""
    if role not in Role.values:
        return "Select a role"
    if role == user.role:
        return f"{user.display_name} already has this role"
    if RoleChangeRequest.objects.filter(user=user, status=RoleChangeStatus.PENDING).exists():
        return f"A change of role for {user.display_name} is already waiting for approval"
    return None


def user_role_change(*, acting_user, user: User, role: str, request: HttpRequest | None = None) -> RoleChangeRequest:
    """Change someone's role, or, for a case role, ask for the change and wait for a second person.

    A case role opens children's records, so an administrator can never grant one alone, to themselves or
    anyone else: another administrator or a SEND manager must approve it (role_change_approve).
    """
    _require_administrator(acting_user)
    with transaction.atomic():
        if problem := role_change_problem(user=user, role=role):
            raise ServiceError(problem)
        change = RoleChangeRequest.objects.create(
            user=user, from_role=user.role, to_role=role, requested_by=acting_user,
        )
        if role in CASE_ROLES:
            audit_event_record(
                acting_user=acting_user, action=AuditAction.CREATE, obj=change, request=request,
                what=f"asked for {user.username} to have the role {_role_label(role)} (needs approval)",
            )
        else:
            _apply(change, acting_user=acting_user, request=request)
    return change


def role_change_decide(
    *, acting_user, change: RoleChangeRequest, approve: bool, request: HttpRequest | None = None
) -> RoleChangeRequest:
    """Approve or refuse a waiting change of role. Nobody decides their own request or their own role."""
    if getattr(acting_user, "role", "") not in ROLE_APPROVERS:
        raise ServiceError("Only an administrator or a SEND manager can approve a change of role.")
    with transaction.atomic():
        change = RoleChangeRequest.objects.select_for_update().select_related("user", "requested_by").get(pk=change.pk)
        if change.status != RoleChangeStatus.PENDING:
            raise ServiceError("This change of role has already been decided")
        if change.requested_by_id == acting_user.pk:
            raise ServiceError("You asked for this change, so someone else must approve it")
        if change.user_id == acting_user.pk:
            raise ServiceError("This change is to your own role, so someone else must approve it")
        if approve:
            _apply(change, acting_user=acting_user, request=request)
        else:
            change.status = RoleChangeStatus.REFUSED
            change.decided_by = acting_user
            change.decided_at = timezone.now()
            change.save()
            audit_event_record(
                acting_user=acting_user, action=AuditAction.UPDATE, obj=change.user, request=request,
                what=f"refused the role {_role_label(change.to_role)} for {change.user.username}",
            )
    return change


def user_account_create(*, acting_user, user: User, role: str, request: HttpRequest | None = None) -> None:
    """Record a new account (saved with no role) and give it its role: a case role is asked for, not given."""
    _require_administrator(acting_user)
    audit_event_record(
        acting_user=acting_user, action=AuditAction.CREATE, obj=user, request=request,
        what=f"made the account {user.username}",
    )
    if role:
        user_role_change(acting_user=acting_user, user=user, role=role, request=request)


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def staff_invitation_create(*, acting_user, user: User, request: HttpRequest | None = None) -> str:
    """Make a single-use set-up link for a member of staff and return its token (shown once, never stored).

    Any earlier unused link for them stops working, and any authenticator they had not finished setting up
    is removed, so only the newest link sets up a device.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _require_administrator(acting_user)
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        StaffInvitation.objects.filter(user=user, used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        invitation = StaffInvitation.objects.create(
            user=user, token_hash=invitation_token_hash(token), created_by=acting_user,
            expires_at=now + timedelta(hours=settings.PATHFINDER_INVITATION_HOURS),
            needs_approval=user.role in CASE_ROLES,
        )
        audit_event_record(
            acting_user=acting_user, action=AuditAction.CREATE, obj=invitation, request=request,
            what=f"made an authenticator set-up link for {user.username}"
                 + (" (needs approval)" if invitation.needs_approval else ""),
        )
    return token


def staff_invitation_get(token: str) -> StaffInvitation | None:
    """The invitation this token opens, if it is unused and has not expired (approved or not: see is_open)."""
    if not token:
        return None
    return (
        StaffInvitation.objects.select_related("user")
        .filter(token_hash=invitation_token_hash(token), used_at__isnull=True, expires_at__gt=timezone.now(),
                user__is_active=True)
        .first()
    )


def staff_invitation_is_open(invitation: StaffInvitation) -> bool:
    """Whether the link may set up a device now: approved, if the account holds a case role."""
    return not invitation.needs_approval or invitation.approved_by_id is not None


def staff_invitations_waiting() -> list[StaffInvitation]:
    """Links for accounts with a case role that still wait for a second person."""
    return list(
        StaffInvitation.objects.select_related("user", "created_by")
        .filter(needs_approval=True, approved_by__isnull=True, used_at__isnull=True, expires_at__gt=timezone.now())
    )


def staff_invitation_approve(*, acting_user, invitation: StaffInvitation, request: HttpRequest | None = None) -> None:
    """Let a link for a case-role account work. Its maker and the account's owner cannot approve it."""
    if getattr(acting_user, "role", "") not in ROLE_APPROVERS:
        raise ServiceError("Only an administrator or a SEND manager can approve a set-up link.")
    with transaction.atomic():
        invitation = StaffInvitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
        if invitation.created_by_id == acting_user.pk:
            raise ServiceError("You made this set-up link, so someone else must approve it")
        if invitation.user_id == acting_user.pk:
            raise ServiceError("This set-up link is for your own account, so someone else must approve it")
        if not invitation.needs_approval or invitation.approved_by_id is not None:
            raise ServiceError("This set-up link does not need approval")
        invitation.approved_by = acting_user
        invitation.save(update_fields=["approved_by"])
        audit_event_record(
            acting_user=acting_user, action=AuditAction.UPDATE, obj=invitation, request=request,
            what=f"approved an authenticator set-up link for {invitation.user.username}",
        )


def staff_invitation_use(*, invitation: StaffInvitation, device, request: HttpRequest | None = None) -> None:
    """Confirm the new device and spend the invitation, so the link cannot set up another device."""
    if not staff_invitation_is_open(invitation):
        raise ServiceError("This set-up link is waiting for approval")
    with transaction.atomic():
        used = StaffInvitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(used_at=timezone.now())
        if not used:
            raise ServiceError("This set-up link has already been used")
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # The new phone replaces any older device (a lost or replaced phone): one device per person.
        type(device).objects.filter(user=invitation.user).exclude(pk=device.pk).delete()
        audit_event_record(
            acting_user=invitation.user, action=AuditAction.UPDATE, obj=invitation, request=request,
            what=f"set up an authenticator app for {invitation.user.username} with a set-up link",
        )
