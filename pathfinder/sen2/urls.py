from django.urls import path

from pathfinder.sen2 import views

app_name = "sen2"
urlpatterns = [
    path("", views.return_page, name="return"),
    path("download/", views.return_download_xml, name="download"),
]
