"""Sign a user in for a test as they would really be: staff with a verified second factor."""

from __future__ import annotations

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from pathfinder.accounts.middleware import SIGNED_IN_AT


def sign_in(client, user) -> None:
    client.force_login(user)
    session = client.session
    session[SIGNED_IN_AT] = int(time.time())
    session.save()
    if user.is_council_staff:
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="Test authenticator", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
