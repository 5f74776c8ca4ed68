from django.urls import path

from pathfinder.people import views

app_name = "people"
urlpatterns = [
    path("", views.child_list, name="child-list"),
    path("new/", views.child_new, name="child-new"),
    path("<int:child_id>/", views.child_detail, name="child"),
    path("<int:child_id>/change/", views.child_edit, name="child-edit"),
    path("<int:child_id>/family/new/", views.family_member_new, name="family-member-new"),
    path("<int:child_id>/history/", views.child_history, name="child-history"),
    path("<int:child_id>/who-has-looked/", views.child_access_log, name="child-access-log"),
]
