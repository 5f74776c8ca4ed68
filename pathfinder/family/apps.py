from django.apps import AppConfig


class FamilyConfig(AppConfig):
    """The family portal: invitations, accounts for families, the case as a timeline, consent at 16 and the
    online request for an assessment."""

    name = "pathfinder.family"
    label = "family"

    def ready(self) -> None:
        # The caseworker's "Invite to Pathfinder" and consent links on the child's record (people owns the page).
        from pathfinder.family.record_links import family_record_links
        from pathfinder.people.child_pages import register_record_links

        register_record_links(family_record_links)
