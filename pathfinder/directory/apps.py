from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "pathfinder.directory"
    label = "directory"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from pathfinder.directory.models import Organisation, Taxonomy, TaxonomyTerm
        from pathfinder.directory.public_cache import reference_data_changed

        for model in (Organisation, Taxonomy, TaxonomyTerm):  # edited in the admin, shown on many public pages
            post_save.connect(reference_data_changed, sender=model, dispatch_uid=f"public-cache-{model.__name__}")
            post_delete.connect(reference_data_changed, sender=model, dispatch_uid=f"public-cache-d-{model.__name__}")
