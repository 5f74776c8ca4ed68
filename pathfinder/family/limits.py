"""A light limit on the public family forms: a few sends an hour from one internet address.

Why: the forms are open to anyone, and each one puts work on a caseworker's list. The address is kept only as a
keyed hash (as the Local Offer's comments do), enough to count, useless to find the sender. A filled-in honeypot
field (hidden from people, found by robots) means nothing is saved.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db.models import Model
from django.utils import timezone

from pathfinder.core.errors import ServiceError

HONEYPOT_FIELD = "website"
WINDOW = timedelta(hours=1)
TOO_MANY = ("You have sent this form several times in the last hour. Wait an hour and try again, or phone the "
            "SEND team.")


def sender_key(ip_address: str | None) -> str:
    if not ip_address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), ip_address.encode(), hashlib.sha256).hexdigest()


def sends_allow(model: type[Model], key: str, time_field: str = "submitted_at") -> None:
    """Refuse if this address has sent the form PATHFINDER_FAMILY_FORMS_PER_HOUR times in the last hour."""
    if not key:
        return
    since = timezone.now() - WINDOW
    recent = model.objects.filter(sender_key=key, **{f"{time_field}__gte": since}).count()
    if recent >= settings.PATHFINDER_FAMILY_FORMS_PER_HOUR:
        raise ServiceError(TOO_MANY)
