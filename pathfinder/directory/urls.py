from django.urls import path

from pathfinder.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("provider/", views.provider_home, name="provider-home"),
    path("officer/", views.officer_home, name="officer-home"),
]
