from django.apps import AppConfig


class CeasingConfig(AppConfig):
    name = "pathfinder.ceasing"
    label = "ceasing"
