"""A caseworker answers the stream's questionnaire for a child: the indicative budget is saved with its working,
the request moves to "indicative", and the reasons letter (which the family reads too) shows each answer, the
band, the amount, and the reasons for a different amount (KM v Cambridgeshire: the RAS is a starting point)."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.models import IndicativeBudget, RequestStatus
from pathfinder.budgets.tests.factories import BudgetRequestFactory, published_ras
from pathfinder.people.tests.factories import FamilyMemberFactory

pytestmark = pytest.mark.django_db


def _option(system, question_index: int, option_index: int) -> tuple[str, str]:
    question = list(system.questions.all())[question_index]
    return f"q_{question.pk}", str(list(question.options.all())[option_index].pk)


def test_a_caseworker_works_out_the_budget_and_the_family_reads_the_working(client):
    system = published_ras()
    budget_request = BudgetRequestFactory()
    caseworker = CaseworkerFactory(team=budget_request.child.team)
    sign_in(client, caseworker)
    url = reverse("budgets:indicative_answer", args=[budget_request.child_id, budget_request.pk, "social_care"])
    page = client.get(url).content.decode()
    assert "How much help does the child need with personal care?" in html.unescape(page)

    base = {"version": budget_request.version, "system_id": system.pk}
    missing = client.post(url, base | dict([_option(system, 0, 1)])).content.decode()
    assert "Select an answer to question 2" in missing
    answers = dict([_option(system, 0, 1), _option(system, 1, 1)])  # 4 + 3 = 7 points: Band B
    no_reasons = client.post(url, base | answers | {"amount": "4,100.00"}).content.decode()
    assert "Give the reasons for setting a different amount" in no_reasons
    assert not IndicativeBudget.objects.exists()

    response = client.post(url, base | answers)
    assert response.status_code == 302
    budget = IndicativeBudget.objects.get()
    assert (budget.points, budget.band.name, budget.yearly_amount, budget.system) == (
        7,
        "Band B",
        Decimal("3600"),
        system,
    )
    assert [(w["answer"], w["points"]) for w in budget.working] == [("Some help every day", 4), ("Every month", 3)]
    budget_request.refresh_from_db()
    assert budget_request.status == RequestStatus.INDICATIVE

    # Reworking replaces the stream's row: the council sets a different amount, with its reasons.
    client.post(
        url,
        base
        | answers
        | {
            "version": budget_request.version,
            "amount": "4,100",
            "reasons": "Sam needs two carers for swimming, which Band B does not cover.",
        },
    )
    budget = IndicativeBudget.objects.get()
    assert budget.yearly_amount == Decimal("4100")

    parent = ParentFactory()
    FamilyMemberFactory(child=budget_request.child, user=parent)
    client.logout()
    sign_in(client, parent)
    letter = html.unescape(
        client.get(
            reverse("budgets:reasons_letter", args=[budget_request.child_id, budget_request.pk])
        ).content.decode()
    )
    assert "Some help every day" in letter and "7 points is in Band B (5 to 9 points)" in letter
    assert "The amount for Band B is £3,600 a year" in letter
    assert "We have set £4,100 a year instead, because: Sam needs two carers" in letter
    assert "starting point" in letter and "If you disagree" in letter
    assert "Work out an indicative budget" not in letter  # the staff's links are not the family's
