"""Changes to an EHC needs assessment other than status moves (those are in transitions.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.assessments import messages
from pathfinder.assessments.advice_documents import ADVICE_KINDS
from pathfinder.assessments.advice_rules import (
    advice_due_on,
    refuse_if_received,
    refuse_unmet_advice_exception,
    refuse_unmet_exception,
)
from pathfinder.assessments.adviser_messages import (
    caseworker_tell_advice_arrived,
    organisation_tell_new_request,
)
from pathfinder.assessments.constants import ADVICE_EXCEPTION_CODES, ASSESSMENT_EXCEPTION_CODES, AdviceKind, open_case_q
from pathfinder.assessments.facts import assessment_facts
from pathfinder.assessments.family_messages import family_tell
from pathfinder.assessments.involvements import adviser_involvement_refresh
from pathfinder.assessments.models import (
    AdviceNeed,
    AdviceOutcome,
    AdviceProvision,
    AdviceRequest,
    Assessment,
    AssessmentException,
)
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.calendar import council_calendar
from pathfinder.core.errors import ServiceError
from pathfinder.documents.models import DocumentPurpose
from pathfinder.documents.services import document_receive
from pathfinder.notifications.kinds import link
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send
from pathfinder.organisations.selectors import membership_of


def _not_future(day: date | None, field: str, what: str) -> None:
    if day is not None and day > timezone.localdate():
        raise ServiceError(f"{what} cannot be in the future", field=field)


def statutory_due_dates(received_on: date, kind: str = "initial") -> dict[str, date | None]:
    """The headline deadlines, fixed from the day the request is received.

    A re-assessment has only its decision date now: its final plan is due from the decision to re-assess
    (reg 27(2)), stored when that decision is recorded (transitions.py), and it has no "no plan" deadline.
    """
    timeline = statutory.assessment_timeline(
        statutory.AssessmentFacts(request_received=received_on), today=received_on, kind=kind
    )
    final, not_issue = timeline.get("final_plan"), timeline.get("decision_not_to_issue")
    return {
        "decision_due_on": timeline["decision_to_assess"].due,
        "not_issue_due_on": not_issue.due if not_issue else None,
        "final_plan_due_on": final.due if final else None,
    }


def assessment_request_create(
    *,
    acting_user,
    child,
    received_on: date,
    received_by: str,
    request_source: str,
    requester_name: str = "",
    request_summary: str = "",
    caseworker=None,
    arrived_after_hours: bool = False,
    kind: str = "initial",
    last_assessment_on: date | None = None,
) -> Assessment:
    """Record a request for an EHC needs assessment (CFA s.36(1)), or for a re-assessment (``kind``, reg 24:
    use assessments.reassessment.reassessment_request_create, which checks the child has a plan).

    ``received_on`` is the day it arrived. The clocks start on the day it counts as received: the next working
    day if it arrived on a non-working day or after 5pm (statutory.receipt); the arrival day is kept too.
    """
    _not_future(received_on, "received_on", "The date the request was received")
    receipt = statutory.request_received_on(received_on, after_hours=arrived_after_hours, calendar=council_calendar())
    arrived_on, received_on = receipt.arrived_on, receipt.counts_from
    if arrived_on < child.date_of_birth:
        raise ServiceError("The request cannot be received before the child was born", field="received_on")
    open_request = child.assessments.filter(open_case_q()).first()
    if open_request is not None:
        raise ServiceError(
            f"{child.full_name} already has an open request, received {open_request.received_on:%d %B %Y}. "
            "Record further information on that case instead."
        )
    with transaction.atomic():
        assessment = Assessment.objects.create(
            child=child,
            caseworker=caseworker or (acting_user if acting_user.role == "caseworker" else None),
            received_on=received_on,
            arrived_on=arrived_on if receipt.moved else None,
            arrived_after_hours=arrived_after_hours,
            received_by=received_by,
            request_source=request_source,
            requester_name=requester_name,
            request_summary=request_summary,
            kind=kind,
            last_assessment_on=last_assessment_on,
            **statutory_due_dates(received_on, kind),
        )
        what = "a re-assessment" if kind == "reassessment" else "an EHC needs assessment"
        audit_event_record(
            acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=assessment,
            what=f"recorded a request for {what} received {received_on:%d %B %Y}"
            + (f" (arrived {arrived_on:%d %B %Y})" if receipt.moved else ""),
        )
        # The family's acknowledgement, with the date by which we must decide (sent once this commits).
        received_kind = messages.REASSESSMENT_REQUEST_RECEIVED if kind == "reassessment" else messages.REQUEST_RECEIVED
        family_tell(child=child, kind=received_kind.key, on=received_on,
                    values={"date": received_on, "decide_by": assessment.decision_due_on})
    return assessment


def _refresh_week20_flag(assessment: Assessment) -> None:
    timeline = statutory.assessment_timeline(assessment_facts(assessment), today=timezone.localdate(),
                                             kind=assessment.kind)
    final = timeline.get("final_plan")
    flag = bool(final and (final.exception_codes or final.exception_applies))
    if assessment.final_plan_exception_applies != flag:
        assessment.final_plan_exception_applies = flag
        assessment.save(update_fields=["final_plan_exception_applies"])


def assessment_exception_record(
    *,
    acting_user,
    assessment: Assessment,
    code: str,
    period_start: date,
    period_end: date,
    evidence: str,
    causal_note: str = "",
    applies_to: str = "",
    family_told_on: date | None = None,
) -> AssessmentException:
    """Record an exception to the time limits (reg 10(4)). It never moves a deadline."""
    if code not in ASSESSMENT_EXCEPTION_CODES:
        raise ServiceError("Select which exception applies", field="code")
    if period_end < period_start:
        raise ServiceError("The end of the period must be the same as or after the start", field="period_end")
    if period_end < assessment.received_on:
        raise ServiceError("The period must overlap the assessment: it ends before the request", field="period_end")
    if not evidence.strip():
        raise ServiceError("Describe the evidence for the exception", field="evidence")
    refuse_unmet_exception(assessment=assessment, code=code, start=period_start, end=period_end, step=applies_to)
    with transaction.atomic():
        exception = AssessmentException.objects.create(
            assessment=assessment, code=code, period_start=period_start, period_end=period_end,
            evidence=evidence.strip(), causal_note=causal_note.strip(), applies_to=applies_to,
            family_told_on=family_told_on, recorded_by=acting_user,
        )
        _refresh_week20_flag(assessment)
        audit_event_record(
            acting_user=acting_user, action=AuditAction.CREATE, child=assessment.child, obj=exception,
            what=f"recorded exception {code} ({period_start:%d %b %Y} to {period_end:%d %b %Y})",
        )
    return exception


def advice_kinds_for(assessment: Assessment, on: date) -> list[tuple[str, str]]:
    """Reg 6(1) advice that may be sought: (g) preparing for adulthood only from Year 9."""
    year_9 = statutory.is_year_9_or_above(assessment.child.date_of_birth, on)
    return [(k.value, k.label) for k in AdviceKind if k != AdviceKind.PREPARING_FOR_ADULTHOOD or year_9]


def advice_request_create(
    *,
    acting_user,
    assessment: Assessment,
    kind: str,
    adviser_name: str,
    adviser_organisation: str = "",
    adviser=None,
    organisation=None,
    requested_on: date,
) -> AdviceRequest:
    """Ask for advice under reg 6(1). The adviser has 6 weeks from receiving the request (reg 8(1)).

    Asked of an organisation, the request waits in its queue and the organisation, not one person, is involved
    with the child; an adviser named as well must be one of its members and is given the request.
    """
    _not_future(requested_on, "requested_on", "The date advice was asked for")
    if assessment.status not in ("assessing", "requested"):
        raise ServiceError("Advice can be asked for only while the council is assessing")
    if requested_on < assessment.received_on:
        raise ServiceError("Advice cannot be asked for before the request was received", field="requested_on")
    if kind not in dict(advice_kinds_for(assessment, requested_on)):
        raise ServiceError(
            "Preparing for adulthood advice is for young people in Year 9 or above", field="kind"
        )
    assigned_to = None
    if organisation is not None:
        if adviser is not None and membership_of(adviser, organisation) is None:
            raise ServiceError(f"{adviser.display_name} is not a member of {organisation.name}. Leave the "
                               "adviser empty to send it to the organisation's queue.", field="adviser")
        assigned_to, adviser = adviser, None
        adviser_organisation = organisation.name
    with transaction.atomic():
        advice = AdviceRequest.objects.create(
            assessment=assessment, kind=kind, adviser=adviser, adviser_name=adviser_name,
            adviser_organisation=adviser_organisation, requested_on=requested_on,
            organisation=organisation, assigned_to=assigned_to,
        )
        adviser_involvement_refresh(advice)  # the adviser may see the child from the day they are asked
        audit_event_record(
            acting_user=acting_user, action=AuditAction.CREATE, child=assessment.child, obj=advice,
            what=f"asked {adviser_name} for advice {advice.get_kind_display()[:3]}",
        )
        _tell_adviser(advice)
        organisation_tell_new_request(advice, acting_user=acting_user, on=timezone.localdate())
    return advice


def _tell_adviser(advice: AdviceRequest) -> None:
    """An adviser with a sign-in is told of the request and its due date; others are asked by letter as now."""
    due = advice_due_on(advice)
    if advice.adviser is None or due is None:
        return
    message_send(to=Recipient.for_user(advice.adviser), kind=messages.ADVICE_REQUESTED.key, child=advice.assessment.child,
                 values={"due_on": due, "link": link(reverse("assessments:adviser-home"))})


def advice_reuse_record(
    *,
    acting_user,
    assessment: Assessment,
    kind: str,
    adviser_name: str,
    reuse_source: str,
    agreed_by_adviser: bool,
    agreed_by_council: bool,
    agreed_by_family: bool,
    summary: str = "",
) -> AdviceRequest:
    """Reg 6(4): existing advice is used instead of asking again, only if all three are satisfied."""
    if kind == AdviceKind.PARENT_OR_YOUNG_PERSON:
        raise ServiceError("The family's own views are always sought afresh (reg 6(1)(a))", field="kind")
    if not (agreed_by_adviser and agreed_by_council and agreed_by_family):
        raise ServiceError(
            "Existing advice can be reused only if the adviser, the council and the family all agree it is "
            "enough (reg 6(4))",
            field="agreed_by_family",
        )
    with transaction.atomic():
        advice = AdviceRequest.objects.create(
            assessment=assessment, kind=kind, adviser_name=adviser_name, reused_existing=True,
            reuse_agreed_by_adviser=True, reuse_agreed_by_council=True, reuse_agreed_by_family=True,
            reuse_source=reuse_source, summary=summary, received_on=timezone.localdate(),
        )
        audit_event_record(
            acting_user=acting_user, action=AuditAction.CREATE, child=assessment.child, obj=advice,
            what=f"reused existing advice from {adviser_name} (reg 6(4))",
        )
    return advice


def advice_received_record(
    *,
    acting_user,
    advice: AdviceRequest,
    received_on: date,
    summary: str,
    document=None,
    needs: Sequence[str] = (),
    outcomes: Sequence[str] = (),
    provisions: Sequence[dict] = (),
) -> AdviceRequest:
    """Record the advice given, with its document and a summary, and its structured parts: the needs seen, the
    outcomes and the provision recommended (what, how much, how often, by whom), which the caseworker can add to
    the draft plan without retyping."""
    _not_future(received_on, "received_on", "The date advice was received")
    if advice.requested_on and received_on < advice.requested_on:
        raise ServiceError("Advice cannot be received before it was asked for", field="received_on")
    if not summary.strip():
        raise ServiceError("Write a short summary of the advice", field="summary")
    with transaction.atomic():
        refuse_if_received(AdviceRequest.objects.select_for_update().get(pk=advice.pk))
        advice.received_on = received_on
        advice.summary = summary.strip()
        if document is not None:
            advice.document = document_receive(document, advice.assessment.child, DocumentPurpose.ADVICE,
                                               acting_user, ADVICE_KINDS)
        advice.save()
        AdviceNeed.objects.bulk_create(AdviceNeed(advice=advice, description=text, order=n)
                                       for n, text in enumerate(needs, start=1))
        AdviceOutcome.objects.bulk_create(AdviceOutcome(advice=advice, description=text, order=n)
                                          for n, text in enumerate(outcomes, start=1))
        AdviceProvision.objects.bulk_create(
            AdviceProvision(advice=advice, order=n, description=row["description"], amount=row.get("amount", ""),
                            frequency=row.get("frequency", ""), provided_by=row.get("provided_by", ""))
            for n, row in enumerate(provisions, start=1))
        adviser_involvement_refresh(advice)  # their access now ends a set number of days after this
        audit_event_record(
            acting_user=acting_user, action=AuditAction.UPDATE, child=advice.assessment.child, obj=advice,
            what=f"recorded advice received from {advice.adviser_name}",
        )
        caseworker_tell_advice_arrived(advice, acting_user=acting_user)
    return advice


def advice_exception_record(
    *, acting_user, advice: AdviceRequest, code: str, start: date, end: date, note: str
) -> AdviceRequest:
    """Reg 8(2): the adviser's own exceptions (a different list from reg 10(4))."""
    if code not in ADVICE_EXCEPTION_CODES:
        raise ServiceError("Select which exception applies to the adviser", field="code")
    if end < start:
        raise ServiceError("The end of the period must be the same as or after the start", field="end")
    refuse_unmet_advice_exception(advice=advice, code=code, start=start, end=end)
    with transaction.atomic():
        advice.exception_code, advice.exception_start, advice.exception_end = code, start, end
        advice.exception_note = note.strip()
        advice.save()
        audit_event_record(
            acting_user=acting_user, action=AuditAction.UPDATE, child=advice.assessment.child, obj=advice,
            what=f"recorded adviser exception {code}",
        )
    return advice
