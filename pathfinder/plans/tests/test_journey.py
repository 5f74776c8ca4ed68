"""The EHC plan from the decision to issue to the final PDF, through the real pages (no JavaScript needed).

Dates are fixed in the past and passed in the forms, so nothing depends on the day the test runs.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.tests.factories import DraftingFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans.models import Plan, Representation
from pathfinder.plans.tests.factories import complete_plan
from pathfinder.plans.tests.pdf_reading import contains, shown_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _date(prefix, d):
    return {f"{prefix}-day": d.day, f"{prefix}-month": d.month, f"{prefix}-year": d.year}


def _errors(response) -> list[str]:
    """The messages in the GOV.UK error summary."""
    html = response.content.decode()
    summary = html.split('govuk-error-summary__list', 1)
    return re.findall(r'<a href="#[^"]*">([^<]+)</a>', summary[1].split("</ul>", 1)[0]) if len(summary) > 1 else []


def url(name, assessment, **extra):
    """A plan page: starting the plan is reached from its assessment; every other page is the plan's own."""
    if name in ("for-assessment", "start"):
        return reverse(f"plans:{name}", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk})
    plan = Plan.objects.get(assessment=assessment)
    return reverse(f"plans:{name}", kwargs={"child_id": plan.child_id, "plan_id": plan.pk, **extra})


def version(assessment) -> int:
    return Plan.objects.get(assessment=assessment).version


