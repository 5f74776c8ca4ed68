"""Appealable decisions as the decision services record them."""

from __future__ import annotations

from datetime import date

import factory

from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.people.tests.factories import ChildFactory


class AppealableDecisionFactory(factory.django.DjangoModelFactory):
    """A decision not to assess, its notice sent on the day it was made."""

    class Meta:
        model = AppealableDecision

    child = factory.SubFactory(ChildFactory)
    kind = AppealableKind.NOT_TO_ASSESS
    decided_on = date(2026, 3, 2)
    notice_sent = date(2026, 3, 2)
    sections = factory.LazyFunction(list)
    source_type = "assessments.assessmentrequest"
    source_id = factory.Sequence(str)
    summary = "Decided not to carry out an EHC needs assessment"
