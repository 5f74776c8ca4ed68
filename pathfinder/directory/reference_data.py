"""The Local Offer's reference data (taxonomies and starter information pages), seeded by migrations.

`ensure_reference_data()` puts it back if a table was emptied (for example by a test that flushes the
database, or an operator's mistake). It reuses the migrations' own seed functions, so there is one source.
"""

from __future__ import annotations

import importlib

from django.apps import apps


def ensure_reference_data() -> bool:
    """Seed any missing reference data. Returns True if anything had to be seeded."""
    from pathfinder.directory.models import InformationPage, TaxonomyTerm

    seeded = False
    if not TaxonomyTerm.objects.exists():
        importlib.import_module("pathfinder.directory.migrations.0002_seed_taxonomy_and_search_index").seed(apps, None)
        seeded = True
    if not InformationPage.objects.exists():
        from pathfinder.directory.pages import seed_information_pages

        seed_information_pages(InformationPage)
        seeded = True
    from pathfinder.directory.models import SearchSynonym

    if not SearchSynonym.objects.exists():
        from pathfinder.directory.search_synonyms_seed import seed_synonyms

        seed_synonyms(SearchSynonym, TaxonomyTerm)
        seeded = True
    return seeded
