"""Each role gets exactly what it should on the family portal's pages; a parent guessing another child's
address sees nothing (404) and the try is audited; the case page names roles and organisations, not people."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
    YoungPersonFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessmentFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.family.tests.factories import AccountRequestFactory, OnlineRequestFactory
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302


@pytest.fixture
def world():
    today = timezone.localdate()
    assessment = AssessmentFactory(child__date_of_birth=date(2016, 4, 1), child__legal_first_name="Sam",
                                   child__legal_last_name="Quillfeather",
                                   received_on=today - timedelta(days=10),
                                   caseworker__first_name="Priya", caseworker__last_name="Shah")
    child = assessment.child
    adviser = AdviserFactory(first_name="Hidden", last_name="Adviser", job_title="Educational psychologist",
                             organisation_name="Wealdmoor Educational Psychology Service")
    AdviceRequestFactory(assessment=assessment, adviser=adviser, requested_on=today - timedelta(days=5))
    parent = ParentFactory()
    member = FamilyMemberFactory(child=child, user=parent, relationship="Mother")
    FamilyMemberFactory(child=child, user=ParentFactory(), name="Dev Okafor", relationship="Father",
                        email="dev.private@example.test")
    return {
        "assessment": assessment, "child": child, "member": member,
        "ids": {"child_id": child.pk, "member_id": member.pk,
                "request_id": AccountRequestFactory().pk, "online_id": OnlineRequestFactory().pk},
        "users": {
            "own caseworker": assessment.caseworker, "other team's caseworker": CaseworkerFactory(),
            "manager": ManagerFactory(), "involved adviser": adviser, "parent": parent,
            "another parent": ParentFactory(), "young person (another)": YoungPersonFactory(),
            "administrator": AdministratorFactory(), "provider": ProviderFactory(),
            "local offer officer": LocalOfferOfficerFactory(), "anonymous": None,
        },
    }


def _row(default, **exceptions):
    roles = ["own caseworker", "other team's caseworker", "manager", "involved adviser", "parent", "another parent",
             "young person (another)", "administrator", "provider", "local offer officer", "anonymous"]
    row = {role: default for role in roles}
    row.update({k.replace("_", " ").replace("other teams", "other team's"): v for k, v in exceptions.items()})
    row["anonymous"] = exceptions.get("anonymous", SIGN_IN if default != OK else OK)
    return row


STAFF_ONLY = _row(FORBIDDEN, own_caseworker=OK, manager=OK, **{"other team's caseworker": NOT_FOUND})
STAFF_LISTS = _row(FORBIDDEN, own_caseworker=OK, manager=OK, **{"other team's caseworker": OK})
PAGES = {
    "family start page": ("family:home", (), _row(FORBIDDEN, parent=OK, **{"another parent": OK,
                                                                         "young person (another)": OK})),
    "case timeline": ("family:case", ("child_id",), _row(FORBIDDEN, parent=OK, **{
        "another parent": NOT_FOUND, "young person (another)": NOT_FOUND})),
    "who can see (young person)": ("family:sharing", ("child_id",), _row(FORBIDDEN, **{
        "young person (another)": NOT_FOUND})),
    "invite a family member": ("family:invite", ("child_id", "member_id"), STAFF_ONLY),
    "invite the young person": ("family:invite-young-person", ("child_id",), STAFF_ONLY),
    "record consent": ("family:consent-record", ("child_id", "member_id"), STAFF_ONLY),
    "family requests": ("family:requests", (), STAFF_LISTS),
    "check an account request": ("family:account-request-check", ("request_id",), STAFF_LISTS),
    "check an online request": ("family:online-request-check", ("online_id",), STAFF_LISTS),
    "ask for an account": ("family:account-request", (), _row(OK)),
    "ask for an assessment": ("family:online-request", (), _row(OK)),
}


def _url(name, keys, world):
    ids = world["ids"]
    kwargs = {("request_id" if k == "online_id" else k): ids[k] for k in keys}
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("page", PAGES)
def test_role_matrix(client, world, page):
    name, keys, expected = PAGES[page]
    url = _url(name, keys, world)
    got = {}
    for role, user in world["users"].items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    assert got == expected


def test_a_parent_guessing_another_childs_case_sees_nothing_and_the_try_is_audited(client, world):
    intruder = world["users"]["another parent"]
    sign_in(client, intruder)
    url = reverse("family:case", kwargs={"child_id": world["child"].pk})
    response = client.get(url)
    # The child's surname is one no factory makes, so the intruder's own name in the header cannot match it.
    assert response.status_code == 404 and "Quillfeather" not in response.content.decode()
    event = AuditEvent.objects.get(actor=intruder, action="denied")
    assert event.path == url and event.child is None
    missing = reverse("family:case", kwargs={"child_id": 999999})
    assert client.get(missing).status_code == 404  # the same answer whether the record exists or not


def test_a_parent_guessing_a_staff_page_is_refused_and_nothing_is_made(client, world):
    sign_in(client, world["users"]["another parent"])
    url = reverse("family:invite", kwargs={"child_id": world["child"].pk, "member_id": world["member"].pk})
    assert client.post(url, {"confirm": "on"}).status_code == 403
    assert not world["member"].invitations.exists()


def test_the_case_page_says_what_happens_next_and_who_can_see_it(client, world):
    parent = world["users"]["parent"]
    sign_in(client, parent)
    page = client.get(reverse("family:case", kwargs={"child_id": world["child"].pk})).content.decode()
    due = world["assessment"].decision_due_on
    assert f"We must tell you by {due.day} {due:%B %Y} whether we will assess Sam." in page
    assert "Your caseworker is <strong>Priya Shah</strong>" in page
    assert "Educational psychologist, Wealdmoor Educational Psychology Service" in page
    assert "A father in the family" in page
    assert "Hidden Adviser" not in page and "dev.private@example.test" not in page and "Dev Okafor" not in page
    assert AuditEvent.objects.filter(actor=parent, child=world["child"], action="view",
                                     what="case timeline (family)").exists()


def test_the_young_person_sees_their_own_case_only_once_the_rights_are_theirs(client):
    today = timezone.localdate()
    young = YoungPersonFactory()
    too_young = ChildFactory(date_of_birth=today.replace(year=today.year - 12), user=young)
    sign_in(client, young)
    assert client.get(reverse("family:case", kwargs={"child_id": too_young.pk})).status_code == 404
    older = YoungPersonFactory()
    grown = ChildFactory(date_of_birth=today.replace(year=today.year - 17), user=older)
    AssessmentFactory(child=grown, received_on=today - timedelta(days=5))
    client.logout()
    sign_in(client, older)
    page = client.get(reverse("family:case", kwargs={"child_id": grown.pk})).content.decode()
    assert "Your case" in page and "whether we will assess you." in page


def test_a_date_gone_by_is_not_written_as_still_ahead(client):
    assessment = AssessmentFactory(child__legal_first_name="Sam", received_on=date(2026, 9, 1))
    parent = ParentFactory()
    FamilyMemberFactory(child=assessment.child, user=parent)
    sign_in(client, parent)
    page = client.get(reverse("family:case", kwargs={"child_id": assessment.child.pk})).content.decode()
    due = assessment.decision_due_on
    assert f"We should have told you by {due.day} {due:%B %Y} whether we will assess Sam." in page
    assert "This is late" in page
