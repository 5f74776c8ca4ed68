"""The plain values the tribunal app stores: an appeal's stage and outcome, and what a set of duties rests on."""

from __future__ import annotations

from django.db import models


class AppealStatus(models.TextChoices):
    REGISTERED = "registered", "Appeal registered: the council's response is due"
    RESPONDED = "responded", "Response sent to the Tribunal"
    NOT_OPPOSED = "not_opposed", "Not opposed: the council is doing what the appeal asked"
    DECIDED = "decided", "Decided by the Tribunal"
    WITHDRAWN = "withdrawn", "Withdrawn by the family"


OPEN_APPEAL_STATUSES = (AppealStatus.REGISTERED, AppealStatus.RESPONDED)


class AppealOutcome(models.TextChoices):
    DISMISSED = "dismissed", "Dismissed: the council's decision stands"
    ALLOWED_IN_PART = "allowed_in_part", "Allowed in part"
    ALLOWED = "allowed", "Allowed"
    WITHDRAWN = "withdrawn", "Withdrawn by the family"
    CONCEDED = "conceded", "Conceded: the council did not oppose it"


#: Outcomes where the council's decision did not stand (the "overturn rate").
OVERTURNED = (AppealOutcome.ALLOWED_IN_PART, AppealOutcome.ALLOWED, AppealOutcome.CONCEDED)
#: Outcomes the Tribunal decided at a hearing (or on the papers).
DECIDED_OUTCOMES = (AppealOutcome.DISMISSED, AppealOutcome.ALLOWED_IN_PART, AppealOutcome.ALLOWED)


class DutyBasis(models.TextChoices):
    """What the council's duties rest on: each is counted on the same clocks, from a different day."""

    ORDER = "order", "The Tribunal's order (SEND Regulations 2014, reg 44)"
    UNOPPOSED = "unopposed", "The council did not oppose the appeal (reg 45)"
    MEDIATION = "mediation", "A mediation agreement about an appealable decision (reg 42(2))"


class RecommendationArea(models.TextChoices):
    HEALTH = "health", "Health care"
    SOCIAL_CARE = "social_care", "Social care"


#: What each kind of order (statutory.tribunal_orders.OrderKind) tells the council to do, for pages.
ORDER_KIND_CHOICES = [
    ("assess", "Carry out an EHC needs assessment"),
    ("reassess", "Carry out a re-assessment"),
    ("make_plan", "Make and maintain an EHC plan"),
    ("amend_contents", "Amend the plan's contents (sections B or F)"),
    ("change_school", "Change the school or type of placement named in section I"),
    ("cease", "Cease the plan (the appeal against ceasing was dismissed)"),
    ("continue_to_maintain", "Continue to maintain the plan (the appeal against ceasing was allowed)"),
]
