"""Changes to a child's record. History is kept by simple-history; each change is also audited."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.people.duplicates import IDENTIFIERS, DuplicateIdentifiers, identifier_clashes, unconfirmed
from pathfinder.people.involvements import (
    child_involvements_refresh,
    parent_involvement_refresh,
    team_involvement_move,
    young_person_involvement_refresh,
)
from pathfinder.people.models import Child, ChildNeed, FamilyMember

CHILD_FIELDS = (
    "legal_first_name", "legal_last_name", "preferred_name", "date_of_birth", "sex", "address", "postcode",
    "upn", "uln", "nhs_number", "setting_name", "setting_urn", "setting_ukprn", "setting_code",
    "setting_phase", "communication_needs", "first_language", "team",
)


def _set_needs(child: Child, primary: str, secondary: str) -> None:
    child.needs.all().delete()
    for rank, code in enumerate([c for c in (primary, secondary) if c], start=1):
        ChildNeed.objects.create(child=child, need_type=code, rank=rank)


def _check_identifiers(*, acting_user, data: dict, confirmed: Iterable[str], exclude_pk: int | None = None) -> list:
    """Refuse a UPN, NHS number or ULN another record has, unless the user confirmed exactly that number."""
    clashes = identifier_clashes(acting_user=acting_user, data=data, exclude_pk=exclude_pk)
    if unconfirmed(clashes, confirmed):
        raise DuplicateIdentifiers(clashes)
    return clashes


def _audit_confirmed(acting_user, child: Child, clashes: list) -> None:
    for clash in clashes:
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=child, obj=child,
                           what=f"confirmed this is a different child from another record with the same "
                                f"{IDENTIFIERS[clash.field]}")


def child_create(*, acting_user, data: dict, confirmed: Iterable[str] = ()) -> Child:
    """Create the record. A UPN, NHS number or ULN already on another record must be confirmed first."""
    with transaction.atomic():
        clashes = _check_identifiers(acting_user=acting_user, data=data, confirmed=confirmed)
        child = Child(la_code=settings.COUNCIL_LA_CODE, **{f: data[f] for f in CHILD_FIELDS})
        child._change_reason = "Record created"
        child.save()
        _set_needs(child, data.get("primary_need", ""), data.get("secondary_need", ""))
        team_involvement_move(child=child, team=child.team)  # the team's caseworkers can open it
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=child,
                           what="created the child's record")
        _audit_confirmed(acting_user, child, clashes)
    return child


def child_update(*, acting_user, child: Child, data: dict, confirmed: Iterable[str] = ()) -> Child:
    """Save changes to the record; names the fields that changed in the audit trail. Only a changed identifier
    is checked against other records, so an old duplicate does not block every later edit."""
    with transaction.atomic():
        locked = Child.objects.select_for_update().get(pk=child.pk)
        changed = [f for f in CHILD_FIELDS if getattr(locked, f) != data[f]]
        new_ids = {f: data[f] for f in IDENTIFIERS if f in changed}
        clashes = _check_identifiers(acting_user=acting_user, data=new_ids, confirmed=confirmed, exclude_pk=locked.pk)
        for field in CHILD_FIELDS:
            setattr(locked, field, data[field])
        if changed:  # saving the page unchanged writes no new entry in the history of changes
            locked._change_reason = "Changed " + ", ".join(changed)
            locked.save()
        if "team" in changed:  # the old team's caseworkers lose the record today, the new team's gain it
            team_involvement_move(child=locked, team=locked.team)
        if "date_of_birth" in changed:  # the day the rights pass to the young person moves
            child_involvements_refresh(locked)
        current_needs = [n.need_type for n in locked.ranked_needs()]
        wanted = [c for c in (data.get("primary_need", ""), data.get("secondary_need", "")) if c]
        if current_needs != wanted:
            _set_needs(locked, data.get("primary_need", ""), data.get("secondary_need", ""))
            changed.append("needs")
        audit_event_record(
            acting_user=acting_user, action=AuditAction.UPDATE, child=locked, obj=locked,
            what=("changed " + ", ".join(f.replace("_", " ") for f in changed)) if changed else "saved with no change",
        )
        _audit_confirmed(acting_user, locked, clashes)
    return locked


def family_member_add(*, acting_user, child: Child, data: dict) -> FamilyMember:
    with transaction.atomic():
        member = FamilyMember.objects.create(child=child, **data)
        parent_involvement_refresh(member)  # a parent with responsibility and a sign-in can see the child
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=member,
                           what=f"added family member {member.name}")
    return member


def family_member_user_link(*, acting_user, member: FamilyMember, user) -> FamilyMember:
    """Link a parent's or carer's own sign-in to the family member (or unlink it, with ``user=None``). Why a
    service: with parental responsibility the link is what lets them see their child, until the end of
    compulsory school age (longer if the young person lacks capacity), so the involvement changes with it."""
    with transaction.atomic():
        member.user = user
        member.save(update_fields=["user"])
        parent_involvement_refresh(member)
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=member.child, obj=member,
                           what=f"{'linked' if user else 'unlinked'} the sign-in of family member {member.name}")
    return member


def young_person_user_link(*, acting_user, child: Child, user) -> Child:
    """Link the young person's own sign-in to their record (or unlink it). Why a service: it gives them their
    record from the end of compulsory school age, when the rights become theirs (CFA s.80)."""
    with transaction.atomic():
        child.user = user
        child._change_reason = "Changed the young person's sign-in"
        child.save(update_fields=["user"])
        young_person_involvement_refresh(child)
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=child, obj=child,
                           what=f"{'linked' if user else 'unlinked'} the young person's own sign-in")
    return child


def child_lacks_capacity_set(*, acting_user, child: Child, lacks_capacity: bool) -> Child:
    """Record whether the young person lacks capacity for SEND decisions. Why a service: where they do, their
    parents go on acting for them after compulsory school age (CFA s.80), so the parents' involvements end
    then or run on."""
    with transaction.atomic():
        child.lacks_capacity = lacks_capacity
        child._change_reason = "Changed lacks capacity"
        child.save(update_fields=["lacks_capacity"])
        child_involvements_refresh(child)
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=child, obj=child,
                           what="recorded that the young person " + ("lacks" if lacks_capacity else "has")
                                + " capacity for SEND decisions")
    return child
