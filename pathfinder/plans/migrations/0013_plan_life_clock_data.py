"""Plans issued before the review clock was kept: each was first made the day it was issued (no reviews were
recorded then), and its next review is due within the 12 months starting with that day (CFA s.44(1))."""

from django.db import migrations

from statutory.review_clock import review_due


def forwards(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    rows = []
    for plan in Plan.objects.filter(issued_on__isnull=False, first_made_on__isnull=True).only("pk", "issued_on"):
        plan.first_made_on = plan.issued_on
        plan.review_due_on = review_due(first_made_on=plan.issued_on).due
        rows.append(plan)
    Plan.objects.bulk_update(rows, ["first_made_on", "review_due_on"], batch_size=2000)


def backwards(apps, schema_editor):
    """The columns go with the schema migration before this one; nothing to undo here."""


class Migration(migrations.Migration):
    dependencies = [("plans", "0012_plan_life")]
    operations = [migrations.RunPython(forwards, backwards)]
