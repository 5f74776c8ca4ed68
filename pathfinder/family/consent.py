"""The young person's consent that a parent goes on seeing their case after the rights have passed to them.

At the end of compulsory school age the rights pass to the young person (CFA s.80): their parent's access ends
then, unless the young person lacks capacity (the parent, or their representative, goes on acting for them).
The young person may choose to let a parent keep seeing the case: they say so in their own portal, or tell their
caseworker, who records it with the date. Withdrawing it ends the parent's access the same day. The access itself
is an involvement made from the consent (people.involvements.parent_consent_involvement_refresh).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.assessments.family_messages import family_member_recipient
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.notifications.kinds import link
from pathfinder.notifications.services import message_send
from pathfinder.people.involvements import parent_consent_involvement_refresh, young_person_from
from pathfinder.people.models import ConsentGivenBy, FamilyMember, ParentAccessConsent


def consent_current(member: FamilyMember) -> ParentAccessConsent | None:
    """The consent in force (not withdrawn) for this family member, if any."""
    return member.consents.filter(withdrawn_on__isnull=True).first()


def consent_needed(member: FamilyMember, on: date) -> bool:
    """Whether this family member needs the young person's consent to see the case on ``on``: the rights have
    passed and the young person has capacity (where they lack it, the parent goes on acting for them)."""
    child = member.child
    return not child.lacks_capacity and on >= young_person_from(child.date_of_birth)


def parent_access_consent_give(
    *, acting_user, member: FamilyMember, given_on: date | None = None, note: str = "",
) -> ParentAccessConsent:
    """Record that the young person agrees this family member may go on seeing their case.

    Given by the young person themselves (their own sign-in), or recorded by case staff with the date they were
    told and how (``note``). The parent's access runs from the day the rights pass, or from ``given_on`` if later.
    """
    today = timezone.localdate()
    given_on = given_on or today
    if given_on > today:
        raise ServiceError("The date consent was given cannot be in the future", field="given_on")
    by_young_person = acting_user.role == Role.YOUNG_PERSON
    if by_young_person and member.child.user_id != acting_user.pk:
        raise ServiceError("You can only decide this for your own case.")
    if not by_young_person and not note.strip():
        raise ServiceError("Enter how the young person told you", field="note")
    with transaction.atomic():
        member = FamilyMember.objects.select_for_update().select_related("child").get(pk=member.pk)
        if consent_current(member) is not None:
            raise ServiceError(f"{member.name} can already see the case.")
        consent = ParentAccessConsent.objects.create(
            child=member.child, family_member=member, given_on=given_on, note=note.strip(),
            given_by=ConsentGivenBy.YOUNG_PERSON if by_young_person else ConsentGivenBy.CASEWORKER,
            recorded_by=acting_user,
        )
        parent_consent_involvement_refresh(consent)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=member.child, obj=consent,
                           what=f"recorded the young person's consent for {member.name} to see the case")
        _tell_the_parent(member, "family.consent_given", {"link": link(reverse("family:home"))})
    return consent


def parent_access_consent_withdraw(*, acting_user, consent: ParentAccessConsent) -> ParentAccessConsent:
    """The young person no longer agrees: the parent's access ends today (the first day without it)."""
    today = timezone.localdate()
    if acting_user.role == Role.YOUNG_PERSON and consent.child.user_id != acting_user.pk:
        raise ServiceError("You can only decide this for your own case.")
    with transaction.atomic():
        consent = ParentAccessConsent.objects.select_for_update().select_related("child", "family_member").get(
            pk=consent.pk)
        if consent.withdrawn_on is not None:
            raise ServiceError("This consent has already been withdrawn.")
        consent.withdrawn_on, consent.withdrawn_by = max(today, consent.given_on), acting_user
        consent.save(update_fields=["withdrawn_on", "withdrawn_by"])
        parent_consent_involvement_refresh(consent)
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=consent.child, obj=consent,
                           what=f"withdrew consent for {consent.family_member.name} to see the case")
        _tell_the_parent(consent.family_member, "family.consent_withdrawn", {})
    return consent


def _tell_the_parent(member: FamilyMember, kind: str, values: dict) -> None:
    """The parent hears that their access changed (sent once the change commits), as they prefer to be told."""
    message_send(to=family_member_recipient(member), kind=kind, child=member.child, values=values)
