"""The role-by-URL matrix of every personal budgets page, on one shared world (access_world.py).

Each role gets exactly what it should: the child's case staff see and change the budget; managers also run the
RAS and read the figures; the family sees only its own budget, in its own pages; the integrated care board asked
about an NHS share sees that line only; everyone else 403 (a role the page is not for) or 404 (a child they may
not see, so the record's existence is not confirmed); anonymous people are sent to sign in.

Every allowed read that shows the child (every page of the child's, and any list that names them) must write
an audit event for that child, by that user, for that page: a read that leaves no trace fails here.

The world is built once for the module (in a transaction rolled back at the end); each check runs in its own
savepoint, so what one check changes (a POST, a sign-in) is gone before the next.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import URLPattern, reverse

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.budgets.tests.access_world import FIRST, LAST, ROLES, AccessWorld, build
from pathfinder.budgets.urls import urlpatterns

pytestmark = pytest.mark.django_db

OK, FOUND, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 302, 404, 403, 302


def _row(**allowed: int) -> dict[str, int]:
    """Forbidden for every role but those named (underscores for spaces); anonymous people are sent to sign in."""
    row = dict.fromkeys(ROLES, FORBIDDEN)
    row.update({role.replace("_", " "): status for role, status in allowed.items()})
    row["anonymous"] = SIGN_IN
    return row


OTHER_TEAM = {"other team's caseworker": NOT_FOUND}
STAFF = _row(team_caseworker=OK, manager=OK, **OTHER_TEAM)
STAFF_ACT = _row(team_caseworker=FOUND, manager=FOUND, **OTHER_TEAM)  # a POST-only act: done, then back
STAFF_LIST = _row(team_caseworker=OK, manager=OK, **{"other team's caseworker": OK})
MANAGERS = _row(manager=OK)
OTHER_FAMILIES = {"another parent": NOT_FOUND, "another young person": NOT_FOUND}
FAMILY = _row(parent=OK, **OTHER_FAMILIES)
FAMILY_LIST = _row(parent=OK, another_parent=OK, another_young_person=OK)
STAFF_AND_FAMILY = _row(team_caseworker=OK, manager=OK, parent=OK, **OTHER_TEAM, **OTHER_FAMILIES)
HEALTH_LIST = _row(ICB_member=OK, other_health_member=OK, adviser_on_the_case=OK)
HEALTH = _row(ICB_member=OK, other_health_member=NOT_FOUND, adviser_on_the_case=NOT_FOUND)

CHILD, REQUEST = ("child_id",), ("child_id", "request_id")
LINE, DP = (*REQUEST, "line_id"), (*REQUEST, "direct_payment_id")
MONEY = ("child_id", "direct_payment_id")
SYSTEM = ("system_id",)
GET, POST = "get", "post"

# url name: (method, URL kwargs, expected status by role)
PAGES: dict[str, tuple[str, tuple[str, ...], dict[str, int]]] = {
    # the council's resource allocation system (urls_ras.py)
    "ras_list": (GET, (), MANAGERS),
    "ras_start": (POST, ("stream",), _row(manager=FOUND)),
    "rate_card": (GET, (), MANAGERS),
    "ras_detail": (GET, SYSTEM, MANAGERS),
    "ras_details": (GET, SYSTEM, MANAGERS),
    "ras_question_add": (GET, SYSTEM, MANAGERS),
    "ras_question": (GET, (*SYSTEM, "question_id"), MANAGERS),
    "ras_bands": (GET, SYSTEM, MANAGERS),
    "ras_publish": (GET, SYSTEM, MANAGERS),
    "what_if": (GET, SYSTEM, MANAGERS),
    "indicative_answer": (GET, (*REQUEST, "stream"), STAFF),
    "reasons_letter": (GET, REQUEST, STAFF_AND_FAMILY),
    "plan_costing": (GET, (*CHILD, "plan_id"), STAFF),
    "provision_price": (GET, (*CHILD, "plan_id", "provision_id"), STAFF),
    # a child's requests, lines, agreement, notice and direct payments (urls_requests.py)
    "requests": (GET, (), STAFF_LIST),
    "health_agreements": (GET, (), HEALTH_LIST),
    "request_start": (GET, (*CHILD, "plan_id"), STAFF),
    "request_detail": (GET, REQUEST, STAFF),
    "request_refuse": (GET, REQUEST, STAFF),
    "request_reconsider": (GET, REQUEST, STAFF),
    "request_withdraw": (GET, REQUEST, STAFF),
    "request_agree": (GET, REQUEST, STAFF),
    "section_j_write": (POST, REQUEST, STAFF_ACT),
    "notice_send": (GET, REQUEST, STAFF),
    "notice": (GET, REQUEST, STAFF_AND_FAMILY),
    "line_add": (GET, REQUEST, STAFF),
    "line_edit": (GET, LINE, STAFF),
    "line_remove": (POST, LINE, STAFF_ACT),
    "share_agree": (GET, LINE, STAFF),
    "icb_agree": (GET, LINE, HEALTH),
    "direct_payment_propose": (GET, REQUEST, STAFF),
    "direct_payment_detail": (GET, DP, STAFF),
    "direct_payment_details": (GET, DP, STAFF),
    "direct_payment_send": (GET, DP, STAFF),
    "direct_payment_sign": (GET, DP, STAFF),
    "direct_payment_agreement": (GET, DP, STAFF),
    "direct_payment_review": (GET, DP, STAFF),
    "direct_payment_refuse": (GET, DP, STAFF),
    "direct_payment_stop": (GET, DP, STAFF),
    "family_home": (GET, (), FAMILY_LIST),
    "family_request_start": (GET, (), FAMILY_LIST),
    "family_request_detail": (GET, REQUEST, FAMILY),
    # a direct payment's money and the council's figures (urls_money.py)
    "money": (GET, MONEY, STAFF),
    "money-schedule": (GET, MONEY, STAFF),
    "money-pay": (GET, (*MONEY, "payment_id"), STAFF),
    "money-check": (POST, MONEY, STAFF_ACT),
    "money-spend": (GET, MONEY, STAFF),
    "money-match": (GET, (*MONEY, "spend_id"), STAFF),
    "money-statement": (GET, MONEY, STAFF),
    "money-statement-import": (POST, MONEY, STAFF),  # nothing carried over: the upload page again
    "money-recover": (GET, MONEY, STAFF),
    "family-money": (GET, MONEY, FAMILY),
    "figures": (GET, (), MANAGERS),
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> AccessWorld:
    """One world for the module, rolled back after its last check."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build()
            transaction.set_rollback(True)


def test_the_matrix_names_every_budgets_page():
    names = {p.name for p in urlpatterns if isinstance(p, URLPattern)}
    assert names == set(PAGES), "a budgets page without a row in the matrix (or a row for a page that is gone)"


def _shows_child(body: str) -> bool:
    return FIRST in body or LAST in body


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_role_by_url(client, world: AccessWorld, page: str, role: str):
    method, keys, expected = PAGES[page]
    url = reverse(f"budgets:{page}", kwargs={k: world.ids[k] for k in keys})
    user = world.users[role]
    if user is not None:
        sign_in(client, user)
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = getattr(client, method)(url)
    assert response.status_code == expected[role], f"{role} {method.upper()} {url}"
    if response.status_code != OK:
        return
    body = response.content.decode()
    child_page = "child_id" in keys
    if child_page:
        assert _shows_child(body), f"{url} is the child's page but does not say whose"
    if child_page or _shows_child(body):
        reads = AuditEvent.objects.filter(pk__gt=before, actor=user, child=world.child, path=url)
        assert reads.exists(), f"{role} read {url}, which shows {FIRST} {LAST}, and no audit event was written"
