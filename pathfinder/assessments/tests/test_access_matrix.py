"""Each role gets exactly what it should on the child and case pages; a refused change leaves nothing changed."""

from datetime import date

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
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessmentFactory, DraftingFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.documents.tests.factories import document_make
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationAdviceFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans.models import Representation
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN, MOVED, ON_TO = 200, 404, 403, 302, 301, 302
# Roles whose expectations are another role's on every page.
SAME_AS = {"involved organisation's member": "involved adviser", "member removed today": "uninvolved adviser"}


@pytest.fixture
def world():
    """One child with an open case, and one person in every role with their relationship to that child."""
    assessment = AssessmentFactory(child__date_of_birth=date(2016, 4, 1))
    child = assessment.child
    advice = AdviceRequestFactory(assessment=assessment, adviser=AdviserFactory())
    advice.document = document_make(child=child, uploaded_by=advice.adviser)  # clean, as after the virus check
    advice.save()
    # The same child's advice asked of a school: its member on the day sees what an involved adviser sees, a
    # colleague removed today what an uninvolved one sees (pathfinder.organisations).
    school_advice = OrganisationAdviceFactory(assessment=assessment)
    member = MembershipFactory(organisation=school_advice.organisation)
    removed = MembershipFactory(organisation=school_advice.organisation, ends_on=timezone.localdate())
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent, has_parental_responsibility=True)
    # An earlier request of the same child led to a plan, now with the family for their comments.
    plan = PlanFactory(assessment=DraftingFactory(child=child, received_on=date(2025, 9, 1)), child=child,
                       status="draft_sent", draft_sent_on=date(2026, 1, 12))
    comment = Representation.objects.create(plan=plan, author=parent, text="Please add swimming.", section="F",
                                            kind="section")
    return {
        "assessment": assessment,
        "advice": advice,
        "plan": plan,
        "comment": comment,
        "child": child,
        "users": {
            "own caseworker": assessment.caseworker,
            "other team's caseworker": CaseworkerFactory(),
            "manager": ManagerFactory(),
            "involved adviser": advice.adviser,
            "uninvolved adviser": AdviserFactory(),
            "involved organisation's member": member.user,
            "member removed today": removed.user,
            "parent": parent,
            "another parent": ParentFactory(),
            "young person (another)": YoungPersonFactory(),
            "administrator": AdministratorFactory(),
            "provider": ProviderFactory(),
            "local offer officer": LocalOfferOfficerFactory(),
            "anonymous": None,
        },
    }


# The family's own forms on the draft plan: only the family of this child; staff and advisers are refused by role.
FAMILY_ONLY = {
    "own caseworker": FORBIDDEN, "other team's caseworker": FORBIDDEN, "manager": FORBIDDEN,
    "involved adviser": FORBIDDEN, "uninvolved adviser": FORBIDDEN, "parent": OK, "another parent": NOT_FOUND,
    "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
    "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
}

