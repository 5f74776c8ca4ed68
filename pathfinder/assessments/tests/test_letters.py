"""Letters give real contact details and appeal dates from the rule book; the case page speaks plainly."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.letters import notice_recipients
from pathfinder.assessments.models import Assessment, AssessmentException
from pathfinder.assessments.tests.factories import AssessingFactory, AssessmentFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans.models import PlanStatus
from pathfinder.plans.pdf import plan_pdf_html
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def _refused(decided_on: date) -> Assessment:
    assessment = AssessmentFactory(status=AssessmentStatus.REFUSED, decided_to_assess=False,
                                   decision_to_assess_on=decided_on, refusal_reasons="Needs can be met.")
    FamilyMemberFactory(child=assessment.child, name="Sam Parent", receives_notices=True,
                        has_parental_responsibility=True)
    return assessment


def _notice(client, assessment) -> str:
    sign_in(client, assessment.caseworker)
    url = reverse("assessments:notice", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk})
    return client.get(url).content.decode()


class TestRefusalNotice:
    def test_it_says_how_to_reach_the_mediation_adviser_sendiass_and_the_send_team(self, client):
        page = _notice(client, _refused(date(2026, 10, 6)))
        for text in ("Wealdmoor Independent SEND Mediation", "01632 960200", "tel:01632960200",
                     "mediation@wealdmoor-mediation.example.org", "https://www.wealdmoor-mediation.example.org",
                     "Wealdmoor SENDIASS", "01632 960300", "help@wealdmoor-sendiass.example.org",
                     "Wealdmoor SEND Assessment Team", "01632 960100", "send.team@wealdmoor.example.org"):
            assert text in page, text

    def test_the_contacts_come_from_settings(self, client, settings):
        settings.COUNCIL_CONTACTS = {
            **settings.COUNCIL_CONTACTS,
            "sendiass": {"name": "Elsewhere IASS", "phone": "01632 960999", "email": "a@iass.example.org",
                         "web": "https://iass.example.org"},
        }
        page = _notice(client, _refused(date(2026, 10, 6)))
        assert "Elsewhere IASS" in page and "01632 960999" in page and "Wealdmoor SENDIASS" not in page

    def test_an_appeal_period_ending_on_a_sunday_runs_to_monday(self, client):
        # 6 Oct + 2 months = Sunday 6 December 2026: in time on Monday 7 December (HESC Rules r.12(2))
        page = _notice(client, _refused(date(2026, 10, 6)))
        assert "must receive your appeal by <strong>7 December 2026</strong>" in page
        assert "Contact the mediation adviser by <strong>6 December 2026</strong>" in page  # reg 33: not moved

    def test_an_appeal_period_ending_in_august_runs_to_september(self, client):
        page = _notice(client, _refused(date(2027, 6, 10)))
        assert "must receive your appeal by <strong>1 September 2027</strong>" in page  # r.12(3)


class TestWhoTheNoticeIsFor:
    """The addressee is decided by statutory.notice_addressees (CFA s.80, s.83(2)); the pages only show it."""

    def test_a_child_s_notice_goes_to_the_parent_with_parental_responsibility(self, client):
        assessment = _refused(date(2026, 10, 6))
        FamilyMemberFactory(child=assessment.child, name="Lee Stepdad", has_parental_responsibility=False)
        page = _notice(client, assessment)
        assert "To: Sam Parent</p>" in page

    def test_a_young_person_s_notice_goes_to_them(self, client):
        assessment = _refused(date(2026, 10, 6))
        assessment.child.date_of_birth = date(2008, 1, 1)  # a young person since June 2024
        assessment.child.save()
        page = _notice(client, assessment)
        assert f"To: {assessment.child.full_name}</p>" in page and "Sam Parent</p>" not in page

    def test_a_representative_receives_it_when_the_young_person_lacks_capacity(self):
        assessment = _refused(date(2026, 10, 6))
        child = assessment.child
        child.date_of_birth, child.lacks_capacity = date(2008, 1, 1), True
        child.save()
        FamilyMemberFactory(child=child, name="Dee Deputy", is_representative=True, receives_notices=False)
        to = notice_recipients(child, date(2026, 10, 6))
        assert to.who == "representative" and to.names == ("Dee Deputy",)


def test_the_final_plan_notice_says_whom_it_is_for():
    plan = PlanFactory(status=PlanStatus.FINAL, issued_on=date(2027, 1, 14))
    plan.assessment.final_issued_on = date(2027, 1, 14)
    plan.assessment.save()
    FamilyMemberFactory(child=plan.assessment.child, name="Pat Parent", has_parental_responsibility=True)
    assert "This notice is for: Pat Parent." in plan_pdf_html(plan)


def test_the_final_plan_notice_and_pdf_give_the_r12_date_and_contacts():
    plan = PlanFactory(status=PlanStatus.FINAL, issued_on=date(2027, 1, 14))  # + 2 months = Sunday 14 March 2027
    plan.assessment.final_issued_on = date(2027, 1, 14)
    plan.assessment.save()
    html = plan_pdf_html(plan)
    assert "must receive your appeal by <strong>15 March 2027</strong>" in html
    assert "01632 960200" in html and "help@wealdmoor-sendiass.example.org" in html
    assert "unless your appeal is only about the school or other placement named in section I" in html


class TestRequestReceivedOnANonWorkingDay:
    def test_a_saturday_request_starts_its_clock_on_monday_and_says_so(self, client):
        assessment = AssessingFactory()
        child, caseworker = assessment.child, assessment.caseworker
        assessment.delete()
        sign_in(client, caseworker)
        response = client.post(reverse("assessments:request-new"), {
            "child": child.pk, "received_on-day": 28, "received_on-month": 11, "received_on-year": 2026,
            "received_by": "email", "request_source": "1",
        }, follow=True)
        created = Assessment.objects.get(child=child)
        assert created.arrived_on == date(2026, 11, 28)
        assert created.received_on == date(2026, 11, 30)
        assert created.decision_due_on == date(2027, 1, 11)
        assert "counts as received on the next working day, Monday 30 November 2026" in response.content.decode()

    def test_after_5pm_counts_from_the_next_working_day(self, client):
        assessment = AssessingFactory()
        child, caseworker = assessment.child, assessment.caseworker
        assessment.delete()
        sign_in(client, caseworker)
        client.post(reverse("assessments:request-new"), {
            "child": child.pk, "received_on-day": 27, "received_on-month": 11, "received_on-year": 2026,
            "received_by": "email", "request_source": "1", "arrived_after_hours": "on",
        })
        assert Assessment.objects.get(child=child).received_on == date(2026, 11, 30)


class TestCasePage:
    def _case(self, client, assessment) -> str:
        sign_in(client, assessment.caseworker)
        url = reverse("assessments:case", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk})
        return client.get(url).content.decode()

    def test_one_day_overdue_is_singular(self, client):
        received = timezone.localdate() - timedelta(days=43)  # the 6-week decision was due yesterday
        page = self._case(client, AssessmentFactory(received_on=received))
        assert "1 day overdue" in page and "1 days" not in page

    def test_exceptions_are_described_not_coded(self, client):
        assessment = AssessingFactory()
        AssessmentException.objects.create(assessment=assessment, code="E3", period_start=date(2026, 6, 10),
                                           period_end=date(2026, 6, 20), evidence="Bereavement",
                                           causal_note="The family could not meet us")
        page = self._case(client, assessment)
        assert "Exceptional personal circumstances" in page
        assert "Exception shown: E3" not in page and "E3" not in page.split("Statutory timeline")[1].split("Advice")[0]


def test_the_caseworker_worklist_describes_an_exception_needing_a_note(client):
    received = timezone.localdate() - timedelta(days=50)  # the decision whether to assess is overdue
    assessment = AssessmentFactory(received_on=received)
    AssessmentException.objects.create(assessment=assessment, code="E3", period_start=received,
                                       period_end=received + timedelta(days=3), evidence="Bereavement")
    sign_in(client, assessment.caseworker)
    page = client.get(reverse("insights:caseworker-home")).content.decode()
    assert "needs a note saying why it made the date impractical" in page
    assert "Exceptional personal circumstances" in page and "Exception E3" not in page
