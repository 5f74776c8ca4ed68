"""Review.cessation_id becomes a real foreign key to ceasing.Cessation (the two apps were built in parallel; now both
are on main). The old integer column is renamed out of the way, the key added, the ids copied, the old column dropped,
so every review keeps the proposal to cease it made (and the history rows theirs)."""

import django.db.models.deletion
from django.db import migrations, models


def copy_ids(apps, schema_editor):
    for name in ("Review", "HistoricalReview"):
        model = apps.get_model("reviews", name)
        for pk, old in model.objects.filter(old_cessation_id__isnull=False).values_list("pk", "old_cessation_id"):
            model.objects.filter(pk=pk).update(cessation_id=old)


def copy_ids_back(apps, schema_editor):
    for name in ("Review", "HistoricalReview"):
        model = apps.get_model("reviews", name)
        for pk, new in model.objects.filter(cessation__isnull=False).values_list("pk", "cessation_id"):
            model.objects.filter(pk=pk).update(old_cessation_id=new)


class Migration(migrations.Migration):

    dependencies = [
        ("ceasing", "0002_cessation_mediation_certificate"),
        ("reviews", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="review", old_name="cessation_id", new_name="old_cessation_id"),
        migrations.RenameField(model_name="historicalreview", old_name="cessation_id", new_name="old_cessation_id"),
        migrations.AddField(
            model_name="historicalreview",
            name="cessation",
            field=models.ForeignKey(blank=True, db_constraint=False, help_text="The proposal to cease this review made",
                                    null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to="ceasing.cessation"),
        ),
        migrations.AddField(
            model_name="review",
            name="cessation",
            field=models.ForeignKey(blank=True, help_text="The proposal to cease this review made", null=True,
                                    on_delete=django.db.models.deletion.PROTECT, related_name="from_reviews",
                                    to="ceasing.cessation"),
        ),
        migrations.RunPython(copy_ids, copy_ids_back),
        migrations.RemoveField(model_name="review", name="old_cessation_id"),
        migrations.RemoveField(model_name="historicalreview", name="old_cessation_id"),
    ]
