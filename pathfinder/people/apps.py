from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "pathfinder.people"
    label = "people"
