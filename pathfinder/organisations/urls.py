from django.urls import path

from pathfinder.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:organisation_id>/members/", views.members, name="members"),
    path("<int:organisation_id>/members/<int:membership_id>/remove/", views.member_remove, name="member-remove"),
]
