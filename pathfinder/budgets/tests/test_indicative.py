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


def test_the_letter_offers_and_explains_only_the_streams_the_family_asked_about(client):
    """A family who asked about social care and travel is not shown (or worked out) an education budget."""
    social_care = published_ras()
    published_ras(stream="education")
    budget_request = BudgetRequestFactory(streams=["social_care", "transport"])
    caseworker = CaseworkerFactory(team=budget_request.child.team)
    sign_in(client, caseworker)
    ids = [budget_request.child_id, budget_request.pk]
    letter_url = reverse("budgets:reasons_letter", args=ids)
    letter = html.unescape(client.get(letter_url).content.decode())
    assert reverse("budgets:indicative_answer", args=[*ids, "social_care"]) in letter
    assert reverse("budgets:indicative_answer", args=[*ids, "transport"]) in letter
    assert reverse("budgets:indicative_answer", args=[*ids, "education"]) not in letter
    assert ">Education<" not in letter and ">Health<" not in letter
    assert "You asked about: social care, home to school transport." in letter
    # Not asked about: no form, and the service refuses it too.
    assert client.get(reverse("budgets:indicative_answer", args=[*ids, "education"])).status_code == 404
    from pathfinder.budgets.indicative import indicative_budget_work_out
    from pathfinder.core.errors import ServiceError

    with pytest.raises(ServiceError, match="did not ask for a personal budget for education"):
        indicative_budget_work_out(budget_request, "education", {}, caseworker, budget_request.version)
    # A budget for a stream they did not ask about (made before this rule) is left out of their letter.
    answers = dict([_option(social_care, 0, 1), _option(social_care, 1, 1)])
    client.post(reverse("budgets:indicative_answer", args=[*ids, "social_care"]),
                {"version": budget_request.version, "system_id": social_care.pk} | answers)
    stray = IndicativeBudget.objects.get()
    IndicativeBudget.objects.create(request=budget_request, stream="education", system=stray.system, points=1,
                                    band=stray.band, yearly_amount=Decimal("9999"), working=[], reasons="",
                                    worked_out_on=stray.worked_out_on)
    letter = html.unescape(client.get(letter_url).content.decode())
    assert "Social care: £3,600 a year" in letter and "£9,999" not in letter
