"""Each role gets exactly what it should on every RAS, indicative budget and costing page: managers run the RAS;
the child's case staff work out budgets and cost the plan; the family reads the reasons letter; nobody else sees
anything of the child (another team's caseworker: 404, so the record's existence is not confirmed)."""

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
from pathfinder.budgets.indicative import indicative_budget_work_out
from pathfinder.budgets.ras import ras_draft_start
from pathfinder.budgets.tests.factories import BudgetRequestFactory, published_ras
from pathfinder.people.tests.factories import FamilyMemberFactory

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302
ROLES = ["team caseworker", "other team's caseworker", "manager", "parent", "adviser", "provider", "anonymous"]


@pytest.fixture
def world():
    system = published_ras()
    budget_request = BudgetRequestFactory()
    caseworker = CaseworkerFactory(team=budget_request.child.team)
    answers = {str(q.pk): str(q.options.last().pk) for q in system.questions.all()}
    indicative_budget_work_out(budget_request, "social_care", answers, caseworker, budget_request.version)
    manager = ManagerFactory()
    draft = ras_draft_start(acting_user=manager, stream="social_care")
    parent = ParentFactory()
    FamilyMemberFactory(child=budget_request.child, user=parent)
    provision = budget_request.plan.provisions.first()
    return {
        "kw": {
            "system_id": draft.pk,
            "child_id": budget_request.child_id,
            "request_id": budget_request.pk,
            "stream": "social_care",
            "plan_id": budget_request.plan_id,
            "provision_id": provision.pk,
        },
        "users": {
            "team caseworker": caseworker,
            "other team's caseworker": CaseworkerFactory(),
            "manager": manager,
            "parent": parent,
            "adviser": AdviserFactory(),
            "provider": ProviderFactory(),
            "anonymous": None,
        },
    }


def _row(default, **exceptions):
    row = dict.fromkeys(ROLES, default)
    row.update(exceptions)
    row["anonymous"] = SIGN_IN
    return row


MANAGERS = _row(FORBIDDEN, manager=OK)
CASE_STAFF = _row(FORBIDDEN, **{"team caseworker": OK, "manager": OK, "other team's caseworker": NOT_FOUND})
FAMILY_TOO = _row(
    FORBIDDEN, **{"team caseworker": OK, "manager": OK, "other team's caseworker": NOT_FOUND, "parent": OK}
)
CHILD = ("child_id", "request_id")
PAGES = {
    "versions": ("budgets:ras_list", (), MANAGERS),
    "rate card": ("budgets:rate_card", (), MANAGERS),
    "version": ("budgets:ras_detail", ("system_id",), MANAGERS),
    "details": ("budgets:ras_details", ("system_id",), MANAGERS),
    "add a question": ("budgets:ras_question_add", ("system_id",), MANAGERS),
    "bands": ("budgets:ras_bands", ("system_id",), MANAGERS),
    "publish": ("budgets:ras_publish", ("system_id",), MANAGERS),
    "what if": ("budgets:what_if", ("system_id",), MANAGERS),
    "answer the questionnaire": ("budgets:indicative_answer", (*CHILD, "stream"), CASE_STAFF),
    "reasons letter": ("budgets:reasons_letter", CHILD, FAMILY_TOO),
    "costing": ("budgets:plan_costing", ("child_id", "plan_id"), CASE_STAFF),
    "price a provision": ("budgets:provision_price", ("child_id", "plan_id", "provision_id"), CASE_STAFF),
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


def test_starting_a_version_is_for_managers_only(client, world):
    url = reverse("budgets:ras_start", args=["health"])
    sign_in(client, world["users"]["team caseworker"])
    assert client.post(url).status_code == FORBIDDEN
    client.logout()
    sign_in(client, world["users"]["manager"])
    assert client.post(url).status_code == 302
