"""What the final plan's notice of rights (reg 14) needs: appeal and mediation dates from the rule book, whom the
notice is addressed to (decided in statutory), and the contact details every letter gives. Shared by the plan page
and its PDF so both say the same."""

from __future__ import annotations

import statutory
from pathfinder.assessments.letters import council_contacts, notice_recipients, period_text

__all__ = ["final_notice_context", "period_text"]


def final_notice_context(plan) -> dict:
    """``appeal`` (statutory.AppealDates, or None before the plan is final), ``notice_to`` (statutory.Addressees
    on the day the plan was issued, or None before) and ``letter_contacts``."""
    issued = plan.issued_on if plan.is_final else None
    return {
        "appeal": statutory.appeal_dates(issued) if issued else None,
        "notice_to": notice_recipients(plan.child, issued) if issued else None,
        "letter_contacts": council_contacts(),
    }