def test_draft_to_final_plan_with_pdf(client):
    assessment = DraftingFactory()
    child = assessment.child
    parent_user = ParentFactory()
    FamilyMemberFactory(child=child, user=parent_user, name="Alex Parent")
    caseworker = CaseworkerFactory(team=child.team)
    sign_in(client, caseworker)

    # the plan starts from the case, by its overview's name
    page = client.get(url("for-assessment", assessment))
    assert "Start the draft plan" in page.content.decode()
    assert client.post(url("start", assessment)).status_code == 302
    page = client.get(url("overview", assessment)).content.decode()
    assert "govuk-task-list" in page and "Cannot start yet" in page and "Incomplete" in page

    # sections A, C and D
    for letter, text in (("a", "Sam loves trains."), ("c", "No health needs related to SEN"),
                         ("d", "No social care needs")):
        response = client.post(url("section", assessment, section=letter),
                               {"text": text, "version": version(assessment)})
        assert response.status_code == 302, _errors(response)

    # section B: a need; an empty one is refused with the user's input kept
    response = client.post(url("needs", assessment), {"area": "", "description": "Kept text",
                                                      "version": version(assessment)})
    assert "Enter the area of need" in _errors(response) and "Kept text" in response.content.decode()
    client.post(url("needs", assessment), {"area": "Communication and interaction",
                                           "description": "Sam finds spoken instructions hard to follow.",
                                           "version": version(assessment)})
    plan = Plan.objects.get(assessment=assessment)
    need = plan.needs.get()

    # section E
    response = client.post(url("outcomes", assessment), {
        "description": "By July 2027 Sam will follow a three-step instruction.", "needs": [need.pk],
        "version": version(assessment)})
    assert response.status_code == 302, _errors(response)

    # section F with vague wording: saved, flagged, and sending is refused
    response = client.post(url("provision", assessment, section="F"), {
        "description": "Access to speech therapy", "amount": "45 minutes", "frequency": "as needed",
        "provided_by": "Speech and language therapist", "needs": [need.pk], "version": version(assessment)})
    assert response.status_code == 302, _errors(response)
    page = client.get(url("provision", assessment, section="F")).content.decode()
    assert '<mark class="pf-vague">Access to</mark>' in page and "promises a chance" in page

    check = client.get(url("check", assessment)).content.decode()
    assert "to put right before sending" in check and '<mark class="pf-vague">as needed</mark>' in check
    response = client.post(url("check", assessment), {**_date("served_on", date(2026, 9, 1)),
                                                      "version": version(assessment)})
    assert any("cannot be sent yet" in e for e in _errors(response))
    assert Assessment.objects.get(pk=assessment.pk).status == "decided_to_issue"
    assert Plan.objects.get(assessment=assessment).status == "draft"

    item = plan.provisions.get()
    response = client.post(url("provision-edit", assessment, section="F", provision_id=item.pk), {
        "description": "One-to-one speech and language therapy", "amount": "45 minutes",
        "frequency": "once a week in term time", "provided_by": "Speech and language therapist",
        "needs": [need.pk], "version": version(assessment)})
    assert response.status_code == 302, _errors(response)
    # the golden thread: provision in F must say which outcome in E it works towards
    response = client.post(url("check", assessment), {**_date("served_on", date(2026, 9, 1)),
                                                      "version": version(assessment)})
    assert "F1 is not linked to an outcome in section E" in response.content.decode()
    response = client.post(url("provision-edit", assessment, section="F", provision_id=item.pk), {
        "description": "One-to-one speech and language therapy", "amount": "45 minutes",
        "frequency": "once a week in term time", "provided_by": "Speech and language therapist",
        "needs": [need.pk], "outcomes": [plan.outcomes.get().pk], "version": version(assessment)})
    assert response.status_code == 302, _errors(response)

    # the draft goes to the family
    response = client.post(url("check", assessment), {**_date("served_on", date(2026, 9, 1)),
                                                      "version": version(assessment)})
    assert response.status_code == 302, _errors(response)
    assessment.refresh_from_db()
    assert Plan.objects.get(assessment=assessment).status == "draft_sent"
    assert Plan.objects.get(assessment=assessment).draft_sent_on == date(2026, 9, 1)
    assert assessment.draft_served_on == date(2026, 9, 1)

    # the family's request for a school, and a consultation with its own 15-day reply date
    response = client.post(url("placement-request-new", assessment), {
        "institution_name": "Hill Academy", "institution_type": "academy", "institution_urn": "123456",
        **_date("requested_on", date(2026, 9, 4))})
    assert response.status_code == 302, _errors(response)
    response = client.post(url("consultation-new", assessment), {
        "institution_name": "Hill Academy", "institution_type": "academy", **_date("sent_on", date(2026, 9, 7))})
    assert response.status_code == 302, _errors(response)
    page = client.get(url("placements", assessment)).content.decode()
    assert "22 Sep 2026" in page  # 15 days from 7 September
    assert "Consult it and name it" in page
    consultation = plan.consultations.get()
    response = client.post(url("consultation-reply", assessment, consultation_id=consultation.pk), {
        **_date("responded_on", date(2026, 9, 14)), "can_meet_needs": "yes", "response": "We can meet Sam's needs."})
    assert response.status_code == 302, _errors(response)
    consultation.refresh_from_db()
    assert consultation.can_meet_needs is True and consultation.responded_on == date(2026, 9, 14)

    # the family reads the draft and comments; the caseworker sees the comment
    client.logout()
    sign_in(client, parent_user)
    draft = client.get(url("overview", assessment)).content.decode()
    assert "Draft education, health and care plan" in draft and "15 September 2026" in draft
    response = client.post(url("comment", assessment), {"text": "Please add swimming lessons."})
    assert response.status_code == 302
    assert Representation.objects.get().author == parent_user
    assert client.post(url("needs", assessment), {"area": "x"}).status_code == 403
    client.logout()
    sign_in(client, caseworker)
    assert "Please add swimming lessons." in client.get(url("overview", assessment)).content.decode()

    # too early: the family's 15 days have not ended
    final = {"placement_type": "academy", "placement_name": "Hill Academy", "placement_urn": "123456"}
    response = client.post(url("final", assessment), {**_date("issued_on", date(2026, 9, 15)), **final,
                                                      "version": version(assessment)})
    assert any("can be issued from 16 September 2026" in e for e in _errors(response))
    assert Plan.objects.get(assessment=assessment).status == "draft_sent"

    response = client.post(url("final", assessment), {**_date("issued_on", date(2026, 9, 20)), **final,
                                                      "version": version(assessment)})
    assert response.status_code == 302, _errors(response)
    assessment.refresh_from_db()
    plan = Plan.objects.get(assessment=assessment)
    assert plan.issued_on == date(2026, 9, 20) and assessment.final_issued_on == date(2026, 9, 20)
    assert plan.status == "final" and plan.placement_name == "Hill Academy" and plan.final_pdf

    # the final plan as a web page: sections, captions, golden thread, rights
    page = client.get(response["Location"]).content.decode()
    for heading in ("Section A:", "Section B:", "Section E:", "Section F:", "Section I:", "Section K:"):
        assert heading in page
    assert '<caption class="govuk-table__caption govuk-table__caption--s">Special educational provision' in page
    assert 'scope="row"' in page and "Provision for this need" in page
    assert "20 November 2026" in page  # 2 months to appeal
    assert "only about the school or other placement named in section I" in page

    # the PDF, permission-checked and audited
    response = client.get(url("pdf", assessment), follow=True)
    pdf = b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/pdf"
    assert pdf.startswith(b"%PDF")
    assert contains(pdf, b"/StructTreeRoot") and contains(pdf, b"pdfuaid")
    assert any("instructions" in text for text in shown_text(pdf))
    assert AuditEvent.objects.filter(child=child, action="download").exists()


