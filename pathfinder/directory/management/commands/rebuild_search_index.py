from __future__ import annotations

from types import SimpleNamespace

from django.core.management.base import BaseCommand
from django.db import connection

from pathfinder.directory.search_index import search_index_install
from pathfinder.directory.search_vocabulary import search_words_rebuild


class Command(BaseCommand):
    help = ("Re-create the Local Offer text-search index (needed after a migration rebuilds the service table on "
            "SQLite) and the vocabulary typing slips are corrected against (the daily job rebuild_search_words "
            "rebuilds the vocabulary every night).")

    def handle(self, *args, **options):
        if connection.vendor == "sqlite":
            search_index_install(SimpleNamespace(connection=connection))  # plain SQL; no schema editor needed
        else:
            with connection.schema_editor() as editor:
                search_index_install(editor)
        words = search_words_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt; {words:,} words to correct typing slips against."))
