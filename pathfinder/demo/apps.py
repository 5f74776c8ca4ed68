from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "pathfinder.demo"
    label = "demo"
