from django.apps import AppConfig


class CaseloadConfig(AppConfig):
    """Bringing a council's caseload in (the caseload template's CSV files, or its last SEN2 return) and out."""

    name = "pathfinder.caseload"
    label = "caseload"
