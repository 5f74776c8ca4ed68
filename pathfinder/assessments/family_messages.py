"""Telling the family: a message to each person a notice about the child goes to on that day.

Who that is is the law's (statutory.notice_addressees, through letters.notice_recipients): the parents until
the end of compulsory school age, then the young person, or their representative (CFA s.80). Each person is
reached as they chose (their own sign-in's choice, or the preference recorded on the family member).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from pathfinder.assessments.letters import notice_recipients
from pathfinder.notifications.kinds import link
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send


def _address(address: str, postcode: str) -> str:
    return "\n".join(part for part in (address.strip(), postcode.strip()) if part)


def young_person_recipient(child: Any) -> Recipient:
    """The young person: by their own sign-in's choice, or by post to the address on their record."""
    address = _address(child.address, child.postcode)
    if child.user_id:
        return Recipient.for_user(child.user, address=address)
    return Recipient.for_contact(preference="post", address=address)


def family_recipients(child: Any, on: date) -> list[Recipient]:
    """Everyone a notice about ``child`` sent on ``on`` goes to, as Recipients."""
    addressees = notice_recipients(child, on)
    if addressees.who == "young_person":
        return [young_person_recipient(child)]
    names = set(addressees.names)
    recipients = []
    for member in child.family_members.select_related("user").order_by("pk"):
        if member.name in names:
            recipients.append(family_member_recipient(member))
    return recipients


def family_member_recipient(member: Any) -> Recipient:
    """One family member, reached as they chose: their own sign-in's choice, or the preference on their record."""
    address = _address(member.address, member.postcode)
    if member.user_id:
        return Recipient.for_user(member.user, address=address)
    return Recipient.for_contact(preference=member.contact_preference, email=member.email, phone=member.phone,
                                 address=address)


def family_link() -> str:
    """Where the family signs in to see the details."""
    return link(reverse("family:home"))


def family_tell(*, child: Any, kind: str, values: dict, on: date) -> int:
    """Queue ``kind`` for each addressee; sent once the current transaction commits. Returns how many."""
    recipients = family_recipients(child, on)
    for recipient in recipients:
        message_send(to=recipient, kind=kind, values={"link": family_link(), **values}, child=child)
    return len(recipients)
