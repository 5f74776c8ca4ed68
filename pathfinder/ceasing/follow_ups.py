"""A seam: what other domains do when the council's decision to cease a plan is sent (reg 31).

A decision to cease taken after a review is the review's decision (reg 20(10)): the review records it on the day
the cease notice goes. ceasing cannot import reviews (reviews sits above it), so reviews registers a follow-up here
from its ``AppConfig.ready()``. The ceasing service that sends the decision notice calls each one inside its own
transaction, as ``follow_up(cessation=<Cessation>, decided_on=<date>, acting_user=<User>)``; a follow-up that
raises ServiceError refuses the whole act.
"""

from __future__ import annotations

from collections.abc import Callable

CEASE_DECISION_FOLLOW_UPS: list[Callable[..., None]] = []
