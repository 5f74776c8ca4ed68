"""The open statutory steps on a caseworker's assessments, and the advice an adviser still has to give, for their
worklists (see pathfinder.core.worklist) and so for the daily reminder.

A caseworker has tens of cases, so their open cases load in one query (with prefetches) and the pure statutory
timeline runs on each: every step, with its rule and exception status, exactly as the case page shows it.
Only the user's own cases (caseworker = user): a case allocated to someone else, even in the same team, is not
theirs to chase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.urls import reverse

import statutory
from pathfinder.accounts.roles import Role
from pathfinder.assessments.advice_rules import advice_due_on
from pathfinder.assessments.constants import open_case_q
from pathfinder.assessments.facts import assessment_facts
from pathfinder.assessments.models import AdviceRequest, Assessment
from pathfinder.core.calendar import council_calendar
from pathfinder.core.worklist import ProvidedItems, WorklistItem, register_worklist_provider
from pathfinder.organisations.selectors import active_organisation_ids, memberships_active

_NEEDS_NOTE = "Claimed, but it needs a note saying why it made the date impractical before it can count: {}."


@dataclass(frozen=True, kw_only=True)
class AssessmentStep(WorklistItem):
    """One open statutory step on one of the caseworker's assessments."""

    assessment: Assessment
    deadline: statutory.Deadline


def open_cases_of(user) -> list[Assessment]:
    """The open assessments a caseworker holds, with everything their timelines need, in one round of queries."""
    return list(
        Assessment.objects.filter(open_case_q(), caseworker=user)
        .select_related("child", "plan")
        .prefetch_related("exceptions", "advice_requests", "plan__consultations")
        .order_by("received_on", "pk")
    )


def _steps(assessment: Assessment, timeline: statutory.Timeline, today: date) -> Iterator[AssessmentStep]:
    url = reverse("assessments:case", kwargs={"child_id": assessment.child.pk, "assessment_id": assessment.pk})
    for deadline in timeline.open:
        yield AssessmentStep(
            child=assessment.child,
            title=deadline.label,
            due=deadline.due,
            url=url,
            reason=deadline.rule.citation,
            reason_url=deadline.rule.url,
            today=today,
            overdue=deadline.is_overdue,
            excused=deadline.status == statutory.OVERDUE_EXCEPTION_APPLIES,
            notes=tuple(_NEEDS_NOTE.format(statutory.exception_description(code))
                        for code in deadline.exceptions_needing_note),
            sort_key=(assessment.child.legal_last_name, assessment.pk),
            assessment=assessment,
            deadline=deadline,
        )


@register_worklist_provider
def open_assessment_steps(user, today: date) -> ProvidedItems:
    """Every open step on the user's own open assessments, case by case in the order the requests came in."""
    cases = open_cases_of(user)
    calendar = council_calendar()
    steps = (
        step
        for assessment in cases
        for step in _steps(
            assessment, statutory.assessment_timeline(assessment_facts(assessment), today=today, calendar=calendar,
                                                      kind=assessment.kind),
            today,
        )
    )
    return ProvidedItems(steps, case_count=len(cases))


# -- Advisers: the advice asked of them ----------------------------------------------------------------------------

def advice_open_for(user, today: date) -> QuerySet[AdviceRequest]:
    """Advice still to give that is the adviser's to chase on ``today``: asked of them by name, or given to them by
    an organisation they are a member of; and, for an organisation's administrators, its requests still waiting in
    the queue for someone to take. Memberships are read on the day, so a removed colleague has none."""
    if getattr(user, "role", None) != Role.ADVISER:
        return AdviceRequest.objects.none()
    member_of = active_organisation_ids(user, today)
    administers = memberships_active(today).filter(user=user, is_administrator=True).values("organisation_id")
    theirs = (Q(adviser=user, organisation__isnull=True)
              | Q(organisation_id__in=member_of, assigned_to=user)
              | Q(organisation_id__in=administers, assigned_to__isnull=True))
    return (AdviceRequest.objects.filter(theirs, open_case_q("assessment__"), received_on__isnull=True,
                                         reused_existing=False, requested_on__isnull=False)
            .select_related("assessment__child").order_by("requested_on", "pk"))


@register_worklist_provider
def open_advice_requests(user, today: date) -> ProvidedItems:
    """An adviser's advice to give, each due 6 weeks from the request (reg 8(1), the rule book's), so the daily
    reminder counts what is due this week and what is overdue. Nothing for any other role: a caseworker's list is
    their assessments' steps alone."""
    items = []
    for advice in advice_open_for(user, today):
        rule = statutory.rule_in_force("advice", advice.requested_on)
        queued = advice.organisation_id is not None and advice.assigned_to_id is None
        items.append(WorklistItem(
            child=advice.assessment.child,
            title="Give this request to a colleague" if queued else "Give your advice",
            due=advice_due_on(advice),
            url=(reverse("assessments:organisation-queue", kwargs={"organisation_id": advice.organisation_id})
                 if queued else reverse("assessments:advice-give", kwargs={"advice_id": advice.pk})),
            reason=rule.citation, reason_url=rule.url, today=today,
            excused=bool(advice.exception_code),
            sort_key=(advice.assessment.child.legal_last_name, advice.pk),
        ))
    return ProvidedItems(items, case_count=0)
