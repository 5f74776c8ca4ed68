"""The migration that made Review.cessation a real foreign key keeps every review's proposal to cease, forwards and
back (a council may have to roll back a release)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

OLD, NEW = ("reviews", "0001_initial"), ("reviews", "0002_review_cessation_foreign_key")


def _migrate(reviews_at):
    """Every other app at its latest migration (the models' state must match the tables), reviews at ``reviews_at``."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "reviews"] + [reviews_at]
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_each_reviews_proposal_to_cease_survives_the_migration_both_ways():
    try:
        old = _migrate(OLD)
        team = old.get_model("accounts", "Team").objects.create(name="Migration team")
        child = old.get_model("people", "Child").objects.create(
            legal_first_name="Ivo", legal_last_name="Quillfeather", date_of_birth=date(2008, 1, 1), la_code="999",
            team=team)
        assessment = old.get_model("assessments", "Assessment").objects.create(
            child=child, status="decided_to_issue", request_source="1", received_on=date(2024, 1, 5))
        plan = old.get_model("plans", "Plan").objects.create(assessment=assessment, child=child, status="final",
                                                             issued_on=date(2024, 6, 1))
        cessation = old.get_model("ceasing", "Cessation").objects.create(
            plan=plan, reason="4", legal_ground="Paid work", proposed_on=date(2026, 9, 1))
        Review = old.get_model("reviews", "Review")
        proposing = Review.objects.create(plan=plan, started_on=date(2026, 7, 1), status="report_received",
                                          cessation_id=cessation.pk)
        plain = Review.objects.create(plan=plan, started_on=date(2025, 7, 1), status="decided")
        old.get_model("reviews", "HistoricalReview").objects.create(
            id=proposing.pk, plan_id=plan.pk, started_on=date(2026, 7, 1), status="report_received", version=1,
            cessation_id=cessation.pk, history_date="2026-09-01T10:00Z", history_type="~")

        new = _migrate(NEW)
        NewReview = new.get_model("reviews", "Review")
        assert NewReview.objects.get(pk=proposing.pk).cessation_id == cessation.pk
        assert NewReview.objects.get(pk=plain.pk).cessation_id is None
        assert new.get_model("ceasing", "Cessation").objects.get(pk=cessation.pk).from_reviews.count() == 1
        assert new.get_model("reviews", "HistoricalReview").objects.get(id=proposing.pk).cessation_id == cessation.pk

        back = _migrate(OLD)
        assert back.get_model("reviews", "Review").objects.get(pk=proposing.pk).cessation_id == cessation.pk
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
