from django.apps import AppConfig


class CeasingConfig(AppConfig):
    name = "pathfinder.ceasing"
    label = "ceasing"

    def ready(self) -> None:
        # The plan's page says where ceasing stands (plans does not know ceasing exists).
        from pathfinder.ceasing.plan_notes import cease_notes
        from pathfinder.plans.plan_notes import register_plan_notes

        register_plan_notes(cease_notes)