# Expected status of GET for each page and role (and any further address parts the page needs).
PAGES = {
    "child record": ("people:child", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": OK,
        "uninvolved adviser": NOT_FOUND, "parent": OK, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    "case page": ("assessments:case", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": FORBIDDEN,
        "uninvolved adviser": FORBIDDEN, "parent": OK, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    "change record": ("people:child-edit", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": FORBIDDEN,
        "uninvolved adviser": FORBIDDEN, "parent": FORBIDDEN, "another parent": FORBIDDEN,
        "young person (another)": FORBIDDEN, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    "who has looked": ("people:child-access-log", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": FORBIDDEN,
        "uninvolved adviser": FORBIDDEN, "parent": OK, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    "decide whether to assess": ("assessments:decide-assess", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": FORBIDDEN,
        "uninvolved adviser": FORBIDDEN, "parent": FORBIDDEN, "another parent": FORBIDDEN,
        "young person (another)": FORBIDDEN, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    # The plan's own pages, under the child (the plan belongs to the child, not to the assessment).
    "plan": ("plans:overview", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": OK,
        "uninvolved adviser": NOT_FOUND, "parent": OK, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    "plan as a document": ("plans:document", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": OK,
        "uninvolved adviser": NOT_FOUND, "parent": OK, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    "change the plan's needs": ("plans:needs", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": FORBIDDEN,
        "uninvolved adviser": FORBIDDEN, "parent": FORBIDDEN, "another parent": FORBIDDEN,
        "young person (another)": FORBIDDEN, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    # The family's part in the plan: their views (section A), comments on each section, meetings, schools.
    "the child's views": ("plans:views", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": OK,
        "uninvolved adviser": NOT_FOUND, "parent": OK, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    "write the parent's views": ("plans:views-edit", {
        "own caseworker": NOT_FOUND, "other team's caseworker": NOT_FOUND, "manager": NOT_FOUND,
        "involved adviser": NOT_FOUND, "uninvolved adviser": NOT_FOUND, "parent": OK, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }, {"whose": "parent"}),
    "record the child's views with them": ("plans:views-edit", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": OK,
        "uninvolved adviser": NOT_FOUND, "parent": NOT_FOUND, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }, {"whose": "child"}),
    "comment on a section of the draft": ("plans:comment-section", FAMILY_ONLY, {"section": "f"}),
    "ask for a meeting about the draft": ("plans:meeting-request", FAMILY_ONLY),
    "ask for a school from the draft": ("plans:family-school", FAMILY_ONLY),
    "answer the family's comment": ("plans:comment-answer", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": FORBIDDEN,
        "uninvolved adviser": FORBIDDEN, "parent": FORBIDDEN, "another parent": FORBIDDEN,
        "young person (another)": FORBIDDEN, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }, {"comment_id": "@comment"}),
    "the plan's old address": ("plans:old-address", {
        "own caseworker": MOVED, "other team's caseworker": NOT_FOUND, "manager": MOVED, "involved adviser": MOVED,
        "uninvolved adviser": NOT_FOUND, "parent": MOVED, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    # Advice documents: the case page's old address sends case staff on to the document itself, which decides
    # by the child and the advice rule (documents.access); more cases per purpose in documents/tests.
    "advice document (old address)": ("assessments:advice-document", {
        "own caseworker": ON_TO, "other team's caseworker": NOT_FOUND, "manager": ON_TO, "involved adviser": FORBIDDEN,
        "uninvolved adviser": FORBIDDEN, "parent": FORBIDDEN, "another parent": FORBIDDEN,
        "young person (another)": FORBIDDEN, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
    "advice document": ("documents:download", {
        "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "involved adviser": OK,
        # another adviser's report: a member of the school asked for its own advice on the child may not open it
        "involved organisation's member": NOT_FOUND,
        "uninvolved adviser": NOT_FOUND, "parent": NOT_FOUND, "another parent": NOT_FOUND,
        "young person (another)": NOT_FOUND, "administrator": FORBIDDEN, "provider": FORBIDDEN,
        "local offer officer": FORBIDDEN, "anonymous": SIGN_IN,
    }),
}


def _url(name, world, extra=None):
    child, assessment, plan = world["child"], world["assessment"], world["plan"]
    # "@name" is a record of the world, by its id.
    extra = {key: world[value[1:]].pk if value.startswith("@") else value for key, value in (extra or {}).items()}
    if name in ("plans:views", "plans:views-edit"):
        return reverse(name, kwargs={"child_id": child.pk, **extra})
    if name.startswith("people:"):
        return reverse(name, kwargs={"child_id": child.pk})
    if name == "documents:download":
        return reverse(name, kwargs={"public_id": world["advice"].document.public_id})
    if name == "assessments:advice-document":
        return reverse(name, kwargs={"child_id": child.pk, "assessment_id": assessment.pk,
                                     "advice_id": world["advice"].pk})
    if name == "plans:old-address":
        return reverse(name, kwargs={"child_id": child.pk, "assessment_id": plan.assessment_id})
    if name.startswith("plans:"):
        return reverse(name, kwargs={"child_id": child.pk, "plan_id": plan.pk, **extra})
    return reverse(name, kwargs={"child_id": child.pk, "assessment_id": assessment.pk})


@pytest.mark.parametrize("page", PAGES)
def test_role_matrix(client, world, page):
    name, expected, *extra = PAGES[page]
    expected = {**{role: expected[same] for role, same in SAME_AS.items()}, **expected}  # a page may say otherwise
    assert set(expected) == set(world["users"]), "every role must have an expectation"
    url = _url(name, world, *extra)
    got = {}
    for role, user in world["users"].items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    assert got == expected


def test_every_permitted_read_of_the_record_is_audited(client, world):
    manager = world["users"]["manager"]
    sign_in(client, manager)
    client.get(_url("assessments:case", world))
    event = AuditEvent.objects.filter(child=world["child"], actor=manager, action="view").get()
    assert event.what == "EHC needs assessment case"
    assert event.path == _url("assessments:case", world)


@pytest.mark.parametrize("role", ["other team's caseworker", "parent", "involved adviser", "administrator"])
def test_a_refused_change_changes_nothing(client, world, role):
    sign_in(client, world["users"][role])
    assessment = world["assessment"]
    response = client.post(_url("assessments:decide-assess", world), {
        "decision": "no", "decided_on-day": "1", "decided_on-month": "7", "decided_on-year": "2026",
        "reasons": "Trying to refuse someone else's case", "version": str(assessment.version),
    })
    assert response.status_code in (403, 404)
    unchanged = Assessment.objects.get(pk=assessment.pk)
    assert (unchanged.status, unchanged.decision_to_assess_on, unchanged.version) == ("requested", None, 1)
    assert not AuditEvent.objects.filter(child=world["child"], action="update").exists()
