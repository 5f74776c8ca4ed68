"""The role-by-URL matrix of every disagreements page, on one shared world (world.py).

Case staff of the child's team (and managers) see and act on the child's decisions, mediation and complaints; the
mediation service sees only the mediation referred to it, only on its own pages, and records only its own steps;
another mediation service gets 404 (the mediation's existence is not confirmed); everyone else 403 or 404; anonymous
people are sent to sign in. Every allowed read that shows the child writes an audit event for that child.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import URLPattern, reverse

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.disagreements.tests.world import FIRST, LAST, ROLES, World, build
from pathfinder.disagreements.urls import urlpatterns

pytestmark = pytest.mark.django_db

OK, FOUND, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 302, 404, 403, 302


def _row(**allowed: int) -> dict[str, int]:
    row = dict.fromkeys(ROLES, FORBIDDEN)
    row.update({role.replace("_", " "): status for role, status in allowed.items()})
    row["anonymous"] = SIGN_IN
    return row


OTHER_TEAM = {"other team's caseworker": NOT_FOUND}
STAFF = _row(team_caseworker=OK, manager=OK, **OTHER_TEAM)
STAFF_ACT = _row(team_caseworker=FOUND, manager=FOUND, **OTHER_TEAM)
SERVICE = _row(mediation_service=OK, other_mediation_service=NOT_FOUND)
SERVICE_LIST = _row(mediation_service=OK, other_mediation_service=OK)

CHILD, DECISION, COMPLAINT = ("child_id",), ("child_id", "decision_id"), ("child_id", "complaint_id")
GET, POST = "get", "post"

PAGES: dict[str, tuple[str, tuple[str, ...], dict[str, int]]] = {
    "child": (GET, CHILD, STAFF),
    "decision": (GET, DECISION, STAFF),
    "mediation-start": (GET, DECISION, STAFF),
    "mediation-step": (GET, (*DECISION, "action"), STAFF),
    "complaint-new": (GET, CHILD, STAFF),
    "complaint": (GET, COMPLAINT, STAFF),
    "complaint-finding": (GET, COMPLAINT, STAFF),
    "remedy-new": (GET, COMPLAINT, STAFF),
    "remedy-done": (GET, (*COMPLAINT, "remedy_id"), STAFF),
    "complaint-close": (POST, COMPLAINT, STAFF_ACT),
    "service-list": (GET, (), SERVICE_LIST),
    "service-case": (GET, ("case_id",), SERVICE),
    "service-step": (GET, ("case_id", "action"), SERVICE),
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> World:
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build()
            transaction.set_rollback(True)


def test_the_matrix_names_every_disagreements_page():
    names = {p.name for p in urlpatterns if isinstance(p, URLPattern)}
    assert names == set(PAGES)


def _shows_child(body: str) -> bool:
    return FIRST in body or LAST in body


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_role_by_url(client, world: World, page: str, role: str):
    method, keys, expected = PAGES[page]
    url = reverse(f"disagreements:{page}", kwargs={k: world.ids[k] for k in keys})
    user = world.users[role]
    if user is not None:
        sign_in(client, user)
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = getattr(client, method)(url)
    assert response.status_code == expected[role], f"{role} {method.upper()} {url}"
    if response.status_code != OK:
        return
    body = response.content.decode()
    if "child_id" in keys or "case_id" in keys:
        assert _shows_child(body), f"{url} is about the child but does not say whose"
    if _shows_child(body):
        reads = AuditEvent.objects.filter(pk__gt=before, actor=user, child=world.child)
        assert reads.exists(), f"{role} read {url}, which shows {FIRST} {LAST}, and no audit event was written"


def test_the_other_service_sees_an_empty_list(client, world: World):
    sign_in(client, world.users["other mediation service"])
    body = client.get(reverse("disagreements:service-list")).content.decode()
    assert "No mediations have been referred to your service." in body and not _shows_child(body)


def test_the_mediation_service_cannot_record_the_councils_steps(client, world: World):
    sign_in(client, world.users["mediation service"])
    url = reverse("disagreements:service-step", kwargs={"case_id": world.ids["case_id"], "action": "notify_health"})
    assert client.get(url).status_code == NOT_FOUND


def test_the_mediation_service_cannot_open_the_childs_record(client, world: World):
    sign_in(client, world.users["mediation service"])
    response = client.get(reverse("people:child", kwargs={"child_id": world.ids["child_id"]}))
    assert response.status_code in (FORBIDDEN, NOT_FOUND)
