from django.urls import path

from pathfinder.documents import views

app_name = "documents"

urlpatterns = [
    path("<uuid:public_id>/", views.download, name="download"),
]
