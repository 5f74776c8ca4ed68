"""The person-level lists area SEND inspectors ask for at the start of an inspection (Ofsted and CQC, 2023).

Each list is one set-based query (the child's details joined in, a subquery for the primary need, one extra query
for the exceptions of the late plans): never a query per child, because a county holds thousands of plans. A
list is a title, what is in it and why, its columns, and a function from today's date to its rows (plain dicts,
so the CSV and the spreadsheet are written from the same rows). Every row carries ``child_id``.

"Placed out of the area": the list of children with plans includes every child whose plan this council maintains,
wherever they go to school, and marks who is out of the area. A child's setting is known by URN or UKPRN (their
current setting, else the placement the plan names in section I); the organisation with that URN or UKPRN
(organisations.Organisation) records the council it is in (``la_code``, as GIAS gives it), compared with
``settings.COUNCIL_LA_CODE``. A setting with no organisation, or no LA code recorded, is "Not known", never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value, When

import statutory
from pathfinder.assessments.constants import AssessmentStatus, RequestSource, open_case_q
from pathfinder.assessments.models import Assessment, AssessmentException
from pathfinder.organisations.models import Organisation
from pathfinder.people.codes import NeedType, SettingCode
from pathfinder.people.models import Child, ChildNeed
from pathfinder.plans.models import InstitutionType, Plan, PlanStatus
from pathfinder.reviews.models import OPEN_STATUSES as OPEN_REVIEW_STATUSES
from pathfinder.reviews.models import Review

NOT_IN_EDUCATION_CODES = (SettingCode.NEET, SettingCode.NIEC, SettingCode.NIEO)

CHILD_COLUMNS = (("child_id", "Pathfinder reference"), ("first_name", "First name"), ("last_name", "Last name"),
                 ("date_of_birth", "Date of birth"), ("upn", "UPN"))
_CHILD_FIELDS = {"first_name": "legal_first_name", "last_name": "legal_last_name", "date_of_birth": "date_of_birth",
                 "upn": "upn", "team": "team__name", "setting_name": "setting_name", "setting_urn": "setting_urn",
                 "setting_ukprn": "setting_ukprn", "setting_code": "setting_code"}


@dataclass(frozen=True)
class InspectionList:
    """One list: what the page says about it, its columns (key, heading) and how to build its rows."""

    key: str
    title: str
    description: str
    why: str
    columns: tuple[tuple[str, str], ...]
    rows: Callable[[date], list[dict]]
    count: Callable[[date], int]
    counts_children: bool = True  # False when a child may be on it more than once (one row per request)
    #: Counts the page shows under the list's own count, as (what, how many), e.g. placed out of the area.
    breakdown: Callable[[date], list[tuple[str, int]]] | None = None


def _child_values(prefix: str) -> dict[str, F]:
    """The child's details, under the list's own column keys, joined in from ``prefix`` (e.g. "child__")."""
    return {key: F(f"{prefix}{field}") for key, field in _CHILD_FIELDS.items()}


def _primary_need(child_ref: str) -> Subquery:
    return Subquery(ChildNeed.objects.filter(child_id=OuterRef(child_ref), rank=1).values("need_type")[:1])


def _label(choices, value) -> str:
    return dict(choices.choices).get(value, value or "")


def _setting(row: dict) -> str:
    if row.get("setting_code"):
        return _label(SettingCode, row["setting_code"])
    ident = f"URN {row['setting_urn']}" if row.get("setting_urn") else (
        f"UKPRN {row['setting_ukprn']}" if row.get("setting_ukprn") else "")
    return ", ".join(part for part in (row.get("setting_name", ""), ident) if part) or "No setting recorded"


# -- All children with plans ---------------------------------------------------------------------------------

def _final_plans() -> QuerySet[Plan]:
    return Plan.objects.filter(status=PlanStatus.FINAL)


PLACED_OUT, PLACED_IN, PLACED_UNKNOWN = "Yes", "No", "Not known"


def _with_setting_la(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    """Each plan with ``setting_la``: the LA code of the organisation whose URN or UKPRN is the child's current
    setting (else the plan's section I placement). A correlated subquery, so the list stays one query."""
    ref = Case(When(~Q(child__setting_urn=""), then=F("child__setting_urn")),
               When(~Q(child__setting_ukprn=""), then=F("child__setting_ukprn")),
               When(~Q(placement_urn=""), then=F("placement_urn")), default=Value(""))
    la = Subquery(Organisation.objects.filter(urn=OuterRef("setting_ref")).exclude(urn="").exclude(la_code="")
                  .order_by("pk").values("la_code")[:1])
    return plans.annotate(setting_ref=ref).annotate(setting_la=la)


def placed_out(setting_la: str | None) -> str:
    """Yes, No or Not known: out of the area when the setting's council is recorded and is not this council."""
    if not setting_la:
        return PLACED_UNKNOWN
    return PLACED_IN if setting_la == settings.COUNCIL_LA_CODE else PLACED_OUT


def placed_counts(today: date) -> list[tuple[str, int]]:
    """How many children with plans are placed out of the area, in it, and not known (one grouped query)."""
    counts = {PLACED_OUT: 0, PLACED_IN: 0, PLACED_UNKNOWN: 0}
    for row in _with_setting_la(_final_plans()).values("setting_la").annotate(n=Count("child_id", distinct=True)):
        counts[placed_out(row["setting_la"])] += row["n"]
    return [("Placed out of the area", counts[PLACED_OUT]), ("In the area", counts[PLACED_IN]),
            ("Not known where the setting is (no LA code recorded for it)", counts[PLACED_UNKNOWN])]


def children_with_plans(today: date) -> list[dict]:
    rows = []
    for row in (_with_setting_la(_final_plans()).annotate(primary_need=_primary_need("child_id"))
                .values("child_id", "issued_on", "first_made_on", "review_due_on", "placement_name", "placement_type",
                        "kind", "primary_need", "setting_la", **_child_values("child__"))
                .order_by("child__legal_last_name", "child__legal_first_name", "child_id")):
        row["primary_need"] = _label(NeedType, row["primary_need"])
        row["setting"] = _setting(row)
        row["placement"] = ", ".join(p for p in (row["placement_name"], _label(InstitutionType, row["placement_type"]))
                                     if p)
        row["transferred_in"] = "Yes" if row["kind"] == "transferred_in" else "No"
        row["placed_out"] = placed_out(row["setting_la"])
        rows.append(row)
    return rows


# -- Requests in the window, with outcomes --------------------------------------------------------------------

def _requests(today: date) -> QuerySet[Assessment]:
    return Assessment.objects.filter(received_on__gte=statutory.inspection_window_start(today), received_on__lte=today)


def _outcome(row: dict) -> str:
    if row["status"] == AssessmentStatus.DECIDED_TO_ISSUE:
        return "Final plan issued" if row["final_issued_on"] else "Decided to issue a plan: final plan not yet issued"
    return _label(AssessmentStatus, row["status"])


_REQUEST_FIELDS = ("pk", "child_id", "received_on", "request_source", "kind", "status", "decision_to_assess_on",
                   "decided_to_assess", "decision_to_issue_on", "decided_to_issue", "final_plan_due_on",
                   "final_issued_on", "withdrawn_on", "refusal_reasons", "not_issue_reasons",
                   "final_plan_exception_applies")


def requests_in_window(today: date) -> list[dict]:
    rows = []
    for row in (_requests(today).values(*_REQUEST_FIELDS, **_child_values("child__"))
                .order_by("received_on", "pk")):
        row["source"] = _label(RequestSource, row["request_source"])
        row["outcome"] = _outcome(row)
        rows.append(row)
    return rows


# -- Refusals -------------------------------------------------------------------------------------------------

def _refusals(today: date) -> QuerySet[Assessment]:
    start = statutory.inspection_window_start(today)
    return Assessment.objects.filter(
        Q(decided_to_assess=False, decision_to_assess_on__range=(start, today))
        | Q(decided_to_issue=False, decision_to_issue_on__range=(start, today)))


def refusals(today: date) -> list[dict]:
    rows = []
    for row in _refusals(today).values(*_REQUEST_FIELDS, **_child_values("child__")).order_by("received_on", "pk"):
        refused_to_assess = row["decided_to_assess"] is False
        row["refusal"] = "Refused to assess" if refused_to_assess else "Decided not to issue a plan"
        row["decided_on"] = row["decision_to_assess_on"] if refused_to_assess else row["decision_to_issue_on"]
        row["reasons"] = row["refusal_reasons"] if refused_to_assess else row["not_issue_reasons"]
        rows.append(row)
    return rows


# -- Plans late, with reasons ---------------------------------------------------------------------------------

def _late(today: date) -> QuerySet[Assessment]:
    start = statutory.inspection_window_start(today)
    issued_late = Q(final_issued_on__range=(start, today), final_issued_on__gt=F("final_plan_due_on"))
    still_late = open_case_q() & Q(final_plan_due_on__lt=today)
    return Assessment.objects.filter(issued_late | still_late)


def late_plans(today: date) -> list[dict]:
    rows = list(_late(today).values(*_REQUEST_FIELDS, **_child_values("child__")).order_by("final_plan_due_on", "pk"))
    reasons: dict[int, list[str]] = defaultdict(list)
    for exc in (AssessmentException.objects.filter(assessment_id__in=[r["pk"] for r in rows])
                .order_by("period_start", "pk").values("assessment_id", "code", "causal_note", "evidence")):
        reasons[exc["assessment_id"]].append(f"{exc['code']}: {exc['causal_note'] or exc['evidence']}")
    for row in rows:
        end = row["final_issued_on"] or today
        row["days_late"] = (end - row["final_plan_due_on"]).days
        row["issued"] = row["final_issued_on"] or "Not yet issued"
        row["exception"] = "Yes" if row["final_plan_exception_applies"] else "No"
        row["reasons"] = "; ".join(reasons[row["pk"]]) or "No exception recorded"
    return rows


# -- Reviews overdue ------------------------------------------------------------------------------------------

def _overdue(today: date) -> QuerySet[Plan]:
    return _final_plans().filter(review_due_on__lt=today)


def reviews_overdue(today: date) -> list[dict]:
    rows = []
    under_way = Exists(Review.objects.filter(plan_id=OuterRef("pk"), status__in=OPEN_REVIEW_STATUSES))
    for row in (_overdue(today).annotate(under_way=under_way)
                .values("child_id", "first_made_on", "last_reviewed_on", "review_due_on", "under_way",
                        **_child_values("child__")).order_by("review_due_on", "child_id")):
        row["days_overdue"] = (today - row["review_due_on"]).days
        row["review_under_way"] = "Yes" if row["under_way"] else "No"
        rows.append(row)
    return rows


# -- Children not in education --------------------------------------------------------------------------------

def _not_in_education(today: date) -> QuerySet[Child]:
    known = Q(pk__in=_final_plans().values("child_id")) | Q(pk__in=Assessment.objects.filter(open_case_q())
                                                             .values("child_id"))
    no_setting = Q(setting_code="", setting_urn="", setting_ukprn="", setting_name="")
    return Child.objects.filter(known).filter(Q(setting_code__in=NOT_IN_EDUCATION_CODES) | no_setting)


def not_in_education(today: date) -> list[dict]:
    has_plan = Exists(_final_plans().filter(child_id=OuterRef("pk")))
    rows = []
    for found in (_not_in_education(today).annotate(has_plan=has_plan)
                  .values("pk", "has_plan", *_CHILD_FIELDS.values())
                  .order_by("legal_last_name", "legal_first_name", "pk")):
        row = {key: found[field] for key, field in _CHILD_FIELDS.items()}
        row.update(child_id=found["pk"], has_plan=found["has_plan"])
        row["situation"] = _label(SettingCode, row["setting_code"]) if row["setting_code"] else "No setting recorded"
        row["plan"] = "Final plan" if row["has_plan"] else "Request or assessment under way"
        rows.append(row)
    return rows


def _children(qs: Callable[[date], QuerySet], field: str = "child_id") -> Callable[[date], int]:
    return lambda today: qs(today).values(field).distinct().count()


LISTS: tuple[InspectionList, ...] = (
    InspectionList(
        "children-with-plans", "All children and young people with an EHC plan",
        "Everyone with a final EHC plan this council maintains today, wherever they go to school or college, with "
        "their primary need, setting and named placement, and whether they are placed out of the area (their "
        "setting, or else the placement named in the plan, is in another council's area).",
        "Inspectors choose cases to track from it and check the area knows where every child with a plan is.",
        (*CHILD_COLUMNS, ("primary_need", "Primary need"), ("setting", "Current setting"),
         ("placement", "Placement named in the plan (section I)"), ("placed_out", "Placed out of the area"),
         ("issued_on", "Plan issued"),
         ("transferred_in", "Transferred from another council"), ("review_due_on", "Next review due by"),
         ("team", "Team")),
        children_with_plans, _children(lambda today: _final_plans()), breakdown=placed_counts,
    ),
    InspectionList(
        "requests", "Requests for an EHC needs assessment in the inspection window",
        "Every request received in the window, one row per request, with what came of it and when.",
        "Inspectors look at how quickly requests are decided and what happens to children whose request is "
        "refused or withdrawn.",
        (*CHILD_COLUMNS, ("received_on", "Request received"), ("source", "Who asked"), ("outcome", "Outcome"),
         ("decision_to_assess_on", "Decision to assess made"), ("decision_to_issue_on", "Decision to issue made"),
         ("final_issued_on", "Final plan issued"), ("withdrawn_on", "Withdrawn"), ("team", "Team")),
        requests_in_window, lambda today: _requests(today).count(), counts_children=False,
    ),
    InspectionList(
        "refusals", "Refusals to assess and decisions not to issue a plan",
        "Every decision in the window not to carry out an EHC needs assessment, or not to issue a plan after "
        "one, with the reasons the family was given.",
        "Inspectors test whether refusals are lawful and well explained, and what support followed.",
        (*CHILD_COLUMNS, ("received_on", "Request received"), ("refusal", "Decision"), ("decided_on", "Decided on"),
         ("reasons", "Reasons given"), ("team", "Team")),
        refusals, lambda today: _refusals(today).count(), counts_children=False,
    ),
    InspectionList(
        "late-plans", "EHC plans issued late, or overdue now, with reasons",
        "Final plans issued in the window after the statutory date, and plans still being written whose date has "
        "passed, with the exceptions recorded for each (reg 10(4)).",
        "Inspectors ask why plans are late and whether exceptions are used properly.",
        (*CHILD_COLUMNS, ("received_on", "Request received"), ("final_plan_due_on", "Final plan due by"),
         ("issued", "Final plan issued"), ("days_late", "Days late"), ("exception", "Exception applies"),
         ("reasons", "Exceptions recorded (reasons)"), ("team", "Team")),
        late_plans, lambda today: _late(today).count(), counts_children=False,
    ),
    InspectionList(
        "reviews-overdue", "Annual reviews overdue",
        "Final plans whose review date has passed without the council's decision after a review, and whether a "
        "review is under way.",
        "Inspectors check plans are kept up to date (Children and Families Act 2014, s.44).",
        (*CHILD_COLUMNS, ("first_made_on", "Plan first made"), ("last_reviewed_on", "Last reviewed"),
         ("review_due_on", "Review due by"), ("days_overdue", "Days overdue"), ("review_under_way", "Review under way"),
         ("team", "Team")),
        reviews_overdue, _children(_overdue),
    ),
    InspectionList(
        "not-in-education", "Children and young people not in education",
        "Children with a plan, or whose request or assessment is under way, recorded as not in education, "
        "employment or training (SEN2 NEET, NIEC, NIEO) or with no setting recorded at all.",
        "Inspectors look for children missing education and what the area is doing for them.",
        (*CHILD_COLUMNS, ("situation", "Situation"), ("plan", "Plan or request"), ("team", "Team")),
        not_in_education, lambda today: _not_in_education(today).count(),
    ),
)
BY_KEY = {item.key: item for item in LISTS}
