from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "pathfinder.feedback"
    label = "feedback"
