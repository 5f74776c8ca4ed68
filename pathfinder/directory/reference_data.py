"""The Local Offer's reference data (taxonomies and starter information pages), seeded by migrations.

`ensure_reference_data()` puts it back if a table was emptied (for example by a test that flushes the
database, or an operator's mistake). It reuses the migrations' own seed functions, so there is one source.
"""

from __future__ import annotations

import importlib

from django.apps import apps

from pathfinder.directory.constants import DELIVERY_TAXONOMY, stable_uuid


def seed_delivery_taxonomy(app_registry) -> None:
    """The "How a service is given" taxonomy, whose terms the Open Referral API attaches to each service (in
    person, online, by phone); fixed ids (uuid5 of the codes), as the other seeded taxonomies."""
    taxonomy_model = app_registry.get_model("directory", "Taxonomy")
    term_model = app_registry.get_model("directory", "TaxonomyTerm")
    code, name, description, terms = DELIVERY_TAXONOMY
    taxonomy_model.objects.update_or_create(
        id=stable_uuid("taxonomy", code), defaults={"code": code, "name": name, "description": description}
    )
    for order, (value, label, text) in enumerate(terms):
        term_model.objects.update_or_create(
            id=stable_uuid(code, value),
            defaults={"taxonomy_id": stable_uuid("taxonomy", code), "code": value, "name": label,
                      "description": text, "sort_order": order},
        )


def ensure_reference_data() -> bool:
    """Seed any missing reference data. Returns True if anything had to be seeded."""
    from pathfinder.directory.models import InformationPage, TaxonomyTerm

    seeded = False
    if not TaxonomyTerm.objects.exists():
        importlib.import_module("pathfinder.directory.migrations.0002_seed_taxonomy_and_search_index").seed(apps, None)
        seeded = True
    if not TaxonomyTerm.objects.filter(taxonomy__code=DELIVERY_TAXONOMY[0]).exists():
        seed_delivery_taxonomy(apps)
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
