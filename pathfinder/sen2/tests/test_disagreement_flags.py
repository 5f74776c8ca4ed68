"""The return's six mediation and tribunal items: which request and element each disputed decision counts on, only
mediation held and appeals registered by the census, a plan with no request here left without them, and the
query count flat however many decisions were disputed."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.models_mediation import MediationCase, MediationStatus
from pathfinder.disagreements.tests.factories import AppealableDecisionFactory
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.plans.models import Plan, PlanKind, PlanStatus
from pathfinder.sen2.records import Header, Person, Request
from pathfinder.sen2.rules import person_problems
from pathfinder.sen2.services import council_return
from pathfinder.sen2.tests.test_build import CENSUS, _case, _people
from pathfinder.sen2.xml import schema_problems, xml_bytes
from pathfinder.tribunal.tests.factories import AppealFactory

pytestmark = pytest.mark.django_db
ITEMS = ("RequestMediation", "RequestTribunal", "Assessment/AssessmentMediation", "Assessment/AssessmentTribunal",
         "Assessment/OtherMediation", "Assessment/OtherTribunal")


def _held(decision, on: date | None, *, certificate_only: bool = False) -> MediationCase:
    """Mediation on ``decision`` held on ``on`` (or the family took the adviser's certificate instead)."""
    if certificate_only:
        return MediationCase.objects.create(decision=decision, adviser_contacted=date(2026, 3, 20),
                                            wants_mediation=False, adviser_certificate=date(2026, 3, 21),
                                            status=MediationStatus.CERTIFICATE)
    return MediationCase.objects.create(decision=decision, adviser_contacted=date(2026, 3, 20), wants_mediation=True,
                                        council_informed=date(2026, 3, 25), arranged_for=on, mediation_held=on,
                                        status=MediationStatus.HELD)


def _items(surname: str) -> list[str | None]:
    request = _people()[surname].find("Requests")
    return [request.findtext(item) for item in ITEMS]


def test_a_refusal_to_assess_mediated_and_appealed_is_on_the_request():
    child, assessment, _ = _case("Refused", date(2026, 3, 2), assess=date(2026, 4, 13), assessed=False)
    decision = AppealableDecisionFactory(child=child, source_type="assessments.assessment",
                                         source_id=str(assessment.pk), decided_on=date(2026, 4, 13),
                                         notice_sent=date(2026, 4, 13))
    _held(decision, date(2026, 5, 20))
    AppealFactory(decision=decision, registered_on=date(2026, 6, 10), notified_on=date(2026, 6, 12))
    # A refused request has no Assessment element: only the request's two items are written.
    assert _items("Refused") == ["1", "1", None, None, None, None]


def test_not_issuing_counts_on_the_assessment_and_a_plans_contents_as_other():
    child, assessment, _ = _case("Notissued", date(2026, 1, 5), assess=date(2026, 2, 9))
    assessment.decision_to_issue_on, assessment.decided_to_issue = date(2026, 5, 4), False
    assessment.save()
    decision = AppealableDecisionFactory(child=child, kind=AppealableKind.NOT_TO_ISSUE, notice_sent=date(2026, 5, 4),
                                         source_type="assessments.assessment", source_id=str(assessment.pk))
    _held(decision, date(2026, 6, 1))
    child, _, plan = _case("Contents", date(2026, 1, 12), assess=date(2026, 2, 16), issue=date(2026, 4, 6),
                           final=date(2026, 5, 25))
    plan.status = PlanStatus.REPLACED
    plan.save()
    amended = Plan.objects.create(child=child, kind=PlanKind.AMENDMENT, amends=plan, status=PlanStatus.FINAL,
                                  issued_on=date(2026, 9, 1), first_made_on=plan.first_made_on)
    decision = AppealableDecisionFactory(child=child, kind=AppealableKind.AMENDED_PLAN_CONTENTS,
                                         sections=["F"], source_type="plans.plan", source_id=str(amended.pk),
                                         decided_on=date(2026, 9, 1), notice_sent=date(2026, 9, 1))
    AppealFactory(decision=decision, registered_on=date(2026, 10, 20), notified_on=date(2026, 10, 22),
                  sections=["F"])
    assert _items("Notissued") == ["0", "0", "1", "0", "0", "0"]
    # The amended plan's decision counts on the request its first version came from.
    assert _items("Contents") == ["0", "0", "0", "0", "0", "1"]


def test_only_mediation_held_and_appeals_registered_by_the_census_count():
    child, assessment, _ = _case("Later", date(2026, 9, 7), assess=date(2026, 10, 12), assessed=False)
    later = AppealableDecisionFactory(child=child, source_type="assessments.assessment", source_id=str(assessment.pk),
                                      decided_on=date(2026, 10, 12), notice_sent=date(2026, 10, 12))
    _held(later, date(2027, 1, 25))  # after the census (21 January 2027)
    AppealFactory(decision=later, registered_on=date(2027, 2, 1), notified_on=date(2027, 2, 3))
    child, assessment, _ = _case("Certificate", date(2026, 3, 2), assess=date(2026, 4, 13), assessed=False)
    only = AppealableDecisionFactory(child=child, source_type="assessments.assessment", source_id=str(assessment.pk))
    _held(only, None, certificate_only=True)  # the adviser's certificate: no mediation was held
    assert _items("Later") == ["0", "0", None, None, None, None]
    assert _items("Certificate") == ["0", "0", None, None, None, None]
    assert [item for item in _items("Later") if item] == ["0", "0"]
    # A census after both: now they count.
    request = _people(date(2027, 6, 1))["Later"].find("Requests")
    assert [request.findtext(item) for item in ITEMS[:2]] == ["1", "1"]


def test_a_plan_with_no_request_here_has_no_items():
    child = ChildFactory(legal_last_name="Movedin")
    plan = Plan.objects.create(child=child, kind=PlanKind.TRANSFERRED_IN, status=PlanStatus.FINAL,
                               issued_on=date(2026, 3, 2), first_made_on=date(2022, 6, 1), placement_urn="999001")
    decision = AppealableDecisionFactory(child=child, kind=AppealableKind.NOT_TO_AMEND, source_type="plans.plan",
                                         source_id=str(plan.pk))
    AppealFactory(decision=decision)
    assert _items("Movedin") == [None] * 6


def test_the_queries_do_not_grow_with_the_disputed_decisions():
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            content = xml_bytes(council_return(CENSUS))
        assert schema_problems(content) == []
        return len(queries)

    def disputed(n: int) -> None:
        for k in range(n):
            child, assessment, _ = _case(f"Many{n}x{k}", date(2026, 3, 2), assess=date(2026, 4, 13), assessed=False)
            decision = AppealableDecisionFactory(child=child, source_type="assessments.assessment",
                                                 source_id=str(assessment.pk))
            _held(decision, date(2026, 5, 1 + k))
            AppealFactory(decision=decision)

    disputed(1)
    one = count()
    disputed(6)
    assert count() == one
    root = etree.fromstring(xml_bytes(council_return(CENSUS)))
    assert sum(e.text == "1" for e in root.iter("RequestMediation")) == 7


def test_a_later_disagreement_with_no_assessment_to_carry_it_is_a_problem():
    header = Header(reference_date=CENSUS, lea="999", created_at=None)  # type: ignore[arg-type]
    person = Person(1, "Smith", "Ann", date(2015, 1, 1), "F", "AB1 2CD",
                    requests=[Request("N", 5, date(2026, 3, 2), other_unwritten=True), Request("N", 6)])
    problems = person_problems(person, header)
    assert [(p.rule_id, p.assessment_id) for p in problems if p.rule_id == "SEN2-R20"] == [("SEN2-R20", 5)]
