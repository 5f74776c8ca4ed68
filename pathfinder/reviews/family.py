"""What the family's case page says about the plan's review, in short sentences (reading age about 9).

The meeting's date, the council's decision and, after a decision to keep the plan, their right to mediation and to
appeal (statutory.appeal_dates), with the council's contacts. Shown by the family portal (family sits above
reviews, so it imports this).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import statutory
from pathfinder.assessments.letters import council_contacts
from pathfinder.people.decisions import appealable_decision_lines
from pathfinder.plans.models import PlanStatus
from pathfinder.reviews.models import Review, ReviewDecision, ReviewStatus


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


@dataclass(frozen=True)
class FamilyReview:
    lines: list[str] = field(default_factory=list)
    rights: list[str] = field(default_factory=list)


def family_review(child, today: date) -> FamilyReview | None:
    """The latest review of the child's final plan (or the last one decided), or None if there is nothing to say."""
    review = (Review.objects.filter(plan__child=child).exclude(status=ReviewStatus.CANCELLED)
              .select_related("plan").order_by("-started_on", "-pk").first())
    plan = child.plans.filter(status=PlanStatus.FINAL).first()
    lines: list[str] = []
    if review is not None and review.meeting_on:
        if review.meeting_on >= today and review.status == ReviewStatus.MEETING_ARRANGED:
            where = f" at {review.meeting_place}" if review.meeting_place else ""
            lines.append(f"The meeting to review the plan is on {_day(review.meeting_on)}{where}. You can come and "
                         "say what you think.")
        else:
            lines.append(f"The meeting to review the plan was on {_day(review.meeting_on)}.")
    rights: list[str] = []
    if review is not None and review.status == ReviewStatus.DECIDED and review.decided_on:
        told = f"We told you on {_day(review.decided_on)}."
        if review.decision == ReviewDecision.MAINTAIN:
            lines.append(f"We decided to keep the plan as it is. {told}")
            dates, contacts = statutory.appeal_dates(review.decided_on), council_contacts()
            # The recorded decision's own words when there is one: they follow a mediation certificate, so this
            # section and "Decisions you can appeal" give the same last day (people.decisions seam).
            rights = appealable_decision_lines(source_type="reviews.review", source_id=review.pk,
                                               kind="not_to_amend", today=today) or [
                f"If you do not agree, you can talk to a mediator first. Contact {contacts.mediation.name} by "
                f"{_day(dates.mediation_contact_by)}. Phone {contacts.mediation.phone}.",
                f"You can appeal to the Tribunal until {_day(dates.appeal_by)}.",
                f"{contacts.sendiass.name} can help you for free. Phone {contacts.sendiass.phone}.",
            ]
        elif review.decision == ReviewDecision.AMEND:
            lines.append(f"We decided to change the plan. {told} We sent you the changes we want to make.")
        else:
            lines.append(f"We decided to stop the plan. {told} Our letter says what you can do if you do not agree.")
    elif review is not None and review.amendment_id:
        lines.append("We want to make some changes to the plan. We will send them to you.")
    if plan is not None and plan.review_due_on and (review is None or review.status == ReviewStatus.DECIDED):
        lines.append(f"The plan must be reviewed again by {_day(plan.review_due_on)}.")
    if not lines:
        return None
    return FamilyReview(lines=lines, rights=rights)
