"""The RAS calculation: examples of each problem, and properties that hold for any valid version and answers."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from statutory.allocation import Band, Option, Question, Questionnaire, allocate, band_for, version_problems

FAST = settings(max_examples=150, deadline=None, database=None)

CARE = Question(
    "q1", "Help with personal care", (Option("a", "None", 0), Option("b", "Some", 4), Option("c", "All", 8))
)
BREAKS = Question(
    "q2", "Breaks from caring", (Option("d", "Rarely", 0), Option("e", "Monthly", 3), Option("f", "Weekly", 6))
)
BANDS = (
    Band("Band A", 0, 4, Decimal("1200.00")),
    Band("Band B", 5, 9, Decimal("3600.00")),
    Band("Band C", 10, None, Decimal("7800.00")),
)
VERSION = Questionnaire((CARE, BREAKS), BANDS)


def test_answers_give_points_band_amount_and_the_working():
    result = allocate(VERSION, {"q1": "b", "q2": "e"})
    assert result.ok
    assert result.points == 7 and result.band.name == "Band B" and result.amount == Decimal("3600.00")
    assert [(w.question, w.answer, w.points) for w in result.working] == [
        ("Help with personal care", "Some", 4),
        ("Breaks from caring", "Monthly", 3),
    ]


def test_missing_and_unknown_answers_are_problems_naming_the_question():
    result = allocate(VERSION, {"q1": "zzz"})
    assert not result.ok and result.amount is None
    assert {(p.code, p.question_id) for p in result.problems} == {("unknown_answer", "q1"), ("missing_answer", "q2")}


def test_a_band_without_a_price_gaps_and_overlaps_are_each_reported():
    bands = (Band("Band A", 0, 4, None), Band("Band B", 6, 9, Decimal("1")), Band("Band C", 9, 12, Decimal("2")))
    codes = [p.code for p in version_problems(Questionnaire((CARE, BREAKS), bands))]
    assert codes.count("band_unpriced") == 1 and "overlap" in codes
    assert codes.count("gap") == 2  # 5 is in no band; nor is 13 or 14 (the answers can score 14)
    assert [p.code for p in version_problems(Questionnaire((), BANDS))] == ["no_questions"]
    assert allocate(Questionnaire((CARE,), bands), {"q1": "a"}).amount is None


def test_a_band_that_pays_less_for_more_need_is_refused():
    bands = (Band("Band A", 0, 4, Decimal("500")), Band("Band B", 5, None, Decimal("400")))
    assert [p.code for p in version_problems(Questionnaire((CARE,), bands))] == ["less_for_more"]


# -- properties --------------------------------------------------------------------------------------------------


@st.composite
def valid_versions(draw) -> Questionnaire:
    """Any valid version: 1 to 5 questions of 1 to 4 answers, bands that cover 0 upwards with rising prices."""
    questions = []
    for q in range(draw(st.integers(1, 5))):
        points = draw(st.lists(st.integers(0, 20), min_size=1, max_size=4))
        questions.append(
            Question(
                f"q{q}", f"Question {q}", tuple(Option(f"q{q}o{i}", f"Answer {i}", p) for i, p in enumerate(points))
            )
        )
    most = sum(max(o.points for o in q.options) for q in questions)
    cuts = sorted(set(draw(st.lists(st.integers(1, max(most, 1)), max_size=5))))
    starts = [0, *cuts]
    prices = sorted(draw(st.lists(st.decimals(0, 50000, places=2), min_size=len(starts), max_size=len(starts))))
    bands = tuple(
        Band(f"Band {i}", start, (starts[i + 1] - 1) if i + 1 < len(starts) else None, prices[i])
        for i, start in enumerate(starts)
    )
    version = Questionnaire(tuple(questions), bands)
    assert version_problems(version) == []
    return version


@st.composite
def version_and_answers(draw):
    version = draw(valid_versions())
    answers = {q.id: draw(st.sampled_from(q.options)).id for q in version.questions}
    return version, answers


@FAST
@given(version_and_answers())
def test_the_working_always_sums_to_the_total(case):
    version, answers = case
    result = allocate(version, answers)
    assert result.ok
    assert sum(line.points for line in result.working) == result.points
    assert len(result.working) == len(version.questions)
    assert result.band.holds(result.points) and result.amount == result.band.yearly_amount


@FAST
@given(version_and_answers(), st.data())
def test_more_need_never_gives_less_money(case, data):
    version, answers = case
    question = data.draw(st.sampled_from(version.questions))
    current = question.option(answers[question.id])
    higher = [o for o in question.options if o.points > current.points]
    assume(higher)
    more = {**answers, question.id: data.draw(st.sampled_from(higher)).id}
    assert allocate(version, more).amount >= allocate(version, answers).amount


@FAST
@given(valid_versions(), st.data())
def test_every_total_falls_in_exactly_one_band_of_a_valid_version(version, data):
    points = data.draw(st.integers(0, version.most_points + 50))
    assert sum(1 for band in version.bands if band.holds(points)) == 1
    assert band_for(version.bands, points) is not None
