"""The demo county is valid data: identifiers, due dates, statuses against dates, needs, and a sign-in per role."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.utils import timezone

import statutory
from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role
from pathfinder.assessments.constants import open_case_q
from pathfinder.assessments.facts import assessment_facts
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.services import statutory_due_dates
from pathfinder.demo.county import DEMO_PASSWORD, DEMO_USERS, build_county, nhs_for, upn_for
from pathfinder.people.identifiers import nhs_number_problem, postcode_problem, upn_problem
from pathfinder.people.models import Child
from pathfinder.people.selectors import children_visible_to
from pathfinder.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def county(module_db, module_demo_settings):
    """One county for every test here (they only read it); the commands that build counties are in
    test_county_commands.py, where the database starts empty."""
    return build_county(plans=60, requests=30, seed=1, local_offer_services=30)


def test_identifiers_are_valid_fictional_ones(county):
    children = list(Child.objects.all())
    assert len(children) == 92  # 90 of the county's own, and 2 whose plans came from other councils
    for child in children:
        if child.upn:
            assert upn_problem(child.upn) is None, child.upn
            assert child.upn[1:4] == "999"  # LA code 999: no real council
        assert nhs_number_problem(child.nhs_number) is None, child.nhs_number
        assert child.nhs_number.startswith("999")  # the range reserved for testing
        assert postcode_problem(child.postcode) is None, child.postcode
        assert child.la_code == "999"
    assert len({c.nhs_number for c in children}) == len(children)
    assert len({c.upn for c in children if c.upn}) == len([c for c in children if c.upn])


def test_upn_and_nhs_helpers_cover_many_numbers():
    for n in range(0, 200_000, 997):
        assert upn_problem(upn_for(n, 2015)) is None
        assert nhs_number_problem(nhs_for(n)) is None


def test_due_dates_are_the_statutory_ones_and_facts_are_lawful(county):
    today = timezone.localdate()
    assessments = Assessment.objects.prefetch_related("exceptions", "advice_requests", "plan__consultations")
    assert assessments.filter(kind="initial").count() == 90
    for a in assessments:
        due = statutory_due_dates(a.received_on, a.kind)
        if a.kind == "reassessment" and a.decided_to_assess:  # the new plan is due from the decision (reg 27(2))
            due["final_plan_due_on"] = statutory.reassessment_deadlines(
                a.received_on, a.decision_to_assess_on, True, today=today)["final_plan"].due
        assert (a.decision_due_on, a.not_issue_due_on, a.final_plan_due_on) == (
            due["decision_due_on"], due["not_issue_due_on"], due["final_plan_due_on"],
        )
        assert statutory.validate_assessment_facts(assessment_facts(a), today=today) == [], a.pk
    assert assessments.filter(kind="reassessment").count() == 3  # just asked, under way, refused


def test_status_agrees_with_the_dates(county):
    for a in Assessment.objects.all():
        recorded = {
            "decided": a.decision_to_assess_on is not None,
            "issue_decided": a.decision_to_issue_on is not None,
            "draft": a.draft_served_on is not None,
            "final": a.final_issued_on is not None,
        }
        expected = {
            "requested": (False, False, False, False),
            "refused": (True, False, False, False),
            "assessing": (True, False, False, False),
            "not_issuing": (True, True, False, False),
            "drafting": (True, True, False, False),
            "draft_sent": (True, True, True, False),
            "final_issued": (True, True, True, True),
        }
        if a.status == "withdrawn":
            assert a.withdrawn_on is not None
            continue
        # After the decision to issue, the assessment has ended and its plan carries the stage.
        # A plan issued and since ceased, moved away or replaced by its amendment was issued all the same.
        stage = ({"draft": "drafting", "draft_sent": "draft_sent", "final": "final_issued",
                  "ceased": "final_issued", "transferred": "final_issued", "replaced": "final_issued"}[a.plan.status]
                 if a.status == "decided_to_issue" else a.status)
        assert tuple(recorded.values()) == expected[stage], (a.pk, stage)
        assert a.withdrawn_on is None
        if a.status == "refused":
            assert a.decided_to_assess is False and a.refusal_reasons
        if a.status == "not_issuing":
            assert a.decided_to_issue is False and a.not_issue_reasons
        if a.status == "decided_to_issue":
            assert a.plan.child_id == a.child_id
            assert (a.plan.draft_sent_on, a.plan.issued_on) == (a.draft_served_on, a.final_issued_on), a.pk
    assert Plan.objects.filter(status__in=["final", "ceased"]).count() >= 60  # every plan made before this year, and more


def test_every_child_with_a_plan_has_exactly_one_primary_need(county):
    with_plan = Child.objects.filter(assessments__plan__isnull=False).distinct()
    assert with_plan.exists()
    for child in with_plan.prefetch_related("needs"):
        ranks = [n.rank for n in child.needs.all()]
        assert ranks.count(1) == 1
        assert sorted(ranks) == list(range(1, len(ranks) + 1))


def test_final_plans_have_linked_sections(county):
    plan = Plan.objects.filter(status="final").prefetch_related("needs", "outcomes__needs", "provisions__needs").first()
    assert plan.needs.exists() and plan.outcomes.exists()
    assert plan.provisions.filter(section="F").count() >= 3
    for outcome in plan.outcomes.all():
        assert outcome.needs.exists()
    for provision in plan.provisions.all():
        assert provision.needs.exists() and provision.amount and provision.frequency and provision.provided_by


def test_a_demo_sign_in_for_every_role_with_a_valid_password(county):
    users = {u.role: u for u in User.objects.filter(username__in=[d[0] for d in DEMO_USERS])}
    assert set(users) == {r.value for r in Role}
    for user in users.values():
        validate_password(DEMO_PASSWORD, user)
        assert user.check_password(DEMO_PASSWORD)
    assert users[Role.ADMINISTRATOR].is_staff
    assert users[Role.CASEWORKER].team_id is not None
    assert users[Role.PROVIDER].organisation_memberships.filter(organisation__services__isnull=False).exists()


def test_demo_people_see_the_right_children(county):
    today = timezone.localdate()
    caseworker = User.objects.get(username="caseworker")
    assert Assessment.objects.filter(open_case_q(), caseworker=caseworker).exists()
    parent_children = list(children_visible_to(User.objects.get(username="parent")))
    assert len(parent_children) == 1
    assert parent_children[0].plans.get().status == "draft_sent"
    assert statutory.age_on(parent_children[0].date_of_birth, today) < 16
    own = list(children_visible_to(User.objects.get(username="young.person")))
    assert len(own) == 1 and statutory.age_on(own[0].date_of_birth, today) == 17
    assert own[0].assessments.get().plan.status == "final"
    assert children_visible_to(User.objects.get(username="adviser")).exists()
