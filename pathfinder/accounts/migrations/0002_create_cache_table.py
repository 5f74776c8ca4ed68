"""Make the shared cache's table wherever migrate runs (make run, make demo, deployments, test databases).

Rate limits and lockout counts live in the default cache, which is the database unless Redis is configured.
`createcachetable` does nothing for caches that are not database caches, and nothing if the table exists.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False)]
