from django.apps import AppConfig


class Sen2Config(AppConfig):
    name = "pathfinder.sen2"
    label = "sen2"
    verbose_name = "SEN2 return"
