"""The rules a plan and a review row must keep, beyond their own columns: the dates in order (a plan is never
dated before its request), what each kind of plan needs (a converted plan its conversion; an amendment the plan it
amends), and the database's own rules (one final plan and one plan being written per child; one open review per
plan), checked here so that a real run never fails half-way on them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathfinder.caseload.reading import WARNING, Problem, SourceRow
from pathfinder.plans.models import DRAFT_STATUSES, Plan, PlanKind, PlanStatus
from pathfinder.reviews.models import Review, ReviewStatus

if TYPE_CHECKING:
    from pathfinder.caseload.checks import Accepted, Checker

OPEN_REVIEW = (ReviewStatus.PLANNED, ReviewStatus.MEETING_ARRANGED, ReviewStatus.MEETING_HELD,
               ReviewStatus.REPORT_RECEIVED)
_DATES_AFTER_REQUEST = ("draft_sent_on", "issued_on", "first_made_on")


def plan_problems(checker: Checker, plan: Accepted, child_id: int | None, request: Accepted | None) -> list[Problem]:
    row, values = plan.row, plan.values
    problems: list[Problem] = []

    def refuse(column: str, reason: str) -> None:
        problems.append(Problem(row.file, row.line, column, reason))

    kind, status = values["kind"], values["status"]
    if kind == PlanKind.CONVERTED:
        if not values["converted_from"]:
            refuse("converted_from", "A converted plan needs what it replaced: statement or lda")
        if not values["converted_on"]:
            refuse("converted_on", "A converted plan needs the day it was converted")
    elif values["converted_from"] or values["converted_on"]:
        refuse("kind", "Only a plan of kind converted has converted_from and converted_on")
    if kind == PlanKind.AMENDMENT and not values["amends_legacy_id"]:
        refuse("amends_legacy_id", "An amendment needs the plan it amends")
    if kind == PlanKind.TRANSFERRED_IN and not values["transferred_in_on"]:
        refuse("transferred_in_on", "A plan transferred in needs the day it came")
    if values["request_legacy_id"]:
        taken = checker.claimed.setdefault("plan_requests", {})
        if values["request_legacy_id"] in taken:
            refuse("request_legacy_id", f"The plan on line {taken[values['request_legacy_id']]} came from the same "
                                        "request: a request leads to one plan (amendments name the plan they amend)")
        else:
            taken[values["request_legacy_id"]] = row.line
    if request is not None:
        received = request.values["received_on"]
        for column in _DATES_AFTER_REQUEST:
            if values[column] and values[column] < received:
                refuse(column, f"The plan is dated before its request was received ({received:%d %B %Y})")
    made = values["first_made_on"] or values["issued_on"] or values["converted_on"]
    if values["last_reviewed_on"] and made and values["last_reviewed_on"] < made:
        refuse("last_reviewed_on", "last_reviewed_on is before the plan was made")
    if values["ended_on"] and made and values["ended_on"] < made:
        refuse("ended_on", "ended_on is before the plan was made")
    if status in (PlanStatus.FINAL, PlanStatus.REPLACED, PlanStatus.CEASED, PlanStatus.TRANSFERRED) and not made:
        problems.append(Problem(row.file, row.line, "issued_on", "No date the plan was issued or first made: its "
                                "review clock does not run until one is recorded", WARNING))
    if status in (PlanStatus.CEASED, PlanStatus.TRANSFERRED) and not values["ended_on"]:
        refuse("ended_on", "A plan that has ended needs ended_on")
    if status == PlanStatus.FINAL or status in DRAFT_STATUSES:
        _one_per_child(checker, plan, child_id, problems)
    return problems


def _one_per_child(checker: Checker, plan: Accepted, child_id: int | None, problems: list[Problem]) -> None:
    """One final plan and one plan being written per child: in this import, and with what is already here."""
    row, status = plan.row, plan.values["status"]
    group = "final" if status == PlanStatus.FINAL else "writing"
    taken = checker.claimed.setdefault("plans", {})
    words = "final plan" if group == "final" else "plan being written"
    if (plan.child_key, group) in taken:
        problems.append(Problem(row.file, row.line, "status", f"Duplicate: this child's {words} is on line "
                                                              f"{taken[plan.child_key, group]}"))
        return
    if child_id is not None:
        statuses = [PlanStatus.FINAL] if group == "final" else list(DRAFT_STATUSES)
        existing = Plan.objects.filter(child_id=child_id, status__in=statuses).values_list("pk", flat=True).first()
        if existing is not None and existing != plan.object_id and existing not in checker.linked_ids("plans"):
            problems.append(Problem(row.file, row.line, "status", f"The child already has a {words} in Pathfinder "
                                                                  "that this import does not update"))
            return
    taken[(plan.child_key, group)] = row.line


def review_problems(checker: Checker, row: SourceRow, values: dict) -> list[Problem]:
    problems: list[Problem] = []

    def refuse(column: str, reason: str) -> None:
        problems.append(Problem(row.file, row.line, column, reason))

    started, meeting, decided = values["started_on"], values["meeting_on"], values["decided_on"]
    if meeting and started and meeting < started:
        refuse("meeting_on", "The meeting is before the review started")
    if decided and (meeting or started) and decided < (meeting or started):
        refuse("decided_on", "The decision is before the meeting")
    if values["status"] == ReviewStatus.DECIDED and not (values["decision"] and decided):
        refuse("decision", "A decided review needs the decision and decided_on")
    if values["decision"] and values["status"] != ReviewStatus.DECIDED:
        refuse("status", "A review with a decision has status decided")
    if values["status"] in OPEN_REVIEW:
        taken = checker.claimed.setdefault("reviews", {})
        if values["plan_legacy_id"] in taken:
            refuse("status", f"Duplicate: this plan's open review is on line {taken[values['plan_legacy_id']]}")
        else:
            taken[values["plan_legacy_id"]] = row.line
            plan_id = checker.links("plans").get(values["plan_legacy_id"])
            if plan_id and Review.objects.filter(plan_id=plan_id, status__in=OPEN_REVIEW).exclude(
                    pk__in=checker.linked_ids("reviews")).exists():
                refuse("status", "The plan already has an open review in Pathfinder")
    return problems
