"""The caseload template set: one CSV file per kind of record, every column with its type, whether it is required
and its code list. It is the one description of the files: the importer checks against it, the exporter writes it,
and docs/caseload-template.md describes it (a test checks the doc names every column).

Why one set for both directions: a council that can import a file can also take its data elsewhere in the same
form (issue 10 item 5), and an export imported into an empty Pathfinder makes the same records.
Files refer to each other by the legacy system's id (``child_legacy_id``, ``request_legacy_id``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass

import statutory
from pathfinder.assessments.constants import AssessmentKind, ReceivedBy, RequestSource
from pathfinder.people.codes import ContactPreference, NeedType, SettingCode, SettingPhase, Sex
from pathfinder.plans.models import ConvertedFrom, InstitutionType, PlanKind, PlanStatus
from pathfinder.reviews.models import ReviewDecision, ReviewKind, ReviewStatus

TEXT, DATE, FLAG, CODE, NUMBER = "text", "date", "flag", "code", "number"
YES_NO = {"Y": "Yes", "N": "No"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = TEXT
    required: bool = False
    codes: tuple[str, ...] = ()
    max_length: int = 0
    about: str = ""


def _codes(choices) -> tuple[str, ...]:
    return tuple(str(value) for value in choices.values)


def _id(about: str = "The legacy system's own id for this row: it matches the row on every later import") -> Column:
    return Column("legacy_id", required=True, max_length=80, about=about)


def _ref(name: str, about: str, required: bool = True) -> Column:
    return Column(name, required=required, max_length=80, about=about)


CHILDREN = (
    _id(),
    Column("legal_first_name", required=True, max_length=100),
    Column("legal_last_name", required=True, max_length=100),
    Column("preferred_name", max_length=100),
    Column("date_of_birth", DATE, required=True),
    Column("sex", CODE, codes=_codes(Sex), about="Blank means U"),
    Column("upn", about="Unique pupil number; the check letter is checked. Children are matched on it"),
    Column("uln", about="Unique learner number, 10 digits"),
    Column("nhs_number", about="10 digits (spaces allowed); the check digit is checked. Children are matched on it"),
    Column("address"),
    Column("postcode", max_length=10),
    Column("la_code", max_length=3, about="DfE code of the council responsible; blank means the importing council's"),
    Column("team", max_length=120, about="The caseworkers' team by name; blank means the team chosen for the import"),
    Column("setting_name", max_length=200),
    Column("setting_urn", max_length=6),
    Column("setting_ukprn", max_length=8),
    Column("setting_code", CODE, codes=_codes(SettingCode), about="SEN2 SENSetting, only with no URN or UKPRN"),
    Column("setting_phase", CODE, codes=_codes(SettingPhase)),
    Column("first_language", max_length=60, about="Blank means English"),
    Column("communication_needs"),
    Column("lacks_capacity", FLAG, about="Y if assessed as lacking capacity for SEND decisions (CFA s.80)"),
)

FAMILY = (
    _id(),
    _ref("child_legacy_id", "The child's legacy_id in children.csv (or from an earlier import)"),
    Column("name", required=True, max_length=200),
    Column("relationship", required=True, max_length=60, about="For example: mother, father, foster carer"),
    Column("has_parental_responsibility", FLAG, about="Blank means Y"),
    Column("is_representative", FLAG),
    Column("receives_notices", FLAG, about="Blank means Y"),
    Column("email", max_length=254),
    Column("phone", max_length=40),
    Column("address"),
    Column("postcode", max_length=10),
    Column("contact_preference", CODE, codes=_codes(ContactPreference), about="Blank means email"),
    Column("needs_interpreter", FLAG),
    Column("language", max_length=60),
)

REQUESTS = (
    _id(),
    _ref("child_legacy_id", "The child's legacy_id"),
    Column("received_on", DATE, required=True, about="The day the request counts as received (SEN2 ReceivedDate)"),
    Column("request_source", CODE, required=True, codes=_codes(RequestSource), about="SEN2 RequestSource"),
    Column("kind", CODE, codes=_codes(AssessmentKind), about="Blank means initial"),
    Column("received_by", CODE, codes=_codes(ReceivedBy), about="Blank means email"),
    Column("requester_name", max_length=200),
    Column("decision_to_assess_on", DATE, about="SEN2 RequestOutcomeDate"),
    Column("decided_to_assess", FLAG, about="Y assessed, N refused, blank not decided"),
    Column("withdrawn_on", DATE),
)

ASSESSMENTS = (
    _id(),
    _ref("request_legacy_id", "The request's legacy_id in requests.csv: one assessment per request"),
    Column("decision_to_issue_on", DATE, about="SEN2 AssessmentOutcomeDate"),
    Column("decided_to_issue", FLAG, about="Y issue a plan, N not, blank not decided (SEN2 AssessmentOutcome)"),
    Column("draft_served_on", DATE),
    Column("final_issued_on", DATE, about="SEN2 NamedPlan StartDate: the day the final plan was issued"),
    Column("final_plan_exception_applies", FLAG, about="SEN2 Week20"),
)

PLANS = (
    _id(),
    _ref("child_legacy_id", "The child's legacy_id"),
    _ref("request_legacy_id", "The request that led to it; blank for a converted or transferred plan", False),
    Column("kind", CODE, required=True, codes=_codes(PlanKind)),
    Column("status", CODE, required=True, codes=_codes(PlanStatus)),
    _ref("amends_legacy_id", "For an amendment: the plan it amends", False),
    Column("converted_from", CODE, codes=_codes(ConvertedFrom), about="For a converted plan: statement or lda"),
    Column("converted_on", DATE, about="For a converted plan: the conversion day; the review clock runs from it"),
    Column("draft_sent_on", DATE),
    Column("issued_on", DATE),
    Column("first_made_on", DATE, about="Blank means issued_on (or converted_on)"),
    Column("last_reviewed_on", DATE),
    Column("transferred_in_on", DATE),
    Column("ended_on", DATE),
    Column("cease_reason", CODE, codes=tuple(statutory.CEASE_REASONS),
           about="For a ceased plan: why (SEN2 CeaseReason). Kept as the plan's cessation"),
    Column("transferred_from_la", max_length=3,
           about="For a plan transferred in: the old council's DfE LA code (SEN2 TransferLA)"),
    Column("section_a"),
    Column("section_c"),
    Column("section_d"),
    Column("section_j"),
)

PLACEMENTS = (
    _id(),
    _ref("plan_legacy_id", "The plan's legacy_id: the school or other institution named in section I"),
    Column("name", required=True, max_length=200),
    Column("institution_type", CODE, codes=_codes(InstitutionType)),
    Column("urn", max_length=8, about="School URN (6 digits) or UKPRN (8 digits)"),
    Column("rank", NUMBER, about="SEN2 PlacementRank; Pathfinder names one placement per plan, so only 1"),
)

NEEDS = (
    _id(),
    _ref("child_legacy_id", "The child's legacy_id"),
    Column("need_type", CODE, required=True, codes=_codes(NeedType), about="SEN2 SENtype"),
    Column("rank", NUMBER, required=True, about="1 primary need, 2 secondary (SEN2 SENtypeRank)"),
)

REVIEWS = (
    _id(),
    _ref("plan_legacy_id", "The final plan reviewed"),
    Column("kind", CODE, codes=_codes(ReviewKind), about="Blank means annual"),
    Column("status", CODE, required=True, codes=_codes(ReviewStatus)),
    Column("started_on", DATE, required=True),
    Column("meeting_on", DATE, about="SEN2 ReviewMeeting"),
    Column("report_received_on", DATE),
    Column("decision", CODE, codes=_codes(ReviewDecision), about="SEN2 ReviewOutcome M, A, C"),
    Column("decided_on", DATE, about="SEN2 LastReview: the day the family was told"),
)

#: The files in the order they are read and written (a row may refer only to files before it).
FILES: dict[str, tuple[Column, ...]] = {
    "children": CHILDREN, "family": FAMILY, "needs": NEEDS, "requests": REQUESTS, "assessments": ASSESSMENTS,
    "plans": PLANS, "placements": PLACEMENTS, "reviews": REVIEWS,
}

#: Which file each reference column points into.
REFERENCES = {"child_legacy_id": "children", "request_legacy_id": "requests", "plan_legacy_id": "plans",
              "amends_legacy_id": "plans"}


def header(file: str) -> list[str]:
    return [column.name for column in FILES[file]]
