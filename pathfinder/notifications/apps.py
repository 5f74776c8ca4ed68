from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class NotificationsConfig(AppConfig):
    name = "pathfinder.notifications"
    label = "notifications"
    verbose_name = "Messages to families and professionals"

    def ready(self) -> None:
        # Each domain keeps the words of its messages in its own messages.py (see pathfinder.notifications.kinds):
        # importing them here registers every kind at start-up, the way core finds navigation.py and worklist.py.
        autodiscover_modules("messages")
