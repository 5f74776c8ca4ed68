"""The migration that made the plan its own record: a database with plans at every old status moves forward with
every row, every history row and every audit event kept, and each plan's stage now on the plan itself."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.django_db

AUDIT = ("audit", "0001_initial")
BEFORE = [("plans", "0004_representation_after_window_closed"),
          ("assessments", "0004_request_arrival_and_advice_corrections"), AUDIT]
AFTER = [("plans", "0007_plan_belongs_to_child"), ("assessments", "0005_plan_own_record"), AUDIT]

# (old assessment status, old plan status or None, dates) -> what the plan and assessment should be afterwards
CASES = {
    "Ada": ("drafting", "draft", {}, ("decided_to_issue", "draft")),
    "Ben": ("draft_sent", "draft", {"draft_served_on": date(2026, 5, 1)}, ("decided_to_issue", "draft_sent")),
    "Cal": ("final_issued", "final", {"draft_served_on": date(2026, 5, 1), "final_issued_on": date(2026, 6, 1)},
            ("decided_to_issue", "final")),
    "Dee": ("withdrawn", "draft", {"withdrawn_on": date(2026, 5, 2)}, ("withdrawn", "stopped")),
    "Eve": ("assessing", None, {}, ("assessing", None)),
    "Fay": ("refused", None, {}, ("refused", None)),
}


def _build_old_world(apps) -> dict:
    Team = apps.get_model("accounts", "Team")
    Child = apps.get_model("people", "Child")
    Assessment = apps.get_model("assessments", "Assessment")
    Plan = apps.get_model("plans", "Plan")
    HistoricalPlan = apps.get_model("plans", "HistoricalPlan")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    team = Team.objects.create(name="Migration team")
    ids = {}
    for name, (status, plan_status, dates, _after) in CASES.items():
        child = Child.objects.create(legal_first_name=name, legal_last_name="Test", date_of_birth=date(2015, 1, 1),
                                     la_code="999", team=team)
        assessment = Assessment.objects.create(child=child, status=status, request_source="1",
                                               received_on=date(2026, 1, 5), **dates)
        plan = None
        if plan_status:
            plan = Plan.objects.create(assessment=assessment, status=plan_status, section_a=f"{name} likes maps.")
            HistoricalPlan.objects.create(id=plan.pk, assessment_id=assessment.pk, status=plan_status,
                                          section_a=plan.section_a, version=1, history_date="2026-05-01T10:00Z",
                                          history_type="+")
            AuditEvent.objects.create(action="update", child=child, what="draft plan: section A saved",
                                      object_type="Plan", object_id=str(plan.pk))
        ids[name] = (child.pk, assessment.pk, plan.pk if plan else None)
    # A child whose first plan was replaced after a re-assessment: two final plans in the old shape.
    child = Child.objects.create(legal_first_name="Gus", legal_last_name="Test", date_of_birth=date(2012, 1, 1),
                                 la_code="999", team=team)
    first = Assessment.objects.create(child=child, status="final_issued", request_source="1",
                                      received_on=date(2023, 1, 5), final_issued_on=date(2023, 6, 1))
    second = Assessment.objects.create(child=child, status="final_issued", request_source="1",
                                       received_on=date(2026, 1, 5), final_issued_on=date(2026, 6, 1))
    ids["Gus"] = (child.pk, Plan.objects.create(assessment=first, status="final").pk,
                  Plan.objects.create(assessment=second, status="final").pk)
    return ids


def test_plans_at_every_status_move_forward_with_every_row_and_event_kept(migrator):
    old_apps = migrator.migrate(BEFORE)
    ids = _build_old_world(old_apps)
    counts_before = {
        label: old_apps.get_model(*label.split(".")).objects.count()
        for label in ("plans.Plan", "plans.HistoricalPlan", "assessments.Assessment", "audit.AuditEvent")
    }

    new_apps = migrator.migrate(AFTER)
    Plan = new_apps.get_model("plans", "Plan")
    Assessment = new_apps.get_model("assessments", "Assessment")
    HistoricalPlan = new_apps.get_model("plans", "HistoricalPlan")
    for label, count in counts_before.items():
        assert new_apps.get_model(*label.split(".")).objects.count() == count, label

    for name, (_status, _plan_status, dates, (assessment_after, plan_after)) in CASES.items():
        child_id, assessment_id, plan_id = ids[name]
        assessment = Assessment.objects.get(pk=assessment_id)
        assert assessment.status == assessment_after, name
        for field, day in dates.items():
            assert getattr(assessment, field) == day, (name, field)  # the assessment's clock facts stay
        if plan_id is None:
            assert not Plan.objects.filter(assessment_id=assessment_id).exists(), name
            continue
        plan = Plan.objects.get(pk=plan_id)
        assert (plan.child_id, plan.status, plan.section_a) == (child_id, plan_after, f"{name} likes maps.")
        assert plan.draft_sent_on == dates.get("draft_served_on"), name
        assert plan.issued_on == (dates.get("final_issued_on") if plan_after == "final" else None), name
        assert HistoricalPlan.objects.get(id=plan_id).child_id == child_id, name

    gus_child, first, second = ids["Gus"]
    assert Plan.objects.get(pk=first).status == "replaced"
    assert Plan.objects.get(pk=second).status == "final"
    assert Plan.objects.get(pk=second).issued_on == date(2026, 6, 1)
    assert Plan.objects.filter(child_id=gus_child).count() == 2

    # and back again, for a council that has to roll back a release
    back_apps = migrator.migrate(BEFORE)
    OldAssessment = back_apps.get_model("assessments", "Assessment")
    assert OldAssessment.objects.get(pk=ids["Cal"][1]).status == "final_issued"
    assert OldAssessment.objects.get(pk=ids["Ben"][1]).status == "draft_sent"
    assert OldAssessment.objects.get(pk=ids["Ada"][1]).status == "drafting"
    assert back_apps.get_model("plans", "Plan").objects.count() == counts_before["plans.Plan"]
