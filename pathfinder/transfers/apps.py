from django.apps import AppConfig


class TransfersConfig(AppConfig):
    name = "pathfinder.transfers"
    label = "transfers"

    def ready(self) -> None:
        # The child's record says where a transferred plan came from, and links to its page (people does not
        # know transfers exist).
        from pathfinder.people.child_pages import register_record_links
        from pathfinder.transfers.selectors import record_links

        register_record_links(record_links)
