"""Create the default Local Offer information pages (the council edits them afterwards)."""

from django.db import migrations


def seed(apps, schema_editor):
    from pathfinder.directory.pages import seed_information_pages

    seed_information_pages(apps.get_model("directory", "InformationPage"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_seed_taxonomy_and_search_index")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
