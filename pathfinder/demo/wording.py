"""All the demo's made-up wording in one place, for the checks that no child is named in another's record.

Each domain keeps its own: the request summaries and decision reasons in pathfinder.assessments.demo, the plan
wording (sections A to H) in pathfinder.plans.demo_wording.
"""

from __future__ import annotations

from pathfinder.assessments.demo import AREA_FOR_NEED, NOT_ISSUE_REASONS, REFUSAL_REASONS
from pathfinder.plans.demo_wording import (
    NEEDS,
    OUTCOMES,
    PFA_OUTCOMES,
    PROVISION_F,
    PROVISION_G,
    PROVISION_H,
    SECTION_A,
    SECTION_C,
    SECTION_D,
    ProvisionText,
)

__all__ = [
    "AREA_FOR_NEED", "NEEDS", "NOT_ISSUE_REASONS", "OUTCOMES", "PFA_OUTCOMES", "PROVISION_F", "PROVISION_G",
    "PROVISION_H", "REFUSAL_REASONS", "SECTION_A", "SECTION_C", "SECTION_D", "ProvisionText",
]
