"""GOV.UK Notify, through its own client (notifications-python-client), with one generic template per channel.

Why one template: the words live in our code (each domain's messages.py), reviewed with it, and Notify only
carries them: the email template is ``((subject))`` / ``((body))``, the text message template ``((body))``.
Nothing here runs unless ``GOVUK_NOTIFY_API_KEY`` is set; without it messages stay in the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from pathfinder.notifications.models import Channel, MessageStatus

# Notify's statuses (https://docs.notifications.service.gov.uk/python.html#status) to ours, with the reason shown
# for a failure in words a caseworker can act on.
NOTIFY_STATUSES: dict[str, tuple[str, str]] = {
    "created": (MessageStatus.SENDING, ""),
    "sending": (MessageStatus.SENDING, ""),
    "pending": (MessageStatus.SENDING, ""),
    "sent": (MessageStatus.SENT, ""),
    "delivered": (MessageStatus.DELIVERED, ""),
    "permanent-failure": (MessageStatus.FAILED,
                          "The email address or phone number does not exist (permanent failure): check it"),
    "temporary-failure": (MessageStatus.FAILED,
                          "The inbox was full or the phone was off for 72 hours (temporary failure)"),
    "technical-failure": (MessageStatus.FAILED, "GOV.UK Notify had a technical problem (technical failure)"),
}


class NotifyFailed(Exception):
    """Notify refused the message or could not be reached; ``reason`` says why, for the outbox."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Sent:
    notify_id: str


def notify_configured() -> bool:
    return bool(settings.GOVUK_NOTIFY_API_KEY)


def notify_client() -> NotificationsAPIClient:
    return NotificationsAPIClient(settings.GOVUK_NOTIFY_API_KEY, base_url=settings.GOVUK_NOTIFY_BASE_URL, timeout=20)


def _reason(error: APIError) -> str:
    if error.response is None:  # no answer at all: a network problem, not a refusal
        return "Could not reach GOV.UK Notify: it was not sent (it can be sent again)"
    message = error.message
    if isinstance(message, list):  # Notify's errors: [{"error": "BadRequestError", "message": "..."}]
        message = "; ".join(f"{e.get('error', '')}: {e.get('message', '')}" for e in message if isinstance(e, dict))
    return f"GOV.UK Notify refused it ({error.status_code}): {message}"[:300]


def notify_send(*, channel: str, to_email: str, to_phone: str, subject: str, body: str, reference: str) -> Sent:
    """Send one email or text message; raise NotifyFailed with the reason if Notify refuses it."""
    client = notify_client()
    try:
        if channel == Channel.EMAIL:
            response = client.send_email_notification(
                email_address=to_email, template_id=settings.GOVUK_NOTIFY_EMAIL_TEMPLATE_ID,
                personalisation={"subject": subject, "body": body}, reference=reference,
            )
        elif channel == Channel.SMS:
            response = client.send_sms_notification(
                phone_number=to_phone, template_id=settings.GOVUK_NOTIFY_SMS_TEMPLATE_ID,
                personalisation={"body": body}, reference=reference,
            )
        else:
            raise NotifyFailed(f"Letters are printed by the council, not sent through Notify ({channel})")
    except APIError as error:
        raise NotifyFailed(_reason(error)) from error
    return Sent(notify_id=str(response["id"]))


def notify_status(notify_id: str) -> str:
    """Notify's status of one notification (for the delivery check)."""
    try:
        return str(notify_client().get_notification_by_id(notify_id)["status"])
    except APIError as error:
        raise NotifyFailed(_reason(error)) from error
