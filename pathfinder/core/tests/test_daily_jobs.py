"""The daily jobs: every app's job registered, run in order, each isolated, a failure giving a non-zero exit."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pathfinder.core.daily_jobs import daily_jobs, daily_jobs_run, register_daily_job, unregister_daily_job

TODAY = date(2027, 3, 1)


@pytest.fixture
def extra_jobs():
    """Register test jobs for one test and take them out again, so the real registry is left as it was."""
    names: list[str] = []

    def add(name: str, function, order: int = 50):
        register_daily_job(name, f"test job {name}", order=order)(function)
        names.append(name)

    yield add
    for name in names:
        unregister_daily_job(name)


def test_every_apps_daily_job_is_registered_in_an_order_that_makes_sense():
    names = [job.name for job in daily_jobs()]
    assert set(names) >= {"send_reminders", "cease_plans_due", "harvest_feeds", "rebuild_search_words",
                          "delete_expired_comments", "ras_retire_replaced", "documents_scan_waiting",
                          "notifications_check_delivery"}
    # Plans cease before the reminders are counted; feeds are harvested before the search words are rebuilt.
    assert names.index("cease_plans_due") < names.index("send_reminders")
    assert names.index("harvest_feeds") < names.index("rebuild_search_words")
    assert names[-1] == "send_reminders"


def test_a_failing_job_is_logged_and_the_rest_still_run(extra_jobs, caplog):
    ran = []
    extra_jobs("test_first", lambda today: ran.append(("first", today)) or "first done", order=1)

    def broken(today):
        raise ValueError("feed unreachable")

    extra_jobs("test_broken", broken, order=2)
    extra_jobs("test_last", lambda today: ran.append(("last", today)) or "last done", order=3)
    with caplog.at_level(logging.ERROR, logger="pathfinder.core.daily_jobs"):
        outcomes = daily_jobs_run(TODAY, only=("test_first", "test_broken", "test_last"))
    assert [(o.name, o.ok) for o in outcomes] == [("test_first", True), ("test_broken", False), ("test_last", True)]
    assert ran == [("first", TODAY), ("last", TODAY)]
    assert outcomes[1].summary == "ValueError: feed unreachable"
    assert "Daily job test_broken failed" in caplog.text and "feed unreachable" in caplog.text


def test_a_name_is_registered_once():
    def one(today):
        return ""

    register_daily_job("test_unique", "once")(one)
    try:
        register_daily_job("test_unique", "once")(one)  # the same function again: ignored
        with pytest.raises(ValueError, match="already registered"):
            register_daily_job("test_unique", "twice")(lambda today: "")
        assert [job.name for job in daily_jobs()].count("test_unique") == 1
    finally:
        unregister_daily_job("test_unique")


def test_the_command_exits_non_zero_naming_the_failed_job_after_running_the_others(extra_jobs, capsys):
    ran = []
    extra_jobs("test_fails", lambda today: 1 / 0, order=1)
    extra_jobs("test_runs", lambda today: ran.append(today) or "ran", order=2)
    with pytest.raises(CommandError, match="Failed: test_fails"):
        call_command("run_daily_jobs", only=["test_fails", "test_runs"], today="2027-03-01")
    out, err = capsys.readouterr()
    assert ran == [TODAY]
    assert "test_runs: ran" in out
    assert "FAILED test_fails: ZeroDivisionError" in err


def test_the_command_refuses_a_job_nobody_registered():
    with pytest.raises(CommandError, match="No daily job called nonsense"):
        call_command("run_daily_jobs", only=["nonsense"])


@pytest.mark.django_db
def test_the_real_jobs_all_run_and_do_their_work(capsys):
    from pathfinder.feedback.models import Comment
    from pathfinder.feedback.tests.factories import CommentFactory

    old = CommentFactory()
    Comment.objects.filter(pk=old.pk).update(received_at=datetime(2020, 1, 1, tzinfo=UTC))
    recent = CommentFactory()
    call_command("run_daily_jobs")  # raises CommandError if any job fails
    out, _ = capsys.readouterr()
    for job in daily_jobs():
        assert f"{job.name}: " in out
    assert "Deleted 1 comment older than 3 years" in out
    assert list(Comment.objects.values_list("pk", flat=True)) == [recent.pk]
