"""The amendment's pages: propose, edit with the plan's pages, send, read as tracked changes, issue, versions;
and who may open each (a role-by-URL matrix: another parent gets 404, as for any child they may not see)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import (
    AdviserFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans import amendments
from pathfinder.plans.models import Plan
from pathfinder.plans.tests.factories_amendments import amendment_with_change, final_plan

pytestmark = pytest.mark.django_db
OK, NOT_FOUND, FORBIDDEN = 200, 404, 403


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _date(prefix: str, day: date) -> dict:
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def test_the_caseworker_proposes_edits_sends_and_issues_and_the_versions_compare(client):
    plan, user = final_plan()
    sign_in(client, user)
    kw = {"child_id": plan.child_id, "plan_id": plan.pk}
    page = client.get(reverse("plans:document", kwargs=kw))
    assert "Propose amendments" in page.content.decode()
    response = client.post(reverse("plans:amend", kwargs=kw), {"reason": "More speech therapy after the review",
                                                              **_date("review_meeting_on", date(2026, 11, 2))})
    amendment = Plan.objects.get(kind="amendment")
    assert response.status_code == 302 and response.url == reverse("plans:overview", kwargs={
        "child_id": plan.child_id, "plan_id": amendment.pk})
    akw = {"child_id": plan.child_id, "plan_id": amendment.pk}
    overview = client.get(response.url).content.decode()
    assert "Proposed amendments to the EHC plan" in overview and "Draft EHC plan" not in overview
    assert "4 weeks from the review meeting" in overview
    section = client.get(reverse("plans:provision", kwargs={**akw, "section": "F"})).content.decode()
    assert "Proposed amendments to the EHC plan for" in section and "Back to the proposed amendments" in section
    refused = client.post(reverse("plans:check", kwargs=akw), {"version": amendment.version,
                                                              **_date("served_on", date(2026, 11, 10))})
    assert "do not change anything" in refused.content.decode()
    amendment = _change_f(amendment, user)
    sent = client.post(reverse("plans:check", kwargs=akw), {"version": amendment.version,
                                                           **_date("served_on", date(2026, 11, 10))})
    assert sent.status_code == 302
    tracked = client.get(reverse("plans:changes", kwargs=akw)).content.decode()
    assert '<del class="pf-del"><span class="govuk-visually-hidden">removed: </span>45</del>' in tracked
    assert '<ins class="pf-ins"><span class="govuk-visually-hidden">added: </span>60</ins>' in tracked
    amendment.refresh_from_db()
    issue_page = client.get(reverse("plans:final", kwargs=akw)).content.decode()
    assert "Issue the amended plan" in issue_page and "25 November 2026" in issue_page
    issued = client.post(reverse("plans:final", kwargs=akw), {
        "version": amendment.version, **_date("issued_on", date(2026, 11, 25)), "placement_type": "maintained_school",
        "placement_name": "Oakfield Primary School", "placement_urn": ""})
    assert issued.status_code == 302
    assert Plan.objects.get(pk=plan.pk).status == "replaced" and Plan.objects.get(pk=amendment.pk).status == "final"
    versions = client.get(reverse("plans:versions", kwargs={"child_id": plan.child_id})).content.decode()
    assert "Used now" in versions and "More speech therapy after the review" in versions
    compared = client.get(reverse("plans:compare", kwargs={"child_id": plan.child_id}),
                          {"before": plan.pk, "after": amendment.pk}).content.decode()
    assert "Compare two versions of the plan" in compared and "added: </span>60" in compared


def _change_f(amendment, user):
    from pathfinder.plans import services

    provision = amendment.provisions.get(section="F")
    services.plan_provision_update(
        acting_user=user, provision=provision, description=provision.description, amount="60 minutes",
        frequency=provision.frequency, provided_by=provision.provided_by, needs=[n.pk for n in provision.needs.all()],
        outcomes=[o.pk for o in provision.outcomes.all()], expected_version=amendment.version)
    amendment.refresh_from_db()
    return amendment


def test_not_amending_needs_reasons_then_the_family_reads_why_and_the_appeal_date(client):
    plan, user = final_plan()
    amendment = amendment_with_change(plan, user)
    amendment = amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=date(2026, 11, 10),
                                                 expected_version=amendment.version)
    sign_in(client, user)
    akw = {"child_id": plan.child_id, "plan_id": amendment.pk}
    empty = client.post(reverse("plans:not-amend", kwargs=akw), {"version": amendment.version, "reasons": "",
                                                                 **_date("decided_on", date(2026, 11, 20))})
    assert "Enter why the plan will not be amended" in empty.content.decode()
    done = client.post(reverse("plans:not-amend", kwargs=akw), {
        "version": amendment.version, "reasons": "The school can meet the need within its own resources.",
        **_date("decided_on", date(2026, 11, 20))})
    assert done.status_code == 302
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    client.logout()
    sign_in(client, parent)
    page = client.get(reverse("plans:document", kwargs=akw)).content.decode()
    assert "within its own resources" in page and "20 January 2027" in page


@pytest.fixture
def world():
    plan, user = final_plan()
    sent = amendment_with_change(plan, user)
    sent = amendments.amendment_notice_send(acting_user=user, amendment=sent, on=date(2026, 11, 10),
                                            expected_version=sent.version)
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    users = {"own caseworker": user, "manager": ManagerFactory(), "other team's caseworker": CaseworkerFactory(),
             "parent": parent, "another parent": ParentFactory(), "adviser": AdviserFactory(),
             "provider": ProviderFactory()}
    return plan, sent, users


READERS = {"own caseworker": OK, "manager": OK, "other team's caseworker": NOT_FOUND, "parent": OK,
           "another parent": NOT_FOUND, "adviser": FORBIDDEN, "provider": FORBIDDEN}
STAFF = {**READERS, "parent": FORBIDDEN, "another parent": FORBIDDEN}


@pytest.mark.parametrize(("name", "url", "expected"), [
    ("versions", lambda p, a: reverse("plans:versions", kwargs={"child_id": p.child_id}), READERS),
    ("compare", lambda p, a: reverse("plans:compare", kwargs={"child_id": p.child_id}) + f"?before={p.pk}&after={a.pk}",
     READERS),
    ("tracked changes", lambda p, a: reverse("plans:changes", kwargs={"child_id": p.child_id, "plan_id": a.pk}),
     READERS),
    ("propose amendments", lambda p, a: reverse("plans:amend", kwargs={"child_id": p.child_id, "plan_id": p.pk}),
     STAFF),
    ("not amend", lambda p, a: reverse("plans:not-amend", kwargs={"child_id": p.child_id, "plan_id": a.pk}), STAFF),
])
def test_who_may_open_each_amendment_page(client, world, name, url, expected):
    plan, sent, users = world
    address = url(plan, sent)
    for role, status in expected.items():
        client.logout()
        sign_in(client, users[role])
        assert client.get(address).status_code == status, (name, role)
    assert AuditEvent.objects.filter(what__contains="EHC plan").exists()


def test_the_family_does_not_see_an_amendment_before_its_notice(client):
    plan, user = final_plan()
    draft = amendments.amendment_start(acting_user=user, plan=plan, reason="Change")
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    sign_in(client, parent)
    assert client.get(reverse("plans:changes", kwargs={"child_id": plan.child_id, "plan_id": draft.pk})
                      ).status_code == NOT_FOUND
    versions = client.get(reverse("plans:versions", kwargs={"child_id": plan.child_id})).content.decode()
    assert "Change" not in versions.split("<table", 1)[1].split("</table>")[0]


def test_the_family_reads_the_changes_and_comments_on_section_f_asks_to_meet_and_for_a_school(client):
    from django.utils import timezone

    from pathfinder.plans.models import Representation

    plan, user = final_plan()
    amendment = amendment_with_change(plan, user)
    today = timezone.localdate()
    amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=today,
                                     expected_version=amendment.version)
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    sign_in(client, parent)
    akw = {"child_id": plan.child_id, "plan_id": amendment.pk}
    home = client.get(reverse("family:home")).content.decode()
    assert "Read the changes we want to make to the EHC plan" in home
    tracked = client.get(reverse("plans:changes", kwargs=akw)).content.decode()
    assert "added: </span>60" in tracked and "Comment on the changes, section by section" in tracked
    document = client.get(reverse("plans:document", kwargs=akw)).content.decode()
    assert "These are the changes we want to make" in document and "to comment on the proposed changes" in document
    sent = client.post(reverse("plans:comment-section", kwargs={**akw, "section": "f"}),
                       {"text": "Sixty minutes is right, but please say who the therapist will be."})
    assert sent.status_code == 302
    comment = Representation.objects.get(plan=amendment)
    assert (comment.section, comment.after_window_closed) == ("F", False)
    assert client.post(reverse("plans:meeting-request", kwargs=akw), {
        "text": "The new provision", "meeting_times": "Tuesday mornings"}).status_code == 302
    assert client.post(reverse("plans:family-school", kwargs=akw), {
        "institution_name": "Wealdmoor Academy", "institution_type": "academy"}).status_code == 302
    assert amendment.placement_requests.get().institution_name == "Wealdmoor Academy"
    assert Representation.objects.filter(plan=amendment, kind="meeting").exists()
    from pathfinder.plans.worklist import meeting_requests

    (item,) = meeting_requests(plan.assessment.caseworker, today)
    assert "proposed amendments" in item.title and "22(2)(c)" in item.reason
    client.logout()
    sign_in(client, user)
    overview = client.get(reverse("plans:overview", kwargs=akw)).content.decode()
    assert "please say who the therapist will be" in overview


def test_the_familys_amendment_pages_are_plain_english(client):
    """Reading age (as test_family_reading_age measures it) of the family's pages about an amendment, without the
    plan's own wording."""
    import re

    from pathfinder.plans.tests.test_family_reading_age import CEILING, _main_words, _reading_age

    plan, user = final_plan()
    sent = amendment_with_change(plan, user)
    sent = amendments.amendment_notice_send(acting_user=user, amendment=sent, on=date(2026, 11, 10),
                                            expected_version=sent.version)
    amendments.amendment_not_make(acting_user=user, amendment=sent, on=date(2026, 11, 20),
                                  reasons="The school can meet the needs.", expected_version=sent.version)
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    sign_in(client, parent)
    kw = {"child_id": plan.child_id, "plan_id": sent.pk}
    pages = {
        "what would change": client.get(reverse("plans:changes", kwargs=kw)),
        "versions": client.get(reverse("plans:versions", kwargs={"child_id": plan.child_id})),
        "we will not change the plan": client.get(reverse("plans:document", kwargs=kw)),
    }
    ages = {}
    for name, response in pages.items():
        assert response.status_code == 200, name
        response.content = re.sub(rb'<section aria-labelledby="tracked-.*?</section>', b" ", response.content,
                                  flags=re.S)
        # A table cell, caption or option is read as its own block, like a paragraph.
        response.content = re.sub(rb"</(td|th|caption|option)>", b"</p>", response.content)
        ages[name] = round(_reading_age(_main_words(response)), 1)
    assert not {name: age for name, age in ages.items() if age > CEILING}, ages


