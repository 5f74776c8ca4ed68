"""Refusals the assessment services share: exceptions that do not meet their conditions, and changes to advice
the council has already received.

Why a module: the conditions are the law's (statutory.exceptions); this turns them into the ServiceError a form
shows, naming the field the reason is about, so services.py stays a list of changes.
"""

from __future__ import annotations

from datetime import date

import statutory
from pathfinder.assessments.models import AdviceRequest, Assessment
from pathfinder.core.errors import ServiceError

#: Which stored due date ends each step's own period (exceptions must happen "during that time period").
_STEP_DUE = {
    "decision_to_assess": ("decision_due_on", "the decision whether to assess"),
    "decision_not_to_issue": ("not_issue_due_on", "a decision not to issue a plan"),
    "final_plan": ("final_plan_due_on", "the final plan"),
    "": ("final_plan_due_on", "the assessment"),
}


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def refuse_unmet_exception(*, assessment: Assessment, code: str, start: date, end: date, step: str) -> None:
    """Refuse a reg 10(4) exception that does not meet its own conditions, with the reason."""
    due_field, what = _STEP_DUE.get(step, _STEP_DUE[""])
    due = getattr(assessment, due_field) or assessment.received_on
    asked = [
        a.requested_on for a in assessment.advice_requests.all()
        if a.requested_on and a.kind == "b" and not a.reused_existing
    ]
    problems = statutory.exception_problems(
        code, start, end, period=(assessment.received_on, due), period_what=what, advice_requested_on=asked
    )
    if problems:
        raise ServiceError(" ".join(problems), field="period_start")


def refuse_unmet_advice_exception(*, advice: AdviceRequest, code: str, start: date, end: date) -> None:
    """Refuse a reg 8(2) exception that does not meet its own conditions (e.g. 2 days away), with the reason."""
    period = None
    if advice.requested_on:
        rule = statutory.rule_in_force("advice", advice.requested_on)
        period = (advice.requested_on, rule.due_from(advice.requested_on))
    problems = statutory.exception_problems(code, start, end, period=period, period_what="the advice")
    if problems:
        raise ServiceError(" ".join(problems), field="start")


def refuse_if_received(advice: AdviceRequest) -> None:
    """Received advice is closed: it is kept as the council received it; changes come as corrections."""
    if advice.received_on is not None:
        raise ServiceError(
            f"The council received this advice on {_d(advice.received_on)}, so it cannot be changed. "
            "If something in it is wrong, send a correction: the council will see it beside your advice."
        )


def advice_due_on(advice: AdviceRequest) -> date | None:
    """6 weeks from the request (reg 8(1)); reused advice has no deadline. The one due date the queue, the
    adviser's pages, their reminders and their messages all show."""
    if advice.reused_existing or advice.requested_on is None:
        return None
    return statutory.rule_in_force("advice", advice.requested_on).due_from(advice.requested_on)
