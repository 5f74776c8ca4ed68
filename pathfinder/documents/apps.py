from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """The one documents component: every file a person sends or Pathfinder makes about a child."""

    name = "pathfinder.documents"
    label = "documents"
    verbose_name = "Documents"
