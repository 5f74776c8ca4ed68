"""Seed the SEND taxonomies with fixed ids (uuid5 of their codes) and create the text-search index."""

from django.db import migrations

from pathfinder.directory.constants import (
    NEED_TERMS,
    SUPPORT_CHILD_TERMS,
    SUPPORT_TERMS,
    TAXONOMY_NEEDS,
    TAXONOMY_PROVIDERS,
    TAXONOMY_SUPPORT,
    OrganisationKind,
    stable_uuid,
)

TAXONOMIES = (
    (TAXONOMY_NEEDS, "Special educational needs and disabilities",
     "Needs a service is for, in plain words, following the DfE SEN2 primary need types."),
    (TAXONOMY_SUPPORT, "Kinds of support", "What a service offers: education, health, social care, short breaks and more."),
    (TAXONOMY_PROVIDERS, "Types of provider", "Who provides it, following the SEND Regulations 2014 Schedule 2."),
)


def seed(apps, schema_editor):
    Taxonomy = apps.get_model("directory", "Taxonomy")
    Term = apps.get_model("directory", "TaxonomyTerm")
    for code, name, description in TAXONOMIES:
        Taxonomy.objects.update_or_create(
            id=stable_uuid("taxonomy", code), defaults={"code": code, "name": name, "description": description}
        )

    def term(taxonomy_code, code, name, description, order, parent=None):
        obj, _ = Term.objects.update_or_create(
            id=stable_uuid(taxonomy_code, code),
            defaults={
                "taxonomy_id": stable_uuid("taxonomy", taxonomy_code),
                "code": code,
                "name": name,
                "description": description,
                "sort_order": order,
                "parent": parent,
            },
        )
        return obj

    for i, (code, name, description) in enumerate(NEED_TERMS):
        term(TAXONOMY_NEEDS, code, name, description, i)
    parents = {}
    for i, (code, name, description) in enumerate(SUPPORT_TERMS):
        parents[code] = term(TAXONOMY_SUPPORT, code, name, description, i)
    for i, (parent, code, name, description) in enumerate(SUPPORT_CHILD_TERMS):
        term(TAXONOMY_SUPPORT, code, name, description, i, parents[parent])
    for i, (code, label) in enumerate(OrganisationKind.choices):
        term(TAXONOMY_PROVIDERS, code, label, label + ".", i)


def install_index(apps, schema_editor):
    from pathfinder.directory.search import search_index_install

    search_index_install(schema_editor)


def remove_index(apps, schema_editor):
    from pathfinder.directory.search import search_index_remove

    search_index_remove(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(install_index, remove_index),
    ]
