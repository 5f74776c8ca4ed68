from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "pathfinder.reviews"
    label = "reviews"
