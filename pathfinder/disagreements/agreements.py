"""What follows a mediation agreement about something the family could have appealed (reg 42(2)).

Why a seam: such an agreement binds the council on the same clocks as a Tribunal order, and the duties and
their clocks live in the tribunal app, which sits above this one. The tribunal app registers the follow-up from
its ``ready()``; mediation calls :func:`appealable_agreement_reached` inside the transaction that records the
agreement, so the agreement and its duties are saved together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable

from pathfinder.disagreements.models_mediation import MediationCase

AgreementFollowUp = Callable[..., object]
_FOLLOW_UPS: list[AgreementFollowUp] = []


def register_appealable_agreement_follow_up(follow_up: AgreementFollowUp) -> None:
    """``follow_up(acting_user=..., case=...)`` runs when an agreement on appealable matters is recorded."""
    if follow_up not in _FOLLOW_UPS:
        _FOLLOW_UPS.append(follow_up)


def appealable_agreement_reached(*, acting_user, case: MediationCase) -> None:
    for follow_up in _FOLLOW_UPS:
        follow_up(acting_user=acting_user, case=case)
