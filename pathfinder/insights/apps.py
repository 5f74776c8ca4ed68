from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "pathfinder.insights"
    label = "insights"
