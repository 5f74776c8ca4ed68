"""What if a draft were used: every current budget of the stream worked out again from its stored answers, in
two queries (the budgets; their answers' codes). Answers are matched to the draft by each question's and answer's
code, carried when the draft is copied and kept when words change, so rewording loses nobody's answer; a new
question needs answering again and is counted apart; a budget with no answer ids is matched by words, and says so."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.indicative import indicative_budget_work_out
from pathfinder.budgets.models import IndicativeBudget
from pathfinder.budgets.models_ras import RasBand, RasQuestion
from pathfinder.budgets.ras import option_codes_kept, ras_draft_start, ras_get, ras_question_save
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
    with django_assert_max_num_queries(2):
        result = what_if(draft)
    assert result.total_now == Decimal("12600.00")
    assert result.total_new == Decimal("12200.00")
    assert (result.up, result.down, result.same, result.needs_answering) == (1, 1, 1, 0)

    # The draft rewords a question and an answer (through the page's service): matched by their codes still.
    question = RasQuestion.objects.get(system=draft, order=2)
    old_labels = [(o.label, o.points) for o in question.options.all()]
    ras_question_save(acting_user=manager, system=draft, expected_version=draft.version, question=question,
                      text="How often do the family need a short break?", help_text="",
                      options=[old_labels[0], ("Monthly", old_labels[1][1]), old_labels[2]])
    draft = ras_get(draft.pk)
    result = what_if(draft)
    assert result.needs_answering == 0 and result.total_new == Decimal("12200.00") and result.matched_by_words == 0

    # A new question: nobody was asked it, so every family needs answering again (never guessed).
    draft.refresh_from_db()
    ras_question_save(acting_user=manager, system=draft, expected_version=draft.version, question=None,
                      text="Does the child need two carers?", help_text="", options=[("No", 0), ("Yes", 4)])
    result = what_if(ras_get(draft.pk))
    assert result.needs_answering == 3 and result.total_new == 0
    assert result.rows[0].unanswered == ["Does the child need two carers?"]

    sign_in(client, manager)
    page = html.unescape(client.get(reverse("budgets:what_if", args=[draft.pk])).content.decode())
    assert "Needs answering again" in page and middle.request.child.full_name in page
    assert "matched to this version by the question's and the answer's reference" in page


def test_a_budget_without_answer_ids_is_matched_by_its_words_and_says_so(client):
    system = published_ras()
    budget = _work_out(system, (1, 1))
    IndicativeBudget.objects.filter(pk=budget.pk).update(answers={})  # as budgets kept before answers had ids
    manager = ManagerFactory()
    draft = ras_get(ras_draft_start(acting_user=manager, stream="social_care").pk)
    result = what_if(draft)
    assert result.rows[0].new == Decimal("3600.00") and result.rows[0].by_words and result.matched_by_words == 1
    sign_in(client, manager)
    page = html.unescape(client.get(reverse("budgets:what_if", args=[draft.pk])).content.decode())
    assert "matched by words" in page


def test_a_reworded_answer_keeps_its_code_and_a_new_one_gets_its_own():
    class Option:
        def __init__(self, label, code):
            self.label, self.code = label, code

    old = [Option("Rarely", "a"), Option("Every month", "b"), Option("Every week", "c")]
    assert option_codes_kept(old, ["Rarely", "Monthly", "Every week"]) == ["a", "b", "c"]
    moved = option_codes_kept(old, ["Every week", "Rarely", "Twice a week", "Daily"])
    assert moved[:2] == ["c", "a"] and moved[2] not in "abc" and moved[3] not in "abc" and moved[2] != moved[3]
