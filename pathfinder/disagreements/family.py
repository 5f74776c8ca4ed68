"""What the family's case page says about each decision they may appeal, in short sentences.

The same dates as the notice (``selectors.decision_rights``): when we told them, by when to contact the mediation
adviser, whether they need a certificate, and the last day to appeal, moved by a certificate once there is one.
Registered with the family portal's seam (``family.case_sections``) from this app's ``ready()``.
"""

from __future__ import annotations

from datetime import date

from pathfinder.assessments.letters import CouncilContacts, council_contacts
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.disagreements.selectors import decision_rights, decisions_for_child, decisions_for_child_source
from pathfinder.family.case_sections import CaseItem, CaseSection

#: What we decided, as a family would read it (s.51(2)).
FAMILY_WORDS = {
    "not_to_assess": "We decided not to carry out an EHC needs assessment.",
    "not_to_reassess": "We decided not to carry out a new EHC needs assessment.",
    "not_to_issue": "We decided not to make an EHC plan.",
    "plan_contents": "We sent you the final EHC plan.",
    "amended_plan_contents": "We sent you the changed EHC plan.",
    "not_to_amend": "We decided not to change the EHC plan.",
    "to_cease": "We decided to stop the EHC plan.",
}
HEADINGS = {
    "not_to_assess": "No assessment", "not_to_reassess": "No new assessment", "not_to_issue": "No EHC plan",
    "plan_contents": "The final plan", "amended_plan_contents": "The changed plan",
    "not_to_amend": "The plan stays the same", "to_cease": "Stopping the plan",
}


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def decision_lines(decision: AppealableDecision, today: date, contacts: CouncilContacts | None = None) -> list[str]:
    """What we decided, when we told the family, and what they may do now: the family's case page's sentences,
    also shown on the plan's page (``people.decisions.appealable_decision_lines``) so both give the same days."""
    contacts = contacts or council_contacts()
    rights = decision_rights(decision)
    lines = [f"{FAMILY_WORDS[decision.kind]} We told you on {_day(rights.notice_sent)}."]
    if rights.appeal_by < today:
        lines.append(f"The time to appeal ended on {_day(rights.appeal_by)}.")
        return lines
    if rights.certificate_on is None:
        lines.append(f"Do you disagree? Talk to a mediation adviser by {_day(rights.mediation_contact_by)}. "
                     f"Call {contacts.mediation.name} on {contacts.mediation.phone}.")
        lines.append("You need their certificate to appeal."
                     + ("" if rights.certificate_always_needed else
                        " You do not need one if you only disagree with the school or college named."))
    else:
        lines.append(f"You got a mediation certificate on {_day(rights.certificate_on)}.")
    lines.append(f"You can appeal to the Tribunal until {_day(rights.appeal_by)}.")
    return lines


def decision_lines_for_source(*, source_type: str, source_id: str, kind: str, today: date) -> list[str] | None:
    """The lines for the decision a record made (the seam's explainer), or None when none is recorded."""
    decision = decisions_for_child_source(source_type=source_type, source_id=source_id, kind=kind).first()
    return decision_lines(decision, today) if decision is not None else None


def family_decisions(child, today: date) -> CaseSection | None:
    """One item per decision, newest first; None when there is no decision to tell the family about."""
    decisions = list(decisions_for_child(child)[:5])
    if not decisions:
        return None
    contacts = council_contacts()
    items = [CaseItem(heading=f"{HEADINGS[d.kind]} ({_day(d.decided_on)})", lines=decision_lines(d, today, contacts))
             for d in decisions]
    return CaseSection(heading="Decisions you can appeal", items=items)
