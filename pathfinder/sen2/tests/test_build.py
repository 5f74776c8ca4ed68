"""The return built from factories, case by case: who is in it, what each element says, and that it validates."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree

from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.tests.factories import AssessmentFactory
from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.people.models import ChildNeed
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.plans.models import Plan, PlanKind, PlanStatus
from pathfinder.reviews.models import Review, ReviewStatus
from pathfinder.sen2.services import council_return
from pathfinder.sen2.xml import schema_problems, xml_bytes
from pathfinder.transfers.models import TransferIn

pytestmark = pytest.mark.django_db
CENSUS = date(2027, 1, 21)


def _case(surname: str, received: date, *, assess: date | None = None, assessed: bool = True,
          issue: date | None = None, final: date | None = None, urn: str = "999001", source: str = "1",
          needs: tuple[str, ...] = ("ASD",), exception: bool = False):
    """A request and, as far as it went, its decisions and final plan, as the workflows leave them."""
    child = ChildFactory(legal_last_name=surname)
    for rank, need in enumerate(needs, 1):
        ChildNeed.objects.create(child=child, need_type=need, rank=rank)
    status = AssessmentStatus.REQUESTED
    fields: dict = {}
    if assess:
        fields.update(decision_to_assess_on=assess, decided_to_assess=assessed)
        status = AssessmentStatus.ASSESSING if assessed else AssessmentStatus.REFUSED
    if issue:
        fields.update(decision_to_issue_on=issue, decided_to_issue=True, final_issued_on=final,
                      final_plan_exception_applies=exception)
        status = AssessmentStatus.DECIDED_TO_ISSUE
    assessment = AssessmentFactory(child=child, received_on=received, status=status, request_source=source, **fields)
    plan = None
    if final:
        plan = Plan.objects.create(child=child, assessment=assessment, status=PlanStatus.FINAL, issued_on=final,
                                   first_made_on=final, placement_urn=urn, placement_type="maintained_school")
    return child, assessment, plan


def _people(census: date = CENSUS) -> dict[str, etree._Element]:
    content = xml_bytes(council_return(census))
    assert schema_problems(content) == []
    root = etree.fromstring(content)
    return {person.findtext("Surname"): person for person in root.iter("Person")}


def test_a_plan_made_in_the_year_has_its_request_assessment_plan_and_active_plan():
    child, assessment, plan = _case("Quillfeather", date(2026, 2, 2), assess=date(2026, 3, 10), issue=date(2026, 5, 1),
                                    final=date(2026, 6, 15), source="3", needs=("DS", "SLCN"), exception=True)
    person = _people()["Quillfeather"]
    assert person.findtext("UPN") == child.upn
    assert person.findtext("Ethnicity") == "NOBT"
    request = person.find("Requests")
    assert [request.findtext(tag) for tag in ("ReceivedDate", "RequestSource", "RequestOutcomeDate",
                                              "RequestOutcome")] == ["2026-02-02", "3", "2026-03-10", "Y"]
    assert request.findtext("Assessment/AssessmentOutcome") == "Y"
    assert request.findtext("Assessment/AssessmentOutcomeDate") == "2026-05-01"
    assert request.findtext("Assessment/Week20") == "1"
    assert request.findtext("Assessment/NamedPlan/StartDate") == "2026-06-15"
    assert request.findtext("Assessment/NamedPlan/PlanDetail/URN") == "999001"
    needs = [(n.findtext("SENtype"), n.findtext("SENtypeRank")) for n in request.iterfind("ActivePlans/SENneed")]
    assert needs == [("DS", "1"), ("SLCN", "2")]
    assert request.findtext("ActivePlans/PlacementDetail/URN") == child.setting_urn


def test_a_plan_decided_before_the_year_is_historical_and_old_finished_requests_are_left_out():
    _case("Historical", date(2023, 9, 1), assess=date(2023, 10, 9), issue=date(2023, 12, 1), final=date(2024, 1, 15))
    _case("Refusedlongago", date(2024, 3, 1), assess=date(2024, 4, 8), assessed=False)
    people = _people()
    request = people["Historical"].find("Requests")
    assert request.findtext("RequestOutcome") == "H"
    assert request.findtext("Assessment/AssessmentOutcome") == "H"
    assert request.findtext("Assessment/NamedPlan/StartDate") == "2024-01-15"
    assert request.find("ActivePlans") is not None
    assert "Refusedlongago" not in people


def test_refused_and_ongoing_requests_are_in_with_their_outcomes():
    _case("Refused", date(2026, 4, 1), assess=date(2026, 5, 11), assessed=False)
    _case("Waiting", date(2025, 12, 1))  # received before the year, not decided at the census: ongoing work
    _case("Assessing", date(2026, 11, 2), assess=date(2026, 12, 14))
    people = _people()
    assert people["Refused"].findtext("Requests/RequestOutcome") == "N"
    assert people["Refused"].find("Requests/Assessment") is None
    assert people["Waiting"].findtext("Requests/RequestOutcome") == "A"
    assert people["Assessing"].findtext("Requests/Assessment/AssessmentOutcome") == "A"


def test_facts_after_the_census_day_have_not_happened_yet():
    _case("Later", date(2026, 10, 1), assess=date(2026, 11, 9), issue=date(2027, 1, 25), final=date(2027, 2, 20))
    request = _people()["Later"].find("Requests")
    assert request.findtext("Assessment/AssessmentOutcome") == "A"
    assert request.find("Assessment/NamedPlan") is None
    assert request.find("ActivePlans") is None


def test_an_amended_plan_keeps_its_start_date_and_names_the_new_setting():
    child, assessment, first = _case("Amended", date(2025, 1, 6), assess=date(2025, 2, 10), issue=date(2025, 4, 1),
                                     final=date(2025, 5, 20))
    first.status = PlanStatus.REPLACED
    first.save()
    Plan.objects.create(child=child, kind=PlanKind.AMENDMENT, amends=first, status=PlanStatus.FINAL,
                        issued_on=date(2026, 9, 1), first_made_on=first.first_made_on, placement_urn="10012345")
    request = _people()["Amended"].find("Requests")
    assert request.findtext("RequestOutcome") == "H"  # decided and issued in 2025, before the year reported
    assert request.findtext("Assessment/NamedPlan/StartDate") == "2025-05-20"
    assert request.findtext("Assessment/NamedPlan/PlanDetail/UKPRN") == "10012345"
    assert len(request.findall("ActivePlans")) == 1


def test_a_plan_ceased_in_the_year_has_its_date_and_reason_and_is_not_active():
    child, _, plan = _case("Ceased", date(2024, 1, 8), assess=date(2024, 2, 12), issue=date(2024, 4, 2),
                           final=date(2024, 5, 28))
    plan.status, plan.ended_on = PlanStatus.CEASED, date(2026, 7, 31)
    plan.save()
    Cessation.objects.create(plan=plan, reason="3", legal_ground="Moved on to higher education",
                             proposed_on=date(2026, 5, 1), status=CessationStatus.CEASED, ceases_on=date(2026, 7, 31))
    request = _people()["Ceased"].find("Requests")
    assert request.findtext("RequestOutcome") == "H"
    assert request.findtext("Assessment/NamedPlan/CeaseDate") == "2026-07-31"
    assert request.findtext("Assessment/NamedPlan/CeaseReason") == "3"
    assert request.find("ActivePlans") is None


def test_a_plan_transferred_in_during_the_year_names_the_old_council():
    child = ChildFactory(legal_last_name="Movedin", setting_urn="", setting_code="EHE")
    ChildNeed.objects.create(child=child, need_type="SEMH", rank=1)
    plan = Plan.objects.create(child=child, kind=PlanKind.TRANSFERRED_IN, status=PlanStatus.FINAL,
                               issued_on=date(2026, 3, 2), first_made_on=date(2022, 6, 1),
                               transferred_in_on=date(2026, 3, 2), placement_type="other")
    TransferIn.objects.create(child=child, plan=plan, from_la_code="886", from_la_name="Kent",
                              transferred_on=date(2026, 3, 2), notice_due_on=date(2026, 3, 30), bundle_sha256="0" * 64)
    request = _people()["Movedin"].find("Requests")
    assert request.findtext("RequestOutcome") == "H"
    assert request.findtext("Assessment/NamedPlan/StartDate") == "2022-06-01"
    assert request.findtext("Assessment/NamedPlan/PlanDetail/SENSetting") == "EHE"
    assert request.findtext("ActivePlans/TransferLA") == "886"
    assert request.findtext("ActivePlans/PlacementDetail/SENSetting") == "EHE"


def test_the_latest_review_in_the_year_with_its_decision_and_draft_amendment():
    child, _, plan = _case("Reviewed", date(2024, 1, 8), assess=date(2024, 2, 12), issue=date(2024, 4, 2),
                           final=date(2024, 5, 28))
    amendment = Plan.objects.create(child=child, kind=PlanKind.AMENDMENT, amends=plan, status=PlanStatus.DRAFT_SENT,
                                    draft_sent_on=date(2026, 5, 20), first_made_on=plan.first_made_on)
    Review.objects.create(plan=plan, status=ReviewStatus.DECIDED, started_on=date(2026, 3, 1),
                          meeting_on=date(2026, 4, 20), decision="amend", decided_on=date(2026, 5, 11),
                          amendment=amendment)
    active = _people()["Reviewed"].find("Requests/ActivePlans")
    assert [active.findtext(tag) for tag in ("ReviewMeeting", "ReviewOutcome", "LastReview", "ReviewDraft")] == [
        "2026-04-20", "A", "2026-05-11", "2026-05-20"]


def test_the_header_names_the_council_and_the_census(settings):
    settings.COUNCIL_LA_CODE = "886"
    _case("Anyone", date(2026, 2, 2))
    root = etree.fromstring(xml_bytes(council_return(CENSUS)))
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2027-01-21"
    assert root.findtext("Header/CollectionDetails/Year") == "2027"
    assert root.findtext("Header/Source/LEA") == "886"
    assert root.findtext("Header/Source/DSCO") == "Y"


def test_the_schema_refuses_what_the_dfe_would():
    _case("Anyone", date(2026, 2, 2))
    content = xml_bytes(council_return(CENSUS)).replace(b"<RequestSource>1<", b"<RequestSource>9<")
    assert any("RequestSource" in problem for problem in schema_problems(content))


def test_names_are_escaped_and_characters_xml_cannot_hold_are_dropped():
    child, _, _ = _case("Quillfeather", date(2026, 2, 2))
    child.legal_last_name, child.legal_first_name = "O'Brien & <Sons>", "Ada\x0bMay"
    child.save()
    person = _people()["O'Brien & <Sons>"]
    assert person.findtext("Forename") == "AdaMay"
