from datetime import UTC, date, datetime

import pytest
from django.core.management import call_command

from pathfinder.feedback.models import Comment
from pathfinder.feedback.services import comments_delete_expired
from pathfinder.feedback.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def _received(comment, day: date) -> None:
    Comment.objects.filter(pk=comment.pk).update(received_at=datetime(day.year, day.month, day.day, 9, tzinfo=UTC))


def test_comments_older_than_three_years_are_deleted_and_newer_ones_kept():
    old, boundary, recent = CommentFactory(), CommentFactory(), CommentFactory()
    _received(old, date(2023, 11, 22))
    _received(boundary, date(2023, 11, 23))
    _received(recent, date(2026, 1, 5))
    assert comments_delete_expired(today=date(2026, 11, 23)) == 1
    assert set(Comment.objects.values_list("pk", flat=True)) == {boundary.pk, recent.pk}


def test_the_daily_command_runs(capsys):
    _received(CommentFactory(), date(2019, 1, 1))
    call_command("delete_expired_comments")
    assert "Deleted 1 comment(s)" in capsys.readouterr().out
    assert not Comment.objects.exists()
