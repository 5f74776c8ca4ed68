"""Appeals at each stage, against decisions recorded as the decision services record them."""

from __future__ import annotations

from datetime import date

import factory

import statutory
from pathfinder.ceasing.tests.factories import final_plan
from pathfinder.disagreements.tests.factories import AppealableDecisionFactory
from pathfinder.tribunal.constants import AppealOutcome, AppealStatus
from pathfinder.tribunal.models import Appeal


def case(**decision):
    """A child with a final plan (so its caseworker sees them) and an appealable decision about them, its notice
    sent on 2 March 2026. Returns (decision, caseworker)."""
    plan = final_plan()
    return AppealableDecisionFactory(child=plan.child, **decision), plan.assessment.caseworker


class AppealFactory(factory.django.DjangoModelFactory):
    """Registered on 20 April 2026, sent to the council on 22 April, with a mediation certificate of 10 April."""

    class Meta:
        model = Appeal

    decision = factory.SubFactory(AppealableDecisionFactory)
    child = factory.SelfAttribute("decision.child")
    reference = factory.Sequence(lambda n: f"EH881/26/{n:05d}")
    registered_on = date(2026, 4, 20)
    notified_on = date(2026, 4, 22)
    grounds = "The school's and the therapist's reports show needs the council did not weigh."
    sections = factory.LazyFunction(list)
    certificate_needed = True
    certificate_on = date(2026, 4, 10)
    response_due = factory.LazyAttribute(lambda o: statutory.tribunal_response_due(o.notified_on))
    status = AppealStatus.REGISTERED


def decided_appeal(outcome: str = AppealOutcome.ALLOWED, **kw) -> Appeal:
    """Decided on 15 September 2026."""
    return AppealFactory(status=AppealStatus.DECIDED, outcome=outcome, outcome_on=date(2026, 9, 15), **kw)
