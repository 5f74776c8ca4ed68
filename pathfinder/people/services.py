"""Changes to a child's record. History is kept by simple-history; each change is also audited."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.people.models import Child, ChildNeed, FamilyMember

CHILD_FIELDS = (
    "legal_first_name", "legal_last_name", "preferred_name", "date_of_birth", "sex", "address", "postcode",
    "upn", "uln", "nhs_number", "setting_name", "setting_urn", "setting_ukprn", "setting_code",
    "communication_needs", "first_language", "team",
)


def _set_needs(child: Child, primary: str, secondary: str) -> None:
    child.needs.all().delete()
    for rank, code in enumerate([c for c in (primary, secondary) if c], start=1):
        ChildNeed.objects.create(child=child, need_type=code, rank=rank)


def child_create(*, acting_user, data: dict) -> Child:
    with transaction.atomic():
        child = Child(la_code=settings.COUNCIL_LA_CODE, **{f: data[f] for f in CHILD_FIELDS})
        child._change_reason = "Record created"
        child.save()
        _set_needs(child, data.get("primary_need", ""), data.get("secondary_need", ""))
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=child,
                           what="created the child's record")
    return child


def child_update(*, acting_user, child: Child, data: dict) -> Child:
    """Save changes to the record; names the fields that changed in the audit trail."""
    with transaction.atomic():
        locked = Child.objects.select_for_update().get(pk=child.pk)
        changed = [f for f in CHILD_FIELDS if getattr(locked, f) != data[f]]
        for field in CHILD_FIELDS:
            setattr(locked, field, data[field])
        locked._change_reason = "Changed " + ", ".join(changed) if changed else "No change"
        locked.save()
        current_needs = [n.need_type for n in locked.ranked_needs()]
        wanted = [c for c in (data.get("primary_need", ""), data.get("secondary_need", "")) if c]
        if current_needs != wanted:
            _set_needs(locked, data.get("primary_need", ""), data.get("secondary_need", ""))
            changed.append("needs")
        audit_event_record(
            acting_user=acting_user, action=AuditAction.UPDATE, child=locked, obj=locked,
            what=("changed " + ", ".join(f.replace("_", " ") for f in changed)) if changed else "saved with no change",
        )
    return locked


def family_member_add(*, acting_user, child: Child, data: dict) -> FamilyMember:
    with transaction.atomic():
        member = FamilyMember.objects.create(child=child, **data)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=member,
                           what=f"added family member {member.name}")
    return member
