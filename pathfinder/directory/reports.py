"""Reports that a service's details are out of date: anyone sends one, the provider or officer deals with it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from pathfinder.core.errors import ServiceError
from pathfinder.directory.models import OutOfDateReport, Service
from pathfinder.directory.permissions import require_editor


def out_of_date_report_create(*, service: Service, message: str, reporter_email: str = "") -> OutOfDateReport:
    """Anyone tells us a service's details look wrong. No account needed."""
    message = (message or "").strip()
    if not message:
        raise ServiceError("Tell us what is wrong or out of date", field="message")
    if len(message) > 2000:
        raise ServiceError("Your message must be 2,000 characters or fewer", field="message")
    return OutOfDateReport.objects.create(service=service, message=message, reporter_email=(reporter_email or "").strip())


def out_of_date_report_resolve(*, acting_user, report: OutOfDateReport, note: str = "") -> OutOfDateReport:
    """Mark a report dealt with (the provider or officer has checked the details)."""
    require_editor(acting_user, report.service)
    with transaction.atomic():
        report.resolved = True
        report.resolved_by = acting_user
        report.resolved_at = timezone.now()
        report.resolution_note = (note or "").strip()
        report.save()
        return report
