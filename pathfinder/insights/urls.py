from django.urls import path

from pathfinder.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.caseworker_home, name="caseworker-home"),
    path("manager/", views.manager_home, name="manager-home"),
]
