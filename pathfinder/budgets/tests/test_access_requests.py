"""Each role gets exactly what it should on every personal budget page (requests, lines, agreement, notice, direct
payments, the family's pages and the health organisation's): the team's caseworker and managers see the child's
budget; the family only its own, in its own pages; the health organisation asked only the NHS share; everyone
else 403 (wrong role) or 404 (a child they may not see)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory, ParentFactory, ProviderFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.lines import SOURCE_TYPE
from pathfinder.budgets.models import BudgetLineShare, LineStatus, RequestStatus
from pathfinder.budgets.tests.factories import BudgetLineFactory, BudgetRequestFactory, DirectPaymentFactory
from pathfinder.budgets.tests.request_world import world
from pathfinder.organisations.models import OrganisationKind
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationFactory
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import involvement_for_source

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302
ROLES = [
    "team caseworker",
    "other team's caseworker",
    "manager",
    "parent",
    "another parent",
    "ICB member",
    "other health member",
    "provider",
    "anonymous",
]


@pytest.fixture
def w():
    w = world()
    today = timezone.localdate()
    budget_request = BudgetRequestFactory(
        plan=w.plan, child=w.child, status=RequestStatus.AGREED, agreed_on=today, notice_sent_on=today
    )
    line = BudgetLineFactory(request=budget_request, provision=w.g_provision, status=LineStatus.AGREED)
    BudgetLineShare.objects.create(line=line, funder="icb", amount=line.yearly_amount)
    involvement_for_source(
        child=w.child,
        capacity=InvolvementCapacity.HEALTH,
        source_type=SOURCE_TYPE,
        source_id=budget_request.pk,
        starts_on=today,
        ends_on=None,
        organisation=w.icb,
        reason="Asked to agree the NHS share",
    )
    dp = DirectPaymentFactory(request=budget_request)
    other_health = MembershipFactory(
        organisation=OrganisationFactory(name="Another NHS Trust", kind=OrganisationKind.HEALTH)
    ).user
    w.kw = {
        "child_id": w.child.pk,
        "request_id": budget_request.pk,
        "plan_id": w.plan.pk,
        "line_id": line.pk,
        "direct_payment_id": dp.pk,
    }
    w.users = {
        "team caseworker": w.caseworker,
        "other team's caseworker": CaseworkerFactory(),
        "manager": ManagerFactory(),
        "parent": w.parent,
        "another parent": ParentFactory(),
        "ICB member": w.icb_member,
        "other health member": other_health,
        "provider": ProviderFactory(),
        "anonymous": None,
    }
    return w


def _row(default, **exceptions):
    row = {role: default for role in ROLES}
    row.update(exceptions)
    row["anonymous"] = SIGN_IN
    return row


STAFF = _row(FORBIDDEN, **{"team caseworker": OK, "manager": OK, "other team's caseworker": NOT_FOUND})
LIST = _row(FORBIDDEN, **{"team caseworker": OK, "manager": OK, "other team's caseworker": OK})
HEALTH_LIST = _row(FORBIDDEN, **{"ICB member": OK, "other health member": OK})
HEALTH = _row(FORBIDDEN, **{"ICB member": OK, "other health member": NOT_FOUND})
FAMILY_LIST = _row(FORBIDDEN, **{"parent": OK, "another parent": OK})
FAMILY = _row(FORBIDDEN, **{"parent": OK, "another parent": NOT_FOUND})
NOTICE = _row(
    FORBIDDEN,
    **{
        "team caseworker": OK,
        "manager": OK,
        "other team's caseworker": NOT_FOUND,
        "parent": OK,
        "another parent": NOT_FOUND,
    },
)
R, L, D = ("child_id", "request_id"), ("child_id", "request_id", "line_id"), ("child_id", "request_id", "direct_payment_id")
PAGES = {
    "requests": ("budgets:requests", (), LIST),
    "start": ("budgets:request_start", ("child_id", "plan_id"), STAFF),
    "detail": ("budgets:request_detail", R, STAFF),
    "refuse": ("budgets:request_refuse", R, STAFF),
    "reconsider": ("budgets:request_reconsider", R, STAFF),
    "withdraw": ("budgets:request_withdraw", R, STAFF),
    "agree": ("budgets:request_agree", R, STAFF),
    "notice send": ("budgets:notice_send", R, STAFF),
    "notice": ("budgets:notice", R, NOTICE),
    "line add": ("budgets:line_add", R, STAFF),
    "line edit": ("budgets:line_edit", L, STAFF),
    "share agree": ("budgets:share_agree", L, STAFF),
    "health list": ("budgets:health_agreements", (), HEALTH_LIST),
    "icb agree": ("budgets:icb_agree", L, HEALTH),
    "dp propose": ("budgets:direct_payment_propose", R, STAFF),
    "dp detail": ("budgets:direct_payment_detail", D, STAFF),
    "dp details": ("budgets:direct_payment_details", D, STAFF),
    "dp send": ("budgets:direct_payment_send", D, STAFF),
    "dp sign": ("budgets:direct_payment_sign", D, STAFF),
    "dp review": ("budgets:direct_payment_review", D, STAFF),
    "dp refuse": ("budgets:direct_payment_refuse", D, STAFF),
    "dp stop": ("budgets:direct_payment_stop", D, STAFF),
    "family home": ("budgets:family_home", (), FAMILY_LIST),
    "family ask": ("budgets:family_request_start", (), FAMILY_LIST),
    "family detail": ("budgets:family_request_detail", R, FAMILY),
}


@pytest.mark.parametrize("page", PAGES)
def test_role_matrix(client, w, page):
    name, keys, expected = PAGES[page]
    url = reverse(name, kwargs={k: w.kw[k] for k in keys})
    got = {}
    for role, user in w.users.items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    assert got == expected


def test_line_remove_is_post_only_and_staff_only(client, w):
    url = reverse("budgets:line_remove", kwargs={k: w.kw[k] for k in L})
    sign_in(client, w.parent)
    assert client.post(url, {"version": 1}).status_code == FORBIDDEN
    client.logout()
    sign_in(client, w.caseworker)
    assert client.get(url).status_code == 405
