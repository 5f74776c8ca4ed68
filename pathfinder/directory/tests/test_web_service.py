"""The public service page, 'Report something out of date', comments on one service, and information pages."""

from __future__ import annotations

import html
import re
from datetime import date, time

import pytest
from django.urls import reverse

from pathfinder.directory.constants import OrganisationKind, ServiceStatus
from pathfinder.directory.models import Contact, CostOption, InformationPage, OutOfDateReport
from pathfinder.directory.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    link,
    term,
)
from pathfinder.feedback.models import Comment

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert(1)</script>"


def _errors(response) -> list[str]:
    return [html.unescape(e) for e in re.findall(r'<a href="#[^"]*">([^<]+)</a>', response.content.decode())]


def test_service_page_answers_what_who_how_cost_when_where_contact_and_last_checked(client):
    service = ServiceFactory(
        name="Little Voices", description="Speech and language sessions for young children.",
        minimum_age=2, maximum_age=5, eligibility="Children waiting for speech therapy.",
        how_to_access="Phone to book a place.", referral_route="both", is_free=False, fees="£3 a session",
        phone="01632 960123", email="hello@littlevoices.example", url="https://littlevoices.example",
        assured_date=date(2026, 9, 14), in_person=True, online=True,
    )
    link(service, term("send-needs", "SLCN"), term("support-kinds", "therapy"))
    ScheduleFactory(service=service, byday="MO,TU,WE,TH,FR", opens_at=time(9, 30), closes_at=time(12))
    ServiceAtLocationFactory(service=service, location=LocationFactory(
        name="Wealdbury Family Hub", address_1="1 Market Street", town="Wealdbury", postcode="WM1 1AA",
        accessibility="Step-free entrance and an accessible toilet."))
    Contact.objects.create(service=service, name="Asha Patel", title="Lead therapist", phone="01632 960124")
    CostOption.objects.create(service=service, option="Per session", amount="3.00")

    page = html.unescape(client.get(reverse("directory:service", args=[service.pk])).content.decode())
    for expected in ("Little Voices", "Speech and language sessions", "2 to 5 years", "Speech, language and communication",
                     "Therapies", "Children waiting for speech therapy.",
                     "Families can contact the service, or a professional can refer", "Phone to book a place.",
                     "in person, online", "There is a cost.", "£3 a session", "Per session: £3.00",
                     "Monday to Friday, 9:30am to 12 noon", "Wealdbury Family Hub", "1 Market Street",
                     "Step-free entrance and an accessible toilet.", "01632 960123",
                     'href="mailto:hello@littlevoices.example"', 'href="https://littlevoices.example"',
                     "Asha Patel, Lead therapist", "Last checked: 14 September 2026",
                     "Report something out of date"):
        assert expected in page, expected
    assert "Schedule 2" not in page  # not a school: no para 5 questions


def test_a_school_page_answers_the_schedule_2_questions_under_headings(client):
    school = OrganisationFactory(name="Oakfield Primary", kind=OrganisationKind.MAINTAINED_SCHOOL)
    service = ServiceFactory(organisation=school, name="Oakfield Primary SEN support",
                             local_offer_answers={"a": "Quality first teaching with small-group help.",
                                                  "j": "A nurture room and a trained ELSA."})
    page = html.unescape(client.get(reverse("directory:service", args=[service.pk])).content.decode())
    assert "How do you teach children and young people with special educational needs?" in page
    assert "Quality first teaching with small-group help." in page
    assert "How do you support emotional, mental and social development?" in page
    assert "A nurture room and a trained ELSA." in page
    assert "Schedule 2, paragraph 5" in page


def test_unpublished_stale_closed_and_malformed_services_are_not_found(client):
    draft = ServiceFactory(is_published=False)
    stale = ServiceFactory(assured_date=date(2020, 1, 1))
    closed = ServiceFactory(status=ServiceStatus.DEFUNCT)
    for service_id in (draft.pk, stale.pk, closed.pk, "not-a-uuid"):
        assert client.get(reverse("directory:service", args=[service_id])).status_code == 404
        assert client.get(reverse("directory:report", args=[service_id])).status_code == 404


