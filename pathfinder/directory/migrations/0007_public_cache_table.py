"""Make the table of the Local Offer's page cache (settings CACHES["public"]) wherever migrate runs.

`createcachetable` makes every database cache's table that is missing, and does nothing for Redis.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("directory", "0006_search_synonyms")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=False)]
