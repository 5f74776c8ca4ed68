from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "pathfinder.assessments"
    label = "assessments"
