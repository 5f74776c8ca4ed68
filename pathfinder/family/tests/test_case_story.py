"""The family's case story names a re-assessment as one: a family whose child already has a plan reads "assess ...
again" and "a new EHC plan", not words that suggest the plan has gone."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import ParentFactory
from pathfinder.assessments.tests.factories import AssessmentFactory, DraftingFactory
from pathfinder.family.case_story import case_story
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def _texts(events) -> str:
    return " | ".join(event.text for event in events)


def test_a_reassessment_reads_as_assessing_again():
    child = ChildFactory(legal_first_name="Ola")
    DraftingFactory(child=child, kind="reassessment", last_assessment_on=date(2024, 3, 1))
    story = case_story(child, ParentFactory(), date(2026, 9, 1))
    happened = _texts(story.happened)
    assert "We got the request to assess Ola again." in happened
    assert "We decided to assess Ola again." in happened
    assert "We decided to write a new EHC plan." in happened


def test_a_first_assessment_does_not_say_again():
    child = ChildFactory(legal_first_name="Ola")
    AssessmentFactory(child=child)
    story = case_story(child, ParentFactory(), date(2026, 6, 2))
    assert "again" not in _texts(story.happened) + _texts(story.next_steps)
    assert "We must tell you by" in _texts(story.next_steps)


def test_an_undecided_reassessment_promises_an_answer_on_assessing_again():
    child = ChildFactory(legal_first_name="Ola")
    AssessmentFactory(child=child, kind="reassessment", last_assessment_on=date(2024, 3, 1))
    story = case_story(child, ParentFactory(), date(2026, 6, 2))
    assert "whether we will assess Ola again." in _texts(story.next_steps)
