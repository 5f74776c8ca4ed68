"""The facts the SEN2 return needs, read by a few set-based queries (``values()``, no query per child).

Why this shape: a council has tens of thousands of plans, and the return must be ready any day of the year (the
bench times it against reading the same rows with plain ``values()``). Each query reads one table's columns for
the census, and sen2.build puts the rows together in Python. Facts dated after the census day are treated as
not yet happened, so a return built for a past census is the picture on that day.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from pathfinder.assessments.constants import OPEN_STATUSES, AssessmentKind
from pathfinder.assessments.models import Assessment
from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.people.models import Child, ChildNeed
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews.evidence import HELD
from pathfinder.reviews.models import Review
from pathfinder.transfers.models import TransferIn, TransferOut, TransferOutStatus

#: Plan versions that were, or still are, in force (a draft, a stopped or a not-amended plan never was).
WERE_IN_FORCE = (PlanStatus.FINAL, PlanStatus.REPLACED, PlanStatus.CEASED, PlanStatus.TRANSFERRED)
ENDED = (PlanStatus.CEASED, PlanStatus.TRANSFERRED)
CHUNK = 900  # ids per IN (...) list: well under SQLite's limit on query parameters

ASSESSMENT_FIELDS = (
    "id", "child_id", "caseworker_id", "request_source", "received_on", "decision_to_assess_on", "decided_to_assess",
    "decision_to_issue_on", "decided_to_issue", "final_issued_on", "final_plan_exception_applies", "withdrawn_on",
    "status", "decision_due_on", "not_issue_due_on", "final_plan_due_on",
)
PLAN_FIELDS = ("id", "child_id", "kind", "assessment_id", "amends_id", "issued_on", "first_made_on", "status",
               "ended_on", "placement_urn", "placement_type")
CHILD_FIELDS = ("id", "legal_last_name", "legal_first_name", "date_of_birth", "sex", "postcode", "upn", "uln",
                "setting_urn", "setting_ukprn", "setting_code", "setting_phase")
REVIEW_FIELDS = ("id", "plan_id", "kind", "meeting_on", "status", "decision", "decided_on",
                 "amendment__draft_sent_on", "amendment__issued_on", "plan__child_id", "plan__first_made_on",
                 "plan__status", "plan__ended_on")


@dataclass
class Facts:
    """Every row the return is built from, as plain dicts."""

    census: date
    year_start: date
    year_end: date
    assessments: list[dict]
    plans: list[dict]
    reviews: list[dict]
    children: dict[int, dict]
    needs: dict[int, list[tuple[str, int]]]
    cease_reasons: dict[int, str]  # plan id -> SEN2 CeaseReason
    transfers_in: dict[int, dict]  # plan id -> {"from_la_code", "transferred_on"}


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def _scoped(queryset, child_ids: list[int] | None, field: str = "child_id"):
    return queryset if child_ids is None else queryset.filter(**{f"{field}__in": child_ids})


def facts_gather(census: date, year_start: date, year_end: date, child_ids: list[int] | None = None) -> Facts:
    """Read the facts for a census: the whole council, or only ``child_ids`` (a caseworker's cases)."""
    since = year_start
    activity = (Q(received_on__gte=since) | Q(decision_to_assess_on__gte=since) | Q(decision_to_issue_on__gte=since)
                | Q(final_issued_on__gte=since) | Q(withdrawn_on__gte=since)
                | Q(status__in=OPEN_STATUSES, final_issued_on__isnull=True) | Q(plan__isnull=False))
    assessments = list(_scoped(Assessment.objects.filter(kind=AssessmentKind.INITIAL, received_on__lte=census),
                               child_ids).filter(activity).values(*ASSESSMENT_FIELDS).order_by("child_id", "id"))
    plans = list(_scoped(Plan.objects.filter(status__in=WERE_IN_FORCE, issued_on__lte=census), child_ids)
                 .values(*PLAN_FIELDS).order_by("child_id", "issued_on", "id"))
    held = Review.objects.filter(meeting_on__range=(year_start, year_end), status__in=HELD)
    if child_ids is not None:  # a few children: by their plans (a review is of a final plan, so one of these)
        held = held.filter(plan_id__in=[row["id"] for row in plans])
    reviews = list(held.values(*REVIEW_FIELDS).order_by("meeting_on", "id"))
    wanted = {row["child_id"] for row in assessments} | {row["child_id"] for row in plans}
    children: dict[int, dict] = {}
    needs: dict[int, list[tuple[str, int]]] = {}
    for chunk in _chunks(wanted):
        for row in Child.objects.filter(pk__in=chunk).values(*CHILD_FIELDS):
            children[row["id"]] = row
        for row in ChildNeed.objects.filter(child_id__in=chunk).values("child_id", "need_type", "rank"):
            needs.setdefault(row["child_id"], []).append((row["need_type"], row["rank"]))
    ended = Q(plan__status__in=ENDED, plan__ended_on__gte=year_start, plan__ended_on__lte=census)
    cease_reasons = {
        row["plan_id"]: row["reason"]
        for row in _scoped(Cessation.objects.filter(ended, status=CessationStatus.CEASED), child_ids, "plan__child_id")
        .values("plan_id", "reason")
    }
    for row in _scoped(TransferOut.objects.filter(ended, status=TransferOutStatus.SENT), child_ids).values(
            "plan_id", "sen2_cease_reason"):
        cease_reasons.setdefault(row["plan_id"], row["sen2_cease_reason"])
    transfers_in = {row["plan_id"]: row for row in _scoped(TransferIn.objects.all(), child_ids).values(
        "plan_id", "from_la_code", "transferred_on")}
    return Facts(census=census, year_start=year_start, year_end=year_end, assessments=assessments, plans=plans,
                 reviews=reviews, children=children, needs=needs, cease_reasons=cease_reasons,
                 transfers_in=transfers_in)
