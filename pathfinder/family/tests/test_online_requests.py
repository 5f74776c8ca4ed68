"""The online request for an assessment: received when sent, by the caseworker's own rule; the family is told
the date by which the council must decide; the case made from it keeps that clock."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

import statutory
from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.services import assessment_request_create, statutory_due_dates
from pathfinder.audit.models import AuditEvent
from pathfinder.core.calendar import council_calendar
from pathfinder.core.errors import ServiceError
from pathfinder.core.models import NonWorkingDay
from pathfinder.family.models import OnlineRequest, RequestStatus
from pathfinder.family.online_requests import online_request_make_case, online_request_receipt, online_request_submit
from pathfinder.family.tests.factories import OnlineRequestFactory
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


DATA = {
    "requester_kind": "parent", "requester_name": "Jo Bramley", "relationship": "Mum", "email": "jo@example.test",
    "phone": "", "address": "", "postcode": "WM1 1AA", "child_first_name": "Sam", "child_last_name": "Bramley",
    "child_date_of_birth": date(2015, 9, 14), "setting_name": "Oakfield Primary School",
    "needs": "Sam finds reading hard.", "support_so_far": "", "why_now": "", "agrees_to_share": True,
}


class TestTheReceivedRuleIsTheCaseworkersRule:
    """Unit tests: one rule, statutory.request_received_on, whichever way a request comes in."""

    @pytest.mark.parametrize(("sent", "received"), [
        (at(2026, 11, 26, 9, 0), date(2026, 11, 26)),     # a Thursday morning: that day
        (at(2026, 11, 26, 17, 0), date(2026, 11, 26)),    # 5pm exactly is not after 5pm
        (at(2026, 11, 26, 17, 1), date(2026, 11, 27)),    # after 5pm: the next working day
        (at(2026, 11, 27, 18, 30), date(2026, 11, 30)),   # Friday evening: Monday
        (at(2026, 11, 28, 11, 0), date(2026, 11, 30)),    # Saturday: Monday
        (at(2026, 8, 31, 10, 0), date(2026, 9, 1)),       # the summer bank holiday: Tuesday
    ])
    def test_online_receipt_matches_what_the_caseworker_form_would_record(self, sent, received):
        receipt = online_request_receipt(sent)
        assert receipt.counts_from == received
        # The caseworker's form: the day it arrived and a tick for "It arrived after 5pm".
        by_hand = statutory.request_received_on(sent.date(), after_hours=sent.time() > time(17, 0),
                                                calendar=council_calendar())
        assert by_hand.counts_from == received

    def test_a_day_the_council_is_closed_counts_as_not_working(self):
        NonWorkingDay.objects.create(day=date(2026, 11, 26), reason="Office move")
        assert online_request_receipt(at(2026, 11, 26, 10, 0)).counts_from == date(2026, 11, 27)


class TestSubmit:
    def test_sent_on_a_saturday_it_is_received_on_monday_and_the_decision_date_counts_from_then(self):
        online = online_request_submit(data=DATA, ip_address="203.0.113.9", now=at(2026, 11, 28, 11, 0))
        assert (online.arrived_on, online.received_on) == (date(2026, 11, 28), date(2026, 11, 30))
        assert online.decision_due_on == statutory_due_dates(date(2026, 11, 30))["decision_due_on"]
        assert online.reference.startswith("EHC-")

    def test_a_robot_filling_the_hidden_field_saves_nothing(self):
        assert online_request_submit(data=DATA, ip_address="203.0.113.9", honeypot="http://spam") is None
        assert not OnlineRequest.objects.exists()

    def test_one_address_may_send_only_a_few_an_hour(self, settings):
        settings.PATHFINDER_FAMILY_FORMS_PER_HOUR = 2
        for _ in range(2):
            online_request_submit(data=DATA, ip_address="203.0.113.9")
        with pytest.raises(ServiceError):
            online_request_submit(data=DATA, ip_address="203.0.113.9")
        online_request_submit(data=DATA, ip_address="198.51.100.7")  # someone else is not held up


class TestMakeCase:
    def test_the_case_keeps_the_clock_the_family_was_told(self):
        online = online_request_submit(data=DATA, ip_address="203.0.113.9", now=at(2026, 11, 27, 18, 30))
        caseworker = CaseworkerFactory()
        assessment = online_request_make_case(acting_user=caseworker, online=online, child=None)
        assert assessment.received_on == online.received_on == date(2026, 11, 30)
        assert assessment.arrived_on == date(2026, 11, 27) and assessment.arrived_after_hours
        assert assessment.decision_due_on == online.decision_due_on
        assert assessment.received_by == "online" and assessment.request_source == "1"
        child = assessment.child
        assert (child.legal_first_name, child.team) == ("Sam", caseworker.team)
        assert child.family_members.get().name == "Jo Bramley"
        online.refresh_from_db()
        assert (online.status, online.assessment) == (RequestStatus.DONE, assessment)

    def test_matched_to_an_existing_child(self):
        child = ChildFactory(legal_first_name="Sam", legal_last_name="Bramley", date_of_birth=date(2015, 9, 14))
        online = OnlineRequestFactory(arrived_on=date(2026, 11, 2))
        assessment = online_request_make_case(acting_user=CaseworkerFactory(team=child.team), online=online,
                                              child=child)
        assert assessment.child == child and assessment.received_on == date(2026, 11, 2)

    def test_a_child_with_an_open_request_is_refused_and_the_online_request_still_waits(self):
        child = ChildFactory()
        caseworker = CaseworkerFactory(team=child.team)
        assessment_request_create(acting_user=caseworker, child=child, received_on=date(2026, 10, 1),
                                  received_by="email", request_source="1")
        online = OnlineRequestFactory()
        with pytest.raises(ServiceError):
            online_request_make_case(acting_user=caseworker, online=online, child=child)
        online.refresh_from_db()
        assert online.status == RequestStatus.WAITING


class TestPages:
    def test_anyone_sends_it_and_sees_the_date(self, client):
        post = {k: v for k, v in DATA.items() if k != "child_date_of_birth"}
        post.update({"child_date_of_birth-day": "14", "child_date_of_birth-month": "9",
                     "child_date_of_birth-year": "2015", "agrees_to_share": "on"})
        response = client.post(reverse("family:online-request"), post, follow=True)
        online = OnlineRequest.objects.get()
        text = response.content.decode()
        assert online.reference in text
        assert f"We must tell you by {online.decision_due_on.day} {online.decision_due_on:%B %Y} whether" in text

    def test_the_acknowledgement_is_not_shown_to_another_browser(self, client):
        assert client.get(reverse("family:online-request-sent")).status_code == 404

    def test_a_missing_answer_is_shown_with_the_govuk_error_summary(self, client):
        response = client.post(reverse("family:online-request"), {"requester_kind": "parent"})
        text = response.content.decode()
        assert response.status_code == 200 and "There is a problem" in text and "Enter what they find hard" in text

    def test_signed_in_the_form_is_filled_in_from_the_record(self, client):
        parent = ParentFactory(first_name="Jo", last_name="Bramley")
        member = FamilyMemberFactory(user=parent, child__legal_first_name="Sam")
        sign_in(client, parent)
        text = client.get(reverse("family:online-request")).content.decode()
        assert 'value="Sam"' in text and 'value="Jo Bramley"' in text
        assert AuditEvent.objects.filter(child=member.child, actor=parent, action="view").exists()

    def test_the_caseworker_turns_it_into_a_case(self, client):
        online = OnlineRequestFactory(arrived_on=date(2026, 11, 2))
        caseworker = CaseworkerFactory()
        sign_in(client, caseworker)
        assert online.reference in client.get(reverse("family:requests")).content.decode()
        url = reverse("family:online-request-check", kwargs={"request_id": online.pk})
        assert "None of these: make a new record" in client.get(url).content.decode()
        response = client.post(url, {"child": "new", "version": "1"})
        online.refresh_from_db()
        assert response.status_code == 302 and online.assessment.received_on == date(2026, 11, 2)
        assert client.get(url).status_code == 404  # dealt with: not offered again
