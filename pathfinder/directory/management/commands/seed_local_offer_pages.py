from __future__ import annotations

from django.core.management.base import BaseCommand

from pathfinder.directory.pages import seed_information_pages


class Command(BaseCommand):
    help = "Create the default Local Offer information pages that do not exist yet (never overwrites edits)."

    def handle(self, *args, **options):
        created = seed_information_pages()
        self.stdout.write(self.style.SUCCESS(f"Created {created} information pages."))
