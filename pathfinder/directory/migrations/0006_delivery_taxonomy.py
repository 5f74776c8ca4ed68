"""Seed the "How a service is given" taxonomy: the Open Referral API says in person / online / by phone with it."""

from django.db import migrations


def seed(apps, schema_editor):
    from pathfinder.directory.reference_data import seed_delivery_taxonomy

    seed_delivery_taxonomy(apps)


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_revision_version")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
