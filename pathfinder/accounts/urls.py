from django.urls import path

from pathfinder.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("verify/", views.verify, name="verify"),
    path("users/", views.user_list, name="user-list"),
]
