"""Second-factor sign-in for staff with time-based codes (django-otp TOTP)."""

from __future__ import annotations

import io
import math

import qrcode
import qrcode.image.svg
from django.utils import timezone
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up through an invitation link, made if needed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def qr_code_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg"):]


def seconds_to_wait(user) -> int:
    """How long django-otp's throttling makes this user wait before another code is checked (1, 2, 4, 8 s...)."""
    now = timezone.now()
    waits = [0]
    for device in TOTPDevice.objects.filter(user=user):
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            waits.append(math.ceil((data["locked_until"] - now).total_seconds()))
    return max(waits)


def verify_code(request, code: str) -> bool:
    """Check the code against the user's confirmed devices only.

    A device is confirmed only through an invitation link (accounts.setup_views), never here, so a password
    alone cannot enrol a phone.
    """
    device = match_token(request.user, code.replace(" ", ""))
    if device is None:
        return False
    otp_login(request, device)
    return True
