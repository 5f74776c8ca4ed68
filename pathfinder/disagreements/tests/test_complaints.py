"""Ombudsman complaints: recorded, decided, remedies done (the last closes it), and overdue ones on the worklist."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.disagreements import complaints
from pathfinder.disagreements.models_complaints import OmbudsmanComplaint
from pathfinder.disagreements.worklist import remedies_due
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided():
    child = ChildFactory()
    user = CaseworkerFactory(team=child.team)
    made = complaints.complaint_record(acting_user=user, child=child, received_on=date(2026, 1, 5),
                                       complaint="The plan was issued 10 weeks late.", reference=" 25 001 234 ")
    assert made.reference == "25 001 234" and made.status == "investigating"
    made = complaints.complaint_finding_record(acting_user=user, complaint=made, finding="upheld_injustice",
                                               finding_on=date(2026, 4, 1), expected_version=made.version,
                                               finding_summary="Fault causing injustice.")
    return made, user


def test_remedies_are_tracked_and_the_last_done_closes_the_complaint(decided):
    complaint, user = decided
    first = complaints.remedy_add(acting_user=user, complaint=complaint, description="Apologise",
                                  due_on=date(2026, 5, 1))
    second = complaints.remedy_add(acting_user=user, complaint=complaint, description="Pay £300",
                                   due_on=date(2026, 5, 1))
    complaints.remedy_done(acting_user=user, remedy=first, done_on=date(2026, 4, 10), expected_version=1)
    assert OmbudsmanComplaint.objects.get(pk=complaint.pk).status == "decided"
    complaints.remedy_done(acting_user=user, remedy=second, done_on=date(2026, 4, 20), expected_version=1)
    assert OmbudsmanComplaint.objects.get(pk=complaint.pk).status == "closed"


def test_the_same_remedy_sent_twice_is_added_once(decided):
    complaint, user = decided
    complaints.remedy_add(acting_user=user, complaint=complaint, description="Apologise", due_on=date(2026, 5, 1))
    with pytest.raises(ServiceError, match="already recorded"):
        complaints.remedy_add(acting_user=user, complaint=complaint, description=" Apologise ",
                              due_on=date(2026, 5, 1))
    assert complaint.remedies.count() == 1


def test_refusals_change_nothing(decided):
    complaint, user = decided
    with pytest.raises(ServiceError, match="before the Ombudsman's decision"):
        complaints.remedy_add(acting_user=user, complaint=complaint, description="Apologise",
                              due_on=date(2026, 3, 1))
    remedy = complaints.remedy_add(acting_user=user, complaint=complaint, description="Apologise",
                                   due_on=date(2026, 5, 1))
    with pytest.raises(StaleEdit):
        complaints.remedy_done(acting_user=user, remedy=remedy, done_on=date(2026, 4, 10), expected_version=7)
    with pytest.raises(ServiceError, match="every remedy"):
        complaints.complaint_close(acting_user=user, complaint=complaint, expected_version=complaint.version)
    assert OmbudsmanComplaint.objects.get(pk=complaint.pk).status == "decided"
    with pytest.raises(ServiceError, match="cannot record the Ombudsman's decision now"):
        complaints.complaint_finding_record(acting_user=user, complaint=complaint, finding="not_upheld",
                                            finding_on=date(2026, 4, 2), expected_version=complaint.version)


def test_a_finding_before_the_complaint_is_refused():
    child = ChildFactory()
    user = CaseworkerFactory(team=child.team)
    made = complaints.complaint_record(acting_user=user, child=child, received_on=date(2026, 1, 5), complaint="x")
    with pytest.raises(ServiceError, match="before the complaint"):
        complaints.complaint_finding_record(acting_user=user, complaint=made, finding="not_upheld",
                                            finding_on=date(2026, 1, 4), expected_version=made.version)
    assert OmbudsmanComplaint.objects.get(pk=made.pk).finding == ""


def test_the_same_complaint_sent_twice_is_recorded_once():
    """A double click sends the form twice: the second finds the first (same day and words, or same reference)."""
    child = ChildFactory()
    user = CaseworkerFactory(team=child.team)
    complaints.complaint_record(acting_user=user, child=child, received_on=date(2026, 1, 5),
                                complaint="The plan was late.", reference="25 001 234")
    with pytest.raises(ServiceError, match="already recorded") as refused:
        complaints.complaint_record(acting_user=user, child=child, received_on=date(2026, 1, 5),
                                    complaint=" The plan was late. ")
    assert refused.value.field == "complaint"
    with pytest.raises(ServiceError, match="already recorded"):
        complaints.complaint_record(acting_user=user, child=child, received_on=date(2026, 2, 1),
                                    complaint="Another matter", reference="25 001 234")
    complaints.complaint_record(acting_user=user, child=ChildFactory(), received_on=date(2026, 1, 5),
                                complaint="The plan was late.")  # another child's complaint in the same words
    assert OmbudsmanComplaint.objects.filter(child=child).count() == 1


def test_an_overdue_remedy_is_on_the_teams_worklist(decided):
    complaint, user = decided
    today = timezone.localdate()
    complaints.remedy_add(acting_user=user, complaint=complaint, description="Apologise",
                          due_on=max(today - timedelta(days=3), complaint.finding_on))
    items = remedies_due(user, today)
    assert [i.title for i in items] == ["Ombudsman remedy: Apologise"]
    assert items[0].is_overdue
    assert remedies_due(CaseworkerFactory(), today) == []
