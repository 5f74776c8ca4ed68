"""Who a message goes to, and by which channel: their own choice, where we have the details to use it.

Built from a user (``Recipient.for_user``) or from a family member's recorded details (``Recipient.for_contact``),
so this module needs nothing from people: a higher domain reads its own records and passes the details in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pathfinder.notifications.models import Channel

# people.FamilyMember.contact_preference's choices, mapped to the channels we send by. A phone call cannot be
# sent, so "phone" becomes a text message to the same number.
FAMILY_PREFERENCES = {"email": Channel.EMAIL, "text": Channel.SMS, "phone": Channel.SMS, "post": Channel.LETTER,
                      "sms": Channel.SMS, "letter": Channel.LETTER}


@dataclass(frozen=True)
class Recipient:
    """One person to tell, and how. ``channel`` is what they chose; ``usable_channel`` what we can use."""

    channel: str
    user: Any = None
    email: str = ""
    phone: str = ""
    address: str = ""

    @classmethod
    def for_user(cls, user: Any, *, address: str = "") -> Recipient:
        """Someone with a sign-in, by the choice on their "How we contact you" page."""
        return cls(channel=FAMILY_PREFERENCES.get(getattr(user, "contact_preference", ""), Channel.EMAIL), user=user,
                   email=user.email or "", phone=getattr(user, "phone", "") or "",
                   address=getattr(user, "postal_address", "") or address)

    @classmethod
    def for_contact(cls, *, preference: str, email: str = "", phone: str = "", address: str = "") -> Recipient:
        """A family member without a sign-in, by the preference the caseworker recorded."""
        return cls(channel=FAMILY_PREFERENCES.get(preference, Channel.EMAIL), email=email, phone=phone,
                   address=address)

    def _has(self, channel: str) -> bool:
        return bool({Channel.EMAIL: self.email, Channel.SMS: self.phone, Channel.LETTER: self.address}[channel])

    @property
    def usable_channel(self) -> str | None:
        """Their choice if we hold the details for it; else email, text, then letter; None if we hold nothing."""
        for channel in (self.channel, Channel.EMAIL, Channel.SMS, Channel.LETTER):
            if self._has(channel):
                return channel
        return None
