"""People choose how we contact them: email, text message or letter."""

from __future__ import annotations

import re

from django.db import transaction

from pathfinder.accounts.models import ContactPreference, User
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError

UK_MOBILE = re.compile(r"^(\+44|0044|0)7\d{9}$")


def contact_preference_change(*, acting_user: User, preference: str, phone: str, postal_address: str) -> User:
    """Record how someone wants to hear from us. A text needs a UK mobile number; a letter needs an address."""
    phone = phone.strip()
    postal_address = postal_address.strip()
    if preference not in ContactPreference.values:
        raise ServiceError("Select how we should contact you", field="contact_preference")
    if preference == ContactPreference.SMS and not phone:
        raise ServiceError("Enter a mobile phone number, so that we can send you text messages", field="phone")
    if phone and not UK_MOBILE.match(re.sub(r"[\s()-]", "", phone)):
        raise ServiceError("Enter a UK mobile phone number, like 07700 900 982", field="phone")
    if preference == ContactPreference.LETTER and not postal_address:
        raise ServiceError("Enter your postal address, so that we can send you letters", field="postal_address")
    if preference == ContactPreference.EMAIL and not acting_user.email:
        raise ServiceError("We do not have an email address for you: choose a text message or a letter",
                           field="contact_preference")
    with transaction.atomic():
        acting_user.contact_preference = preference
        acting_user.phone = phone
        acting_user.postal_address = postal_address
        acting_user.save(update_fields=["contact_preference", "phone", "postal_address"])
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, obj=acting_user,
                           what=f"chose to be contacted by {acting_user.get_contact_preference_display().lower()}")
    return acting_user
