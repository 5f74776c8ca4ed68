"""One world for every personal budgets access check: a child with a distinctive name, a draft plan, an agreed
budget (a council line and an NHS line the integrated care board was asked about), the indicative budget it was
worked out from, a direct payment with a payment due and spending to match, a draft RAS version with a question,
and one user for every role the pages must tell apart.

Built once per test module (see test_access.py), so a few hundred role-by-URL checks cost one world."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

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
from pathfinder.assessments.tests.factories import AdviceRequestFactory
from pathfinder.budgets.indicative import indicative_budget_work_out
from pathfinder.budgets.lines import SOURCE_TYPE
from pathfinder.budgets.models import BudgetLineShare, BudgetRequest, LineStatus, RequestStatus
from pathfinder.budgets.models_money import DirectPaymentStatus, Payment, Spend
from pathfinder.budgets.ras import ras_draft_start
from pathfinder.budgets.tests.factories import (
    BudgetLineFactory,
    BudgetRequestFactory,
    DirectPaymentFactory,
    published_ras,
)
from pathfinder.budgets.tests.request_world import world as request_world
from pathfinder.organisations.models import OrganisationKind
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationFactory
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import involvement_for_source
from pathfinder.people.models import Child

FIRST, LAST = "Quenburga", "Fothergill-Pym"  # a name no page prints by chance

# Every role the budgets pages tell apart, in the order the matrix shows them.
ROLES = (
    "team caseworker",
    "other team's caseworker",
    "manager",
    "adviser on the case",
    "parent",
    "another parent",
    "another young person",
    "ICB member",
    "other health member",
    "administrator",
    "provider",
    "local offer officer",
    "anonymous",
)


@dataclass
class AccessWorld:
    child: Child
    budget_request: BudgetRequest
    users: dict[str, object]
    ids: dict[str, object] = field(default_factory=dict)  # URL kwargs that reach this world's records


def build() -> AccessWorld:
    w = request_world()
    today = timezone.localdate()
    Child.objects.filter(pk=w.child.pk).update(legal_first_name=FIRST, legal_last_name=LAST, preferred_name="")
    w.child.refresh_from_db()

    system = published_ras(effective_from=today - timedelta(days=60))
    budget_request = BudgetRequestFactory(plan=w.plan, child=w.child)
    answers = {str(q.pk): str(q.options.last().pk) for q in system.questions.all()}
    indicative_budget_work_out(budget_request, "social_care", answers, w.caseworker, budget_request.version)
    BudgetRequest.objects.filter(pk=budget_request.pk).update(
        status=RequestStatus.AGREED, agreed_on=today - timedelta(days=5), notice_sent_on=today - timedelta(days=4)
    )
    budget_request.refresh_from_db()
    council_line = BudgetLineFactory(request=budget_request, provision=w.f_provision, status=LineStatus.AGREED)
    BudgetLineShare.objects.create(line=council_line, funder="council", amount=council_line.yearly_amount)
    nhs_line = BudgetLineFactory(request=budget_request, provision=w.g_provision, status=LineStatus.AGREED)
    BudgetLineShare.objects.create(line=nhs_line, funder="icb", amount=nhs_line.yearly_amount)
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
    dp = DirectPaymentFactory(
        request=budget_request, status=DirectPaymentStatus.ACTIVE, agreement_signed_on=today - timedelta(days=3)
    )
    dp.lines.set([council_line])
    payment = Payment.objects.create(direct_payment=dp, due_on=today, amount=Decimal("100.00"))
    spend = Spend.objects.create(
        direct_payment=dp, spent_on=today - timedelta(days=1), amount=Decimal("9.99"), payee="Shop"
    )
    manager = ManagerFactory()
    draft = ras_draft_start(acting_user=manager, stream="social_care")

    adviser = AdviserFactory()
    AdviceRequestFactory(assessment=w.plan.assessment, adviser=adviser)
    users = {
        "team caseworker": w.caseworker,
        "other team's caseworker": CaseworkerFactory(),
        "manager": manager,
        "adviser on the case": adviser,
        "parent": w.parent,
        "another parent": ParentFactory(),
        "another young person": YoungPersonFactory(),
        "ICB member": w.icb_member,
        "other health member": MembershipFactory(
            organisation=OrganisationFactory(name="Another NHS Trust", kind=OrganisationKind.HEALTH)
        ).user,
        "administrator": AdministratorFactory(),
        "provider": ProviderFactory(),
        "local offer officer": LocalOfferOfficerFactory(),
        "anonymous": None,
    }
    assert tuple(users) == ROLES
    ids = {
        "child_id": w.child.pk,
        "plan_id": w.plan.pk,
        "provision_id": w.f_provision.pk,
        "request_id": budget_request.pk,
        "line_id": nhs_line.pk,
        "direct_payment_id": dp.pk,
        "payment_id": payment.pk,
        "spend_id": spend.pk,
        "system_id": draft.pk,
        "question_id": draft.questions.first().pk,
        "stream": "social_care",
    }
    return AccessWorld(child=w.child, budget_request=budget_request, users=users, ids=ids)
