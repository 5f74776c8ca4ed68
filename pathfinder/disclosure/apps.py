from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    """What leaves Pathfinder on request: the inspectors' lists and a family's subject access pack."""

    name = "pathfinder.disclosure"
    label = "disclosure"

    def ready(self) -> None:
        # The child's record page links to the subject access pack (people does not know disclosure exists).
        from pathfinder.disclosure.record_links import subject_access_links
        from pathfinder.people.child_pages import register_record_links

        register_record_links(subject_access_links)
