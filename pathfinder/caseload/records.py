"""What each checked row becomes: the values of our model's row, from the template's columns.

Kept apart from the writer so the one mapping is read in one place (the exporter reads it backwards).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from types import SimpleNamespace

from pathfinder.assessments.constants import AssessmentKind, AssessmentStatus, ReceivedBy
from pathfinder.assessments.services import statutory_due_dates
from pathfinder.caseload.checks import Accepted
from pathfinder.people.codes import ContactPreference, Sex
from pathfinder.plans.clock import review_clock_converted, review_clock_refresh
from pathfinder.plans.models import PlanKind, PlanStatus
from pathfinder.reviews.models import ReviewKind

CHILD_TEXT = ("legal_first_name", "legal_last_name", "preferred_name", "upn", "uln", "nhs_number", "address",
              "postcode", "setting_name", "setting_urn", "setting_ukprn", "setting_code", "setting_phase",
              "communication_needs")
FAMILY_TEXT = ("name", "relationship", "email", "phone", "address", "postcode", "language")
REQUEST_FIELDS = ("received_on", "request_source", "requester_name", "decision_to_assess_on", "decided_to_assess",
                  "withdrawn_on")
ASSESSMENT_FIELDS = ("decision_to_issue_on", "decided_to_issue", "draft_served_on", "final_issued_on")
PLAN_FIELDS = ("kind", "status", "converted_from", "converted_on", "draft_sent_on", "issued_on", "last_reviewed_on",
               "transferred_in_on", "ended_on", "section_a", "section_c", "section_d", "section_j")
REVIEW_FIELDS = ("status", "started_on", "meeting_on", "report_received_on", "decision", "decided_on")


def child_values(values: dict, la_code: str) -> dict:
    row = {name: values[name] for name in CHILD_TEXT}
    row.update(date_of_birth=values["date_of_birth"], sex=values["sex"] or Sex.UNKNOWN,
               la_code=values["la_code"] or la_code, first_language=values["first_language"] or "English",
               lacks_capacity=bool(values["lacks_capacity"]), team_id=values["team_id"])
    return row


def family_values(values: dict, child_id: int) -> dict:
    row = {name: values[name] for name in FAMILY_TEXT}
    row.update(child_id=child_id, has_parental_responsibility=values["has_parental_responsibility"] is not False,
               is_representative=bool(values["is_representative"]),
               receives_notices=values["receives_notices"] is not False,
               contact_preference=values["contact_preference"] or ContactPreference.EMAIL,
               needs_interpreter=bool(values["needs_interpreter"]))
    return row


def assessment_values(request: dict, assessment: dict | None) -> dict:
    """The Assessment row from its request's row and its assessment's row (one record in Pathfinder), with the
    status the facts give and the statutory due dates fixed from the day received."""
    kind = request["kind"] or AssessmentKind.INITIAL
    row = {name: request[name] for name in REQUEST_FIELDS}
    row.update(kind=kind, received_by=request["received_by"] or ReceivedBy.EMAIL)
    for name in ASSESSMENT_FIELDS:
        row[name] = assessment[name] if assessment else None
    row["final_plan_exception_applies"] = bool(assessment and assessment["final_plan_exception_applies"])
    row["status"] = assessment_status(row)
    row.update(_due_dates(request["received_on"], kind))
    return row


@lru_cache(maxsize=8192)
def _due_dates(received_on: date, kind: str) -> dict:
    return statutory_due_dates(received_on, kind)


def assessment_status(row: dict) -> str:
    """Where an assessment stands, from its facts (the workflow's own moves are not replayed for history)."""
    if row["withdrawn_on"]:
        return AssessmentStatus.WITHDRAWN
    if row["decided_to_assess"] is False:
        return AssessmentStatus.REFUSED
    if row["decided_to_issue"] is True:
        return AssessmentStatus.DECIDED_TO_ISSUE
    if row["decided_to_issue"] is False:
        return AssessmentStatus.NOT_ISSUING
    return AssessmentStatus.ASSESSING if row["decided_to_assess"] else AssessmentStatus.REQUESTED


def plan_values(plan: Accepted, *, child_id: int, assessment_id: int | None, amends_id: int | None) -> dict:
    values = plan.values
    row = {name: values[name] for name in PLAN_FIELDS}
    placement = plan.merged.get("placement")
    row.update(child_id=child_id, assessment_id=assessment_id, amends_id=amends_id,
               placement_name=placement.values["name"] if placement else "",
               placement_type=placement.values["institution_type"] if placement else "",
               placement_urn=placement.values["urn"] if placement else "")
    # The plan's review clock, worked out by plans.clock on the few facts it reads (a whole Plan object per row
    # cost more than the rest of the row).
    clock = SimpleNamespace(first_made_on=values["first_made_on"] or values["issued_on"], converted_on=None,
                            last_reviewed_on=values["last_reviewed_on"], transferred_in_on=values["transferred_in_on"],
                            review_due_on=None)
    if values["kind"] == PlanKind.CONVERTED and not values["first_made_on"]:
        review_clock_converted(clock, converted_on=values["converted_on"])
    else:
        review_clock_refresh(clock)
    row["first_made_on"] = clock.first_made_on
    row["review_due_on"] = clock.review_due_on if values["status"] == PlanStatus.FINAL else None
    return row


def review_values(values: dict, plan_id: int) -> dict:
    row = {name: values[name] for name in REVIEW_FIELDS}
    row.update(plan_id=plan_id, kind=values["kind"] or ReviewKind.ANNUAL)
    return row
