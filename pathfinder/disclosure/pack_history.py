"""The history of changes for the subject access pack, from django-simple-history: who changed which field, when.

One query per kind of record, each starting from this child (or their assessments, plans and reviews, found in the
history too, so a deleted need or a replaced plan still shows), never a query per record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps

from pathfinder.disclosure.pack_records import EXCLUDED, plain

_CHANGE = {"+": "Created", "~": "Changed", "-": "Deleted"}

#: (model label, what it is called, field on the historical row, whose ids: child, assessment, plan or review).
TRACKED: tuple[tuple[str, str, str, str], ...] = (
    ("people.Child", "The child's record", "id", "child"),
    ("people.ChildNeed", "Special educational need", "child_id", "child"),
    ("people.FamilyMember", "Family member", "child_id", "child"),
    ("people.Involvement", "Who is involved", "child_id", "child"),
    ("people.ParentAccessConsent", "Consent to a parent's access", "child_id", "child"),
    ("assessments.Assessment", "Request and assessment", "child_id", "child"),
    ("assessments.AssessmentException", "Exception to the time limits", "assessment_id", "assessment"),
    ("assessments.AdviceRequest", "Advice", "assessment_id", "assessment"),
    ("plans.Plan", "EHC plan", "child_id", "child"),
    ("plans.PlanNeed", "Plan: need (section B)", "plan_id", "plan"),
    ("plans.PlanOutcome", "Plan: outcome (section E)", "plan_id", "plan"),
    ("plans.PlanProvision", "Plan: provision (sections F to H)", "plan_id", "plan"),
    ("plans.PlacementRequest", "Request for a school or college", "plan_id", "plan"),
    ("plans.Consultation", "Consultation with a school or college", "plan_id", "plan"),
    ("plans.Representation", "Family's comment on the draft plan", "plan_id", "plan"),
    ("plans.ChildViews", "Views of the child and family", "child_id", "child"),
    ("ceasing.Cessation", "Ceasing the plan", "plan_id", "plan"),
    ("reviews.Review", "Annual review", "plan_id", "plan"),
    ("reviews.ReviewInvitee", "Invited to the review", "review_id", "review"),
    ("reviews.ReviewAdvice", "Advice for the review", "review_id", "review"),
    ("reviews.OutcomeProgress", "Progress on an outcome", "review_id", "review"),
    ("transfers.TransferIn", "Plan transferred to us", "child_id", "child"),
    ("transfers.TransferOut", "Plan transferred away", "child_id", "child"),
)


def _ids(child) -> dict[str, list[int]]:
    history = {label: apps.get_model(label).history for label in
               ("assessments.Assessment", "plans.Plan", "reviews.Review")}
    assessments = list(history["assessments.Assessment"].filter(child_id=child.pk).values_list("id", flat=True))
    plans = list(history["plans.Plan"].filter(child_id=child.pk).values_list("id", flat=True))
    reviews = list(history["reviews.Review"].filter(plan_id__in=plans).values_list("id", flat=True))
    return {"child": [child.pk], "assessment": assessments, "plan": plans, "review": reviews}


def _changes(newer, older) -> list[dict[str, Any]]:
    if older is None:
        return []
    delta = newer.diff_against(older, excluded_fields=[f for f in EXCLUDED if hasattr(newer, f)])
    return [{"field": c.field, "before": plain(c.old), "after": plain(c.new)} for c in delta.changes]


def _entries(label: str, called: str, rows: Iterable) -> list[dict[str, Any]]:
    out, previous = [], None
    for row in rows:
        older = previous if previous is not None and previous.id == row.id else None
        out.append({
            "record": called, "record_id": row.id, "when": plain(row.history_date),
            "by": row.history_user.display_name if row.history_user else "Pathfinder",
            "change": _CHANGE.get(row.history_type, row.history_type), "fields": _changes(row, older),
        })
        previous = row
    return out


def history_entries(child) -> list[dict[str, Any]]:
    """Every change to this child's records, oldest first."""
    ids = _ids(child)
    entries: list[dict[str, Any]] = []
    for label, called, field, whose in TRACKED:
        rows = (apps.get_model(label).history.filter(**{f"{field}__in": ids[whose]})
                .select_related("history_user").order_by("id", "history_date", "history_id"))
        entries += _entries(label, called, rows)
    return sorted(entries, key=lambda e: e["when"])
