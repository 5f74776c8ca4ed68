"""Changes to comments on the Local Offer. Every refused change raises ServiceError with a plain reason.

A comment's status changes only through WORKFLOW below:

                 ┌──accept──▶ accepted ──respond──▶ published   (the wording, with the council's response)
    received ────┤                                     ▲
    (or any      ├──publish──────────────────────────┘          (accepting one already responded to)
    decision)    └──refuse──▶ not published

    move     from                                       to              done by
    accept   received, accepted, published, not pub.    accepted        comment_moderate (no response yet)
    publish  received, accepted, published, not pub.    published       comment_moderate (response written)
    refuse   received, accepted, published, not pub.    not published   comment_moderate
    respond  accepted, published                        published       comment_respond

The officer may change a decision at any time (so every decision is open from every status). Each move checks the
version the officer's page was drawn from, and the comment's history records what was done.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import Role
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.workflow import Move, Workflow
from pathfinder.directory.public_cache import FEEDBACK, local_offer_changed
from pathfinder.feedback.constants import CommentStatus, CommentTopic, NotPublishedReason
from pathfinder.feedback.models import AnonymousSend, Comment
from pathfinder.feedback.naming import names_in

NAMES_MESSAGE = ("The wording to publish may name a person or a school. Remove the name, or confirm that the "
                 "wording does not identify anyone")

RATE_WINDOW = timedelta(hours=1)

S = CommentStatus
_DECIDED = (S.RECEIVED, S.ACCEPTED, S.PUBLISHED, S.NOT_PUBLISHED)


class CommentWorkflow(Workflow):
    """The comment table, refusing in the officer's own words."""

    refusals = {"respond": "Decide to publish the comment before writing the council's response."}

    def refusal(self, obj, move: Move) -> str:
        return self.refusals.get(move.action) or super().refusal(obj, move)


def _record(*, acting_user, record: Comment, move: Move, what: str) -> None:
    """The comment's history says what was decided ("Not published: Spam or advertising"), not only the move."""
    latest = record.history.order_by("-history_date", "-history_id").first()
    if latest is not None:
        latest.history_change_reason = what[:100]
        latest.save(update_fields=["history_change_reason"])


WORKFLOW = CommentWorkflow(
    "comment",
    (
        Move("accept", "Accept the comment for publishing", _DECIDED, S.ACCEPTED),
        Move("publish", "Publish the comment", _DECIDED, S.PUBLISHED),
        Move("refuse", "Decide not to publish the comment", _DECIDED, S.NOT_PUBLISHED),
        Move("respond", "Write the council's response", (S.ACCEPTED, S.PUBLISHED), S.PUBLISHED),
    ),
    record=_record,
    noun="the comment",
    stale_message="Someone else changed this comment while you had it open. Check it again and then save.",
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_DATE_OF_BIRTH = re.compile(r"\b(?:born|date of birth|dob)\b", re.IGNORECASE)


def rate_limit() -> int:
    """How many comments or reports one internet address may send in an hour."""
    return int(getattr(settings, "PATHFINDER_FEEDBACK_PER_HOUR", 5))


def sender_key(ip_address: str | None) -> str:
    """A keyed hash of the address: enough to count sends, useless for finding the sender."""
    if not ip_address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), ip_address.encode(), hashlib.sha256).hexdigest()


def identifying_details(text: str) -> list[str]:
    """Things in a comment that could identify someone, so the officer removes them before publishing."""
    found = []
    if _EMAIL.search(text):
        found.append("an email address")
    if _PHONE.search(text):
        found.append("a phone number")
    if _POSTCODE.search(text):
        found.append("a postcode")
    if _DATE_OF_BIRTH.search(text):
        found.append("a date of birth")
    return found


def anonymous_send_allow(*, purpose: str, ip_address: str | None) -> None:
    """Count one send from this address for this purpose, or refuse it if the address sent too many this hour.

    Call inside the transaction that saves the comment or report, so a refused send records nothing.
    """
    key = sender_key(ip_address)
    if not key:
        return
    now = timezone.now()
    AnonymousSend.objects.filter(sent_at__lt=now - timedelta(days=1)).delete()
    recent = AnonymousSend.objects.filter(sender_key=key, purpose=purpose, sent_at__gte=now - RATE_WINDOW).count()
    if recent >= rate_limit():
        raise ServiceError(
            "You have sent several messages in the last hour. Wait an hour and try again, "
            "or phone or write to the council instead."
        )
    AnonymousSend.objects.create(purpose=purpose, sender_key=key)


def _require_officer(user) -> None:
    if getattr(user, "role", "") != Role.LOCAL_OFFER_OFFICER:
        raise ServiceError("Only the Local Offer officer can do this.")


