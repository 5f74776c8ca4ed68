"""Amending a plan: every move, every refusal (nothing half-saved), the clock carried, the family told."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.notifications.models import Message
from pathfinder.plans import amendment_follow_ups, amendments
from pathfinder.plans.models import Plan, PlanSnapshot
from pathfinder.plans.tests.factories_amendments import ISSUED, MEETING, amendment_with_change, final_plan

pytestmark = pytest.mark.django_db
NOTICE = date(2026, 11, 10)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def fresh(plan) -> Plan:
    return Plan.objects.get(pk=plan.pk)


def test_start_copies_every_section_item_and_link_into_a_draft_amendment():
    plan, user = final_plan()
    amendment = amendments.amendment_start(acting_user=user, plan=plan, reason="Moving to secondary school",
                                           review_meeting_on=MEETING)
    assert (amendment.kind, amendment.status, amendment.amends_id) == ("amendment", "draft", plan.pk)
    assert amendment.section_a == plan.section_a and amendment.placement_name == "Oakfield Primary School"
    assert amendment.needs.count() == plan.needs.count() == 1
    new_need = amendment.needs.get()
    assert amendment.outcomes.get().needs.get() == new_need
    provision = amendment.provisions.get()
    assert provision.needs.get() == new_need and provision.outcomes.get() == amendment.outcomes.get()
    assert fresh(plan).status == "final" and plan.provisions.get().needs.get().plan_id == plan.pk
    assert AuditEvent.objects.filter(what__startswith="proposed amendments").count() == 1


def test_start_is_refused_for_a_plan_that_is_not_final_and_saves_nothing():
    plan, user = final_plan()
    amendment = amendments.amendment_start(acting_user=user, plan=plan, reason="Change")
    with pytest.raises(ServiceError, match="Only the final plan"):
        amendments.amendment_start(acting_user=user, plan=amendment, reason="Change again")
    assert Plan.objects.filter(child=plan.child).count() == 2


def test_start_is_refused_while_one_is_being_written_or_without_a_reason():
    plan, user = final_plan()
    amendments.amendment_start(acting_user=user, plan=plan, reason="Change")
    with pytest.raises(ServiceError, match="already being written"):
        amendments.amendment_start(acting_user=user, plan=plan, reason="Another change")
    with pytest.raises(ServiceError, match="why the plan is being amended"):
        amendments.amendment_start(acting_user=user, plan=plan, reason="  ")
    assert Plan.objects.filter(child=plan.child).count() == 2


def test_notice_with_no_change_is_refused_and_nothing_saved():
    plan, user = final_plan()
    amendment = amendments.amendment_start(acting_user=user, plan=plan, reason="Change")
    with pytest.raises(ServiceError, match="do not change anything"):
        amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=NOTICE,
                                         expected_version=amendment.version)
    saved = fresh(amendment)
    assert saved.status == "draft" and saved.draft_sent_on is None and not PlanSnapshot.objects.filter(plan=saved)


def test_notice_serves_the_amendments_tells_the_family_and_calls_the_follow_ups(monkeypatch):
    plan, user = final_plan()
    amendment = amendment_with_change(plan, user)
    heard = []
    monkeypatch.setattr(amendment_follow_ups, "AMENDMENT_NOTICE_FOLLOW_UPS", [])
    monkeypatch.setattr(amendments, "AMENDMENT_NOTICE_FOLLOW_UPS", [lambda **kw: heard.append(kw)])
    sent = amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=NOTICE,
                                            expected_version=amendment.version)
    assert (sent.status, sent.draft_sent_on) == ("draft_sent", NOTICE)
    assert PlanSnapshot.objects.filter(plan=sent, kind="draft_sent").exists()
    assert heard == [{"amendment": sent, "on": NOTICE, "acting_user": user}]
    message = Message.objects.get(kind="plans.amendment_notice")
    assert message.values["last_day"] == "2026-11-24"  # 15 days beginning with 10 November (reg 22(2)(c))


def test_a_follow_up_that_refuses_refuses_the_whole_notice(monkeypatch):
    plan, user = final_plan()
    amendment = amendment_with_change(plan, user)

    def refuse(**kw):
        raise ServiceError("The review is not ready")

    monkeypatch.setattr(amendments, "AMENDMENT_NOTICE_FOLLOW_UPS", [refuse])
    with pytest.raises(ServiceError, match="review is not ready"):
        amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=NOTICE,
                                         expected_version=amendment.version)
    assert fresh(amendment).status == "draft" and not Message.objects.filter(kind="plans.amendment_notice")


def test_notice_on_a_stale_version_or_before_the_meeting_is_refused():
    plan, user = final_plan()
    amendment = amendment_with_change(plan, user)
    with pytest.raises(StaleEdit):
        amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=NOTICE,
                                         expected_version=amendment.version - 1)
    with pytest.raises(ServiceError, match="before the review meeting"):
        amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=date(2026, 11, 1),
                                         expected_version=amendment.version)
    assert fresh(amendment).status == "draft"


def _sent(plan, user) -> Plan:
    amendment = amendment_with_change(plan, user)
    return amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=NOTICE,
                                            expected_version=amendment.version)


def test_the_amended_plan_waits_for_the_familys_15_days():
    plan, user = final_plan()
    sent = _sent(plan, user)
    with pytest.raises(ServiceError, match="until 24 November 2026.*22\\(2\\)\\(c\\)"):
        amendments.amendment_issue(acting_user=user, amendment=sent, on=date(2026, 11, 24),
                                   placement_type="maintained_school", expected_version=sent.version)
    assert fresh(sent).status == "draft_sent" and fresh(plan).status == "final"


def test_the_amended_plan_cannot_be_issued_before_its_notice():
    plan, user = final_plan()
    amendment = amendment_with_change(plan, user)
    with pytest.raises(ServiceError):
        amendments.amendment_issue(acting_user=user, amendment=amendment, on=date(2026, 11, 30),
                                   placement_type="maintained_school", expected_version=amendment.version)
    assert fresh(amendment).status == "draft" and fresh(plan).status == "final"


def test_issuing_the_amended_plan_replaces_the_old_one_and_carries_its_clock():
    plan, user = final_plan()
    sent = _sent(plan, user)
    issued = amendments.amendment_issue(acting_user=user, amendment=sent, on=date(2026, 11, 25),
                                        placement_type="maintained_school", placement_name="Oakfield Primary School",
                                        expected_version=sent.version)
    old = fresh(plan)
    assert (issued.status, issued.issued_on, old.status) == ("final", date(2026, 11, 25), "replaced")
    assert (issued.first_made_on, issued.review_due_on) == (ISSUED, old.review_due_on)
    assert Message.objects.filter(kind="plans.amended_issued").exists()


def test_deciding_not_to_amend_needs_reasons_and_tells_the_family_with_appeal_date():
    plan, user = final_plan()
    sent = _sent(plan, user)
    with pytest.raises(ServiceError, match="why the plan will not be amended"):
        amendments.amendment_not_make(acting_user=user, amendment=sent, on=date(2026, 11, 20), reasons=" ",
                                      expected_version=sent.version)
    with pytest.raises(StaleEdit):
        amendments.amendment_not_make(acting_user=user, amendment=sent, on=date(2026, 11, 20), reasons="No",
                                      expected_version=sent.version + 5)
    assert fresh(sent).status == "draft_sent" and not Message.objects.filter(kind="plans.not_amended")
    decided = amendments.amendment_not_make(acting_user=user, amendment=sent, on=date(2026, 11, 20),
                                            reasons="The school can meet the needs with the current provision.",
                                            expected_version=sent.version)
    assert (decided.status, decided.not_amended_on) == ("not_amended", date(2026, 11, 20))
    assert fresh(plan).status == "final"
    message = Message.objects.get(kind="plans.not_amended")
    assert message.values["last_day"] == "2027-01-20"  # 2 months after 20 November 2026 (HESC r.20)
    assert AuditEvent.objects.filter(what__contains="decided not to amend").count() == 1


def test_a_new_amendment_may_start_once_the_last_one_is_finished():
    plan, user = final_plan()
    sent = _sent(plan, user)
    amendments.amendment_not_make(acting_user=user, amendment=sent, on=date(2026, 11, 20), reasons="No longer needed",
                                  expected_version=sent.version)
    again = amendments.amendment_start(acting_user=user, plan=fresh(plan), reason="Try again")
    assert again.status == "draft"


def test_the_worklist_shows_the_notice_then_the_amended_plan_with_dates_and_rules():
    from pathfinder.plans.worklist import amendment_steps

    plan, user = final_plan()
    caseworker = plan.assessment.caseworker
    amendment = amendment_with_change(plan, user)
    (item,) = amendment_steps(caseworker, date(2026, 11, 5))
    assert (item.due, item.title) == (date(2026, 11, 30), "Send the amendment notice with the proposed amendments")
    assert "reg 20(10)" in item.reason and not item.is_overdue
    assert amendment_steps(caseworker, date(2026, 12, 1))[0].is_overdue
    amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=NOTICE,
                                     expected_version=amendment.version)
    (item,) = amendment_steps(caseworker, date(2026, 11, 20))
    assert item.due == date(2027, 1, 5) and "reg 22(3)" in item.reason
    assert amendment_steps(CaseworkerFactory(team=plan.child.team), date(2026, 11, 20)) == []
