"""A seam: what other domains do when an amendment notice is served (reg 22(2)).

The council's decision after a review to amend the plan must be served together with the proposed amendments
(R (L, M, P) v Devon CC [2022] EWHC 493 (Admin)): the review records its decision "amend" on the day the notice
goes, not before. plans cannot import reviews (reviews sits above it), so reviews registers a follow-up here from
its ``AppConfig.ready()``. ``plans.amendments.amendment_notice_send`` calls each one inside its own transaction,
after the move, as ``follow_up(amendment=<Plan>, on=<date>, acting_user=<User>)``; a follow-up that raises
ServiceError refuses the whole act.
"""

from __future__ import annotations

from collections.abc import Callable

AMENDMENT_NOTICE_FOLLOW_UPS: list[Callable[..., None]] = []
