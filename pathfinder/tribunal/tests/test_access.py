"""The role-by-URL matrix of every tribunal page, on one shared world.

The child's case staff see and change appeals and orders; managers also read the report; everyone else gets 403
(a role the page is not for) or 404 (a child they may not see: the record's existence is not confirmed), and
anonymous people are sent to sign in. Every allowed read of a child's page writes an audit event for that child.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.db import transaction
from django.urls import URLPattern, reverse

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.people.models import Child
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.tribunal import orders, recommendations
from pathfinder.tribunal.tests.factories import case, decided_appeal
from pathfinder.tribunal.urls import urlpatterns

pytestmark = pytest.mark.django_db

FIRST, LAST = "Ermengild", "Quayle-Boroughs"  # a name no page prints by chance
OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302
ROLES = ("team caseworker", "other team's caseworker", "manager", "adviser", "parent", "another parent",
         "administrator", "provider", "local offer officer", "anonymous")


def _row(**allowed: int) -> dict[str, int]:
    row = dict.fromkeys(ROLES, FORBIDDEN)
    row.update({role.replace("_", " "): status for role, status in allowed.items()})
    row["anonymous"] = SIGN_IN
    return row


STAFF = _row(team_caseworker=OK, manager=OK, **{"other team's caseworker": NOT_FOUND})
MANAGERS = _row(manager=OK)
CHILD, APPEAL, ORDER = ("child_id",), ("child_id", "appeal_id"), ("child_id", "order_id")
PAGES: dict[str, tuple[tuple[str, ...], dict[str, int]]] = {
    "report": ((), MANAGERS),
    "child": (CHILD, STAFF),
    "appeal-new": (CHILD, STAFF),
    "appeal": (APPEAL, STAFF),
    "response": (APPEAL, STAFF),
    "bundle": (APPEAL, STAFF),
    "hearing": (APPEAL, STAFF),
    "not-oppose": (APPEAL, STAFF),
    "decide": (APPEAL, STAFF),
    "withdraw": (APPEAL, STAFF),
    "order-new": (APPEAL, STAFF),
    "recommendation-new": (APPEAL, STAFF),
    "recommendation-response": ((*APPEAL, "recommendation_id"), STAFF),
    "order": (ORDER, STAFF),
    "duty-done": ((*ORDER, "duty_id"), STAFF),
    "assessment-decision": (ORDER, STAFF),
    "exception-new": (ORDER, STAFF),
    "provision-delivered": ((*ORDER, "item_id"), STAFF),
}


@dataclass
class World:
    child: Child
    users: dict
    ids: dict


def _build() -> World:
    decision, caseworker = case()
    child = decision.child
    Child.objects.filter(pk=child.pk).update(legal_first_name=FIRST, legal_last_name=LAST, preferred_name="")
    appeal = decided_appeal(decision=decision, registered_on=date(2026, 4, 20))
    order = orders.tribunal_order_record(acting_user=caseworker, appeal=appeal, kind="assess",
                                         made_on=date(2026, 9, 15), provision=["Speech and language therapy"])
    rec = recommendations.recommendation_record(acting_user=caseworker, appeal=appeal, area="health",
                                                made_on=date(2026, 9, 15), text="Weekly physiotherapy")
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    users = {"team caseworker": caseworker, "other team's caseworker": CaseworkerFactory(),
             "manager": ManagerFactory(), "adviser": AdviserFactory(), "parent": parent,
             "another parent": ParentFactory(), "administrator": AdministratorFactory(),
             "provider": ProviderFactory(), "local offer officer": LocalOfferOfficerFactory(), "anonymous": None}
    assert tuple(users) == ROLES
    ids = {"child_id": child.pk, "appeal_id": appeal.pk, "order_id": order.pk, "recommendation_id": rec.pk,
           "duty_id": order.duties.first().pk, "item_id": order.provision.first().pk}
    return World(child=child, users=users, ids=ids)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> World:
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield _build()
            transaction.set_rollback(True)


def test_the_matrix_names_every_tribunal_page():
    assert {p.name for p in urlpatterns if isinstance(p, URLPattern)} == set(PAGES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_role_by_url(client, world: World, page: str, role: str):
    keys, expected = PAGES[page]
    url = reverse(f"tribunal:{page}", kwargs={k: world.ids[k] for k in keys})
    user = world.users[role]
    if user is not None:
        sign_in(client, user)
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.get(url)
    assert response.status_code == expected[role], f"{role} GET {url}"
    if response.status_code == OK and response["Content-Type"] == "application/pdf":
        assert response.content.startswith(b"%PDF")
        assert AuditEvent.objects.filter(pk__gt=before, actor=user, child=world.child, path=url).exists()
    elif response.status_code == OK and "child_id" in keys:
        body = response.content.decode()
        assert FIRST in body or LAST in body, f"{url} is the child's page but does not say whose"
        assert AuditEvent.objects.filter(pk__gt=before, actor=user, child=world.child, path=url).exists()
