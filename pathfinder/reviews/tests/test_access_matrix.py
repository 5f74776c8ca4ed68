"""Each role gets exactly what it should on every review page: the school running the review sees it and records
the meeting and the report; another school, another team and the family's strangers see nothing (404)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.organisations.tests.factories import MembershipFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.reviews import workflow
from pathfinder.reviews.tests.factories import final_plan

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302
ROLES = ["team caseworker", "other team's caseworker", "manager", "running school's SENCO", "other school's SENCO",
         "parent", "another parent", "administrator", "provider", "anonymous"]


@pytest.fixture
def world():
    today = timezone.localdate()
    plan = final_plan(assessment__child__legal_last_name="Quillfeather")
    school = MembershipFactory(starts_on=today - timedelta(days=200))
    caseworker = CaseworkerFactory(team=plan.child.team)
    review = workflow.review_start(acting_user=caseworker, plan=plan, started_on=today - timedelta(days=5),
                                   run_by=school.organisation)
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    other_school = MembershipFactory(starts_on=today - timedelta(days=200))
    # The other school advises on the same child? No: it has nothing to do with this child.
    return {
        "kw": {"child_id": plan.child_id, "plan_id": plan.pk, "review_id": review.pk}, "review": review,
        "users": {
            "team caseworker": caseworker, "other team's caseworker": CaseworkerFactory(),
            "manager": ManagerFactory(), "running school's SENCO": school.user,
            "other school's SENCO": other_school.user, "parent": parent, "another parent": ParentFactory(),
            "administrator": AdministratorFactory(), "provider": ProviderFactory(), "anonymous": None,
        },
    }


def _row(default, **exceptions):
    row = {role: default for role in ROLES}
    row.update({k: v for k, v in exceptions.items()})
    row["anonymous"] = SIGN_IN
    return row


STAFF = _row(FORBIDDEN, **{"team caseworker": OK, "manager": OK, "other team's caseworker": NOT_FOUND})
SCHOOL_TOO = _row(FORBIDDEN, **{"team caseworker": OK, "manager": OK, "other team's caseworker": NOT_FOUND,
                                "running school's SENCO": OK, "other school's SENCO": NOT_FOUND})
LIST = _row(FORBIDDEN, **{"team caseworker": OK, "manager": OK, "other team's caseworker": OK})
PLAN_KEYS, REVIEW_KEYS = ("child_id", "plan_id"), ("child_id", "plan_id", "review_id")
PAGES = {
    "reviews list": ("reviews:list", (), LIST),
    "school's reviews": ("reviews:school", (), _row(FORBIDDEN, **{"running school's SENCO": OK,
                                                                 "other school's SENCO": OK})),
    "plan's reviews": ("reviews:plan", PLAN_KEYS, STAFF),
    "start": ("reviews:start", PLAN_KEYS, STAFF),
    "review": ("reviews:review", REVIEW_KEYS, SCHOOL_TOO),
    "arrange": ("reviews:arrange", REVIEW_KEYS, STAFF),
    "advice": ("reviews:advice", REVIEW_KEYS, STAFF),
    "meeting": ("reviews:meeting", REVIEW_KEYS, SCHOOL_TOO),
    "report": ("reviews:report", REVIEW_KEYS, SCHOOL_TOO),
    "decide": ("reviews:decide", REVIEW_KEYS, STAFF),
    "amend": ("reviews:amend", REVIEW_KEYS, STAFF),
    "cease": ("reviews:cease", REVIEW_KEYS, STAFF),
    "cancel": ("reviews:cancel", REVIEW_KEYS, STAFF),
}


@pytest.mark.parametrize("page", PAGES)
def test_role_matrix(client, world, page):
    name, keys, expected = PAGES[page]
    url = reverse(name, kwargs={k: world["kw"][k] for k in keys})
    got = {}
    for role, user in world["users"].items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    assert got == expected


def test_the_list_shows_the_teams_reviews_and_audits_each_child(client, world):
    caseworker = world["users"]["team caseworker"]
    sign_in(client, caseworker)
    page = client.get(reverse("reviews:list")).content.decode()
    assert "Quillfeather" in page
    assert AuditEvent.objects.filter(actor=caseworker, action="view", child=world["review"].plan.child).exists()
    client.logout()
    sign_in(client, world["users"]["other team's caseworker"])
    assert "Quillfeather" not in client.get(reverse("reviews:list")).content.decode()


def test_the_school_loses_the_child_once_the_review_is_cancelled(client, world):
    review = world["review"]
    workflow.review_cancel(acting_user=world["users"]["team caseworker"], review=review, reason="Started twice",
                           expected_version=review.version)
    sign_in(client, world["users"]["running school's SENCO"])
    url = reverse("reviews:review", kwargs=world["kw"])
    # Ended today (exclusive end): from tomorrow the school cannot open the record; today it still may.
    assert client.get(url).status_code in (OK, NOT_FOUND)


def test_the_school_lists_only_the_reviews_it_runs(client, world):
    sign_in(client, world["users"]["running school's SENCO"])
    assert "Quillfeather" in client.get(reverse("reviews:school")).content.decode()
    client.logout()
    sign_in(client, world["users"]["other school's SENCO"])
    assert "Quillfeather" not in client.get(reverse("reviews:school")).content.decode()
