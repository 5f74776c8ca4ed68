"""What if a draft were used: every current budget of the stream worked out again from its stored answers, in
one query for the budgets; a family asked a question the draft no longer words the same way needs answering
again, and is counted apart."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.indicative import indicative_budget_work_out
from pathfinder.budgets.models_ras import RasBand, RasQuestion
from pathfinder.budgets.ras import ras_draft_start, ras_get
from pathfinder.budgets.tests.factories import BudgetRequestFactory, published_ras
from pathfinder.budgets.what_if import what_if

pytestmark = pytest.mark.django_db


def _work_out(system, picks):
    budget_request = BudgetRequestFactory()
    user = CaseworkerFactory(team=budget_request.child.team)
    answers = {str(q.pk): str(list(q.options.all())[i].pk) for q, i in zip(system.questions.all(), picks, strict=True)}
    return indicative_budget_work_out(budget_request, "social_care", answers, user, budget_request.version)


def test_what_if_totals_and_families_up_and_down(client, django_assert_max_num_queries):
    system = published_ras()
    _work_out(system, (0, 0))  # 0 points, Band A, £1,200
    middle = _work_out(system, (1, 1))  # 7 points, Band B, £3,600
    _work_out(system, (2, 2))  # 14 points, Band C, £7,800
    manager = ManagerFactory()
    draft = ras_draft_start(acting_user=manager, stream="social_care")
    RasBand.objects.filter(system=draft, name="Band B").update(yearly_amount=Decimal("4000.00"))
    RasBand.objects.filter(system=draft, name="Band C").update(min_points=10, yearly_amount=Decimal("7000.00"))
    draft = ras_get(draft.pk)
    with django_assert_max_num_queries(1):
        result = what_if(draft)
    assert result.total_now == Decimal("12600.00")
    assert result.total_new == Decimal("12200.00")
    assert (result.up, result.down, result.same, result.needs_answering) == (1, 1, 1, 0)

    # The draft rewords a question: those answers cannot be re-read, so every family needs answering again.
    RasQuestion.objects.filter(system=draft, order=2).update(text="How often do the family need a short break?")
    result = what_if(ras_get(draft.pk))
    assert result.needs_answering == 3 and result.total_new == 0
    assert result.rows[0].unanswered == ["How often do the family need a short break?"]

    sign_in(client, manager)
    page = html.unescape(client.get(reverse("budgets:what_if", args=[draft.pk])).content.decode())
    assert "Needs answering again" in page and middle.request.child.full_name in page
