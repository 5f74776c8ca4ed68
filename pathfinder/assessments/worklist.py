"""The open statutory steps on a caseworker's assessments, for their worklist (see pathfinder.core.worklist).

A caseworker has tens of cases, so their open cases load in one query (with prefetches) and the pure statutory
timeline runs on each: every step, with its rule and exception status, exactly as the case page shows it.
Only the user's own cases (caseworker = user): a case allocated to someone else, even in the same team, is not
theirs to chase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

import statutory
from pathfinder.assessments.constants import open_case_q
from pathfinder.assessments.facts import assessment_facts
from pathfinder.assessments.models import Assessment
from pathfinder.core.calendar import council_calendar
from pathfinder.core.worklist import ProvidedItems, WorklistItem, register_worklist_provider

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
            assessment, statutory.assessment_timeline(assessment_facts(assessment), today=today, calendar=calendar),
            today,
        )
    )
    return ProvidedItems(steps, case_count=len(cases))
