"""An organisation's administrators add and remove colleagues and pass work on when someone leaves.

Removal takes effect at once: the membership ends today (exclusive end), so from this request on the removed
colleague sees no child through the organisation (people.selectors.children_visible_to reads memberships on the
day). Their open work goes back to the queue or to the colleague the administrator chooses, in the same
transaction, each move audited by the domain that owns the work (organisations.handovers).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.notifications.kinds import link
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send
from pathfinder.organisations import messages
from pathfinder.organisations.handovers import work_pass_on
from pathfinder.organisations.models import Membership, Organisation
from pathfinder.organisations.selectors import membership_of, memberships_active


def _refuse_unless_administrator(acting_user, organisation: Organisation, today: date) -> None:
    membership = membership_of(acting_user, organisation, today)
    if membership is None or not membership.is_administrator:
        raise ServiceError(f"Only an administrator of {organisation.name} can change its members")


def organisation_member_add(
    *, acting_user, organisation: Organisation, user, is_administrator: bool = False, on: date | None = None,
    check_administrator: bool = True,
) -> Membership:
    """Add an adviser to the organisation from ``on`` (default today). ``check_administrator=False`` is for the
    council setting an organisation up (its first administrator), never for a page an adviser reaches."""
    on = on or timezone.localdate()
    if check_administrator:
        _refuse_unless_administrator(acting_user, organisation, on)
    if user.role != Role.ADVISER or not user.is_active:
        raise ServiceError("Only an adviser's account can be added to an organisation", field="user")
    with transaction.atomic():
        if Membership.objects.select_for_update().filter(organisation=organisation, user=user,
                                                         ends_on__isnull=True).exists():
            raise ServiceError(f"{user.display_name} is already a member of {organisation.name}", field="user")
        membership = Membership.objects.create(organisation=organisation, user=user, starts_on=on,
                                               is_administrator=is_administrator, added_by=acting_user)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, obj=membership,
                           what=f"added {user.display_name} to {organisation.name}"
                                + (" as an administrator" if is_administrator else ""))
        # Told once this commits: a link to their organisations, not the organisation's name.
        message_send(to=Recipient.for_user(user), kind=messages.MEMBER_ADDED.key,
                     values={"link": link(reverse("organisations:mine"))})
    return membership


def organisation_member_remove(*, acting_user, membership: Membership, pass_to=None,
                               on: date | None = None) -> dict[str, int]:
    """Remove a colleague from today: their access through the organisation ends at once, and their open work
    goes to ``pass_to`` (a current colleague) or back to the organisation's queue. Returns what was passed on.

    The last administrator cannot be removed: the organisation would have nobody to manage its members.
    """
    on = on or timezone.localdate()
    organisation = membership.organisation
    _refuse_unless_administrator(acting_user, organisation, on)
    with transaction.atomic():
        current = Membership.objects.select_for_update().get(pk=membership.pk)
        if current.ends_on is not None and current.ends_on <= on:
            raise ServiceError(f"{current.user.display_name} is no longer a member of {organisation.name}")
        if current.is_administrator and not memberships_active(on).filter(
                organisation=organisation, is_administrator=True).exclude(pk=current.pk).exists():
            raise ServiceError(f"{organisation.name} needs another administrator before this one is removed")
        if pass_to is not None:
            if pass_to.pk == current.user_id:
                raise ServiceError("Choose a colleague who is staying", field="pass_to")
            if not memberships_active(on).filter(organisation=organisation, user=pass_to).exists():
                raise ServiceError(f"{pass_to.display_name} is not a member of {organisation.name}", field="pass_to")
        passed = work_pass_on(current, to_user=pass_to, on=on, acting_user=acting_user)
        current.ends_on = max(on, current.starts_on)
        current.ended_by = acting_user
        current.save(update_fields=["ends_on", "ended_by"])
        where = f"to {pass_to.display_name}" if pass_to is not None else "back to the queue"
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, obj=current,
                           what=f"removed {current.user.display_name} from {organisation.name}; "
                                f"{sum(passed.values())} open items passed {where}")
        # The colleague given the work is told by the work's own domain (organisations.handovers); the person
        # removed is told they no longer have access, once this commits.
        message_send(to=Recipient.for_user(current.user), kind=messages.MEMBER_REMOVED.key, values={})
    return passed