def test_every_plan_page_opens_for_an_amendment_being_written(client):
    plan, user = final_plan()
    amendment = amendment_with_change(plan, user)
    sign_in(client, user)
    akw = {"child_id": plan.child_id, "plan_id": amendment.pk}
    pages = [reverse("plans:overview", kwargs=akw), reverse("plans:document", kwargs=akw),
             reverse("plans:needs", kwargs=akw), reverse("plans:outcomes", kwargs=akw),
             reverse("plans:section", kwargs={**akw, "section": "a"}),
             reverse("plans:provision", kwargs={**akw, "section": "F"}), reverse("plans:placements", kwargs=akw),
             reverse("plans:check", kwargs=akw), reverse("plans:final", kwargs=akw),
             reverse("plans:changes", kwargs=akw), reverse("plans:not-amend", kwargs=akw)]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Draft EHC plan for" not in response.content.decode(), url
    assert "names Oakfield Primary School" in client.get(reverse("plans:placements", kwargs=akw)).content.decode()
    in_force = client.get(reverse("plans:document", kwargs={"child_id": plan.child_id, "plan_id": plan.pk}))
    assert "Amendments to this plan are being written" in in_force.content.decode()
    assert "Propose amendments" not in in_force.content.decode()
    # A request for a re-assessment can still arrive while amendments are written (reg 24).
    assert "Record a request for a re-assessment" in in_force.content.decode()
