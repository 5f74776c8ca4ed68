from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "pathfinder.organisations"
    label = "organisations"
    verbose_name = "Organisations (schools, NHS trusts, services)"
