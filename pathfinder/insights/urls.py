from django.urls import path

from pathfinder.insights import phase_transfer_views, review_figure_views, views

app_name = "insights"
urlpatterns = [
    path("", views.caseworker_home, name="caseworker-home"),
    path("manager/", views.manager_home, name="manager-home"),
    path("reviews/", review_figure_views.review_figures, name="reviews"),
    path("phase-transfers/", phase_transfer_views.phase_transfers, name="phase-transfers"),
]
