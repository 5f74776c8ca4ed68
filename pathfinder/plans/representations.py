"""The caseworker's side of the family's comments on the draft: answer each one, and mark it dealt with.

    open ──deal_with──▶ dealt_with ──reopen──▶ open

A reply is words the family reads beside their comment; it is not a status change, so it can be written (and
corrected) while the comment stays open. Marking a comment dealt with is a move of this table, made through
``core.workflow``, so it is locked, version-checked and audited once. The family's side (sending a comment, asking
for a meeting) is ``plans.family.representation_add``.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.workflow import Move, Workflow
from pathfinder.notifications.kinds import link
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send
from pathfinder.plans.models import CommentKind, Representation
from pathfinder.plans.models import CommentStatus as S

STALE_MESSAGE = ("Someone else answered this comment while you were writing, so your answer was not saved. "
                 "Your words are still in the form: read the answer saved now, then save again.")


def _record(*, acting_user, record: Representation, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.plan.child, obj=record,
                       what=f"family's comment on the draft plan: {what}")


WORKFLOW = Workflow(
    "representation",
    (
        Move("deal_with", "Mark the comment as dealt with", (S.OPEN,), S.DEALT_WITH),
        Move("reopen", "Open the comment again", (S.DEALT_WITH,), S.OPEN),
    ),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the comment",
)


def _set_reply(current: Representation, reply: str, acting_user) -> None:
    if reply != current.reply:
        current.reply = reply
        current.replied_at = timezone.now() if reply else None
        current.replied_by = acting_user if reply else None


def representation_answer(*, acting_user, representation: Representation, reply: str, dealt_with: bool,
                          expected_version: int) -> Representation:
    """Answer the family's comment (they see the reply beside it) and, if ticked, mark it dealt with.

    A comment is marked dealt with only with an answer: the family should always hear what happened to it. A new
    or changed answer is announced to the person who wrote the comment (once the answer is saved)."""
    before = representation.reply
    answered = _answer(acting_user, representation, reply, dealt_with, expected_version)
    if answered.reply and answered.reply != before and answered.author_id:
        message_send(to=Recipient.for_user(answered.author), kind="plans.comment_answered", child=answered.plan.child,
                     values={"link": link(reverse("plans:document", kwargs={"child_id": answered.plan.child_id,
                                                                             "plan_id": answered.plan_id}))})
    return answered


def _answer(acting_user, representation: Representation, reply: str, dealt_with: bool,
            expected_version: int) -> Representation:
    reply = (reply or "").strip()
    if dealt_with and not reply:
        raise ServiceError("Enter your answer to the family before marking the comment as dealt with",
                           field="reply")
    if dealt_with and representation.is_open:
        return WORKFLOW.transition(representation, "deal_with", acting_user=acting_user,
                                   expected_version=expected_version,
                                   apply=lambda current: _set_reply(current, reply, acting_user),
                                   what="answered and marked as dealt with")
    if not dealt_with and not representation.is_open:
        return WORKFLOW.transition(representation, "reopen", acting_user=acting_user,
                                   expected_version=expected_version,
                                   apply=lambda current: _set_reply(current, reply, acting_user),
                                   what="opened again")
    if not reply:
        raise ServiceError("Enter your answer to the family", field="reply")
    with transaction.atomic():
        current = (Representation.objects.select_for_update(of=("self",)).select_related("plan__child")
                   .get(pk=representation.pk))
        if current.version != expected_version:
            raise StaleEdit(STALE_MESSAGE)
        if current.reply == reply:
            return current  # saved unchanged: no new version, no history row, nothing to tell the family
        _set_reply(current, reply, acting_user)
        current.version += 1
        current._change_reason = "Answered"
        current.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=current.plan.child,
                           obj=current, what="family's comment on the draft plan: answered")
    return current


def comments_by_section(representations) -> dict[str, list[Representation]]:
    """The family's comments grouped by the section they are about: "" for the whole plan, "meeting" for requests
    to meet. Reads the plan's prefetched comments, so a page asks the database once."""
    grouped: dict[str, list[Representation]] = defaultdict(list)
    for comment in representations:
        key = "meeting" if comment.kind == CommentKind.MEETING else comment.section
        grouped[key].append(comment)
    return dict(grouped)


def open_count(comments) -> int:
    return sum(1 for c in comments if c.is_open)
