from datetime import date

import pytest

from pathfinder.feedback.constants import CommentStatus
from pathfinder.feedback.demo import build_demo_comments
from pathfinder.feedback.models import Comment

pytestmark = pytest.mark.django_db


def test_a_year_of_demo_comments_at_every_stage():
    made = build_demo_comments(seed=1, today=date(2026, 11, 23))
    assert made == Comment.objects.count() > 50
    statuses = set(Comment.objects.values_list("status", flat=True))
    assert statuses == {CommentStatus.PUBLISHED, CommentStatus.NOT_PUBLISHED, CommentStatus.RECEIVED,
                        CommentStatus.ACCEPTED}
    for comment in Comment.objects.filter(status=CommentStatus.PUBLISHED):
        assert comment.published_text and comment.response and comment.action
        assert date(2025, 11, 23) <= comment.received_at.date() <= date(2026, 11, 23)
    assert not Comment.objects.filter(status=CommentStatus.NOT_PUBLISHED, not_published_reason="").exists()