def comment_submit(
    *,
    topic: str,
    text: str,
    name: str = "",
    email: str = "",
    sender_kind: str = "",
    service_id: str = "",
    service_name: str = "",
    ip_address: str | None = None,
    honeypot: str = "",
) -> Comment | None:
    """Keep a family's comment for moderation. A filled-in honeypot means a robot: nothing is saved."""
    if honeypot.strip():
        return None
    if not text.strip():
        raise ServiceError("Enter your comment", field="text")
    with transaction.atomic():
        anonymous_send_allow(purpose="comment", ip_address=ip_address)
        if service_id:
            topic = CommentTopic.SERVICE
        comment = Comment(
            topic=topic, text=text.strip(), name=name.strip(), email=email.strip(), sender_kind=sender_kind,
            service_id=str(service_id or ""), service_name=service_name[:200],
        )
        comment._change_reason = "Comment received"
        comment.save()
    return comment


def comment_moderate(
    *,
    acting_user,
    comment: Comment,
    publish: bool,
    version: int,
    published_text: str = "",
    reason: str = "",
    note: str = "",
    names_checked: bool = False,
) -> Comment:
    """Decide whether a comment is published. Published wording must identify nobody (reg 56(3)).

    Wording that looks as if it names a person or a school is refused until the officer confirms, with
    `names_checked`, that it identifies nobody (the check can only guess at names; see feedback.naming).
    A comment the council has already responded to is published at once; otherwise it waits for the response.
    """
    _require_officer(acting_user)
    wording = published_text.strip()
    if not publish:
        action = "refuse"
    elif comment.response.strip():
        action = "publish"
    else:
        action = "accept"

    def check(current: Comment) -> None:
        if publish and bool(current.response.strip()) != (action == "publish"):
            raise StaleEdit(WORKFLOW.stale_message)  # the response changed since this page was read
        if publish:
            if not wording:
                raise ServiceError("Enter the wording to publish", field="published_text")
            found = identifying_details(wording)
            if found:
                raise ServiceError(
                    f"The wording to publish contains {' and '.join(found)}. Remove anything that could identify "
                    "someone.", field="published_text",
                )
            if names_in(wording) and not names_checked:
                raise ServiceError(NAMES_MESSAGE, field="names_checked")
        else:
            if reason not in NotPublishedReason.values:
                raise ServiceError("Select why the comment will not be published", field="reason")
            if reason == NotPublishedReason.OTHER and not note.strip():
                raise ServiceError("Explain why the comment will not be published", field="note")

    def apply(current: Comment) -> None:
        if publish:
            current.published_text = wording
            current.not_published_reason = ""
            current.not_published_note = ""
            if action == "publish" and current.published_at is None:
                current.published_at = timezone.now()
        else:
            current.not_published_reason = reason
            current.not_published_note = note.strip()
            current.published_text = ""
            current.published_at = None
        current.moderated_by = acting_user
        current.moderated_at = timezone.now()
        local_offer_changed(FEEDBACK)  # "You said, we did" shows the decision once it commits

    what = "Accepted for publishing"
    if not publish:
        what = f"Not published: {NotPublishedReason(reason).label}" if reason in NotPublishedReason.values else None
    return WORKFLOW.transition(comment, action, acting_user=acting_user, expected_version=version,
                               check=check, apply=apply, what=what)


def comment_respond(*, acting_user, comment: Comment, response: str, action: str, version: int) -> Comment:
    """Write the council's response and action; an accepted comment is then published with them (reg 56(2))."""
    _require_officer(acting_user)

    def check(current: Comment) -> None:
        if not response.strip():
            raise ServiceError("Enter the council's response", field="response")
        for label, value in (("response", response), ("action", action)):
            found = identifying_details(value)
            if found:
                raise ServiceError(f"The {label} contains {' and '.join(found)}. Remove anything that could "
                                   "identify someone.", field=label)

    def apply(current: Comment) -> None:
        current.response = response.strip()
        current.action = action.strip()
        current.responded_by = acting_user
        if current.status == CommentStatus.ACCEPTED:
            current.published_at = timezone.now()
        local_offer_changed(FEEDBACK)

    return WORKFLOW.transition(comment, "respond", acting_user=acting_user, expected_version=version,
                               check=check, apply=apply, what="Council response written")


COMMENT_RETENTION_MONTHS = 36  # the comment form promises: "We keep comments for 3 years and then delete them."


def comments_delete_expired(*, today: date) -> int:
    """Delete comments received more than 3 years before today, as the comment form promises. Run daily."""
    cutoff = timezone.make_aware(datetime.combine(statutory.add_months(today, -COMMENT_RETENTION_MONTHS), time.min))
    deleted, _ = Comment.objects.filter(received_at__lt=cutoff).delete()
    if deleted:
        local_offer_changed(FEEDBACK)
    return deleted
