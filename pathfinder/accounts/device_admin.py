"""The admin's view of authenticator devices: who has one and when it was used, never the secret.

django-otp's own admin shows each device's key and a QR code of it (and its two pages for them fail with a
server error for a device that no longer exists). Anyone who reads a key can make codes for that person, so
after set-up nobody may read it: these replacements show no key, no QR code and no backup codes, and have no
add page (a member of staff sets up their own device through an invitation link). An administrator may delete a
lost device; its owner then needs a new invitation.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_FIELDS = ("user", "name", "confirmed", "created_at", "last_used_at")


class DeviceAdmin(admin.ModelAdmin):
    """Read-only apart from deletion; shows nothing that could make a code."""

    list_display = DEVICE_FIELDS
    list_filter = ("confirmed",)
    search_fields = ("user__username", "user__email")
    list_select_related = ("user",)
    fields = DEVICE_FIELDS
    readonly_fields = DEVICE_FIELDS
    list_per_page = 50

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, DeviceAdmin)
