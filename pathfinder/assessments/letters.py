"""What letters and case pages say that comes from settings or the rule book, never from a template.

Why: every letter must give the family real contact details (reg 32 requires mediation information; the
notice of a refusal must say how to reach the mediation adviser and SENDIASS), and no page may state a
statutory period of its own: periods are read from ``statutory`` so a change in the law changes every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

import statutory
from pathfinder.assessments.constants import ExceptionCode


@dataclass(frozen=True)
class Contact:
    """One organisation a letter points the family to."""

    name: str
    phone: str
    email: str
    web: str

    @property
    def phone_link(self) -> str:
        return "tel:" + self.phone.replace(" ", "")


@dataclass(frozen=True)
class CouncilContacts:
    send_team: Contact
    mediation: Contact
    sendiass: Contact


def council_contacts() -> CouncilContacts:
    """The council's settings (``COUNCIL_CONTACTS``, set by PATHFINDER_* environment variables)."""
    raw = settings.COUNCIL_CONTACTS
    return CouncilContacts(**{key: Contact(**raw[key]) for key in ("send_team", "mediation", "sendiass")})


def period_text(code: str) -> str:
    """A period as the law in force today states it, e.g. "6 weeks" for ``decision_to_assess``."""
    return statutory.rule_in_force(code, timezone.localdate()).duration_text


def periods() -> dict[str, str]:
    """Every period in the rule book by code, for templates: ``{{ periods.decision_to_assess }}``."""
    on = timezone.localdate()
    return {code: statutory.rule_in_force(code, on).duration_text for code in sorted(statutory.RULES.codes())}


def notice_recipients(child, on) -> statutory.Addressees:
    """Who a notice or letter about ``child`` sent on ``on`` is addressed to. The rule is the law's and is
    decided in statutory (``notice_addressees``); this only reads the family as recorded."""
    family = tuple(
        statutory.FamilyContact(
            name=m.name,
            has_parental_responsibility=m.has_parental_responsibility,
            receives_notices=m.receives_notices,
            is_representative=m.is_representative,
        )
        for m in child.family_members.all()
    )
    return statutory.notice_addressees(
        child.date_of_birth, on, young_person=child.full_name, family=family, lacks_capacity=child.lacks_capacity
    )


def exception_labels() -> dict[str, str]:
    """Exception codes to the plain description shown to people (never "E3" on its own)."""
    return {code.value: code.label for code in ExceptionCode}


def receipt_message(assessment) -> str:
    """Says when a request that arrived on a non-working day or after 5pm counts as received."""
    if not assessment.arrived_on:
        return ""
    receipt = statutory.Receipt(assessment.arrived_on, assessment.received_on, assessment.arrived_after_hours)
    return receipt.explain() + " The statutory dates are counted from then."
