"""The decision record's invariants are the database's, not only the service's."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.tests.factories import AppealableDecisionFactory

pytestmark = pytest.mark.django_db


def test_one_decision_of_a_kind_per_source_record() -> None:
    """A retried service cannot record the same decision twice."""
    first = AppealableDecisionFactory(source_type="assessments.assessment", source_id="7")
    with pytest.raises(IntegrityError), transaction.atomic():
        AppealableDecisionFactory(child=first.child, source_type="assessments.assessment", source_id="7")


def test_one_source_may_make_two_kinds_of_decision() -> None:
    """An assessment may end in not issuing a plan after the council first refused to re-assess: two kinds."""
    first = AppealableDecisionFactory(source_type="reviews.review", source_id="3", kind=AppealableKind.NOT_TO_AMEND)
    second = AppealableDecisionFactory(child=first.child, source_type="reviews.review", source_id="3",
                                       kind=AppealableKind.AMENDED_PLAN_CONTENTS, sections=["B", "F"])
    assert second.history.count() == 1
    assert str(first).startswith("Not to amend the EHC plan")
