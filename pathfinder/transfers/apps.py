from django.apps import AppConfig


class TransfersConfig(AppConfig):
    name = "pathfinder.transfers"
    label = "transfers"