def test_task_list_statuses_follow_the_checks(client):
    plan = complete_plan(section_c="", section_d="No social care needs")
    sign_in(client, CaseworkerFactory(team=plan.assessment.child.team))
    page = client.get(url("overview", plan.assessment)).content.decode()
    rows = {}
    for chunk in page.split('<li class="govuk-task-list__item')[1:]:
        name_part, status_part = chunk.split("govuk-task-list__status", 1)
        title = re.sub(r"<[^>]*>|<[^>]*$", " ", name_part.split("govuk-task-list__hint")[0].split(">", 1)[1])
        status = re.sub(r"<[^>]+>", " ", status_part.split(">", 1)[1].split("</li>")[0])
        rows[" ".join(title.split())] = " ".join(status.split())
    assert rows.get("A: Views, interests and aspirations") == "Completed", rows
    assert rows["C: Health needs"] == "Incomplete"
    assert rows["F: Special educational provision"] == "Completed"
    assert "I: School or other placement" in page and "Cannot start yet" in page


def test_removing_a_need_through_the_page(client):
    plan = complete_plan()
    need = plan.needs.get()
    sign_in(client, CaseworkerFactory(team=plan.assessment.child.team))
    response = client.post(url("need-remove", plan.assessment, need_id=need.pk), {"version": 1})
    assert response.status_code == 302 and not plan.needs.exists()
    assert Plan.objects.get(pk=plan.pk).version == 2


def test_involved_adviser_reads_the_sent_draft_but_cannot_edit(client):
    from pathfinder.assessments.tests.factories import AdviceRequestFactory
    from pathfinder.plans import workflow

    plan = complete_plan()
    adviser = AdviserFactory()
    AdviceRequestFactory(assessment=plan.assessment, adviser=adviser)
    workflow.plan_draft_send(acting_user=CaseworkerFactory(team=plan.assessment.child.team), plan=plan,
                             on=date(2026, 9, 1), expected_version=1)
    sign_in(client, adviser)
    page = client.get(url("overview", plan.assessment)).content.decode()
    assert "Draft education, health and care plan" in page and "Comment on the draft plan" not in page
    assert client.get(url("check", plan.assessment)).status_code == 403


def test_family_cannot_see_a_draft_before_it_is_sent(client):
    plan = complete_plan()
    parent_user = ParentFactory()
    FamilyMemberFactory(child=plan.assessment.child, user=parent_user)
    sign_in(client, parent_user)
    assert client.get(url("document", plan.assessment)).status_code == 404


def test_adviser_not_involved_cannot_see_the_plan(client):
    plan = complete_plan()
    sign_in(client, AdviserFactory())
    assert client.get(url("document", plan.assessment)).status_code == 404


def test_caseworker_of_another_team_cannot_see_the_plan(client):
    plan = complete_plan()
    sign_in(client, CaseworkerFactory())
    assert client.get(url("overview", plan.assessment)).status_code == 404


def test_stale_section_save_keeps_the_users_text_and_the_first_save(client):
    plan = complete_plan()
    assessment = plan.assessment
    first, second = CaseworkerFactory(team=assessment.child.team), CaseworkerFactory(team=assessment.child.team)
    sign_in(client, first)
    client.post(url("section", assessment, section="a"), {"text": "First words", "version": 1})
    client.logout()
    sign_in(client, second)
    response = client.post(url("section", assessment, section="a"), {"text": "Second words", "version": 1})
    page = response.content.decode()
    assert any("Someone else saved this plan while you were editing" in e for e in _errors(response))
    assert "Second words" in page and "First words" in page  # theirs kept in the form, the saved one shown
    assert Plan.objects.get(pk=plan.pk).section_a == "First words"


def test_final_plan_before_a_draft_is_refused_on_the_page(client):
    plan = complete_plan()
    sign_in(client, CaseworkerFactory(team=plan.assessment.child.team))
    response = client.post(url("final", plan.assessment), {
        **_date("issued_on", date(2026, 9, 20)), "placement_type": "academy", "placement_name": "Hill Academy",
        "version": 1})
    assert any("Send the draft plan first" in e for e in _errors(response))
    assert Plan.objects.get(pk=plan.pk).status == "draft"
