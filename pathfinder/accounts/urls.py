from django.urls import path

from pathfinder.accounts import role_views, setup_views, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("verify/", views.verify, name="verify"),
    path("set-up/<str:token>/", setup_views.set_up, name="set-up"),
    path("users/", views.user_list, name="user-list"),
    path("role-changes/", role_views.role_change_list, name="role-changes"),
    path("role-changes/<int:change_id>/decide/", role_views.role_change_decide, name="role-change-decide"),
    path("set-up-links/<int:invitation_id>/approve/", role_views.invitation_approve, name="invitation-approve"),
]
