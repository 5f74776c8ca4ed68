from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "pathfinder.plans"
    label = "plans"
