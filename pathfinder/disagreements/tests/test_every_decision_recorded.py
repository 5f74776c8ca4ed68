"""Every decision service that sends a letter with appeal rights records exactly one appealable decision.

A class test: each service is run through its real code, on the state its own tests build, and must leave one
``AppealableDecision`` of the right kind naming its source. A scan of the source then checks that nothing else
calls the seam unlisted, and that every kind the law lists (CFA 2014 s.51(2)) is made by some service here.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.assessments.tests.factories import AssessingFactory, AssessmentFactory, DraftingFactory
from pathfinder.assessments.transitions import assessment_transition
from pathfinder.ceasing.tests.factories import consulting
from pathfinder.ceasing.workflow import cessation_decide
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.disagreements.rebuild import appealable_decisions_rebuild
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans import amendments
from pathfinder.plans.tests.factories import PlanFactory, PlanProvisionFactory
from pathfinder.plans.tests.factories_amendments import amendment_with_change, final_plan
from pathfinder.reviews import decisions as review_decisions
from pathfinder.reviews.tests.factories import ReviewFactory
from pathfinder.reviews.tests.factories import final_plan as reviewed_plan

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
NOTICE = date(2026, 11, 10)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.GOVUK_NOTIFY_API_KEY = ""


def _refuse_to_assess() -> tuple[str, object]:
    case = AssessmentFactory()
    assessment_transition(assessment=case, action="refuse", acting_user=case.caseworker, on=date(2026, 7, 1),
                          expected_version=case.version, reasons="The school can meet the needs with SEN support")
    return "assessments.assessment", case.pk


def _refuse_to_reassess() -> tuple[str, object]:
    first = DraftingFactory(received_on=date(2025, 10, 1), decision_to_assess_on=date(2025, 11, 10),
                            decision_to_issue_on=date(2026, 2, 10), final_issued_on=date(2026, 2, 16))
    PlanFactory(assessment=first, status="final", issued_on=date(2026, 2, 16))
    case = AssessmentFactory(child=first.child, kind="reassessment", received_on=date(2026, 9, 1),
                             last_assessment_on=date(2026, 2, 10))
    assessment_transition(assessment=case, action="refuse", acting_user=case.caseworker, on=date(2026, 9, 20),
                          expected_version=case.version, reasons="Nothing has changed since the plan was made")
    return "assessments.assessment", case.pk


def _not_to_issue() -> tuple[str, object]:
    case = AssessingFactory()
    assessment_transition(assessment=case, action="decide_not_to_issue", acting_user=case.caseworker,
                          on=date(2026, 9, 1), expected_version=case.version,
                          reasons="The assessment found the school can meet the needs")
    return "assessments.assessment", case.pk


def _final_plan() -> tuple[str, object]:
    plan, _ = final_plan()
    return "plans.plan", plan.pk


def _sent_amendment():
    plan, user = final_plan()
    amendment = amendment_with_change(plan, user)
    return amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=NOTICE,
                                            expected_version=amendment.version), user


def _amended_plan() -> tuple[str, object]:
    sent, user = _sent_amendment()
    amendments.amendment_issue(acting_user=user, amendment=sent, on=date(2026, 11, 25),
                               placement_type="maintained_school", placement_name="Oakfield Primary School",
                               expected_version=sent.version)
    return "plans.plan", sent.pk


def _amendment_dropped() -> tuple[str, object]:
    sent, user = _sent_amendment()
    amendments.amendment_not_make(acting_user=user, amendment=sent, on=date(2026, 11, 20),
                                  reasons="The school can meet the needs with the current provision.",
                                  expected_version=sent.version)
    return "plans.plan", sent.pk


def _review_keeps_plan() -> tuple[str, object]:
    today = timezone.localdate()
    plan = reviewed_plan(made_on=today - timedelta(days=350))
    PlanProvisionFactory(plan=plan, needs=list(plan.needs.all()), outcomes=[plan.outcomes.first()])
    FamilyMemberFactory(child=plan.child)
    review = ReviewFactory(plan=plan, status="report_received", meeting_on=today - timedelta(days=10),
                           started_on=today - timedelta(days=40), report_received_on=today - timedelta(days=5))
    review_decisions.review_decide_maintain(acting_user=CaseworkerFactory(team=plan.child.team), review=review,
                                            decided_on=today - timedelta(days=1), expected_version=review.version)
    return "reviews.review", review.pk


def _cease() -> tuple[str, object]:
    cessation = consulting()
    cessation_decide(acting_user=CaseworkerFactory(team=cessation.plan.child.team), cessation=cessation,
                     expected_version=cessation.version, decided_on=date(2026, 9, 21))
    return "ceasing.cessation", cessation.pk


# (the service that sends the letter, the kind it must record, how to run it)
SERVICES: list[tuple[str, str, Callable[[], tuple[str, object]]]] = [
    ("assessments.transitions.assessment_transition", AppealableKind.NOT_TO_ASSESS, _refuse_to_assess),
    ("assessments.transitions.assessment_transition", AppealableKind.NOT_TO_REASSESS, _refuse_to_reassess),
    ("assessments.transitions.assessment_transition", AppealableKind.NOT_TO_ISSUE, _not_to_issue),
    ("plans.workflow.plan_final_issue", AppealableKind.PLAN_CONTENTS, _final_plan),
    ("plans.workflow.plan_final_issue", AppealableKind.AMENDED_PLAN_CONTENTS, _amended_plan),
    ("plans.amendments.amendment_not_make", AppealableKind.NOT_TO_AMEND, _amendment_dropped),
    ("reviews.decisions.review_decide_maintain", AppealableKind.NOT_TO_AMEND, _review_keeps_plan),
    ("ceasing.workflow.cessation_decide", AppealableKind.TO_CEASE, _cease),
]


@pytest.mark.parametrize(("service", "kind", "run"), SERVICES, ids=[f"{s[1]}" for s in SERVICES])
def test_the_service_records_exactly_one_decision_of_its_kind(service, kind, run) -> None:
    source_type, source_id = run()
    decisions = AppealableDecision.objects.filter(source_type=source_type, source_id=str(source_id))
    assert [d.kind for d in decisions] == [kind], service
    decision = decisions.get()
    assert decision.notice_sent == decision.decided_on and decision.summary
    assert decision.sections == (["B", "F", "I"] if "contents" in kind else [])
    # The bulk rebuild reads the same rows the same way: it adds nothing for a decision a service recorded.
    appealable_decisions_rebuild()
    assert decisions.count() == 1


def test_every_kind_in_the_law_is_made_by_a_listed_service() -> None:
    assert {kind for _, kind, _ in SERVICES} == set(AppealableKind.values)


def _functions_calling_the_seam() -> set[str]:
    found = set()
    for path in (ROOT / "pathfinder").rglob("*.py"):
        parts = path.relative_to(ROOT / "pathfinder").parts
        if "tests" in parts or parts[0] in ("disagreements", "people"):
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "appealable_decision_made":
                        found.add(".".join([*parts[:-1], path.stem, node.name]))
    return found


def test_no_service_records_a_decision_unlisted_and_every_listed_one_does() -> None:
    """A new decision service must join SERVICES (and be run above); a listed one must still call the seam."""
    helpers = {"assessments.transitions._decision_record": "assessments.transitions.assessment_transition"}
    callers = {helpers.get(name, name) for name in _functions_calling_the_seam()}
    assert callers == {service for service, _, _ in SERVICES}


def test_rows_written_in_bulk_are_recorded_once_by_the_rebuild() -> None:
    """The demo county and a caseload import bypass the services: the rebuild records what they hold, once."""
    refused = AssessmentFactory(status="refused", decision_to_assess_on=date(2026, 7, 1), decided_to_assess=False)
    kept = PlanFactory(child=refused.child, status="final", issued_on=date(2026, 9, 20))
    assert appealable_decisions_rebuild() == 2
    assert appealable_decisions_rebuild() == 0
    assert set(AppealableDecision.objects.values_list("source_type", "source_id", "kind")) == {
        ("assessments.assessment", str(refused.pk), "not_to_assess"), ("plans.plan", str(kept.pk), "plan_contents"),
    }
