from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "pathfinder.audit"
    label = "audit"
