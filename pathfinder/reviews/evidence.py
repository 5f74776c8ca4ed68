"""Evidence of a review for the council's figures, as database expressions (counted at national scale).

For the phase-transfer cohort (insights, which sits above reviews and registers this where it counts the steps):
a review meeting held for the child since a day, whichever of the child's plans it reviewed (an amended plan issued
since is a new row, so the child is the key, not the plan). Use inside an annotation over ``Plan`` rows::

    plans.annotate(done_meeting=meeting_held_since(date(2026, 9, 1)))
"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef

from pathfinder.reviews.models import Review, ReviewStatus

HELD = (ReviewStatus.MEETING_HELD, ReviewStatus.REPORT_RECEIVED, ReviewStatus.DECIDED)


def meeting_held_since(start: date, *, child_ref: str = "child_id") -> Exists:
    """True for a row whose child (``OuterRef(child_ref)``) had a review meeting held on or after ``start``."""
    return Exists(Review.objects.filter(plan__child_id=OuterRef(child_ref), status__in=HELD, meeting_on__gte=start))
