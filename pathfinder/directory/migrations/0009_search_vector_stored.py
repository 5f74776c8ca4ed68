"""PostgreSQL: the search document is kept in a column filled by a trigger, with the GIN index on it (see
directory.search_index). SQLite is unchanged: its FTS5 index already keeps the words."""

from django.db import migrations


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from pathfinder.directory.search_index import search_index_install

        search_index_install(schema_editor)


def back_to_expression_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from pathfinder.directory.search_index import PG_INDEX, search_index_remove

        search_index_remove(schema_editor)
        with schema_editor.connection.cursor() as cur:
            cur.execute(
                f"CREATE INDEX {PG_INDEX} ON directory_service USING gin (("
                "setweight(to_tsvector('english'::regconfig, COALESCE(name, '')), 'A')"
                " || setweight(to_tsvector('english'::regconfig, COALESCE(search_document, '')), 'B')"
                " || setweight(to_tsvector('english'::regconfig, COALESCE(description, '')), 'C')))"
            )


class Migration(migrations.Migration):
    dependencies = [("directory", "0008_oruk_delivery_and_feed_harvest")]

    operations = [migrations.RunPython(install, back_to_expression_index)]