def test_report_something_out_of_date_is_kept_for_the_officer(client):
    service = ServiceFactory(name="Splash club")
    url = reverse("directory:report", args=[service.pk])
    response = client.post(url, {"problem": "", "details": ""})
    assert "Select what is out of date or wrong" in _errors(response)
    assert "Tell us what is wrong or out of date" in _errors(response)

    response = client.post(url, {"problem": "times", "details": "It moved to Thursdays.",
                                 "email": "sam@example.org"})
    assert response.status_code == 302
    report = OutOfDateReport.objects.get()
    assert report.service == service and report.message == "Opening times or dates: It moved to Thursdays."
    assert report.reporter_email == "sam@example.org" and not report.resolved
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_report_honeypot_and_rate_limit(client, settings):
    settings.PATHFINDER_FEEDBACK_PER_HOUR = 1
    service = ServiceFactory()
    url = reverse("directory:report", args=[service.pk])
    client.post(url, {"problem": "other", "details": "Spam", "website": "http://spam.example"})
    assert not OutOfDateReport.objects.exists()
    assert client.post(url, {"problem": "other", "details": "Wrong phone"}).status_code == 302
    response = client.post(url, {"problem": "other", "details": "Wrong email too"})
    assert any("several messages in the last hour" in e for e in _errors(response))
    assert OutOfDateReport.objects.count() == 1


def test_a_family_can_comment_on_one_service(client):
    service = ServiceFactory(name="Splash club")
    page = client.get(reverse("directory:service", args=[service.pk])).content.decode()
    comment_url = f"{reverse('feedback:comment')}?service={service.pk}"
    assert html.escape(comment_url) in page
    response = client.post(comment_url, {"text": "The pool is too cold for my son."})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.topic == "service" and comment.service_id == str(service.pk) and comment.service_name == "Splash club"


def test_provider_text_is_always_escaped(client):
    organisation = OrganisationFactory(name=SCRIPT)
    service = ServiceFactory(organisation=organisation, name=SCRIPT, description=SCRIPT, eligibility=SCRIPT,
                             how_to_access=SCRIPT, fees=SCRIPT, is_free=False, phone=SCRIPT,
                             email="a@example.org", url="javascript:alert(1)",
                             local_offer_answers={"a": SCRIPT})
    ScheduleFactory(service=service, description=SCRIPT)
    ServiceAtLocationFactory(service=service, location=LocationFactory(name=SCRIPT, accessibility=SCRIPT))
    Contact.objects.create(service=service, name=SCRIPT)
    for response in (client.get(reverse("directory:service", args=[service.pk])),
                     client.get(reverse("directory:search"), {"q": "alert"}),
                     client.get(reverse("directory:search"), {"q": SCRIPT})):
        page = response.content.decode()
        assert SCRIPT not in page
        assert 'href="javascript:' not in page
    page = client.get(reverse("directory:service", args=[service.pk])).content.decode()
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 9


def test_information_pages_are_listed_and_shown_as_plain_text(client):
    InformationPage.objects.create(
        slug="travel-to-school", title="Travel to school", summary="Help getting to school or college.",
        topic="travel", body=f"Some children get free travel.\n\nYou can ask for:\n- a bus pass\n- {SCRIPT}",
    )
    InformationPage.objects.create(slug="secret", title="Not ready", body="Draft", published=False)
    listing = client.get(reverse("directory:information")).content.decode()
    assert "Travel to school" in listing and "Not ready" not in listing
    assert "another format" in listing  # reg 57: other ways to get the Local Offer
    page = client.get(reverse("directory:information-page", args=["travel-to-school"])).content.decode()
    assert "<p class=\"govuk-body\">Some children get free travel.</p>" in page
    assert "<li>a bus pass</li>" in page
    assert SCRIPT not in page and "&lt;script&gt;" in page
    assert client.get(reverse("directory:information-page", args=["secret"])).status_code == 404
