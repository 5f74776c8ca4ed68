from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "pathfinder.directory"
    label = "directory"
