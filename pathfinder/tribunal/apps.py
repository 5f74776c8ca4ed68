from django.apps import AppConfig


class TribunalConfig(AppConfig):
    """Appeals to the SEND Tribunal, the council's response, and doing what the Tribunal orders (regs 44, 45)."""

    name = "pathfinder.tribunal"
    label = "tribunal"

    def ready(self) -> None:
        # The child's record links to their appeals and orders (people does not know tribunal exists).
        from pathfinder.people.child_pages import register_record_links
        from pathfinder.tribunal.record_links import tribunal_record_links

        register_record_links(tribunal_record_links)
