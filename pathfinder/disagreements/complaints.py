"""Complaints to the Local Government and Social Care Ombudsman, their findings and remedies: the one place their
state changes.

    investigating ──record_finding──▶ decided ──close──▶ closed   (close: every remedy done; the last remedy
                                                                   done closes it as part of that act)

A remedy is added once the Ombudsman has decided, with the date it must be done by; one not done by then is on the
caseworker's worklist (disagreements.worklist).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.workflow import Move, Workflow
from pathfinder.disagreements.models_complaints import ComplaintStatus as S
from pathfinder.disagreements.models_complaints import Finding, OmbudsmanComplaint, Remedy
from pathfinder.people.models import Child


def _record(*, acting_user, record: OmbudsmanComplaint, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.child, obj=record,
                       what=f"Ombudsman complaint: {what}")


WORKFLOW = Workflow("ombudsman complaint", (
    Move("record_finding", "Record the Ombudsman's decision", (S.INVESTIGATING,), S.DECIDED),
    Move("close", "Close the complaint", (S.DECIDED,), S.CLOSED),
), record=_record, noun="the complaint")


def _not_future(on: date, field: str) -> None:
    if on > timezone.localdate():
        raise ServiceError("The date cannot be in the future", field=field)


def _user(acting_user):
    return acting_user if getattr(acting_user, "is_authenticated", False) else None


def complaint_record(*, acting_user, child, received_on: date, complaint: str, reference: str = ""
                     ) -> OmbudsmanComplaint:
    """Record a complaint the Ombudsman is looking into."""
    _not_future(received_on, "received_on")
    if not complaint.strip():
        raise ServiceError("Enter what the complaint is about", field="complaint")
    with transaction.atomic():
        # The child's row is the lock: a form sent twice (a double click) waits here and then finds the first.
        Child.objects.select_for_update().filter(pk=child.pk).first()
        same = OmbudsmanComplaint.objects.filter(child=child, received_on=received_on, complaint=complaint.strip())
        if reference.strip():
            same = same | OmbudsmanComplaint.objects.filter(child=child, reference__iexact=reference.strip())
        if same.exists():
            raise ServiceError("This complaint is already recorded for the child: open it from their "
                               "disagreements page.", field="complaint")
        made = OmbudsmanComplaint.objects.create(child=child, received_on=received_on, complaint=complaint.strip(),
                                                 reference=reference.strip(), created_by=_user(acting_user))
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=made,
                           what="Ombudsman complaint recorded")
    return made


def complaint_finding_record(*, acting_user, complaint: OmbudsmanComplaint, finding: str, finding_on: date,
                             finding_summary: str = "", expected_version: int) -> OmbudsmanComplaint:
    """Record what the Ombudsman decided. Remedies are added after, one by one."""
    _not_future(finding_on, "finding_on")
    if finding not in Finding.values:
        raise ServiceError("Select what the Ombudsman found", field="finding")

    def check(current: OmbudsmanComplaint) -> None:
        if finding_on < current.received_on:
            raise ServiceError("The decision cannot be before the complaint was received", field="finding_on")
        current.finding, current.finding_on, current.finding_summary = finding, finding_on, finding_summary.strip()

    return WORKFLOW.transition(complaint, "record_finding", acting_user=acting_user,
                               expected_version=expected_version, check=check,
                               what=f"decided: {Finding(finding).label.lower()} ({finding_on:%d %B %Y})")


def remedy_add(*, acting_user, complaint: OmbudsmanComplaint, description: str, due_on: date) -> Remedy:
    """Add one remedy the Ombudsman asked for, with its compliance date."""
    if not description.strip():
        raise ServiceError("Enter what the council must do", field="description")
    with transaction.atomic():
        current = OmbudsmanComplaint.objects.select_for_update().get(pk=complaint.pk)
        if current.status != S.DECIDED:
            raise ServiceError("Remedies are added once the Ombudsman has decided, while the complaint is open.")
        if current.finding_on and due_on < current.finding_on:
            raise ServiceError("The date cannot be before the Ombudsman's decision", field="due_on")
        if current.remedies.filter(description=description.strip(), due_on=due_on).exists():  # sent twice
            raise ServiceError("This remedy is already recorded.", field="description")
        remedy = Remedy.objects.create(complaint=current, description=description.strip(), due_on=due_on)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=current.child, obj=remedy,
                           what=f"Ombudsman remedy added, due {due_on:%d %B %Y}")
    return remedy


def remedy_done(*, acting_user, remedy: Remedy, done_on: date, expected_version: int) -> Remedy:
    """Record that a remedy was done; the last one done closes the complaint (one act, one audit event)."""
    _not_future(done_on, "done_on")
    with transaction.atomic():
        current = Remedy.objects.select_for_update().select_related("complaint").get(pk=remedy.pk)
        if current.version != int(expected_version):
            raise StaleEdit("Someone else changed this remedy while you were working on it. Check it and try again.")
        if current.done_on is not None:
            raise ServiceError("This remedy is already recorded as done.")
        if current.complaint.finding_on and done_on < current.complaint.finding_on:
            raise ServiceError("The date cannot be before the Ombudsman's decision", field="done_on")
        current.done_on, current.version = done_on, current.version + 1
        current.save()
        complaint = current.complaint
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=complaint.child, obj=current,
                           what=f"Ombudsman remedy done on {done_on:%d %B %Y}")
        if not complaint.remedies.filter(done_on__isnull=True).exists() and complaint.status == S.DECIDED:
            WORKFLOW.transition(complaint, "close", acting_user=acting_user, expected_version=None, record=False)
    return current


def complaint_close(*, acting_user, complaint: OmbudsmanComplaint, expected_version: int) -> OmbudsmanComplaint:
    """Close a decided complaint with no remedy outstanding (a finding with no remedies)."""

    def check(current: OmbudsmanComplaint) -> None:
        if current.remedies.filter(done_on__isnull=True).exists():
            raise ServiceError("Record every remedy as done before closing the complaint.")

    return WORKFLOW.transition(complaint, "close", acting_user=acting_user, expected_version=expected_version,
                               check=check)
