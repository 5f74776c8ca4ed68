"""Reading comments. The public only ever gets published wording; officers get everything."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from pathfinder.accounts.roles import Role
from pathfinder.feedback.constants import CommentStatus
from pathfinder.feedback.models import Comment

PUBLIC_FIELDS = ("id", "topic", "service_name", "received_at", "published_text", "response", "action", "published_at")


def comments_published(*, year: int | None = None) -> QuerySet[Comment]:
    """'You said, we did': published comments with the council's response. Private fields are never loaded."""
    comments = Comment.objects.filter(status=CommentStatus.PUBLISHED).only(*PUBLIC_FIELDS)
    if year is not None:
        comments = comments.filter(received_at__year=year)
    return comments.order_by("topic", "-received_at")


def published_years() -> list[int]:
    dates = Comment.objects.filter(status=CommentStatus.PUBLISHED).dates("received_at", "year", order="DESC")
    return [d.year for d in dates]


def _officer_only(acting_user) -> None:
    if getattr(acting_user, "role", "") != Role.LOCAL_OFFER_OFFICER:
        raise Http404


def comment_list(*, acting_user, status: str | None = None) -> QuerySet[Comment]:
    _officer_only(acting_user)
    comments = Comment.objects.all()
    if status:
        comments = comments.filter(status=status)
    return comments.order_by("-received_at")


def comment_get(*, acting_user, comment_id: int) -> Comment:
    _officer_only(acting_user)
    try:
        return Comment.objects.get(pk=comment_id)
    except Comment.DoesNotExist:
        raise Http404


def comment_counts(*, acting_user) -> dict[str, int]:
    _officer_only(acting_user)
    return {status: Comment.objects.filter(status=status).count() for status in CommentStatus.values}
