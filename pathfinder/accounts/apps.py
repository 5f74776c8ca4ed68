from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pathfinder.accounts"
    label = "accounts"
